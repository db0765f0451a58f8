// New Stream and Copy Bundled Templates inside a real VS Code, on a copy of the fixture workspace: what lands
// on disk, what the model and the editors show, and that nothing is ever overwritten. The commands take their
// answers as arguments, as scripts and keybindings can give them. Every test removes what it created, so the
// other test files see the fixture workspace as it was.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { localToday } from '../../src/core/templates/templates';
import type { InitTemplatesResult } from '../../src/extension/commands/initTemplates';
import type { NewStreamResult } from '../../src/extension/commands/newStream';
import { api, readOnDisk, waitFor, workspaceUri } from './support';

const ROOT = '.project/streams';
const TEMPLATES = '.project/templates';
const STANDARD = ['README.md', 'PLAN.md', 'STATUS.md', 'HANDOFF.md', 'NOTES.md'];

async function write(uri: vscode.Uri, text: string): Promise<void> {
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
	try {
		await vscode.workspace.fs.stat(uri);
		return true;
	} catch {
		return false;
	}
}

async function listing(uri: vscode.Uri): Promise<string[]> {
	return (await vscode.workspace.fs.readDirectory(uri)).map(([name]) => name).sort();
}

async function remove(uri: vscode.Uri): Promise<void> {
	try {
		await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
	} catch {
		// Already gone.
	}
}

function newStream(options: Record<string, unknown>, command = 'streams.newStream'): Thenable<NewStreamResult | undefined> {
	return vscode.commands.executeCommand<NewStreamResult | undefined>(command, { show: false, ...options });
}

function created(result: NewStreamResult | undefined): Extract<NewStreamResult, { ok: true }> {
	assert.ok(result, 'the command was not cancelled');
	assert.ok(result.ok, `refused: ${!result.ok ? result.message : ''}`);
	return result;
}

function refused(result: NewStreamResult | undefined): string {
	assert.ok(result, 'the command was not cancelled');
	assert.equal(result.ok, false, 'the command should have refused');
	return result.ok ? '' : result.message;
}

function names(uris: readonly vscode.Uri[]): string[] {
	return uris.map(uri => uri.path.slice(uri.path.lastIndexOf('/') + 1));
}

