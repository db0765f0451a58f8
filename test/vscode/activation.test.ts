// The extension activates in the host the harness asked for, and every command it contributes is registered.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, extension, harnessMode } from './support';

interface ContributedCommand {
	readonly command: string;
}

describe('activation', () => {
	const mode = harnessMode();

	it('activates on a workspace that holds streams', async () => {
		await api();
		assert.equal(extension().isActive, true);
	});

	it(`runs in the ${mode.host} extension host`, async () => {
		const { host } = await api();
		assert.equal(host, mode.host, 'the bundle that activated');
		// In the web worker the extension is a UI extension; in the server's Node host it is a workspace one.
		const expectedKind = mode.host === 'web' ? vscode.ExtensionKind.UI : vscode.ExtensionKind.Workspace;
		assert.equal(extension().extensionKind, expectedKind, 'vscode.Extension.extensionKind');
	});

	it(`reads the workspace's files ${mode.host === 'node' ? "with Node's fs" : 'through vscode.workspace.fs'}`, async () => {
		const { streams } = await api();
		await streams.ready;
		const stream = streams.all[0];
		assert.ok(stream, 'the fixture workspace holds streams');
		// Node's fs only where this host has it and the folder is on its disk; everywhere else, VS Code's.
		const onDisk = mode.host === 'node' && vscode.workspace.workspaceFolders![0].uri.scheme === 'file';
		assert.equal(streams.fileSystemOf(stream).readsLocally, onDisk);
	});

	it(`opens the workspace ${mode.trusted ? 'trusted' : 'untrusted (Restricted Mode)'}`, () => {
		assert.equal(vscode.workspace.isTrusted, mode.trusted);
	});

	it('registers every command it contributes', async () => {
		await api();
		const contributed: readonly ContributedCommand[] = extension().packageJSON.contributes?.commands ?? [];
		assert.ok(contributed.length > 0, 'package.json contributes commands');
		const registered = new Set(await vscode.commands.getCommands(true));
		const missing = contributed.map(entry => entry.command).filter(id => !registered.has(id));
		assert.deepEqual(missing, [], 'contributed but not registered');
	});
});
