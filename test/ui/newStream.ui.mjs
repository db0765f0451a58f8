// "Streams: New Stream" as a person runs it: the command palette, a name typed (the folder it will make shown as
// they type), a priority picked (Medium offered first), an owner entered; then the new stream selected in the
// Streams view and its README open with every header field filled. Also: the Explorer offers "New Stream Here"
// on a stream root, and only there.

import * as assert from 'node:assert/strict';
import { clickSettledRow, formatRows } from './workbench.mjs';

export const title = 'New Stream from the palette: name, priority, owner; the stream appears in the tree and its README opens filled; the owner is remembered';
export const timeout = 120_000;

const INPUT = '.quick-input-widget .quick-input-box input';
const MESSAGE = '.quick-input-widget .quick-input-message';
const FOCUSED_ITEM = '.quick-input-widget .quick-input-list .monaco-list-row.focused .label-name';

function today() {
	const now = new Date();
	const pad = value => String(value).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Waits for the quick input to show a box whose prompt or placeholder matches, and returns its input. */
async function waitForInputBox(page, prompt) {
	await page.waitForFunction(([input, expected]) => {
		const box = document.querySelector(input);
		const widget = document.querySelector('.quick-input-widget');
		if (!box || !widget || widget.style.display === 'none') {
			return false;
		}
		const text = `${widget.textContent ?? ''} ${box.getAttribute('placeholder') ?? ''} ${box.getAttribute('aria-label') ?? ''}`;
		return new RegExp(expected, 'i').test(text);
	}, [INPUT, prompt]);
	return page.locator(INPUT);
}

async function messageText(page) {
	return ((await page.locator(MESSAGE).first().textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
}

export async function run({ workbench, page }) {
	await workbench.openStreamsView();
	await workbench.setSideBarWidth(420);
	await workbench.waitForTreeRows(rows => rows.some(row => row.label === 'Auth Refresh'), { what: 'the fixture streams' });

	// 1. The palette.
	await workbench.runCommand('Streams: New Stream');
	const name = await waitForInputBox(page, 'Name of the stream');

	// 2. The name, checked as it is typed.
	await name.pressSequentially('Auth Refresh');
	await page.waitForFunction(selector => /already exists/.test(document.querySelector(selector)?.textContent ?? ''), MESSAGE);
	assert.match(await messageText(page), /\.project\/streams\/auth-refresh already exists/, 'a taken name is refused as it is typed');
	await workbench.screenshot('new-stream-1-name-taken');
	await name.fill('');
	await name.pressSequentially('Offline Editing');
	await page.waitForFunction(selector => /offline-editing/.test(document.querySelector(selector)?.textContent ?? ''), MESSAGE);
	assert.match(await messageText(page), /Creates \.project\/streams\/offline-editing/, 'the folder it will create is shown');
	await workbench.screenshot('new-stream-2-name');
	await page.keyboard.press('Enter');

	// 3. The priority: Medium is offered first; pick High.
	await page.waitForFunction(selector => ['High', 'Medium', 'Low'].includes(document.querySelector(selector)?.textContent?.trim() ?? ''), FOCUSED_ITEM);
	assert.equal((await page.locator(FOCUSED_ITEM).textContent())?.trim(), 'Medium', 'Medium is preselected');
	await workbench.screenshot('new-stream-3-priority');
	await page.keyboard.press('ArrowUp');
	await page.waitForFunction(selector => document.querySelector(selector)?.textContent?.trim() === 'High', FOCUSED_ITEM);
	await page.keyboard.press('Enter');

	// 4. The owner.
	const owner = await waitForInputBox(page, 'Owner of the stream');
	await owner.fill('');
	await owner.pressSequentially('Ana Lima');
	await workbench.screenshot('new-stream-4-owner');
	await page.keyboard.press('Enter');

	// 5. The README opens with its header filled in.
	await page.locator('.tabs-container .tab.active', { hasText: 'README.md' }).waitFor();
	await page.waitForFunction(() => [...document.querySelectorAll('.editor-group-container.active .view-line')]
		.some(line => line.textContent?.replace(/\u00a0/g, ' ').includes('# Offline Editing Stream')));
	const lines = await workbench.editorLines();
	const shownLines = `\n${lines.slice(0, 8).join('\n')}`;
	assert.equal(lines[0], '# Offline Editing Stream', `the title:${shownLines}`);
	assert.ok(lines.includes('**Status:** 🟢 Ready'), `the status:${shownLines}`);
	assert.ok(lines.includes(`**Created:** ${today()} **Owner:** Ana Lima **Priority:** High`), `date, owner, priority:${shownLines}`);
	assert.ok(!lines.some(line => /\[Feature Name\]|YYYY-MM-DD|\{\{/.test(line)), `no placeholder left:${shownLines}`);

	// 6. The stream is in the tree, under Ready, selected.
	const rows = await workbench.waitForTreeRows(shown => shown.some(row => row.label === 'Offline Editing'), { what: 'the new stream in the tree' });
	const shown = `\n${formatRows(rows)}`;
	const index = rows.findIndex(row => row.label === 'Offline Editing');
	const group = rows.slice(0, index).reverse().find(row => row.level === 1);
	assert.equal(group?.label, 'Ready', `a new stream is ready:${shown}`);
	const parts = rows[index].description.split('·').map(part => part.trim());
	assert.match(parts[0], /^0\/\d+$/, `no task done yet:${shown}`);
	assert.ok(parts.includes('High') && parts.includes('Ana Lima'), `priority and owner shown:${shown}`);
	await page.waitForFunction(() => [...document.querySelectorAll('[id="workbench.view.extension.streams"] .monaco-list-row.selected .label-name')]
		.some(label => label.textContent?.trim() === 'Offline Editing'));
	await workbench.moveMouseAway();
	await workbench.screenshot('new-stream-5-created');

	// 7. The next New Stream suggests the owner used last.
	await workbench.runCommand('Streams: New Stream');
	const second = await waitForInputBox(page, 'Name of the stream');
	await second.pressSequentially('Second Stream');
	await page.waitForFunction(selector => /second-stream/.test(document.querySelector(selector)?.textContent ?? ''), MESSAGE);
	await page.keyboard.press('Enter');
	await page.waitForFunction(selector => document.querySelector(selector)?.textContent?.trim() === 'Medium', FOCUSED_ITEM);
	await page.keyboard.press('Enter');
	const suggested = await waitForInputBox(page, 'Owner of the stream');
	assert.equal(await suggested.inputValue(), 'Ana Lima', 'the last owner is suggested');
	await page.keyboard.press('Escape');
	await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });

	// 8. The Explorer offers "New Stream Here" on the stream root.
	await page.keyboard.press('Control+Shift+E');
	const explorer = page.locator('.explorer-folders-view');
	await explorer.waitFor();
	const explorerRow = label => explorer.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace('.', '\\.')}$`) }) }).first();
	if ((await explorerRow('streams').count()) === 0) {
		await clickSettledRow(page, '.explorer-folders-view .monaco-list-row', explorerRow('.project'));
	}
	await explorerRow('streams').waitFor();
	await clickSettledRow(page, '.explorer-folders-view .monaco-list-row', explorerRow('streams'), { button: 'right' });
	const menu = page.locator('.context-view .monaco-menu');
	await menu.waitFor();
	const here = menu.locator('.action-item', { hasText: 'New Stream Here' });
	await here.waitFor();
	await workbench.screenshot('new-stream-6-explorer-menu');
	await here.click();
	await waitForInputBox(page, 'Name of the stream');
	await page.keyboard.press('Escape');

	// …and not on a stream folder inside it.
	await clickSettledRow(page, '.explorer-folders-view .monaco-list-row', explorerRow('auth-refresh'), { button: 'right' });
	await menu.waitFor();
	await menu.locator('.action-item').first().waitFor();
	assert.equal(await menu.locator('.action-item', { hasText: 'New Stream Here' }).count(), 0, 'no "New Stream Here" on a stream folder');
	await page.keyboard.press('Escape');
}
