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
import { bodyLines } from '../markdown/bodyLines';
import { MarkdownOutline } from '../markdown/markdownOutline';
import { ScannedTask, scanPlan } from '../markdown/planScanner';
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

/** Why a selected line was left alone: markdown reads no task there, so a checkbox would count for nothing. */
export type ToggleRefusal = 'code' | 'comment' | 'front-matter' | 'table';

export interface ToggleOutcome {
	readonly replacements: readonly TextReplacement[];
	/** Selected lines that changed nothing, and why; the host tells the user when nothing changed at all. */
	readonly refused: readonly { readonly line: number; readonly reason: ToggleRefusal }[];
}

/** Where in a document markdown reads no tasks, line by line, for the lines that were selected. */
function refusalsAt(outline: MarkdownOutline, lines: readonly string[], selected: readonly number[]): Map<number, ToggleRefusal> {
	const refusals = new Map<number, ToggleRefusal>();
	// Each selected line on its own: a plan of thousands of lines is not walked for the few a person selected.
	for (const body of selected.flatMap(line => bodyLines(outline, lines, line, line + 1))) {
		if (body.code) {
			refusals.set(body.line, 'code');
		} else if (body.visible.trim() === '' && body.raw.trim() !== '') {
			refusals.set(body.line, 'comment');
		} else if (body.block?.kind === 'table') {
			refusals.set(body.line, 'table');
		}
	}
	for (const line of selected) {
		if (line < outline.frontMatterLines) {
			refusals.set(line, 'front-matter');
		}
	}
	return refusals;
}

/**
 * Toggles every given line once (duplicates and lines out of range are ignored), in line order. A line that
 * holds a task markdown finds (the scanner's own tasks: `1. - [x] inner`, a checkbox on the line after its
 * bullet) toggles that task; a line in code, a comment, front matter or a table changes nothing, and says why.
 */
function toggleTasks(text: string, selected: readonly number[], options: ToggleOptions): ToggleOutcome & { readonly toggled: readonly ToggledLine[] } {
	const lines = splitLines(text);
	const vocabulary = options.vocabulary ?? STANDARD_TASKS;
	const unique = [...new Set(selected)].filter(line => line >= 0 && line < lines.length).sort((a, b) => a - b);
	const scan = scanPlan(text, vocabulary, { outline: true });
	const tasks = new Map<number, ScannedTask>();
	for (const task of scan.tasks) {
		tasks.set(task.line, task);
		if (task.checkboxLine !== undefined) {
			tasks.set(task.checkboxLine, task);
		}
	}
	const refusals = refusalsAt(scan.outline!, lines, unique);
	const toggled: ToggledLine[] = [];
	const refused: { line: number; reason: ToggleRefusal }[] = [];
	for (const line of unique) {
		const task = tasks.get(line);
		const reason = refusals.get(line);
		const change = task ? toggleTask(lines, task, vocabulary) : reason ? undefined : toggleLine(lines[line], line, vocabulary);
		if (change) {
			toggled.push(change);
		} else if (reason) {
			refused.push({ line, reason });
		}
	}
	return { toggled, replacements: toggled.map(change => change.replacement), refused };
}

function toggleTask(lines: readonly string[], task: ScannedTask, vocabulary: TaskVocabulary): ToggledLine | undefined {
	const line = task.checkboxLine ?? task.line;
	const column = task.checkboxColumn + 1;
	const char = vocabulary.toggle[lines[line][column]];
	if (char === undefined) {
		return undefined;
	}
	return { line: task.line, state: vocabulary.marks[char] ?? 'open', replacement: { line, startColumn: column, endColumn: column + 1, text: char } };
}

/** Toggles every given line once, in line order (see `toggleTasks`). */
export function toggleLines(lines: readonly string[], selected: readonly number[], vocabulary: TaskVocabulary = STANDARD_TASKS): ToggledLine[] {
	return [...toggleTasks(lines.join('\n'), selected, { rollUp: false, vocabulary }).toggled];
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
	return [...toggleTaskOutcome(text, selected, options).replacements];
}

/** `toggleTaskEdits` with the lines it left alone and why, for a host to tell the user. */
export function toggleTaskOutcome(text: string, selected: readonly number[], options: ToggleOptions): ToggleOutcome {
	const lines = splitLines(text);
	const vocabulary = options.vocabulary ?? STANDARD_TASKS;
	const { toggled, replacements, refused } = toggleTasks(text, selected, options);
	if (!options.rollUp || toggled.length === 0) {
		return { replacements, refused };
	}
	const after = applyReplacements(lines, replacements);
	const scan = scanPlan(after.join('\n'), vocabulary);
	// Roll-up only flips one character inside a checkbox on lines the toggle did not touch, so its columns
	// hold in the original text too.
	const rolled = rollUpReplacements(after, scan, toggled.map(change => change.line));
	return { replacements: [...replacements, ...rolled].sort((a, b) => a.line - b.line), refused };
}
