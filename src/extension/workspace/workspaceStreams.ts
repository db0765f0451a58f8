// The stream model of the open workspace: the core index over every workspace folder, kept live by one
// watcher per root of every layout read (changes batched), and by the unsaved text of the open documents the
// model parses (README/STATUS/PLAN, and the other layouts' tasks.md, spec.md, proposal.md).

import * as vscode from 'vscode';
import { Disposable, DisposableStore } from '../lifecycle/disposable';
import {
	baseName, Delayer, FileChange, FileChangeKind, IndexChange, IndexSource, isAnyDocument, isDocument, LAYOUT_IDS, layoutOf, layoutRoots,
	parentPath, STANDARD_TASKS, Stream, StreamIndex, TaskVocabulary,
} from '../../core';
import { setContext } from './contextKeys';
import { scanOf } from '../editor/documentScans';
import { readSettings, Settings, affectsSetting } from './settings';
import { WorkspaceFileSystem } from './workspaceFileSystem';

const CHANGE_BATCH_MS = 100;
/** How long to wait before reading folders again that could not be read. */
const UNREADABLE_RETRY_MS = 1000;
/**
 * Streams read at once during a full index. Each `vscode.workspace.fs` call waits for a reply from the workbench,
 * so with few in flight the index waits more than it works: measured in code-server on 2 cores over 1,000
 * streams, 16 at once took 2-3× as long as 128; 64 was about 10% slower than 128 and 256 no faster.
 */
const INDEX_CONCURRENCY = 128;
/**
 * The same when every folder is read with Node's `fs` (WorkspaceFileSystem.readsLocally): its four worker
 * threads are busy with 16 streams already, and more only pile up replies that then run back to back, holding
 * up the host (over 10,000 streams, 128 at once was 12% slower than 16, with twice the event-loop delay).
 */
const LOCAL_INDEX_CONCURRENCY = 16;
/** The least time between two announcements of streams read, so the tree fills in without redrawing 200 times. */
const INDEX_BATCH_MS = 250;

/** A workspace folder as the index reads it. */
interface WorkspaceSource extends IndexSource {
	readonly fs: WorkspaceFileSystem;
}

export class WorkspaceStreams extends Disposable {
	private readonly index: StreamIndex;
	private readonly fileSystems = new Map<string, WorkspaceFileSystem>();
	private readonly changeEmitter = this._register(new vscode.EventEmitter<IndexChange>());
	readonly onDidChange = this.changeEmitter.event;
	private readonly fileChangeEmitter = this._register(new vscode.EventEmitter<{ readonly source: string; readonly path: string }>());
	/** A file under a root changed, came or went on disk, as the watchers report it (before the model reads it). */
	readonly onDidChangeFile = this.fileChangeEmitter.event;
	private readonly watchers = this._register(new DisposableStore());
	private pendingChanges = new Map<string, FileChange[]>();
	/** Saving, git checkouts and generators touch many files at once: read them in one batch. */
	private readonly changeBatch = this._register(new Delayer(CHANGE_BATCH_MS, false));
	private readonly retry = this._register(new Delayer(UNREADABLE_RETRY_MS));
	private readonly reportedProblems = new Set<string>();
	private settings: Settings;
	/** Settles when the first full index has finished. */
	readonly ready: Promise<void>;
	/** Full reads under way, and who waits for none to be. */
	private fullReads = 0;
	/** Whether a full read that met unreadable folders, or found nothing, was already tried again (once per window). */
	private retriedUnreadable = false;
	private idleWaiters: (() => void)[] = [];

	constructor(private readonly log: vscode.LogOutputChannel) {
		super();
		this.settings = readSettings();
		const sources = this.sources();
		this.index = new StreamIndex(sources, this.indexOptions(sources));
		const subscription = this.index.onDidChange(change => {
			this.reportProblems(change.updated);
			setContext('streams.hasStreams', this.index.all.length > 0);
			this.changeEmitter.fire(change);
		});
		this._register(vscode.Disposable.from(
			subscription,
			vscode.workspace.onDidChangeWorkspaceFolders(() => this.reindex()),
			vscode.workspace.onDidChangeConfiguration(event => {
				if (affectsSetting(event, 'roots', 'layouts', 'maxFileSize')) {
					this.reindex();
				}
			}),
			vscode.workspace.onDidChangeTextDocument(event => this.followBuffer(event.document)),
			vscode.workspace.onDidCloseTextDocument(document => this.releaseBuffer(document)),
		));
		this.watch();
		this.ready = this.indexWithProgress(() => this.index.indexAll(progress => this.onIndexProgress(progress)));
		for (const document of vscode.workspace.textDocuments) {
			this.followBuffer(document);
		}
	}

	/** Every stream, sorted by workspace folder and id. */
	get all(): readonly Stream[] {
		return this.index.all;
	}

	get roots(): readonly string[] {
		return this.settings.roots;
	}

	/** A stream by its workspace folder's key and its id (a map lookup: the tree asks for every row it draws). */
	get(source: string, id: string): Stream | undefined {
		return this.index.get(source, id);
	}

