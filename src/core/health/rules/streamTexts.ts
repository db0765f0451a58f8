// How the health rules find a stream's documents among the texts they were given, and place a finding on a
// whole line when there is no narrower thing to point at.

import type { HealthInput } from '../healthFindings';
import { findDocument } from '../../model/streamDocuments';
import { splitTextLines } from './proseLines';

export interface NamedText {
	/** The name as the folder spells it. */
	readonly name: string;
	readonly text: string;
}

/** The text of `wanted` (README.md, STATUS.md, …), matched without regard to case, when it was given. */
export function textOf(input: HealthInput, wanted: string): NamedText | undefined {
	const name = findDocument(Object.keys(input.texts), wanted);
	return name === undefined ? undefined : { name, text: input.texts[name] };
}

/** The columns of a line's text, leading and trailing blanks left out; [0, 0] for a blank or missing line. */
export function lineSpan(text: string | undefined, line: number): { startColumn: number; endColumn: number } {
	const content = text === undefined ? '' : splitTextLines(text)[line] ?? '';
	const trimmed = content.trimEnd();
	const start = trimmed.length - trimmed.trimStart().length;
	return { startColumn: start, endColumn: trimmed.length };
}

/** A range that a reader can see: an empty one (a field with no value) widens to its whole line. */
export function visibleSpan(text: string | undefined, line: number, startColumn: number, endColumn: number): { startColumn: number; endColumn: number } {
	return startColumn < endColumn ? { startColumn, endColumn } : lineSpan(text, line);
}
