// HTML blocks, as markdown-it's `html_block` rule reads them (CommonMark's seven kinds, with `html: true` as
// VS Code's preview sets it): which kind a line starting with `<` opens, and where the kinds that end on a
// sequence (comments, processing instructions, declarations, CDATA, raw text elements) end.

import { Char, isAsciiAlnum, isAsciiLetter, isJsWhitespace, skipJsWhitespace } from './characters';

const HTML_BLOCK_NAMES: readonly string[] = [
	'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup',
	'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
	'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend',
	'li', 'link', 'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param',
	'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul',
];
const HTML_RAW_NAMES: readonly string[] = ['script', 'pre', 'style', 'textarea'];

/**
 * markdown-it's HTML block kinds (CommonMark 1–7) for a line starting with `<`, or 0. Kind 7 (any complete
 * tag alone on its line) cannot interrupt a paragraph, so callers checking for interruption skip it.
 */
export function htmlBlockKind(source: string, first: number, lineEnd: number, allowSeven: boolean): number {
	const afterLt = first + 1;
	if (afterLt >= lineEnd) {
		return 0;
	}
	const code = source.charCodeAt(afterLt);
	if (code === Char.Bang) {
		if (afterLt + 2 < lineEnd && source.charCodeAt(afterLt + 1) === Char.Dash && source.charCodeAt(afterLt + 2) === Char.Dash) {
			return 2;
		}
		if (afterLt + 1 < lineEnd && isAsciiLetter(source.charCodeAt(afterLt + 1))) {
			return 4;
		}
		if (afterLt + 7 < lineEnd && source.startsWith('[CDATA[', afterLt + 1)) {
			return 5;
		}
		return 0;
	}
	if (code === Char.Question) {
		return 3;
	}
	const closing = code === Char.Slash;
	const nameStart = closing ? afterLt + 1 : afterLt;
	let nameEnd = nameStart;
	while (nameEnd < lineEnd && isAsciiAlnum(source.charCodeAt(nameEnd))) {
		nameEnd++;
	}
	if (nameEnd > nameStart) {
		const afterName = nameEnd < lineEnd ? source.charCodeAt(nameEnd) : -1;
		if (!closing && (afterName === -1 || afterName === Char.GreaterThan || isJsWhitespace(afterName)) && isOneOf(source, nameStart, nameEnd, HTML_RAW_NAMES)) {
			return 1;
		}
		if (isOneOf(source, nameStart, nameEnd, HTML_BLOCK_NAMES) && (afterName === -1 || afterName === Char.GreaterThan || isJsWhitespace(afterName) ||
			(afterName === Char.Slash && nameEnd + 1 < lineEnd && source.charCodeAt(nameEnd + 1) === Char.GreaterThan))) {
			return 6;
		}
	}
	return allowSeven && isCompleteTagLine(source, first, lineEnd) ? 7 : 0;
}

/**
 * Whether the line is one open or closing tag followed only by whitespace (markdown-it's
 * HTML_OPEN_CLOSE_TAG_RE + `\s*$`). An unquoted attribute value may contain Unicode spaces, which the
 * regexp may also read as separators, so the possible ends of the attribute list are tracked as a set.
 */
