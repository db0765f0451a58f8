// An in-memory StreamFileSystem for unit tests: files by path, with counters to prove what was re-read.

import { FileTooLargeError } from '../../src/core/markdown/documentText';
import { DirectoryEntry, FileInfo, FileKind, StreamFileSystem } from '../../src/core/fileSystem';

export class MemoryFileSystem implements StreamFileSystem {
	private readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
	private readonly folders = new Set<string>(['']);
	private readonly unreadable = new Set<string>();
	readonly reads: string[] = [];
	private clock = 1;

	constructor(files: Record<string, string | Uint8Array> = {}) {
		for (const [path, content] of Object.entries(files)) {
			this.write(path, content);
		}
	}

	write(path: string, content: string | Uint8Array): void {
		const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
		this.files.set(path, { bytes, mtime: this.clock++ });
		for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
			this.folders.add(path.slice(0, slash));
		}
	}

	/** A file's text as it is now, without counting a read; undefined when there is no such file. */
	textOf(path: string): string | undefined {
		const file = this.files.get(path);
		return file && new TextDecoder().decode(file.bytes);
	}

	mkdir(path: string): void {
		this.folders.add(path);
	}

	/** Removes a file, or a folder with everything in it. */
	delete(path: string): void {
		this.files.delete(path);
		this.folders.delete(path);
		for (const key of [...this.files.keys()]) {
			if (key.startsWith(path + '/')) {
				this.files.delete(key);
			}
		}
		for (const key of [...this.folders]) {
			if (key.startsWith(path + '/')) {
				this.folders.delete(key);
			}
		}
	}

	makeUnreadable(path: string): void {
		this.unreadable.add(path);
	}

	async readDirectory(path: string): Promise<readonly DirectoryEntry[]> {
		if (!this.folders.has(path) || this.unreadable.has(path)) {
			throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
		}
		const prefix = path === '' ? '' : path + '/';
		const names = new Map<string, FileKind>();
		for (const file of this.files.keys()) {
			if (file.startsWith(prefix) && !file.slice(prefix.length).includes('/')) {
				names.set(file.slice(prefix.length), FileKind.File);
			}
		}
		for (const folder of this.folders) {
			if (folder !== path && folder.startsWith(prefix) && !folder.slice(prefix.length).includes('/')) {
				names.set(folder.slice(prefix.length), FileKind.Directory);
			}
		}
		return [...names].map(([name, kind]) => ({ name, kind, isSymbolicLink: false }));
	}

	async stat(path: string): Promise<FileInfo> {
		const file = this.files.get(path);
		if (file) {
			return { kind: FileKind.File, size: file.bytes.length, mtime: file.mtime };
		}
		if (this.folders.has(path)) {
			return { kind: FileKind.Directory, size: 0, mtime: 0 };
		}
		throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
	}

	async readFile(path: string, maxBytes?: number): Promise<Uint8Array> {
		this.reads.push(path);
		const file = this.files.get(path);
		if (!file || this.unreadable.has(path)) {
			throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
		}
		if (maxBytes !== undefined && file.bytes.length > maxBytes) {
			throw new FileTooLargeError(path, file.bytes.length, maxBytes);
		}
		return file.bytes;
	}
}
