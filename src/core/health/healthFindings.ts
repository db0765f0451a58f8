// What the stream health rules report: the rule ids and their default severities, the findings with their
// ranges, messages as data and fixes, and what a check is given. The rules live in healthRules/; health.ts runs
// them.

import { PriorityId, StatusId, Stream } from '../model/stream';
import { PLAN, README } from '../model/streamDocuments';

export type HealthRuleId =
	| 'template-leftover'
	| 'unknown-status'
	| 'unknown-priority'
	| 'malformed-front-matter'
	| 'status-vs-plan'
	| 'blocked-without-blockers'
	| 'missing-document'
	| 'unknown-dependency'
	| 'dependency-not-complete'
	| 'stale-handoff';

export type HealthSeverity = 'error' | 'warning' | 'information';

/** What `streams.diagnostics.rules` may set a rule to. */
export type RuleSetting = HealthSeverity | 'off';

export interface HealthRule {
	readonly id: HealthRuleId;
	readonly severity: HealthSeverity;
}

/** Every rule with its default severity, in the order the README documents them. */
export const HEALTH_RULES: readonly HealthRule[] = [
	{ id: 'template-leftover', severity: 'warning' },
	{ id: 'unknown-status', severity: 'warning' },
	{ id: 'unknown-priority', severity: 'warning' },
	{ id: 'malformed-front-matter', severity: 'error' },
	{ id: 'status-vs-plan', severity: 'warning' },
	{ id: 'blocked-without-blockers', severity: 'information' },
	{ id: 'missing-document', severity: 'error' },
	{ id: 'unknown-dependency', severity: 'warning' },
	{ id: 'dependency-not-complete', severity: 'warning' },
	{ id: 'stale-handoff', severity: 'information' },
];

export const DEFAULT_REQUIRED_DOCUMENTS: readonly string[] = [README, PLAN];

/**
 * The entries of the templates' "Requires" lists (bundled and seed): examples to replace, not streams.
 * An entry naming one of them is a template leftover unless a stream of that name exists.
 */
export const TEMPLATE_EXAMPLE_DEPENDENCIES: readonly string[] = ['other-stream-name', 'another-stream'];

/** A handoff written this close to the plan's last change counts as current (checkouts write files in any order). */
export const STALE_HANDOFF_TOLERANCE_MS = 60_000;

/** What a finding says, as data: the editor localizes it, the command line writes it in English. */
export type HealthMessage =
	| { readonly kind: 'feature-name' }
	| { readonly kind: 'date-placeholder' }
	| { readonly kind: 'template-token'; readonly token: string }
	/** Spec Kit's `[NEEDS CLARIFICATION: question]`, left in a spec. */
	| { readonly kind: 'needs-clarification'; readonly question: string }
	| { readonly kind: 'field-alternatives'; readonly key: 'status' | 'priority' }
	| { readonly kind: 'example-dependency'; readonly name: string }
	| { readonly kind: 'unknown-value'; readonly key: 'status' | 'priority'; readonly value: string }
	| { readonly kind: 'malformed-front-matter'; readonly detail: string }
	| { readonly kind: 'complete-with-open-tasks'; readonly notDone: number; readonly total: number }
	| { readonly kind: 'ready-with-started-tasks'; readonly started: number; readonly total: number }
	| { readonly kind: 'all-tasks-done'; readonly status: StatusId; readonly total: number }
	| { readonly kind: 'blocked-without-blockers'; readonly hasStatusDocument: boolean }
	| { readonly kind: 'missing-document'; readonly document: string }
	| { readonly kind: 'unknown-dependency'; readonly name: string }
	| { readonly kind: 'dependency-not-complete'; readonly name: string; readonly status: StatusId | undefined; readonly phase: string | undefined }
	| { readonly kind: 'stale-handoff' };

