// Writing new files without ever overwriting one: the check that nothing exists and the `WorkspaceEdit` that
// creates the files run one creation at a time (`serialized`), so two creations of the same stream started
// together cannot both pass the check. When undo removes every file of a stream folder we created, the folder
// it leaves empty is removed too, so the name can be used again.

import * as vscode from 'vscode';
import { SerialQueue } from '../../core';

export interface NewFile {
	readonly uri: vscode.Uri;
	readonly text: string;
}

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

/** Stream folders created in this session (by the applier, documentChanges.ts), so an undo that empties them can tidy up. */
const createdFolders = new Set<string>();

export function rememberCreatedFolder(folder: vscode.Uri): void {
	createdFolders.add(folder.toString());
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
