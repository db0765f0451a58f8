// Tables (GitHub's extension), as markdown-it's `table` rule reads them: a header row, then a delimiter row of
// as many `:?-+:?` cells, then body rows. Cells are counted as markdown-it's escapedSplit counts them.

import { Char, isSpace } from './characters';

/** The number of cells the delimiter row [first, lineEnd) declares, or 0 when the line is no delimiter row. */
export function delimiterRowColumns(source: string, first: number, lineEnd: number): number {
	let position = first;
	const firstCode = source.charCodeAt(position++);
	if (firstCode !== Char.Pipe && firstCode !== Char.Dash && firstCode !== Char.Colon) {
		return 0;
	}
	if (position >= lineEnd) {
		return 0;
	}
	const secondCode = source.charCodeAt(position++);
	if (secondCode !== Char.Pipe && secondCode !== Char.Dash && secondCode !== Char.Colon && !isSpace(secondCode)) {
		return 0;
	}
	if (firstCode === Char.Dash && isSpace(secondCode)) {
		return 0;
	}
	for (; position < lineEnd; position++) {
		const code = source.charCodeAt(position);
		if (code !== Char.Pipe && code !== Char.Dash && code !== Char.Colon && !isSpace(code)) {
			return 0;
		}
	}
	// Each cell is `:?-+:?`; an empty cell may only come first or last.
	let columns = 0;
	let cells = 0;
	let previousEmpty = false;
	let cellStart = first;
	for (let pipe = first; pipe <= lineEnd; pipe++) {
		if (pipe < lineEnd && source.charCodeAt(pipe) !== Char.Pipe) {
			continue;
		}
		if (previousEmpty) {
			return 0;
		}
		let start = cellStart;
		let end = pipe;
		while (start < end && isSpace(source.charCodeAt(start))) {
			start++;
		}
		while (end > start && isSpace(source.charCodeAt(end - 1))) {
			end--;
		}
		if (start >= end) {
			previousEmpty = cells > 0;
		} else {
			if (source.charCodeAt(start) === Char.Colon) {
				start++;
			}
			const dashes = start;
			while (start < end && source.charCodeAt(start) === Char.Dash) {
				start++;
			}
			if (start === dashes) {
				return 0;
			}
			if (start < end && source.charCodeAt(start) === Char.Colon) {
				start++;
			}
			if (start !== end) {
				return 0;
			}
			columns++;
		}
		cells++;
		cellStart = pipe + 1;
	}
	return columns;
}

/** The cells of a row [start, end) already trimmed of whitespace, empty outer cells dropped. */
export function cellCount(source: string, start: number, end: number): number {
	let pipes = 0;
	let escaped = false;
	for (let position = start; position < end; position++) {
		const code = source.charCodeAt(position);
		if (code === Char.Pipe && !escaped) {
			pipes++;
		}
		escaped = code === Char.Backslash;
	}
	if (pipes === 0) {
		return start < end ? 1 : 0;
	}
	let count = pipes + 1;
	if (source.charCodeAt(start) === Char.Pipe) {
		count--;
	}
	if (source.charCodeAt(end - 1) === Char.Pipe && !(end - 2 >= start && source.charCodeAt(end - 2) === Char.Backslash)) {
		count--;
	}
	return count;
}
