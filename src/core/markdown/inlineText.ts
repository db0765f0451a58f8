// Markdown inline syntax reduced to the text a reader sees: a stream's title, its overview, the words of a
// heading. Every step is one left-to-right walk, and every "where does this close?" question is answered by a
// search that never moves backwards, so the time grows linearly with the text whatever it holds (DESIGN.md §6):
// regular expressions such as `\[([^\]]+)\]\([^)]*\)` rescan the rest of the text from every `[` and took
// seconds on a README of brackets.

/** A code span: backticks from `start`, its content between `contentStart` and `contentEnd`, closed before `end`. */
export interface CodeSpan {
	readonly start: number;
	readonly contentStart: number;
	readonly contentEnd: number;
	readonly end: number;
}

/**
 * The code spans of a text, as CommonMark finds them: a run of backticks opens a span that the next run of
 * exactly the same length closes; a run that nothing closes is literal text.
 */
export function codeSpans(text: string): CodeSpan[] {
	const runs: { start: number; length: number }[] = [];
	for (let at = text.indexOf('`'); at >= 0; at = text.indexOf('`', at)) {
		const start = at;
		while (text.charCodeAt(at) === 0x60) {
			at++;
		}
		runs.push({ start, length: at - start });
	}
	// The runs of each length in order, and how far each length's search has got: it only moves forward.
	const byLength = new Map<number, number[]>();
	runs.forEach((run, index) => {
		const list = byLength.get(run.length);
		if (list) {
			list.push(index);
		} else {
			byLength.set(run.length, [index]);
		}
	});
	const searched = new Map<number, number>();
	const spans: CodeSpan[] = [];
	for (let index = 0; index < runs.length; index++) {
		const open = runs[index];
		const list = byLength.get(open.length)!;
		let cursor = searched.get(open.length) ?? 0;
		while (cursor < list.length && list[cursor] <= index) {
			cursor++;
		}
		searched.set(open.length, cursor);
		if (cursor === list.length) {
			continue;
		}
		const closeIndex = list[cursor];
		const close = runs[closeIndex];
		spans.push({ start: open.start, contentStart: open.start + open.length, contentEnd: close.start, end: close.start + close.length });
		index = closeIndex;
	}
	return spans;
}

/** Markdown inline syntax reduced to the text a reader sees, white space collapsed. */
export function toPlainText(markdown: string): string {
	// Code spans keep their content verbatim, so they are set aside before emphasis is stripped.
	let text = '';
	let at = 0;
	for (const span of codeSpans(markdown)) {
		text += plainOutsideCode(markdown.slice(at, span.start)) + markdown.slice(span.contentStart, span.contentEnd).trim();
		at = span.end;
	}
	text += plainOutsideCode(markdown.slice(at));
	return collapseWhiteSpace(text);
}

