// The core's file-system interface over `vscode.workspace.fs`, so reading works on disk, in remote windows
// and in VS Code for the Web alike. In the Node host a `file:` folder is read with Node's own `fs` instead
// (the same reader as the CLI's, asynchronous): each `vscode.workspace.fs` call is a round trip through the
// host's file-system service, and for the tens of thousands of small files of a big workspace those trips cost
// several times the reading itself (bench/activation.mjs: the time to a full tree).

import * as vscode from 'vscode';
import { DirectoryEntry, FileInfo, FileKind, FileTooLargeError, StreamFileSystem } from '../../core';

/** Set by the bundler: which extension host this bundle is built for. */
declare const EXTENSION_HOST: 'node' | 'web';

export class WorkspaceFileSystem implements StreamFileSystem {
	/** Node's `fs` over the folder, where this host has it and the folder is on this machine's disk. */
	private readonly local: StreamFileSystem | undefined;

	constructor(readonly folder: vscode.Uri) {
		this.local = localFileSystemOf(folder);
	}

	/** True when Node's `fs` reads this folder rather than `vscode.workspace.fs`. */
	get readsLocally(): boolean {
		return this.local !== undefined;
	}

	uriOf(path: string): vscode.Uri {
		return path.length === 0 ? this.folder : vscode.Uri.joinPath(this.folder, ...path.split('/'));
	}

	async readDirectory(path: string): Promise<readonly DirectoryEntry[]> {
		if (this.local) {
			return this.local.readDirectory(path);
		}
		const entries = await vscode.workspace.fs.readDirectory(this.uriOf(path));
		return entries.map(([name, type]) => ({
			name,
			kind: kindOf(type),
			isSymbolicLink: (type & vscode.FileType.SymbolicLink) !== 0,
		}));
	}

	async stat(path: string): Promise<FileInfo> {
		if (this.local) {
			return this.local.stat(path);
		}
		const stat = await vscode.workspace.fs.stat(this.uriOf(path));
		return { kind: kindOf(stat.type), size: stat.size, mtime: stat.mtime };
	}

	async readFile(path: string, maxBytes?: number): Promise<Uint8Array> {
		if (this.local) {
			return this.local.readFile(path, maxBytes);
		}
		const uri = this.uriOf(path);
		if (maxBytes === undefined) {
			return vscode.workspace.fs.readFile(uri);
		}
		// The bytes would cross to this host before they could be refused: ask the size first.
		const { size } = await vscode.workspace.fs.stat(uri);
		if (size > maxBytes) {
			throw new FileTooLargeError(path, size, maxBytes);
		}
		const bytes = await vscode.workspace.fs.readFile(uri);
		if (bytes.length > maxBytes) {
			throw new FileTooLargeError(path, bytes.length, maxBytes);
		}
		return bytes;
	}
}

/**
 * The Node host's reader for a folder on disk; none in the web worker, whose bundle must hold no Node module:
 * the bundler replaces EXTENSION_HOST, drops the dead branch and with it the `require`.
 */
function localFileSystemOf(folder: vscode.Uri): StreamFileSystem | undefined {
	if (EXTENSION_HOST === 'node' && folder.scheme === 'file') {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { NodeFileSystem } = require('../../node/nodeFileSystem') as typeof import('../../node/nodeFileSystem');
		return new NodeFileSystem(folder.fsPath);
	}
	return undefined;
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
