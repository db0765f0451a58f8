// GitHub Spec Kit's features (DESIGN.md §8): `specs/<NNN-name>/` holding spec.md, with plan.md, tasks.md,
// research.md … beside it. spec.md carries `**Created**:` and `**Status**: Draft`, the state of the spec
// document, so the work's status follows tasks.md's progress. `[FEATURE NAME]`, `[DATE]`, `[###-feature-name]`
// and `[NEEDS CLARIFICATION: …]` are the templates' markers still waiting to be filled.

import { STANDARD_TASKS } from '../tasks/taskVocabulary';
import { StreamLayout } from './streamLayout';

export const SPECKIT_LAYOUT: StreamLayout = {
	id: 'speckit',
	roots: () => [{ path: 'specs', layout: 'speckit', excluded: [], archived: false }],
	identifyingDocument: 'spec.md',
	plan: 'tasks.md',
	headerDocuments: ['spec.md'],
	title: { document: 'spec.md', prefixes: /^(?:Feature Specification|Spec)\s*:\s*/i },
	tasks: STANDARD_TASKS,
	status: 'progress',
	hasStatusField: false,
	fieldDocument: 'spec.md',
	statusFieldIsDocumentState: true,
	phases: 'headings-else-numbered-tasks',
	requiredDocuments: [],
	healthRules: new Set(['template-leftover', 'unknown-priority', 'malformed-front-matter']),
	// `[FEATURE NAME]` is our own templates' `[Feature Name]`, which every layout reports already.
	templateLeftovers: /\[(?:DATE|###-feature-name|NEEDS CLARIFICATION:[^\]\r\n]*)\]/g,
	healthDocuments: ['spec.md', 'plan.md', 'tasks.md'],
};