	/** The stream a file or folder belongs to, if any. */
	streamFor(uri: vscode.Uri): Stream | undefined {
		const location = this.locate(uri);
		return location && this.index.streamAt(location.source, location.path);
	}

	/** Whether a file is the plan of a stream (PLAN.md, or its layout's tasks.md). */
	isPlan(uri: vscode.Uri): boolean {
		const stream = this.streamFor(uri);
		return stream?.plan !== undefined && isDocument(baseName(uri.path), stream.plan) && this.uriOf(stream, stream.plan).path === uri.path;
	}

	/** What the checkboxes of a file mean: its stream's layout's, when it is a stream's plan; DESIGN.md §3 otherwise. */
	vocabularyOf(uri: vscode.Uri): TaskVocabulary {
		const stream = this.streamFor(uri);
		return stream && this.isPlan(uri) ? layoutOf(stream.layout).tasks : STANDARD_TASKS;
	}

	/** The URI of a stream's folder, or of one of its documents. */
	uriOf(stream: Stream, document?: string): vscode.Uri {
		const folder = this.fileSystemOf(stream).uriOf(stream.id);
		return document ? vscode.Uri.joinPath(folder, document) : folder;
	}

	/** The file system of the workspace folder a stream was read from (every stream comes from one we indexed). */
	fileSystemOf(stream: Pick<Stream, 'source'>): WorkspaceFileSystem {
		const fs = this.fileSystems.get(stream.source);
		if (!fs) {
			throw new Error(`No workspace folder was indexed as ${stream.source}`);
		}
		return fs;
	}

	workspaceFolderOf(stream: Stream): vscode.WorkspaceFolder | undefined {
		return vscode.workspace.workspaceFolders?.find(folder => folder.uri.toString() === stream.source);
	}

	/** Whether every stream is being read (the first index, Refresh, a change of folders or settings). */
	get indexing(): boolean {
		return this.fullReads > 0;
	}

	/** Settles once no full read is under way: work that can wait for the whole model (health) waits for this. */
	whenIndexed(): Promise<void> {
		return this.fullReads === 0 ? Promise.resolve() : new Promise(resolve => this.idleWaiters.push(resolve));
	}

	/** Reads everything again (the Refresh command). */
	refresh(): Promise<void> {
		return this.indexWithProgress(() => this.index.indexAll());
	}

	/** Re-reads the given files or folders now, without waiting for the watcher (used after our own writes). */
	async reread(uris: readonly vscode.Uri[]): Promise<void> {
		for (const uri of uris) {
			const location = this.locate(uri);
			if (location) {
				await this.index.applyChanges(location.source, [{ path: location.path, kind: 'created' }]);
			}
		}
	}

	override dispose(): void {
		super.dispose();
		this.index.dispose();
	}

	private sources(): WorkspaceSource[] {
		// Kept across re-indexing: a stream still shown from a folder just closed must still resolve to its URIs.
		return (vscode.workspace.workspaceFolders ?? []).map(folder => {
			const fs = this.fileSystems.get(folder.uri.toString()) ?? new WorkspaceFileSystem(folder.uri);
			this.fileSystems.set(folder.uri.toString(), fs);
			return { source: folder.uri.toString(), workspaceFolder: folder.name, fs };
		});
	}

	private reindex(): void {
		this.settings = readSettings();
		this.watch();
		const sources = this.sources();
		void this.indexWithProgress(() => this.index.reconfigure(sources, this.indexOptions(sources)));
	}

	private indexOptions(sources: readonly WorkspaceSource[]) {
		return {
			roots: this.settings.roots, layouts: this.settings.layouts, maxFileSize: this.settings.maxFileSize, maxFileSizeSetting: 'streams.maxFileSize',
			concurrency: sources.every(source => source.fs.readsLocally) ? LOCAL_INDEX_CONCURRENCY : INDEX_CONCURRENCY,
			batchInterval: INDEX_BATCH_MS, readAhead: true,
		};
	}

	private async indexWithProgress(work: () => Promise<void>): Promise<void> {
		const started = Date.now();
		this.fullReads++;
		try {
			await vscode.window.withProgress({ location: { viewId: 'streams.tree' } }, work);
		} catch (error) {
			this.log.error(`Reading the streams failed: ${error instanceof Error ? error.message : String(error)}`);
		} finally {
			if (--this.fullReads === 0) {
				const waiters = this.idleWaiters;
				this.idleWaiters = [];
				waiters.forEach(resolve => resolve());
			}
		}
		const folders = vscode.workspace.workspaceFolders?.length ?? 0;
		this.log.info(`Indexed ${this.index.all.length} streams in ${Date.now() - started} ms (${folders} workspace folder${folders === 1 ? '' : 's'})`);
		setContext('streams.indexed', true);
		setContext('streams.hasStreams', this.index.all.length > 0);
		this.retryUnreadable();
	}

