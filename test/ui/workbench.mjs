// Drives the VS Code workbench in the browser the way a person does — the command palette, the activity bar,
// clicks on tree rows — and reads back what is on screen. Used by the UI tests (test/ui/*.ui.mjs).
// Everything waits on the page, never on fixed sleeps; selectors are those of VS Code 1.139 (see
// TESTING-IN-VSCODE.md in the shared notes).

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const screenshotsDir = join(repoRoot, 'test-results', 'screenshots');

const STREAMS_CONTAINER = '[id="workbench.view.extension.streams"]';
const STREAMS_ACTIVITY = '.activitybar [aria-label^="Streams"]';
/** Real rows only: sticky-scroll header rows carry `.monaco-list-row` too. */
const TREE_ROWS = '.monaco-list-rows > .monaco-list-row[role=treeitem]';
const PALETTE_INPUT = '.quick-input-widget .quick-input-box input';
/** The editor "Developer: Show Running Extensions" opens; its list rows carry the package name as aria-label. */
const RUNNING_EXTENSIONS = '.runtime-extensions-editor';
const STATUS_BAR_ITEMS = '.part.statusbar .statusbar-item';

/**
 * @typedef {object} TreeRow
 * @property {string} label
 * @property {string} description
 * @property {boolean | undefined} expanded  undefined for a row without children
 * @property {number} level                  1 for top-level rows
 */

/**
 * @typedef {object} RunningExtension  an extension's row in "Developer: Show Running Extensions"
 * @property {string} name         the name shown (display name, or publisher.name)
 * @property {string} message      the row's message line as shown, e.g. "web worker" or the remote host's name
 * @property {string[]} icons      the codicons in that line, e.g. ["globe"] (web worker) or ["remote"]
 * @property {string} activation   e.g. "Startup Activation: 12ms"
 */

/**
 * Opens the workbench at `url` and waits until it is ready; returns the helpers bound to the page.
 * `screenshotSuffix` is added to every screenshot's name (the test runner's mode: "-web", "-untrusted").
 */
export async function openWorkbench(page, url, { timeout = 60_000, screenshotSuffix = '', workspaceFolder } = {}) {
	await page.goto(url, { timeout });
	await waitForWorkbench(page, timeout);
	if (workspaceFolder !== undefined) {
		await waitForWorkspaceFile(page, workspaceFolder, timeout);
	}
	return new Workbench(page, { screenshotSuffix });
}

async function waitForWorkbench(page, timeout) {
	await page.locator('.monaco-workbench').waitFor({ timeout });
	await page.locator('.part.statusbar').waitFor({ timeout });
}

/**
 * Waits until a `.code-workspace` window shows its folders in the Explorer. Now and then (2 loads in 10 on a
 * busy 2-core machine) code-server's workbench comes up with the workspace file read as having no folder: the
 * Explorer says "No Folder Opened" and the extension host starts with none, for good. A reload reads it
 * properly; the harness reloads rather than let every multi-root test fail on what no extension can change.
 * The Explorer may also say "No Folder Opened" for a moment while the file is being read: only a window still
 * without its folders after `settle` ms is reloaded.
 */
async function waitForWorkspaceFile(page, folderName, timeout, { attempts = 3, settle = 10_000 } = {}) {
	for (let attempt = 1; ; attempt++) {
		await page.keyboard.press('Control+Shift+E');
		const explorer = page.locator('[id="workbench.view.explorer"]');
		await explorer.waitFor({ timeout });
		const folder = explorer.locator('.monaco-list-row .label-name', { hasText: folderName }).first();
		const empty = explorer.getByText('You have not yet added a folder to the workspace');
		await folder.or(empty).first().waitFor({ timeout });
		if (await folder.waitFor({ timeout: settle }).then(() => true, () => false)) {
			return;
		}
		if (!(await empty.isVisible())) {
			throw new Error(`the Explorer showed neither the folder "${folderName}" nor "No Folder Opened"; the side bar shows ${await sideBarText(page)}`);
		}
		if (attempt === attempts) {
			throw new Error(`the workbench opened the workspace file without its folders ${attempts} times; the side bar shows ${await sideBarText(page)}`);
		}
		console.log(`[test-ui] the workbench read the workspace file as empty (code-server's race); reloading (${attempt} of ${attempts - 1})`);
		await page.reload({ timeout });
		await waitForWorkbench(page, timeout);
	}
}

