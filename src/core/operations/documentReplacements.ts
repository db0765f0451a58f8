// Applies an operation's replacements to a document's text, as a host without an editor (the CLI, the MCP
// server, tests) must: line endings and every character outside the ranges are kept.

import { DocumentReplacement } from './outcome';

/** `text` is the document without its BOM, as the operation read it. */
export function applyDocumentReplacements(text: string, replacements: readonly DocumentReplacement[]): string {
	const starts = [0];
	const breaks = /\r\n|\r|\n/g;
	let match: RegExpExecArray | null;
	while ((match = breaks.exec(text)) !== null) {
		starts.push(match.index + match[0].length);
	}
	const offset = (line: number, column: number) => {
		if (line >= starts.length) {
			return text.length;
		}
		const lineEnd = line + 1 < starts.length ? lineContentEnd(text, starts[line + 1]) : text.length;
		return Math.min(starts[line] + column, lineEnd);
	};
	const ranges = replacements
		.map(replacement => ({
			start: offset(replacement.line, replacement.startColumn),
			end: offset(replacement.endLine ?? replacement.line, replacement.endColumn),
			text: replacement.text,
		}))
		.sort((a, b) => b.start - a.start || b.end - a.end);
	let result = text;
	for (const range of ranges) {
		result = result.slice(0, range.start) + range.text + result.slice(range.end);
	}
	return result;
}

/** Where the line before `nextStart` ends, before its line break. */
function lineContentEnd(text: string, nextStart: number): number {
	if (text[nextStart - 1] === '\n' && text[nextStart - 2] === '\r') {
		return nextStart - 2;
	}
	return nextStart - 1;
}

/** The line break a document uses, for the lines an operation adds. */
export function lineBreakOf(text: string): string {
	return /\r\n/.test(text) ? '\r\n' : /\r/.test(text) && !/\n/.test(text) ? '\r' : '\n';
}
