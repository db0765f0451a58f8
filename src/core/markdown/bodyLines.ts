// The lines of a markdown body with the block that holds each (from the scanner's outline, so markdown-it's
// reading) and HTML comments blanked out: the one walk that the header reader (header/headerFields.ts), the
// health rules (health/rules/proseLines.ts) and Toggle Task share, so a fence, an HTML block or a comment ends
// at the same line for all of them and for the preview.

import { blockOfLine, MarkdownOutline, OutlineBlock } from './markdownOutline';

export interface BodyLine {
	/** 0-based line. */
	readonly line: number;
	/** The line as written. */
	readonly raw: string;
	/**
	 * The line with HTML comments replaced by spaces (same length, so columns still hold). Lines of code are as
	 * written: a comment there is code.
	 */
	readonly visible: string;
	/** In a fenced or indented code block (the fence lines included). */
	readonly code: boolean;
	/** The leaf block that holds the line; undefined for blank lines, thematic breaks and link reference definitions. */
	readonly block: OutlineBlock | undefined;
}

/** Every line after the front matter, in order; `lines` are the document's lines, `outline` its blocks. */
export function bodyLines(outline: MarkdownOutline, lines: readonly string[]): BodyLine[] {
	const blocks = blockOfLine(outline);
	const result: BodyLine[] = [];
	let inComment = false;
	let previous: OutlineBlock | undefined;
	for (let line = outline.frontMatterLines; line < lines.length; line++) {
		const raw = lines[line];
		const block = blocks[line];
		const code = block?.kind === 'fence' || block?.kind === 'code';
		// Inline HTML never spans two blocks: a comment left open ends with its paragraph (or HTML block).
		if (block !== previous) {
			inComment = false;
			previous = block;
		}
		if (code) {
			result.push({ line, raw, visible: raw, code, block });
			continue;
		}
		let visible = '';
		let at = 0;
		while (at < raw.length) {
			if (inComment) {
				const end = raw.indexOf('-->', at);
				const stop = end < 0 ? raw.length : end + 3;
				visible += ' '.repeat(stop - at);
				at = stop;
				inComment = end < 0;
			} else {
				const start = raw.indexOf('<!--', at);
				if (start < 0) {
					visible += raw.slice(at);
					break;
				}
				visible += raw.slice(at, start) + '    ';
				at = start + 4;
				inComment = true;
			}
		}
		result.push({ line, raw, visible, code, block });
	}
	return result;
}
