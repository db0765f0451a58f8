// Status badges as VS Code asks for them: the decoration of each fixture stream folder, PLAN.md's percentage
// when asked for, the switch that turns them off, and change events only for the URIs that changed.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createScratchStream, removeScratchStreams, streamNamed, streamUri } from './scratchStreams';
import { api, waitFor, workspaceUri } from './support';

const SCRATCH = 'zz-badges';

async function decoration(uri: vscode.Uri): Promise<vscode.FileDecoration | undefined> {
	const { badges } = await api();
	return badges.provideFileDecoration(uri) ?? undefined;
}

function colorOf(decoration: vscode.FileDecoration | undefined): string | undefined {
	return (decoration?.color as unknown as { id: string } | undefined)?.id;
}

async function setSetting(key: string, value: unknown): Promise<void> {
	await vscode.workspace.getConfiguration('streams').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Collects the URIs of every decoration change event until disposed. */
async function recordChanges(): Promise<{ uris: Set<string>; dispose(): void }> {
	const { badges } = await api();
	const uris = new Set<string>();
	const subscription = badges.onDidChangeFileDecorations(changed => {
		for (const uri of Array.isArray(changed) ? changed : changed ? [changed] : []) {
			uris.add(uri.toString());
		}
	});
	return { uris, dispose: () => subscription.dispose() };
}

describe('status badges', () => {
	before(async () => {
		await (await api()).streams.ready;
	});

	afterEach(async () => {
		await setSetting('badges.enabled', undefined);
		await setSetting('badges.progress', undefined);
		await removeScratchStreams(SCRATCH);
	});

	it('marks each fixture stream folder with its status letter, colour and a tooltip with its progress', async () => {
		const expected: [string, string, string, string][] = [
			['auth-refresh', 'IP', 'streams.status.inProgress', 'In Progress'],
			['billing-export', 'B', 'streams.status.blocked', 'Blocked'],
			['onboarding-tour', 'C', 'streams.status.complete', 'Complete'],
			['rate-limits', 'P', 'streams.status.paused', 'Paused'],
			['search-v2', 'R', 'streams.status.ready', 'Ready'],
		];
		for (const [name, badge, color, label] of expected) {
			const found = await decoration(streamUri(name));
			assert.ok(found, `${name} has a decoration`);
			assert.equal(found.badge, badge, name);
			assert.equal(colorOf(found), color, name);
			const { progress } = (await streamNamed(name))!;
			const numbers = progress.total > 0 ? `${progress.done}/${progress.total} (${progress.percent}%)` : 'no tasks';
			assert.equal(found.tooltip, `Stream: ${label} · ${numbers}`, name);
			assert.equal(found.propagate, false, 'the badge stays on the folder');
		}
	});

	it('leaves other folders and the files inside a stream alone', async () => {
		assert.equal(await decoration(workspaceUri('.project/streams/_archive/legacy-login')), undefined, 'skipped folder');
		assert.equal(await decoration(workspaceUri('.project/streams')), undefined, 'the root');
		assert.equal(await decoration(streamUri('auth-refresh', 'README.md')), undefined);
		assert.equal(await decoration(streamUri('auth-refresh', 'PLAN.md')), undefined, 'no percentage unless asked for');
	});

	it('gives PLAN.md its percentage with streams.badges.progress on', async () => {
		const changes = await recordChanges();
		const plan = streamUri('auth-refresh', 'PLAN.md');
		try {
			await setSetting('badges.progress', true);
			await waitFor('a change event for PLAN.md', () => changes.uris.has(plan.toString()));
			assert.ok(!changes.uris.has(streamUri('auth-refresh').toString()), 'the folder\'s badge did not change');
		} finally {
			changes.dispose();
		}
		const found = await decoration(plan);
		const { progress } = (await streamNamed('auth-refresh'))!;
		assert.equal(found?.badge, progress.done === progress.total && progress.total > 0 ? '✓' : String(progress.percent));
		assert.equal(found?.tooltip, `Plan: ${progress.done}/${progress.total} (${progress.percent}%)`);
		assert.ok(['streams.progress.none', 'streams.progress.partial', 'streams.progress.complete'].includes(colorOf(found) ?? ''));
	});

	it('takes every badge away with streams.badges.enabled off, and brings them back', async () => {
		await setSetting('badges.enabled', false);
		await waitFor('badges to go', async () => (await decoration(streamUri('auth-refresh'))) === undefined);
		assert.equal(await decoration(streamUri('search-v2')), undefined);
		await setSetting('badges.enabled', undefined);
		await waitFor('badges to return', async () => (await decoration(streamUri('auth-refresh')))?.badge === 'IP');
	});

	it('tells VS Code only about the stream whose status changed, and nothing about edits that change no badge', async () => {
		const readme = ['# Badges Stream', '', '**Status:** 🟢 Ready', ''].join('\n');
		await createScratchStream(SCRATCH, { 'README.md': readme, 'PLAN.md': '- [ ] one\n' });
		const folder = streamUri(SCRATCH);
		await waitFor('the new stream\'s badge', async () => (await decoration(folder))?.badge === 'R');

		const editor = await vscode.window.showTextDocument(streamUri(SCRATCH, 'README.md'));
		const changes = await recordChanges();
		try {
			await editor.edit(builder => builder.insert(new vscode.Position(3, 0), 'Prose that changes no field.\n'));
			await waitFor('the model to follow the buffer', async () => (await api()).streams.all.some(stream =>
				stream.name === SCRATCH && stream.status === 'ready'));
			await new Promise(resolve => setTimeout(resolve, 300));
			assert.deepEqual([...changes.uris], [], 'no event when no badge changed');

			await editor.edit(builder => builder.replace(new vscode.Range(2, 12, 2, editor.document.lineAt(2).text.length), '🔴 Blocked'));
			await waitFor('the badge to change', async () => (await decoration(folder))?.badge === 'B');
			assert.equal(colorOf(await decoration(folder)), 'streams.status.blocked');
			assert.deepEqual([...changes.uris], [folder.toString()], 'only the changed folder');
		} finally {
			changes.dispose();
		}
	});
});
