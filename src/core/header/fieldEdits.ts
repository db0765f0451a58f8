// The text edits behind `streams.setStatus` and `streams.setPriority` (and the agents' owner field): given a document's live text, the
// smallest replacements that set the field where the document already defines it, in the style it is
// written in (front matter keeps its quotes; inline fields keep their bold keys, emoji and neighbours on
// the same line), or that add the field where a reader looks for it. A "Last Updated" field of the same
// document gets today's date. Computed from the text alone, so the caller can apply it to an unsaved buffer.

import { LineMap, parseFrontMatter, headerKeyOf, stripBom } from '../markdown/frontMatter';
import { DocumentHeader, INLINE_FIELD_LINES, isPlaceholder, readDocumentHeader, resolveHeader } from './headerFields';
import { formatPriority, formatStatus, listsAlternatives, parsePriority, parseStatus, PRIORITIES, recognisedPriority, recognisedStatus, STATUSES } from './statusVocabulary';
import { HeaderField, PriorityId, StatusId } from '../model/stream';
import { isDocument, README, STATUS } from '../model/streamDocuments';
import { TextReplacement } from '../tasks/taskToggle';

export type FieldChange =
	| { readonly key: 'status'; readonly value: StatusId }
	| { readonly key: 'priority'; readonly value: PriorityId }
	/** A name, one line (see `checkOwner`); written as given. */
	| { readonly key: 'owner'; readonly value: string };

export type EditableKey = FieldChange['key'];

/** Why a document's field cannot be edited safely; the caller tells the user and changes nothing. */
export type FieldEditRefusal =
	/** The YAML front matter does not parse: writing into it, or around it, would guess at its meaning. */
	| 'malformed-front-matter'
	/** The front-matter value spans several lines (a block scalar); replacing it is left to the author. */
	| 'multi-line-value'
	/** The front-matter key holds a list or a mapping, not a value we know how to rewrite. */
	| 'not-a-scalar';

export type FieldEditOutcome =
	/** Replacements in 0-based lines and UTF-16 columns of the text without BOM; empty when the field already says so. */
	| { readonly kind: 'edits'; readonly replacements: readonly TextReplacement[] }
	| { readonly kind: 'refused'; readonly reason: FieldEditRefusal; readonly line: number };

/** One stream document's name (as the folder spells it) and live text. */
export interface DocumentText {
	readonly name: string;
	readonly text: string;
}

const KEY_LABELS: Readonly<Record<EditableKey | 'last-updated', string>> = {
	'status': 'Status',
	'priority': 'Priority',
	'owner': 'Owner',
	'last-updated': 'Last Updated',
};

