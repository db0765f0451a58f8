// The Streams board, driven through its panel exactly as its webview drives it (the messages a webview posts),
// on the fixture workspace: what it shows, the moves it makes (the same edit as Set Status), the messages it
// refuses, and how it follows streams that change or go while it is open.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BoardCard, BoardUpdate } from '../../src/extension/board/boardMessages';
import { streamKey } from '../../src/core';
import { createScratchStream, localToday, removeScratchStreams, streamNamed, streamUri } from './scratchStreams';
import { api, readOnDisk, waitFor, workspaceUri } from './support';

const README = [
	'# Board Check Stream',
	'',
	'**Status:** 🟡 In Progress',
	'',
	'**Created:** 2026-01-01 **Owner:** tess **Priority:** Medium',
	'',
	'**Last Updated:** 2026-01-02',
	'',
].join('\n');
const PLAN = ['# Plan', '', '## Phase 1: Start', '', '- [x] one', '- [ ] two', '', '## Phase 2: Finish', '', '- [ ] three', ''].join('\n');

let NAME = '';
let count = 0;

async function board() {
	return (await api()).board;
}

/** Opens the board and waits for its first full drawing. */
async function openBoard(): Promise<Extract<BoardUpdate, { type: 'reset' }>> {
	await vscode.commands.executeCommand('streams.openBoard');
	const testing = await board();
	assert.ok(testing.panel, 'the board panel is open');
	// The webview says it is ready once its script runs; saying it here too, then waiting for both drawings,
	// makes every later update a patch whatever the webview's timing (and proves the webview's script runs).
	await testing.receive({ type: 'ready' });
	await waitFor('the webview to say it is ready', () => testing.posted.filter(update => update.type === 'reset').length >= 2, 15_000);
	return [...testing.posted].reverse().find((update): update is Extract<BoardUpdate, { type: 'reset' }> => update.type === 'reset')!;
}

async function cardOf(name: string): Promise<BoardCard | undefined> {
	const stream = await streamNamed(name);
	return stream && (await board()).cards().get(streamKey(stream));
}

