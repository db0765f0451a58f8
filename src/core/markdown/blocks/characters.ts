// Character codes and the character classes markdown-it's block rules test, shared by the plan scanner and
// the recognizers of each block kind. Everything works on UTF-16 code units, as markdown-it does.

/** UTF-16 code units, inlined by the compiler wherever they are compared. */
export const enum Char {
	Tab = 0x09,
	LineFeed = 0x0a,
	CarriageReturn = 0x0d,
	Space = 0x20,
	Bang = 0x21,
	DoubleQuote = 0x22,
	Hash = 0x23,
	SingleQuote = 0x27,
	OpenParen = 0x28,
	CloseParen = 0x29,
	Star = 0x2a,
	Plus = 0x2b,
	Dash = 0x2d,
	Dot = 0x2e,
	Slash = 0x2f,
	Colon = 0x3a,
	LessThan = 0x3c,
	Equals = 0x3d,
	GreaterThan = 0x3e,
	Question = 0x3f,
	OpenBracket = 0x5b,
	Backslash = 0x5c,
	CloseBracket = 0x5d,
	Underscore = 0x5f,
	Backtick = 0x60,
	Pipe = 0x7c,
	Tilde = 0x7e,
}

/** markdown-it's `isSpace`: a space or a tab. */
export function isSpace(code: number): boolean {
	return code === Char.Space || code === Char.Tab;
}

export function isDigit(code: number): boolean {
	return code >= 0x30 && code <= 0x39;
}

export function isAsciiLetter(code: number): boolean {
	return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isAsciiAlnum(code: number): boolean {
	return isAsciiLetter(code) || isDigit(code);
}

/** JavaScript's `\s` and `String.prototype.trim` set, which markdown-it's regexps and trims use. */
export function isJsWhitespace(code: number): boolean {
	return code === Char.Space || (code >= Char.Tab && code <= Char.CarriageReturn) || code === 0xa0 || code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f ||
		code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The first position at or after `position` (and before `end`) that is not JavaScript whitespace. */
export function skipJsWhitespace(source: string, position: number, end: number): number {
	while (position < end && isJsWhitespace(source.charCodeAt(position))) {
		position++;
	}
	return position;
}

/** The first position at or after `position` (and before `end`) that is not a space or a tab. */
export function skipSpaces(source: string, position: number, end: number): number {
	while (position < end && isSpace(source.charCodeAt(position))) {
		position++;
	}
	return position;
}

/** markdown-it's "light" trim: spaces, tabs and line breaks only. */
export function asciiTrim(source: string, from: number, to: number): string {
	while (from < to && isAsciiTrimmable(source.charCodeAt(from))) {
		from++;
	}
	while (to > from && isAsciiTrimmable(source.charCodeAt(to - 1))) {
		to--;
	}
	return source.slice(from, to);
}

function isAsciiTrimmable(code: number): boolean {
	return code === Char.Space || code === Char.Tab || code === Char.LineFeed || code === Char.CarriageReturn;
}

/** The end of [from, end) without the JavaScript whitespace that ends it. */
export function skipJsWhitespaceBack(source: string, from: number, end: number): number {
	while (end > from && isJsWhitespace(source.charCodeAt(end - 1))) {
		end--;
	}
	return end;
}