/** A key as written before an inline value: `**Status:**`, `**Status**:`, `Status:`, `_Owner:_` … */
const KEY_SYNTAX = /(\*\*|__|\*|_)?(status|priority|owner|created|last[ \t]*[-_]?[ \t]*updated)((?:\*\*|__|\*|_)?[ \t]*:(?:\*\*|__|\*|_)?)/gi;
const LIST_BULLET = /^[ \t]{0,3}(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/;
/** A lower-case sample value: `formatStatus` and `formatPriority` then write `in-progress`, `high`. */
const PLAIN_STYLE = 'plain';
const DATE_AT_START = /^(?:\d{4}-\d{2}-\d{2}|YYYY-MM-DD)(?![\d])/i;

/**
 * Which of a stream's README.md and STATUS.md a change of `key` belongs in: the document the current value
 * is read from (DESIGN.md §2 precedence), else the first that writes the key at all (an unfilled template,
 * an unknown word), else README.md, else STATUS.md. Undefined when the stream has neither document.
 */
export function fieldDocument(documents: readonly DocumentText[], key: EditableKey): string | undefined {
	const readme = documents.find(document => isDocument(document.name, README));
	const status = documents.find(document => isDocument(document.name, STATUS));
	const ordered = [readme, status].filter((document): document is DocumentText => document !== undefined);
	const headers = ordered.map(document => readDocumentHeader(document.name, document.text));
	const resolved = resolveHeader(
		headers.find(header => header.document === readme?.name),
		headers.find(header => header.document === status?.name),
		'',
	);
	const source = resolved.sources[key];
	if (source) {
		return source.location.document;
	}
	const writing = ordered.find((document, index) =>
		headers[index].fields.some(field => field.key === key) || frontMatterKeyLine(document.text, key) !== undefined);
	return (writing ?? ordered[0])?.name;
}

/**
 * The replacements that set `change` in one document's text. `today` is the local date as `YYYY-MM-DD`,
 * written into the document's "Last Updated" field when the change edits anything.
 */
export function fieldEdits(document: string, text: string, change: FieldChange, today: string): FieldEditOutcome {
	const body = stripBom(text);
	const frontMatter = parseFrontMatter(body);
	if (frontMatter?.problem) {
		return { kind: 'refused', reason: 'malformed-front-matter', line: frontMatter.problem.line };
	}
	const spread = frontMatter?.fields.find(field => field.key === change.key && field.endLine !== field.line);
	if (spread) {
		return { kind: 'refused', reason: 'multi-line-value', line: spread.line };
	}
	const header = readDocumentHeader(document, body);
	const map = new LineMap(body);
	const lines = map.lines;
	const eol = /\r\n/.test(body) ? '\r\n' : /\r/.test(body) ? '\r' : '\n';
	const target = fieldToEdit(header.fields, change.key);
	if (!target && frontMatter) {
		const keyLine = frontMatterKeyLine(body, change.key);
		if (keyLine !== undefined) {
			return { kind: 'refused', reason: 'not-a-scalar', line: keyLine };
		}
	}

	let main: TextReplacement | undefined;
	if (target) {
		const recognised = replaceRecognised(lines, target, change);
		main = recognised === 'unchanged' ? undefined : recognised ?? replaceValue(lines, target, valueText(change, target, lines));
	} else if (frontMatter && frontMatter.fields.length > 0) {
		main = insertIntoFrontMatter(frontMatter.closingLine, frontMatter.fields.map(field => field.writtenKey), change, eol);
	} else {
		main = insertInline(lines, header, change, eol);
	}
	if (!main) {
		return { kind: 'edits', replacements: [] };
	}
	const replacements = [main];
	const updated = header.fields.find(field => field.key === 'last-updated');
	const stamp = updated && stampDate(lines, updated, today);
	if (stamp) {
		replacements.push(stamp);
	}
	return { kind: 'edits', replacements: mergeTouching(replacements) };
}

/** Applies replacements to a text, keeping its line endings and BOM (tests and the command line use this). */
export function applyFieldEdits(text: string, replacements: readonly TextReplacement[]): string {
	const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
	const map = new LineMap(stripBom(text));
	const ordered = [...replacements].sort((a, b) => b.line - a.line || b.startColumn - a.startColumn);
	let result = map.text;
	for (const replacement of ordered) {
		const start = map.lineStart(replacement.line);
		result = result.slice(0, start + replacement.startColumn) + replacement.text + result.slice(start + replacement.endColumn);
	}
	return bom + result;
}

// ---- Finding and rewriting an existing field -------------------------------------------------------

function parses(key: EditableKey, value: string): boolean {
	if (key === 'owner') {
		return !isPlaceholder(value) && !listsAlternatives(value);
	}
	return (key === 'status' ? parseStatus(value) : parsePriority(value)) !== undefined;
}

/** The field the reader takes the value from (front matter before inline), else the first that tries to say one. */
function fieldToEdit(fields: readonly HeaderField[], key: EditableKey): HeaderField | undefined {
	const candidates = fields.filter(field => field.key === key);
	return candidates.find(field => parses(key, field.value)) ?? candidates[0];
}

/** The new value in the style of the old one; an unrecognizable old value gives no style to follow. */
function valueText(change: FieldChange, target: HeaderField, lines: readonly string[]): string {
	if (change.key === 'owner') {
		// A name has no style to follow; in front matter it is quoted where YAML would read it otherwise.
		return target.location.source === 'front-matter' && quoteOf(lines, target.location) === undefined ? yamlScalar(change.value) : change.value;
	}
	const known = parses(change.key, target.value) || listsAlternatives(target.value);
	const frontMatter = target.location.source === 'front-matter';
	// Front matter is read by tools as much as by people: replacing a value we cannot read, write the plain id.
	const style = known ? target.value : frontMatter ? PLAIN_STYLE : undefined;
	const text = change.key === 'status' ? formatStatus(change.value, style) : formatPriority(change.value, style);
	return text;
}

/**
 * Replaces only the words and emoji that name the old value (`Ready` in `Ready — see notes`), each in its own
 * style, keeping what stands between and after them; 'unchanged' when they already say so. Undefined when
 * the value names nothing we know (then the whole value is replaced).
 */
function replaceRecognised(lines: readonly string[], target: HeaderField, change: FieldChange): TextReplacement | 'unchanged' | undefined {
	if (change.key === 'owner') {
		// A name is the value as a whole: there are no recognised words to keep others around.
		return undefined;
	}
	const { line, startColumn, raw } = target.location;
	// Offsets are found in the source text; a quoted front-matter value with escapes may read differently.
	const recognised = change.key === 'status' ? recognisedStatus(raw) : recognisedPriority(raw);
	if (!recognised || !parses(change.key, target.value) || !sameValue(change.key, raw, target.value)) {
		return undefined;
	}
	const { emoji, words } = recognised;
	const start = emoji?.start ?? words!.start;
	const end = words?.end ?? emoji!.end;
	const newWords = words && (change.key === 'status'
		? formatStatus(change.value, raw.slice(words.start, words.end))
		: formatPriority(change.value, raw.slice(words.start, words.end)));
	const newEmoji = emoji && STATUSES.find(status => status.id === change.value)!.emoji;
	const text = emoji && words
		? newEmoji + raw.slice(emoji.end, words.start) + newWords
		: emoji ? newEmoji! : newWords!;
	if (text === raw.slice(start, end)) {
		return 'unchanged';
	}
	const written = inQuotes(lines, target.location, text);
	return { line, startColumn: startColumn + start, endColumn: startColumn + end, text: written };
}

/** The quote around a front-matter value (`"…"` or `'…'`), or undefined for a plain one or an inline field. */
function quoteOf(lines: readonly string[], location: HeaderField['location']): '"' | '\'' | undefined {
	const lineText = lines[location.line] ?? '';
	const before = lineText[location.startColumn - 1];
	if (location.source !== 'front-matter' || (before !== '"' && before !== '\'') || lineText[location.endColumn] !== before) {
		return undefined;
	}
	return before;
}

/** `text` escaped as the value's quotes need it. */
function inQuotes(lines: readonly string[], location: HeaderField['location'], text: string): string {
	switch (quoteOf(lines, location)) {
		case '"':
			return text.replace(/[\\"]/g, match => `\\${match}`);
		case '\'':
			return text.replace(/'/g, '\'\'');
		default:
			return text;
	}
}

function sameValue(key: 'status' | 'priority', raw: string, value: string): boolean {
	return key === 'status' ? parseStatus(raw) === parseStatus(value) : parsePriority(raw) === parsePriority(value);
}

function replaceValue(lines: readonly string[], target: HeaderField, text: string): TextReplacement | undefined {
	const { line, startColumn, endColumn, raw } = target.location;
	if (raw === text) {
		return undefined;
	}
	const lineText = lines[line] ?? '';
	const quoted = quoteOf(lines, target.location) !== undefined;
	let written = inQuotes(lines, target.location, text);
	if (startColumn === endColumn && !quoted) {
		// An empty value: keep a space after the colon, and before whatever follows on the line.
		if (startColumn > 0 && !/\s/.test(lineText[startColumn - 1])) {
			written = ' ' + written;
		}
		if (endColumn < lineText.length && !/\s/.test(lineText[endColumn])) {
			written += ' ';
		}
	}
	return { line, startColumn, endColumn, text: written };
}

/** "Last Updated" gets today's date; words after a date ("2026-02-10, after the review") are kept. */
function stampDate(lines: readonly string[], field: HeaderField, today: string): TextReplacement | undefined {
	const { line, startColumn, raw } = field.location;
	const date = DATE_AT_START.exec(raw);
	if (date) {
		return date[0] === today ? undefined : { line, startColumn, endColumn: startColumn + date[0].length, text: today };
	}
	return replaceValue(lines, field, today);
}

/** Replacements that touch on one line become one, so an editor applies them as a single change. */
function mergeTouching(replacements: readonly TextReplacement[]): TextReplacement[] {
	const sorted = [...replacements].sort((a, b) => a.line - b.line || a.startColumn - b.startColumn);
	const merged: TextReplacement[] = [];
	for (const next of sorted) {
		const last = merged[merged.length - 1];
		if (last && last.line === next.line && last.endColumn === next.startColumn) {
			merged[merged.length - 1] = { line: last.line, startColumn: last.startColumn, endColumn: next.endColumn, text: last.text + next.text };
		} else {
			merged.push(next);
		}
	}
	return merged;
}

// ---- Adding a field that is not there -----------------------------------------------------------------

/** The 0-based line of a top-level front-matter key, whatever its value; undefined without front matter. */
function frontMatterKeyLine(text: string, key: EditableKey): number | undefined {
	const body = stripBom(text);
	const frontMatter = parseFrontMatter(body);
	if (!frontMatter) {
		return undefined;
	}
	const lines = new LineMap(body).lines;
	for (let line = 1; line < frontMatter.closingLine; line++) {
		const match = /^(["']?)([^\s:"'#][^:"'#]*?)\1[ \t]*:(?:[ \t]|$)/.exec(lines[line]);
		if (match && headerKeyOf(match[2]) === key) {
			return line;
		}
	}
	return undefined;
}

function insertIntoFrontMatter(closingLine: number, writtenKeys: readonly string[], change: FieldChange, eol: string): TextReplacement {
	// Follow the block's own key casing: `Status:` next to `Title:`, `status:` next to `title:`.
	const capitalized = writtenKeys.length > 0 && writtenKeys.every(key => /^[A-Z]/.test(key));
	const key = capitalized ? KEY_LABELS[change.key] : change.key;
	const value = change.key === 'status' ? change.value
		: change.key === 'owner' ? yamlScalar(change.value)
		: PRIORITIES.find(priority => priority.id === change.value)!.label.toLowerCase();
	return { line: closingLine, startColumn: 0, endColumn: 0, text: `${key}: ${value}${eol}` };
}

interface InlineField {
	readonly field: HeaderField;
	/** The key as written before the value, with its position on the line. */
	readonly keyText: string;
	readonly keyOpen: string;
	readonly keyClose: string;
	readonly keyStart: number;
	readonly keyWord: string;
}

/** The inline fields of a document with the key syntax each was written with. */
function inlineFields(lines: readonly string[], fields: readonly HeaderField[]): InlineField[] {
	const inline = fields.filter(field => field.location.source === 'inline');
	const result: InlineField[] = [];
	for (const field of inline) {
		const { line, startColumn } = field.location;
		const previous = inline.filter(other => other !== field && other.location.line === line && other.location.endColumn <= startColumn)
			.reduce((end, other) => Math.max(end, other.location.endColumn), 0);
		const before = (lines[line] ?? '').slice(previous, startColumn);
		let match: RegExpExecArray | null;
		let last: RegExpExecArray | undefined;
		KEY_SYNTAX.lastIndex = 0;
		while ((match = KEY_SYNTAX.exec(before)) !== null) {
			last = match;
		}
		if (!last) {
			continue;
		}
		const open = last[1] ?? '';
		// Emphasis after the colon without emphasis before the key belongs to the value (`Status:**Ready**`).
		const close = open ? last[3].trim() : ':';
		result.push({ field, keyText: last[0], keyOpen: open, keyClose: close, keyStart: previous + last.index, keyWord: last[2] });
	}
	return result;
}

/** `Priority` written the way `word` was: `PRIORITY`, `priority` or `Priority`. */
function keyLike(word: string, key: EditableKey): string {
	const label = KEY_LABELS[key];
	if (/\p{L}/u.test(word) && word === word.toUpperCase()) {
		return label.toUpperCase();
	}
	return word === word.toLowerCase() ? label.toLowerCase() : label;
}

/** `**Priority:**` in the style of an existing key; bold `**Status:**` as the bundled template writes it otherwise. */
function keySyntax(style: InlineField | undefined, key: EditableKey): { open: string; close: string } {
	if (!style) {
		return { open: `**${KEY_LABELS[key]}:**`, close: '' };
	}
	// `**Status: Ready**` opens emphasis before the key and closes it after the value.
	const unclosed = style.keyOpen !== '' && !/[*_]/.test(style.keyClose);
	return { open: style.keyOpen + keyLike(style.keyWord, key) + style.keyClose, close: unclosed ? style.keyOpen : '' };
}

function inlineValue(change: FieldChange): string {
	return change.key === 'status' ? formatStatus(change.value) : change.key === 'owner' ? change.value : formatPriority(change.value);
}

/** True when a front-matter value stands between quotes, which `replaceValue` keeps and escapes inside. */
/** A plain YAML scalar when it reads back as the same string, else a double-quoted one. */
function yamlScalar(value: string): string {
	const plain = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^#]*$/.test(value) && !/:\s|\s#|\s$/.test(value)
		&& !/^(?:true|false|yes|no|on|off|null|~|[-+]?\d[\d._:eE+-]*)$/i.test(value);
	return plain ? value : JSON.stringify(value);
}

function isBlank(line: string | undefined): boolean {
	return line === undefined || line.trim() === '';
}

function insertInline(lines: readonly string[], header: DocumentHeader, change: FieldChange, eol: string): TextReplacement {
	const inline = inlineFields(lines, header.fields);
	const value = inlineValue(change);

	if (change.key !== 'status') {
		// Next to the owner, priority and creation date, as the team template writes them, else after the status.
		const neighbours = ['created', 'owner', 'priority'].filter(key => key !== change.key);
		const anchor = [...inline].reverse().find(field => neighbours.includes(field.field.key))
			?? inline.find(field => field.field.key === 'status');
		if (anchor) {
			const onLine = inline.filter(field => field.field.location.line === anchor.field.location.line);
			return onLine.length >= 2 ? appendToLine(lines, onLine, change, value) : lineAfter(lines, inline, anchor, change, value, eol);
		}
	} else {
		const first = inline[0];
		const alone = first && inline.filter(field => field.field.location.line === first.field.location.line).length === 1;
		if (first && alone && LIST_BULLET.test(lines[first.field.location.line])) {
			// A bulleted list of fields gets one more item, at its top.
			return { line: first.field.location.line, startColumn: 0, endColumn: 0, text: copyLine(lines, first, change, value) + eol };
		}
	}
	const syntax = keySyntax(inline[0], change.key);
	return paragraphUnderTitle(lines, header, `${syntax.open} ${value}${syntax.close}`, eol);
}

/** A field line built from another single-field line: same bullet, key style and closing emphasis. */
function copyLine(lines: readonly string[], model: InlineField, change: FieldChange, value: string): string {
	const text = lines[model.field.location.line];
	const { startColumn, endColumn } = model.field.location;
	let before = text.slice(0, model.keyStart) + text.slice(model.keyStart, startColumn).replace(model.keyWord, keyLike(model.keyWord, change.key));
	if (!/\s$/.test(before)) {
		before += ' ';
	}
	return before + value + text.slice(endColumn).replace(/\\$/, '');
}

function lineAfter(lines: readonly string[], inline: readonly InlineField[], anchor: InlineField, change: FieldChange, value: string, eol: string): TextReplacement {
	const line = anchor.field.location.line;
	const text = lines[line];
	// A field standing alone as a paragraph gets a paragraph of its own next to it; list items and
	// consecutive field lines get an adjacent line.
	const afterField = inline.some(field => field.field.location.line === line - 1);
	const separate = !LIST_BULLET.test(text) && isBlank(lines[line + 1]) && !afterField;
	return { line, startColumn: text.length, endColumn: text.length, text: eol + (separate ? eol : '') + copyLine(lines, anchor, change, value) };
}

/** `**Created:** … **Owner:** bob` + ` **Priority:** High`, separated as the line separates its fields. */
function appendToLine(lines: readonly string[], onLine: readonly InlineField[], change: FieldChange, value: string): TextReplacement {
	const sorted = [...onLine].sort((a, b) => a.field.location.startColumn - b.field.location.startColumn);
	const last = sorted[sorted.length - 1];
	const previous = sorted[sorted.length - 2];
	const line = last.field.location.line;
	const text = lines[line];
	const separator = text.slice(previous.field.location.endColumn, last.keyStart).replace(/[*_~]/g, '') || ' ';
	const syntax = keySyntax(last, change.key);
	// Before trailing spaces and a hard-break backslash, which end the line as the author wants it ended.
	let column = text.trimEnd().length;
	if (text[column - 1] === '\\' && column - 1 >= last.field.location.endColumn) {
		column = text.slice(0, column - 1).trimEnd().length;
	}
	return { line, startColumn: column, endColumn: column, text: `${separator}${syntax.open} ${value}${syntax.close}` };
}

/**
 * A field paragraph right under the level-1 heading, or at the top of the body (after any front matter)
 * when there is no heading near the top, where the reader of DESIGN.md §2 looks for inline fields.
 */
function paragraphUnderTitle(lines: readonly string[], header: DocumentHeader, fieldLine: string, eol: string): TextReplacement {
	const heading = header.firstHeading;
	if (heading && heading.line < header.bodyStartLine + INLINE_FIELD_LINES - 2) {
		const text = lines[heading.line];
		const after = isBlank(lines[heading.line + 1]) ? '' : eol;
		return { line: heading.line, startColumn: text.length, endColumn: text.length, text: eol + eol + fieldLine + after };
	}
	const start = header.bodyStartLine;
	if (start >= lines.length) {
		const last = lines.length - 1;
		return { line: last, startColumn: lines[last].length, endColumn: lines[last].length, text: eol + fieldLine };
	}
	const after = isBlank(lines[start]) ? eol : eol + eol;
	return { line: start, startColumn: 0, endColumn: 0, text: fieldLine + after };
}
