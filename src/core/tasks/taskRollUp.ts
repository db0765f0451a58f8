// Parent and child tasks of a plan, and the roll-up of `streams.toggleTask.rollUp`: checking the last open
// child checks its parent, unchecking a child unchecks a checked parent, and both carry on upwards.
//
// A task's parent is the task whose list item encloses it: the nearest line above with less indentation,
// if that line is a task. A heading, or a plain item or paragraph in between, ends the relation — a
// checklist under a non-task bullet has no task parent to roll up into.

import { TaskState } from '../model/stream';
import { PlanScan, ScannedTask } from '../markdown/planScanner';
import { TextReplacement } from './taskToggle';

export interface TaskNode {
	readonly task: ScannedTask;
	/** 0-based line of the parent task, if any. */
	readonly parent: number | undefined;
	/** 0-based lines of the direct child tasks, in order. */
	readonly children: readonly number[];
}

const TAB_SIZE = 4;

/** Visual column of a line's first character that is neither whitespace nor a block-quote mark; -1 when blank. */
export function blockIndent(text: string): number {
	let column = 0;
	for (const char of text) {
		if (char === '\t') {
			column += TAB_SIZE - (column % TAB_SIZE);
		} else if (char === ' ' || char === '>') {
			column++;
		} else {
			return column;
		}
	}
	return -1;
}

/** How many block quotes a line is in: the `>` marks before its content. */
function quoteDepth(text: string): number {
	return /^[ \t]*((?:>[ \t]*)*)/.exec(text)![1].replace(/[ \t]/g, '').length;
}

/** Every task of the scan by line, with its parent and children. One pass over the lines. */
export function taskTree(lines: readonly string[], scan: PlanScan): Map<number, TaskNode> {
	const tasks = new Map(scan.tasks.map(task => [task.line, task]));
	// A checkbox written on the line after a bare marker belongs to the task of the marker's line.
	const checkboxOwners = new Map(scan.tasks.filter(task => task.checkboxLine !== undefined).map(task => [task.checkboxLine!, task.line]));
	const headings = new Set(scan.headings.map(heading => heading.line));
	const parents = new Map<number, number | undefined>();
	const children = new Map<number, number[]>();
	// The lines enclosing the current one, innermost last; indentation strictly increasing.
	const enclosing: { indent: number; line: number }[] = [];
	let depth = 0;
	for (let line = 0; line < lines.length; line++) {
		if (headings.has(line)) {
			enclosing.length = 0;
			continue;
		}
		const indent = blockIndent(lines[line]);
		if (indent < 0) {
			continue;
		}
		// Entering or leaving a block quote starts new lists: nothing outside encloses what is inside.
		const lineDepth = quoteDepth(lines[line]);
		if (lineDepth !== depth) {
			enclosing.length = 0;
			depth = lineDepth;
		}
		while (enclosing.length > 0 && enclosing[enclosing.length - 1].indent >= indent) {
			enclosing.pop();
		}
		if (tasks.has(line)) {
			const outer = enclosing[enclosing.length - 1];
			const parent = outer && tasks.has(outer.line) ? outer.line : undefined;
			parents.set(line, parent);
			if (parent !== undefined) {
				const siblings = children.get(parent);
				if (siblings) {
					siblings.push(line);
				} else {
					children.set(parent, [line]);
				}
			}
		}
		enclosing.push({ indent, line: checkboxOwners.get(line) ?? line });
	}
	const tree = new Map<number, TaskNode>();
	for (const [line, task] of tasks) {
		tree.set(line, { task, parent: parents.get(line), children: children.get(line) ?? [] });
	}
	return tree;
}

const CHECKBOX_CHAR: Readonly<Record<'done' | 'open', string>> = { done: 'x', open: ' ' };

/**
 * The parents to check or uncheck after the tasks on `changedLines` took their current states (as `scan`
 * of `lines` shows them). Changed lines themselves are never touched: what the user toggled stays toggled.
 * A cancelled parent is left as it is, and stops the roll-up there.
 */
export function rollUpReplacements(lines: readonly string[], scan: PlanScan, changedLines: readonly number[]): TextReplacement[] {
	const tree = taskTree(lines, scan);
	const states = new Map<number, TaskState>(scan.tasks.map(task => [task.line, task.state]));
	const explicit = new Set(changedLines);
	const replacements = new Map<number, TextReplacement>();

	const set = (line: number, state: 'done' | 'open') => {
		states.set(line, state);
		const { task } = tree.get(line)!;
		// An item whose first line holds only its marker has its checkbox on the next line.
		const checkboxLine = task.checkboxLine ?? task.line;
		const column = task.checkboxColumn + 1;
		replacements.set(line, { line: checkboxLine, startColumn: column, endColumn: column + 1, text: CHECKBOX_CHAR[state] });
	};
	// An optional child (Kiro's `[ ]*`) may be skipped: it never keeps its parent open.
	const finished = (line: number) => states.get(line) === 'done' || states.get(line) === 'cancelled' || tree.get(line)?.task.optional === true;

	const propagate = (line: number): void => {
		const parent = tree.get(line)?.parent;
		if (parent === undefined || explicit.has(parent)) {
			return;
		}
		const childState = states.get(line);
		const parentState = states.get(parent);
		if (childState === 'open' || childState === 'active') {
			if (parentState === 'done') {
				set(parent, 'open');
				propagate(parent);
			}
		} else if (childState === 'done' && (parentState === 'open' || parentState === 'active')) {
			if (tree.get(parent)!.children.every(finished)) {
				set(parent, 'done');
				propagate(parent);
			}
		}
	};

	for (const line of [...explicit].sort((a, b) => b - a)) {
		propagate(line);
	}
	return [...replacements.values()].sort((a, b) => a.line - b.line);
}
