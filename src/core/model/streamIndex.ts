// The one model of the workspace's streams. Every view reads it and listens to its change event; it re-reads
// only what changed, and open editor buffers win over the files on disk.

import { forEachConcurrently } from '../async/concurrency';
import { SerialQueue } from '../async/serialQueue';
import { Emitter } from './events';
import { FileKind, joinPath, parentPath, StreamFileSystem } from '../fileSystem';
import { PlanScan } from '../markdown/planScanner';
import { Stream, streamKey } from './stream';
import { isDocument } from './streamDocuments';
import { layoutOf, layoutRoots, rootOf } from '../layouts/layouts';
import { LAYOUT_IDS, LayoutId, LayoutRoot } from '../layouts/streamLayout';
import {
	assembleStream, compareNames, isStreamFolder, listDocuments, parseDocument, ParsedDocument, parsedDocumentNames,
	readDocument, readStreamParts, StreamLocation, StreamParts, summarizePlan,
} from './streamReader';

export interface IndexSource {
	/** Opaque, unique key of a workspace folder. */
	readonly source: string;
	/** Its display name. */
	readonly workspaceFolder: string;
	readonly fs: StreamFileSystem;
}

export interface IndexOptions {
	/** `streams.roots`: where our own layout's streams are. */
	readonly roots: readonly string[];
	/** `streams.layouts`: the layouts read (DESIGN.md §8); all of them when not given. */
	readonly layouts?: readonly LayoutId[];
	readonly maxFileSize: number;
	/** How the user sets `maxFileSize` (`streams.maxFileSize` in the editor), named in the message of a file over it. */
	readonly maxFileSizeSetting?: string;
	/** How many streams are read at once during a full index. */
	readonly concurrency?: number;
	/** Streams announced per change event while a full index runs, so views fill in as streams are read. */
	readonly batchSize?: number;
	/**
	 * The least time between two of those announcements, in ms: every listener looks at the whole model on an
	 * announcement, so a workspace of 10,000 streams must not make 200 of them.
	 */
	readonly batchInterval?: number;
	/** Read each stream's documents while its folder is listed (`ReadOptions.readAhead`). */
	readonly readAhead?: boolean;
	/** The model is read once and dropped (a command-line run); see ReadOptions.shortLived. */
	readonly shortLived?: boolean;
}

export interface IndexChange {
	readonly updated: readonly Stream[];
	readonly removed: readonly Stream[];
}

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange {
	/** Path relative to the workspace folder. */
	readonly path: string;
	readonly kind: FileChangeKind;
}

export interface IndexProgress {
	readonly read: number;
	readonly total: number;
}

export class StreamIndex {
	private readonly sources = new Map<string, IndexSource>();
	private readonly parts = new Map<string, StreamParts>();
	/** Stream roots and stream folders that exist but cannot be read, by source and path, with why. */
	private readonly folderProblems = new Map<string, FolderProblem>();
	private readonly streams = new Map<string, Stream>();
	private readonly buffers = new Map<string, string>();
	/**
	 * The parse of each buffer's current text. A read that was already under way when the buffer changed
	 * brings back older text; `put` lays these over it, so the newest buffer always wins.
	 */
	private readonly bufferParses = new Map<string, ParsedDocument>();
	private sorted: Stream[] | undefined;
	/** Reads and re-reads one at a time, so an older read never lands after a newer one. */
	private readonly reads = new SerialQueue();
	private rootsOfLayouts: readonly LayoutRoot[];
	private readonly changeEmitter = new Emitter<IndexChange>();
	readonly onDidChange = this.changeEmitter.event;

	constructor(sources: readonly IndexSource[], private options: IndexOptions) {
		for (const source of sources) {
			this.sources.set(source.source, source);
		}
		this.rootsOfLayouts = layoutRoots(options.layouts ?? LAYOUT_IDS, options.roots);
	}

	/** Every stream, sorted by workspace folder (in the order given) and id. */
	/** Folders that should have held streams but could not be read: a host reports them (lint fails on them). */
	get unreadableFolders(): readonly FolderProblem[] {
		return [...this.folderProblems.values()];
	}

	private noteFolder(source: string, path: string, message: string | undefined): void {
		const key = bufferKey(source, path);
		if (message === undefined) {
			this.folderProblems.delete(key);
		} else {
			this.folderProblems.set(key, { source, path, message });
		}
	}

	get all(): readonly Stream[] {
		if (!this.sorted) {
			const order = new Map([...this.sources.keys()].map((source, position) => [source, position]));
			this.sorted = [...this.streams.values()].sort((a, b) =>
				order.get(a.source)! - order.get(b.source)! || compareNames(a.id, b.id));
		}
		return this.sorted;
	}

