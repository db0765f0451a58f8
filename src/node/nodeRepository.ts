// One repository on disk as the CLI commands and the MCP server see it: its settings, the stream model, the
// templates, and the operations carried out safely (DESIGN.md §6): decide, then take the locks of the files the
// decision touches, re-read and decide again on the files as they are now, write atomically, release. A warm
// server keeps the model; every write still acts on the text read under the lock, never on the model's copy.

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	applyDocumentReplacements, decodeDocument, DEFAULT_MAX_FILE_SIZE, DocumentChange, fail, FileChange, findTemplateSets, formatLocalDate,
	OperationContext, OperationOutcome, readTemplateSet, StreamIndex, StreamSettings, TemplateSet, TemplateSetTexts,
} from '../core';
import { createFile, replaceFile } from './atomicWrite';
import { withLocks } from './fileLock';
import { NodeFileSystem } from './nodeFileSystem';
import { writableFile } from './streamPaths';
import { readRepositorySettings } from './workspaceSettings';

/** The templates shipped with the package: `templates/` next to `dist/` (and next to `out/src/node` in tests). */
export function bundledTemplatesFolder(): string {
	const candidates = [path.join(__dirname, '..', 'templates'), path.join(__dirname, '..', '..', '..', 'templates')];
	return candidates.find(candidate => fs.existsSync(path.join(candidate, 'README.md'))) ?? candidates[0];
}

export interface RepositoryOptions {
	/** Roots given on the command line win over the repository's settings. */
	readonly roots?: readonly string[];
	/** Where warnings go (a settings file that does not parse). */
	readonly warn?: (message: string) => void;
}

const BOM = '\uFEFF';

export class NodeRepository {
	readonly fs: NodeFileSystem;
	readonly index: StreamIndex;
	readonly source: string;

	private constructor(readonly folder: string, readonly settings: StreamSettings, readonly roots: readonly string[]) {
		this.source = folder;
		this.fs = new NodeFileSystem(folder);
		this.index = new StreamIndex(
			[{ source: folder, workspaceFolder: path.basename(folder), fs: this.fs }],
			{ roots, layouts: settings.layouts, maxFileSize: settings.maxFileSize || DEFAULT_MAX_FILE_SIZE },
		);
	}

	static async open(folder: string, options: RepositoryOptions = {}): Promise<NodeRepository> {
		const read = await readRepositorySettings(folder);
		if (!read.ok) {
			options.warn?.(read.message);
		}
		const roots = options.roots && options.roots.length > 0 ? options.roots : read.settings.roots;
		const repository = new NodeRepository(folder, read.settings, roots);
		await repository.index.indexAll();
		return repository;
	}

	/** What operations read: the model, and the files as they are on disk at this moment. */
	context(): OperationContext {
		return {
			streams: this.index.all,
			today: formatLocalDate(new Date()),
			readText: (_source, relative) => this.readText(relative),
			modifiedTime: async (_source, relative) => (await this.fs.stat(relative).catch(() => undefined))?.mtime,
			templates: set => this.templates(set),
		};
	}

	async readText(relative: string): Promise<string | undefined> {
		try {
			const decoded = decodeDocument(await this.fs.readFile(relative, this.settings.maxFileSize));
			return decoded.ok ? stripBom(decoded.text) : undefined;
		} catch {
			return undefined;
		}
	}

	/** The team's templates (`streams.templatesFolder`; `set` names a subfolder set), else the bundled ones. */
	async templates(set?: string): Promise<TemplateSetTexts | undefined> {
		const team = await findTemplateSets(this.fs, this.settings.templatesFolder);
		const bundledFs = new NodeFileSystem(bundledTemplatesFolder());
		const read = async (id: string, fileSystem: NodeFileSystem, chosen: TemplateSet) =>
			({ id, texts: await readTemplateSet(fileSystem, chosen, this.settings.maxFileSize) });
		if (set === undefined || set === '') {
			if (team.topLevel) {
				return read('workspace', this.fs, team.topLevel);
			}
		} else if (set !== 'bundled') {
			const named = team.named.find(candidate => candidate.name === set) ?? (set === 'workspace' ? team.topLevel : undefined);
			return named && read(set, this.fs, named);
		}
		const bundled = await findTemplateSets(bundledFs, '');
		return bundled.topLevel && read('bundled', bundledFs, bundled.topLevel);
	}

	/**
	 * Runs an operation and writes what it decided. The first decision only names the files; under their locks
	 * the operation decides again on the text as it is now, so an edit made meanwhile (by a person, or another
	 * agent's server) is never lost, and a task that moved is found by its text.
	 */
	async run<R>(decide: (context: OperationContext) => Promise<OperationOutcome<R>>): Promise<OperationOutcome<R>> {
		const first = await decide(this.context());
		if (!first.ok || first.changes.length === 0) {
			return first;
		}
		const targets = new Map<string, string>();
		for (const change of first.changes) {
			const checked = writableFile(this.folder, this.writableRoots(), change.path);
			if (!checked.ok) {
				return fail('outside-roots', checked.message);
			}
			targets.set(change.path, checked.file);
		}
		// A document of a folder yet to be created is guarded by the folder's lock, taken in the folder above.
		const locks = [...targets.values()].map(file => fs.existsSync(path.dirname(file)) ? file : path.dirname(file));
		const outcome = await withLocks(locks, async () => {
			const again = await decide(this.context());
			if (!again.ok) {
				return again;
			}
			const stray = again.changes.find(change => !targets.has(change.path));
			if (stray) {
				return fail<R>('refused', `${stray.path} changed while the edit was prepared; nothing was written, try again`);
			}
			const written: string[] = [];
			try {
				for (const change of again.changes) {
					this.write(change, targets.get(change.path)!);
					written.push(change.path);
				}
			} catch (error) {
				return fail<R>('refused', writeFailure(error, again.changes[written.length], written));
			}
			return again;
		});
		if (outcome.ok) {
			await this.index.applyChanges(this.source, outcome.changes.map((change): FileChange => ({ path: change.path, kind: change.kind === 'create' ? 'created' : 'changed' })));
		}
		return outcome;
	}

	/** Our stream roots, and the folders other layouts' streams were found in (`.kiro/specs`, `specs`, …). */
	private writableRoots(): string[] {
		return [...new Set([...this.roots, ...this.index.all.map(stream => stream.root)])];
	}

	private write(change: DocumentChange, file: string): void {
		if (change.kind === 'create') {
			createFile(file, change.text);
			return;
		}
		const raw = fs.readFileSync(file, 'utf8');
		const bom = raw.startsWith(BOM) ? BOM : '';
		replaceFile(file, bom + applyDocumentReplacements(stripBom(raw), change.replacements));
	}

	/** Re-reads what changed on disk (another process, a person's editor), or everything when `changes` is absent. */
	refresh(changes?: readonly FileChange[]): Promise<void> {
		return changes ? this.index.applyChanges(this.source, changes) : this.index.indexAll();
	}
}

function stripBom(text: string): string {
	return text.startsWith(BOM) ? text.slice(1) : text;
}

function writeFailure(error: unknown, change: DocumentChange | undefined, written: readonly string[]): string {
	const code = (error as NodeJS.ErrnoException).code;
	const what = change ? change.path : 'a document';
	const reason = code === 'EEXIST' ? `${what} already exists` : `${what} could not be written (${code ?? (error instanceof Error ? error.message : String(error))})`;
	return written.length > 0 ? `${reason}; already written: ${written.join(', ')}` : `${reason}; nothing was written`;
}
