// Progress after plan headings, as the extension sets it in real editors: for a stream's PLAN.md, for files
// matching streams.progress.files, after edits, in every visible editor of a document, per style setting,
// switched off, with the hover breakdown; and the Markdown preview's plugin through VS Code's own renderer.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openScratch, removeScratch, setSetting } from './scratchDocuments';
import { api, extension, waitFor, workspaceUri } from './support';

const AUTH_PLAN = '.project/streams/auth-refresh/PLAN.md';

async function shown(editor: vscode.TextEditor): Promise<[number, string, string][]> {
	const { planDecorations } = await api();
	return planDecorations.renderedFor(editor).map(item => [item.line, item.text, item.level]);
}

/** Waits until the editor shows exactly `expected` (line, after-text, colour level per heading). */
async function expectShown(editor: vscode.TextEditor, expected: [number, string, string][], what: string): Promise<void> {
	let last: [number, string, string][] = [];
	try {
		await waitFor(what, async () => {
			last = await shown(editor);
			return JSON.stringify(last) === JSON.stringify(expected);
		});
	} catch {
		assert.deepEqual(last, expected, what);
	}
}

async function openWorkspaceFile(path: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
	const document = await vscode.workspace.openTextDocument(workspaceUri(path));
	return vscode.window.showTextDocument(document, column);
}

const AUTH_PROGRESS: [number, string, string][] = [
	[0, '▰▱▱▱▱ 4/12 · 33%', 'partial'],   // the H1 carries the whole file
	[2, '▰▰▰▱▱ 3/4 · 75%', 'partial'],
	[9, '▰▱▱▱▱ 1/5 · 20%', 'partial'],    // Phase 2, its Edge cases included; the cancelled task left out
	[16, '▱▱▱▱▱ 0/2 · 0%', 'none'],
	[27, '▱▱▱▱▱ 0/3 · 0%', 'none'],
];

