// The core's file-system interface over Node's `fs`, for the `streams` command line.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FileTooLargeError } from '../core/documentText';
import { DirectoryEntry, FileInfo, FileKind, StreamFileSystem } from '../core/fileSystem';

export class NodeFileSystem implements StreamFileSystem {
	constructor(readonly root: string) { }

	resolve(relative: string): string {
		return path.join(this.root, ...relative.split('/'));
	}

	async readDirectory(relative: string): Promise<readonly DirectoryEntry[]> {
		const folder = this.resolve(relative);
		const entries = await fs.readdir(folder, { withFileTypes: true });
		return Promise.all(entries.map(async entry => {
			if (!entry.isSymbolicLink()) {
				return { name: entry.name, kind: kindOf(entry), isSymbolicLink: false };
			}
			// Follow the link one level to learn what it points at; a dangling link has no kind.
			const target = await fs.stat(path.join(folder, entry.name)).catch(() => undefined);
			return { name: entry.name, kind: target && kindOf(target), isSymbolicLink: true };
		}));
	}

	async stat(relative: string): Promise<FileInfo> {
		const stat = await fs.stat(this.resolve(relative));
		return { kind: kindOf(stat), size: stat.size, mtime: stat.mtimeMs };
	}

	async readFile(relative: string, maxBytes?: number): Promise<Uint8Array> {
		if (maxBytes === undefined) {
			return fs.readFile(this.resolve(relative));
		}
		// One open, one fstat, one read: checking the size costs no extra path lookup.
		const handle = await fs.open(this.resolve(relative), 'r');
		try {
			const { size } = await handle.stat();
			if (size > maxBytes) {
				throw new FileTooLargeError(relative, size, maxBytes);
			}
			return await handle.readFile();
		} finally {
			await handle.close();
		}
	}
}

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean }): FileKind | undefined {
	return entry.isDirectory() ? FileKind.Directory : entry.isFile() ? FileKind.File : undefined;
}
