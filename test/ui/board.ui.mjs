// The Streams board as a person uses it on the fixture workspace: open it from the palette, drag a card from
// In Progress to Blocked (its README is rewritten and saved), move another by keyboard while its README has
// unsaved text (the text stays unsaved), see a plan changed on disk move a card's progress without a reload,
// and see the Streams tree follow — its rows keeping their status letters, a row with a warning included; a
// window reload brings the board back. Screenshots of the board in a dark and a light theme.

import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const title = 'the board: drag and keyboard moves, live progress, the tree following, light and dark themes';
export const timeout = 150_000;

const STREAMS_DIR = ['.project', 'streams'];

/** The board's page: the webview is an iframe in the workbench holding the extension's page in another. */
function boardFrame(page) {
	return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

function card(board, title) {
	return board.locator('.card').filter({ has: board.locator('.card-title', { hasText: new RegExp(`^${title}$`) }) });
}

async function columnOf(board, title) {
	return card(board, title).evaluate(element => element.closest('.column')?.getAttribute('data-column'));
}

async function waitForColumn(board, title, column) {
	await board.locator(`.column[data-column="${column}"] .card:not(.pending)`).filter({ has: board.locator('.card-title', { hasText: new RegExp(`^${title}$`) }) }).waitFor();
}

/** The group row above a stream's row in the Streams tree. */
function groupOf(rows, label) {
	const index = rows.findIndex(row => row.label === label);
	return index < 0 ? undefined : rows.slice(0, index).reverse().find(row => row.level === 1)?.label;
}

/** The badge a tree row's decoration shows (the label's `::after` content), or undefined. */
async function rowBadge(workbench, label) {
	return workbench.row(label).evaluate(row => {
		const decorated = row.querySelector('.monaco-icon-label[class*="monaco-decoration-itemBadge-"]');
		if (!decorated) {
			return row.querySelector('.monaco-icon-label[class*="monaco-decoration-bubbleBadge-"]') ? 'bubble' : undefined;
		}
		return getComputedStyle(decorated, '::after').content.replace(/^"|"$/g, '');
	});
}

/** Waits until the file on disk matches `pattern` (the save lands a moment after the card moves). */
async function waitForFile(page, path, pattern, what, timeout = 10_000) {
	const deadline = Date.now() + timeout;
	while (!pattern.test(readFileSync(path, 'utf8'))) {
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}; the file holds:\n${readFileSync(path, 'utf8')}`);
		}
		await page.waitForTimeout(50);
	}
}

export async function run({ workbench, page, workspace }) {
	const streamFile = (...path) => join(workspace, ...STREAMS_DIR, ...path);
	// A fixed theme for the first screenshots, whatever the server's default.
	mkdirSync(join(workspace, '.vscode'), { recursive: true });
	const settingsFile = join(workspace, '.vscode', 'settings.json');
	writeFileSync(settingsFile, JSON.stringify({ 'workbench.colorTheme': 'Default Dark Modern' }, null, '\t'));

	// The tree first: every row keeps its letter, Search v2 (a warning in the Problems panel) included.
	await workbench.openStreamsView();
	await workbench.setSideBarWidth(380);
	await workbench.waitForTreeRows(rows => rows.some(row => row.label === 'Search v2' && /⚠ \d+$/.test(row.description)), { what: 'the warning mark on Search v2' });
	const letters = {};
	for (const label of ['Search v2', 'Auth Refresh', 'Billing Export', 'API Rate Limits', 'Onboarding Tour']) {
		letters[label] = await rowBadge(workbench, label);
	}
	assert.deepEqual(letters, { 'Search v2': 'R', 'Auth Refresh': 'IP', 'Billing Export': 'B', 'API Rate Limits': 'P', 'Onboarding Tour': 'C' }, 'status letters, not problem dots');
	await workbench.moveMouseAway();
	await workbench.screenshot('tree-letters-with-warning');

	// 1. Open the board: a column per status, a card per stream.
	await workbench.runCommand('Streams: Open Board');
	const board = boardFrame(page);
	await card(board, 'Auth Refresh').waitFor({ timeout: 30_000 });
	assert.deepEqual(await board.locator('.column .column-label').allTextContents(), ['Ready', 'In Progress', 'Blocked', 'Paused', 'Complete']);
	assert.equal(await board.locator('.card').count(), 5);
	const auth = card(board, 'Auth Refresh');
	assert.equal(await auth.locator('.card-count').textContent(), '4/12');
	assert.match(await auth.locator('.card-phase').textContent(), /^Phase 1 - Token rotation$/);
	assert.match(await card(board, 'Search v2').locator('.findings').textContent(), /^⚠ \d+$/, 'the health mark');
	const overview = await board.locator('#overview').textContent();
	assert.match(overview, /13 of 32 tasks done/, 'tasks done of all: 4/12 + 3/6 + 0/5 + 4/4 + 2/5');
	assert.match(overview, /1 stream blocked/);
	await workbench.moveMouseAway();
	await workbench.screenshot('board-dark');

	// A light theme: the board follows VS Code's theme variables (the moves below happen in it).
	writeFileSync(settingsFile, JSON.stringify({ 'workbench.colorTheme': 'Default Light Modern' }, null, '\t'));
	await board.locator('body.vscode-light').waitFor();
	await workbench.moveMouseAway();
	await workbench.screenshot('board-light');

	// 2. Drag Auth Refresh from In Progress to Blocked: README.md rewritten and saved; the tree follows.
	assert.equal(await columnOf(board, 'Auth Refresh'), 'in-progress');
	await auth.dragTo(board.locator('.column[data-column="blocked"] .column-cards'));
	await waitForColumn(board, 'Auth Refresh', 'blocked');
	await waitForFile(page, streamFile('auth-refresh', 'README.md'), /^\*\*Status:\*\* 🔴 Blocked$/m, 'README.md saved with the new status');
	await workbench.waitForTreeRows(rows => groupOf(rows, 'Auth Refresh') === 'Blocked', { what: 'Auth Refresh under Blocked in the tree' });
	await workbench.moveMouseAway();
	await workbench.screenshot('board-after-drag');

	// A reload of the window brings the board back (its serializer), with the card where it was moved. VS Code's
	// own Reload Window, not the browser's: it shuts the window down properly, so the open editors (the board
	// among them) are stored before the page goes; a browser reload may leave before they are.
	const reloaded = page.waitForEvent('load', { timeout: 60_000 });
	await page.keyboard.press('F1');
	const palette = page.locator('.quick-input-widget .quick-input-box input');
	await palette.waitFor({ state: 'visible' });
	await palette.fill('>Developer: Reload Window');
	await page.locator('.quick-input-list .monaco-list-row.focused .label-name', { hasText: /^\s*Developer: Reload Window\s*$/ }).waitFor();
	await page.keyboard.press('Enter');
	await reloaded;
	await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
	await board.locator('.column[data-column="blocked"] .card').filter({ hasText: 'Auth Refresh' }).waitFor({ timeout: 60_000 });

	// 3. Click Search v2: its README opens beside. Type an unsaved line, then move the card by keyboard.
	await card(board, 'Search v2').click();
	// The editor group showing search-v2's README (its breadcrumbs name the folder).
	const searchGroup = page.locator('.editor-group-container').filter({ has: page.locator('.breadcrumbs-control', { hasText: 'search-v2' }) });
	await searchGroup.locator('.tabs-container .tab.active', { hasText: 'README.md' }).waitFor();
	await page.keyboard.press('Control+End');
	await page.keyboard.type('\nA thought not saved yet.');
	await searchGroup.locator('.tabs-container .tab.active.dirty', { hasText: 'README.md' }).waitFor();
	const searchReadme = readFileSync(streamFile('search-v2', 'README.md'), 'utf8');
	await card(board, 'Search v2').focus();
	await page.keyboard.press('Shift+ArrowRight');
	await waitForColumn(board, 'Search v2', 'in-progress');
	assert.match(await board.locator('#announcer').textContent(), /Search v2 moved to In Progress/, 'the move is announced');
	assert.equal(readFileSync(streamFile('search-v2', 'README.md'), 'utf8'), searchReadme, 'the unsaved document is not saved by the move');
	await searchGroup.locator('.tabs-container .tab.active.dirty', { hasText: 'README.md' }).click();
	await page.locator('.editor-group-container.active .breadcrumbs-control', { hasText: 'search-v2' }).waitFor();
	// The header at the top in view: Monaco renders only the lines it shows.
	await page.keyboard.press('Control+Home');
	await workbench.waitForEditorLines(shown => {
		const lines = shown.join('\n');
		return /Status:\*\* 🟡 In Progress/.test(lines) && /A thought not saved yet\./.test(lines);
	}, { what: 'the buffer with the new status and the unsaved text' });
	await workbench.waitForTreeRows(rows => groupOf(rows, 'Search v2') === 'In Progress', { what: 'Search v2 under In Progress in the tree' });

	// 4. A plan changed on disk: the card's progress follows without a reload.
	const plan = streamFile('billing-export', 'PLAN.md');
	const before = readFileSync(plan, 'utf8');
	writeFileSync(plan, before.replace('- [ ]', '- [x]'));
	const billing = card(board, 'Billing Export');
	await billing.locator('.card-count', { hasText: /^4\/6$/ }).waitFor();

}
