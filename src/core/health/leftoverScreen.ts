// Typing in a big plan re-checks its stream after every burst, and the template-leftover rule's first look (a
// case-insensitive search of the whole text, 0.3 ms over a 10,000-task plan) was most of that check. An editor
// knows what each keystroke changed: once a version of a buffer was found free of leftover words, a later
// version needs looking at only where the edits since then fell, widened by the longest word's length.
//
// Versions are the editor's (VS Code's `TextDocument.version`, one more per change event). An edit that does not
// follow the version last seen (an event missed, a document reopened) is not trusted: the buffer is looked at
// whole next time. So the answer is always the whole-text answer, only cheaper.

import { LONGEST_LEFTOVER_WORD, mayHoldLeftover } from './rules/templateLeftovers';

/** One change of a buffer: `removedLength` characters at `offset` replaced by `insertedLength` others. */
export interface BufferEdit {
	readonly offset: number;
	readonly removedLength: number;
	readonly insertedLength: number;
}

interface CleanBuffer {
	/** The version last seen; the text at some earlier (or this) version held no leftover word. */
	version: number;
	/** Where that text changed since, in the text of `version`: [start, end), or undefined when it did not. */
	changed?: { start: number; end: number };
}

export class LeftoverScreen {
	private readonly buffers = new Map<string, CleanBuffer>();

	/**
	 * The buffer `key` went to `version` by `edits`. Only a one-change event is followed: several changes at once
	 * (several cursors) may give their offsets in the text before any of them, and a guess could miss a word.
	 */
	edited(key: string, version: number, edits: readonly BufferEdit[]): void {
		const buffer = this.buffers.get(key);
		if (!buffer || (edits.length === 0 && version === buffer.version)) {
			// Not followed, or only the dirty state changed.
			return;
		}
		if (buffer.version !== version - 1 || edits.length !== 1) {
			this.buffers.delete(key);
			return;
		}
		buffer.changed = widened(buffer.changed, edits[0]);
		buffer.version = version;
	}

	/** The buffer is closed, or its text came from elsewhere: look at it whole next time. */
	forget(key: string): void {
		this.buffers.delete(key);
	}

	/**
	 * Whether the text of buffer `key` at `version` may hold a leftover word, as `mayHoldLeftover` would answer;
	 * a text of no version (a file, not a buffer) is looked at whole.
	 */
	mayHoldLeftover(key: string, version: number | undefined, text: string): boolean {
		if (version === undefined) {
			return mayHoldLeftover(text);
		}
		const buffer = this.buffers.get(key);
		let may: boolean;
		if (buffer?.version === version) {
			const { changed } = buffer;
			may = changed !== undefined && mayHoldLeftover(text.slice(
				Math.max(0, changed.start - (LONGEST_LEFTOVER_WORD - 1)),
				Math.min(text.length, changed.end + (LONGEST_LEFTOVER_WORD - 1))));
		} else {
			may = mayHoldLeftover(text);
		}
		if (may) {
			// A text holding one is read line by line anyway, and an edit elsewhere can take it away: nothing to keep.
			this.buffers.delete(key);
		} else {
			this.buffers.set(key, { version });
		}
		return may;
	}
}

/** The stretch that changed, carried through one more edit and grown to hold it (a deletion holds its seam). */
function widened(changed: { start: number; end: number } | undefined, edit: BufferEdit): { start: number; end: number } {
	const { offset, removedLength, insertedLength } = edit;
	const editEnd = offset + insertedLength;
	if (!changed) {
		return { start: offset, end: editEnd };
	}
	const moved = (position: number, inside: number) =>
		position <= offset ? position : position >= offset + removedLength ? position + insertedLength - removedLength : inside;
	return {
		start: Math.min(moved(changed.start, offset), offset),
		end: Math.max(moved(changed.end, editEnd), editEnd),
	};
}
