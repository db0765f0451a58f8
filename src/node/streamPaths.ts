// Where a write may go (DESIGN.md §6): only inside a stream root of the repository, never through `..`, an
// absolute path or a symbolic link that leads out of the root.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isOutside } from '../core';

export type PathCheck = { readonly ok: true; readonly file: string } | { readonly ok: false; readonly message: string };

/** The absolute file a repository-relative path names, when writing it stays inside one of `roots`. */
export function writableFile(folder: string, roots: readonly string[], relative: string): PathCheck {
	const root = roots.find(candidate => relative.startsWith(candidate + '/'));
	if (isOutside(relative) || relative.includes('\\') || !root) {
		return { ok: false, message: `${relative} is outside the stream roots (${roots.join(', ')})` };
	}
	const rootFolder = path.join(folder, ...root.split('/'));
	const file = path.join(folder, ...relative.split('/'));
	const realRoot = realPath(rootFolder);
	if (realRoot === undefined) {
		return { ok: false, message: `the stream root ${root} does not exist` };
	}
	// The nearest folder that exists decides where the file really lands.
	let existing = path.dirname(file);
	while (!fs.existsSync(existing) && existing.length > rootFolder.length) {
		existing = path.dirname(existing);
	}
	const realParent = realPath(existing);
	if (realParent === undefined || !isInside(realParent, realRoot)) {
		return { ok: false, message: `${relative} leads outside ${root} through a symbolic link; nothing was written` };
	}
	const link = fs.lstatSync(file, { throwIfNoEntry: false });
	if (link?.isSymbolicLink()) {
		const target = realPath(file);
		if (target === undefined || !isInside(target, realRoot)) {
			return { ok: false, message: `${relative} is a symbolic link to a file outside ${root}; nothing was written` };
		}
		return { ok: true, file: target };
	}
	if (link && !link.isFile()) {
		return { ok: false, message: `${relative} is not a regular file; nothing was written` };
	}
	return { ok: true, file };
}

function realPath(file: string): string | undefined {
	try {
		return fs.realpathSync(file);
	} catch {
		return undefined;
	}
}

function isInside(child: string, parent: string): boolean {
	const relative = path.relative(parent, child);
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
