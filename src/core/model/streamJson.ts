// The CLI's JSON form of a stream (DESIGN.md §4). Other tools read it: change it only with the contract.

import { Stream } from './stream';

export interface StreamJson {
	readonly id: string;
	readonly folder: string;
	readonly title: string;
	readonly status: string | null;
	readonly priority: string | null;
	readonly owner: string | null;
	readonly created: string | null;
	readonly documents: readonly string[];
	readonly progress: { done: number; open: number; active: number; cancelled: number; total: number; percent: number };
	readonly phases: readonly {
		title: string; line: number; done: number; open: number; active: number; cancelled: number; total: number; percent: number;
	}[];
}

export function streamToJson(stream: Stream): StreamJson {
	const { done, open, active, cancelled, total, percent } = stream.progress;
	return {
		id: stream.id,
		folder: stream.name,
		title: stream.title,
		status: stream.status ?? null,
		priority: stream.priority ?? null,
		owner: stream.owner ?? null,
		created: stream.created ?? null,
		documents: [...stream.documents],
		progress: { done, open, active, cancelled, total, percent },
		phases: stream.phases.map(phase => ({
			title: phase.title,
			line: phase.line + 1,
			done: phase.counts.done,
			open: phase.counts.open,
			active: phase.counts.active,
			cancelled: phase.counts.cancelled,
			total: phase.counts.total,
			percent: phase.counts.percent,
		})),
	};
}

/** `{ "streams": [...] }`, sorted by id. */
export function streamsToJson(streams: readonly Stream[]): { streams: StreamJson[] } {
	return { streams: [...streams].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(streamToJson) };
}
