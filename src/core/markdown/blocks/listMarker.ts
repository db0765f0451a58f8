// List item markers, as markdown-it's `list` rule reads them (skipBulletListMarker, skipOrderedListMarker):
// `-`, `*` or `+`, or 1–9 digits and `.` or `)`, followed by a space, a tab or the end of the line.

import { Char, isDigit, isSpace } from './characters';

/** The position after a bullet marker (`-`, `*`, `+`) at `first`, or -1 when there is none. */
export function bulletMarkerEnd(source: string, first: number, lineEnd: number): number {
	const marker = source.charCodeAt(first);
	if (marker !== Char.Star && marker !== Char.Dash && marker !== Char.Plus) {
		return -1;
	}
	const after = first + 1;
	if (after < lineEnd && !isSpace(source.charCodeAt(after))) {
		return -1;
	}
	return after;
}

/** The position after an ordered marker (`1.`, `1)`, 1–9 digits) at `first`, or -1 when there is none. */
export function orderedMarkerEnd(source: string, first: number, lineEnd: number): number {
	let position = first;
	if (position + 1 >= lineEnd) {
		return -1;
	}
	let code = source.charCodeAt(position++);
	if (!isDigit(code)) {
		return -1;
	}
	for (;;) {
		if (position >= lineEnd) {
			return -1;
		}
		code = source.charCodeAt(position++);
		if (isDigit(code)) {
			if (position - first >= 10) {
				return -1;
			}
			continue;
		}
		if (code === Char.CloseParen || code === Char.Dot) {
			break;
		}
		return -1;
	}
	if (position < lineEnd && !isSpace(source.charCodeAt(position))) {
		return -1;
	}
	return position;
}

/**
 * Whether the ordered marker in [first, markerEnd) — its digits and the `.` or `)` — numbers the item 1: only
 * such a list may interrupt a paragraph.
 */
export function orderedMarkerIsOne(source: string, first: number, markerEnd: number): boolean {
	const lastDigit = markerEnd - 2;
	for (let position = first; position < lastDigit; position++) {
		if (source.charCodeAt(position) !== 0x30) {
			return false;
		}
	}
	return source.charCodeAt(lastDigit) === 0x31;
}
