// What a layout is (DESIGN.md §8): where a format keeps its streams, which document is the plan, where header
// fields and the title come from, what the checkboxes mean, how the status is found and which health rules make
// sense. The index, the reader and every feature ask the stream's layout record instead of testing its name.

import type { HealthRuleId } from '../health/healthFindings';
import type { TaskVocabulary } from '../tasks/taskVocabulary';

export type LayoutId = 'streams' | 'kiro' | 'speckit' | 'openspec';

export const LAYOUT_IDS: readonly LayoutId[] = ['streams', 'kiro', 'speckit', 'openspec'];

/** A folder whose direct subfolders are streams of one layout. */
export interface LayoutRoot {
	/** Relative to the workspace folder, `/` separators. */
	readonly path: string;
	readonly layout: LayoutId;
	/** Subfolder names of the root that are not streams (OpenSpec keeps its archive inside `changes/`). */
	readonly excluded: readonly string[];
	/** True for OpenSpec's archive: its changes are complete, and dated by their folder name. */
	readonly archived: boolean;
}

/** How a stream's status is found. */
export type StatusSource =
	/** From the header fields (§2); unset when there are none. */
	| 'header'
	/** From the plan's progress only: the format has no work-status field (§8 "from progress"). */
	| 'progress'
	/** From a header field when one is written, else from progress (OpenSpec's proposal.md). */
	| 'header-else-progress';

/** Which of a plan's structures are its phases, the first that the plan has. */
export type PhaseSource = 'headings' | 'headings-else-numbered-tasks' | 'numbered-tasks-else-headings';

export interface StreamLayout {
	readonly id: LayoutId;
	/** The roots of this layout; `streamRoots` is the `streams.roots` setting (only our own layout uses it). */
	roots(streamRoots: readonly string[]): readonly LayoutRoot[];
	/** A folder is a stream only when it holds this document (Spec Kit's spec.md); otherwise any `.md` file will do. */
	readonly identifyingDocument?: string;
	/** The document with the tasks. */
	readonly plan: string;
	/** Documents whose header fields (§2) the stream reads, in precedence order. */
	readonly headerDocuments: readonly string[];
	/**
	 * Where the title is read: the header's title (§2), or a document's level-1 heading without the format's
	 * prefix (`Implementation Plan: `), else the folder name.
	 */
	readonly title: 'header' | { readonly document: string; readonly prefixes: RegExp };
	readonly tasks: TaskVocabulary;
	readonly status: StatusSource;
	/**
	 * Whether the stream has a work-status field a person (or the board) can set. False for Kiro and Spec Kit:
	 * their status follows their progress, so their board cards do not move.
	 */
	readonly hasStatusField: boolean;
	/**
	 * The document Set Status and Set Priority write, when it is not the header's own choice (README.md or
	 * STATUS.md): OpenSpec's proposal.md, where the field is inserted when missing. Undefined with no header
	 * document at all (Kiro): there is nowhere to write.
	 */
	readonly fieldDocument: string | undefined;
	/**
	 * Spec Kit's spec.md says `**Status**: Draft`: the state of the spec document, not of the work. Such a
	 * field is kept as `documentStatus` (shown in the tooltip) and never read as the stream's status.
	 */
	readonly statusFieldIsDocumentState: boolean;
	readonly phases: PhaseSource;
	/** Documents every stream of the layout must have; undefined: the `streams.requiredDocuments` setting. */
	readonly requiredDocuments: readonly string[] | undefined;
	/** The health rules that make sense for the layout. */
	readonly healthRules: ReadonlySet<HealthRuleId>;
	/** Further unfilled-template markers of the format (Spec Kit's `[FEATURE NAME]`, `[NEEDS CLARIFICATION: …]`). */
	readonly templateLeftovers: RegExp | undefined;
	/** Documents the health rules read: the header documents and the plan, plus the layout's others. */
	readonly healthDocuments: readonly string[];
}
