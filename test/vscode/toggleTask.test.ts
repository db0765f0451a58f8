// streams.toggleTask in a real editor: every cursor's line in one edit, undone in one step, on the unsaved
// buffer only; roll-up to parent tasks off by default and on when asked; a line where markdown reads no task
// (code, comment, table, front matter) left alone with a message saying why; and its default keybinding.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openScratch, removeScratch, setSetting } from './scratchDocuments';
import { api, extension, readOnDisk } from './support';

const TOGGLE = 'streams.toggleTask';

function select(editor: vscode.TextEditor, ...ranges: [number, number, number, number][]): void {
	editor.selections = ranges.map(([startLine, startColumn, endLine, endColumn]) =>
		new vscode.Selection(startLine, startColumn, endLine, endColumn));
}

describe('streams.toggleTask', () => {
	before(async () => {
		await api();
	});

	afterEach(async () => {
		await setSetting('toggleTask.rollUp', undefined);
		await removeScratch();
	});

	it('toggles the line of every cursor in one edit that one undo takes back, leaving the file on disk alone', async () => {
		const original = [
			'# Plan',
			'- [ ] open task',
			'- [x] done task',
			'1. [/] active task',
			'\t- [-] cancelled task',
			'- a list item',
			'a plain line',
			'',
		].join('\n');
		const editor = await openScratch('TASKS.md', original);
		select(editor, [1, 2, 1, 2], [2, 0, 2, 0], [3, 5, 3, 5], [4, 1, 4, 1], [5, 0, 5, 0], [6, 3, 6, 3], [7, 0, 7, 0]);
		await vscode.commands.executeCommand(TOGGLE);
		assert.equal(editor.document.getText(), [
			'# Plan',
			'- [x] open task',
			'- [ ] done task',
			'1. [x] active task',
			'\t- [ ] cancelled task',
			'- [ ] a list item',
			'- [ ] a plain line',
			'',
		].join('\n'));
		assert.equal(editor.document.isDirty, true);
		assert.equal(await readOnDisk(editor.document.uri), original, 'the file on disk is untouched');

		await vscode.commands.executeCommand('undo');
		assert.equal(editor.document.getText(), original, 'one undo restores every line');
	});

	it('takes every line of a selection, but not the line where it ends at column 0', async () => {
		const editor = await openScratch('TASKS.md', '- [ ] a\n- [ ] b\n- [ ] c\n- [ ] d\n');
		select(editor, [0, 3, 3, 0]);
		await vscode.commands.executeCommand(TOGGLE);
		assert.equal(editor.document.getText(), '- [x] a\n- [x] b\n- [x] c\n- [ ] d\n');
	});

	it('keeps CRLF line endings', async () => {
		const editor = await openScratch('TASKS.md', '- [ ] a\r\nplain\r\n');
		assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
		select(editor, [0, 0, 0, 0], [1, 0, 1, 0]);
		await vscode.commands.executeCommand(TOGGLE);
		assert.equal(editor.document.getText(), '- [x] a\r\n- [ ] plain\r\n');
	});

	const family = ['- [ ] Parent', '  - [x] first', '  - [ ] last', ''].join('\n');

	it('leaves the parent alone when roll-up is off (the default)', async () => {
		const editor = await openScratch('TASKS.md', family);
		select(editor, [2, 0, 2, 0]);
		await vscode.commands.executeCommand(TOGGLE);
		assert.equal(editor.document.getText(), ['- [ ] Parent', '  - [x] first', '  - [x] last', ''].join('\n'));
	});

	it('with roll-up on, checks the parent with its last open child and unchecks it with any child, in one undo step', async () => {
		await setSetting('toggleTask.rollUp', true);
		const editor = await openScratch('TASKS.md', family);
		select(editor, [2, 0, 2, 0]);
		await vscode.commands.executeCommand(TOGGLE);
		assert.equal(editor.document.getText(), ['- [x] Parent', '  - [x] first', '  - [x] last', ''].join('\n'));

		select(editor, [1, 0, 1, 0]);
		await vscode.commands.executeCommand(TOGGLE);
		assert.equal(editor.document.getText(), ['- [ ] Parent', '  - [ ] first', '  - [x] last', ''].join('\n'));

		await vscode.commands.executeCommand('undo');
		assert.equal(editor.document.getText(), ['- [x] Parent', '  - [x] first', '  - [x] last', ''].join('\n'), 'undo restores child and parent together');
	});

	const noTasks: [string, string, number, RegExp][] = [
		['inside a fenced code block', '# Plan\n\n```md\n- [ ] a sample\n```\n', 3, /^This line is inside a code block, where a checkbox is not a task: nothing was toggled\.$/],
		['inside an HTML comment', '# Plan\n\n<!--\n- [ ] hidden\n-->\n', 3, /^This line is inside an HTML comment, where a checkbox is not a task: nothing was toggled\.$/],
		['in a table row', '# Plan\n\n| Task | Done |\n| --- | --- |\n| - [ ] a | no |\n', 4, /^This line is a table row, where a checkbox is not a task: nothing was toggled\.$/],
		['in the front matter', '---\ntitle: Plan\n---\n# Plan\n', 1, /^This line is in the front matter, where a checkbox is not a task: nothing was toggled\.$/],
	];
	for (const [where, text, line, says] of noTasks) {
		it(`says why and changes nothing on a line ${where}`, async () => {
			const { toggleTask } = await api();
			const editor = await openScratch('TASKS.md', text);
			select(editor, [line, 3, line, 3]);
			const before = toggleTask.shown.length;
			const changed = await vscode.commands.executeCommand<boolean>(TOGGLE);
			assert.equal(changed, false);
			assert.equal(editor.document.getText(), text, 'the buffer is unchanged');
			assert.equal(editor.document.isDirty, false);
			const shown = toggleTask.shown.slice(before);
			assert.equal(shown.length, 1, `one message: ${JSON.stringify(shown)}`);
			assert.match(shown[0], says);
		});
	}

	it('says nothing when it toggles a task', async () => {
		const { toggleTask } = await api();
		const editor = await openScratch('TASKS.md', '- [ ] a\n');
		select(editor, [0, 0, 0, 0]);
		const before = toggleTask.shown.length;
		assert.equal(await vscode.commands.executeCommand<boolean>(TOGGLE), true);
		assert.deepEqual(toggleTask.shown.slice(before), []);
	});

	it('is bound to a key in markdown editors that no built-in VS Code binding uses', async function () {
		const bindings: { command: string; key: string; mac?: string; when?: string }[] = extension().packageJSON.contributes.keybindings;
		const binding = bindings.find(entry => entry.command === TOGGLE);
		assert.ok(binding, 'a default keybinding is contributed');
		assert.equal(binding.when, 'editorTextFocus && editorLangId == markdown');
		// VS Code's own defaults, as "Preferences: Open Default Keyboard Shortcuts (JSON)" shows them.
		let defaults: string;
		try {
			defaults = (await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'))).getText();
		} catch (error) {
			console.log(`default keybindings not readable here (${error instanceof Error ? error.message : error})`);
			this.skip();
		}
		// The file lists extensions' bindings too: ours is left out of the comparison.
		const used = new Set([...defaults.matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)]
			.filter(match => match[2] !== TOGGLE)
			.map(match => match[1].toLowerCase()));
		assert.ok(used.size > 100, `read the default keybindings (${used.size})`);
		assert.ok(!used.has(binding.key), `${binding.key} is free in VS Code`);
	});
});
