// What a plan's checkboxes mean. Our PLAN.md (DESIGN.md §3) and the other layouts' tasks.md (§8) agree on
// `[ ]` and `[x]` but not on the rest: Kiro writes `[-]` for a task in progress, where we mean cancelled, and
// marks optional tasks with a `*` right after the bracket (`- [ ]* 2.3 Write the property tests`).

import { TaskState } from '../model/stream';

export interface TaskVocabulary {
	/** The state each checkbox character means; a character not listed makes no task. */
	readonly marks: Readonly<Record<string, TaskState>>;
	/**
	 * True when `[c]*` marks an optional task: counted in `optional`, never in `total`, so it moves neither the
	 * percentage nor the status.
	 */
	readonly optionalMarker: boolean;
	/** The character Toggle Task writes for each character it finds (towards done; a finished task reopens). */
	readonly toggle: Readonly<Record<string, string>>;
}

/** DESIGN.md §3: space open, x done, / active, - cancelled. */
export const STANDARD_TASKS: TaskVocabulary = {
	marks: { ' ': 'open', 'x': 'done', 'X': 'done', '/': 'active', '-': 'cancelled' },
	optionalMarker: false,
	// A cancelled task was never done, so toggling reopens it rather than recording work that did not happen.
	toggle: { ' ': 'x', 'x': ' ', 'X': ' ', '/': 'x', '-': ' ' },
};

/** Kiro's tasks.md: `[-]` is the task Kiro is working on; there is no cancelled state. */
export const KIRO_TASKS: TaskVocabulary = {
	marks: { ' ': 'open', 'x': 'done', 'X': 'done', '-': 'active' },
	optionalMarker: true,
	toggle: { ' ': 'x', 'x': ' ', 'X': ' ', '-': 'x' },
};

/** The character that writes `state` in the vocabulary (the first listed); undefined when it has no such state. */
export function characterFor(vocabulary: TaskVocabulary, state: TaskState): string | undefined {
	return Object.keys(vocabulary.marks).find(mark => vocabulary.marks[mark] === state);
}
