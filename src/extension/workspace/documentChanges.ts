// Applies an operation's `changes` (DESIGN.md §6) in VS Code: every change in ONE `WorkspaceEdit` against the
// live buffers, so a person's unsaved text counts and is kept, and one undo takes the whole change back.
// A document that was clean before the edit is saved after it (when it holds nothing but our edit); a dirty one
// is never saved by us. A `create` never overwrites: an existing file refuses the whole edit.
//
// The operation decided on the texts it was given (`LiveTexts`): if a document no longer holds that text when
// the edit is about to be applied, nothing is applied and the outcome says `changed`, so the caller decides
// again on the new text (what the Node host does by re-reading under its lock). VS Code itself also refuses a
// text edit whose document changed after the extension host last saw it.
//
// This file decides nothing about streams and shows no UI: it returns an outcome for the caller to present.

import * as vscode from 'vscode';
import { DocumentChange } from '../../core';
import { addCreateFile, exists, rememberCreatedFolder, serialized } from '../commands/streamCreation';

/** What happened to one document. `saved` is false for a dirty document (left for its author) and for a create. */
export interface AppliedDocument {
	readonly path: string;
	readonly uri: vscode.Uri;
	readonly kind: 'edited' | 'created';
	readonly saved: boolean;
	/** A clean document we edited, whose save failed: changed in the editor, not on disk. */
	readonly saveFailed: boolean;
}

/**
 * The files that now hold the change on disk (created, or edited and saved): the model reads these at once. A
 * buffer left unsaved the model follows as it changes.
 */
export function writtenFiles(documents: readonly AppliedDocument[]): vscode.Uri[] {
	return documents.filter(document => document.kind === 'created' || document.saved).map(document => document.uri);
}

export type ChangeRefusalCode =
	/** A path that is absolute, holds `..`, `.` or empty segments, or runs through a symbolic link. */
	| 'unsafe-path'
	/** A `create` whose file (or the folder in its place) is already there. */
	| 'exists'
	/** An `edit` of a document that is missing. */
	| 'missing'
	/** The document no longer holds the text the operation decided on: decide again. */
	| 'changed'
	/** VS Code refused the edit. */
	| 'failed';

export type ApplyOutcome =
	| { readonly ok: true; readonly documents: readonly AppliedDocument[] }
	| { readonly ok: false; readonly error: { readonly code: ChangeRefusalCode; readonly message: string; readonly path: string } };

/** The texts an operation was given, by document URI, so the applier can tell whether they are still there. */
export interface LiveTexts {
	textGiven(uri: vscode.Uri): string | undefined;
}

/**
 * The URI of `path` in the workspace folder whose URI is `source` (a stream's `source`), or undefined when no
 * open workspace folder has that URI or the path is not a plain relative one.
 */
export function uriInWorkspaceFolder(source: string, path: string): vscode.Uri | undefined {
	const folder = vscode.workspace.workspaceFolders?.find(candidate => candidate.uri.toString() === source);
	if (!folder || (path !== '' && !isSafePath(path))) {
		return undefined;
	}
	return path === '' ? folder.uri : vscode.Uri.joinPath(folder.uri, ...path.split('/'));
}

export interface ApplyOptions {
	/** What the decision was made on; without it, edits apply to whatever the documents hold now. */
	readonly given?: LiveTexts;
	/** Shown in the undo history and in a refactor preview. */
	readonly label: string;
	/**
	 * The folder the creations make (a new stream's): when it is there already, even holding other files, the
	 * whole edit is refused; once made, an undo that empties it removes it too (streamCreation.ts).
	 */
	readonly newFolder?: { readonly source: string; readonly path: string };
}

/** Applies every change or none. Creations are serialized with New Stream's, so two cannot both pass the check. */
export function applyDocumentChanges(changes: readonly DocumentChange[], options: ApplyOptions): Promise<ApplyOutcome> {
	if (changes.length === 0) {
		return Promise.resolve({ ok: true, documents: [] });
	}
	const apply = () => applyNow(changes, options);
	return changes.some(change => change.kind === 'create') ? serialized(apply) : apply();
}

interface PreparedEdit {
	readonly path: string;
	readonly document: vscode.TextDocument;
	readonly wasDirty: boolean;
	readonly version: number;
}

