// OpenSpec's changes (DESIGN.md §8): `openspec/changes/<id>/` with proposal.md, tasks.md, design.md and the
// change's spec deltas in `specs/`; done changes move to `openspec/changes/archive/YYYY-MM-DD-<id>/`. An
// archived change is complete, open tasks and all: that is what archiving means there.

import { STANDARD_TASKS } from '../tasks/taskVocabulary';
import { StreamLayout } from './streamLayout';

export const OPENSPEC_LAYOUT: StreamLayout = {
	id: 'openspec',
	roots: () => [
		{ path: 'openspec/changes', layout: 'openspec', excluded: ['archive'], archived: false },
		{ path: 'openspec/changes/archive', layout: 'openspec', excluded: [], archived: true },
	],
	plan: 'tasks.md',
	headerDocuments: ['proposal.md'],
	title: { document: 'proposal.md', prefixes: /^(?:Change Proposal|Change|Proposal)\s*:\s*/i },
	tasks: STANDARD_TASKS,
	status: 'header-else-progress',
	hasStatusField: true,
	fieldDocument: 'proposal.md',
	statusFieldIsDocumentState: false,
	phases: 'headings-else-numbered-tasks',
	requiredDocuments: ['proposal.md'],
	healthRules: new Set(['unknown-status', 'unknown-priority', 'malformed-front-matter', 'status-vs-plan', 'missing-document']),
	templateLeftovers: undefined,
	healthDocuments: ['proposal.md', 'design.md', 'tasks.md'],
};
