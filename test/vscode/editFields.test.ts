// streams.setStatus and streams.setPriority in a real VS Code: the edit lands in the live buffer as one undo
// step; a clean document is saved after it, a document with unsaved text keeps that text and stays unsaved.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createScratchStream, localToday, removeScratchStreams, streamNamed, streamUri } from './scratchStreams';
import { api, readOnDisk, waitFor } from './support';

const BROKEN = 'zz-field-edits-broken';
/** A fresh stream folder per test: VS Code keeps the models of documents opened before, under their URIs. */
let NAME = '';
let count = 0;

const README = [
	'# Field Edits Stream',
	'',
	'**Status:** 🟢 Ready',
	'',
	'**Created:** 2026-01-01 **Owner:** tess',
	'',
	'**Last Updated:** 2026-01-02',
	'',
	'## Overview',
	'',
	'A stream the tests change.',
	'',
].join('\n');

const PLAN = ['# Plan', '', '## Phase 1', '', '- [x] one', '- [ ] two', ''].join('\n');

describe('streams.setStatus and streams.setPriority', () => {
	let readme: vscode.Uri;

	beforeEach(async () => {
		await (await api()).streams.ready;
		NAME = `zz-field-edits-${++count}`;
		readme = streamUri(NAME, 'README.md');
		await createScratchStream(NAME, { 'README.md': README, 'PLAN.md': PLAN });
	});

	afterEach(async () => {
		await removeScratchStreams(NAME, BROKEN);
	});

	it('rewrites the status of a clean document in place and saves it, with today as Last Updated', async () => {
		const changed = await vscode.commands.executeCommand<boolean>('streams.setStatus', streamUri(NAME), 'blocked');
		assert.equal(changed, true);
		const document = await vscode.workspace.openTextDocument(readme);
		const expected = README
			.replace('**Status:** 🟢 Ready', '**Status:** 🔴 Blocked')
			.replace('**Last Updated:** 2026-01-02', `**Last Updated:** ${localToday()}`);
		assert.equal(document.getText(), expected);
		assert.equal(document.isDirty, false, 'saved after the edit');
		assert.equal(await readOnDisk(readme), expected, 'on disk');
		await waitFor('the model to read the new status', async () => (await streamNamed(NAME))?.status === 'blocked');
	});

	it('undoes the change in one step', async () => {
		await vscode.commands.executeCommand('streams.setStatus', streamUri(NAME), 'complete');
		const editor = await vscode.window.showTextDocument(readme);
		assert.match(editor.document.getText(), /\*\*Status:\*\* ✅ Complete/);
		await vscode.commands.executeCommand('undo');
		assert.equal(editor.document.getText(), README, 'status and Last Updated both restored by one undo');
	});

	it('keeps unsaved text, applies the change next to it, and leaves the document unsaved', async () => {
		const editor = await vscode.window.showTextDocument(readme);
		const end = new vscode.Position(editor.document.lineCount - 1, 0);
		await editor.edit(builder => builder.insert(end, 'An unsaved thought.\n'));
		assert.equal(editor.document.isDirty, true);

		// The stream as the tree passes it: its node.
		const { tree, streams } = await api();
		const node = tree.streamNode((await streamNamed(NAME))!);
		const applied = await vscode.commands.executeCommand<boolean>('streams.setStatus', node, 'paused');
		assert.equal(applied, true);
		const withNote = `${README}An unsaved thought.\n`;
		assert.equal(editor.document.getText(), withNote.replace('🟢 Ready', '⏸️ Paused').replace('2026-01-02', localToday()));
		assert.equal(editor.document.isDirty, true, 'still unsaved: the author saves their own text');
		assert.equal(await readOnDisk(readme), README, 'nothing written to disk');
		await waitFor('the model to follow the unsaved buffer', () => streams.all.find(stream => stream.name === NAME)?.status === 'paused');

		await vscode.commands.executeCommand('undo');
		assert.equal(editor.document.getText(), withNote, 'one undo takes back our change and only ours');
	});

	it('adds a missing priority next to the owner, in the same bold style', async () => {
		const changed = await vscode.commands.executeCommand<boolean>('streams.setPriority', streamUri(NAME), 'high');
		assert.equal(changed, true);
		const text = await readOnDisk(readme);
		assert.match(text, /^\*\*Created:\*\* 2026-01-01 \*\*Owner:\*\* tess \*\*Priority:\*\* High$/m);
		await waitFor('the model to read the priority', async () => (await streamNamed(NAME))?.priority === 'high');
	});

	it('gives a stream with neither README.md nor STATUS.md a README holding its title and the priority', async () => {
		const bare = `${NAME}-bare`;
		const { title } = await createScratchStream(bare, { 'PLAN.md': PLAN });
		try {
			const changed = await vscode.commands.executeCommand<boolean>('streams.setPriority', streamUri(bare), 'high');
			assert.equal(changed, true);
			const text = await readOnDisk(streamUri(bare, 'README.md'));
			assert.equal(text.split('\n')[0], `# ${title}`);
			assert.match(text, /Priority:?\*{0,2}:? High/);
			await waitFor('the model to read the priority', async () => (await streamNamed(bare))?.priority === 'high');
		} finally {
			await removeScratchStreams(bare);
		}
	});

	it('changes nothing for a value it does not know', async () => {
		const changed = await vscode.commands.executeCommand<boolean>('streams.setStatus', streamUri(NAME), 'shipped');
		assert.equal(changed, false);
		assert.equal(await readOnDisk(readme), README);
	});

	it('changes nothing in a document whose front matter is malformed', async () => {
		const broken = ['---', 'status: [ready', '---', '# Broken', ''].join('\n');
		await createScratchStream(BROKEN, { 'README.md': broken });
		const changed = await vscode.commands.executeCommand<boolean>('streams.setStatus', streamUri(BROKEN), 'blocked');
		assert.equal(changed, false);
		const document = await vscode.workspace.openTextDocument(streamUri(BROKEN, 'README.md'));
		assert.equal(document.getText(), broken);
		assert.equal(document.isDirty, false);
	});
});
