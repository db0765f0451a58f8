// Link reference definitions, as markdown-it's `reference` rule reads them: `[label]: destination "title"`,
// possibly over several lines. A definition makes no token of its own, so the scanner only needs to know how
// many lines one takes; the lines after the first are handed over by the scanner, which knows the containers.

import { Char, isJsWhitespace, isSpace } from './characters';

/** The lines after a definition's first, as the scanner sees them inside their containers. */
export interface ContinuationLines {
	/**
	 * Where the content of the line after the one ending at `lineEnd` starts, or -1 when a definition cannot go
	 * on there (a blank line, a line outside the enclosing quotes, a line that starts another block).
	 */
	contentAfter(lineEnd: number): number;
	/** The end of the line `contentAfter` last accepted. */
	acceptedLineEnd(): number;
}

/**
 * A cheap first look at a line starting with `[`, so that a checkbox does not pay for the full rule:
 * false when the label closes on this line without a `:` after it (or another `[` comes first).
 */
export function referenceMayStart(source: string, first: number, lineEnd: number): boolean {
	for (let position = first + 1; position < lineEnd; position++) {
		const code = source.charCodeAt(position);
		if (code === Char.OpenBracket) {
			return false;
		}
		if (code === Char.CloseBracket) {
			return position + 1 < lineEnd && source.charCodeAt(position + 1) === Char.Colon;
		}
		if (code === Char.Backslash) {
			position++;
		}
	}
	return true;
}

/**
 * markdown-it's reference rule at a `[` starting the line: returns how many lines after this one the
 * definition takes, or -1 when there is no valid definition.
 */
