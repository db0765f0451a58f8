// Reads what a stream document says about its stream in its header (DESIGN.md §2): front matter,
// inline `Key: value` fields near the top, the title heading and the overview paragraph; and
// resolves README.md and STATUS.md together into the stream's header values.
//
// Positions are 0-based lines and UTF-16 columns within a line, never counting `\r` or a leading
// BOM: the coordinates of VS Code's TextDocument, so a command can replace a value in place.

import { BodyLine, bodyLines } from '../markdown/bodyLines';
import { LineMap, parseFrontMatter, stripBom } from '../markdown/frontMatter';
import { toPlainText, trimEndOf } from '../markdown/inlineText';
import { isHeading, MarkdownOutline } from '../markdown/markdownOutline';
import { outlineOf } from '../markdown/planScanner';
import { HeaderField, HeaderKey, ReadProblem, Stream } from '../model/stream';
import { parsePriority, parseStatus } from './statusVocabulary';

export interface DocumentHeader {
	/** Document name inside the stream folder, e.g. `README.md`. */
	readonly document: string;
	/** Front-matter fields first, then inline fields, each in document order. */
	readonly fields: readonly HeaderField[];
	readonly frontMatterTitle?: string;
	/** The first level-1 ATX heading outside code; `text` is as written, without the `#` marks. */
	readonly firstHeading?: { readonly text: string; readonly line: number };
	/** First paragraph of the Overview section, else of the text after the first heading, as plain text. */
	readonly overview?: string;
	/** 0-based line where the markdown body starts: 0, or the line after the front matter. */
	readonly bodyStartLine: number;
	readonly problems: readonly ReadProblem[];
}

/** Inline fields are looked for only this far into the body, so prose further down is never a field. */
export const INLINE_FIELD_LINES = 40;
const OVERVIEW_MAX_LENGTH = 400;

// ---- Inline fields -------------------------------------------------------------------------------

const INLINE_KEYS: Readonly<Record<string, HeaderKey>> = {
	status: 'status',
	priority: 'priority',
	owner: 'owner',
	created: 'created',
};

// `Status:`, `**Status:**`, `**Status**:`, `__Status:__`, `*Status*:` … at one position.
const KEY_AT = /(\*\*|__|\*|_)?(status|priority|owner|created|last[ \t]*[-_]?[ \t]*updated)(?:(\*\*|__|\*|_)[ \t]*:|[ \t]*:(\*\*|__|\*|_)?)/iy;

interface KeyMatch {
	readonly key: HeaderKey;
	readonly valueStart: number;
	/** Emphasis opened before the key and closed only after the value: `**Status: Ready**`. */
	readonly unclosedEmphasis: string | undefined;
}

function keyAt(text: string, at: number): KeyMatch | undefined {
	KEY_AT.lastIndex = at;
	const match = KEY_AT.exec(text);
	if (!match) {
		return undefined;
	}
	const [whole, open, word, closeBeforeColon, closeAfterColon] = match;
	const key = INLINE_KEYS[word.toLowerCase()] ?? 'last-updated';
	let end = at + whole.length;
	let unclosedEmphasis: string | undefined;
	if (open) {
		const close = closeBeforeColon ?? closeAfterColon;
		if (close === undefined) {
			unclosedEmphasis = open;
		} else if (close !== open) {
			return undefined;
		}
	} else if (closeBeforeColon) {
		return undefined;
	} else if (closeAfterColon) {
		// `Status:**Ready**`: the emphasis belongs to the value.
		end -= closeAfterColon.length;
	}
	while (end < text.length && (text[end] === ' ' || text[end] === '\t')) {
		end++;
	}
	return { key, valueStart: end, unclosedEmphasis };
}

