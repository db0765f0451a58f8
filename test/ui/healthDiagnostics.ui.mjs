// Stream health as a person meets it: the Problems panel lists the fixture's one finding (search-v2's README
// still offers "High | Medium | Low" as its priority) with its message, source and rule id; opening it selects the
// leftover under its squiggle; Ctrl+. offers a priority for each choice listed; picking Medium edits the line (the
// buffer, not the file) and the finding leaves the Problems panel.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForSettled } from './workbench.mjs';

export const title = 'the Problems panel lists the leftover priority with its rule id; the quick fix from Ctrl+. picks Medium and the finding goes';
export const timeout = 120_000;

const PROBLEMS = '.markers-panel';
/** Real rows only: sticky-scroll header rows carry `.monaco-list-row` too. */
const PROBLEM_ROWS = `${PROBLEMS} .monaco-list-rows > .monaco-list-row`;
const EDITOR = '.editor-group-container.active .monaco-editor';
const QUICK_FIXES = '.action-widget .monaco-list-row.action';
const PROBLEMS_STATUS = '.part.statusbar [id="status.problems"]';

const README = join('.project', 'streams', 'search-v2', 'README.md');
const LEFTOVER_LINE = '**Created:** 2026-02-03 **Owner:** carol **Priority:** High | Medium | Low';
const FIXED_LINE = '**Created:** 2026-02-03 **Owner:** carol **Priority:** Medium';
const MESSAGE = 'Priority still lists the template\'s choices: keep the one that applies';

/**
 * The rows of the Problems panel, top to bottom: a file row (`file`, `folder`, `count`) or a problem row
 * (`severity`, `message`, `source`, `code`, `at`).
 */
