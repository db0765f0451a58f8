// Kiro's specs (DESIGN.md §8): `.kiro/specs/<name>/` with requirements.md, design.md and tasks.md. No header
// fields at all; the title is tasks.md's `# Implementation Plan: X`, and the plan's whole-numbered tasks
// (`- [ ] 3. Build the API`, then `3.1`, `3.2` …) are its phases, its level-2 headings being notes.

import { KIRO_TASKS } from '../tasks/taskVocabulary';
import { StreamLayout } from './streamLayout';

export const KIRO_LAYOUT: StreamLayout = {
	id: 'kiro',
	roots: () => [{ path: '.kiro/specs', layout: 'kiro', excluded: [], archived: false }],
	plan: 'tasks.md',
	headerDocuments: [],
	title: { document: 'tasks.md', prefixes: /^(?:Implementation Plan|Tasks)\s*[:—–-]\s*/i },
	tasks: KIRO_TASKS,
	status: 'progress',
	hasStatusField: false,
	fieldDocument: undefined,
	statusFieldIsDocumentState: false,
	phases: 'numbered-tasks-else-headings',
	// A spec starts with requirements.md alone; tasks.md comes last. Nothing is missing at any step.
	requiredDocuments: [],
	healthRules: new Set(['malformed-front-matter']),
	templateLeftovers: undefined,
	healthDocuments: ['requirements.md', 'design.md', 'tasks.md'],
};
