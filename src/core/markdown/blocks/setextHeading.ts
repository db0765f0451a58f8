// Setext headings, as markdown-it's `lheading` rule reads their underline: a run of `=` (level 1) or `-`
// (level 2) followed only by spaces and tabs, under a paragraph.

import { Char, skipSpaces } from './characters';

/** The level the underline [first, lineEnd) gives the paragraph above it (1 or 2), or 0 when it is none. */
export function setextUnderlineLevel(source: string, first: number, lineEnd: number): number {
	const marker = source.charCodeAt(first);
	if (marker !== Char.Dash && marker !== Char.Equals) {
		return 0;
	}
	let position = first;
	while (position < lineEnd && source.charCodeAt(position) === marker) {
		position++;
	}
	if (skipSpaces(source, position, lineEnd) < lineEnd) {
		return 0;
	}
	return marker === Char.Equals ? 1 : 2;
}