	get(source: string, id: string): Stream | undefined {
		return this.streams.get(streamKey({ source, id }));
	}

	/** The stream whose folder holds `path` (a folder or a file inside it), if any. */
	streamAt(source: string, path: string): Stream | undefined {
		for (let candidate = path; candidate.length > 0; candidate = parentPath(candidate)) {
			const stream = this.get(source, candidate);
			if (stream) {
				return stream;
			}
		}
		return undefined;
	}

	get roots(): readonly string[] {
		return this.options.roots;
	}

	/** Every folder whose subfolders are streams, of every layout read (watchers follow these). */
	get layoutRoots(): readonly LayoutRoot[] {
		return this.rootsOfLayouts;
	}

	/** Replaces the workspace folders or options and reads everything again. */
	reconfigure(sources: readonly IndexSource[], options: IndexOptions, onProgress?: (progress: IndexProgress) => void): Promise<void> {
		return this.enqueue(async () => {
			this.sources.clear();
			for (const source of sources) {
				this.sources.set(source.source, source);
			}
			this.options = options;
			this.rootsOfLayouts = layoutRoots(options.layouts ?? LAYOUT_IDS, options.roots);
			await this.readAll(onProgress);
		});
	}

	/** Reads every stream of every workspace folder from scratch. */
	indexAll(onProgress?: (progress: IndexProgress) => void): Promise<void> {
		return this.enqueue(() => this.readAll(onProgress));
	}

	/** Re-reads what a batch of file-system changes touched, and only that. */
	applyChanges(source: string, changes: readonly FileChange[]): Promise<void> {
		return this.enqueue(() => this.readChanges(source, changes));
	}

	/**
	 * Makes the model follow an editor buffer's unsaved text (or, with `undefined`, the file on disk again).
	 * Text for a document that the model parses takes effect at once. A caller that already scanned the text
	 * (PLAN.md) passes the scan along so it is not parsed twice.
	 */
	setBufferText(source: string, path: string, text: string | undefined, planScan?: PlanScan): void {
		const key = bufferKey(source, path);
		if (text === undefined) {
			this.bufferParses.delete(key);
			if (this.buffers.delete(key)) {
				void this.applyChanges(source, [{ path, kind: 'changed' }]);
			}
			return;
		}
		if (this.buffers.get(key) === text) {
			return;
		}
		this.buffers.set(key, text);
		this.bufferParses.delete(key);
		const stream = this.streamAt(source, parentPath(path));
		if (!stream || stream.id !== parentPath(path)) {
			return;
		}
		const parts = this.parts.get(streamKey(stream));
		const name = path.slice(stream.id.length + 1);
		const layout = layoutOf(stream.layout);
		if (!parts || !parsedDocumentNames(parts.documents, layout).includes(name)) {
			return;
		}
		const parsed = new Map(parts.parsed);
		// The caller's scan is used only when it was made with this layout's checkbox meanings.
		const document = planScan && planScan.vocabulary === layout.tasks && isDocument(name, layout.plan)
			? { plan: summarizePlan(planScan, text, layout), problems: [] }
			: parseDocument(name, text, layout);
		this.bufferParses.set(key, document);
		parsed.set(name, document);
		this.changeEmitter.fire({ updated: [this.put({ ...parts, parsed })], removed: [] });
	}

	dispose(): void {
		this.changeEmitter.dispose();
	}

	private enqueue<T>(work: () => Promise<T>): Promise<T> {
		return this.reads.run(work);
	}

	private readOptions(source: string) {
		return {
			maxFileSize: this.options.maxFileSize,
			maxFileSizeSetting: this.options.maxFileSizeSetting,
			onUnreadableFolder: (path: string, error: unknown) => this.noteFolder(source, path, `${path} could not be read (${describeError(error)}); its streams are missing`),
			bufferText: (path: string) => this.buffers.get(bufferKey(source, path)),
			shortLived: this.options.shortLived,
			readAhead: this.options.readAhead,
		};
	}

