// A stream's status wherever a person looks: a badge on its folder in the Explorer, the status-bar item while
// one of its documents is open, and "Streams: Set Status…" from the palette moving it in the Streams tree.

import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clickSettledRow } from './workbench.mjs';

export const title = 'badges in the Explorer, the status-bar item, and Set Status from the palette';

const EXPLORER = '[id="workbench.view.explorer"]';
const EXPLORER_ROWS = `${EXPLORER} .monaco-list-rows > .monaco-list-row`;
const STREAMS = '[id="workbench.view.extension.streams"]';
const QUICK_INPUT = '.quick-input-widget .quick-input-box input';

/** The Explorer row whose label is exactly `label`. */
function explorerRow(page, label) {
	return page.locator(EXPLORER_ROWS)
		.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }) })
		.first();
}

async function expandExplorerFolder(page, label) {
	const row = explorerRow(page, label);
	await row.waitFor();
	if ((await row.getAttribute('aria-expanded')) !== 'true') {
		await clickSettledRow(page, EXPLORER_ROWS, row);
		await page.waitForFunction(([rows, wanted]) => [...document.querySelectorAll(rows)]
			.some(candidate => candidate.querySelector('.label-name')?.textContent?.trim() === wanted
				&& candidate.getAttribute('aria-expanded') === 'true'), [EXPLORER_ROWS, label]);
	}
}

/**
 * The badge VS Code renders for an Explorer row (the label's `::after` content) and its tooltip; `bubble` when
 * VS Code shows its "contains emphasized items" dot instead, as it does for a folder whose files have problems.
 */
async function explorerBadge(page, label) {
	return explorerRow(page, label).evaluate(row => {
		const decorated = row.querySelector('.monaco-icon-label[class*="monaco-decoration-itemBadge-"]');
		if (!decorated) {
			return row.querySelector('.monaco-icon-label[class*="monaco-decoration-bubbleBadge-"]') ? { badge: 'bubble', tooltip: '' } : undefined;
		}
		const content = getComputedStyle(decorated, '::after').content;
		return { badge: content.replace(/^"|"$/g, ''), tooltip: decorated.getAttribute('aria-label') ?? '' };
	});
}

/** The quick pick's rows, as text, once it shows `expected` focused. */
async function acceptQuickPick(page, text, expected) {
	const input = page.locator(QUICK_INPUT);
	await input.waitFor({ state: 'visible' });
	if (text !== undefined) {
		await input.fill(text);
	}
	await page.waitForFunction(wanted => {
		const focused = document.querySelector('.quick-input-list .monaco-list-row.focused .label-name');
		return focused?.textContent?.replace(/\u00a0/g, ' ').trim() === wanted;
	}, expected);
	await page.keyboard.press('Enter');
}

/** The codicon of the Streams tree row labelled `label`. */
async function treeIcon(workbench, label) {
	return workbench.row(label).evaluate(row => {
		const icon = row.querySelector('.custom-view-tree-node-item-icon');
		return [...(icon?.classList ?? [])].find(name => name.startsWith('codicon-') && name !== 'codicon-') ?? '';
	});
}