export class Workbench {
	constructor(page, { screenshotSuffix = '' } = {}) {
		this.page = page;
		this.screenshotSuffix = screenshotSuffix;
	}

	/** Runs a command by its palette title (e.g. "Streams: Refresh") through F1, as a person would. */
	async runCommand(title, { timeout = 10_000 } = {}) {
		const { page } = this;
		const input = page.locator(PALETTE_INPUT);
		await page.keyboard.press('F1');
		await input.waitFor({ state: 'visible', timeout });
		await input.fill(`>${title}`);
		// Enter only once the highlighted entry is the command asked for, not a fuzzy neighbour.
		await page.waitForFunction(expected => {
			const focused = document.querySelector('.quick-input-list .monaco-list-row.focused .label-name');
			return focused?.textContent?.replace(/\u00a0/g, ' ').trim() === expected;
		}, title, { timeout });
		await page.keyboard.press('Enter');
		// The palette either closes or turns into the command's own quick pick.
		await page.waitForFunction(([selector, typed]) => {
			const widget = document.querySelector('.quick-input-widget');
			const box = document.querySelector(selector);
			const hidden = !widget || widget.style.display === 'none' || widget.classList.contains('quick-input-widget-closing');
			return hidden || box?.value !== typed;
		}, [PALETTE_INPUT, `>${title}`], { timeout });
	}

	/** Shows the Streams view container (clicking its icon when it is already showing would hide it). */
	async openStreamsView({ timeout = 30_000 } = {}) {
		const { page } = this;
		const container = page.locator(STREAMS_CONTAINER);
		if (!(await container.isVisible())) {
			await page.locator(STREAMS_ACTIVITY).first().click({ timeout });
			await container.waitFor({ state: 'visible', timeout });
		}
		await this.moveMouseAway();
		return container;
	}

	/** Drags the side bar's edge so it is `width` pixels wide (the default cuts off row descriptions). */
	async setSideBarWidth(width) {
		const { page } = this;
		const box = await page.locator('.part.sidebar').boundingBox();
		if (!box) {
			throw new Error('the side bar is not showing');
		}
		const y = box.y + box.height / 2;
		// The sash straddles the side bar's right edge.
		await page.mouse.move(box.x + box.width, y);
		await page.mouse.down();
		await page.mouse.move(box.x + width, y, { steps: 5 });
		await page.mouse.up();
		await this.moveMouseAway();
		await page.waitForFunction(([expected]) => {
			const sidebar = document.querySelector('.part.sidebar');
			return sidebar && Math.abs(sidebar.getBoundingClientRect().width - expected) <= 2;
		}, [width], { timeout: 5000 });
	}