	private async readAll(onProgress?: (progress: IndexProgress) => void): Promise<void> {
		const locations: StreamLocation[] = [];
		for (const source of this.sources.values()) {
			for (const root of this.rootsOfLayouts) {
				locations.push(...await this.candidateFolders(source, root));
			}
		}
		const previous = new Map(this.streams);
		const seen = new Set<string>();
		const batchSize = this.options.batchSize ?? 50;
		const batchInterval = this.options.batchInterval ?? 0;
		let pending: Stream[] = [];
		let read = 0;
		let announced = Date.now() - batchInterval;
		onProgress?.({ read, total: locations.length });
		const options = new Map([...this.sources.keys()].map(source => [source, this.readOptions(source)]));
		await forEachConcurrently(locations, this.options.concurrency ?? 16, async location => {
			const source = this.sources.get(location.source)!;
			const parts = await readStreamParts(source.fs, location, options.get(location.source)!);
			read++;
			if (parts) {
				const stream = this.put(parts);
				seen.add(streamKey(stream));
				pending.push(stream);
			}
			if (pending.length >= batchSize && Date.now() - announced >= batchInterval) {
				this.changeEmitter.fire({ updated: pending, removed: [] });
				pending = [];
				announced = Date.now();
			}
			onProgress?.({ read, total: locations.length });
		});
		const removed: Stream[] = [];
		for (const [key, stream] of previous) {
			if (!seen.has(key)) {
				this.forget(key);
				removed.push(stream);
			}
		}
		if (pending.length > 0 || removed.length > 0) {
			this.changeEmitter.fire({ updated: pending, removed });
		}
	}

	private async candidateFolders(source: IndexSource, root: LayoutRoot): Promise<StreamLocation[]> {
		let entries;
		try {
			entries = await source.fs.readDirectory(root.path);
			this.noteFolder(source.source, root.path, undefined);
		} catch (error) {
			// A root that is not there is the usual case (the default roots of a repository without streams).
			this.noteFolder(source.source, root.path, isNotFound(error) ? undefined : `${root.path} could not be read (${describeError(error)}); its streams are missing`);
			return [];
		}
		for (const entry of entries) {
			// The name was decoded with replacement characters: no path we build from it reaches the folder.
			const path = joinPath(root.path, entry.name);
			this.noteFolder(source.source, path, entry.name.includes('\uFFFD') ? `${path}: the folder's name is not valid UTF-8, so it was skipped` : undefined);
		}
		return entries
			.filter(entry => !entry.name.includes('\uFFFD'))
			.filter(entry => entry.kind === FileKind.Directory && isStreamFolderName(entry.name) && !root.excluded.includes(entry.name))
			.map(entry => locationIn(source, root, joinPath(root.path, entry.name)))
			.sort((a, b) => compareNames(a.path, b.path));
	}

	private async readChanges(sourceKey: string, changes: readonly FileChange[]): Promise<void> {
		const source = this.sources.get(sourceKey);
		if (!source) {
			return;
		}
		// Group the changes by the stream folder they fall in; a change to a root itself re-reads that root.
		const folders = new Map<string, { root: LayoutRoot; files: Set<string>; listing: boolean }>();
		const rootsToRescan = new Set<LayoutRoot>();
		for (const change of changes) {
			const root = rootOf(this.rootsOfLayouts, change.path);
			if (!root) {
				continue;
			}
			const rest = change.path.slice(root.path.length + 1);
			if (rest.length === 0) {
				rootsToRescan.add(root);
				continue;
			}
			const slash = rest.indexOf('/');
			const folderName = slash < 0 ? rest : rest.slice(0, slash);
			if (!isStreamFolderName(folderName) || root.excluded.includes(folderName)) {
				continue;
			}
			const folder = joinPath(root.path, folderName);
			const entry = folders.get(folder) ?? { root, files: new Set<string>(), listing: false };
			if (slash < 0 || rest.indexOf('/', slash + 1) >= 0 || change.kind !== 'changed') {
				// The folder itself, something deeper, or a file coming or going: the listing may differ.
				entry.listing = true;
			} else {
				entry.files.add(rest.slice(slash + 1));
			}
			folders.set(folder, entry);
		}
		const updated: Stream[] = [];
		const removed: Stream[] = [];
		for (const root of rootsToRescan) {
			const present = new Set((await this.candidateFolders(source, root)).map(location => location.path));
			for (const stream of this.all.filter(s => s.source === sourceKey && s.root === root.path && !present.has(s.id))) {
				this.forget(streamKey(stream));
				removed.push(stream);
			}
			for (const path of present) {
				if (!this.get(sourceKey, path)) {
					folders.set(path, { root, files: new Set(), listing: true });
				}
			}
		}
		// A branch switch touches many streams at once: read them as a full index does, several at a time, and
		// announce them in the order of the changes.
		const outcomes: ({ updated: Stream } | { removed: Stream } | undefined)[] = [];
		const entries = [...folders];
		await forEachConcurrently(entries.map((_, position) => position), this.options.concurrency ?? 16, async position => {
			const [folder, entry] = entries[position];
			const location = locationIn(source, entry.root, folder);
			const key = streamKey({ source: sourceKey, id: folder });
			const known = this.parts.get(key);
			const next = known && !entry.listing
				? await this.rereadFiles(source, known, entry.files)
				: await this.rereadFolder(source, location, known, entry.files);
			if (next) {
				outcomes[position] = { updated: this.put(next) };
			} else if (known) {
				outcomes[position] = { removed: this.streams.get(key)! };
				this.forget(key);
			}
		});
		for (const outcome of outcomes) {
			if (outcome && 'updated' in outcome) {
				updated.push(outcome.updated);
			} else if (outcome) {
				removed.push(outcome.removed);
			}
		}
		if (updated.length > 0 || removed.length > 0) {
			this.changeEmitter.fire({ updated, removed });
		}
	}

