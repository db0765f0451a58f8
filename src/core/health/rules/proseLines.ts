// The lines of a markdown document as the health rules read them: what a reader sees as prose, with fenced
// code, HTML comments and inline code spans blanked out (same length, so columns still hold), and the headings
// and sections the rules look for (Blockers in STATUS.md, Dependencies in README.md). Blocks, front matter and
// comments come from the walk the header reader uses (../../markdown/bodyLines.ts, over the scanner's outline);
// this adds the code spans.
//
// Deliberately small: the rules only need to know where code is, so `YYYY-MM-DD` in a code sample that
// documents a format, or a `{{token}}` in a template snippet, is not taken for a template leftover.

import { bodyLines } from '../../markdown/bodyLines';
import { collapseWhiteSpace, trimEndOf, withoutLinkSyntax } from '../../markdown/inlineText';
import { stripBom } from '../../markdown/frontMatter';
import { isHeading } from '../../markdown/markdownOutline';
import { outlineOf } from '../../markdown/planScanner';

export interface ProseLine {
	/** 0-based line. */
	readonly line: number;
	/** The line as written. */
	readonly raw: string;
	/** The line with comments and inline code spans replaced by spaces; empty for code lines. */
	readonly text: string;
	/** The line with comments replaced by spaces: what a reader sees, code spans included. */
	readonly visible: string;
	/** In a fenced or indented code block (the fence lines included). */
	readonly code: boolean;
	/** Inside the YAML front matter, or one of its `---` fences. */
	readonly frontMatter: boolean;
	/** On the first line of a top-level heading (ATX or setext): its level, words and the line after it. */
	readonly heading?: { readonly level: number; readonly text: string; readonly endLine: number };
}

export interface Heading {
	readonly line: number;
	readonly level: number;
	/** The heading's text without `#` marks, emphasis, leading emoji or a trailing colon. */
	readonly text: string;
}

export interface Section {
	readonly heading: Heading;
	/** Lines after the heading up to (not including) the next heading of the same or a higher level. */
	readonly lines: readonly ProseLine[];
}

/** Splits text into lines as VS Code does (`\r\n`, `\r`, `\n`); a BOM is not part of the first line. */
export function splitTextLines(text: string): string[] {
	return stripBom(text).split(/\r\n|\r|\n/);
}

/** Blanks `` `code` `` spans: a run of backticks closed by a run of the same length on the same line. */
function blankCodeSpans(text: string): string {
	let result = '';
	let at = 0;
	while (at < text.length) {
		const open = text.indexOf('`', at);
		if (open < 0) {
			break;
		}
		let run = open;
		while (text[run] === '`') {
			run++;
		}
		const ticks = text.slice(open, run);
		let close = text.indexOf(ticks, run);
		while (close >= 0 && text[close + ticks.length] === '`') {
			close = text.indexOf(ticks, close + ticks.length + 1);
		}
		if (close < 0) {
			result += text.slice(at, run);
			at = run;
			continue;
		}
		result += text.slice(at, open) + ' '.repeat(close + ticks.length - open);
		at = close + ticks.length;
	}
	return result + text.slice(at);
}

export function proseLines(text: string): ProseLine[] {
	const lines = splitTextLines(text);
	const outline = outlineOf(text);
	const result: ProseLine[] = lines
		.slice(0, outline.frontMatterLines)
		.map((raw, line) => ({ line, raw, text: raw, visible: raw, code: false, frontMatter: true }));
	for (const { line, raw, visible, code, block } of bodyLines(outline, lines)) {
		if (code) {
			result.push({ line, raw, text: '', visible: raw, code: true, frontMatter: false });
		} else if (block && isHeading(block) && !block.nested && block.line === line) {
			const heading = { level: block.level, text: headingWords(block.text), endLine: block.endLine };
			result.push({ line, raw, text: blankCodeSpans(visible), visible, code: false, frontMatter: false, heading });
		} else {
			result.push({ line, raw, text: blankCodeSpans(visible), visible, code: false, frontMatter: false });
		}
	}
	return result;
}

/** Markdown emphasis, code marks and link syntax reduced to the words a reader sees. */
export function plainWords(text: string): string {
	return collapseWhiteSpace(withoutLinkSyntax(text).replace(/[*_`~]+/g, ''));
}

/** A heading's words without leading symbols (emoji, numbering marks) or a trailing colon. */
function headingWords(text: string): string {
	return trimEndOf(plainWords(text).replace(/^[^\p{L}\p{N}]+/u, ''), ': ');
}

export function headingOf(line: ProseLine): Heading | undefined {
	return line.heading ? { line: line.line, level: line.heading.level, text: line.heading.text } : undefined;
}

/** Every section whose heading's words match `title`, with the lines it spans. */
export function sections(lines: readonly ProseLine[], title: RegExp): Section[] {
	const found: Section[] = [];
	for (let index = 0; index < lines.length; index++) {
		const heading = headingOf(lines[index]);
		if (!heading || !title.test(heading.text)) {
			continue;
		}
		// A setext heading's text and underline lines belong to the heading, not to its section.
		const after = index + (lines[index].heading!.endLine - heading.line);
		let end = after;
		while (end < lines.length) {
			const next = headingOf(lines[end]);
			if (next && next.level <= heading.level) {
				break;
			}
			end++;
		}
		found.push({ heading, lines: lines.slice(after, end) });
	}
	return found;
}

/** A list item's marker and where its content starts, or undefined when the line is not a list item. */
export function listItem(text: string): { indent: number; contentStart: number } | undefined {
	const match = /^([ \t]*)(?:>[ \t]?)*([-*+]|\d{1,9}[.)])([ \t]{1,4}|$)/.exec(text);
	if (!match) {
		return undefined;
	}
	return { indent: match[1].replace(/\t/g, '    ').length, contentStart: match[0].length };
}
