// Scratch markdown files for extension-host tests that edit buffers: written into a folder of the temporary
// workspace that is no stream root, so the Streams model and other tests never see them, and removed after.

import * as vscode from 'vscode';
import { closeAllEditorsWithoutSaving, workspaceUri } from './support';

export const SCRATCH_FOLDER = 'scratch-progress';

let written = 0;

/**
 * Writes `scratch-progress/<n>/<name>` and opens it in an editor (beside the active one when asked). Each call
 * gets its own folder: VS Code keeps a closed document's model for a while, and a new file must not meet it.
 */
export async function openScratch(name: string, text: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
	const uri = workspaceUri(SCRATCH_FOLDER, String(++written), name);
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
	const document = await vscode.workspace.openTextDocument(uri);
	return vscode.window.showTextDocument(document, column);
}

/** Closes every editor without saving and deletes the scratch folder. */
export async function removeScratch(): Promise<void> {
	await closeAllEditorsWithoutSaving();
	try {
		await vscode.workspace.fs.delete(workspaceUri(SCRATCH_FOLDER), { recursive: true, useTrash: false });
	} catch {
		// Nothing was written.
	}
}

/** Sets a `streams.*` user setting for the duration of a test; `undefined` restores the default. */
export async function setSetting(key: string, value: unknown): Promise<void> {
	await vscode.workspace.getConfiguration('streams').update(key, value, vscode.ConfigurationTarget.Global);
}