async function closeEditors(): Promise<void> {
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('New Stream', function () {
	const cleanup: vscode.Uri[] = [];

	before(async () => {
		await (await api()).streams.ready;
	});

	afterEach(async () => {
		await closeEditors();
		const { streams } = await api();
		for (const uri of cleanup.splice(0)) {
			await remove(uri);
		}
		await streams.refresh();
	});

	it('creates a stream from the bundled templates, every placeholder filled', async () => {
		const folder = workspaceUri(ROOT, 'offline-editing');
		cleanup.push(folder);
		const result = created(await newStream({ name: 'Offline Editing', priority: 'high', owner: 'Ana Lima' }));
		assert.equal(result.folder.toString(), folder.toString());
		assert.deepEqual(names(result.files), STANDARD);
		assert.deepEqual(await listing(folder), [...STANDARD].sort());

		const readme = await readOnDisk(vscode.Uri.joinPath(folder, 'README.md'));
		const today = localToday();
		assert.equal(readme.split('\n').slice(0, 5).join('\n'), [
			'# Offline Editing Stream',
			'',
			'**Status:** 🟢 Ready',
			'',
			`**Created:** ${today} **Owner:** Ana Lima **Priority:** High`,
		].join('\n'));
		for (const name of STANDARD) {
			const text = await readOnDisk(vscode.Uri.joinPath(folder, name));
			assert.doesNotMatch(text, /\[Feature Name\]|YYYY-MM-DD|\{\{/, name);
		}

		const { streams } = await api();
		const stream = streams.streamFor(folder);
		assert.ok(stream, 'the model knows the new stream at once');
		assert.deepEqual(
			[stream.id, stream.title, stream.status, stream.priority, stream.owner, stream.created],
			[`${ROOT}/offline-editing`, 'Offline Editing', 'ready', 'high', 'Ana Lima', today],
		);
	});

	it('opens the README and reveals the stream when shown', async () => {
		cleanup.push(workspaceUri(ROOT, 'shown-stream'));
		created(await newStream({ name: 'Shown Stream', priority: 'low', owner: 'bo', show: true }));
		const editor = await waitFor('the README in an editor', () => vscode.window.activeTextEditor);
		assert.equal(editor.document.uri.toString(), workspaceUri(ROOT, 'shown-stream', 'README.md').toString());
		assert.match(editor.document.lineAt(0).text, /^# Shown Stream Stream$/);
	});

	it('opens the document named by streams.newStream.openDocument', async () => {
		const config = vscode.workspace.getConfiguration('streams');
		await config.update('newStream.openDocument', 'PLAN.md', vscode.ConfigurationTarget.Workspace);
		try {
			cleanup.push(workspaceUri(ROOT, 'plan-first'));
			created(await newStream({ name: 'Plan First', priority: 'low', owner: 'bo', show: true }));
			const editor = await waitFor('PLAN.md in an editor', () => vscode.window.activeTextEditor);
			assert.equal(editor.document.uri.toString(), workspaceUri(ROOT, 'plan-first', 'PLAN.md').toString());
		} finally {
			await config.update('newStream.openDocument', undefined, vscode.ConfigurationTarget.Workspace);
			cleanup.push(workspaceUri('.vscode'));
		}
	});

	it('uses the workspace\'s templates when the template folder has .md files, the team\'s own documents too', async () => {
		const templates = workspaceUri(TEMPLATES);
		cleanup.push(templates, workspaceUri(ROOT, 'team-made'));
		await write(vscode.Uri.joinPath(templates, 'README.md'), '---\ntitle: "{{name}}"\nowner: {{owner}}\n---\n\n# {{name}}\r\n\r\nStatus: Todo | Done\r\nPriority: {{priority}} · Folder: {{slug}}\r\n');
		await write(vscode.Uri.joinPath(templates, 'DECISIONS.md'), '# Decisions for [Feature Name]\n\nYYYY-MM-DD: started.\n');
		await write(vscode.Uri.joinPath(templates, 'spike', 'README.md'), '# Spike: {{name}}\n');
		const result = created(await newStream({ name: 'Team Made', priority: 'low', owner: 'Zoë' }));
		assert.deepEqual(names(result.files), ['README.md', 'DECISIONS.md']);
		assert.equal(await readOnDisk(vscode.Uri.joinPath(result.folder, 'README.md')),
			'---\ntitle: "Team Made"\nowner: Zoë\n---\n\n# Team Made\r\n\r\nStatus: Ready\r\nPriority: Low · Folder: team-made\r\n');
		assert.equal(await readOnDisk(vscode.Uri.joinPath(result.folder, 'DECISIONS.md')), `# Decisions for Team Made\n\n${localToday()}: started.\n`);
	});

	it('offers the template folder\'s subfolders as named sets', async () => {
		const templates = workspaceUri(TEMPLATES);
		cleanup.push(templates, workspaceUri(ROOT, 'quick-look'));
		await write(vscode.Uri.joinPath(templates, 'spike', 'README.md'), '# Spike: {{name}}\n\nOwner: {{owner}}\n');
		await write(vscode.Uri.joinPath(templates, 'spike', 'NOTES.md'), '# Notes on {{slug}}\n');
		const result = created(await newStream({ name: 'Quick Look', priority: 'medium', owner: 'kai', template: 'spike' }, 'streams.newStreamFromTemplate'));
		assert.deepEqual(names(result.files), ['README.md', 'NOTES.md']);
		assert.equal(await readOnDisk(vscode.Uri.joinPath(result.folder, 'README.md')), '# Spike: Quick Look\n\nOwner: kai\n');

		const bundled = workspaceUri(ROOT, 'from-bundled');
		cleanup.push(bundled);
		const fromBundled = created(await newStream({ name: 'From Bundled', priority: 'medium', owner: 'kai', template: 'bundled' }, 'streams.newStreamFromTemplate'));
		assert.deepEqual(names(fromBundled.files), STANDARD, 'the bundled set stays on offer');

		const unknown = refused(await newStream({ name: 'Nope', priority: 'medium', owner: 'kai', template: 'missing' }, 'streams.newStreamFromTemplate'));
		assert.match(unknown, /missing/);
		assert.equal(await exists(workspaceUri(ROOT, 'nope')), false);
	});

	it('refuses a name whose folder exists, naming it, and changes nothing', async () => {
		const folder = workspaceUri(ROOT, 'already-here');
		cleanup.push(folder);
		await write(vscode.Uri.joinPath(folder, 'keep.txt'), 'precious');
		const message = refused(await newStream({ name: 'Already Here', priority: 'high', owner: 'x' }));
		assert.match(message, /\.project\/streams\/already-here/);
		assert.deepEqual(await listing(folder), ['keep.txt']);
		assert.equal(await readOnDisk(vscode.Uri.joinPath(folder, 'keep.txt')), 'precious');
	});

	it('refuses the name of an existing stream, whatever its case', async () => {
		const before = await readOnDisk(workspaceUri(ROOT, 'auth-refresh', 'README.md'));
		const message = refused(await newStream({ name: 'AUTH Refresh', priority: 'high', owner: 'x' }));
		assert.match(message, /auth-refresh/);
		assert.equal(await readOnDisk(workspaceUri(ROOT, 'auth-refresh', 'README.md')), before);
	});

	it('refuses bad names with a message that says what is wrong, writing nothing', async () => {
		const cases: [string, RegExp][] = [
			['a/b', /"\/"/],
			['..', /"\.\."/],
			['🚀', /letter/],
			['con', /Windows/],
			['x'.repeat(200), /200 characters/],
		];
		const before = await listing(workspaceUri(ROOT));
		for (const [name, expected] of cases) {
			assert.match(refused(await newStream({ name, priority: 'high', owner: 'x' })), expected, name);
		}
		assert.match(refused(await newStream({ name: 'Fine', priority: 'urgent', owner: 'x' })), /urgent/);
		assert.match(refused(await newStream({ name: 'Fine', priority: 'high', owner: ' ' })), /owner/i);
		assert.deepEqual(await listing(workspaceUri(ROOT)), before);
	});

	it('lets exactly one of two creations of the same name started together succeed, the other reports the collision', async () => {
		const folder = workspaceUri(ROOT, 'race');
		cleanup.push(folder);
		const [first, second] = await Promise.all([
			newStream({ name: 'Race', priority: 'high', owner: 'First' }),
			newStream({ name: 'Race', priority: 'low', owner: 'Second' }),
		]);
		const results = [first, second];
		const winners = results.filter(result => result?.ok);
		const losers = results.filter(result => result && !result.ok);
		assert.equal(winners.length, 1, 'exactly one succeeds');
		assert.equal(losers.length, 1, 'the other is refused');
		assert.match(refused(losers[0]), /\.project\/streams\/race/);
		const winner = winners[0] === first ? 'First' : 'Second';
		assert.match(await readOnDisk(vscode.Uri.joinPath(folder, 'README.md')), new RegExp(`\\*\\*Owner:\\*\\* ${winner} `), 'the winner\'s files were not overwritten');
		assert.deepEqual(await listing(folder), [...STANDARD].sort());
	});

	it('creates in the root it is given, as a URI or a workspace-relative path', async () => {
		cleanup.push(workspaceUri(ROOT, 'by-uri'), workspaceUri(ROOT, 'by-path'));
		created(await newStream({ name: 'By URI', priority: 'low', owner: 'x', root: workspaceUri(ROOT) }));
		created(await newStream({ name: 'By Path', priority: 'low', owner: 'x', root: './.project/streams/' }));
		assert.match(refused(await newStream({ name: 'Elsewhere', priority: 'low', owner: 'x', root: workspaceUri('docs') })), /docs is not a stream root/);
	});

	it('"New Stream Here" starts in the clicked root and asks for the name; refuses a folder that is no root', async () => {
		const asking = vscode.commands.executeCommand<NewStreamResult | undefined>('streams.newStreamHere', workspaceUri(ROOT));
		let settled = false;
		void asking.then(() => { settled = true; });
		// The name box is open when closing the quick input settles the command (cancelled: nothing created).
		await waitFor('the name question', async () => {
			await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
			await new Promise(resolve => setTimeout(resolve, 100));
			return settled;
		});
		assert.equal(await asking, undefined);
		const message = refused(await vscode.commands.executeCommand<NewStreamResult>('streams.newStreamHere', workspaceUri(ROOT, 'auth-refresh')));
		assert.match(message, /auth-refresh is not a stream root/);
	});

	it('can be undone as one step, leaving no empty folder behind', async () => {
		const folder = workspaceUri(ROOT, 'undo-me');
		cleanup.push(folder);
		created(await newStream({ name: 'Undo Me', priority: 'high', owner: 'x', show: true }));
		await waitFor('the README in an editor', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/undo-me/README.md'));
		await vscode.commands.executeCommand('undo');
		await waitFor('the files to be gone', async () => !await exists(vscode.Uri.joinPath(folder, 'README.md')) && !await exists(vscode.Uri.joinPath(folder, 'PLAN.md')));
		await waitFor('the empty folder to be removed', async () => !await exists(folder));
		const { streams } = await api();
		await waitFor('the model to drop the stream', () => !streams.streamFor(folder));
	});
});

describe('Copy Bundled Templates', () => {
	const templates = () => workspaceUri(TEMPLATES);

	afterEach(async () => {
		await remove(templates());
	});

	function initTemplates(): Thenable<InitTemplatesResult | undefined> {
		return vscode.commands.executeCommand<InitTemplatesResult | undefined>('streams.initTemplates');
	}

	it('copies the bundled templates, and run again copies nothing and overwrites nothing', async () => {
		const first = await initTemplates();
		assert.ok(first);
		assert.deepEqual([...first.copied].sort(), [...STANDARD].sort());
		assert.deepEqual(first.skipped, []);
		assert.deepEqual(await listing(templates()), [...STANDARD].sort());
		assert.match(await readOnDisk(vscode.Uri.joinPath(templates(), 'README.md')), /^# \[Feature Name\] Stream/, 'copied as templates, not filled');

		await write(vscode.Uri.joinPath(templates(), 'README.md'), '# Our own README template\n');
		const second = await initTemplates();
		assert.ok(second);
		assert.deepEqual(second.copied, []);
		assert.deepEqual([...second.skipped].sort(), [...STANDARD].sort());
		assert.equal(await readOnDisk(vscode.Uri.joinPath(templates(), 'README.md')), '# Our own README template\n');
	});

	it('fills in only what is missing', async () => {
		await write(vscode.Uri.joinPath(templates(), 'PLAN.md'), '# Our plan\n');
		const result = await initTemplates();
		assert.ok(result);
		assert.deepEqual([...result.skipped], ['PLAN.md']);
		assert.equal(result.copied.length, 4);
		assert.equal(await readOnDisk(vscode.Uri.joinPath(templates(), 'PLAN.md')), '# Our plan\n');
	});
});
