// Fills a stream template for a new stream, so the documents need no clean-up afterwards: the seed-style
// placeholders (`[Feature Name]`, `YYYY-MM-DD`, a Status or Priority field that still lists its alternatives,
// the Owner field) and explicit `{{name}}`-style tokens for teams that write their own templates.
//
// The header fields are found by the same parser that reads them back (headerFields.ts), so what is filled is
// exactly what the model will read. Line endings, a BOM and the formatting around each value (bold keys,
// emoji, other fields on the same line) are kept. Values written into YAML front matter are quoted when they
// would otherwise change the YAML's meaning.

import { stripBom } from '../markdown/frontMatter';
import { frontMatterLineCount } from '../markdown/frontMatterFences';
import { isPlaceholder, readDocumentHeader } from '../header/headerFields';
import { HeaderField, PriorityId, StatusId } from '../model/stream';
import { formatPriority, formatStatus, listsAlternatives, parsePriority, parseStatus } from '../header/statusVocabulary';

export interface TemplateValues {
	/** The stream's name as the user typed it. */
	readonly name: string;
	/** Its folder name. */
	readonly slug: string;
	/** `YYYY-MM-DD`, the user's local date. */
	readonly date: string;
	readonly owner: string;
	readonly priority: PriorityId;
	/** A new stream is ready unless said otherwise. */
	readonly status?: StatusId;
}

/** The explicit tokens a team's own templates may use. */
export const TEMPLATE_TOKENS = ['name', 'slug', 'date', 'owner', 'priority', 'status'] as const;
export type TemplateToken = typeof TEMPLATE_TOKENS[number];

/** `[Feature Name]`, `YYYY-MM-DD` and `{{token}}` (spaces inside the braces and any letter case allowed). */
const PLACEHOLDERS = /\[Feature Name\]|YYYY-MM-DD|\{\{[ \t]*(name|slug|date|owner|priority|status)[ \t]*\}\}/gi;

/** `YYYY-MM-DD` of a moment in the local time zone (not UTC: a stream created at 23:30 is created today). */
export function formatLocalDate(moment: Date): string {
	const pad = (value: number, width: number) => String(value).padStart(width, '0');
	return `${pad(moment.getFullYear(), 4)}-${pad(moment.getMonth() + 1, 2)}-${pad(moment.getDate(), 2)}`;
}

/** Today as `YYYY-MM-DD` in the local time zone: the date every edit stamps. */
export function localToday(): string {
	return formatLocalDate(new Date());
}

/** The text each placeholder stands for. */
function placeholderValue(match: string, token: string | undefined, values: TemplateValues): string {
	switch (token?.toLowerCase() as TemplateToken | undefined) {
		case 'name': return values.name;
		case 'slug': return values.slug;
		case 'date': return values.date;
		case 'owner': return values.owner;
		case 'priority': return formatPriority(values.priority);
		case 'status': return formatStatus(values.status ?? 'ready');
		case undefined: return match === 'YYYY-MM-DD' ? values.date : values.name;
	}
}

/** Replaces every placeholder in a piece of text, with `encode` applied to each value written. */
function substitute(text: string, values: TemplateValues, encode: (value: string) => string = value => value): string {
	return text.replace(PLACEHOLDERS, (match, token: string | undefined) => encode(placeholderValue(match, token, values)));
}

const ANY_PLACEHOLDER = new RegExp(PLACEHOLDERS.source, 'i');

/** True when a text still holds a placeholder that `fillTemplate` would fill. */
export function hasPlaceholders(text: string): boolean {
	return ANY_PLACEHOLDER.test(text);
}

/** A replacement inside a field's value: UTF-16 offsets into the value as written. */
interface ValueEdit {
	readonly from: number;
	readonly to: number;
	readonly text: string;
}

const LEADING_PRIORITY = /^(\W*)(high|medium|low|p[0-2])(?![\p{L}\p{N}])/iu;
const LEADING_DATE = /^\d{4}-\d{2}-\d{2}(?!\d)/;

/**
 * What to change in a header field once the tokens are filled, or undefined to leave it. A value that already
 * says what was chosen is left whole, so text after it on the line ("Low · Folder: x") survives.
 */