async function applyNow(changes: readonly DocumentChange[], options: ApplyOptions): Promise<ApplyOutcome> {
	const edit = new vscode.WorkspaceEdit();
	const metadata: vscode.WorkspaceEditEntryMetadata = { label: options.label, needsConfirmation: false };
	const edits: PreparedEdit[] = [];
	const created: { path: string; uri: vscode.Uri }[] = [];
	let folder: vscode.Uri | undefined;
	if (options.newFolder) {
		const { source, path } = options.newFolder;
		folder = isSafePath(path) ? uriInWorkspaceFolder(source, path) : undefined;
		if (!folder || await runsThroughLink(uriInWorkspaceFolder(source, ''), path)) {
			return refused('unsafe-path', path, vscode.l10n.t('{0} is not a path inside the workspace folder; nothing was changed.', path));
		}
		if (await exists(folder)) {
			return refused('exists', path, vscode.l10n.t('{0} already exists; nothing was changed.', path));
		}
	}
	// Creations first: they are what can fail at the last moment (a file that appeared), before any text moved.
	const ordered = [...changes.filter(change => change.kind === 'create'), ...changes.filter(change => change.kind === 'edit')];
	for (const change of ordered) {
		const uri = isSafePath(change.path) ? uriInWorkspaceFolder(change.source, change.path) : undefined;
		if (!uri || await runsThroughLink(uriInWorkspaceFolder(change.source, ''), change.path)) {
			return refused('unsafe-path', change.path, vscode.l10n.t('{0} is not a path inside the workspace folder; nothing was changed.', change.path));
		}
		if (change.kind === 'create') {
			if (await exists(uri)) {
				return refused('exists', change.path, vscode.l10n.t('{0} already exists; nothing was changed.', change.path));
			}
			addCreateFile(edit, { uri, text: change.text }, options.label);
			created.push({ path: change.path, uri });
			continue;
		}
		let document: vscode.TextDocument;
		try {
			document = await vscode.workspace.openTextDocument(uri);
		} catch {
			return refused('missing', change.path, vscode.l10n.t('{0} cannot be opened; nothing was changed.', change.path));
		}
		const given = options.given?.textGiven(uri);
		if (given !== undefined && given !== document.getText()) {
			return refused('changed', change.path, vscode.l10n.t('{0} changed while the edit was prepared; nothing was changed.', change.path));
		}
		for (const { line, startColumn, endLine, endColumn, text } of change.replacements) {
			edit.replace(uri, new vscode.Range(line, startColumn, endLine ?? line, endColumn), text, metadata);
		}
		edits.push({ path: change.path, document, wasDirty: document.isDirty, version: document.version });
	}
	// The last look and the edit are one step for the extension host; VS Code refuses it (false) when a document
	// changed in the window since the extension host last saw it.
	if (edits.some(prepared => prepared.document.version !== prepared.version) || !await vscode.workspace.applyEdit(edit)) {
		const path = edits[0]?.path ?? created[0]?.path ?? '';
		const appeared = await firstExisting(created);
		return appeared
			? refused('exists', appeared.path, vscode.l10n.t('{0} already exists; nothing was changed.', appeared.path))
			: refused('changed', path, vscode.l10n.t('{0} changed while the edit was prepared; nothing was changed.', path));
	}
	if (folder) {
		rememberCreatedFolder(folder);
	}
	const documents: AppliedDocument[] = created.map(({ path, uri }) => ({ path, uri, kind: 'created', saved: false, saveFailed: false }));
	for (const { path, document, wasDirty, version } of edits) {
		// Save only what was clean before and holds nothing but our edit: someone's unfinished text stays unsaved.
		const ours = !wasDirty && document.version === version + 1;
		const saved = ours && await document.save();
		documents.push({ path, uri: document.uri, kind: 'edited', saved, saveFailed: ours && !saved });
	}
	return { ok: true, documents };
}

function refused(code: ChangeRefusalCode, path: string, message: string): ApplyOutcome {
	return { ok: false, error: { code, message, path } };
}

/** A relative path of plain segments: no leading `/`, no `\`, no drive letter, no `..`, `.` or empty segment. */
export function isSafePath(path: string): boolean {
	if (path.length === 0 || path.includes('\\') || path.includes('\0') || /^[a-zA-Z]:/.test(path)) {
		return false;
	}
	return path.split('/').every(segment => segment.length > 0 && segment !== '.' && segment !== '..');
}

/** True when a folder on the way to `path` (or the file itself) is a symbolic link, which could lead outside. */
async function runsThroughLink(folder: vscode.Uri | undefined, path: string): Promise<boolean> {
	if (!folder) {
		return true;
	}
	let current = folder;
	for (const segment of path.split('/')) {
		current = vscode.Uri.joinPath(current, segment);
		let type: vscode.FileType;
		try {
			type = (await vscode.workspace.fs.stat(current)).type;
		} catch {
			// Not there (yet): nothing below it can be a link either.
			return false;
		}
		if (type & vscode.FileType.SymbolicLink) {
			return true;
		}
	}
	return false;
}

async function firstExisting(files: readonly { path: string; uri: vscode.Uri }[]): Promise<{ path: string } | undefined> {
	for (const file of files) {
		if (await exists(file.uri)) {
			return file;
		}
	}
	return undefined;
}
