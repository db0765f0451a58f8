// Our own layout (DESIGN.md §1–3): `.project/streams/<name>/` (the `streams.roots` setting) with README.md,
// PLAN.md, STATUS.md, HANDOFF.md and NOTES.md.

import { HEALTH_RULES } from '../health/healthFindings';
import { PLAN, README, STANDARD_DOCUMENTS, STATUS } from '../model/streamDocuments';
import { STANDARD_TASKS } from '../tasks/taskVocabulary';
import { StreamLayout } from './streamLayout';

export const STREAMS_LAYOUT: StreamLayout = {
	id: 'streams',
	roots: streamRoots => streamRoots.map(path => ({ path, layout: 'streams', excluded: [], archived: false })),
	plan: PLAN,
	headerDocuments: [README, STATUS],
	title: 'header',
	tasks: STANDARD_TASKS,
	status: 'header',
	hasStatusField: true,
	fieldDocument: undefined,
	statusFieldIsDocumentState: false,
	phases: 'headings',
	requiredDocuments: undefined,
	healthRules: new Set(HEALTH_RULES.map(rule => rule.id)),
	templateLeftovers: undefined,
	healthDocuments: STANDARD_DOCUMENTS,
};
