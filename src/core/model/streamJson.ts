// The CLI's JSON form of a stream (DESIGN.md §4). Other tools read it: change it only with the contract.

import { Stream, TaskCounts } from './stream';
import type { LayoutId } from '../layouts/streamLayout';

/** A count of tasks as JSON; `optional` only where the layout has optional tasks (DESIGN.md §8). */
export interface CountsJson {
	done: number; open: number; active: number; cancelled: number; total: number; percent: number; optional?: number;
}

export interface StreamJson {
	readonly id: string;
	readonly folder: string;
	readonly layout: LayoutId;
	readonly title: string;
	readonly status: string | null;
	readonly priority: string | null;
	readonly owner: string | null;
	readonly created: string | null;
	readonly documents: readonly string[];
	readonly progress: CountsJson;
	readonly phases: readonly ({ title: string; line: number } & CountsJson)[];
}

function countsToJson(counts: TaskCounts): CountsJson {
	const { done, open, active, cancelled, total, percent, optional } = counts;
	return optional === undefined ? { done, open, active, cancelled, total, percent } : { done, open, active, cancelled, total, percent, optional };
}

export function streamToJson(stream: Stream): StreamJson {
	return {
		id: stream.id,
		folder: stream.name,
		layout: stream.layout,
		title: stream.title,
		status: stream.status ?? null,
		priority: stream.priority ?? null,
		owner: stream.owner ?? null,
		created: stream.created ?? null,
		documents: [...stream.documents],
		progress: countsToJson(stream.progress),
		phases: stream.phases.map(phase => ({ title: phase.title, line: phase.line + 1, ...countsToJson(phase.counts) })),
	};
}

/** `{ "streams": [...] }`, sorted by id. */
export function streamsToJson(streams: readonly Stream[]): { streams: StreamJson[] } {
	return { streams: [...streams].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(streamToJson) };
}
