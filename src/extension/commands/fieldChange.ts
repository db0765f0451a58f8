// Setting one header field of a stream (status or priority), as Set Status, Set Priority and the board's
// card moves all do: the core decides where and how (`decideField`, the agents' set-field's decision too) on the
// live texts, and the one applier of the extension (`applyDocumentChanges`) makes the change as one WorkspaceEdit
// on the live buffer (one undo step, no unsaved text lost); a document that was clean is saved afterwards, one
// with unsaved changes is left for its author to save. The result is an outcome, as data: each caller presents
// it in its own way (`presentFieldChange` is the usual one: a message when it failed).

import * as vscode from 'vscode';
import { decideField, FieldChange, FieldEditRefusal, FieldRefusal, layoutLabel, Stream } from '../../core';
import { applyDocumentChanges, ChangeRefusalCode, uriInWorkspaceFolder, writtenFiles } from '../workspace/documentChanges';
import { LiveOperationContext } from '../workspace/liveOperationContext';
import { WorkspaceStreams } from '../workspace/workspaceStreams';

/** How often a change is decided again when a document changed between the decision and the edit. */
const ATTEMPTS = 3;

/** Why nothing was changed. */
export type FieldChangeProblem =
	| { readonly kind: 'refused'; readonly reason: FieldEditRefusal; readonly document: string; readonly uri: vscode.Uri | undefined; readonly line: number }
	| { readonly kind: 'status-not-editable'; readonly stream: string }
	/** A Kiro spec: no document holds header fields. */
	| { readonly kind: 'no-header-document'; readonly stream: string; readonly layout: string }
	/** The applier refused (the document kept changing, a file appeared in the way, …): `message` says why. */
	| { readonly kind: 'not-applied'; readonly code: ChangeRefusalCode; readonly message: string };

export type FieldChangeOutcome =
	/** The document now says what was asked. `changed` is false when it already did; `saved` says whether we saved it. */
	| { readonly ok: true; readonly document: string; readonly changed: boolean; readonly saved: boolean; readonly saveFailed: boolean }
	| { readonly ok: false; readonly problem: FieldChangeProblem };

/** Decides and applies one field change; never shows anything. */
export async function setStreamField(streams: WorkspaceStreams, stream: Stream, change: FieldChange): Promise<FieldChangeOutcome> {
	for (let attempt = 1; ; attempt++) {
		// The live buffers, unsaved text included, as they are now: never the model's older locations.
		const context = new LiveOperationContext(streams);
		const decided = await decideField(context, stream, change);
		if (!decided.ok) {
			return { ok: false, problem: problemOf(decided.refusal, stream) };
		}
		const document = decided.result.path.slice(decided.result.path.lastIndexOf('/') + 1);
		const applied = await applyDocumentChanges(decided.changes, { label: changeLabel(change, stream), given: context });
		if (applied.ok) {
			await streams.reread(writtenFiles(applied.documents));
			const [written] = applied.documents;
			return written
				? { ok: true, document, changed: true, saved: written.kind === 'created' || written.saved, saveFailed: written.saveFailed }
				: { ok: true, document, changed: false, saved: false, saveFailed: false };
		}
		if (applied.error.code !== 'changed' || attempt === ATTEMPTS) {
			return { ok: false, problem: { kind: 'not-applied', code: applied.error.code, message: applied.error.message } };
		}
	}
}

function problemOf(refusal: FieldRefusal, stream: Stream): FieldChangeProblem {
	switch (refusal.kind) {
		case 'status-follows-progress':
			return { kind: 'status-not-editable', stream: stream.title };
		case 'no-header-document':
			return { kind: 'no-header-document', stream: stream.title, layout: layoutLabel(stream.layout) };
		case 'edit-refused':
			return { kind: 'refused', reason: refusal.reason, document: refusal.document, uri: uriInWorkspaceFolder(stream.source, refusal.path), line: refusal.line };
	}
}

/** The edit's name in the undo history. */
function changeLabel(change: FieldChange, stream: Stream): string {
	switch (change.key) {
		case 'status': return vscode.l10n.t('Set Status of {0}', stream.title);
		case 'priority': return vscode.l10n.t('Set Priority of {0}', stream.title);
		case 'owner': return vscode.l10n.t('Set Owner of {0}', stream.title);
	}
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
		case 'not-applied':
			return problem.message;
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
	if (problem.kind === 'refused' && problem.uri) {
		const { uri } = problem;
		const open = vscode.l10n.t('Open {0}', problem.document);
		void vscode.window.showErrorMessage(fieldChangeMessage(problem), open).then(answer => {
			if (answer === open) {
				const position = new vscode.Position(problem.line, 0);
				void vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
			}
		});
	} else {
		void vscode.window.showErrorMessage(fieldChangeMessage(problem));
	}
	return false;
}