/** White space runs as one space, none at either end. */
export function collapseWhiteSpace(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** `text` without trailing characters of `chars` (a linear `/[…]+$/`, which rescans every run it passes). */
export function trimEndOf(text: string, chars: string): string {
	let end = text.length;
	while (end > 0 && chars.includes(text[end - 1])) {
		end--;
	}
	return text.slice(0, end);
}

function plainOutsideCode(text: string): string {
	// Most headings and paragraphs have no markup at all: skip the passes for them.
	if (!/[[*_~<\\]/.test(text)) {
		return text;
	}
	let plain = withoutLinkSyntax(text);
	plain = withoutHtml(plain);
	plain = withoutEmphasis(plain, '**', false);
	plain = withoutEmphasis(plain, '__', false);
	plain = withoutEmphasis(plain, '~~', false);
	plain = withoutEmphasis(plain, '*', false);
	plain = withoutEmphasis(plain, '_', true);
	return plain.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Which characters a backslash escapes: they are text, never markup. */
function escapes(text: string): Uint8Array {
	const escaped = new Uint8Array(text.length + 1);
	for (let at = 1; at < text.length; at++) {
		escaped[at] = text[at - 1] === '\\' && !escaped[at - 1] && ASCII_PUNCTUATION.test(text[at]) ? 1 : 0;
	}
	return escaped;
}

/** Finds the next unescaped occurrence of a character (or a match of a pattern); a search from an earlier start is reused, never redone. */
class NextOccurrence {
	private from = -1;
	private found = -1;

	constructor(private readonly text: string, private readonly target: string | RegExp, private readonly escaped: Uint8Array) { }

	at(from: number): number {
		if (this.from < 0 || from < this.from || (this.found >= 0 && this.found < from)) {
			let found = this.search(from);
			while (found >= 0 && this.escaped[found]) {
				found = this.search(found + 1);
			}
			this.from = from;
			this.found = found;
		}
		return this.found;
	}

	private search(from: number): number {
		if (typeof this.target === 'string') {
			return this.text.indexOf(this.target, from);
		}
		this.target.lastIndex = from;
		return this.target.exec(this.text)?.index ?? -1;
	}
}

/** `![alt](url)` → alt, then `[text](url)` and `[text][ref]` → text (an image inside a link becomes the link's text). */
export function withoutLinkSyntax(text: string): string {
	return text.includes('[') ? withoutBrackets(withoutBrackets(text, true), false) : text;
}

function withoutBrackets(text: string, images: boolean): string {
	const escaped = escapes(text);
	const label = new NextOccurrence(text, ']', escaped);
	const destination = new NextOccurrence(text, ')', escaped);
	const reference = new NextOccurrence(text, ']', escaped);
	let result = '';
	let at = 0;
	let copied = 0;
	while (at < text.length) {
		const start = at;
		const open = images ? at + 1 : at;
		if ((images && (text[at] !== '!' || escaped[at])) || text[open] !== '[' || escaped[open]) {
			at++;
			continue;
		}
		const close = label.at(open + 1);
		if (close < 0) {
			// No `]` after this one: no later bracket closes either.
			break;
		}
		let end = -1;
		if (images || close > open + 1) {
			if (text[close + 1] === '(') {
				end = destination.at(close + 2);
			} else if (text[close + 1] === '[' && !images) {
				end = reference.at(close + 2);
			}
		}
		if (end < 0) {
			at++;
			continue;
		}
		result += text.slice(copied, start) + text.slice(open + 1, close);
		at = copied = end + 1;
	}
	return result + text.slice(copied);
}

const AUTOLINK_SCHEME = /(?:https?|mailto):/iy;

/** `<https://…>` → the address; other tags (`<b>`, `</div>`) dropped. */
function withoutHtml(text: string): string {
	if (!text.includes('<')) {
		return text;
	}
	const escaped = escapes(text);
	const closing = new NextOccurrence(text, '>', escaped);
	const space = new NextOccurrence(text, /\s/g, new Uint8Array(text.length + 1));
	let result = '';
	let at = 0;
	let copied = 0;
	while (at < text.length) {
		if (text[at] !== '<' || escaped[at]) {
			at++;
			continue;
		}
		const end = closing.at(at + 1);
		if (end < 0) {
			break;
		}
		AUTOLINK_SCHEME.lastIndex = at + 1;
		const spaceAt = space.at(at + 1);
		if (AUTOLINK_SCHEME.test(text) && AUTOLINK_SCHEME.lastIndex < end && (spaceAt < 0 || spaceAt > end)) {
			result += text.slice(copied, at) + text.slice(at + 1, end);
		} else if (/[a-zA-Z]/.test(text[at + 1]) || (text[at + 1] === '/' && /[a-zA-Z]/.test(text[at + 2] ?? ''))) {
			result += text.slice(copied, at);
		} else {
			at++;
			continue;
		}
		at = copied = end + 1;
	}
	return result + text.slice(copied);
}

const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/**
 * Emphasis `marker…marker` reduced to its content: the opener is followed by a non-space, the closer is the
 * first later marker preceded by a non-space. A double marker's content stays on one line; a single marker's
 * content holds no marker. `_` neither opens nor closes inside a word (snake_case stays as written).
 */
function withoutEmphasis(text: string, marker: string, wordBound: boolean): string {
	if (!text.includes(marker)) {
		return text;
	}
	const escaped = escapes(text);
	const single = marker.length === 1;
	const closers = single ? undefined : doubleClosers(text, marker, escaped);
	const next = single ? new NextOccurrence(text, marker, escaped) : undefined;
	let result = '';
	let copied = 0;
	let lastEnd = 0;
	for (let at = 0; at < text.length; at++) {
		if (!text.startsWith(marker, at) || escaped[at]) {
			continue;
		}
		const contentStart = at + marker.length;
		const first = text[contentStart];
		if (first === undefined || /\s/.test(first) || (single && first === marker)) {
			continue;
		}
		if (wordBound && at > 0 && (at - 1 < lastEnd || WORD_CHARACTER.test(text[at - 1]))) {
			continue;
		}
		const close = single ? next!.at(contentStart) : closers![contentStart + 1] ?? -1;
		if (close < 0 && single) {
			break;
		}
		if (close < 0) {
			continue;
		}
		const last = text[close - 1];
		if (single && (/\s/.test(last) || last === marker)) {
			continue;
		}
		if (wordBound && WORD_CHARACTER.test(text[close + 1] ?? '')) {
			continue;
		}
		result += text.slice(copied, at) + text.slice(contentStart, close);
		at = close + marker.length - 1;
		copied = lastEnd = close + marker.length;
	}
	return result + text.slice(copied);
}

/** For every position, the first later unescaped `marker` on the same line that follows a non-space; -1 if none. */
function doubleClosers(text: string, marker: string, escaped: Uint8Array): Int32Array {
	const closers = new Int32Array(text.length + 1).fill(-1);
	for (let at = text.length - 1; at >= 0; at--) {
		if (text[at] === '\n') {
			closers[at] = -1;
		} else if (at > 0 && text.startsWith(marker, at) && !escaped[at] && !/\s/.test(text[at - 1])) {
			closers[at] = at;
		} else {
			closers[at] = closers[at + 1];
		}
	}
	return closers;
}