	/**
	 * Says which folders could not be read and, the first time a read met such folders or found no stream at all,
	 * reads everything once more a moment later: a window restored with the Streams view open activates the
	 * extension before the workbench is fully up, and a folder that read as missing or unreadable then reads fine
	 * a second later (seen in the UI tests). For a workspace that truly has no streams the second read costs a few
	 * directory listings.
	 */
	private retryUnreadable(): void {
		const unreadable = this.index.unreadableFolders;
		for (const problem of unreadable) {
			this.log.warn(`${problem.message} (${problem.source})`);
		}
		if ((unreadable.length === 0 && this.index.all.length > 0) || this.retriedUnreadable || this.isDisposed) {
			return;
		}
		this.retriedUnreadable = true;
		this.retry.trigger(() => void this.indexWithProgress(() => this.index.indexAll()));
	}

	private onIndexProgress(progress: { read: number; total: number }): void {
		if (progress.read === progress.total) {
			setContext('streams.indexed', true);
		}
	}

	/**
	 * One watcher per root of every layout read and workspace folder, narrowed to stream folders and their
	 * markdown files (a Spec Kit feature's `contracts/` or an OpenSpec change's `specs/` are not watched).
	 */
	private watch(): void {
		this.watchers.clear();
		const rootPaths: string[] = [];
		for (const folder of vscode.workspace.workspaceFolders ?? []) {
			for (const root of this.settings.roots) {
				// New Stream's folders: only our own layout's roots.
				rootPaths.push(vscode.Uri.joinPath(folder.uri, ...root.split('/')).fsPath);
			}
			for (const { path: root } of layoutRoots(this.settings.layouts, this.settings.roots)) {
				const pattern = new vscode.RelativePattern(folder, `{${root},${root}/*,${root}/*/*.md}`);
				const watcher = vscode.workspace.createFileSystemWatcher(pattern);
				const source = folder.uri.toString();
				this.watchers.add(watcher);
				this.watchers.add(watcher.onDidCreate(uri => this.queueChange(source, uri, 'created')));
				this.watchers.add(watcher.onDidChange(uri => this.queueChange(source, uri, 'changed')));
				this.watchers.add(watcher.onDidDelete(uri => this.queueChange(source, uri, 'deleted')));
			}
		}
		setContext('streams.rootPaths', rootPaths);
	}

	private queueChange(source: string, uri: vscode.Uri, kind: FileChangeKind): void {
		const location = this.locate(uri);
		if (!location || location.source !== source) {
			return;
		}
		this.fileChangeEmitter.fire(location);
		const changes = this.pendingChanges.get(source) ?? [];
		changes.push({ path: location.path, kind });
		this.pendingChanges.set(source, changes);
		this.changeBatch.trigger(() => this.flushChanges());
	}

	private flushChanges(): void {
		const pending = this.pendingChanges;
		this.pendingChanges = new Map();
		for (const [source, changes] of pending) {
			void this.index.applyChanges(source, changes);
		}
	}

	private followBuffer(document: vscode.TextDocument): void {
		if (!isParsedDocument(document.uri)) {
			return;
		}
		const location = this.locate(document.uri);
		if (!location) {
			return;
		}
		if (!document.isDirty) {
			this.index.setBufferText(location.source, location.path, undefined);
			return;
		}
		const stream = this.index.get(location.source, parentPath(location.path));
		const plan = stream?.plan !== undefined && isDocument(baseName(location.path), stream.plan);
		this.index.setBufferText(location.source, location.path, document.getText(),
			stream && plan ? scanOf(document, layoutOf(stream.layout).tasks) : undefined);
	}

	private releaseBuffer(document: vscode.TextDocument): void {
		const location = isParsedDocument(document.uri) ? this.locate(document.uri) : undefined;
		if (location) {
			this.index.setBufferText(location.source, location.path, undefined);
		}
	}

	/** Maps a URI to its workspace folder's key and its path relative to that folder. */
	private locate(uri: vscode.Uri): { source: string; path: string } | undefined {
		for (const [source, fs] of this.fileSystems) {
			const folder = fs.folder;
			if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) {
				continue;
			}
			const base = folder.path.endsWith('/') ? folder.path : folder.path + '/';
			if (uri.path === folder.path) {
				return { source, path: '' };
			}
			if (uri.path.startsWith(base)) {
				return { source, path: uri.path.slice(base.length) };
			}
		}
		return undefined;
	}

	private reportProblems(streams: readonly Stream[]): void {
		for (const stream of streams) {
			for (const problem of stream.problems) {
				const key = `${stream.source}|${stream.id}|${problem.document}|${problem.code}`;
				if (problem.code !== 'malformed-front-matter' && !this.reportedProblems.has(key)) {
					this.reportedProblems.add(key);
					this.log.warn(`${stream.id}: ${problem.message}`);
				}
			}
		}
	}
}

/** The names of every document some layout parses: a cheap first test on every keystroke in any file. */
const PARSED_NAMES: readonly string[] = [...new Set(LAYOUT_IDS.flatMap(id => [...layoutOf(id).headerDocuments, layoutOf(id).plan]))];

function isParsedDocument(uri: vscode.Uri): boolean {
	return isAnyDocument(baseName(uri.path), PARSED_NAMES);
}