/** A change that resolves a finding; the editor offers each as a quick fix. */
export type HealthFix =
	/** Set the field the finding points at (or the stream's status, in that document) to this status. */
	| { readonly kind: 'set-status'; readonly status: StatusId; readonly preferred: boolean }
	| { readonly kind: 'set-priority'; readonly priority: PriorityId }
	/** Replace the finding's range (`YYYY-MM-DD`) with today's date. */
	| { readonly kind: 'fill-date' }
	/** Create this document in the stream folder from the template. */
	| { readonly kind: 'create-document'; readonly document: string };

export interface HealthFinding {
	readonly rule: HealthRuleId;
	readonly severity: HealthSeverity;
	/** The document the finding is in, as the stream folder spells its name. */
	readonly document: string;
	/** 0-based line and UTF-16 columns, end exclusive. */
	readonly line: number;
	readonly startColumn: number;
	readonly endColumn: number;
	readonly message: HealthMessage;
	readonly fixes: readonly HealthFix[];
}

/** A finding before its severity is settled: what each rule family returns. */
export type RuleFinding = Omit<HealthFinding, 'severity'>;

/** One "Requires" entry of README's Dependencies section. */
export interface DependencyEntry {
	/** The stream it names, as written (folder name, id or title). */
	readonly name: string;
	/** The parenthesized note after it, e.g. `Phase 1 complete`; undefined when there is none. */
	readonly note: string | undefined;
	readonly line: number;
	readonly startColumn: number;
	readonly endColumn: number;
}

export interface HealthInput {
	readonly stream: Stream;
	/**
	 * Live text of the stream's documents by name as the folder spells it (open buffers win over the files).
	 * The rules read the documents of the stream's layout (README.md, STATUS.md, PLAN.md, HANDOFF.md and NOTES.md
	 * for ours; see `StreamLayout.healthDocuments`) when they are given.
	 */
	readonly texts: Readonly<Record<string, string>>;
	/** Modification times in milliseconds by document name; `stale-handoff` compares HANDOFF.md's with PLAN.md's. */
	readonly modified?: Readonly<Record<string, number>>;
	/** The streams a "Requires" entry may name: those of the stream's workspace folder. */
	readonly streams: readonly Stream[];
	/** Documents every stream must have (`streams.requiredDocuments`); README.md and PLAN.md when not given. */
	readonly requiredDocuments?: readonly string[];
	/** Severity per rule id (`streams.diagnostics.rules`); rules not named keep their default. */
	readonly severities?: Readonly<Record<string, RuleSetting | undefined>>;
	/** Further example entries of the team's own templates' "Requires" lists. */
	readonly templateDependencies?: readonly string[];
	/**
	 * The template-leftover rule's first look at a document (by name): whether it may hold a leftover word at all.
	 * An editor that follows the edits of its buffers (LeftoverScreen) looks only where they fell; the whole text
	 * is looked at when not given.
	 */
	readonly mayHoldLeftover?: (document: string, text: string) => boolean;
}

export interface HealthReport {
	readonly findings: readonly HealthFinding[];
	/** The stream's "Requires" entries, so a caller can tell which streams depend on which. */
	readonly requires: readonly DependencyEntry[];
}

const SETTINGS: ReadonlySet<string> = new Set<RuleSetting>(['error', 'warning', 'information', 'off']);

/** The severity a rule runs at, or 'off'. Unknown setting values fall back to the rule's default. */
export function ruleSeverity(rule: HealthRuleId, severities: HealthInput['severities']): RuleSetting {
	const setting = severities?.[rule];
	if (setting !== undefined && SETTINGS.has(setting)) {
		return setting;
	}
	return HEALTH_RULES.find(candidate => candidate.id === rule)?.severity ?? 'warning';
}

export function compareFindings(a: HealthFinding, b: HealthFinding): number {
	return (a.document < b.document ? -1 : a.document > b.document ? 1 : 0)
		|| a.line - b.line
		|| a.startColumn - b.startColumn
		|| (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