function fieldEdit(field: HeaderField, values: TemplateValues): ValueEdit | undefined {
	const written = field.value;
	const whole = (text: string): ValueEdit => ({ from: 0, to: written.length, text });
	switch (field.key) {
		case 'status':
			// A definite status ("Planned") is the team's word for how new streams start; keep it.
			if (!listsAlternatives(written) && parseStatus(written) !== undefined) {
				return undefined;
			}
			return whole(formatStatus(values.status ?? 'ready', listsAlternatives(written) ? written : undefined));
		case 'priority': {
			if (listsAlternatives(written)) {
				return whole(formatPriority(values.priority, written));
			}
			const current = parsePriority(written);
			const leading = LEADING_PRIORITY.exec(written);
			if (current === undefined || !leading) {
				return whole(formatPriority(values.priority));
			}
			if (current === values.priority) {
				return undefined;
			}
			const from = leading[1].length;
			return { from, to: from + leading[2].length, text: formatPriority(values.priority, leading[2]) };
		}
		case 'owner':
			return written === values.owner || written.startsWith(values.owner + ' ') ? undefined : whole(values.owner);
		case 'created':
			return LEADING_DATE.exec(written)?.[0] === values.date ? undefined : whole(values.date);
		case 'last-updated':
			return isPlaceholder(written) ? whole(values.date) : undefined;
		default:
			return undefined;
	}
}

interface Edit {
	readonly start: number;
	readonly end: number;
	readonly text: string;
}

/**
 * Fills a template. `document` is its file name (README.md, STATUS.md, …), used only to read its header.
 * Text without placeholders or fields comes back unchanged.
 */
export function fillTemplate(text: string, values: TemplateValues, document = 'README.md'): string {
	const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
	// Placeholders first: `owner: {{owner}}` is not even valid YAML until it is filled, and the header can only
	// be read from valid front matter. Then the header fields, read as the model will read them.
	const substituted = substituteAll(stripBom(text), values);
	return bom + fillHeaderFields(substituted, values, document);
}

/** Odd entries are the line breaks, so a document keeps its own (CRLF stays CRLF). */
function splitLines(text: string): { lines: string[]; join: (lines: readonly string[]) => string } {
	const parts = text.split(/(\r\n|\r|\n)/);
	return {
		lines: parts.filter((_, index) => index % 2 === 0),
		join: lines => parts.map((part, index) => index % 2 === 0 ? lines[index / 2] : part).join(''),
	};
}

function substituteAll(text: string, values: TemplateValues): string {
	const { lines, join } = splitLines(text);
	// Only the fences decide where the YAML is; whether it parses does not matter here.
	const closing = frontMatterLineCount(text) - 1;
	let blockScalarIndent: number | undefined;
	return join(lines.map((line, index) => {
		if (index === 0 || index >= closing) {
			return substitute(line, values);
		}
		// Inside a `key: |` block scalar, text is taken literally: no quoting needed.
		const indent = /^[ \t]*/.exec(line)![0].length;
		if (blockScalarIndent !== undefined && (line.trim() === '' || indent > blockScalarIndent)) {
			return substitute(line, values);
		}
		blockScalarIndent = /:[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(line) ? indent : undefined;
		return fillYamlLine(line, values);
	}));
}

function fillHeaderFields(text: string, values: TemplateValues, document: string): string {
	const edits = new Map<number, Edit[]>();
	const { lines, join } = splitLines(text);
	for (const field of readDocumentHeader(document, text).fields) {
		const change = fieldEdit(field, values);
		if (change === undefined) {
			continue;
		}
		const { line, startColumn, endColumn, source, raw } = field.location;
		const partial = change.from > 0 || change.to < field.value.length;
		let edit: Edit;
		if (partial && raw === field.value) {
			// Only the priority word changes; the rest of the value stays as written.
			edit = { start: startColumn + change.from, end: startColumn + change.to, text: change.text };
		} else {
			const value = partial ? field.value.slice(0, change.from) + change.text + field.value.slice(change.to) : change.text;
			const before = lines[line][startColumn - 1];
			const written = source === 'front-matter'
				? yamlValueAt(lines[line], startColumn, value)
				// `Status:` with nothing after it: keep a space between the key and the value.
				: (before !== undefined && !/\s/.test(before) ? ' ' : '') + value;
			edit = { start: startColumn, end: endColumn, text: written };
		}
		const onLine = edits.get(line) ?? [];
		onLine.push(edit);
		edits.set(line, onLine);
	}
	return join(lines.map((line, index) => {
		const lineEdits = edits.get(index);
		return lineEdits ? applyEdits(line, lineEdits) : line;
	}));
}

function applyEdits(line: string, edits: readonly Edit[]): string {
	let result = '';
	let at = 0;
	for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
		result += line.slice(at, edit.start) + edit.text;
		at = edit.end;
	}
	return result + line.slice(at);
}

