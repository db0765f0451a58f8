// `streams_set_task` / `streams task`: sets one task of a stream's PLAN.md to open, active, done or cancelled.
// The agent names the task by the line and text `streams_show` gave it. People edit the plan meanwhile, so the
// line is only a hint: if it no longer holds that text, the one task with exactly that text is used; none or
// several is an error that lists the open tasks as they are now, and nothing is written (DESIGN.md §7).

import { TaskCounts, TaskState } from '../model/stream';
import { layoutOf } from '../layouts/layouts';
import { characterFor } from '../tasks/taskVocabulary';
import { applyReplacements, TextReplacement } from '../tasks/taskToggle';
import { readStreamDocument } from './documentInput';
import { fail, OperationContext, OperationOutcome, succeed } from './outcome';
import { planDocumentOf, PlanTask, planLines, planTasks, scanStreamPlan, TASK_STATES } from './planTasks';
import { resolveStream } from './streamResolution';

export interface SetTaskInput {
	readonly stream: string;
	/** 1-based line, as `streams_show` gives it. */
	readonly line: number;
	readonly text: string;
	readonly state: TaskState;
}

export interface SetTaskResult {
	readonly stream: string;
	/** Path of the plan relative to the workspace folder. */
	readonly path: string;
	/** 1-based line the task is on now (it differs from the input when the text guard found it elsewhere). */
	readonly line: number;
	readonly before: string;
	readonly after: string;
	readonly state: TaskState;
	readonly progress: TaskCounts;
}

/** Open tasks listed in a refusal, at most. */
const LISTED_TASKS = 30;

export async function setTask(context: OperationContext, input: SetTaskInput): Promise<OperationOutcome<SetTaskResult>> {
	const resolved = resolveStream(context.streams, input.stream);
	if (!resolved.ok) {
		return resolved;
	}
	const stream = resolved.result;
	if (!TASK_STATES.includes(input.state)) {
		return fail('invalid-input', `state "${String(input.state)}" is not one of ${TASK_STATES.join(', ')}`);
	}
	if (!Number.isInteger(input.line) || input.line < 1) {
		return fail('invalid-input', `line must be a whole number from 1 (the task's line as streams_show gave it), not ${String(input.line)}`);
	}
	if (typeof input.text !== 'string' || input.text.trim() === '') {
		return fail('invalid-input', 'text is required: the task\'s text as streams_show gave it');
	}
	// The checkbox meanings of the stream's layout: Kiro writes `[-]` for active and has no cancelled state.
	const layout = layoutOf(stream.layout);
	const character = characterFor(layout.tasks, input.state);
	if (character === undefined) {
		return fail('invalid-input', `${stream.id} is a ${layout.id} stream: its ${layout.plan} has no ${input.state} tasks`);
	}
	const plan = await readStreamDocument(context.readText, stream, planDocumentOf(stream));
	if (plan.text === undefined) {
		return fail('missing-document', `${stream.id} has no ${planDocumentOf(stream)}; its documents are: ${stream.documents.join(', ') || 'none'}`);
	}
	const lines = planLines(plan.text);
	const tasks = planTasks(lines, scanStreamPlan(stream, plan.text));
	const found = findTask(tasks, input.line - 1, input.text.trim());
	if (!found.ok) {
		return fail(found.code, `${found.reason} in ${plan.path}. ${describeOpenTasks(tasks)}`);
	}
	const task = found.task;
	const before = lines[task.stateLine];
	const replacement: TextReplacement = { line: task.stateLine, startColumn: task.stateColumn, endColumn: task.stateColumn + 1, text: character };
	const unchanged = lines[task.stateLine][task.stateColumn] === replacement.text;
	const afterLines = unchanged ? lines : applyReplacements(lines, [replacement]);
	const result: SetTaskResult = {
		stream: stream.id,
		path: plan.path,
		line: task.line + 1,
		before,
		after: afterLines[task.stateLine],
		state: input.state,
		progress: scanStreamPlan(stream, afterLines.join('\n')).counts,
	};
	return succeed(result, unchanged ? [] : [{ kind: 'edit', source: stream.source, path: plan.path, replacements: [replacement] }]);
}

type TaskSearch =
	| { readonly ok: true; readonly task: PlanTask }
	| { readonly ok: false; readonly code: 'task-not-found' | 'ambiguous-task'; readonly reason: string };

function findTask(tasks: readonly PlanTask[], line: number, text: string): TaskSearch {
	const atLine = tasks.find(task => task.line === line || task.stateLine === line);
	if (atLine && sameText(atLine.text, text)) {
		return { ok: true, task: atLine };
	}
	const same = tasks.filter(task => sameText(task.text, text));
	if (same.length === 1) {
		return { ok: true, task: same[0] };
	}
	const shown = JSON.stringify(text);
	const now = atLine ? `line ${line + 1} now holds the task ${JSON.stringify(atLine.text)}` : `line ${line + 1} holds no task`;
	if (same.length > 1) {
		return { ok: false, code: 'ambiguous-task', reason: `${now}, and ${same.length} tasks read ${shown} (lines ${same.map(task => task.line + 1).join(', ')})` };
	}
	return { ok: false, code: 'task-not-found', reason: `${now}, and no task reads ${shown}` };
}

/** Whitespace inside the text is not worth refusing over: agents often collapse runs of spaces. */
function sameText(a: string, b: string): boolean {
	return a.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' ');
}

function describeOpenTasks(tasks: readonly PlanTask[]): string {
	const open = tasks.filter(task => task.state === 'open' || task.state === 'active');
	if (open.length === 0) {
		return 'The plan has no open tasks.';
	}
	const listed = open.slice(0, LISTED_TASKS).map(task => `line ${task.line + 1} [${task.state}] ${task.text}`);
	const more = open.length > LISTED_TASKS ? `; and ${open.length - LISTED_TASKS} more` : '';
	return `Open tasks now: ${listed.join('; ')}${more}.`;
}
