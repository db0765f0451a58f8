// The agents' language-model tools in a real VS Code, called as agent mode calls them (`vscode.lm.invokeTool`):
// results as DESIGN.md §7 says, edits through WorkspaceEdit (a person's unsaved text kept and the document left
// unsaved, one undo taking the agent's edit back), refusals with nothing written, and write tools asking for
// confirmation with the lines they will change.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createScratchStream, localToday, removeScratchStreams, streamNamed, streamUri } from './scratchStreams';
import { api, readOnDisk, waitFor } from './support';

const TOOLS = ['streams_list', 'streams_show', 'streams_next', 'streams_set_task', 'streams_set_field', 'streams_add_note', 'streams_write_handoff', 'streams_create', 'streams_lint'];

const README = [
	'# Agent Tools Stream',
	'',
	'**Status:** 🟢 Ready',
	'',
	'**Created:** 2026-02-01 **Owner:** tess **Priority:** Medium',
	'',
	'## Overview',
	'',
	'A stream an agent works on in these tests.',
	'',
].join('\n');

const PLAN = [
	'# Agent Tools — Plan',
	'',
	'## Phase 1 - Parser',
	'',
	'- [x] Read the header',
	'- [ ] Read the tasks',
	'- [ ] Read the phases',
	'',
	'## Phase 2 - Views',
	'',
	'- [ ] Draw the tree',
	'',
].join('\n');

let count = 0;
let name = '';

/** Calls a tool as agent mode would, and parses its JSON result. */
async function invoke<T = Record<string, unknown>>(tool: string, input: object): Promise<T> {
	const result = await vscode.lm.invokeTool(tool, { input, toolInvocationToken: undefined });
	const first = result.content[0];
	assert.ok(first instanceof vscode.LanguageModelTextPart, 'a text part first');
	return JSON.parse(first.value) as T;
}