export async function run({ workbench, page, workspace }) {
	// Compact folders would show ".project/streams" as one row; the badge belongs on the stream's own row.
	mkdirSync(join(workspace, '.vscode'), { recursive: true });
	writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'explorer.compactFolders': false }, null, '\t'));

	// 1. The Explorer shows each stream folder's status badge.
	await workbench.runCommand('View: Show Explorer');
	await page.locator(EXPLORER).waitFor({ state: 'visible' });
	await workbench.setSideBarWidth(420);
	await expandExplorerFolder(page, '.project');
	await expandExplorerFolder(page, 'streams');
	await page.waitForFunction(rows => [...document.querySelectorAll(rows)].some(row => row.querySelector('.label-name')?.textContent?.trim() === 'auth-refresh'
		&& row.querySelector('.monaco-icon-label[class*="monaco-decoration-itemBadge-"]')), EXPLORER_ROWS);
	await workbench.moveMouseAway();
	const expected = { 'auth-refresh': 'IP', 'billing-export': 'B', 'onboarding-tour': 'C', 'rate-limits': 'P' };
	for (const [folder, badge] of Object.entries(expected)) {
		const shown = await explorerBadge(page, folder);
		assert.equal(shown?.badge, badge, `${folder} shows the badge ${badge}`);
	}
	// search-v2's README still lists "High | Medium | Low", which the stream checks report as a warning. VS Code
	// shows a folder that holds files with problems with its own dot, whatever other badges the folder has.
	const search = await explorerBadge(page, 'search-v2');
	assert.ok(search?.badge === 'R' || search?.badge === 'bubble', `search-v2 shows R, or VS Code's problem dot: ${JSON.stringify(search)}`);
	const auth = await explorerBadge(page, 'auth-refresh');
	assert.match(auth.tooltip, /Stream: In Progress · 4\/12 \(33%\)/, 'the badge explains itself');
	assert.equal(await explorerBadge(page, '_archive'), undefined, 'a skipped folder has no badge');
	await workbench.screenshot('explorer-status-badges');

	// 2. The status bar shows the stream while its PLAN.md is open, and nothing for other files.
	await expandExplorerFolder(page, 'auth-refresh');
	await clickSettledRow(page, EXPLORER_ROWS, explorerRow(page, 'PLAN.md'));
	await page.locator('.tabs-container .tab.active', { hasText: 'PLAN.md' }).waitFor();
	const item = page.locator('.part.statusbar [aria-label^="Stream Auth Refresh"]').first();
	await item.waitFor({ state: 'visible' });
	assert.equal(await item.getAttribute('aria-label'), 'Stream Auth Refresh, In Progress, 4 of 12 tasks done');
	assert.match((await item.textContent()).replace(/\u00a0/g, ' '), /Auth Refresh 4\/12/);
	assert.equal(await item.locator('.codicon-play-circle').count(), 1, 'the In Progress icon');
	await workbench.moveMouseAway();
	await workbench.screenshot('status-bar-stream');

	// The workspace's own README.md (the top-level row) belongs to no stream.
	await clickSettledRow(page, EXPLORER_ROWS, page.locator(`${EXPLORER_ROWS}[aria-level="1"]`).filter({ has: page.locator('.label-name', { hasText: /^\s*README\.md\s*$/ }) }));
	await page.locator('.tabs-container .tab.active', { hasText: 'README.md' }).waitFor();
	await item.waitFor({ state: 'hidden' });

	// 3. "Streams: Set Status…" from the palette: the active stream first, then the status; the tree follows.
	await clickSettledRow(page, EXPLORER_ROWS, explorerRow(page, 'PLAN.md'));
	await page.locator('.tabs-container .tab.active', { hasText: 'PLAN.md' }).waitFor();
	await item.waitFor({ state: 'visible' });
	await workbench.openStreamsView();
	await workbench.waitForTreeRows(rows => rows.some(row => row.label === 'Auth Refresh'));
	assert.equal(await treeIcon(workbench, 'Auth Refresh'), 'codicon-play-circle', 'In Progress before');
	await workbench.screenshot('set-status-before');
	await workbench.runCommand('Streams: Set Status…');
	await acceptQuickPick(page, undefined, 'Auth Refresh');
	await acceptQuickPick(page, 'Blocked', 'Blocked');
	const rows = await workbench.waitForTreeRows(shown => {
		const index = shown.findIndex(row => row.label === 'Auth Refresh');
		const group = shown.slice(0, index).reverse().find(row => row.level === 1);
		return index >= 0 && group?.label === 'Blocked';
	}, { what: 'Auth Refresh under Blocked' });
	assert.ok(rows.length > 0);
	await page.waitForFunction(([container]) => [...document.querySelectorAll(`${container} .monaco-list-row`)]
		.some(row => row.querySelector('.label-name')?.textContent?.trim() === 'Auth Refresh'
			&& row.querySelector('.custom-view-tree-node-item-icon.codicon-error')), [STREAMS]);
	assert.equal(await treeIcon(workbench, 'Auth Refresh'), 'codicon-error', 'the Blocked icon after');
	await page.locator('.part.statusbar [aria-label^="Stream Auth Refresh, Blocked"]').first().waitFor();
	await workbench.moveMouseAway();
	await workbench.screenshot('set-status-from-palette');

	const readme = readFileSync(join(workspace, '.project', 'streams', 'auth-refresh', 'README.md'), 'utf8');
	assert.match(readme, /^\*\*Status:\*\* 🔴 Blocked$/m, 'README.md was saved with the new status');
}
