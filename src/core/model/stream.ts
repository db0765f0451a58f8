// The stream model shared by every view: what one stream folder says about itself (DESIGN.md §1–3, §8).

import type { LayoutId } from '../layouts/streamLayout';

export type StatusId = 'ready' | 'in-progress' | 'blocked' | 'paused' | 'complete';
export type PriorityId = 'high' | 'medium' | 'low';
export type TaskState = 'open' | 'done' | 'active' | 'cancelled';

export interface TaskCounts {
	readonly done: number;
	readonly open: number;
	readonly active: number;
	readonly cancelled: number;
	/** done + open + active: cancelled tasks are shown but left out of the percentage. */
	readonly total: number;
	/** floor(100 * done / total), 0 when total is 0. */
	readonly percent: number;
	/**
	 * Optional tasks (Kiro's `- [ ]*`), whatever their state: left out of every other figure. Present only where
	 * the layout has optional tasks (DESIGN.md §8).
	 */
	readonly optional?: number;
}

export interface Phase {
	/** The heading's text without the `#` marks. */
	readonly title: string;
	/** 0-based line of the heading in PLAN.md. */
	readonly line: number;
	readonly counts: TaskCounts;
}

export type HeaderKey = 'status' | 'priority' | 'owner' | 'created' | 'title' | 'last-updated';

/** Where a header field's value stands in a document, so edits and diagnostics can point at it. */
export interface FieldLocation {
	/** Document name inside the stream folder, e.g. `README.md`. */
	readonly document: string;
	readonly source: 'front-matter' | 'inline';
	/** 0-based line and UTF-16 columns of the value (after stripping emphasis). */
	readonly line: number;
	readonly startColumn: number;
	readonly endColumn: number;
	/** The value exactly as written. */
	readonly raw: string;
}

export interface HeaderField {
	readonly key: HeaderKey;
	/** The value as written, emphasis stripped and trimmed. */
	readonly value: string;
	readonly location: FieldLocation;
}

/** Something wrong with a stream's files that reading survived; diagnostics report these. */
export interface ReadProblem {
	readonly document: string;
	readonly code: 'malformed-front-matter' | 'file-too-large' | 'binary-file' | 'unreadable-file';
	readonly message: string;
	readonly line?: number;
	readonly column?: number;
}

export interface Stream {
	/** Folder path relative to its workspace folder, `/` separators. Unique within a workspace folder. */
	readonly id: string;
	/** Opaque key of the workspace folder holding the stream (the glue uses the folder's URI). */
	readonly source: string;
	/** Display name of the workspace folder holding the stream. */
	readonly workspaceFolder: string;
	/** The stream root the stream was found under, e.g. `.project/streams`. */
	readonly root: string;
	/** The format of its folder (DESIGN.md §8): ours, or a Kiro spec, Spec Kit feature or OpenSpec change. */
	readonly layout: LayoutId;
	/** Folder name (last segment of `id`). */
	readonly name: string;
	readonly title: string;
	readonly status: StatusId | undefined;
	readonly priority: PriorityId | undefined;
	readonly owner: string | undefined;
	/** `YYYY-MM-DD`, or undefined when unset. */
	readonly created: string | undefined;
	/** The `YYYY-MM-DD` a "Last Updated" value starts with. */
	readonly lastUpdated: string | undefined;
	/** The `.md` file names in the folder, sorted. */
	readonly documents: readonly string[];
	/** The plan document (PLAN.md, or the layout's tasks.md) as the folder names it; undefined when it has none. */
	readonly plan: string | undefined;
	/** The `YYYY-MM-DD` an OpenSpec change was archived on (its folder's prefix); only on archived changes. */
	readonly archived?: string;
	/** Spec Kit's spec.md `**Status**:` (Draft …): the spec document's state, not the work's. */
	readonly documentStatus?: string;
	readonly progress: TaskCounts;
	readonly phases: readonly Phase[];
	/** First paragraph of README's Overview (or first paragraph after the title), plain text. */
	readonly overview: string | undefined;
	/** Every header field found, in precedence order: README.md then STATUS.md, front matter then inline. */
	readonly fields: readonly HeaderField[];
	/**
	 * The field each resolved value was read from (the first of its key with a usable value). A Status line
	 * still listing alternatives is in `fields` but not here; edits to a value go to its source.
	 */
	readonly fieldSources: Readonly<Partial<Record<HeaderKey, HeaderField>>>;
	readonly problems: readonly ReadProblem[];
}

export const STATUS_ORDER: readonly StatusId[] = ['ready', 'in-progress', 'blocked', 'paused', 'complete'];
export const PRIORITY_ORDER: readonly PriorityId[] = ['high', 'medium', 'low'];

export function emptyCounts(): TaskCounts {
	return { done: 0, open: 0, active: 0, cancelled: 0, total: 0, percent: 0 };
}

export function makeCounts(done: number, open: number, active: number, cancelled: number, optional?: number): TaskCounts {
	const total = done + open + active;
	const percent = total === 0 ? 0 : Math.floor((100 * done) / total);
	return optional === undefined ? { done, open, active, cancelled, total, percent } : { done, open, active, cancelled, total, percent, optional };
}

/** Identifies a stream across workspace folders. */
export function streamKey(stream: Pick<Stream, 'source' | 'id'>): string {
	return `${stream.source}\u0000${stream.id}`;
}