async function problemRows(page) {
	return page.$$eval(PROBLEM_ROWS, rows => rows
		.map(row => {
			const text = selector => (row.querySelector(selector)?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
			const top = parseFloat(row.style.top) || 0;
			if (row.querySelector('.marker-message-details-container')) {
				const icon = row.querySelector('.marker-icon');
				const severity = ['error', 'warning', 'info'].find(name => icon?.classList.contains(name)) ?? '';
				return { top, severity, message: text('.marker-message'), source: text('.marker-source'), code: text('.marker-code'), at: text('.marker-line') };
			}
			return { top, file: text('.label-name'), folder: text('.label-description'), count: text('.monaco-count-badge') };
		})
		.sort((a, b) => a.top - b.top)
		.map(({ top: _top, ...row }) => row));
}

/** Waits until the Problems panel shows rows that satisfy `accept` and have stopped changing; returns them. */
function waitForProblems(page, accept, what, { timeout = 20_000 } = {}) {
	return waitForSettled(page, () => problemRows(page), accept, { timeout, what, describe: rows => `the Problems panel shows:\n${JSON.stringify(rows, null, 2)}` });
}

/** The titles of the quick-fix menu's entries, top to bottom, and the focused one. */
async function quickFixMenu(page) {
	return page.$$eval(QUICK_FIXES, rows => {
		const sorted = rows.sort((a, b) => (parseFloat(a.style.top) || 0) - (parseFloat(b.style.top) || 0));
		const title = row => (row.querySelector('.title')?.textContent ?? row.textContent ?? '').replace(/\u00a0/g, ' ').trim();
		return { titles: sorted.map(title), focused: title(sorted.find(row => row.classList.contains('focused')) ?? document.createElement('div')) };
	});
}

export async function run({ workbench, page, workspace }) {
	const onDisk = readFileSync(join(workspace, README), 'utf8');
	assert.ok(onDisk.includes(LEFTOVER_LINE), 'the fixture still lists the priorities');

	// 1. The Problems panel, from the palette: the stream's finding with its message, source and rule id.
	await workbench.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
	await page.locator(PROBLEMS).waitFor({ state: 'visible' });
	const rows = await waitForProblems(page, shown => shown.some(row => row.code === 'template-leftover'), 'the template leftover');
	assert.deepEqual(rows, [
		{ file: 'README.md', folder: '.project/streams/search-v2', count: '1' },
		{ severity: 'warning', message: MESSAGE, source: 'streams', code: 'template-leftover', at: '[Ln 5, Col 56]' },
	], 'the fixture has exactly one finding: search-v2\'s priority');
	await workbench.moveMouseAway();
	assert.equal(await page.locator(PROBLEMS_STATUS).getAttribute('aria-label'), 'Warnings: 1', 'the status bar counts it');
	await workbench.screenshot('health-1-problems-panel');

	// 2. Opening the finding selects it in README.md, under a warning squiggle.
	const finding = page.locator(PROBLEM_ROWS).filter({ has: page.locator('.marker-code', { hasText: 'template-leftover' }) }).first();
	await finding.dblclick();
	await page.locator('.tabs-container .tab.active', { hasText: 'README.md' }).waitFor();
	await page.locator(`${EDITOR}.focused`).waitFor();
	await page.locator(`${EDITOR} .squiggly-warning`).first().waitFor();
	const lines = await workbench.editorLines();
	assert.equal(lines[4], LEFTOVER_LINE, `line 5 as opened:\n${lines.slice(0, 8).join('\n')}`);
	const cursor = ((await page.locator('.part.statusbar [id="status.editor.selection"]').textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
	// VS Code selects the finding's range: "High | Medium | Low", 19 characters ending at column 75.
	assert.equal(cursor, 'Ln 5, Col 75 (19 selected)', 'the leftover is selected');

	// 3. Ctrl+. offers one fix per listed priority.
	// Ctrl+. only once Markdown's extensions are active and the lightbulb is up: VS Code asks again by itself when
	// a provider registers or 250 ms after the cursor moves, and that request replaces a pending Ctrl+.'s menu.
	await workbench.waitForExtensionActivation();
	await page.locator(`${EDITOR} .lightBulbWidget`).waitFor({ state: 'visible' });
	await page.keyboard.press('Control+.');
	await page.locator(QUICK_FIXES).first().waitFor({ state: 'visible' });
	const menu = await quickFixMenu(page);
	// Markdown's own "Surround With" refactorings follow the quick fixes.
	const priorities = ['Set priority to High', 'Set priority to Medium', 'Set priority to Low'];
	assert.deepEqual(menu.titles.slice(0, 3), priorities, `the quick fixes first: ${menu.titles.join(' | ')}`);
	assert.equal(menu.titles.filter(entry => entry.startsWith('Set ')).length, 3, `no other fix: ${menu.titles.join(' | ')}`);
	await workbench.moveMouseAway();
	await workbench.screenshot('health-2-quick-fix-menu');

	// 4. Down to "Set priority to Medium", Enter.
	for (let step = 0; step < menu.titles.length && (await quickFixMenu(page)).focused !== 'Set priority to Medium'; step++) {
		await page.keyboard.press('ArrowDown');
	}
	assert.equal((await quickFixMenu(page)).focused, 'Set priority to Medium');
	await page.keyboard.press('Enter');
	await page.locator(QUICK_FIXES).first().waitFor({ state: 'hidden' });

	// 5. The line reads Medium, in the unsaved buffer; the squiggle and the finding are gone.
	await page.waitForFunction(([selector, expected]) => [...document.querySelectorAll(selector)]
		.some(line => line.textContent?.replace(/\u00a0/g, ' ') === expected), [`${EDITOR} .view-lines > .view-line`, FIXED_LINE]);
	const fixed = await workbench.editorLines();
	assert.equal(fixed[4], FIXED_LINE, `line 5 after the fix:\n${fixed.slice(0, 8).join('\n')}`);
	await page.locator('.tabs-container .tab.active.dirty', { hasText: 'README.md' }).waitFor();
	assert.equal(readFileSync(join(workspace, README), 'utf8'), onDisk, 'the fix edits the buffer and leaves saving to the author');
	await page.locator(`${EDITOR} .squiggly-warning`).first().waitFor({ state: 'detached' });
	await waitForProblems(page, shown => shown.length === 0, 'the finding to go');
	await page.locator(PROBLEMS, { hasText: 'No problems have been detected in the workspace.' }).waitFor();
	await page.locator(`${PROBLEMS_STATUS}[aria-label="No Problems"]`).waitFor();
	await workbench.moveMouseAway();
	await workbench.screenshot('health-3-fixed');
}