// ---- YAML front matter ----------------------------------------------------------------------------

/** Whether a text can stand as a plain (unquoted) YAML scalar and still read back as itself. */
function isPlainYamlSafe(value: string, inFlow: boolean): boolean {
	if (value === '' || value !== value.trim()) {
		return false;
	}
	if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/^[-?:][^\s,[\]{}]/.test(value)) {
		return false;
	}
	if (/: |:$| #/.test(value) || (inFlow && /[,[\]{}]/.test(value))) {
		return false;
	}
	// Words YAML would read as booleans, nulls or numbers.
	return !/^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\.?\d[\d._]*(?:e[-+]?\d+)?|\.inf|\.nan)|0x[0-9a-f]+|0o[0-7]+)$/i.test(value);
}

/** A YAML double-quoted scalar; JSON's escapes are all valid YAML escapes. */
function doubleQuoted(value: string): string {
	return JSON.stringify(value);
}

/** The text to write at a front-matter value's position, given the quote (if any) that opens it. */
function yamlValueAt(line: string, startColumn: number, value: string): string {
	const before = line[startColumn - 1];
	if (before === '"') {
		return doubleQuoted(value).slice(1, -1);
	}
	if (before === '\'') {
		return value.replace(/'/g, '\'\'');
	}
	const text = isPlainYamlSafe(value, false) ? value : doubleQuoted(value);
	// `owner:` with nothing after the colon needs a space before the value, or it becomes part of the key.
	return before === ':' ? ' ' + text : text;
}

const YAML_KEY_LINE = /^([ \t]*(?:-[ \t]+)?(?:[^\s#'"[\]{},:][^#:]*?)?[ \t]*:[ \t]+|[ \t]*-[ \t]+)(.*)$/;

/**
 * Fills one line of YAML that is not a header field. A plain value is re-quoted when what was filled in
 * would change its meaning; inside quotes the filled text is escaped; in flow collections (`[a, b]`) each
 * filled value is quoted when it holds flow punctuation.
 */
function fillYamlLine(line: string, values: TemplateValues): string {
	if (!hasPlaceholders(line)) {
		return line;
	}
	const match = YAML_KEY_LINE.exec(line);
	if (!match) {
		// A comment or a line this function does not understand: fill it as text.
		return substitute(line, values);
	}
	const [, prefix, rest] = match;
	const first = rest.trimStart()[0];
	if (first === '"' || first === '\'') {
		return prefix + fillQuoted(rest, values);
	}
	if (first === '[' || first === '{') {
		return prefix + substitute(rest, values, value => isPlainYamlSafe(value, true) ? value : doubleQuoted(value));
	}
	// A plain value runs to a ` #` comment.
	const comment = /[ \t]#/.exec(rest);
	const plain = comment ? rest.slice(0, comment.index) : rest;
	const trailing = comment ? rest.slice(comment.index) : '';
	const filled = substitute(plain, values);
	return prefix + (isPlainYamlSafe(filled.trim(), false) ? filled : doubleQuoted(filled.trim())) + trailing;
}

/** Fills the placeholders inside quoted scalars, escaping for the quote style each stands in. */
function fillQuoted(text: string, values: TemplateValues): string {
	let result = '';
	let at = 0;
	while (at < text.length) {
		const quote = text[at];
		if (quote !== '"' && quote !== '\'') {
			const next = text.slice(at).search(/["']/);
			const end = next < 0 ? text.length : at + next;
			result += substitute(text.slice(at, end), values);
			at = end;
			continue;
		}
		let end = at + 1;
		while (end < text.length) {
			if (quote === '"' && text[end] === '\\') {
				end += 2;
				continue;
			}
			if (text[end] === quote) {
				if (quote === '\'' && text[end + 1] === '\'') {
					end += 2;
					continue;
				}
				break;
			}
			end++;
		}
		const inner = text.slice(at + 1, end);
		const escape = quote === '"'
			? (value: string) => doubleQuoted(value).slice(1, -1)
			: (value: string) => value.replace(/'/g, '\'\'');
		result += quote + substitute(inner, values, escape) + (end < text.length ? quote : '');
		at = end + 1;
	}
	return result;
}