function isCompleteTagLine(source: string, first: number, lineEnd: number): boolean {
	let position = first + 1;
	if (position < lineEnd && source.charCodeAt(position) === Char.Slash) {
		position++;
		if (position >= lineEnd || !isAsciiLetter(source.charCodeAt(position))) {
			return false;
		}
		while (position < lineEnd && isTagNameChar(source.charCodeAt(position))) {
			position++;
		}
		position = skipJsWhitespace(source, position, lineEnd);
		if (position >= lineEnd || source.charCodeAt(position) !== Char.GreaterThan) {
			return false;
		}
		return skipJsWhitespace(source, position + 1, lineEnd) === lineEnd;
	}
	if (position >= lineEnd || !isAsciiLetter(source.charCodeAt(position))) {
		return false;
	}
	while (position < lineEnd && isTagNameChar(source.charCodeAt(position))) {
		position++;
	}
	let ambiguous = false;
	for (let scan = position; scan < lineEnd; scan++) {
		const code = source.charCodeAt(scan);
		if (code >= 0x80 && isJsWhitespace(code)) {
			ambiguous = true;
			break;
		}
	}
	if (!ambiguous) {
		return isOpenTagTail(source, position, lineEnd);
	}
	const reachable = new Uint8Array(lineEnd - position + 1);
	reachable[0] = 1;
	for (let attributesEnd = position; attributesEnd <= lineEnd; attributesEnd++) {
		if (reachable[attributesEnd - position] === 0) {
			continue;
		}
		// The end: `\s* /? > \s* $`.
		let cursor = skipJsWhitespace(source, attributesEnd, lineEnd);
		if (cursor < lineEnd && source.charCodeAt(cursor) === Char.Slash) {
			cursor++;
		}
		if (cursor < lineEnd && source.charCodeAt(cursor) === Char.GreaterThan && skipJsWhitespace(source, cursor + 1, lineEnd) === lineEnd) {
			return true;
		}
		// Another attribute: `\s+ name (\s* = \s* value)?`.
		if (attributesEnd >= lineEnd || !isJsWhitespace(source.charCodeAt(attributesEnd))) {
			continue;
		}
		cursor = skipJsWhitespace(source, attributesEnd, lineEnd);
		if (cursor >= lineEnd || !isAttributeNameStart(source.charCodeAt(cursor))) {
			continue;
		}
		cursor++;
		while (cursor < lineEnd && isAttributeNameChar(source.charCodeAt(cursor))) {
			cursor++;
		}
		reachable[cursor - position] = 1;
		const equals = skipJsWhitespace(source, cursor, lineEnd);
		if (equals >= lineEnd || source.charCodeAt(equals) !== Char.Equals) {
			continue;
		}
		// After `=`, a Unicode space may be read as space or as the first character of an unquoted value.
		const valueFrom = skipJsWhitespace(source, equals + 1, lineEnd);
		for (let valueStart = equals + 1; valueStart <= valueFrom && valueStart < lineEnd; valueStart++) {
			const code = source.charCodeAt(valueStart);
			if (valueStart === valueFrom && (code === Char.DoubleQuote || code === Char.SingleQuote)) {
				const close = source.indexOf(code === Char.DoubleQuote ? '"' : '\'', valueStart + 1);
				if (close >= 0 && close < lineEnd) {
					reachable[close + 1 - position] = 1;
				}
				continue;
			}
			if (!isUnquotedValueChar(code)) {
				continue;
			}
			let valueEnd = valueStart;
			while (valueEnd < lineEnd && isUnquotedValueChar(source.charCodeAt(valueEnd))) {
				valueEnd++;
				if (valueEnd === lineEnd || isJsWhitespace(source.charCodeAt(valueEnd)) || source.charCodeAt(valueEnd) === Char.Slash) {
					reachable[valueEnd - position] = 1;
				}
			}
		}
	}
	return false;
}

/**
 * The attributes and end of an open tag from `attributesEnd`, when no Unicode space can split an unquoted value:
 * then every choice the regexp could make is forced and one greedy pass decides.
 */
