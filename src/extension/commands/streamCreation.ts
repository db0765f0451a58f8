// Writes new files without ever overwriting one: the check that nothing exists and the `WorkspaceEdit` that
// creates the files run one creation at a time, so two creations of the same stream started together cannot
// both pass the check. The edit is one undoable step; when undo removes every file of a stream folder we
// created, the folder it leaves empty is removed too, so the name can be used again.

import * as vscode from 'vscode';
import { SerialQueue } from '../../core';

export interface NewFile {
	readonly uri: vscode.Uri;
	readonly text: string;
}

export type CreationResult =
	| { readonly ok: true; readonly created: readonly vscode.Uri[] }
	/** `exists`: `uri` (the folder or a file) is already there, and nothing was written. */
	| { readonly ok: false; readonly reason: 'exists'; readonly uri: vscode.Uri }
	/** `failed`: VS Code refused the edit (a file appeared meanwhile, or the file system said no). */
	| { readonly ok: false; readonly reason: 'failed'; readonly uri: vscode.Uri };

const creations = new SerialQueue();

/** Runs file-creating work one at a time, in the order it was asked for. */
export function serialized<T>(work: () => Promise<T>): Promise<T> {
	return creations.run(work);
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
	try {
		await vscode.workspace.fs.stat(uri);
		return true;
	} catch {
		return false;
	}
}

const encoder = new TextEncoder();

/** Adds a `createFile` that fails rather than overwrite, so even a file that appears after our check is safe. */
export function addCreateFile(edit: vscode.WorkspaceEdit, file: NewFile, label: string): void {
	edit.createFile(file.uri, { contents: encoder.encode(file.text), overwrite: false, ignoreIfExists: false }, { label, needsConfirmation: false });
}

/** Folders created by `createStreamFolder` in this session, so an undo that empties them can tidy up. */
const createdFolders = new Set<string>();

/**
 * Creates a folder and its files in one undoable edit, or nothing at all when the folder (or, should the
 * folder exist after all, any of the files) is already there.
 */
export function createStreamFolder(folder: vscode.Uri, files: readonly NewFile[], label: string): Promise<CreationResult> {
	return serialized(async (): Promise<CreationResult> => {
		if (await exists(folder)) {
			return { ok: false, reason: 'exists', uri: folder };
		}
		const edit = new vscode.WorkspaceEdit();
		for (const file of files) {
			addCreateFile(edit, file, label);
		}
		if (!await vscode.workspace.applyEdit(edit)) {
			const existing = await firstExisting(files.map(file => file.uri));
			return { ok: false, reason: 'failed', uri: existing ?? folder };
		}
		createdFolders.add(folder.toString());
		return { ok: true, created: files.map(file => file.uri) };
	});
}

async function firstExisting(uris: readonly vscode.Uri[]): Promise<vscode.Uri | undefined> {
	for (const uri of uris) {
		if (await exists(uri)) {
			return uri;
		}
	}
	return undefined;
}

/** After an undo deletes the files of a stream we created, removes the folder if nothing else is in it. */
export function registerUndoTidying(onRemoved: (folder: vscode.Uri) => void): vscode.Disposable {
	return vscode.workspace.onDidDeleteFiles(event => {
		const parents = new Map<string, vscode.Uri>();
		for (const file of event.files) {
			const parent = vscode.Uri.joinPath(file, '..');
			if (createdFolders.has(parent.toString())) {
				parents.set(parent.toString(), parent);
			}
		}
		for (const [key, parent] of parents) {
			void serialized(async () => {
				let entries: [string, vscode.FileType][];
				try {
					entries = await vscode.workspace.fs.readDirectory(parent);
				} catch {
					createdFolders.delete(key);
					return;
				}
				if (entries.length === 0) {
					await vscode.workspace.fs.delete(parent, { recursive: false, useTrash: false });
					createdFolders.delete(key);
					onRemoved(parent);
				}
			});
		}
	});
}
