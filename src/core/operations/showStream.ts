// `streams_show` / `streams show`: one stream as `status --json` gives it, plus what an agent needs to pick the
// work up: the plan's tasks (open and active by default), STATUS.md's summary and blockers, and HANDOFF.md's
// next steps, read from the documents as they are now.

import { TaskState } from '../model/stream';
import { HANDOFF, STATUS } from '../model/streamDocuments';
import { StreamJson, streamToJson } from '../model/streamJson';
import { readStreamDocument } from './documentInput';
import { findSection, sectionedDocument, sectionItems, sectionText } from './documentSections';
import { fail, OperationContext, OperationOutcome, succeed } from './outcome';
import { planDocumentOf, planLines, planSummaryOf, planTasks, scanStreamPlan } from './planTasks';
import { resolveStream } from './streamResolution';

export interface ShowStreamInput {
	readonly stream: string;
	/** `open` (the default) lists open and active tasks; `all` lists every task. */
	readonly tasks?: 'open' | 'all';
}

export interface TaskView {
	/** 1-based line in PLAN.md: give it back, with the text, to `streams_set_task`. */
	readonly line: number;
	readonly state: TaskState;
	readonly text: string;
	readonly phase: string | null;
}

export interface ShowStreamResult extends StreamJson {
	readonly tasks: TaskView[];
	/** STATUS.md's Summary section, or null. */
	readonly summary: string | null;
	/** The items of STATUS.md's Blockers section. */
	readonly blockers: string[];
	/** The items of HANDOFF.md's Next Steps section. */
	readonly nextSteps: string[];
}

/** "None yet. When something stops the work, …": a blockers list that says there are none. */
const NO_BLOCKERS = /^(?:none|nothing|no blockers)\b/i;

export async function showStream(context: OperationContext, input: ShowStreamInput): Promise<OperationOutcome<ShowStreamResult>> {
	const resolved = resolveStream(context.streams, input.stream);
	if (!resolved.ok) {
		return resolved;
	}
	if (input.tasks !== undefined && input.tasks !== 'open' && input.tasks !== 'all') {
		return fail('invalid-input', `tasks must be "open" or "all", not "${String(input.tasks)}"`);
	}
	const stream = resolved.result;
	const [plan, status, handoff] = await Promise.all([planDocumentOf(stream), STATUS, HANDOFF].map(name => readStreamDocument(context.readText, stream, name)));
	const all = input.tasks === 'all';
	const scan = plan.text === undefined ? undefined : scanStreamPlan(stream, plan.text);
	const tasks = plan.text === undefined || !scan ? [] : planTasks(planLines(plan.text), scan)
		.filter(task => all || task.state === 'open' || task.state === 'active')
		.map(task => ({ line: task.line + 1, state: task.state, text: task.text, phase: task.phase }));
	let summary: string | null = null;
	let blockers: string[] = [];
	if (status.text !== undefined) {
		const document = sectionedDocument(status.text);
		const section = findSection(document, 'Summary');
		summary = section ? sectionText(document, section) || null : null;
		const blockerSection = findSection(document, 'Blockers');
		blockers = blockerSection ? sectionItems(document, blockerSection).filter(item => !NO_BLOCKERS.test(item)) : [];
	}
	let nextSteps: string[] = [];
	if (handoff.text !== undefined) {
		const document = sectionedDocument(handoff.text);
		const section = findSection(document, 'Next Steps');
		nextSteps = section ? sectionItems(document, section) : [];
	}
	// Progress from the plan as it is now, not as the model last read it.
	const planSummary = scan && plan.text !== undefined ? planSummaryOf(stream, scan, plan.text) : undefined;
	const current = planSummary ? { ...stream, progress: planSummary.counts, phases: planSummary.phases } : stream;
	return succeed({ ...streamToJson(current), tasks, summary, blockers, nextSteps });
}
