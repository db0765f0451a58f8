// `streams_next` / `streams next`: what to work on now (DESIGN.md §7). Active tasks first, then the open tasks
// of each stream's first unfinished phase; streams in progress before ready ones, then by priority. Never from
// a blocked, paused or complete stream (nor one without a status), nor from one whose Requires (README.md's
// Dependencies, read as the health rules read them) are not complete yet.

import { findRequiredStream, readDependencies, requiredPhase } from '../health/rules/dependencies';
import { PRIORITY_ORDER, Stream, TaskState } from '../model/stream';
import { README } from '../model/streamDocuments';
import { readStreamDocument } from './documentInput';
import { fail, OperationContext, OperationOutcome, succeed } from './outcome';
import { planDocumentOf, planLines, planTasks, scanStreamPlan } from './planTasks';
import { resolveStream } from './streamResolution';

export interface NextTasksInput {
	readonly stream?: string;
	readonly limit?: number;
}

export interface NextTask {
	readonly stream: string;
	/** 1-based line in PLAN.md. */
	readonly line: number;
	readonly state: TaskState;
	readonly text: string;
	readonly phase: string | null;
}

export interface NextTasksResult {
	readonly tasks: NextTask[];
}

export const DEFAULT_NEXT_LIMIT = 5;
const MAX_NEXT_LIMIT = 100;

export async function nextTasks(context: OperationContext, input: NextTasksInput = {}): Promise<OperationOutcome<NextTasksResult>> {
	const limit = input.limit ?? DEFAULT_NEXT_LIMIT;
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NEXT_LIMIT) {
		return fail('invalid-input', `limit must be a whole number from 1 to ${MAX_NEXT_LIMIT}, not ${String(input.limit)}`);
	}
	let candidates: Stream[];
	if (input.stream !== undefined) {
		const resolved = resolveStream(context.streams, input.stream);
		if (!resolved.ok) {
			return resolved;
		}
		const waiting = await whyNotWorkable(context, resolved.result);
		if (waiting) {
			return fail('not-workable', `${resolved.result.id} ${waiting}`);
		}
		candidates = [resolved.result];
	} else {
		candidates = [];
		for (const stream of context.streams.filter(isWorkableStatus).sort(byUrgency)) {
			if (!await whyNotWorkable(context, stream)) {
				candidates.push(stream);
			}
		}
	}
	const active: NextTask[] = [];
	const open: NextTask[] = [];
	for (const stream of candidates) {
		const plan = await readStreamDocument(context.readText, stream, planDocumentOf(stream));
		if (plan.text === undefined) {
			continue;
		}
		const tasks = planTasks(planLines(plan.text), scanStreamPlan(stream, plan.text));
		const view = (task: typeof tasks[number]): NextTask => ({ stream: stream.id, line: task.line + 1, state: task.state, text: task.text, phase: task.phase });
		active.push(...tasks.filter(task => task.state === 'active').map(view));
		// The first phase with an open task; tasks before the first phase heading count as a phase of their own.
		const firstOpen = tasks.find(task => task.state === 'open');
		if (firstOpen) {
			open.push(...tasks.filter(task => task.state === 'open' && task.phase === firstOpen.phase).map(view));
		}
		if (active.length >= limit) {
			break;
		}
	}
	return succeed({ tasks: [...active, ...open].slice(0, limit) });
}

function isWorkableStatus(stream: Stream): boolean {
	return stream.status === 'in-progress' || stream.status === 'ready';
}

function byUrgency(a: Stream, b: Stream): number {
	const rank = (stream: Stream) => stream.status === 'in-progress' ? 0 : 1;
	const priority = (stream: Stream) => stream.priority === undefined ? PRIORITY_ORDER.length : PRIORITY_ORDER.indexOf(stream.priority);
	return rank(a) - rank(b) || priority(a) - priority(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Why a stream offers no work, or undefined when it does. */
async function whyNotWorkable(context: OperationContext, stream: Stream): Promise<string | undefined> {
	if (!isWorkableStatus(stream)) {
		return `is ${stream.status ?? 'without a status'}: only ready and in-progress streams offer tasks`;
	}
	const readme = await readStreamDocument(context.readText, stream, README);
	if (readme.text === undefined) {
		return undefined;
	}
	const siblings = context.streams.filter(other => other.source === stream.source);
	const waiting: string[] = [];
	for (const entry of readDependencies(readme.text)) {
		const required = findRequiredStream(siblings, entry.name);
		// A name that matches no stream is a lint finding, not a reason to stop the work.
		if (!required || required.status === 'complete' || requiredPhase(required, entry.note)?.done) {
			continue;
		}
		waiting.push(`${required.id} (${required.status ?? 'no status'})`);
	}
	return waiting.length > 0 ? `requires ${waiting.join(', ')}, which ${waiting.length === 1 ? 'is' : 'are'} not complete yet` : undefined;
}
