// The live text of a document: the buffer when it has unsaved changes (they count), else the file on disk. A clean
// buffer is not trusted over the disk: VS Code keeps models of closed editors, updating them only after a file
// changes, so for a moment after a write (or a delete) such a model still holds the old text.

import * as vscode from 'vscode';
import { decodeDocument } from '../../core';

/** Undefined when the file does not exist, is larger than `maxBytes`, or is not text. */
export async function readLiveText(uri: vscode.Uri, maxBytes: number): Promise<string | undefined> {
	const key = uri.toString();
	const open = vscode.workspace.textDocuments.find(document => document.uri.toString() === key);
	if (open?.isDirty) {
		return open.getText();
	}
	try {
		const { size } = await vscode.workspace.fs.stat(uri);
		if (size > maxBytes) {
			return undefined;
		}
		const decoded = decodeDocument(await vscode.workspace.fs.readFile(uri));
		return decoded.ok ? decoded.text : undefined;
	} catch {
		return undefined;
	}
}
