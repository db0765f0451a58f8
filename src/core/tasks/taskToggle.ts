// The edits of `streams.toggleTask`, computed from the text alone so every cursor's line lands in one edit
// (one undo step). Each line gets at most one small replacement, so unrelated text, line endings and the
// positions of other cursors stay exactly as they were.
//
// Per line:
//   `[ ]` → `[x]`; `[x]`/`[X]` → `[ ]`; `[/]` (active) → `[x]`: toggling moves work towards done.
//   `[-]` (cancelled) → `[ ]`: a cancelled task was never done, so toggling reopens it rather than
//   recording work that did not happen; toggle again to check it.
//   A list item without a checkbox gets `[ ] ` after its marker; a plain line becomes `- [ ] …`, keeping its
//   indentation and block-quote marks. Blank lines and headings are left alone.

import { TaskState } from '../model/stream';
import { scanPlan } from '../markdown/planScanner';
import { STANDARD_TASKS, TaskVocabulary } from './taskVocabulary';
import { rollUpReplacements } from './taskRollUp';

/** Replace the UTF-16 columns [startColumn, endColumn) of a 0-based line with `text`. */
export interface TextReplacement {
	readonly line: number;
	readonly startColumn: number;
	readonly endColumn: number;
	readonly text: string;
}

/** A line the toggle changed, and the task state it now holds. */
export interface ToggledLine {
	readonly line: number;
	readonly state: TaskState;
	readonly replacement: TextReplacement;
}

export interface ToggleOptions {
	/** Check a parent whose last open child was checked; uncheck a checked parent when a child is unchecked. */
	readonly rollUp: boolean;
	/** What the checkboxes mean (the document's layout, DESIGN.md §8); §3 when not given. */
	readonly vocabulary?: TaskVocabulary;
}

/** Lines without their terminators; `\r\n`, `\r` and `\n` all end a line, as in VS Code's documents. */
export function splitLines(text: string): string[] {
	return text.split(/\r\n|\r|\n/);
}

// Indentation and block-quote marks, then a list marker followed by whitespace or the end of the line,
// then, optionally, a one-character checkbox followed by whitespace or the end of the line.
const LIST_ITEM = /^([ \t]*(?:>[ \t]?)*[ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)(?:\[(.)\](?=[ \t]|$))?/;
const LEADING = /^[ \t]*(?:>[ \t]?)*[ \t]*/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;

// The same, where `[c]*` marks an optional task (Kiro): the `*` stays, only the character inside changes.
const LIST_ITEM_OPTIONAL = /^([ \t]*(?:>[ \t]?)*[ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)(?:\[(.)\]\*?(?=[ \t]|$))?/;

/** The change toggling one line makes, or undefined for lines that are left alone. */
export function toggleLine(text: string, line: number, vocabulary: TaskVocabulary = STANDARD_TASKS): ToggledLine | undefined {
	const item = (vocabulary.optionalMarker ? LIST_ITEM_OPTIONAL : LIST_ITEM).exec(text);
	if (item) {
		const [whole, prefix, marker, space, checkbox] = item;
		const char = checkbox === undefined ? undefined : vocabulary.toggle[checkbox];
		if (char !== undefined && checkbox !== undefined) {
			const column = whole.lastIndexOf('[') + 1;
			const state: TaskState = vocabulary.marks[char] ?? 'open';
			return { line, state, replacement: { line, startColumn: column, endColumn: column + 1, text: char } };
		}
		// No checkbox (or brackets that are not one): the item becomes an open task.
		const contentStart = prefix.length + marker.length + space.length;
		const insert = space === '' ? ' [ ] ' : '[ ] ';
		return { line, state: 'open', replacement: { line, startColumn: contentStart, endColumn: contentStart, text: insert } };
	}
	const leading = LEADING.exec(text)?.[0].length ?? 0;
	const content = text.slice(leading);
	if (content.trim() === '' || HEADING.test(content)) {
		return undefined;
	}
	return { line, state: 'open', replacement: { line, startColumn: leading, endColumn: leading, text: '- [ ] ' } };
}

/** Toggles every given line once (duplicates and lines out of range are ignored), in line order. */
export function toggleLines(lines: readonly string[], selected: readonly number[], vocabulary: TaskVocabulary = STANDARD_TASKS): ToggledLine[] {
	const unique = [...new Set(selected)].filter(line => line >= 0 && line < lines.length).sort((a, b) => a - b);
	const result: ToggledLine[] = [];
	for (const line of unique) {
		const toggled = toggleLine(lines[line], line, vocabulary);
		if (toggled) {
			result.push(toggled);
		}
	}
	return result;
}

/** The lines with the replacements applied (replacements on distinct lines, or in ascending column order). */
export function applyReplacements(lines: readonly string[], replacements: readonly TextReplacement[]): string[] {
	const result = [...lines];
	const sorted = [...replacements].sort((a, b) => a.line - b.line || b.startColumn - a.startColumn);
	for (const { line, startColumn, endColumn, text } of sorted) {
		result[line] = result[line].slice(0, startColumn) + text + result[line].slice(endColumn);
	}
	return result;
}

/**
 * Everything `streams.toggleTask` changes for the selected lines of a document, as replacements against
 * the current text: the toggles, then (with roll-up) the parents they check or uncheck. Lines the user
 * toggled are never changed again by roll-up.
 */
export function toggleTaskEdits(text: string, selected: readonly number[], options: ToggleOptions): TextReplacement[] {
	const lines = splitLines(text);
	const vocabulary = options.vocabulary ?? STANDARD_TASKS;
	const toggled = toggleLines(lines, selected, vocabulary);
	const replacements = toggled.map(change => change.replacement);
	if (!options.rollUp || toggled.length === 0) {
		return replacements;
	}
	const after = applyReplacements(lines, replacements);
	const scan = scanPlan(after.join('\n'), vocabulary);
	// Roll-up only flips one character inside a checkbox on lines the toggle did not touch, so its columns
	// hold in the original text too.
	const rolled = rollUpReplacements(after, scan, toggled.map(change => change.line));
	return [...replacements, ...rolled].sort((a, b) => a.line - b.line);
}
