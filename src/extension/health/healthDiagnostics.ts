// Stream health in the Problems panel: the core's rules (core/health.ts) run for each stream as the model
// changes, over the live text of its documents (open buffers win over the files), and their findings become
// diagnostics in the collection `streams`. Quick fixes set the suggested status, fill in today's date, pick a
// status or priority from the listed choices, and create a missing document from the template; every one is a
// `WorkspaceEdit`, so it is undoable and never saves or discards anyone's unsaved text.

import * as vscode from 'vscode';
import { Disposable } from '../lifecycle/disposable';
import { checkStreamHealth, decodeDocument, Delayer, fileSystemReader, fillTemplate, findDocument, fixEdits, forEachConcurrently, HealthDocumentCache, HealthFinding, HealthFix, healthMessageText, HealthSeverity, joinPath, LeftoverScreen, localToday, normalizeDependencyName, readTemplateExamples, SerialQueue, Stream, streamKey } from '../../core';
import { FeatureContext } from '../workspace/featureContext';
import { StreamFindings } from './streamFindings';
import { affectsSetting, readSettings } from '../workspace/settings';
import { priorityLabel, statusLabel } from '../status/statusPresentation';
import { addCreateFile } from '../commands/streamCreation';
import { bundledTemplates, defaultTemplates, TemplateChoice } from '../commands/templateSource';
import { WorkspaceFileSystem } from '../workspace/workspaceFileSystem';
import { WorkspaceStreams } from '../workspace/workspaceStreams';

/** The collection's name, and the `source` every diagnostic carries (as `streams lint` names itself). */
export const DIAGNOSTIC_SOURCE = 'streams';

/** Typing produces a change per keystroke: check once the burst is over. */
const CHECK_DELAY_MS = 150;
/** Streams checked at once, so a workspace of hundreds does not read every file in one go. */
const CHECK_CONCURRENCY = 4;

interface Published {
	readonly finding: HealthFinding;
	readonly diagnostic: vscode.Diagnostic;
	readonly stream: Stream;
}

/**
 * The quick fix that creates a missing document runs this command (arguments: the stream folder's URI and the
 * document's name), so the templates are read only when the fix is picked. Not contributed: internal.
 */
export const CREATE_DOCUMENT_COMMAND = '_streams.createDocumentFromTemplate';

/** Checks every stream; each stream's findings are also kept in `findings`, for the views that summarise them. */
export function registerHealthDiagnostics(context: FeatureContext, findings: StreamFindings): vscode.Disposable {
	const diagnostics = new HealthDiagnostics(context, findings);
	return vscode.Disposable.from(
		diagnostics,
		vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, diagnostics, {
			providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
		}),
		vscode.commands.registerCommand(CREATE_DOCUMENT_COMMAND, (folder: unknown, document: unknown) =>
			folder instanceof vscode.Uri && typeof document === 'string' ? diagnostics.createDocument(folder, document) : false),
	);
}