/** What a refused call says; it must be refused. */
async function refusal(tool: string, input: object): Promise<string> {
	try {
		await vscode.lm.invokeTool(tool, { input, toolInvocationToken: undefined });
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
	throw new Error(`${tool} was expected to refuse ${JSON.stringify(input)}`);
}

describe('language-model tools for agents', () => {
	before(async () => {
		const testing = await api();
		await testing.streams.ready;
		// Outside a chat VS Code would ask in a modal dialog; the confirmations are checked on their own below.
		testing.agentTools.askForConfirmation = false;
	});

	after(async () => {
		(await api()).agentTools.askForConfirmation = true;
	});

	beforeEach(async () => {
		name = `zz-agent-tools-${++count}`;
		await createScratchStream(name, { 'README.md': README, 'PLAN.md': PLAN });
	});

	afterEach(async () => {
		await removeScratchStreams(name, 'zz-agent-created');
	});

	it('registers all nine tools, the read tools referable in prompts', () => {
		const ours = vscode.lm.tools.filter(tool => tool.tags.includes('streams')).map(tool => tool.name).sort();
		assert.deepEqual(ours, [...TOOLS].sort());
		const contributed = vscode.extensions.getExtension('feature-streams.feature-streams')!.packageJSON.contributes.languageModelTools as { name: string; canBeReferencedInPrompt?: boolean }[];
		assert.deepEqual(contributed.filter(tool => tool.canBeReferencedInPrompt).map(tool => tool.name).sort(), ['streams_lint', 'streams_list', 'streams_next', 'streams_show']);
	});

	it('lists the streams with status, progress and current phase', async () => {
		const { streams } = await invoke<{ streams: { id: string; status: string; progress: { done: number; total: number }; phase: string }[] }>('streams_list', { text: 'agent tools' });
		const ours = streams.find(stream => stream.id === `.project/streams/${name}`);
		assert.ok(ours, 'the scratch stream is listed');
		assert.equal(ours.status, 'ready');
		assert.deepEqual([ours.progress.done, ours.progress.total], [1, 4]);
		assert.equal(ours.phase, 'Phase 1 - Parser');
	});

	it('shows a stream with its open tasks, 1-based lines as in the file', async () => {
		const shown = await invoke<{ id: string; tasks: { line: number; state: string; text: string; phase: string }[] }>('streams_show', { stream: name });
		assert.equal(shown.id, `.project/streams/${name}`);
		assert.deepEqual(shown.tasks.map(task => [task.line, task.state, task.text]), [[6, 'open', 'Read the tasks'], [7, 'open', 'Read the phases'], [11, 'open', 'Draw the tree']]);
	});

	it('checks off a task in a clean plan and saves it; the model follows', async () => {
		const done = await invoke<{ line: number; before: string; after: string; progress: { done: number } }>('streams_set_task', { stream: name, line: 6, text: 'Read the tasks', state: 'done' });
		assert.deepEqual([done.line, done.before, done.after, done.progress.done], [6, '- [ ] Read the tasks', '- [x] Read the tasks', 2]);
		const expected = PLAN.replace('- [ ] Read the tasks', '- [x] Read the tasks');
		assert.equal(await readOnDisk(streamUri(name, 'PLAN.md')), expected, 'saved: the plan was clean');
		const document = await vscode.workspace.openTextDocument(streamUri(name, 'PLAN.md'));
		assert.equal(document.isDirty, false);
		await waitFor('the model to count the task', async () => (await streamNamed(name))?.progress.done === 2);
	});

	it('keeps a person\'s unsaved text in the plan, edits next to it and leaves the document unsaved', async () => {
		const editor = await vscode.window.showTextDocument(streamUri(name, 'PLAN.md'));
		// A line typed above the task and not saved: the agent's line number is now stale, its text still right.
		await editor.edit(builder => builder.insert(new vscode.Position(4, 0), '- [ ] Read the front matter (typed, unsaved)\n'));
		assert.equal(editor.document.isDirty, true);

		const done = await invoke<{ line: number }>('streams_set_task', { stream: name, line: 6, text: 'Read the tasks', state: 'active' });
		assert.equal(done.line, 7, 'the text guard found the task one line lower');
		const lines = editor.document.getText().split('\n');
		assert.equal(lines[4], '- [ ] Read the front matter (typed, unsaved)', 'the unsaved line is kept');
		assert.equal(lines[6], '- [/] Read the tasks');
		assert.equal(editor.document.isDirty, true, 'left unsaved: the person saves their own text');
		assert.equal(await readOnDisk(streamUri(name, 'PLAN.md')), PLAN, 'nothing written to disk');
	});

	it('takes the agent\'s edit back with one undo', async () => {
		const editor = await vscode.window.showTextDocument(streamUri(name, 'README.md'));
		await invoke('streams_set_field', { stream: name, field: 'status', value: 'in-progress' });
		assert.match(editor.document.getText(), /\*\*Status:\*\* 🟡 In Progress/);
		await vscode.commands.executeCommand('undo');
		assert.equal(editor.document.getText(), README, 'one undo restores the status');
	});

	it('adds a note under today\'s date, creating NOTES.md from the template when it is missing', async () => {
		const note = await invoke<{ path: string; created: boolean }>('streams_add_note', { stream: name, text: 'The tree reads the model, never the files.' });
		assert.equal(note.created, true);
		const text = await readOnDisk(streamUri(name, 'NOTES.md'));
		assert.ok(text.includes(`### ${localToday()}`), text);
		assert.ok(text.includes('- The tree reads the model, never the files.'), text);
	});

	it('creates a stream from the templates, and refuses to create it again', async () => {
		const created = await invoke<{ id: string; files: string[] }>('streams_create', { name: 'zz agent created', priority: 'low' });
		assert.equal(created.id, '.project/streams/zz-agent-created');
		assert.ok(created.files.includes('.project/streams/zz-agent-created/PLAN.md'));
		await waitFor('the model to read the new stream', () => streamNamed('zz-agent-created'));
		const before = await readOnDisk(streamUri('zz-agent-created', 'README.md'));
		assert.match(await refusal('streams_create', { name: 'zz agent created' }), /zz-agent-created/);
		assert.equal(await readOnDisk(streamUri('zz-agent-created', 'README.md')), before, 'nothing overwritten');
	});

	it('refuses to create a stream whose folder is there already, even holding only other files', async () => {
		const folder = streamUri('zz-agent-occupied');
		const sketch = vscode.Uri.joinPath(folder, 'sketch.txt');
		await vscode.workspace.fs.writeFile(sketch, new TextEncoder().encode('a person was here\n'));
		try {
			assert.match(await refusal('streams_create', { name: 'zz agent occupied' }), /zz-agent-occupied already exists/);
			const entries = await vscode.workspace.fs.readDirectory(folder);
			assert.deepEqual(entries.map(([entry]) => entry), ['sketch.txt'], 'nothing was added to the folder');
			assert.equal(await readOnDisk(sketch), 'a person was here\n');
		} finally {
			await vscode.workspace.fs.delete(folder, { recursive: true });
		}
	});

	describe('refusals write nothing', () => {
		const cases: [string, string, (stream: string) => object, RegExp][] = [
			['an unknown stream', 'streams_set_task', () => ({ stream: 'no-such-stream', line: 6, text: 'Read the tasks', state: 'done' }), /no stream "no-such-stream"/],
			['a path out of the roots', 'streams_add_note', () => ({ stream: '../../etc', text: 'x' }), /outside the stream roots/],
			['a task that is not there, listing the open ones', 'streams_set_task', stream => ({ stream, line: 6, text: 'Write the docs', state: 'done' }), /Read the tasks/],
			['a status outside the vocabulary', 'streams_set_field', stream => ({ stream, field: 'status', value: 'sort of done' }), /sort of done/],
		];
		for (const [what, tool, input, message] of cases) {
			it(what, async () => {
				assert.match(await refusal(tool, input(name)), message);
				assert.equal(await readOnDisk(streamUri(name, 'PLAN.md')), PLAN);
				assert.equal(await readOnDisk(streamUri(name, 'README.md')), README);
				const dirty = vscode.workspace.textDocuments.filter(document => document.isDirty);
				assert.deepEqual(dirty.map(document => document.uri.path), [], 'no buffer was changed');
			});
		}
	});

	it('asks before a write, showing the line it will change', async () => {
		const prepared = await (await api()).agentTools.prepare('streams_set_task', { stream: name, line: 6, text: 'Read the tasks', state: 'done' });
		const confirmation = prepared?.confirmationMessages;
		assert.ok(confirmation, 'a write asks for confirmation');
		assert.match(confirmation.title, /done/);
		const message = typeof confirmation.message === 'string' ? confirmation.message : confirmation.message.value;
		assert.ok(message.includes('- - [ ] Read the tasks') && message.includes('+ - [x] Read the tasks'), message);
		assert.match(message, /PLAN\.md`, line 6/);
		assert.equal(await readOnDisk(streamUri(name, 'PLAN.md')), PLAN, 'preparing wrote nothing');
	});

	it('does not ask before a read', async () => {
		const prepared = await (await api()).agentTools.prepare('streams_show', { stream: name });
		assert.equal(prepared?.confirmationMessages, undefined);
	});
});
