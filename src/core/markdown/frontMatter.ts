// Reads the YAML front matter at the top of a stream document (DESIGN.md §2): which header keys it
// sets and exactly where each value stands, so commands can rewrite one value in place. Malformed
// YAML is reported with its position and never thrown, because a broken header must not hide a stream.

import { isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import { HeaderKey } from '../model/stream';
import { frontMatterLineCount } from './frontMatterFences';

export interface FrontMatterField {
	readonly key: HeaderKey;
	/** The key as written, e.g. `Last_Updated`. */
	readonly writtenKey: string;
	/** The parsed string, trimmed; non-strings (numbers, booleans) as written in the source; '' when empty. */
	readonly value: string;
	/** The source text of the value; for a quoted value, what stands between the quotes. */
	readonly raw: string;
	/** 0-based line and UTF-16 columns of `raw` (BOM not counted). An empty value has an empty range. */
	readonly line: number;
	readonly startColumn: number;
	/** Line and column where `raw` ends; `endLine` differs from `line` only for values written over several lines. */
	readonly endLine: number;
	readonly endColumn: number;
}

export interface FrontMatterProblem {
	readonly message: string;
	/** 0-based line and UTF-16 column in the file (BOM not counted). */
	readonly line: number;
	readonly column: number;
}

export interface FrontMatter {
	/** Header keys in the order written; the first of a key wins when a key is repeated in other casing. */
	readonly fields: readonly FrontMatterField[];
	readonly title: string | undefined;
	/** 0-based line of the closing `---` or `...`. */
	readonly closingLine: number;
	/** 0-based line where the markdown body starts (the line after the closing fence). */
	readonly bodyStartLine: number;
	/** Set when the YAML is malformed or not a mapping; `fields` is then empty. */
	readonly problem: FrontMatterProblem | undefined;
}

const KEYS: ReadonlyMap<string, HeaderKey> = new Map<string, HeaderKey>([
	['status', 'status'],
	['priority', 'priority'],
	['owner', 'owner'],
	['created', 'created'],
	['title', 'title'],
	['lastupdated', 'last-updated'],
]);

/** `Last_Updated`, `lastUpdated`, `last-updated` and `last updated` all name the same key. */
export function headerKeyOf(writtenKey: string): HeaderKey | undefined {
	return KEYS.get(writtenKey.replace(/[-_\s]+/g, '').toLowerCase());
}

/** Splits text into lines the way VS Code does (`\r\n`, `\n` or `\r`), remembering where each starts. */
export class LineMap {
	readonly lines: readonly string[];
	private readonly starts: readonly number[];

	constructor(readonly text: string) {
		const lines: string[] = [];
		const starts: number[] = [];
		let start = 0;
		// The next `\r` and the next `\n`, each found by a plain search and kept until passed: linear, and for the
		// usual text without a `\r` one search per line.
		let cr = text.indexOf('\r');
		let lf = text.indexOf('\n');
		while (cr >= 0 || lf >= 0) {
			const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
			const next = end === cr && lf === cr + 1 ? cr + 2 : end + 1;
			lines.push(text.slice(start, end));
			starts.push(start);
			start = next;
			if (cr >= 0 && cr < start) {
				cr = text.indexOf('\r', start);
			}
			if (lf >= 0 && lf < start) {
				lf = text.indexOf('\n', start);
			}
		}
		lines.push(text.slice(start));
		starts.push(start);
		this.lines = lines;
		this.starts = starts;
	}

	lineStart(line: number): number {
		return this.starts[Math.min(line, this.starts.length - 1)];
	}

	/** The line and column of an offset; an offset inside a `\r\n` counts as the end of its line. */
	position(offset: number): { line: number; column: number } {
		let low = 0;
		let high = this.starts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (this.starts[middle] <= offset) {
				low = middle;
			} else {
				high = middle - 1;
			}
		}
		return { line: low, column: Math.min(offset - this.starts[low], this.lines[low].length) };
	}
}

/** VS Code's TextDocument has no BOM, so neither do our lines and columns. */
export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** yaml's messages where they speak of its implementation rather than of what the author wrote. */
function userMessage(message: string): string {
	return /call stack|too much recursion/i.test(message)
		? 'Front matter is nested too deeply to read (lists or mappings inside one another thousands of times).'
		: message;
}

/** Deeper flow nesting than any header needs; yaml would recurse that deep, and a deeper stack may overflow. */
const MAX_FLOW_NESTING = 1000;

/**
 * Where flow collections (`[…]`, `{…}`) first nest deeper than MAX_FLOW_NESTING, or undefined: one pass over the
 * text, skipping quoted strings and comments, so such a block is refused at once instead of after yaml has
 * recursed until its stack overflowed (seconds for 20,000 brackets).
 */
function tooDeepFlowNesting(source: string): number | undefined {
	let depth = 0;
	for (let at = 0; at < source.length; at++) {
		const char = source[at];
		if (char === '[' || char === '{') {
			if (++depth > MAX_FLOW_NESTING) {
				return at;
			}
		} else if (char === ']' || char === '}') {
			depth = Math.max(0, depth - 1);
		} else if (char === '"' || char === '\'') {
			// Brackets inside a quoted scalar are text. (An apostrophe in a plain value may hide a few brackets from
			// the count; that only lets yaml see them, it never refuses a block that is not nested deep.)
			for (at++; at < source.length && source[at] !== char; at++) {
				if (char === '"' && source[at] === '\\') {
					at++;
				}
			}
		} else if (char === '#' && (at === 0 || /\s/.test(source[at - 1]))) {
			const end = source.indexOf('\n', at);
			at = end < 0 ? source.length : end;
		}
	}
	return undefined;
}

