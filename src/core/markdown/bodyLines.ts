// The lines of a markdown body with the block that holds each (from the scanner's outline, so markdown-it's
// reading) and HTML comments blanked out: the one walk that the header reader (header/headerFields.ts), the
// health rules (health/rules/proseLines.ts) and Toggle Task share, so a fence, an HTML block or a comment ends
// at the same line for all of them and for the preview.
//
// A comment never spans two blocks, so any range of lines can be walked on its own from the start of the block
// it begins in: the header reader walks its first lines and its paragraphs, Toggle Task the selected lines, and
// neither pays for the rest of a long document.

import { MarkdownOutline, OutlineBlock } from './markdownOutline';

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

/**
 * The lines `from` (at least the line after the front matter) up to `to`, in order; `lines` are the document's
 * lines, `outline` its blocks. Without a range: every line of the body.
 */
export function bodyLines(outline: MarkdownOutline, lines: readonly string[], from = 0, to = lines.length): BodyLine[] {
	const first = Math.max(from, outline.frontMatterLines);
	const end = Math.min(to, lines.length);
	const blocks = outline.blocks;
	let index = firstBlockEndingAfter(blocks, first);
	// Comments are followed from the start of the block the range begins in.
	let line = index < blocks.length && blocks[index].line < first ? blocks[index].line : first;
	const result: BodyLine[] = [];
	let inComment = false;
	let previous: OutlineBlock | undefined;
	for (; line < end; line++) {
		while (index < blocks.length && blocks[index].endLine <= line) {
			index++;
		}
		const block = index < blocks.length && blocks[index].line <= line ? blocks[index] : undefined;
		const raw = lines[line];
		const code = block?.kind === 'fence' || block?.kind === 'code';
		// Inline HTML never spans two blocks: a comment left open ends with its paragraph (or HTML block).
		if (block !== previous) {
			inComment = false;
			previous = block;
		}
		if (code) {
			if (line >= first) {
				result.push({ line, raw, visible: raw, code, block });
			}
			continue;
		}
		let visible = '';
		let at = 0;
		while (at < raw.length) {
			if (inComment) {
				const close = raw.indexOf('-->', at);
				const stop = close < 0 ? raw.length : close + 3;
				visible += ' '.repeat(stop - at);
				at = stop;
				inComment = close < 0;
			} else {
				const open = raw.indexOf('<!--', at);
				if (open < 0) {
					visible += raw.slice(at);
					break;
				}
				visible += raw.slice(at, open) + '    ';
				at = open + 4;
				inComment = true;
			}
		}
		if (line >= first) {
			result.push({ line, raw, visible, code, block });
		}
	}
	return result;
}

/** The index of the first block (in line order, none overlapping) that ends after `line`: a binary search. */
function firstBlockEndingAfter(blocks: readonly OutlineBlock[], line: number): number {
	let low = 0;
	let high = blocks.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (blocks[middle].endLine <= line) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}
	return low;
}