describe('plan progress decorations', () => {
	before(async () => {
		await (await api()).streams.ready;
	});

	afterEach(async () => {
		await setSetting('progress.style', undefined);
		await setSetting('progress.enabled', undefined);
		await setSetting('progress.files', undefined);
		await setSetting('maxFileSize', undefined);
		await removeScratch();
	});

	it('ends every heading of a stream plan whose section holds tasks with its rolled-up progress', async () => {
		const editor = await openWorkspaceFile(AUTH_PLAN);
		await expectShown(editor, AUTH_PROGRESS, 'the progress of auth-refresh/PLAN.md');
	});

	it('updates with every edit of the buffer, before it is saved', async () => {
		const editor = await openScratch('PLAN.md', '# Plan\n\n## Phase 1\n- [ ] one\n- [ ] two\n\n## Notes\nNo tasks.\n');
		await expectShown(editor, [[0, '▱▱▱▱▱ 0/2 · 0%', 'none'], [2, '▱▱▱▱▱ 0/2 · 0%', 'none']], 'the first progress');

		await editor.edit(edit => edit.replace(new vscode.Range(3, 3, 3, 4), 'x'));
		await expectShown(editor, [[0, '▰▰▱▱▱ 1/2 · 50%', 'partial'], [2, '▰▰▱▱▱ 1/2 · 50%', 'partial']], 'one task checked');

		await editor.edit(edit => edit.insert(new vscode.Position(8, 0), '- [x] a task under Notes\n'));
		await expectShown(editor, [[0, '▰▰▰▱▱ 2/3 · 66%', 'partial'], [2, '▰▰▱▱▱ 1/2 · 50%', 'partial'], [6, '▰▰▰▰▰ 1/1 · 100%', 'complete']], 'a task added to Notes');

		await editor.edit(edit => edit.replace(new vscode.Range(4, 3, 4, 4), 'x'));
		await expectShown(editor, [[0, '▰▰▰▰▰ 3/3 · 100%', 'complete'], [2, '▰▰▰▰▰ 2/2 · 100%', 'complete'], [6, '▰▰▰▰▰ 1/1 · 100%', 'complete']], 'every task done');
		assert.equal(editor.document.isDirty, true, 'decorations follow the unsaved buffer');
	});

	it('shows the progress in every visible editor of the document', async () => {
		const left = await openScratch('PLAN.md', '# Plan\n- [x] one\n- [ ] two\n');
		const right = await vscode.window.showTextDocument(left.document, vscode.ViewColumn.Two);
		assert.notEqual(left, right);
		await expectShown(right, [[0, '▰▰▱▱▱ 1/2 · 50%', 'partial']], 'the second editor');
		await right.edit(edit => edit.replace(new vscode.Range(2, 3, 2, 4), 'x'));
		await expectShown(left, [[0, '▰▰▰▰▰ 2/2 · 100%', 'complete']], 'the first editor, after an edit in the second');
		await expectShown(right, [[0, '▰▰▰▰▰ 2/2 · 100%', 'complete']], 'the second editor, after its edit');
	});

	it('reads as the streams.progress.style setting says', async () => {
		const editor = await openScratch('PLAN.md', '# Plan\n- [x] one\n- [ ] two\n- [ ] three\n');
		await expectShown(editor, [[0, '▰▱▱▱▱ 1/3 · 33%', 'partial']], 'the bar style');
		await setSetting('progress.style', 'fraction');
		await expectShown(editor, [[0, '1/3', 'partial']], 'the fraction style');
		await setSetting('progress.style', 'percent');
		await expectShown(editor, [[0, '33%', 'partial']], 'the percent style');
	});

	it('clears every decoration when streams.progress.enabled is off, and brings them back', async () => {
		const plan = await openWorkspaceFile(AUTH_PLAN);
		const scratch = await openScratch('PLAN.md', '# Plan\n- [ ] one\n', vscode.ViewColumn.Two);
		await expectShown(plan, AUTH_PROGRESS, 'the stream plan before');
		await expectShown(scratch, [[0, '▱▱▱▱▱ 0/1 · 0%', 'none']], 'the scratch plan before');
		await setSetting('progress.enabled', false);
		await expectShown(plan, [], 'the stream plan, progress off');
		await expectShown(scratch, [], 'the scratch plan, progress off');
		await setSetting('progress.enabled', undefined);
		await expectShown(plan, AUTH_PROGRESS, 'the stream plan, progress back on');
	});

	it('decorates other files only when they match streams.progress.files', async () => {
		const editor = await openScratch('ROADMAP.md', '# Roadmap\n- [x] one\n');
		await new Promise(resolve => setTimeout(resolve, 300));
		assert.deepEqual(await shown(editor), [], 'ROADMAP.md is no plan by default');
		await setSetting('progress.files', ['**/PLAN.md', 'scratch-progress/**/ROADMAP.md']);
		await expectShown(editor, [[0, '▰▰▰▰▰ 1/1 · 100%', 'complete']], 'ROADMAP.md matched by a workspace-relative glob');
	});

	it('skips files over streams.maxFileSize', async () => {
		await setSetting('maxFileSize', 1024);
		const editor = await openScratch('PLAN.md', '# Big plan\n' + '- [ ] a task with some words in it\n'.repeat(60));
		await new Promise(resolve => setTimeout(resolve, 300));
		assert.deepEqual(await shown(editor), [], 'no progress on a 2 KB plan with a 1 KB limit');
		await setSetting('maxFileSize', undefined);
		await expectShown(editor, [[0, '▱▱▱▱▱ 0/60 · 0%', 'none']], 'progress once the limit allows the file');
	});

	it('gives the breakdown by state in a hover on the heading line', async () => {
		const editor = await openWorkspaceFile(AUTH_PLAN);
		await expectShown(editor, AUTH_PROGRESS, 'the progress');
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(9, 4));
		const text = hovers.flatMap(hover => hover.contents.map(content => typeof content === 'string' ? content : content.value)).join('\n');
		for (const expected of ['1 of 5 tasks done (20%)', 'Done: 1', 'Active: 1', 'Open: 3', 'Cancelled: 1']) {
			assert.ok(text.includes(expected), `the hover says "${expected}":\n${text}`);
		}
		const onTask = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(4, 4));
		const taskText = onTask.flatMap(hover => hover.contents.map(content => typeof content === 'string' ? content : content.value)).join('\n');
		assert.ok(!taskText.includes('Done:'), 'no breakdown on a task line');
	});
});