describe('Streams board', () => {
	beforeEach(async () => {
		await (await api()).streams.ready;
		NAME = `zz-board-${++count}`;
		await createScratchStream(NAME, { 'README.md': README, 'PLAN.md': PLAN });
	});

	afterEach(async () => {
		(await board()).panel?.dispose();
		await removeScratchStreams(NAME);
	});

	it('shows a column per status in workflow order and a card per stream, with its owner, priority, progress and phase', async () => {
		const reset = await openBoard();
		assert.deepEqual(reset.columns.map(column => column.label), ['Ready', 'In Progress', 'Blocked', 'Paused', 'Complete'], 'no Unset column while every stream has a status');
		const { streams } = await api();
		assert.equal(reset.cards.length, streams.all.length);
		const card = reset.cards.find(candidate => candidate.title === 'Board Check')!;
		assert.equal(card.column, 'in-progress');
		assert.equal(card.owner, 'tess');
		assert.equal(card.priority?.label, 'Medium');
		assert.deepEqual([card.done, card.total], [1, 3]);
		assert.equal(card.phase, 'Phase 1: Start');
		assert.equal(card.fixedReason, undefined, 'a stream of the streams layout moves');
		assert.match(card.label, /^Board Check, In Progress, Medium priority, owner tess, 1 of 3 tasks done, current phase Phase 1: Start/);
		const overview = reset.overview;
		assert.equal(overview.perColumn.find(entry => entry.column === 'in-progress')?.count, 2, 'Auth Refresh and Board Check');
		assert.match(overview.blocked, /^1 stream blocked$/);
		assert.match(overview.tasks, /^\d+ of \d+ tasks done$/);
	});

	it('shows an Unset column only while a stream has no status', async () => {
		await openBoard();
		const testing = await board();
		const unset = 'zz-board-unset';
		try {
			await createScratchStream(unset, { 'README.md': '# No Status Yet\n\nJust an idea.\n' });
			const patch = await waitFor('the Unset column', () => testing.posted.find(update => update.type === 'patch' && update.columns?.some(column => column.id === 'unset')));
			assert.equal(patch.type === 'patch' && patch.columns?.at(-1)?.label, 'No Status');
			await vscode.workspace.fs.delete(streamUri(unset), { recursive: true, useTrash: false });
			await (await api()).streams.reread([streamUri(unset)]);
			await waitFor('the Unset column to go', () => {
				const last = [...testing.posted].reverse().find(update => update.type === 'patch' && update.columns);
				return last?.type === 'patch' && !last.columns!.some(column => column.id === 'unset');
			});
		} finally {
			await removeScratchStreams(unset);
		}
	});

	it('moves a card through the same edit as Set Status: in its own style, a clean document saved', async () => {
		await openBoard();
		const testing = await board();
		const stream = (await streamNamed(NAME))!;
		await testing.receive({ type: 'move', key: streamKey(stream), column: 'blocked' });
		const expected = README
			.replace('🟡 In Progress', '🔴 Blocked')
			.replace('**Last Updated:** 2026-01-02', `**Last Updated:** ${localToday()}`);
		assert.equal(await readOnDisk(streamUri(NAME, 'README.md')), expected);
		const document = await vscode.workspace.openTextDocument(streamUri(NAME, 'README.md'));
		assert.equal(document.isDirty, false);
		assert.equal((await cardOf(NAME))?.column, 'blocked', 'the card is in its new column');
		await vscode.window.showTextDocument(document);
		await vscode.commands.executeCommand('undo');
		assert.equal(document.getText(), README, 'one undo takes the move back');
	});

	it('moves a card whose README has unsaved text, and leaves the document unsaved', async () => {
		await openBoard();
		const testing = await board();
		const editor = await vscode.window.showTextDocument(streamUri(NAME, 'README.md'));
		await editor.edit(builder => builder.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'A thought not saved yet.\n'));
		const stream = (await streamNamed(NAME))!;
		await testing.receive({ type: 'move', key: streamKey(stream), column: 'paused' });
		assert.match(editor.document.getText(), /^\*\*Status:\*\* ⏸️ Paused$/m);
		assert.match(editor.document.getText(), /A thought not saved yet\./);
		assert.equal(editor.document.isDirty, true, 'the author saves their own text');
		assert.equal(await readOnDisk(streamUri(NAME, 'README.md')), README, 'nothing written to disk');
		await waitFor('the card to follow the buffer', async () => (await cardOf(NAME))?.column === 'paused');
	});

	it('changes nothing for a drop on the column the card is in', async () => {
		await openBoard();
		const testing = await board();
		const document = await vscode.workspace.openTextDocument(streamUri(NAME, 'README.md'));
		const version = document.version;
		const posted = testing.posted.length;
		await testing.receive({ type: 'move', key: streamKey((await streamNamed(NAME))!), column: 'in-progress' });
		assert.equal(document.version, version, 'no edit');
		assert.equal(await readOnDisk(streamUri(NAME, 'README.md')), README);
		assert.equal(testing.posted.length, posted, 'nothing to tell the webview');
	});

	it('refuses forged messages: unknown types, unknown statuses, extra fields and streams it does not show', async () => {
		await openBoard();
		const testing = await board();
		const key = streamKey((await streamNamed(NAME))!);
		const forged: unknown[] = [
			{ type: 'move', key, column: 'shipped' },
			{ type: 'move', key, column: 'blocked', command: 'workbench.action.terminal.new' },
			{ type: 'move', key: 42, column: 'blocked' },
			{ type: 'run', command: 'streams.refresh' },
			'move',
			null,
			{ type: 'move', key: 'file:///etc\u0000passwd', column: 'blocked' },
			{ type: 'move', key: `${key}-nope`, column: 'blocked' },
		];
		for (const message of forged) {
			await testing.receive(message);
		}
		assert.equal(await readOnDisk(streamUri(NAME, 'README.md')), README, 'nothing changed');
		const refusals = testing.posted.filter(update => update.type === 'refused');
		assert.equal(refusals.length, 2, 'the two well-formed moves of streams it does not show are refused back to the webview');
		assert.ok(refusals.every(update => update.type === 'refused' && update.message === 'That stream no longer exists.'));
	});

	it('follows a plan changed on disk with one patch of that card only', async () => {
		await openBoard();
		const testing = await board();
		const before = testing.posted.length;
		await vscode.workspace.fs.writeFile(streamUri(NAME, 'PLAN.md'), new TextEncoder().encode(PLAN.replace('- [ ] two', '- [x] two')));
		const patch = await waitFor('a patch with the new progress', () => testing.posted.slice(before).find(update =>
			update.type === 'patch' && update.cards.some(card => card.title === 'Board Check' && card.done === 2)), 15_000);
		assert.ok(patch.type === 'patch');
		assert.deepEqual(patch.cards.map(card => card.title), ['Board Check'], 'no other card is sent again');
		assert.equal(patch.cards[0].phase, 'Phase 2: Finish', 'the current phase moved on');
	});

	it('takes away the card of a stream deleted while it is shown, and refuses to move it', async () => {
		await openBoard();
		const testing = await board();
		const key = streamKey((await streamNamed(NAME))!);
		await vscode.workspace.fs.delete(streamUri(NAME), { recursive: true, useTrash: false });
		// Seen by the file watcher, as a deletion in a terminal or by git would be: it may take a moment on a busy machine.
		await waitFor('the card to go', () => testing.posted.some(update => update.type === 'patch' && update.removed.includes(key)), 15_000);
		assert.equal(testing.cards().has(key), false);
		await testing.receive({ type: 'move', key, column: 'blocked' });
		assert.ok(testing.posted.some(update => update.type === 'refused' && update.key === key));
	});

	it('keeps the card of a Kiro spec in its column, says why, and refuses to move it', async () => {
		const { streams } = await api();
		const folder = workspaceUri('.kiro/specs/zz-board-kiro');
		const tasks = ['# Implementation Plan: Board Kiro', '', '- [x] 1. Set up', '- [ ] 2. Build the API', ''].join('\n');
		try {
			await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'tasks.md'), new TextEncoder().encode(tasks));
			await streams.reread([folder]);
			const kiro = await waitFor('the Kiro spec as a stream', () => streams.all.find(stream => stream.id === '.kiro/specs/zz-board-kiro'));
			await openBoard();
			const testing = await board();
			const card = testing.cards().get(streamKey(kiro))!;
			assert.equal(card.column, 'in-progress', 'its status follows its progress');
			assert.match(card.fixedReason ?? '', /follows its plan's progress/);
			assert.match(card.label, /follows its plan's progress/, 'said to screen readers too');
			await testing.receive({ type: 'move', key: card.key, column: 'blocked' });
			assert.equal(await readOnDisk(vscode.Uri.joinPath(folder, 'tasks.md')), tasks, 'nothing written');
			const refusal = testing.posted.at(-1);
			assert.ok(refusal?.type === 'refused' && /follows its plan's progress/.test(refusal.message), 'the webview is told why');
		} finally {
			await vscode.workspace.fs.delete(workspaceUri('.kiro'), { recursive: true, useTrash: false });
			await streams.reread([folder]);
			await waitFor('the Kiro spec to go', () => !streams.all.some(stream => stream.id === '.kiro/specs/zz-board-kiro'));
		}
	});

	it('applies the tree\'s filter', async () => {
		await openBoard();
		const { tree } = await api();
		const testing = await board();
		try {
			tree.setFilter({ kind: 'status', status: 'blocked' });
			const reset = await waitFor('a drawing with the filter', () => {
				const last = testing.posted.at(-1);
				return last?.type === 'reset' && last.strings.filtered !== undefined && last;
			});
			assert.deepEqual(reset.cards.map(card => card.title), ['Billing Export']);
			const hidden = streamKey((await streamNamed(NAME))!);
			await testing.receive({ type: 'move', key: hidden, column: 'blocked' });
			assert.equal(await readOnDisk(streamUri(NAME, 'README.md')), README, 'a filtered-out stream is not on the board: not moved');
		} finally {
			tree.setFilter(undefined);
		}
	});
});
