// Writes a document so no reader ever sees half of it (DESIGN.md §6): the new text goes to a temporary file in
// the same folder (same file system, so the rename is atomic), which then replaces the document. A new document
// is linked into place instead, which fails rather than overwrite one that appeared meanwhile.

import * as fs from 'node:fs';
import * as path from 'node:path';

function temporaryPath(target: string): string {
	return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
}

function writeTemporary(target: string, text: string, mode: number | undefined): string {
	const temporary = temporaryPath(target);
	const fd = fs.openSync(temporary, 'wx', mode ?? 0o666);
	try {
		fs.writeFileSync(fd, text, 'utf8');
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
	return temporary;
}

/** Replaces an existing file's content, keeping its permissions. */
export function replaceFile(target: string, text: string): void {
	const mode = fs.statSync(target).mode & 0o7777;
	const temporary = writeTemporary(target, text, mode);
	try {
		fs.renameSync(temporary, target);
	} catch (error) {
		fs.rmSync(temporary, { force: true });
		throw error;
	}
}

/** Creates a file that must not exist yet (EEXIST otherwise), creating its folder as needed. */
export function createFile(target: string, text: string): void {
	fs.mkdirSync(path.dirname(target), { recursive: true });
	const temporary = writeTemporary(target, text, undefined);
	try {
		fs.linkSync(temporary, target);
	} finally {
		fs.rmSync(temporary, { force: true });
	}
}