export function referenceDefinitionLines(source: string, first: number, lineEnd: number, lines: ContinuationLines): number {
	const length = source.length;
	let currentLineEnd = lineEnd;
	let max = currentLineEnd < length ? currentLineEnd + 1 : length;
	let extraLines = 0;
	// The character markdown-it would see: the line break is always `\n`, NUL became U+FFFD.
	const codeAt = (cursor: number): number => {
		if (cursor === currentLineEnd) {
			return cursor < length ? Char.LineFeed : NaN;
		}
		const code = source.charCodeAt(cursor);
		return code === 0 ? 0xfffd : code;
	};
	const nextLine = (): number => {
		const contentStart = lines.contentAfter(currentLineEnd);
		if (contentStart >= 0) {
			currentLineEnd = lines.acceptedLineEnd();
			max = currentLineEnd < length ? currentLineEnd + 1 : length;
			extraLines++;
		}
		return contentStart;
	};

	// The label.
	let position = first + 1;
	let segmentStart = position;
	let rawLength = 0;
	let labelEnd = -1;
	let hasText = false;
	let pairs = 0;
	let previousHigh = false;
	while (position < max) {
		if (rawLength + position - segmentStart > 1998) {
			return -1;
		}
		let code = codeAt(position);
		if (code === Char.OpenBracket) {
			return -1;
		}
		if (code === Char.CloseBracket) {
			labelEnd = position;
			break;
		}
		if (code === Char.Backslash) {
			hasText = true;
			previousHigh = false;
			code = codeAt(++position);
		}
		if (code === Char.LineFeed && position < max) {
			rawLength += max - segmentStart;
			previousHigh = false;
			const contentStart = nextLine();
			if (contentStart < 0) {
				return -1;
			}
			position = segmentStart = contentStart;
			continue;
		}
		if (!isJsWhitespace(code)) {
			hasText = true;
		}
		if (previousHigh && code >= 0xdc00 && code <= 0xdfff) {
			pairs++;
			previousHigh = false;
		} else {
			previousHigh = code >= 0xd800 && code <= 0xdbff;
		}
		position++;
	}
	if (labelEnd < 0 || labelEnd + 1 >= max || codeAt(labelEnd + 1) !== Char.Colon) {
		return -1;
	}
	rawLength += labelEnd - segmentStart;
	if (!hasText || (rawLength > 999 && rawLength - pairs > 999)) {
		return -1;
	}

	// Spaces, and codeAt most one line break, before the destination.
	const skipSpacesAndBreak = (): void => {
		while (position < max) {
			const code = codeAt(position);
			if (code === Char.LineFeed) {
				const contentStart = nextLine();
				if (contentStart < 0) {
					break;
				}
				position = contentStart;
			} else if (isSpace(code)) {
				position++;
			} else {
				break;
			}
		}
	};
	position = labelEnd + 2;
	skipSpacesAndBreak();

	// The destination.
	let destinationStart: number;
	let destinationEnd: number;
	if (position < max && codeAt(position) === Char.LessThan) {
		let cursor = position + 1;
		destinationStart = cursor;
		destinationEnd = -1;
		while (cursor < max) {
			const code = codeAt(cursor);
			if (code === Char.LineFeed || code === Char.LessThan) {
				return -1;
			}
			if (code === Char.GreaterThan) {
				destinationEnd = cursor;
				break;
			}
			if (code === Char.Backslash && cursor + 1 < max) {
				cursor += 2;
				continue;
			}
			cursor++;
		}
		if (destinationEnd < 0) {
			return -1;
		}
		position = destinationEnd + 1;
	} else {
		let cursor = position;
		let depth = 0;
		while (cursor < max) {
			const code = codeAt(cursor);
			if (code === Char.Space || code < 0x20 || code === 0x7f) {
				break;
			}
			if (code === Char.Backslash && cursor + 1 < max) {
				cursor += codeAt(cursor + 1) === Char.Space ? 1 : 2;
				continue;
			}
			if (code === Char.OpenParen) {
				depth++;
				if (depth > 32) {
					return -1;
				}
			}
			if (code === Char.CloseParen) {
				if (depth === 0) {
					break;
				}
				depth--;
			}
			cursor++;
		}
		if (cursor === position || depth !== 0) {
			return -1;
		}
		destinationStart = position;
		destinationEnd = cursor;
		position = cursor;
	}
	if (isForbiddenLink(source.slice(destinationStart, destinationEnd))) {
		return -1;
	}
	const afterDestination = position;
	const afterDestinationLineEnd = currentLineEnd;
	const afterDestinationMax = max;
	const afterDestinationExtraLines = extraLines;

	// The optional title, which may span lines.
	skipSpacesAndBreak();
	const titleStart = position;
	let titleOk = false;
	let titleEmpty = true;
	if (position < max) {
		let marker = codeAt(position);
		if (marker === Char.DoubleQuote || marker === Char.SingleQuote || marker === Char.OpenParen) {
			if (marker === Char.OpenParen) {
				marker = Char.CloseParen;
			}
			position++;
			let start = position;
			for (;;) {
				let closed = false;
				let broken = false;
				while (position < max) {
					const code = codeAt(position);
					if (code === marker) {
						closed = true;
						break;
					}
					if (code === Char.OpenParen && marker === Char.CloseParen) {
						broken = true;
						break;
					}
					if (code === Char.Backslash && position + 1 < max) {
						position++;
					}
					position++;
				}
				if (position > start) {
					titleEmpty = false;
				}
				if (closed) {
					titleOk = true;
					position++;
					break;
				}
				if (broken) {
					break;
				}
				const contentStart = nextLine();
				if (contentStart < 0) {
					break;
				}
				position = start = contentStart;
			}
		}
	}
	let titleUsed = titleStart !== afterDestination && titleOk;
	const rollBack = (): void => {
		position = afterDestination;
		currentLineEnd = afterDestinationLineEnd;
		max = afterDestinationMax;
		extraLines = afterDestinationExtraLines;
	};
	if (!titleUsed) {
		rollBack();
	}
	while (position < max && isSpace(codeAt(position))) {
		position++;
	}
	if (position < max && codeAt(position) !== Char.LineFeed && titleUsed && !titleEmpty) {
		// Garbage after the title: markdown-it retries without it.
		titleUsed = false;
		rollBack();
		while (position < max && isSpace(codeAt(position))) {
			position++;
		}
	}
	if (position < max && codeAt(position) !== Char.LineFeed) {
		return -1;
	}
	return extraLines;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { colon: ':', Tab: '\t', NewLine: '\n', nbsp: '\u00a0' };

/**
 * markdown-it refuses reference definitions whose destination is a `javascript:`, `vbscript:`, `file:` or
 * (non-image) `data:` link. It decodes escapes and entities first; of the named entities only those that can
 * spell such a scheme's prefix are decoded here.
 */
function isForbiddenLink(raw: string): boolean {
	let url = raw;
	if (url.indexOf('\\') >= 0 || url.indexOf('&') >= 0) {
		url = url.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])|&([a-z#][a-z0-9]{1,31});/gi,
			(match: string, escaped: string | undefined, entity: string | undefined) => {
				if (escaped) {
					return escaped;
				}
				return decodeEntity(match, entity ?? '');
			});
	}
	url = url.trim().toLowerCase();
	if (!/^(vbscript|javascript|file|data):/.test(url)) {
		return false;
	}
	return !/^data:image\/(gif|png|jpeg|webp);/.test(url);
}

function decodeEntity(match: string, name: string): string {
	if (name.charCodeAt(0) === Char.Hash) {
		if (!/^#(x[a-f0-9]{1,8}|[0-9]{1,8})$/i.test(name)) {
			return match;
		}
		const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
		if ((code >= 0xd800 && code <= 0xdfff) || (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xffff) === 0xffff ||
			(code & 0xffff) === 0xfffe || code <= 0x08 || code === 0x0b || (code >= 0x0e && code <= 0x1f) ||
			(code >= 0x7f && code <= 0x9f) || code > 0x10ffff) {
			return match;
		}
		return String.fromCodePoint(code);
	}
	return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : match;
}
