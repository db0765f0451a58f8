// Where a new stream's documents come from: a folder of templates holds one set in its top-level `.md` files,
// and each subfolder with `.md` files is another, named set. Reading a set turns each file into text, or
// says which file cannot be used and why.

import { decodeDocument, FileTooLargeError } from '../markdown/documentText';
import { FileKind, joinPath, StreamFileSystem } from '../fileSystem';
import { documentsInDisplayOrder, isMarkdownFile } from '../model/streamDocuments';

export interface TemplateSet {
	/** The subfolder's name for a named set; empty for the set of the folder's top-level files. */
	readonly name: string;
	/** Path of the set's folder within its file system. */
	readonly folder: string;
	/** The `.md` file names, standard documents first (README.md, PLAN.md, …), then the others by name. */
	readonly files: readonly string[];
}

export interface TemplateFolder {
	/** The folder's own top-level set; undefined when it holds no `.md` file (or does not exist). */
	readonly topLevel: TemplateSet | undefined;
	/** Named sets, one per subfolder holding `.md` files, sorted by name. */
	readonly named: readonly TemplateSet[];
}

export interface TemplateText {
	readonly name: string;
	readonly text: string;
}

export type TemplateProblem = 'unreadable' | 'binary-file' | 'too-large';

/** Thrown when a template file cannot be used; nothing is created from a set with such a file. */
export class TemplateReadError extends Error {
	constructor(readonly path: string, readonly problem: TemplateProblem) {
		super(`${path}: ${problem}`);
		this.name = 'TemplateReadError';
	}
}

/** Folders and files named like this are private to the team (`.git`, `_drafts`): never offered. */
function isHidden(name: string): boolean {
	return name.startsWith('.') || name.startsWith('_');
}

async function markdownFiles(fs: StreamFileSystem, folder: string): Promise<string[] | undefined> {
	let entries;
	try {
		entries = await fs.readDirectory(folder);
	} catch {
		return undefined;
	}
	const files = entries
		.filter(entry => entry.kind === FileKind.File && isMarkdownFile(entry.name) && !isHidden(entry.name))
		.map(entry => entry.name);
	return documentsInDisplayOrder(files);
}

/** The sets a template folder offers. A folder that does not exist offers none. */
export async function findTemplateSets(fs: StreamFileSystem, folder: string): Promise<TemplateFolder> {
	let entries;
	try {
		entries = await fs.readDirectory(folder);
	} catch {
		return { topLevel: undefined, named: [] };
	}
	const topFiles = await markdownFiles(fs, folder) ?? [];
	const named: TemplateSet[] = [];
	const subfolders = entries
		.filter(entry => entry.kind === FileKind.Directory && !isHidden(entry.name))
		.map(entry => entry.name)
		.sort((a, b) => a.localeCompare(b));
	for (const name of subfolders) {
		const path = joinPath(folder, name);
		const files = await markdownFiles(fs, path);
		if (files && files.length > 0) {
			named.push({ name, folder: path, files });
		}
	}
	return { topLevel: topFiles.length > 0 ? { name: '', folder, files: topFiles } : undefined, named };
}

/** Reads every file of a set as text; rejects with `TemplateReadError` naming the first file that is unusable. */
export async function readTemplateSet(fs: StreamFileSystem, set: TemplateSet, maxBytes: number): Promise<TemplateText[]> {
	const texts: TemplateText[] = [];
	for (const name of set.files) {
		const path = joinPath(set.folder, name);
		let bytes: Uint8Array;
		try {
			bytes = await fs.readFile(path, maxBytes);
		} catch (error) {
			throw new TemplateReadError(path, error instanceof FileTooLargeError ? 'too-large' : 'unreadable');
		}
		const decoded = decodeDocument(bytes);
		if (!decoded.ok) {
			throw new TemplateReadError(path, 'binary-file');
		}
		texts.push({ name, text: decoded.text });
	}
	return texts;
}
