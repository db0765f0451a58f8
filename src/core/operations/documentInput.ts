// Checks on what agents and command lines pass in, shared by the operations: one-line texts of a sane length,
// lists of such texts, and reading a stream document that must be there.

import { joinPath } from '../fileSystem';
import { Stream } from '../model/stream';
import { findDocument } from '../model/streamDocuments';
import { fail, OperationOutcome, succeed } from './outcome';

/** Longest text an agent may write in one piece (a note, a task's text, a hand-off item), in characters. */
export const MAX_TEXT_LENGTH = 4000;

/** A piece of text for a document: trimmed, not empty, not enormous, without control characters. */
export function checkText(value: unknown, what: string, options: { multiLine?: boolean } = {}): OperationOutcome<string> {
	if (typeof value !== 'string') {
		return fail('invalid-input', `${what} must be a string`);
	}
	const text = value.trim();
	if (text === '') {
		return fail('invalid-input', `${what} is empty`);
	}
	if (text.length > MAX_TEXT_LENGTH) {
		return fail('invalid-input', `${what} is ${text.length} characters long; at most ${MAX_TEXT_LENGTH} are accepted`);
	}
	const control = options.multiLine ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/;
	if (control.test(text)) {
		return fail('invalid-input', `${what} holds ${options.multiLine ? 'a control character' : 'a line break or control character'}; write one line`);
	}
	return succeed(text);
}

/** A list of one-line texts (hand-off sections); a single string counts as a list of one. */
export function checkTexts(value: unknown, what: string): OperationOutcome<string[]> {
	const values = typeof value === 'string' ? [value] : value;
	if (!Array.isArray(values)) {
		return fail('invalid-input', `${what} must be a list of strings`);
	}
	const texts: string[] = [];
	for (const [index, item] of values.entries()) {
		const checked = checkText(item, `${what}[${index}]`);
		if (!checked.ok) {
			return checked;
		}
		texts.push(checked.result);
	}
	return succeed(texts);
}

export interface StreamDocument {
	/** The name as the folder spells it (`plan.md` stays `plan.md`). */
	readonly name: string;
	/** Path relative to the workspace folder. */
	readonly path: string;
	readonly text: string | undefined;
}

/** A standard document of the stream, found case-insensitively, with its current text (undefined when absent). */
export async function readStreamDocument(
	readText: (source: string, path: string) => Promise<string | undefined>,
	stream: Stream,
	wanted: string,
): Promise<StreamDocument> {
	const name = findDocument(stream.documents, wanted) ?? wanted;
	const path = joinPath(stream.id, name);
	return { name, path, text: await readText(stream.source, path) };
}
