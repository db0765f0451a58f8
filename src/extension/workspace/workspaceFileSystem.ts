// The core's file-system interface over `vscode.workspace.fs`, so reading works on disk, in remote windows
// and in VS Code for the Web alike.

import * as vscode from 'vscode';
import { DirectoryEntry, FileInfo, FileKind, FileTooLargeError, StreamFileSystem } from '../../core';

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
		if (maxBytes !== undefined) {
			const { size } = await vscode.workspace.fs.stat(uri);
			if (size > maxBytes) {
				throw new FileTooLargeError(path, size, maxBytes);
			}
		}
		return vscode.workspace.fs.readFile(uri);
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
