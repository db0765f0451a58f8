// Thematic breaks, as markdown-it's `hr` rule reads them: three or more of the same `*`, `-` or `_`, with
// only spaces and tabs between and after them.

import { isSpace } from './characters';

/** Whether the line [first, lineEnd), which starts with `marker` (`*`, `-` or `_`), is a thematic break. */
export function isThematicBreak(source: string, first: number, lineEnd: number, marker: number): boolean {
	let count = 1;
	for (let position = first + 1; position < lineEnd; position++) {
		const code = source.charCodeAt(position);
		if (code === marker) {
			count++;
		} else if (!isSpace(code)) {
			return false;
		}
	}
	return count >= 3;
}
