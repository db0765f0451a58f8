// Where YAML front matter is (DESIGN.md §2): a `---` line at the very top (after a BOM) through the next `---` or
// `...` line, each followed by spaces and tabs only. Found here only, by the scanner, the header reader, the
// health rules and the templates alike, so none of them takes a line for markdown that another takes for YAML.

import { Char, isSpace } from './blocks/characters';
import { LineEnds } from './lineEnds';

/**
 * The number of lines of YAML front matter at the top of `text` (the `---` line through the closing `---` or
 * `...` line), or 0 when there is none. Front matter is not markdown, so nothing in it is a task or heading.
 */
export function frontMatterLineCount(text: string): number {
	const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	if (!text.startsWith('---', start)) {
		return 0;
	}
	const lines = new LineEnds(text);
	let end = lines.endOf(start);
	if (!isDelimiterLine(text, start, end, Char.Dash)) {
		return 0;
	}
	let pos = lines.nextLineStart(end);
	for (let line = 1; pos < text.length; line++) {
		end = lines.endOf(pos);
		if (isDelimiterLine(text, pos, end, Char.Dash) || isDelimiterLine(text, pos, end, Char.Dot)) {
			return line + 1;
		}
		pos = lines.nextLineStart(end);
	}
	return 0;
}

function isDelimiterLine(text: string, start: number, end: number, marker: number): boolean {
	if (end - start < 3 || text.charCodeAt(start) !== marker || text.charCodeAt(start + 1) !== marker ||
		text.charCodeAt(start + 2) !== marker) {
		return false;
	}
	for (let i = start + 3; i < end; i++) {
		if (!isSpace(text.charCodeAt(i))) {
			return false;
		}
	}
	return true;
}