/** Where a field line's content starts: after indentation, block quote marks and a list bullet. */
const LINE_PREFIX = /^[ \t]{0,3}(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/;

const WRAPPING_EMPHASIS = ['**', '__', '~~', '*', '_'];

/** One inline field on a line: the UTF-16 columns of its value, emphasis and separators excluded. */
export interface InlineFieldRange {
	readonly key: HeaderKey;
	readonly start: number;
	readonly end: number;
}

function trimRange(text: string, start: number, end: number): [number, number] {
	while (start < end && /\s/.test(text[start])) {
		start++;
	}
	while (end > start && /\s/.test(text[end - 1])) {
		end--;
	}
	return [start, end];
}

/** Strips `**…**`, `_…_` and the like when they wrap the whole value, keeping the range exact. */
function stripWrappingEmphasis(text: string, start: number, end: number): [number, number] {
	for (let changed = true; changed;) {
		changed = false;
		for (const marker of WRAPPING_EMPHASIS) {
			const inner = text.slice(start + marker.length, end - marker.length);
			if (end - start > 2 * marker.length && text.startsWith(marker, start) && text.endsWith(marker, end) && !inner.includes(marker)) {
				[start, end] = trimRange(text, start + marker.length, end - marker.length);
				changed = true;
				break;
			}
		}
	}
	return [start, end];
}

/** The header fields on one line, or none when the line does not start with a key. */
export function scanFieldLine(text: string): InlineFieldRange[] {
	const content = LINE_PREFIX.exec(text)?.[0].length ?? 0;
	let current = keyAt(text, content);
	const ranges: InlineFieldRange[] = [];
	while (current) {
		let end = text.length;
		let next: KeyMatch | undefined;
		for (let at = current.valueStart; at < text.length; at++) {
			const before = text[at - 1];
			if ((before === '|' || /\s/.test(before)) && (next = keyAt(text, at))) {
				end = at;
				break;
			}
		}
		let start = current.valueStart;
		// A value runs to the next key; separators and hard-break marks before it are not part of it.
		for (let trimmed = true; trimmed;) {
			[start, end] = trimRange(text, start, end);
			trimmed = end > start && (text[end - 1] === '|' || (text[end - 1] === '\\' && end === text.trimEnd().length));
			if (trimmed) {
				end--;
			}
		}
		const unclosed = current.unclosedEmphasis;
		if (unclosed && text.endsWith(unclosed, end) && end - unclosed.length >= start) {
			[start, end] = trimRange(text, start, end - unclosed.length);
		}
		[start, end] = stripWrappingEmphasis(text, start, end);
		ranges.push({ key: current.key, start, end });
		current = next;
	}
	return ranges;
}

function isFieldLine(text: string): boolean {
	return scanFieldLine(text).length > 0;
}

/** Lines whose block may hold a field: prose in paragraphs (list items and quotes included) and tables. */
function mayHoldFields(line: BodyLine): boolean {
	const kind = line.block?.kind;
	return kind === 'paragraph' || kind === 'table';
}

/** The fields of the first INLINE_FIELD_LINES lines of the body. */
function inlineFields(document: string, outline: MarkdownOutline, lines: readonly string[], bodyStart: number): HeaderField[] {
	const fields: HeaderField[] = [];
	for (const body of bodyLines(outline, lines, bodyStart, bodyStart + INLINE_FIELD_LINES)) {
		const { line, visible: text } = body;
		if (!mayHoldFields(body)) {
			continue;
		}
		for (const range of scanFieldLine(text)) {
			const raw = text.slice(range.start, range.end);
			fields.push({
				key: range.key,
				value: raw,
				location: { document, source: 'inline', line, startColumn: range.start, endColumn: range.end, raw },
			});
		}
	}
	return fields;
}

// ---- Headings and paragraphs ---------------------------------------------------------------------

type Block =
	| { readonly kind: 'heading'; readonly level: number; readonly text: string; readonly line: number; readonly atx: boolean }
	| { readonly kind: 'paragraph'; readonly line: number; readonly visibleLines: () => readonly string[] };

/**
 * The top-level headings and paragraphs, as the outline has them (code, HTML, tables, lists and quotes are not
 * where a title or an overview stands). A paragraph's lines are read, comments blanked out, only when an
 * overview is looked for in it: a long document has many paragraphs, and one or two are read.
 */
function blocks(outline: MarkdownOutline, lines: readonly string[]): Block[] {
	const result: Block[] = [];
	for (const block of outline.blocks) {
		if (block.nested) {
			continue;
		}
		if (isHeading(block)) {
			result.push({ kind: 'heading', level: block.level, text: block.text, line: block.line, atx: !block.setext });
		} else if (block.kind === 'paragraph') {
			const visibleLines = () => bodyLines(outline, lines, block.line, block.endLine).map(line => line.visible);
			result.push({ kind: 'paragraph', line: block.line, visibleLines });
		}
	}
	return result;
}

const PLACEHOLDER = /^(?:\[[^[\]]*\]|<[^<>]*>|tbd|tba|todo|n\/?a|none|-+|—|\.{3}|…)\.?$/i;

/** Template placeholders such as "[Owner]" or "[1-2 paragraph description…]" stand for "not filled in yet". */
export function isPlaceholder(value: string): boolean {
	const text = value.trim();
	return text === '' || PLACEHOLDER.test(text);
}

function truncate(text: string): string {
	if (text.length <= OVERVIEW_MAX_LENGTH) {
		return text;
	}
	const cut = text.lastIndexOf(' ', OVERVIEW_MAX_LENGTH - 1);
	const end = cut >= OVERVIEW_MAX_LENGTH * 0.75 ? cut : OVERVIEW_MAX_LENGTH - 1;
	return text.slice(0, end).replace(/[\s,;:]+$/, '') + '…';
}

/** What a paragraph offers as an overview: its text, nothing (skip it), or a reason to stop looking. */
function overviewCandidate(paragraph: { visibleLines(): readonly string[] }): string | 'skip' | 'stop' {
	const lines = paragraph.visibleLines();
	if (isFieldLine(lines[0])) {
		return 'skip';
	}
	const text = toPlainText(lines.join('\n'));
	if (isPlaceholder(text)) {
		return 'skip';
	}
	// A lone label such as "**Example:**" introduces sample text that the author has not replaced.
	if (text.endsWith(':') && text.length <= 60 && !/[.!?]\s/.test(text)) {
		return /^(?:examples?|for example|e\.g\.?)\s*:$/i.test(text) ? 'stop' : 'skip';
	}
	return truncate(text);
}

function firstOverview(candidates: readonly Block[]): string | undefined {
	for (const block of candidates) {
		if (block.kind !== 'paragraph') {
			continue;
		}
		const candidate = overviewCandidate(block);
		if (candidate === 'stop') {
			return undefined;
		}
		if (candidate !== 'skip') {
			return candidate;
		}
	}
	return undefined;
}

function isOverviewHeading(text: string): boolean {
	return trimEndOf(toPlainText(text).replace(/^[^\p{L}]+/u, ''), ': \t').toLowerCase() === 'overview';
}

function findOverview(all: readonly Block[], titleIndex: number): string | undefined {
	const overviewIndex = all.findIndex(block => block.kind === 'heading' && isOverviewHeading(block.text));
	const heading = all[overviewIndex];
	if (heading?.kind === 'heading') {
		const end = all.findIndex((block, index) => index > overviewIndex && block.kind === 'heading' && block.level <= heading.level);
		const found = firstOverview(all.slice(overviewIndex + 1, end < 0 ? all.length : end));
		if (found) {
			return found;
		}
	}
	// No usable Overview section: the introduction between the title and the next heading.
	const from = titleIndex + 1;
	const next = all.findIndex((block, index) => index >= from && block.kind === 'heading');
	return firstOverview(all.slice(from, next < 0 ? all.length : next));
}

// ---- One document --------------------------------------------------------------------------------

export interface HeaderReadOptions {
	/**
	 * Look for the overview (true by default). A stream's overview comes from its first header document only,
	 * and making one means turning a paragraph's markup into plain text: the model skips it for the others.
	 */
	readonly overview?: boolean;
}

/** Everything the header of one stream document says. Never throws; problems are returned. */
export function readDocumentHeader(document: string, text: string, options: HeaderReadOptions = {}): DocumentHeader {
	const map = new LineMap(stripBom(text));
	const frontMatter = parseFrontMatter(map.text);
	const bodyStartLine = frontMatter?.bodyStartLine ?? 0;
	const problems: ReadProblem[] = [];
	const fields: HeaderField[] = [];
	if (frontMatter?.problem) {
		const { message, line, column } = frontMatter.problem;
		problems.push({ document, code: 'malformed-front-matter', message, line, column });
	}
	for (const field of frontMatter?.fields ?? []) {
		// A value written over several lines cannot be replaced as one line's columns; it is left out of the editable fields.
		if (field.endLine !== field.line) {
			continue;
		}
		fields.push({
			key: field.key,
			value: field.value,
			location: { document, source: 'front-matter', line: field.line, startColumn: field.startColumn, endColumn: field.endColumn, raw: field.raw },
		});
	}

	const outline = outlineOf(map.text);
	fields.push(...inlineFields(document, outline, map.lines, bodyStartLine));

	const all = blocks(outline, map.lines);
	const titleIndex = all.findIndex(block => block.kind === 'heading' && block.atx && block.level === 1);
	const title = titleIndex >= 0 ? all[titleIndex] : undefined;
	const frontMatterTitle = frontMatter?.title;
	const overview = options.overview === false ? undefined : findOverview(all, titleIndex);
	return {
		document,
		fields,
		...(frontMatterTitle && !isPlaceholder(frontMatterTitle) ? { frontMatterTitle } : {}),
		...(title?.kind === 'heading' ? { firstHeading: { text: title.text, line: title.line } } : {}),
		...(overview ? { overview } : {}),
		bodyStartLine,
		problems,
	};
}

// ---- README.md and STATUS.md together -------------------------------------------------------------

/** The stream's values that README.md and STATUS.md decide together, as the stream carries them. */
export interface ResolvedHeader extends Pick<Stream, 'title' | 'status' | 'priority' | 'owner' | 'created' | 'lastUpdated' | 'fields' | 'overview'> {
	/** The stream's `fieldSources`. */
	readonly sources: Stream['fieldSources'];
	/** What went wrong reading these two documents' headers. */
	readonly problems: readonly ReadProblem[];
}

function isRealDate(year: string, month: string, day: string): boolean {
	const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

function createdDate(value: string): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	return match && isRealDate(match[1], match[2], match[3]) ? value : undefined;
}

function leadingDate(value: string): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(value);
	return match && isRealDate(match[1], match[2], match[3]) ? match[0] : undefined;
}