class HealthDiagnostics extends Disposable implements vscode.CodeActionProvider<vscode.CodeAction> {
	private readonly collection = this._register(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE));
	private readonly streams: WorkspaceStreams;
	/** What is shown for each document URI, to find the finding behind a diagnostic the editor hands back. */
	private readonly published = new Map<string, Published[]>();
	/** The document URIs each stream has diagnostics on, to clear them when it changes or goes. */
	private readonly urisOfStream = new Map<string, string[]>();
	/** The normalized names each stream requires, to re-check it when a stream it names changes. */
	private readonly requiresOfStream = new Map<string, string[]>();
	/** The other way round: the streams that require each name, so a change finds its dependents without a scan. */
	private readonly dependentsOfName = new Map<string, Set<string>>();
	/** The names each stream was last seen with, so a renamed title still reaches its dependents. */
	private readonly namesOfStream = new Map<string, { source: string; names: string[] }>();
	/** Bumped per check of a stream: a slower, older check does not overwrite a newer one. */
	private readonly generations = new Map<string, number>();
	private readonly templateExamples = new Map<string, Promise<string[]>>();
	/** The files earlier checks read, by workspace folder; the watchers' events say which to read again. */
	private readonly fileCaches = new Map<string, HealthDocumentCache>();
	/** Follows the edits of open buffers, so a check after typing looks for template leftovers only where they fell. */
	private readonly leftoverScreen = new LeftoverScreen();
	private pending = new Set<string>();
	/** Typing and saving come in bursts: check once the burst is over. */
	private readonly checkDelayer = this._register(new Delayer(CHECK_DELAY_MS));
	private readonly checks = new SerialQueue();

	constructor(private readonly context: FeatureContext, private readonly findings: StreamFindings) {
		super();
		this.streams = context.streams;
		this._register(vscode.Disposable.from(
			this.streams.onDidChange(change => {
				for (const stream of [...change.updated, ...change.removed]) {
					this.scheduleDependents(stream);
				}
				for (const stream of change.removed) {
					this.forget(streamKey(stream));
				}
				for (const stream of change.updated) {
					this.schedule(streamKey(stream));
				}
			}),
			this.streams.onDidChangeFile(({ source, path }) => this.fileCaches.get(source)?.forget(path)),
			// HANDOFF.md and NOTES.md are not followed by the model; their unsaved text still counts here.
			vscode.workspace.onDidChangeTextDocument(event => {
				this.leftoverScreen.edited(event.document.uri.toString(), event.document.version, event.contentChanges.map(change =>
					({ offset: change.rangeOffset, removedLength: change.rangeLength, insertedLength: change.text.length })));
				this.scheduleDocument(event.document.uri);
			}),
			vscode.workspace.onDidCloseTextDocument(document => {
				this.leftoverScreen.forget(document.uri.toString());
				this.scheduleDocument(document.uri);
			}),
			vscode.workspace.onDidSaveTextDocument(document => this.onSaved(document.uri)),
			vscode.workspace.onDidChangeConfiguration(event => {
				if (affectsSetting(event, 'diagnostics.rules', 'requiredDocuments', 'templatesFolder', 'maxFileSize')) {
					this.templateExamples.clear();
					this.scheduleAll();
				}
			}),
		));
		void this.streams.ready.then(() => this.scheduleAll());
	}

	// ---- When to check ----------------------------------------------------------------------------

	private schedule(key: string): void {
		if (this.isDisposed) {
			return;
		}
		this.pending.add(key);
		this.checkDelayer.trigger(() => this.flush());
	}

	/** Every stream, every file read again: after the first index and when settings change what is read. */
	private scheduleAll(): void {
		this.fileCaches.clear();
		for (const stream of this.streams.all) {
			this.schedule(streamKey(stream));
		}
	}

	private scheduleDocument(uri: vscode.Uri): void {
		const stream = this.streams.streamFor(uri);
		if (stream && this.streams.uriOf(stream).toString() === vscode.Uri.joinPath(uri, '..').toString()) {
			this.schedule(streamKey(stream));
		}
	}

	private onSaved(uri: vscode.Uri): void {
		// The file on disk changed: do not wait for the watcher's word before a check reads it once the editor closes.
		this.fileCaches.clear();
		// A saved README template changes which Requires entries are the template's examples.
		for (const folder of vscode.workspace.workspaceFolders ?? []) {
			const templates = vscode.Uri.joinPath(folder.uri, ...readSettings().templatesFolder.split('/'));
			if (uri.toString().startsWith(templates.toString() + '/')) {
				this.templateExamples.delete(folder.uri.toString());
				this.scheduleAll();
				return;
			}
		}
	}

	/** Streams whose Requires entries name `changed`, by its current or its previous names. */
	private scheduleDependents(changed: Stream): void {
		const key = streamKey(changed);
		const names = new Set([...namesOf(changed), ...this.namesOfStream.get(key)?.names ?? []]);
		this.namesOfStream.set(key, { source: changed.source, names: namesOf(changed) });
		for (const name of names) {
			for (const dependent of this.dependentsOfName.get(name) ?? []) {
				if (dependent !== key && this.namesOfStream.get(dependent)?.source === changed.source) {
					this.schedule(dependent);
				}
			}
		}
	}

	private setRequires(key: string, names: readonly string[] | undefined): void {
		for (const name of this.requiresOfStream.get(key) ?? []) {
			const dependents = this.dependentsOfName.get(name);
			dependents?.delete(key);
			if (dependents?.size === 0) {
				this.dependentsOfName.delete(name);
			}
		}
		if (names === undefined) {
			this.requiresOfStream.delete(key);
			return;
		}
		this.requiresOfStream.set(key, [...names]);
		for (const name of names) {
			const dependents = this.dependentsOfName.get(name) ?? new Set<string>();
			dependents.add(key);
			this.dependentsOfName.set(name, dependents);
		}
	}

	private flush(): void {
		// While every stream is being read, the tree comes first: check once the whole model is there.
		if (this.streams.indexing) {
			void this.streams.whenIndexed().then(() => this.checkDelayer.trigger(() => this.flush()));
			return;
		}
		const keys = [...this.pending];
		this.pending = new Set();
		void this.checks.run(() => this.checkAll(keys));
	}

	private async checkAll(keys: readonly string[]): Promise<void> {
		const byKey = new Map(this.streams.all.map(stream => [streamKey(stream), stream]));
		const bySource = new Map<string, Stream[]>();
		for (const stream of this.streams.all) {
			const streams = bySource.get(stream.source) ?? [];
			streams.push(stream);
			bySource.set(stream.source, streams);
		}
		let deferred = false;
		await forEachConcurrently(keys, CHECK_CONCURRENCY, async key => {
			const stream = byKey.get(key);
			// A full read that starts meanwhile goes first; what is left is checked after it.
			if (this.streams.indexing) {
				this.pending.add(key);
				deferred = true;
				return;
			}
			try {
				if (stream) {
					await this.check(stream, bySource.get(stream.source) ?? []);
				} else {
					this.forget(key);
				}
			} catch (error) {
				this.context.log.error(`Checking the health of ${stream?.id ?? key} failed: ${error instanceof Error ? error.message : String(error)}`);
			}
		});
		if (deferred) {
			this.checkDelayer.trigger(() => this.flush());
		}
	}

	// ---- Checking and publishing ------------------------------------------------------------------

	/** Checks one stream against `streams`, the streams of its workspace folder. */
	private async check(stream: Stream, streams: readonly Stream[]): Promise<void> {
		const key = streamKey(stream);
		const generation = (this.generations.get(key) ?? 0) + 1;
		this.generations.set(key, generation);
		const settings = readSettings();
		const fs = this.streams.fileSystemOf(stream);
		// The version of each buffer read, taken with its text: the leftover screen answers for that version.
		const versions = new Map<string, number>();
		const bufferText = (path: string) => {
			const document = openDocument(fs.uriOf(path));
			if (document) {
				versions.set(path, document.version);
			}
			return document?.getText();
		};
		const reader = fileSystemReader(fs, { maxFileSize: settings.maxFileSize, bufferText, cache: this.fileCacheOf(stream.source) });
		const report = await checkStreamHealth(reader, stream, {
			streams,
			mayHoldLeftover: (name, text) => {
				const path = joinPath(stream.id, name);
				return this.leftoverScreen.mayHoldLeftover(fs.uriOf(path).toString(), versions.get(path), text);
			},
			requiredDocuments: settings.requiredDocuments,
			severities: settings.diagnosticsRules,
			templateDependencies: await this.templateExamplesOf(fs, stream.source, settings.templatesFolder, settings.maxFileSize),
		});
		if (this.isDisposed || this.generations.get(key) !== generation) {
			return;
		}
		this.namesOfStream.set(key, { source: stream.source, names: namesOf(stream) });
		this.setRequires(key, report.requires.map(entry => normalizeDependencyName(entry.name)));
		this.publish(key, stream, report.findings);
	}

	private fileCacheOf(source: string): HealthDocumentCache {
		let cache = this.fileCaches.get(source);
		if (!cache) {
			cache = new HealthDocumentCache();
			this.fileCaches.set(source, cache);
		}
		return cache;
	}

	private templateExamplesOf(fs: WorkspaceFileSystem, source: string, templatesFolder: string, maxFileSize: number): Promise<string[]> {
		let examples = this.templateExamples.get(source);
		if (!examples) {
			examples = readTemplateExamples(fileSystemReader(fs, { maxFileSize }), templatesFolder);
			this.templateExamples.set(source, examples);
		}
		return examples;
	}

	private publish(key: string, stream: Stream, findings: readonly HealthFinding[]): void {
		const byUri = new Map<string, { uri: vscode.Uri; entries: Published[] }>();
		for (const finding of findings) {
			const uri = this.streams.uriOf(stream, finding.document);
			const diagnostic = new vscode.Diagnostic(
				new vscode.Range(finding.line, finding.startColumn, finding.line, finding.endColumn),
				healthMessageText(finding.message),
				SEVERITIES[finding.severity],
			);
			diagnostic.source = DIAGNOSTIC_SOURCE;
			diagnostic.code = finding.rule;
			const group = byUri.get(uri.toString()) ?? { uri, entries: [] };
			group.entries.push({ finding, diagnostic, stream });
			byUri.set(uri.toString(), group);
		}
		for (const previous of this.urisOfStream.get(key) ?? []) {
			if (!byUri.has(previous)) {
				this.collection.delete(vscode.Uri.parse(previous));
				this.published.delete(previous);
			}
		}
		for (const [uriText, { uri, entries }] of byUri) {
			this.collection.set(uri, entries.map(entry => entry.diagnostic));
			this.published.set(uriText, entries);
		}
		this.urisOfStream.set(key, [...byUri.keys()]);
		this.findings.set(key, findings.map(finding => ({
			document: finding.document,
			line: finding.line,
			severity: finding.severity,
			message: healthMessageText(finding.message),
		})));
	}

	private forget(key: string): void {
		for (const uri of this.urisOfStream.get(key) ?? []) {
			this.collection.delete(vscode.Uri.parse(uri));
			this.published.delete(uri);
		}
		this.urisOfStream.delete(key);
		this.findings.delete(key);
		this.setRequires(key, undefined);
		this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
	}

	// ---- Quick fixes --------------------------------------------------------------------------------

	provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
		const published = this.published.get(document.uri.toString());
		if (!published) {
			return [];
		}
		const today = localToday();
		const actions: vscode.CodeAction[] = [];
		for (const diagnostic of context.diagnostics) {
			if (diagnostic.source !== DIAGNOSTIC_SOURCE) {
				continue;
			}
			// The editor hands back copies: match on what they carry.
			const entry = published.find(candidate => candidate.diagnostic.code === diagnostic.code
				&& candidate.diagnostic.range.isEqual(diagnostic.range)
				&& candidate.diagnostic.message === diagnostic.message);
			for (const fix of entry?.finding.fixes ?? []) {
				const action = this.actionFor(document, entry!, fix, today);
				if (action) {
					action.diagnostics = [diagnostic];
					actions.push(action);
				}
			}
		}
		return actions;
	}

	/**
	 * Creates a stream's missing document from the template in one undoable edit that never overwrites a file,
	 * then opens it. Resolves to false, after saying why, when the document is there already.
	 */
	async createDocument(folder: vscode.Uri, name: string): Promise<boolean> {
		const stream = this.streams.streamFor(folder);
		if (!stream || this.streams.uriOf(stream).toString() !== folder.toString()) {
			return false;
		}
		const { edit, uri } = await this.createDocumentEdit(stream, name);
		if (!await vscode.workspace.applyEdit(edit)) {
			void vscode.window.showErrorMessage(vscode.l10n.t('Cannot create {0}: it already exists. Nothing was written.', vscode.workspace.asRelativePath(uri, true)));
			return false;
		}
		// Read it now rather than when the watcher reports it, so the diagnostic goes at once.
		await this.streams.reread([uri]);
		await vscode.window.showTextDocument(uri, { preview: false });
		return true;
	}

	private actionFor(document: vscode.TextDocument, entry: Published, fix: HealthFix, today: string): vscode.CodeAction | undefined {
		if (fix.kind === 'create-document') {
			const title = vscode.l10n.t('Create {0} from the template', fix.document);
			const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
			action.command = { command: CREATE_DOCUMENT_COMMAND, title, arguments: [this.streams.uriOf(entry.stream), fix.document] };
			return action;
		}
		const edits = fixEdits(entry.finding, fix, document.getText(), today);
		if (edits.kind !== 'edits' || edits.replacements.length === 0) {
			return undefined;
		}
		const title = fix.kind === 'set-status'
			? vscode.l10n.t('Set status to {0}', statusLabel(fix.status))
			: fix.kind === 'set-priority'
				? vscode.l10n.t('Set priority to {0}', priorityLabel(fix.priority))
				: vscode.l10n.t('Fill in today\'s date ({0})', today);
		const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
		action.isPreferred = fix.kind === 'fill-date' || (fix.kind === 'set-status' && fix.preferred);
		action.edit = new vscode.WorkspaceEdit();
		for (const replacement of edits.replacements) {
			action.edit.replace(document.uri, new vscode.Range(replacement.line, replacement.startColumn, replacement.line, replacement.endColumn), replacement.text);
		}
		return action;
	}

	/** Fills the stream's template for the document (the workspace's own, else the bundled one) as New Stream would. */
	private async createDocumentEdit(stream: Stream, name: string): Promise<{ edit: vscode.WorkspaceEdit; uri: vscode.Uri }> {
		const folder = this.streams.workspaceFolderOf(stream);
		const settings = readSettings();
		const sources: TemplateChoice[] = [];
		try {
			if (folder) {
				sources.push(await defaultTemplates(this.context.extension, folder));
			}
			sources.push(await bundledTemplates(this.context.extension));
		} catch (error) {
			this.context.log.warn(`Reading the templates failed: ${error instanceof Error ? error.message : String(error)}`);
		}
		let template: string | undefined;
		for (const source of sources) {
			const file = findDocument(source.set.files, name);
			if (file === undefined) {
				continue;
			}
			try {
				const decoded = decodeDocument(await source.fs.readFile(joinPath(source.set.folder, file), settings.maxFileSize));
				if (decoded.ok) {
					template = decoded.text;
					break;
				}
			} catch {
				// Try the next set.
			}
		}
		const text = template === undefined
			? `# ${stream.title} - ${name.replace(/\.md$/i, '')}\n`
			: fillTemplate(template, {
				name: stream.title,
				slug: stream.name,
				date: localToday(),
				owner: stream.owner ?? settings.defaultOwner,
				priority: stream.priority ?? 'medium',
				...(stream.status ? { status: stream.status } : {}),
			}, name);
		const uri = this.streams.uriOf(stream, name);
		const edit = new vscode.WorkspaceEdit();
		addCreateFile(edit, { uri, text }, vscode.l10n.t('Create {0} from the template', name));
		return { edit, uri };
	}
}

const SEVERITIES: Record<HealthSeverity, vscode.DiagnosticSeverity> = {
	error: vscode.DiagnosticSeverity.Error,
	warning: vscode.DiagnosticSeverity.Warning,
	information: vscode.DiagnosticSeverity.Information,
};

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
	const key = uri.toString();
	return vscode.workspace.textDocuments.find(document => document.uri.toString() === key);
}

/** The names a Requires entry may use for a stream, normalized; an id's tail may be used too, so its segments count. */
function namesOf(stream: Stream): string[] {
	const id = stream.id.toLowerCase();
	const tails = id.split('/').map((_, index, segments) => segments.slice(index).join('/'));
	return [...new Set([stream.name.toLowerCase(), stream.title.toLowerCase(), ...tails])];
}