	/** The rows the Streams tree shows, top to bottom. */
	async treeRows() {
		return this.page.$$eval(`${STREAMS_CONTAINER} ${TREE_ROWS}`, rows => rows
			.map(row => {
				const text = selector => (row.querySelector(selector)?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
				const expanded = row.getAttribute('aria-expanded');
				return {
					label: text('.label-name'),
					description: text('.label-description'),
					expanded: expanded === null ? undefined : expanded === 'true',
					level: Number(row.getAttribute('aria-level')),
					top: parseFloat(row.style.top) || 0,
				};
			})
			.sort((a, b) => a.top - b.top)
			.map(({ top: _top, ...row }) => row));
	}

	/** Waits until the tree shows rows that satisfy `accept` (by default: any) and have stopped changing. */
	async waitForTreeRows(accept = rows => rows.length > 0, { timeout = 30_000, what = 'the Streams tree rows' } = {}) {
		return waitForSettled(this.page, () => this.treeRows(), accept, {
			timeout, what,
			describe: async rows => rows.length > 0 ? `the tree shows:\n${formatRows(rows)}` : `the tree shows no row; the side bar shows ${await sideBarText(this.page)}`,
		});
	}

	/** Expands the tree row with this label and waits for its children to settle. */
	async expandRow(label, { timeout = 15_000 } = {}) {
		const { page } = this;
		const row = this.row(label);
		await row.waitFor({ timeout });
		if ((await row.getAttribute('aria-expanded')) === 'false') {
			await row.locator('.monaco-tl-twistie').click({ timeout });
		}
		// Found again by label: children load asynchronously and shift the rows.
		await page.waitForFunction(([container, rows, wanted]) => [...document.querySelectorAll(`${container} ${rows}`)]
			.some(candidate => candidate.querySelector('.label-name')?.textContent?.trim() === wanted
				&& candidate.getAttribute('aria-expanded') === 'true'), [STREAMS_CONTAINER, TREE_ROWS, label], { timeout });
		await this.moveMouseAway();
		return this.waitForTreeRows(undefined, { timeout, what: `the children of "${label}"` });
	}

	/** The row of the Streams tree whose label is exactly `label`. */
	row(label) {
		return this.page.locator(`${STREAMS_CONTAINER} ${TREE_ROWS}`)
			.filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) })
			.first();
	}

	/** The text of the visible lines of the active editor, top to bottom. */
	async editorLines() {
		return this.page.$$eval('.editor-group-container.active .editor-instance .view-lines > .view-line', lines => lines
			.map(line => ({ top: parseFloat(line.style.top) || 0, text: (line.textContent ?? '').replace(/\u00a0/g, ' ') }))
			.sort((a, b) => a.top - b.top)
			.map(line => line.text));
	}

	/**
	 * Waits until the active editor's rendered lines satisfy `accept` and have stopped changing: an edit reaches
	 * the buffer first and Monaco's rendered lines a frame or more later.
	 */
	async waitForEditorLines(accept, { timeout = 15_000, what = 'the editor lines' } = {}) {
		return waitForSettled(this.page, () => this.editorLines(), accept, { timeout, what, describe: lines => `the editor shows:\n${lines.join('\n')}` });
	}

	/** The title of the active editor tab. */
	async activeTabTitle() {
		const tab = this.page.locator('.tabs-container .tab.active .label-name').first();
		await tab.waitFor();
		return (await tab.textContent())?.trim() ?? '';
	}

	/**
	 * Where VS Code runs the extension `packageName`, as "Developer: Show Running Extensions" shows it: the row's
	 * message line reads "web worker" for the browser's web-worker host, the remote host's name for the server's
	 * Node host. The editor stays open, for a screenshot.
	 * @returns {Promise<RunningExtension>}
	 */
	async runningExtension(packageName, { timeout = 20_000 } = {}) {
		const { page } = this;
		await this.runCommand('Developer: Show Running Extensions');
		const editor = page.locator(RUNNING_EXTENSIONS);
		await editor.waitFor({ timeout });
		// The list fills in asynchronously and is virtualised: scroll it until the row is rendered.
		const row = editor.locator(`.monaco-list-row[aria-label="${packageName}"]`);
		const rows = editor.locator('.monaco-list-row');
		const list = editor.locator('.monaco-list').first();
		await list.waitFor({ timeout });
		const deadline = Date.now() + timeout;
		let before = '';
		while ((await row.count()) === 0) {
			const shown = (await rows.evaluateAll(elements => elements.map(element => element.getAttribute('aria-label')))).join(', ');
			if (Date.now() > deadline) {
				throw new Error(`"${packageName}" is not among the running extensions after ${timeout} ms; rows shown: ${shown || 'none'}`);
			}
			const box = await list.boundingBox();
			if (box) {
				await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
				// The same rows after scrolling down: at the bottom, so back to the top (the list may have refilled).
				await page.mouse.wheel(0, shown === before ? -100_000 : 200);
			}
			before = shown;
			await page.waitForTimeout(100);
		}
		await row.scrollIntoViewIfNeeded();
		await this.moveMouseAway();
		return row.evaluate(element => {
			const text = selector => (element.querySelector(selector)?.textContent ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
			const msg = element.querySelector('.msg');
			return {
				name: text('.name'),
				message: text('.msg'),
				icons: [...(msg?.querySelectorAll('.codicon') ?? [])]
					.flatMap(icon => [...icon.classList].filter(name => name.startsWith('codicon-')).map(name => name.slice('codicon-'.length))),
				activation: text('.activation-time'),
			};
		});
	}

	/**
	 * What says the window is in Restricted Mode: the status-bar item's text and the banner's message, each
	 * undefined when not shown.
	 */
	async restrictedModeIndicators() {
		const { page } = this;
		const visibleText = async locator => (await locator.count()) > 0 && (await locator.first().isVisible())
			? ((await locator.first().textContent()) ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim()
			: undefined;
		return {
			statusBar: await visibleText(page.locator(STATUS_BAR_ITEMS).filter({ hasText: 'Restricted Mode' })),
			banner: await visibleText(page.locator('.part.banner').filter({ hasText: 'Restricted Mode' })),
		};
	}

	/**
	 * Waits until the status bar no longer says "Activating Extensions...". Opening a file can activate extensions
	 * (`onLanguage:…`); the providers they register make the editor ask again for code actions, completions and
	 * the like, and a menu asked for before that (Ctrl+.) is dropped.
	 */
	async waitForExtensionActivation({ timeout = 30_000 } = {}) {
		await this.page.waitForFunction(() => ![...document.querySelectorAll('.part.statusbar [id="status.progress"]')]
			.some(item => item.textContent?.includes('Activating Extensions')), undefined, { timeout });
	}

	/** Saves a screenshot of the whole workbench to test-results/screenshots/<name><suffix>.png. */
	async screenshot(name) {
		const path = join(screenshotsDir, `${name}${this.screenshotSuffix}.png`);
		mkdirSync(dirname(path), { recursive: true });
		await this.page.screenshot({ path });
		return path;
	}

	/** Parks the pointer where it opens no hover, so screenshots show no stray tooltips. */
	async moveMouseAway() {
		const viewport = this.page.viewportSize() ?? { width: 1280, height: 800 };
		await this.page.mouse.move(viewport.width - 20, Math.round(viewport.height / 2));
	}
}

/**
 * Polls `read` until what it returns satisfies `accept` and has not changed for 300 ms (lists re-render in
 * bursts: a list that is still filling in can satisfy `accept` on its way), and returns it.
 */
export async function waitForSettled(page, read, accept, { timeout, what, describe }) {
	const deadline = Date.now() + timeout;
	let last = '';
	let stableSince = 0;
	for (;;) {
		const value = await read();
		const snapshot = JSON.stringify(value);
		if (snapshot !== last) {
			last = snapshot;
			stableSince = Date.now();
		} else if (accept(value) && Date.now() - stableSince >= 300) {
			return value;
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out after ${timeout} ms waiting for ${what}; ${await describe(value)}`);
		}
		await page.waitForTimeout(50);
	}
}

/** What the side bar says, in one line, for failure messages: which view shows, its welcome text, a running progress bar. */
async function sideBarText(page) {
	const sideBar = page.locator('.part.sidebar');
	if (!(await sideBar.isVisible())) {
		return '(no side bar)';
	}
	const text = ((await sideBar.innerText()) || '').replace(/\s+/g, ' ').trim();
	const busy = await sideBar.locator('.monaco-progress-container.active').count();
	return `"${text.slice(0, 400)}"${busy > 0 ? ' (a progress bar is running)' : ''}`;
}

/** Rows as indented text, for failure messages and logs. */
export function formatRows(rows) {
	return rows.map(row => {
		const twistie = row.expanded === undefined ? ' ' : row.expanded ? '▾' : '▸';
		return `${'  '.repeat(Math.max(0, row.level - 1))}${twistie} ${row.label}${row.description ? `  — ${row.description}` : ''}`;
	}).join('\n');
}

function escapeRegExp(text) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Clicks `row` (a locator of one row of the list `rows` selects) once the list has stopped moving: the Explorer
 * re-renders while it fills in and while decorations arrive, and a click on a row that is still moving lands on
 * its neighbour (statusBadges once opened README.md instead of PLAN.md that way).
 */
export async function clickSettledRow(page, rows, row, { timeout = 15_000, button = 'left' } = {}) {
	await row.waitFor({ timeout });
	await waitForSettled(page,
		() => page.locator(rows).evaluateAll(all => all.map(each => `${each.getAttribute('aria-label') ?? each.textContent}@${each.style.top}`)),
		value => value.length > 0, { timeout, what: 'the list to stop moving', describe: value => value.join(', ') });
	await row.click({ button });
}