function ownerName(value: string): string | undefined {
	return isPlaceholder(value) ? undefined : value.trim();
}

function titleFromHeading(heading: string): string | undefined {
	const text = toPlainText(heading);
	const withoutSuffix = / Stream$/.test(text) && text.length > ' Stream'.length ? text.slice(0, -' Stream'.length).trim() : text;
	return isPlaceholder(withoutSuffix) ? undefined : withoutSuffix;
}

/**
 * The stream's header per DESIGN.md §2. A value that is unset (empty, a placeholder, an unfilled
 * template's alternatives, an unknown word, a malformed date) does not count as defining the field,
 * so the next source in precedence order gets its say: STATUS.md fills in what README.md lacks.
 */
export function resolveHeader(readme: DocumentHeader | undefined, status: DocumentHeader | undefined, folderName: string): ResolvedHeader {
	const fields = [...(readme?.fields ?? []), ...(status?.fields ?? [])];
	const sources: Partial<Record<HeaderKey, HeaderField>> = {};
	function first<T>(key: HeaderKey, read: (value: string) => T | undefined): T | undefined {
		for (const field of fields) {
			const value = field.key === key ? read(field.value) : undefined;
			if (value !== undefined) {
				sources[key] = field;
				return value;
			}
		}
		return undefined;
	}
	const title = readme?.frontMatterTitle ?? status?.frontMatterTitle;
	if (title !== undefined) {
		const field = fields.find(candidate => candidate.key === 'title' && candidate.value === title);
		if (field) {
			sources.title = field;
		}
	}
	return {
		title: title ?? (readme?.firstHeading && titleFromHeading(readme.firstHeading.text)) ?? folderName,
		status: first('status', parseStatus),
		priority: first('priority', parsePriority),
		owner: first('owner', ownerName),
		created: first('created', createdDate),
		lastUpdated: first('last-updated', leadingDate),
		fields,
		sources,
		overview: readme?.overview,
		problems: [...(readme?.problems ?? []), ...(status?.problems ?? [])],
	};
}