/** The first key written twice in one mapping, anywhere in the document: one pass, a set per mapping, no recursion. */
function firstDuplicateKey(contents: unknown): { key: string; offset: number } | undefined {
	const pending: unknown[] = [contents];
	while (pending.length > 0) {
		const node = pending.pop();
		if (isSeq(node)) {
			pending.push(...node.items);
		} else if (isMap(node)) {
			const seen = new Set<unknown>();
			for (const pair of node.items) {
				const key = isScalar(pair.key) ? pair.key.value : pair.key;
				if (seen.has(key)) {
					return { key: String(key), offset: isScalar(pair.key) ? pair.key.range?.[0] ?? 0 : 0 };
				}
				seen.add(key);
				pending.push(pair.value);
			}
		}
	}
	return undefined;
}

/**
 * The front matter of a document, or undefined when it has none: the first line (after an optional
 * BOM) must be `---` and a later line `---` or `...` must close the block. An unclosed `---` is a
 * thematic break, as markdown renders it, not front matter.
 */
export function parseFrontMatter(text: string): FrontMatter | undefined {
	const body = stripBom(text);
	const lineCount = frontMatterLineCount(body);
	if (lineCount === 0) {
		return undefined;
	}
	const map = new LineMap(body);
	const closingLine = lineCount - 1;
	const yamlStart = map.lineStart(1);
	const source = map.text.slice(yamlStart, map.lineStart(closingLine));
	const bodyStartLine = closingLine + 1;
	const broken = (message: string, offset: number): FrontMatter => {
		const at = map.position(yamlStart + offset);
		return { fields: [], title: undefined, closingLine, bodyStartLine, problem: { message, line: at.line, column: at.column } };
	};

	const tooDeep = tooDeepFlowNesting(source);
	if (tooDeep !== undefined) {
		return broken(userMessage('call stack'), tooDeep);
	}
	let document;
	try {
		// A lone CR ends a line in VS Code but not in YAML; as LF (same length) every offset still holds.
		// yaml's own unique-keys check compares every key with every other (18 s on 389 KB): keys are checked below.
		document = parseDocument(source.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false, uniqueKeys: false });
	} catch (error) {
		// parseDocument reports rather than throws, but a library bug must not take the stream down.
		return broken(userMessage(error instanceof Error ? error.message : String(error)), 0);
	}
	const error = document.errors[0];
	if (error) {
		return broken(userMessage(error.message), error.pos[0]);
	}
	const duplicate = firstDuplicateKey(document.contents);
	if (duplicate) {
		return broken(`The key "${duplicate.key}" is set more than once; keep one.`, duplicate.offset);
	}
	const contents = document.contents;
	if (contents === null || (isScalar(contents) && contents.value === null)) {
		return { fields: [], title: undefined, closingLine, bodyStartLine, problem: undefined };
	}
	if (!isMap(contents)) {
		return broken('Front matter must be a mapping of keys to values, e.g. "status: In Progress".', contents.range?.[0] ?? 0);
	}

	const fields: FrontMatterField[] = [];
	for (const pair of contents.items) {
		const writtenKey = isScalar(pair.key) ? String(pair.key.value) : undefined;
		const key = writtenKey === undefined ? undefined : headerKeyOf(writtenKey);
		// Lists and maps are not header values; leave them to whoever put them there.
		if (!key || !writtenKey || !(pair.value === null || isScalar(pair.value))) {
			continue;
		}
		const field = pair.value === null ? emptyAfterKey(pair.key, key, writtenKey) : scalarField(pair.value, key, writtenKey);
		if (field) {
			fields.push(field);
		}
	}

	function scalarField(node: Scalar, key: HeaderKey, writtenKey: string): FrontMatterField | undefined {
		if (!node.range) {
			return undefined;
		}
		let [start, end] = node.range;
		if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
			start += 1;
			end = Math.max(start, end - 1);
		} else if (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') {
			// The node's range runs over the line break after the last line; the value does not.
			while (end > start && /\s/.test(source[end - 1])) {
				end--;
			}
		}
		const raw = source.slice(start, end);
		const value = typeof node.value === 'string' ? node.value.trim() : node.value === null ? '' : raw.trim();
		return located(key, writtenKey, value, raw, start, end);
	}

	function emptyAfterKey(keyNode: unknown, key: HeaderKey, writtenKey: string): FrontMatterField | undefined {
		// `status:` with nothing after it: point just past the colon and its spaces, where a value would go.
		if (!isScalar(keyNode) || !keyNode.range) {
			return undefined;
		}
		const colon = source.indexOf(':', keyNode.range[1]);
		if (colon < 0) {
			return undefined;
		}
		let at = colon + 1;
		while (source[at] === ' ' || source[at] === '\t') {
			at++;
		}
		return located(key, writtenKey, '', '', at, at);
	}

	function located(key: HeaderKey, writtenKey: string, value: string, raw: string, start: number, end: number): FrontMatterField {
		const from = map.position(yamlStart + start);
		const to = map.position(yamlStart + end);
		return { key, writtenKey, value, raw, line: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
	}

	const titleField = fields.find(field => field.key === 'title');
	return { fields, title: titleField?.value || undefined, closingLine, bodyStartLine, problem: undefined };
}
