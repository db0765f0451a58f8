// The lines of a markdown document as the health rules read them: what a reader sees as prose, with fenced
// code, HTML comments and inline code spans blanked out (same length, so columns still hold), and the headings
// and sections the rules look for (Blockers in STATUS.md, Dependencies in README.md). Fences and comments are
// found by the walk the header reader uses (../bodyLines.ts); this adds the front matter and code spans.
//
// Deliberately small: the rules only need to know where code is, so `YYYY-MM-DD` in a code sample that
// documents a format, or a `{{token}}` in a template snippet, is not taken for a template leftover.

import { atxHeading } from '../../markdown/atxHeading';
import { bodyLines } from '../../markdown/bodyLines';
import { collapseWhiteSpace, trimEndOf, withoutLinkSyntax } from '../../markdown/inlineText';
import { frontMatterClosingLine, stripBom } from '../../markdown/frontMatter';

export interface ProseLine {
	/** 0-based line. */
	readonly line: number;
	/** The line as written. */
	readonly raw: string;
	/** The line with comments and inline code spans replaced by spaces; empty for code lines. */
	readonly text: string;
	/** The line with comments replaced by spaces: what a reader sees, code spans included. */
	readonly visible: string;
	/** Inside a fenced code block, or a fence line itself. */
	readonly code: boolean;
	/** Inside the YAML front matter, or one of its `---` fences. */
	readonly frontMatter: boolean;
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
	const frontMatterEnd = frontMatterClosingLine(lines) ?? -1;
	const result: ProseLine[] = lines
		.slice(0, frontMatterEnd + 1)
		.map((raw, line) => ({ line, raw, text: raw, visible: raw, code: false, frontMatter: true }));
	for (const { line, raw, visible, code } of bodyLines(lines, frontMatterEnd + 1)) {
		result.push(code
			? { line, raw, text: '', visible: raw, code: true, frontMatter: false }
			: { line, raw, text: blankCodeSpans(visible), visible, code: false, frontMatter: false });
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
	if (line.code || line.frontMatter) {
		return undefined;
	}
	const heading = atxHeading(line.text);
	return heading ? { line: line.line, level: heading.level, text: headingWords(heading.text) } : undefined;
}

/** Every section whose heading's words match `title`, with the lines it spans. */
export function sections(lines: readonly ProseLine[], title: RegExp): Section[] {
	const found: Section[] = [];
	for (let index = 0; index < lines.length; index++) {
		const heading = headingOf(lines[index]);
		if (!heading || !title.test(heading.text)) {
			continue;
		}
		let end = index + 1;
		while (end < lines.length) {
			const next = headingOf(lines[end]);
			if (next && next.level <= heading.level) {
				break;
			}
			end++;
		}
		found.push({ heading, lines: lines.slice(index + 1, end) });
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