function isOpenTagTail(source: string, attributesEnd: number, lineEnd: number): boolean {
	for (;;) {
		let cursor = skipJsWhitespace(source, attributesEnd, lineEnd);
		if (cursor < lineEnd && source.charCodeAt(cursor) === Char.Slash) {
			cursor++;
		}
		if (cursor < lineEnd && source.charCodeAt(cursor) === Char.GreaterThan) {
			return skipJsWhitespace(source, cursor + 1, lineEnd) === lineEnd;
		}
		if (attributesEnd >= lineEnd || !isJsWhitespace(source.charCodeAt(attributesEnd))) {
			return false;
		}
		cursor = skipJsWhitespace(source, attributesEnd, lineEnd);
		if (cursor >= lineEnd || !isAttributeNameStart(source.charCodeAt(cursor))) {
			return false;
		}
		cursor++;
		while (cursor < lineEnd && isAttributeNameChar(source.charCodeAt(cursor))) {
			cursor++;
		}
		let value = skipJsWhitespace(source, cursor, lineEnd);
		if (value >= lineEnd || source.charCodeAt(value) !== Char.Equals) {
			attributesEnd = cursor;
			continue;
		}
		value = skipJsWhitespace(source, value + 1, lineEnd);
		if (value >= lineEnd) {
			return false;
		}
		const quote = source.charCodeAt(value);
		if (quote === Char.DoubleQuote || quote === Char.SingleQuote) {
			const close = source.indexOf(quote === Char.DoubleQuote ? '"' : '\'', value + 1);
			if (close < 0 || close >= lineEnd) {
				return false;
			}
			attributesEnd = close + 1;
			continue;
		}
		let valueEnd = value;
		while (valueEnd < lineEnd && isUnquotedValueChar(source.charCodeAt(valueEnd))) {
			valueEnd++;
		}
		if (valueEnd === value) {
			return false;
		}
		attributesEnd = valueEnd;
	}
}

/** Where the end sequence of an HTML block of `kind` 1–5 first occurs at or after `from`, or the text's length. */
export function htmlBlockEnd(source: string, kind: number, from: number): number {
	let end: number;
	switch (kind) {
		case 1:
			for (let closingTag = source.indexOf('</', from); closingTag >= 0; closingTag = source.indexOf('</', closingTag + 2)) {
				let nameEnd = closingTag + 2;
				while (nameEnd < source.length && isAsciiLetter(source.charCodeAt(nameEnd))) {
					nameEnd++;
				}
				if (nameEnd < source.length && source.charCodeAt(nameEnd) === Char.GreaterThan && isOneOf(source, closingTag + 2, nameEnd, HTML_RAW_NAMES)) {
					return closingTag;
				}
			}
			return source.length;
		case 2:
			end = source.indexOf('-->', from);
			break;
		case 3:
			end = source.indexOf('?>', from);
			break;
		case 4:
			end = source.indexOf('>', from);
			break;
		default:
			end = source.indexOf(']]>', from);
			break;
	}
	return end < 0 ? source.length : end;
}

/** Whether [start, end), a run of ASCII letters and digits, is one of the lower-case `names`, ignoring case. */
function isOneOf(source: string, start: number, end: number, names: readonly string[]): boolean {
	const length = end - start;
	for (let index = 0; index < names.length; index++) {
		const name = names[index];
		if (name.length !== length) {
			continue;
		}
		let matched = 0;
		// Setting bit 0x20 lower-cases ASCII letters and leaves digits alone.
		while (matched < length && (source.charCodeAt(start + matched) | 0x20) === name.charCodeAt(matched)) {
			matched++;
		}
		if (matched === length) {
			return true;
		}
	}
	return false;
}

function isTagNameChar(code: number): boolean {
	return isAsciiAlnum(code) || code === Char.Dash;
}

function isAttributeNameStart(code: number): boolean {
	return isAsciiLetter(code) || code === Char.Underscore || code === Char.Colon;
}

function isAttributeNameChar(code: number): boolean {
	return isAsciiAlnum(code) || code === Char.Underscore || code === Char.Colon || code === Char.Dot || code === Char.Dash;
}

function isUnquotedValueChar(code: number): boolean {
	// NUL counts as U+FFFD, which markdown-it substitutes before parsing.
	return code === 0 || (code > Char.Space && code !== Char.DoubleQuote && code !== Char.SingleQuote && code !== Char.Equals && code !== Char.LessThan && code !== Char.GreaterThan &&
		code !== Char.Backtick);
}
