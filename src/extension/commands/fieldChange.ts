// Setting one header field of a stream (status or priority), as Set Status, Set Priority and the board's
// card moves all do: the field is rewritten in the document that defines it, in its own style, by one
// WorkspaceEdit on the live buffer (one undo step, no unsaved text lost); a document that was clean is saved
// afterwards, one with unsaved changes is left for its author to save. The result is an outcome, as data:
// each caller presents it in its own way (`presentFieldChange` is the usual one: a message when it failed).

import * as vscode from 'vscode';
import { applyFieldEdits, FieldChange, fieldDocument, FieldEditRefusal, fieldEdits, fieldPlace, findDocument, layoutLabel, localToday, StatusEditRefusal, Stream } from '../../core';
import { WorkspaceStreams } from '../workspace/workspaceStreams';

/** Why nothing was changed. */
export type FieldChangeProblem =
	| { readonly kind: 'refused'; readonly reason: FieldEditRefusal; readonly document: string; readonly uri: vscode.Uri; readonly line: number }
	| { readonly kind: 'status-not-editable'; readonly reason: StatusEditRefusal; readonly stream: string }
	/** A Kiro spec: no document holds header fields. */
	| { readonly kind: 'no-header-document'; readonly stream: string; readonly layout: string }
	| { readonly kind: 'changed-meanwhile'; readonly document: string }
	| { readonly kind: 'not-created'; readonly document: string; readonly stream: string };

export type FieldChangeOutcome =
	/** The document now says what was asked. `changed` is false when it already did; `saved` says whether we saved it. */
	| { readonly ok: true; readonly document: string; readonly changed: boolean; readonly saved: boolean; readonly saveFailed: boolean }
	| { readonly ok: false; readonly problem: FieldChangeProblem };

/** Decides and applies one field change; never shows anything. */
export async function setStreamField(streams: WorkspaceStreams, stream: Stream, change: FieldChange): Promise<FieldChangeOutcome> {
	const place = fieldPlace(stream, change.key);
	if (!place.ok) {
		return { ok: false, problem: place.reason === 'status-follows-progress'
			? { kind: 'status-not-editable', reason: place.reason, stream: stream.title }
			: { kind: 'no-header-document', stream: stream.title, layout: layoutLabel(stream.layout) } };
	}
	const names = place.documents
		.map(name => findDocument(stream.documents, name))
		.filter((name): name is string => name !== undefined);
	// The live buffers, unsaved text included: never the file on disk, never the model's older locations.
	const documents = await Promise.all(names.map(name => vscode.workspace.openTextDocument(streams.uriOf(stream, name))));
	// One header document (OpenSpec's proposal.md): the field goes there, inserted when it has none.
	const target = names.length === 1 && place.documents.length === 1
		? names[0]
		: fieldDocument(documents.map((document, index) => ({ name: names[index], text: document.getText() })), change.key);
	if (target === undefined) {
		return createDocument(streams, stream, change, place.create);
	}
	const document = documents[names.indexOf(target)];
	const wasDirty = document.isDirty;
	const outcome = fieldEdits(target, document.getText(), change, localToday());
	if (outcome.kind === 'refused') {
		return { ok: false, problem: { kind: 'refused', reason: outcome.reason, document: target, uri: document.uri, line: outcome.line } };
	}
	if (outcome.replacements.length === 0) {
		return { ok: true, document: target, changed: false, saved: false, saveFailed: false };
	}
	const edit = new vscode.WorkspaceEdit();
	for (const { line, startColumn, endColumn, text } of outcome.replacements) {
		edit.replace(document.uri, new vscode.Range(line, startColumn, line, endColumn), text);
	}
	const version = document.version;
	if (!await vscode.workspace.applyEdit(edit)) {
		return { ok: false, problem: { kind: 'changed-meanwhile', document: target } };
	}
	// Save only what was clean before and holds nothing but our edit: someone's unfinished text stays unsaved.
	if (!wasDirty && document.version === version + 1) {
		const saved = await document.save();
		if (saved) {
			await streams.reread([document.uri]);
		}
		return { ok: true, document: target, changed: true, saved, saveFailed: !saved };
	}
	return { ok: true, document: target, changed: true, saved: false, saveFailed: false };
}

/** A stream without its header documents gets one (README.md for ours) holding its title and the field. */
async function createDocument(streams: WorkspaceStreams, stream: Stream, change: FieldChange, name: string): Promise<FieldChangeOutcome> {
	const uri = streams.uriOf(stream, name);
	const start = `# ${stream.title}\n`;
	const edits = fieldEdits(name, start, change, localToday());
	const text = applyFieldEdits(start, edits.kind === 'edits' ? edits.replacements : []);
	const edit = new vscode.WorkspaceEdit();
	edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
	if (!await vscode.workspace.applyEdit(edit)) {
		return { ok: false, problem: { kind: 'not-created', document: name, stream: stream.id } };
	}
	await streams.reread([uri]);
	return { ok: true, document: name, changed: true, saved: true, saveFailed: false };
}

/** What to tell a person about a problem, in their language. */
export function fieldChangeMessage(problem: FieldChangeProblem): string {
	switch (problem.kind) {
		case 'refused':
			return refusalMessage(problem.reason, problem.document, problem.line);
		case 'status-not-editable':
			return vscode.l10n.t('The status of {0} follows its plan\'s progress: its layout has no status field to set.', problem.stream);
		case 'no-header-document':
			return vscode.l10n.t('{0} is one of the {1}: they have no header document to hold a priority or an owner.', problem.stream, problem.layout);
		case 'changed-meanwhile':
			return vscode.l10n.t('{0} changed while the edit was prepared; nothing was changed. Try again.', problem.document);
		case 'not-created':
			return vscode.l10n.t('Could not create {0} in {1}.', problem.document, problem.stream);
	}
}

function refusalMessage(reason: FieldEditRefusal, document: string, line: number): string {
	switch (reason) {
		case 'malformed-front-matter':
			return vscode.l10n.t('The front matter of {0} is not valid YAML (line {1}). Fix it first; nothing was changed.', document, line + 1);
		case 'multi-line-value':
			return vscode.l10n.t('The value on line {1} of {0} is written over several lines. Edit it by hand; nothing was changed.', document, line + 1);
		case 'not-a-scalar':
			return vscode.l10n.t('The front-matter key on line {1} of {0} holds a list or a mapping, not a value. Edit it by hand; nothing was changed.', document, line + 1);
	}
}

/**
 * Tells the user when the change did not happen (or was not saved). Returns whether the document now says
 * what was asked. The messages are not awaited: a command (and a script awaiting it) finishes now, the message
 * stays until dismissed.
 */
export function presentFieldChange(outcome: FieldChangeOutcome): boolean {
	if (outcome.ok) {
		if (outcome.saveFailed) {
			void vscode.window.showWarningMessage(vscode.l10n.t('{0} was changed but could not be saved.', outcome.document));
		}
		return true;
	}
	const { problem } = outcome;
	if (problem.kind === 'refused') {
		const open = vscode.l10n.t('Open {0}', problem.document);
		void vscode.window.showErrorMessage(fieldChangeMessage(problem), open).then(answer => {
			if (answer === open) {
				const position = new vscode.Position(problem.line, 0);
				void vscode.window.showTextDocument(problem.uri, { selection: new vscode.Range(position, position) });
			}
		});
	} else {
		void vscode.window.showErrorMessage(fieldChangeMessage(problem));
	}
	return false;
}
