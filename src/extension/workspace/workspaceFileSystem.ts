// The core's file-system interface over `vscode.workspace.fs`, so reading works on disk, in remote windows
// and in VS Code for the Web alike.

import * as vscode from 'vscode';
import { DirectoryEntry, FileInfo, FileKind, FileTooLargeError, StreamFileSystem } from '../../core';

/** Set by the bundler: which extension host this bundle is built for. */
declare const EXTENSION_HOST: 'node' | 'web';

export class WorkspaceFileSystem implements StreamFileSystem {
	constructor(readonly folder: vscode.Uri) { }

	uriOf(path: string): vscode.Uri {
		return path.length === 0 ? this.folder : vscode.Uri.joinPath(this.folder, ...path.split('/'));
	}

	async readDirectory(path: string): Promise<readonly DirectoryEntry[]> {
		const entries = await vscode.workspace.fs.readDirectory(this.uriOf(path));
		return entries.map(([name, type]) => ({
			name,
			kind: kindOf(type),
			isSymbolicLink: (type & vscode.FileType.SymbolicLink) !== 0,
		}));
	}

	async stat(path: string): Promise<FileInfo> {
		const stat = await vscode.workspace.fs.stat(this.uriOf(path));
		return { kind: kindOf(stat.type), size: stat.size, mtime: stat.mtime };
	}

	async readFile(path: string, maxBytes?: number): Promise<Uint8Array> {
		const uri = this.uriOf(path);
		if (maxBytes === undefined) {
			return vscode.workspace.fs.readFile(uri);
		}
		// The Node extension host serves `file:` itself, so a read moves no bytes between processes: reading and
		// then refusing a file over the limit costs less than a stat first, which is one more wait per file
		// (a third of the calls of a full index). Elsewhere the bytes would cross to this host: ask the size first.
		if (!(EXTENSION_HOST === 'node' && uri.scheme === 'file')) {
			const { size } = await vscode.workspace.fs.stat(uri);
			if (size > maxBytes) {
				throw new FileTooLargeError(path, size, maxBytes);
			}
		}
		const bytes = await vscode.workspace.fs.readFile(uri);
		if (bytes.length > maxBytes) {
			throw new FileTooLargeError(path, bytes.length, maxBytes);
		}
		return bytes;
	}
}

function kindOf(type: vscode.FileType): FileKind | undefined {
	if (type & vscode.FileType.Directory) {
		return FileKind.Directory;
	}
	if (type & vscode.FileType.File) {
		return FileKind.File;
	}
	return undefined;
}
