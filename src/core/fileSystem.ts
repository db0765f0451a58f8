// The only way the core touches files. The VS Code glue implements it over `vscode.workspace.fs`
// (so the extension also runs in VS Code for the Web), and over Node's `fs` for folders on the Node host's disk;
// the CLI implements it over Node's `fs`.
// Paths are relative to one workspace folder and always use `/` separators.

export const enum FileKind {
	File = 1,
	Directory = 2,
}

export interface DirectoryEntry {
	readonly name: string;
	readonly kind: FileKind | undefined;
	/** True when the entry is a symbolic link (its `kind` is that of its target). */
	readonly isSymbolicLink: boolean;
}

export interface FileInfo {
	readonly kind: FileKind | undefined;
	readonly size: number;
	/** Modification time in milliseconds since the epoch. */
	readonly mtime: number;
}

export interface StreamFileSystem {
	/** Lists a folder; rejects when it does not exist or cannot be read. */
	readDirectory(path: string): Promise<readonly DirectoryEntry[]>;
	stat(path: string): Promise<FileInfo>;
	/**
	 * Reads a whole file. With `maxBytes`, rejects with `FileTooLargeError` instead of reading a larger file,
	 * so one huge file cannot stall indexing.
	 */
	readFile(path: string, maxBytes?: number): Promise<Uint8Array>;
}

export function joinPath(...parts: string[]): string {
	return parts.filter(part => part.length > 0).join('/').replace(/\/{2,}/g, '/');
}

export function baseName(path: string): string {
	const slash = path.lastIndexOf('/');
	return slash < 0 ? path : path.slice(slash + 1);
}

export function parentPath(path: string): string {
	const slash = path.lastIndexOf('/');
	return slash < 0 ? '' : path.slice(0, slash);
}
