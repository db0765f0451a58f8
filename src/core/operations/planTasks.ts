// The tasks of a PLAN.md as agents see them: line, state, text and the phase they belong to. The scanner finds
// the checkboxes (DESIGN.md §3); this adds the words after each and the level-2 heading above it.

import { layoutOf } from '../layouts/layouts';
import { PlanScan, scanPlan, ScannedTask } from '../markdown/planScanner';
import { Stream, TaskState } from '../model/stream';
import { PLAN } from '../model/streamDocuments';
import { summarizePlan } from '../model/streamReader';
import { splitLines } from '../tasks/taskToggle';

export interface PlanTask {
	/** 0-based line of the list item. */
	readonly line: number;
	/** 0-based line and UTF-16 column of the checkbox's state character (between `[` and `]`). */
	readonly stateLine: number;
	readonly stateColumn: number;
	readonly state: TaskState;
	/** The words after the checkbox, trimmed. */
	readonly text: string;
	/** The level-2 heading the task stands under, or null before the first. */
	readonly phase: string | null;
}

export function planTasks(lines: readonly string[], scan: PlanScan): PlanTask[] {
	const phases = scan.headings.filter(heading => heading.level === 2);
	let next = 0;
	let phase: string | null = null;
	return scan.tasks.map(task => {
		while (next < phases.length && phases[next].line < task.line) {
			phase = phases[next++].text;
		}
		return toPlanTask(lines, task, phase);
	});
}

export function planLines(text: string): string[] {
	return splitLines(text);
}

/** The stream's plan document: PLAN.md, or its layout's tasks.md (DESIGN.md §8). */
export function planDocumentOf(stream: Stream): string {
	return stream.plan ?? PLAN;
}

/** The plan's tasks read with the stream's layout's checkbox vocabulary (Kiro's `[-]` is active). */
export function scanStreamPlan(stream: Stream, text: string): PlanScan {
	return scanPlan(text, layoutOf(stream.layout).tasks);
}

/** Counts and phases as the model computes them for the stream's layout (numbered phases for Kiro). */
export function planSummaryOf(stream: Stream, scan: PlanScan, text: string): { counts: PlanScan['counts']; phases: Stream['phases'] } {
	return summarizePlan(scan, text, layoutOf(stream.layout));
}

function toPlanTask(lines: readonly string[], task: ScannedTask, phase: string | null): PlanTask {
	const stateLine = task.checkboxLine ?? task.line;
	const lineText = lines[stateLine] ?? '';
	return {
		line: task.line,
		stateLine,
		stateColumn: task.checkboxColumn + 1,
		state: task.state,
		text: lineText.slice(task.checkboxColumn + 3).trim(),
		phase,
	};
}

export const STATE_CHARACTERS: Readonly<Record<TaskState, string>> = { open: ' ', active: '/', done: 'x', cancelled: '-' };

export const TASK_STATES: readonly TaskState[] = ['open', 'active', 'done', 'cancelled'];
