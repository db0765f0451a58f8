// What an edit does to a document, for people to confirm before an agent's write: the lines it removes and the
// lines it puts in their place, found by trimming the lines both texts share at the start and at the end.

import { splitLines } from '../tasks/taskToggle';

export interface ChangedLines {
	/** 0-based line of the first line that differs. */
	readonly line: number;
	readonly removed: readonly string[];
	readonly added: readonly string[];
	/** Lines left out of `removed` and `added` beyond `maxLines` each. */
	readonly omitted: number;
}

/** Undefined when the texts are the same. Linear in the length of the texts. */
export function changedLines(before: string, after: string, maxLines = 12): ChangedLines | undefined {
	if (before === after) {
		return undefined;
	}
	const old = splitLines(before);
	const now = splitLines(after);
	let start = 0;
	while (start < old.length && start < now.length && old[start] === now[start]) {
		start++;
	}
	let oldEnd = old.length;
	let newEnd = now.length;
	while (oldEnd > start && newEnd > start && old[oldEnd - 1] === now[newEnd - 1]) {
		oldEnd--;
		newEnd--;
	}
	const removed = old.slice(start, oldEnd);
	const added = now.slice(start, newEnd);
	const omitted = Math.max(0, removed.length - maxLines) + Math.max(0, added.length - maxLines);
	return { line: start, removed: removed.slice(0, maxLines), added: added.slice(0, maxLines), omitted };
}
