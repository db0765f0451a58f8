// Phases from numbered tasks (DESIGN.md §8): Kiro writes `- [ ] 3. Build the API`, then `- [ ] 3.1 …`,
// `- [ ] 3.2 …` (nested under it or at its own indentation). Each whole-numbered task is a phase, titled with
// its text (number kept) at its line, counting the tasks numbered `3.x` up to the next whole-numbered task, or
// the task itself when none of those count.

import { PlanScan, ScannedTask } from '../markdown/planScanner';
import { makeCounts, Phase } from '../model/stream';

const WHOLE_NUMBER = /^(\d+)\.(?=[ \t]|$)/;
const SUB_NUMBER = /^(\d+)\.\d/;

/** A task's text on its checkbox line: after `[c]` (and an optional `*`), trimmed. */
export function taskText(lines: readonly string[], task: ScannedTask): string {
	const line = lines[task.checkboxLine ?? task.line] ?? '';
	let start = task.checkboxColumn + 3;
	if (task.optional) {
		start++;
	}
	return line.slice(start).trim();
}

/** The phases of a plan's whole-numbered tasks; empty when it has none. */
export function numberedPhases(scan: PlanScan, lines: readonly string[]): Phase[] {
	const wholes: { index: number; number: string; text: string }[] = [];
	scan.tasks.forEach((task, index) => {
		const text = taskText(lines, task);
		const match = WHOLE_NUMBER.exec(text);
		if (match) {
			wholes.push({ index, number: match[1], text });
		}
	});
	const optionalCounts = scan.counts.optional !== undefined;
	return wholes.map((whole, i) => {
		const end = i + 1 < wholes.length ? wholes[i + 1].index : scan.tasks.length;
		const counted = { done: 0, open: 0, active: 0, cancelled: 0, optional: 0 };
		for (let t = whole.index + 1; t < end; t++) {
			const task = scan.tasks[t];
			const sub = SUB_NUMBER.exec(taskText(lines, task));
			if (sub && sub[1] === whole.number) {
				counted[task.optional ? 'optional' : task.state]++;
			}
		}
		if (counted.done + counted.open + counted.active === 0) {
			const own = scan.tasks[whole.index];
			counted[own.optional ? 'optional' : own.state]++;
		}
		return {
			title: whole.text,
			line: scan.tasks[whole.index].line,
			counts: makeCounts(counted.done, counted.open, counted.active, counted.cancelled, optionalCounts ? counted.optional : undefined),
		};
	});
}