describe('plan progress in the Markdown preview', () => {
	before(function () {
		// The preview loads markdown-it plugins only from extensions in its own extension host. The web-worker mode
		// here runs us in the browser and the Markdown extension in the server's Node host, where this host cannot
		// see it; in VS Code for the Web both run in the web worker.
		const markdown = vscode.extensions.getExtension('vscode.markdown-language-features');
		if (!markdown || markdown.extensionKind !== extension().extensionKind) {
			console.log('    (skipped: the Markdown preview runs in another extension host than this extension)');
			this.skip();
		}
	});

	afterEach(async () => {
		await setSetting('progress.style', undefined);
		await removeScratch();
	});

	async function render(path: string): Promise<string> {
		const document = await vscode.workspace.openTextDocument(workspaceUri(path));
		return vscode.commands.executeCommand<string>('markdown.api.render', document);
	}

	it('adds the progress after the headings of a stream plan', async () => {
		await (await api()).streams.ready;
		const html = await render(AUTH_PLAN);
		assert.match(html, /Phase 1 - Token rotation<span class="streams-progress streams-progress-partial" title="3 done · 0 active · 1 open · 0 cancelled"[^>]*>▰▰▰▱▱ 3\/4 · 75%<\/span><\/h2>/);
		assert.match(html, /Phase 3 - Rollout<span class="streams-progress streams-progress-none"[^>]*>▱▱▱▱▱ 0\/3 · 0%<\/span><\/h2>/);
	});

	it('follows the style setting', async () => {
		await setSetting('progress.style', 'percent');
		const html = await render(AUTH_PLAN);
		assert.match(html, /Phase 1 - Token rotation<span class="streams-progress streams-progress-partial"[^>]*>75%<\/span>/);
	});

	it('shows the Status of a stream README as a coloured pill', async () => {
		await (await api()).streams.ready;
		const html = await render('.project/streams/auth-refresh/README.md');
		assert.match(html, /<strong>Status:<\/strong> <span class="streams-status streams-status-in-progress">🟡 In Progress<\/span>/);
	});

	it('leaves other markdown alone', async () => {
		const html = await render('README.md');
		assert.doesNotMatch(html, /streams-progress|streams-status/);
	});
});

describe('the markdown-it plugin the preview loads', () => {
	// Runs in every host, the web worker included, where the preview above cannot reach us in code-server:
	// it drives the plugin exactly as the preview does, with the document in the render environment.
	async function renderWithPlugin(path: string): Promise<string> {
		const { default: MarkdownIt } = await import('markdown-it');
		const md = (await api()).extendMarkdownIt(new MarkdownIt({ html: true }));
		const uri = workspaceUri(path);
		const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		return md.render(text, { currentDocument: uri });
	}

	it('adds the progress after the headings of a stream plan', async () => {
		await (await api()).streams.ready;
		const html = await renderWithPlugin(AUTH_PLAN);
		assert.match(html, /Phase 1 - Token rotation<span class="streams-progress streams-progress-partial"[^>]*>▰▰▰▱▱ 3\/4 · 75%<\/span><\/h2>/);
	});

	it('shows the Status of a stream README as a coloured pill, and leaves other markdown alone', async () => {
		await (await api()).streams.ready;
		assert.match(await renderWithPlugin('.project/streams/auth-refresh/README.md'), /<span class="streams-status streams-status-in-progress">🟡 In Progress<\/span>/);
		assert.doesNotMatch(await renderWithPlugin('README.md'), /streams-progress|streams-status/);
	});
});
