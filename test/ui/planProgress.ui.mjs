// Progress in PLAN.md as a person sees it: each heading of the editor ends with its section's progress, the
// numbers follow what is typed (and Alt+X, the Toggle Task key), a hover gives the breakdown, and the Markdown
// preview shows the same bars after the headings and the stream's status as a pill.

import * as assert from 'node:assert/strict';

export const title = 'PLAN.md headings show progress that follows typing; the Markdown preview shows the bars and the status pill';
export const timeout = 120_000;

const EDITOR_LINES = '.editor-group-container.active .editor-instance .view-lines > .view-line';

/** Every visible line of the active editor with the after-line decoration texts it ends with. */
async function decoratedLines(page) {
	return page.$$eval(EDITOR_LINES, lines => lines
		.map(line => {
			const after = [...line.querySelectorAll('span')]
				.map(span => getComputedStyle(span, '::after').content)
				.filter(content => content && content !== 'none' && content !== 'normal' && content !== '""')
				// The computed content is a quoted CSS string.
				.map(content => content.replace(/^"|"$/g, '').replace(/\\"/g, '"'));
			return { top: parseFloat(line.style.top) || 0, text: (line.textContent ?? '').replace(/\u00a0/g, ' '), after };
		})
		.sort((a, b) => a.top - b.top)
		.map(({ text, after }) => ({ text, after })));
}

/** Waits until every heading in `expected` ends with the given progress; returns what the editor shows. */
async function waitForProgress(page, expected, what) {
	const deadline = Date.now() + 15_000;
	let lines = [];
	for (;;) {
		lines = await decoratedLines(page);
		const shown = Object.fromEntries(lines.filter(line => line.text.startsWith('#')).map(line => [line.text, line.after.join(' | ')]));
		if (Object.entries(expected).every(([heading, progress]) => shown[heading] === progress)) {
			return shown;
		}
		if (Date.now() > deadline) {
			assert.deepEqual(shown, expected, `${what}: the headings' after-text`);
		}
		await page.waitForTimeout(100);
	}
}

/** Puts the cursor at the end of the line whose text is `text`, with a click on it and End. */
async function clickLineEnd(page, text) {
	const line = page.locator(EDITOR_LINES).filter({ hasText: text }).first();
	await line.locator('span', { hasText: text.split(' ').at(-1) }).last().click();
	await page.keyboard.press('End');
}

/** Ctrl+K V in the focused markdown editor (the palette would rank "Open Locked Preview to the Side" first). */
async function openPreviewToTheSide(page) {
	await page.locator('.editor-group-container.active .monaco-editor textarea').focus();
	await page.keyboard.press('Control+K');
	await page.keyboard.press('V');
}

/** The frame of the Markdown preview webview that holds the rendered document, once it shows `selector`. */
async function previewFrame(page, selector) {
	const deadline = Date.now() + 20_000;
	for (;;) {
		for (const frame of page.frames()) {
			if (await frame.locator(selector).count().catch(() => 0)) {
				return frame;
			}
		}
		if (Date.now() > deadline) {
			throw new Error(`no Markdown preview showing ${selector}`);
		}
		await page.waitForTimeout(200);
	}
}

export async function run({ workbench, page }) {
	await workbench.openStreamsView();
	await workbench.waitForTreeRows(rows => rows.some(row => row.label === 'Auth Refresh'), { what: 'the Auth Refresh stream' });
	await workbench.expandRow('Auth Refresh');
	await workbench.row('PLAN.md').click();
	await page.locator('.tabs-container .tab.active', { hasText: 'PLAN.md' }).waitFor();
	await workbench.runCommand('View: Close Primary Side Bar');

	const before = await waitForProgress(page, {
		'# Auth Refresh — Plan': '▰▱▱▱▱ 4/12 · 33%',
		'## Phase 1 - Token rotation': '▰▰▰▱▱ 3/4 · 75%',
		'## Phase 2 - Client integration': '▰▱▱▱▱ 1/5 · 20%',
		'### Edge cases': '▱▱▱▱▱ 0/2 · 0%',
		'## Phase 3 - Rollout': '▱▱▱▱▱ 0/3 · 0%',
	}, 'PLAN.md as opened');
	console.log(`    headings as opened: ${JSON.stringify(before)}`);
	const plain = (await decoratedLines(page)).filter(line => !line.text.startsWith('#') && line.after.length > 0);
	assert.deepEqual(plain, [], 'only headings carry progress');
	await workbench.moveMouseAway();
	await workbench.screenshot('plan-progress-editor');

	// Alt+X (Toggle Task) on the last open task of Phase 1 completes the phase.
	await clickLineEnd(page, 'Backfill existing sessions into token families');
	await page.keyboard.press('Alt+X');
	await waitForProgress(page, {
		'# Auth Refresh — Plan': '▰▰▱▱▱ 5/12 · 41%',
		'## Phase 1 - Token rotation': '▰▰▰▰▰ 4/4 · 100%',
	}, 'after Alt+X on the last open task of Phase 1');

	// A task typed by hand under Phase 3, checkbox and all, counts as it is typed.
	await clickLineEnd(page, 'Remove the legacy session cookie');
	await page.keyboard.press('Enter');
	await page.keyboard.type('- [ ] Announce the change');
	await waitForProgress(page, {
		'# Auth Refresh — Plan': '▰▱▱▱▱ 5/13 · 38%',
		'## Phase 3 - Rollout': '▱▱▱▱▱ 0/4 · 0%',
	}, 'after typing an open task');
	await page.keyboard.press('Home');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Delete');
	await page.keyboard.type('x');
	await waitForProgress(page, {
		'# Auth Refresh — Plan': '▰▰▱▱▱ 6/13 · 46%',
		'## Phase 3 - Rollout': '▰▱▱▱▱ 1/4 · 25%',
	}, 'after typing x into its checkbox');
	await workbench.moveMouseAway();
	await workbench.screenshot('plan-progress-after-typing');

	// The hover on a heading line gives the breakdown by state.
	const heading = page.locator(EDITOR_LINES).filter({ hasText: '## Phase 2 - Client integration' }).first();
	await heading.locator('span').first().hover();
	const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Cancelled: 1' }).first();
	await hover.waitFor({ state: 'visible' });
	const hoverText = (await hover.textContent()) ?? '';
	for (const expected of ['1 of 5 tasks done (20%)', 'Done: 1', 'Active: 1', 'Open: 3', 'Cancelled: 1']) {
		assert.ok(hoverText.includes(expected), `the hover says "${expected}": ${hoverText}`);
	}
	await workbench.screenshot('plan-progress-hover');
	await workbench.moveMouseAway();
	await page.keyboard.press('Escape');

	// The Markdown preview (Ctrl+K V, "Open Preview to the Side") shows the same progress after the headings.
	await openPreviewToTheSide(page);
	const preview = await previewFrame(page, 'h2 .streams-progress');
	const headings = await preview.$$eval('h1, h2, h3', elements => elements.map(element => ({
		heading: element.childNodes[0]?.textContent?.trim() ?? '',
		progress: element.querySelector('.streams-progress')?.textContent ?? '',
		level: element.querySelector('.streams-progress')?.className ?? '',
	})));
	console.log(`    preview headings: ${JSON.stringify(headings)}`);
	assert.deepEqual(headings.map(({ heading, progress }) => [heading, progress]), [
		['Auth Refresh — Plan', '▰▰▱▱▱ 6/13 · 46%'],
		['Phase 1 - Token rotation', '▰▰▰▰▰ 4/4 · 100%'],
		['Phase 2 - Client integration', '▰▱▱▱▱ 1/5 · 20%'],
		['Edge cases', '▱▱▱▱▱ 0/2 · 0%'],
		['Phase 3 - Rollout', '▰▱▱▱▱ 1/4 · 25%'],
	], 'the preview follows the unsaved buffer too');
	assert.match(headings[1].level, /streams-progress-complete/);
	const color = await preview.locator('h2 .streams-progress-complete').first().evaluate(element => getComputedStyle(element).color);
	assert.notEqual(color, await preview.locator('h2').first().evaluate(element => getComputedStyle(element).color), 'the progress has its own colour');
	await workbench.moveMouseAway();
	await workbench.screenshot('plan-progress-preview');

	// The stream's README in the preview: its status as a coloured pill.
	await page.locator('.editor-group-container', { hasText: 'Phase 3 - Rollout' }).first().locator('.monaco-editor textarea').focus();
	await page.keyboard.press('Control+P');
	const quickOpen = page.locator('.quick-input-widget .quick-input-box input');
	await quickOpen.waitFor({ state: 'visible' });
	await quickOpen.fill('auth-refresh/README.md');
	await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'README.md' }).waitFor();
	await page.keyboard.press('Enter');
	await page.locator('.tabs-container .tab.active', { hasText: 'README.md' }).waitFor();
	await openPreviewToTheSide(page);
	const readme = await previewFrame(page, '.streams-status');
	const pill = readme.locator('.streams-status').first();
	assert.equal((await pill.textContent())?.trim(), '🟡 In Progress');
	assert.match((await pill.getAttribute('class')) ?? '', /streams-status-in-progress/);
	await workbench.moveMouseAway();
	await workbench.screenshot('status-pill-preview');
}
