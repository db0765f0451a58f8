// Kiro specs and Spec Kit features in a real editor (DESIGN.md §8): the model picks them up from their own
// folders, progress after the headings of their tasks.md counts with the layout's meanings, Toggle Task
// finishes a Kiro task in progress ([-]), and Set Status refuses a stream whose status follows its progress.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Stream } from '../../src/core/model/stream';
import { api, closeAllEditorsWithoutSaving, readOnDisk, waitFor, workspaceUri } from './support';

const KIRO = '.kiro/specs/photo-upload';
const SPECKIT = 'specs/010-team-chat';

const KIRO_TASKS = `# Implementation Plan: Profile Photos

- [-] 1. Storage helpers
  - [x] 1.1 Dated folders
  - [ ] 1.2 File names
  - [ ]* 1.3 Property tests for file names

- [ ] 2. Resize on upload
`;

const SPEC = `# Feature Specification: Team Chat

**Feature Branch**: \`010-team-chat\`

**Created**: 2026-03-01

**Status**: Draft
`;

const SPEC_TASKS = `# Tasks: Team Chat

## Phase 1: Setup

- [x] T001 Create src/chat/
- [ ] T002 [P] [US1] Message list in src/chat/list.ts
`;

async function write(path: string, text: string): Promise<void> {
	await vscode.workspace.fs.writeFile(workspaceUri(path), new TextEncoder().encode(text));
}

async function streamWithId(id: string, accept: (stream: Stream) => boolean = () => true): Promise<Stream> {
	const { streams } = await api();
	return waitFor(`the model to read ${id}`, () => {
		const stream = streams.all.find(candidate => candidate.id === id);
		return stream && accept(stream) ? stream : undefined;
	});
}

describe('other layouts in the editor', () => {
	before(async () => {
		const { streams } = await api();
		await streams.ready;
		await write(`${KIRO}/requirements.md`, '# Requirements Document\n');
		await write(`${KIRO}/tasks.md`, KIRO_TASKS);
		await write(`${SPECKIT}/spec.md`, SPEC);
		await write(`${SPECKIT}/tasks.md`, SPEC_TASKS);
		await streams.reread([workspaceUri(KIRO), workspaceUri(SPECKIT)]);
	});

	after(async () => {
		await closeAllEditorsWithoutSaving();
		const { streams } = await api();
		for (const folder of ['.kiro', 'specs']) {
			await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true, useTrash: false });
		}
		await streams.reread([workspaceUri(KIRO), workspaceUri(SPECKIT)]);
		await waitFor('the model to drop the scratch specs', () => !streams.all.some(stream => stream.layout !== 'streams'));
	});

	it('reads a Kiro spec and a Spec Kit feature from their own folders, each with its layout', async () => {
		const kiro = await streamWithId(KIRO);
		assert.equal(kiro.layout, 'kiro');
		assert.equal(kiro.title, 'Profile Photos');
		assert.equal(kiro.status, 'in-progress');
		assert.deepEqual(kiro.progress, { done: 1, open: 2, active: 1, cancelled: 0, total: 4, percent: 25, optional: 1 });
		assert.deepEqual(kiro.phases.map(phase => phase.title), ['1. Storage helpers', '2. Resize on upload']);
		const speckit = await streamWithId(SPECKIT);
		assert.equal(speckit.layout, 'speckit');
		assert.equal(speckit.status, 'in-progress');
		assert.equal(speckit.documentStatus, 'Draft');
		assert.equal(speckit.created, '2026-03-01');
	});

	it('shows progress after the headings of a Kiro tasks.md, optional tasks left out', async () => {
		const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(`${KIRO}/tasks.md`)));
		const { planDecorations } = await api();
		const shown = await waitFor('progress after the H1 of tasks.md', () => {
			const rendered = planDecorations.renderedFor(editor);
			return rendered.length > 0 ? rendered : undefined;
		});
		assert.deepEqual(shown.map(item => [item.line, item.text]), [[0, '▰▱▱▱▱ 1/4 · 25%']]);
	});

	it('finishes a Kiro task in progress with Toggle Task, and the model follows the unsaved buffer', async () => {
		const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(`${KIRO}/tasks.md`)));
		editor.selection = new vscode.Selection(2, 0, 2, 0);
		await vscode.commands.executeCommand('streams.toggleTask');
		assert.equal(editor.document.lineAt(2).text, '- [x] 1. Storage helpers');
		const { streams } = await api();
		const kiro = await waitFor('the model to follow the buffer', () => {
			const stream = streams.all.find(candidate => candidate.id === KIRO);
			return stream && stream.progress.done === 2 ? stream : undefined;
		}, 15_000);
		assert.deepEqual(kiro.progress, { done: 2, open: 2, active: 0, cancelled: 0, total: 4, percent: 50, optional: 1 });
		// The optional task toggles too, and keeps its marker.
		editor.selection = new vscode.Selection(5, 0, 5, 0);
		await vscode.commands.executeCommand('streams.toggleTask');
		assert.equal(editor.document.lineAt(5).text, '  - [x]* 1.3 Property tests for file names');
		assert.equal(await readOnDisk(workspaceUri(`${KIRO}/tasks.md`)), KIRO_TASKS, 'the file on disk is untouched until saved');
	});

	it('refuses to set the status of a Kiro spec or a Spec Kit feature, changing nothing', async () => {
		for (const id of [KIRO, SPECKIT]) {
			const changed = await vscode.commands.executeCommand<boolean>('streams.setStatus', workspaceUri(id), 'blocked');
			assert.equal(changed, false, id);
		}
		assert.equal(await readOnDisk(workspaceUri(`${SPECKIT}/spec.md`)), SPEC);
		assert.equal((await streamWithId(SPECKIT)).status, 'in-progress');
	});
});
