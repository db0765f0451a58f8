// The contract between the operations (what any host may ask of the streams: list, show, next, set task, set
// field, add note, write hand-off, create, lint) and the hosts that carry them out. An operation decides on
// the text it was given and returns what to change as data; it never writes. The Node host (CLI, MCP server)
// applies the changes under a lock after re-deciding on the file as it is then; VS Code applies them as one
// WorkspaceEdit against the live buffers.

import { Stream } from '../model/stream';
import { TextReplacement } from '../tasks/taskToggle';
import { TemplateText } from '../templates/templateSets';

/**
 * Replace a range of a document's text (without its BOM, as editors show it) with `text`: from `startColumn`
 * of `line` to `endColumn` of `endLine` (of `line` itself when `endLine` is absent), 0-based lines and UTF-16
 * columns. Replacements of one change never overlap.
 */
export interface DocumentReplacement extends TextReplacement {
	readonly endLine?: number;
}

/** One document's change, computed from the text the decision was made on. `path` is relative to the stream's
 *  workspace folder ('/' separators, like Stream.id); `source` is the stream's `source` (its workspace folder). */
export type DocumentChange =
	| { readonly kind: 'edit'; readonly source: string; readonly path: string; readonly replacements: readonly DocumentReplacement[] }
	| { readonly kind: 'create'; readonly source: string; readonly path: string; readonly text: string };

/** Stable codes a caller can branch on; the message says what is wrong and what is there now. */
export type OperationErrorCode =
	/** An input is missing, of the wrong kind, empty, too long or outside its vocabulary. */
	| 'invalid-input'
	/** No stream, or more than one, answers to the name given. */
	| 'unknown-stream'
	| 'ambiguous-stream'
	/** A path that climbs out of the stream roots (`..`, absolute, a symbolic link out). */
	| 'outside-roots'
	/** A document the operation needs is not there, or cannot be read. */
	| 'missing-document'
	/** The task named by line and text is not in the plan (any more), or its text names several. */
	| 'task-not-found'
	| 'ambiguous-task'
	/** The document cannot be edited safely (malformed front matter, a multi-line value, …). */
	| 'refused'
	/** Creating would overwrite a folder or file that is already there. */
	| 'exists'
	/** The stream is blocked, paused or complete, or waits for the streams it requires. */
	| 'not-workable';

export interface OperationError {
	readonly code: OperationErrorCode;
	readonly message: string;
}

export type OperationOutcome<R> =
	| { readonly ok: true; readonly result: R; readonly changes: readonly DocumentChange[] }
	| { readonly ok: false; readonly error: OperationError };

/** What an operation may look at: the model and the live text of a document (an unsaved buffer in VS Code,
 *  the file on disk under the lock in Node). */
export interface OperationContext {
	readonly streams: readonly Stream[];
	/** The document's text without its BOM, or undefined when it does not exist or cannot be read as text. */
	readText(source: string, path: string): Promise<string | undefined>;
	/** Local date, `YYYY-MM-DD`. */
	readonly today: string;
	/** Modification time in milliseconds, for health rules that compare documents' ages; optional. */
	modifiedTime?(source: string, path: string): Promise<number | undefined>;
	/**
	 * The template set new documents are made from: the team's own (`set` names one of its named sets), else the
	 * bundled one. Undefined when there is no such set; without this member, operations write minimal documents.
	 */
	templates?(set?: string): Promise<TemplateSetTexts | undefined>;
}

export interface TemplateSetTexts {
	/** `bundled`, `workspace`, or the named set's name. */
	readonly id: string;
	readonly texts: readonly TemplateText[];
}

export function succeed<R>(result: R, changes: readonly DocumentChange[] = []): OperationOutcome<R> {
	return { ok: true, result, changes };
}

export function fail<R = never>(code: OperationErrorCode, message: string): OperationOutcome<R> {
	return { ok: false, error: { code, message } };
}
