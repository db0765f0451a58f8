// ATX headings, as markdown-it's `heading` rule reads them: 1–6 `#` followed by a space, a tab or the end of
// the line; the text goes without the optional closing sequence of `#`.

import { asciiTrim, Char, isSpace } from './characters';

/** The level (1–6) of the ATX heading that starts at `first` with a `#`, or 0 when it is none. */
export function atxHeadingLevel(source: string, first: number, lineEnd: number): number {
	let position = first + 1;
	let level = 1;
	while (position < lineEnd && source.charCodeAt(position) === Char.Hash && level <= 6) {
		level++;
		position++;
	}
	if (level > 6 || (position < lineEnd && !isSpace(source.charCodeAt(position)))) {
		return 0;
	}
	return level;
}

/** The heading's text from `from` (after its `#`s), without a closing sequence, trimmed as markdown-it trims it. */
export function atxHeadingText(source: string, from: number, lineEnd: number): string {
	let end = lineEnd;
	while (end > from && isSpace(source.charCodeAt(end - 1))) {
		end--;
	}
	let closing = end;
	while (closing > from && source.charCodeAt(closing - 1) === Char.Hash) {
		closing--;
	}
	if (closing > from && isSpace(source.charCodeAt(closing - 1))) {
		end = closing;
	}
	return asciiTrim(source, from, end);
}
