// What extension-host tests share: the extension under test, how the harness (scripts/test-vscode.mjs) says
// which mode this run is in, and the workspace helpers every test file needs (paths, files, editors, waiting).

import * as vscode from 'vscode';
import type { ExtensionApi, TestingApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'feature-streams.feature-streams';

/** The mode the harness started VS Code in, passed as user settings under `featureStreamsTest`. */
export interface HarnessMode {
	/** Which extension host the extension is meant to run in. */
	readonly host: 'node' | 'web';
	/** Whether the workspace was opened trusted. */
	readonly trusted: boolean;
}

export function harnessMode(): HarnessMode {
	const config = vscode.workspace.getConfiguration('featureStreamsTest');
	return {
		host: config.get<string>('host') === 'web' ? 'web' : 'node',
		trusted: config.get<boolean>('trusted', true),
	};
}

export function extension(): vscode.Extension<ExtensionApi> {
	const found = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
	if (!found) {
		throw new Error(`${EXTENSION_ID} is not loaded`);
	}
	return found;
}

/** What the extension shows its tests (only in ExtensionMode.Test), activating it first when needed. */
export async function api(): Promise<TestingApi> {
	const found = extension();
	const exports = found.isActive ? found.exports : await found.activate();
	if (!exports.testing) {
		throw new Error(`${EXTENSION_ID} was not started in test mode: it exposes nothing to tests`);
	}
	return exports.testing;
}

/** A file or folder of the test workspace; segments may hold `/`. */
export function workspaceUri(...segments: string[]): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders![0].uri;
	return vscode.Uri.joinPath(folder, ...segments.flatMap(segment => segment.split('/')));
}

export async function readOnDisk(uri: vscode.Uri): Promise<string> {
	return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Polls `probe` every 50 ms until it returns something truthy, which it resolves to. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) {
			return value;
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}`);
		}
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}

export async function closeAllEditorsWithoutSaving(): Promise<void> {
	// Reverting first keeps "Save changes?" from blocking the close.
	for (const document of vscode.workspace.textDocuments) {
		if (document.isDirty && !document.isUntitled) {
			await vscode.window.showTextDocument(document);
			await vscode.commands.executeCommand('workbench.action.files.revert');
		}
	}
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
