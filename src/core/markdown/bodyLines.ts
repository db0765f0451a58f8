// The lines of a markdown body marked as code or prose, with HTML comments blanked out: the one walk that the
// header reader (headerFields.ts) and the health rules (healthRules/proseLines.ts) share, so a fence or a
// comment ends at the same line for both.
//
// Fences close as markdown-it closes them (the preview's renderer): the same marker, at least as long, followed
// by spaces and tabs only.

export interface BodyLine {
	/** 0-based line. */
	readonly line: number;
	/** The line as written. */
	readonly raw: string;
	/**
	 * The line with HTML comments replaced by spaces (same length, so columns still hold). Lines inside a fence
	 * are as written: a comment there is code.
	 */
	readonly visible: string;
	/** Inside a fenced code block, or a fence line itself. */
	readonly code: boolean;
}

interface Fence {
	readonly char: string;
	readonly length: number;
}

// Fences may stand in block quotes.
const FENCE_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*/;

function fenceOpening(text: string): Fence | undefined {
	const rest = text.slice(FENCE_PREFIX.exec(text)?.[0].length ?? 0);
	const match = /^(`{3,}|~{3,})(.*)$/.exec(rest);
	// A backtick fence's info string may not contain a backtick: "```a```" is inline code.
	if (!match || (match[1][0] === '`' && match[2].includes('`'))) {
		return undefined;
	}
	return { char: match[1][0], length: match[1].length };
}

function closesFence(text: string, fence: Fence): boolean {
	const rest = text.slice(FENCE_PREFIX.exec(text)?.[0].length ?? 0);
	const match = /^(`{3,}|~{3,})[ \t]*$/.exec(rest);
	return !!match && match[1][0] === fence.char && match[1].length >= fence.length;
}

/** Every line from `from` on (the line after any front matter), in order. */
export function bodyLines(lines: readonly string[], from: number): BodyLine[] {
	const result: BodyLine[] = [];
	let fence: Fence | undefined;
	let inComment = false;
	for (let line = from; line < lines.length; line++) {
		const raw = lines[line];
		if (fence) {
			if (closesFence(raw, fence)) {
				fence = undefined;
			}
			result.push({ line, raw, visible: raw, code: true });
			continue;
		}
		let visible = '';
		let at = 0;
		while (at < raw.length) {
			if (inComment) {
				const end = raw.indexOf('-->', at);
				const stop = end < 0 ? raw.length : end + 3;
				visible += ' '.repeat(stop - at);
				at = stop;
				inComment = end < 0;
			} else {
				const start = raw.indexOf('<!--', at);
				if (start < 0) {
					visible += raw.slice(at);
					break;
				}
				visible += raw.slice(at, start) + '    ';
				at = start + 4;
				inComment = true;
			}
		}
		const opening = fenceOpening(visible);
		if (opening) {
			fence = opening;
		}
		result.push({ line, raw, visible, code: opening !== undefined });
	}
	return result;
}
