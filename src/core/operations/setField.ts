// `streams_set_field` / `streams set`: sets a stream's status, priority or owner as Set Status and Set Priority
// do (DESIGN.md §6): in the document the value is read from, replacing only the recognised words, with the
// document's "Last Updated" dated today. A stream with neither README.md nor STATUS.md gets a README.md.

import { applyFieldEdits, DocumentText, EditableKey, FieldChange, fieldDocument, FieldEditRefusal, fieldEdits } from '../header/fieldEdits';
import { parsePriority, parseStatus, PRIORITIES, STATUSES } from '../header/statusVocabulary';
import { joinPath } from '../fileSystem';
import { fieldPlace } from '../layouts/layoutFields';
import { layoutOf } from '../layouts/layouts';
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
	// Where the layout keeps the field (DESIGN.md §8): Kiro and Spec Kit have no status to set.
	const place = fieldPlace(stream, change.result.key);
	if (!place.ok) {
		return fail('refused', place.reason === 'status-follows-progress'
			? `${stream.id} is a ${layoutOf(stream.layout).id} stream: its status follows its plan's progress and cannot be set`
			: `${stream.id} is a ${layoutOf(stream.layout).id} stream: it has no header document to hold a ${input.field}`);
	}
	const candidates = await Promise.all(place.documents.map(name => readStreamDocument(context.readText, stream, name)));
	const present = candidates.filter(document => document.text !== undefined);
	if (present.length === 0) {
		const text = `# ${stream.title}\n`;
		const edits = fieldEdits(place.create, text, change.result, context.today);
		const created = edits.kind === 'edits' ? applyFieldEdits(text, edits.replacements) : text;
		const path = joinPath(stream.id, place.create);
		const changes: DocumentChange[] = [{ kind: 'create', source: stream.source, path, text: created }];
		return succeed({ stream: stream.id, field: change.result.key, value: String(change.result.value), path, before: null, after: lineOf(created, change.result.key) }, changes);
	}
	const documents: DocumentText[] = present.map(document => ({ name: document.name, text: document.text! }));
	const name = fieldDocument(documents, change.result.key) ?? present[0].name;
	const target = present.find(document => document.name === name) ?? present[0];
	const edits = fieldEdits(target.name, target.text!, change.result, context.today);
	if (edits.kind === 'refused') {
		return fail('refused', `cannot set ${input.field} in ${target.path}: ${REFUSALS[edits.reason]} (line ${edits.line + 1})`);
	}
	const after = applyFieldEdits(target.text!, edits.replacements);
	const changes: DocumentChange[] = edits.replacements.length === 0 ? [] : [{ kind: 'edit', source: stream.source, path: target.path, replacements: edits.replacements }];
	return succeed({
		stream: stream.id,
		field: change.result.key,
		value: String(change.result.value),
		path: target.path,
		before: lineOf(target.text!, change.result.key),
		after: lineOf(after, change.result.key),
	}, changes);
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
