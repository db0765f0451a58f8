// Fenced code blocks, as markdown-it's `fence` rule reads them: an opening of three or more backticks or
// tildes (no backtick after a backtick fence), closed by a line of at least as many of the same character.

import { Char, skipSpaces } from './characters';

/** The length of the opening fence that starts the line at `first` (`` ` `` or `~`), or 0 when there is none. */
export function fenceOpeningLength(source: string, first: number, lineEnd: number): number {
	if (first + 3 > lineEnd) {
		return 0;
	}
	const marker = source.charCodeAt(first);
	let position = first;
	while (position < lineEnd && source.charCodeAt(position) === marker) {
		position++;
	}
	const length = position - first;
	if (length < 3) {
		return 0;
	}
	if (marker === Char.Backtick) {
		for (; position < lineEnd; position++) {
			if (source.charCodeAt(position) === Char.Backtick) {
				return 0;
			}
		}
	}
	return length;
}

/**
 * Whether the line [first, lineEnd), which starts with the fence's `marker` and is indented less than 4
 * columns, closes a fence opened with `openingLength` markers.
 */
export function closesFence(source: string, first: number, lineEnd: number, marker: number, openingLength: number): boolean {
	let position = first;
	while (position < lineEnd && source.charCodeAt(position) === marker) {
		position++;
	}
	return position - first >= openingLength && skipSpaces(source, position, lineEnd) >= lineEnd;
}