	private async rereadFiles(source: IndexSource, known: StreamParts, files: ReadonlySet<string>): Promise<StreamParts> {
		const parsed = new Map(known.parsed);
		const layout = layoutOf(known.location.layout);
		const wanted = parsedDocumentNames(known.documents, layout);
		for (const name of files) {
			if (wanted.includes(name)) {
				parsed.set(name, await readDocument(source.fs, joinPath(known.location.path, name), layout, this.readOptions(source.source)));
			}
		}
		return { ...known, parsed };
	}

	private async rereadFolder(source: IndexSource, location: StreamLocation, known: StreamParts | undefined, files: ReadonlySet<string>): Promise<StreamParts | undefined> {
		if (!known) {
			return readStreamParts(source.fs, location, this.readOptions(source.source));
		}
		const layout = layoutOf(location.layout);
		const documents = await listDocuments(source.fs, location.path, this.readOptions(source.source).onUnreadableFolder);
		if (!isStreamFolder(documents, layout)) {
			return undefined;
		}
		// Keep what was parsed for documents that are still there and did not change; read the rest.
		const parsed = new Map<string, ParsedDocument>();
		for (const name of parsedDocumentNames(documents, layout)) {
			const previous = known.parsed.get(name);
			parsed.set(name, previous && !files.has(name) && known.documents.includes(name)
				? previous
				: await readDocument(source.fs, joinPath(location.path, name), layout, this.readOptions(source.source)));
		}
		return { location, documents, parsed };
	}

	private put(read: StreamParts): Stream {
		const parts = this.withBuffers(read);
		const stream = assembleStream(parts);
		const key = streamKey(stream);
		this.parts.set(key, parts);
		this.streams.set(key, stream);
		this.sorted = undefined;
		return stream;
	}

	/** The parts with every document that has an open buffer parsed from that buffer's current text. */
	private withBuffers(parts: StreamParts): StreamParts {
		let parsed: Map<string, ParsedDocument> | undefined;
		for (const [name, document] of parts.parsed) {
			const buffered = this.bufferParses.get(bufferKey(parts.location.source, joinPath(parts.location.path, name)));
			if (buffered && buffered !== document) {
				parsed ??= new Map(parts.parsed);
				parsed.set(name, buffered);
			}
		}
		return parsed ? { ...parts, parsed } : parts;
	}

	private forget(key: string): void {
		this.parts.delete(key);
		this.streams.delete(key);
		this.sorted = undefined;
	}
}

/** Folders whose name starts with `.` or `_` are kept out of the streams (DESIGN.md §1). */
export function isStreamFolderName(name: string): boolean {
	return name.length > 0 && name[0] !== '.' && name[0] !== '_';
}

function locationIn(source: IndexSource, root: LayoutRoot, path: string): StreamLocation {
	return { source: source.source, workspaceFolder: source.workspaceFolder, root: root.path, path, layout: root.layout, archived: root.archived };
}

function bufferKey(source: string, path: string): string {
	return `${source}\u0000${path}`;
}

export interface FolderProblem {
	readonly source: string;
	/** Relative to the source, `/` separators. */
	readonly path: string;
	readonly message: string;
}

/** Node's ENOENT/ENOTDIR and VS Code's FileNotFound: the folder is not there, which is no problem. */
function isNotFound(error: unknown): boolean {
	const code = (error as { code?: unknown } | undefined)?.code;
	return code === 'ENOENT' || code === 'ENOTDIR' || code === 'FileNotFound' || code === 'FileNotADirectory';
}

function describeError(error: unknown): string {
	const code = (error as { code?: unknown } | undefined)?.code;
	return code === 'EACCES' || code === 'EPERM' || code === 'NoPermissions' ? 'permission denied' : error instanceof Error ? error.message : String(error);
}
