// The core's file-system interface over Node's `fs`, for the `streams` command line and the MCP server.
// By default it uses fs's callback API: for thousands of small files it is about twice as fast as
// `fs.promises`, whose per-call overhead dominates when each read takes microseconds. A one-shot process that
// has nothing else to do meanwhile (the CLI) asks for synchronous calls, faster again by 3-5x on 2 cores: no
// hand-over to libuv's threads and back per open, fstat, read and close (measured in bench/indexing.ts).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { DirectoryEntry, FileInfo, FileKind, FileTooLargeError, StreamFileSystem } from '../core';

export interface NodeFileSystemOptions {
	/** Read with blocking calls; for a process that only reads and then exits, never for a server. */
	readonly synchronous?: boolean;
}

export class NodeFileSystem implements StreamFileSystem {
	private readonly synchronous: boolean;

	constructor(readonly root: string, options: NodeFileSystemOptions = {}) {
		this.synchronous = options.synchronous ?? false;
	}

	resolve(relative: string): string {
		return path.join(this.root, ...relative.split('/'));
	}

	async readDirectory(relative: string): Promise<readonly DirectoryEntry[]> {
		const folder = this.resolve(relative);
		if (this.synchronous) {
			return fs.readdirSync(folder, { withFileTypes: true }).map(entry => {
				if (!entry.isSymbolicLink()) {
					return { name: entry.name, kind: kindOf(entry), isSymbolicLink: false };
				}
				const target = fs.statSync(path.join(folder, entry.name), { throwIfNoEntry: false });
				return { name: entry.name, kind: target && kindOf(target), isSymbolicLink: true };
			});
		}
		const entries = await new Promise<fs.Dirent[]>((resolve, reject) =>
			fs.readdir(folder, { withFileTypes: true }, (error, found) => error ? reject(error) : resolve(found)));
		return Promise.all(entries.map(async entry => {
			if (!entry.isSymbolicLink()) {
				return { name: entry.name, kind: kindOf(entry), isSymbolicLink: false };
			}
			// Follow the link one level to learn what it points at; a dangling link has no kind.
			const target = await fs.promises.stat(path.join(folder, entry.name)).catch(() => undefined);
			return { name: entry.name, kind: target && kindOf(target), isSymbolicLink: true };
		}));
	}

	async stat(relative: string): Promise<FileInfo> {
		const stat = this.synchronous ? fs.statSync(this.resolve(relative)) : await fs.promises.stat(this.resolve(relative));
		return { kind: kindOf(stat), size: stat.size, mtime: stat.mtimeMs };
	}

	readFile(relative: string, maxBytes?: number): Promise<Uint8Array> {
		if (this.synchronous) {
			try {
				return Promise.resolve(readRegularFileSync(this.resolve(relative), relative, maxBytes));
			} catch (error) {
				return Promise.reject(error);
			}
		}
		// One open, one fstat, one read: the size check costs no extra path lookup, and a file over the
		// limit is never read.
		return new Promise((resolve, reject) => fs.open(this.resolve(relative), fs.constants.O_RDONLY | fs.constants.O_NONBLOCK, (openError, fd) => {
			if (openError) {
				return reject(openError);
			}
			const finish = (error: unknown, bytes?: Uint8Array) => fs.close(fd, () => error ? reject(error) : resolve(bytes!));
			fs.fstat(fd, (statError, stat) => {
				if (statError) {
					return finish(statError);
				}
				const refusal = refusalOf(stat, relative, maxBytes);
				if (refusal) {
					return finish(refusal);
				}
				readWhole(fd, stat.size, finish);
			});
		}));
	}
}

/**
 * Why an open file is not read: it is no regular file (a FIFO, a device, a socket: git can store a link to
 * /dev/zero, and a FIFO never ends), or it is over the size limit. Checked on the open descriptor, which was
 * opened non-blocking, so nothing waits on a writer that never comes.
 */
function refusalOf(stat: fs.Stats, relative: string, maxBytes: number | undefined): Error | undefined {
	if (!stat.isFile()) {
		return new Error(`${relative} is not a regular file (a FIFO, a device or a socket), so it was not read`);
	}
	return maxBytes !== undefined && stat.size > maxBytes ? new FileTooLargeError(relative, stat.size, maxBytes) : undefined;
}

/**
 * The synchronous read: the same one open, one fstat, one read, of regular files only. Also what reads the
 * repository's settings file, so every file our Node hosts read goes through the same checks.
 */
export function readRegularFileSync(file: string, relative: string, maxBytes: number | undefined): Uint8Array {
	const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
	try {
		const stat = fs.fstatSync(fd);
		const refusal = refusalOf(stat, relative, maxBytes);
		if (refusal) {
			throw refusal;
		}
		const buffer = Buffer.allocUnsafe(stat.size);
		let length = 0;
		while (length < stat.size) {
			const bytesRead = fs.readSync(fd, buffer, length, stat.size - length, length);
			if (bytesRead === 0) {
				return buffer.subarray(0, length);
			}
			length += bytesRead;
		}
		return buffer;
	} finally {
		fs.closeSync(fd);
	}
}

/** Reads `size` bytes from an open file, or fewer when it ends sooner (it may shrink while it is read). */
function readWhole(fd: number, size: number, done: (error: unknown, bytes?: Uint8Array) => void): void {
	const buffer = Buffer.allocUnsafe(size);
	let length = 0;
	const next = (): void => {
		if (length === size) {
			return done(undefined, buffer);
		}
		fs.read(fd, buffer, length, size - length, length, (error, bytesRead) => {
			if (error) {
				return done(error);
			}
			if (bytesRead === 0) {
				return done(undefined, buffer.subarray(0, length));
			}
			length += bytesRead;
			next();
		});
	};
	next();
}

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean }): FileKind | undefined {
	return entry.isDirectory() ? FileKind.Directory : entry.isFile() ? FileKind.File : undefined;
}
