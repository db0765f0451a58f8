// `streams_set_field` / `streams set`, Set Status, Set Priority and the board's moves: sets a stream's status,
// priority or owner (DESIGN.md §6) in the document the value is read from, replacing only the recognised words,
// with the document's "Last Updated" dated today. A stream with neither README.md nor STATUS.md gets a README.md.
// `decideField` is the decision, its refusals as data; `setField` is the operation, in English for agents and CI.

import { applyFieldEdits, DocumentText, EditableKey, FieldChange, fieldDocument, FieldEditRefusal, fieldEdits } from '../header/fieldEdits';
import { parsePriority, parseStatus, PRIORITIES, STATUSES } from '../header/statusVocabulary';
import { joinPath } from '../fileSystem';
import { fieldPlace } from '../layouts/layoutFields';
import { layoutOf } from '../layouts/layouts';
import { Stream } from '../model/stream';
import { checkOwner, ownerProblemText } from '../templates/streamName';
import { readStreamDocument } from './documentInput';
import { DocumentChange, fail, OperationContext, OperationOutcome, succeed } from './outcome';
import { resolveStream } from './streamResolution';

export type SettableField = EditableKey;

export const SETTABLE_FIELDS: readonly SettableField[] = ['status', 'priority', 'owner'];

export interface SetFieldInput {
	readonly stream: string;
	readonly field: SettableField;
	readonly value: string;
}

export interface SetFieldResult {
	readonly stream: string;
	readonly field: SettableField;
	/** The value as the model reads it back: a status or priority id, or the owner's name. */
	readonly value: string;
	/** The document changed (relative to the workspace folder), and its field line before and after. */
	readonly path: string;
	readonly before: string | null;
	readonly after: string;
}

const REFUSALS: Readonly<Record<FieldEditRefusal, string>> = {
	'malformed-front-matter': 'its front matter is not valid YAML; fix it first',
	'multi-line-value': 'the value is written over several lines in its front matter; edit it by hand',
	'not-a-scalar': 'the key holds a list or a mapping in its front matter, not a single value',
};

/** Why a field cannot be set, as data: each host says it in its own words (the operation in English below). */
export type FieldRefusal =
	/** Kiro and Spec Kit: the status follows the plan's progress. */
	| { readonly kind: 'status-follows-progress' }
	/** Kiro: no document holds header fields. */
	| { readonly kind: 'no-header-document' }
	/** The document that holds the field cannot be edited safely; `line` is 0-based. */
	| { readonly kind: 'edit-refused'; readonly reason: FieldEditRefusal; readonly document: string; readonly path: string; readonly line: number };

export type FieldDecision =
	| { readonly ok: true; readonly result: SetFieldResult; readonly changes: readonly DocumentChange[] }
	| { readonly ok: false; readonly refusal: FieldRefusal };

export async function setField(context: OperationContext, input: SetFieldInput): Promise<OperationOutcome<SetFieldResult>> {
	const resolved = resolveStream(context.streams, input.stream);
	if (!resolved.ok) {
		return resolved;
	}
	const stream = resolved.result;
	const change = fieldChange(input.field, input.value);
	if (!change.ok) {
		return change;
	}
	const decided = await decideField(context, stream, change.result);
	if (decided.ok) {
		return succeed(decided.result, decided.changes);
	}
	const { refusal } = decided;
	switch (refusal.kind) {
		case 'status-follows-progress':
			return fail('refused', `${stream.id} is a ${layoutOf(stream.layout).id} stream: its status follows its plan's progress and cannot be set`);
		case 'no-header-document':
			return fail('refused', `${stream.id} is a ${layoutOf(stream.layout).id} stream: it has no header document to hold a ${input.field}`);
		case 'edit-refused':
			return fail('refused', `cannot set ${input.field} in ${refusal.path}: ${REFUSALS[refusal.reason]} (line ${refusal.line + 1})`);
	}
}

/**
 * Where and how `change` is written in `stream`, decided on the texts `context` reads (live buffers in VS Code):
 * the one decision behind the agents' and the command line's set-field, Set Status, Set Priority and the board.
 */
export async function decideField(context: Pick<OperationContext, 'readText' | 'today'>, stream: Stream, change: FieldChange): Promise<FieldDecision> {
	// Where the layout keeps the field (DESIGN.md §8): Kiro and Spec Kit have no status to set.
	const place = fieldPlace(stream, change.key);
	if (!place.ok) {
		return { ok: false, refusal: { kind: place.reason } };
	}
	const candidates = await Promise.all(place.documents.map(name => readStreamDocument(context.readText, stream, name)));
	const present = candidates.filter(document => document.text !== undefined);
	if (present.length === 0) {
		const text = `# ${stream.title}\n`;
		const edits = fieldEdits(place.create, text, change, context.today);
		const created = edits.kind === 'edits' ? applyFieldEdits(text, edits.replacements) : text;
		const path = joinPath(stream.id, place.create);
		const changes: DocumentChange[] = [{ kind: 'create', source: stream.source, path, text: created }];
		return { ok: true, result: { stream: stream.id, field: change.key, value: String(change.value), path, before: null, after: lineOf(created, change.key) }, changes };
	}
	const documents: DocumentText[] = present.map(document => ({ name: document.name, text: document.text! }));
	const name = fieldDocument(documents, change.key) ?? present[0].name;
	const target = present.find(document => document.name === name) ?? present[0];
	const edits = fieldEdits(target.name, target.text!, change, context.today);
	if (edits.kind === 'refused') {
		return { ok: false, refusal: { kind: 'edit-refused', reason: edits.reason, document: target.name, path: target.path, line: edits.line } };
	}
	const after = applyFieldEdits(target.text!, edits.replacements);
	const changes: DocumentChange[] = edits.replacements.length === 0 ? [] : [{ kind: 'edit', source: stream.source, path: target.path, replacements: edits.replacements }];
	return {
		ok: true,
		result: {
			stream: stream.id,
			field: change.key,
			value: String(change.value),
			path: target.path,
			before: lineOf(target.text!, change.key),
			after: lineOf(after, change.key),
		},
		changes,
	};
}

/** The change a field and a value ask for, or why the value is not one. */
export function fieldChange(field: unknown, value: unknown): OperationOutcome<FieldChange> {
	if (typeof value !== 'string') {
		return fail('invalid-input', 'value is required');
	}
	switch (field) {
		case 'status': {
			const id = parseStatus(value);
			return id ? succeed({ key: 'status', value: id }) : fail('invalid-input', `"${value}" is not a status; use one of ${STATUSES.map(status => status.id).join(', ')}`);
		}
		case 'priority': {
			const id = parsePriority(value);
			return id ? succeed({ key: 'priority', value: id }) : fail('invalid-input', `"${value}" is not a priority; use one of ${PRIORITIES.map(priority => priority.id).join(', ')}`);
		}
		case 'owner': {
			const owner = checkOwner(value);
			if (!owner.ok) {
				return fail('invalid-input', ownerProblemText(owner.problem));
			}
			return succeed({ key: 'owner', value: owner.owner });
		}
		default:
			return fail('invalid-input', `field "${String(field)}" cannot be set; use one of ${SETTABLE_FIELDS.join(', ')}`);
	}
}

/** The first line naming the field, to show what changed. */
function lineOf(text: string, key: SettableField): string {
	const label = new RegExp(`^[^\\n]*\\b${key}\\b[^\\n]*$`, 'im');
	return label.exec(text)?.[0].trim() ?? '';
}
