// What the Streams board shows, decided from the model alone (DESIGN.md §9): its columns (a column per status
// in workflow order, and Unset only while a stream has no status), the column a stream's card sits in, and the
// overview above the columns (streams per status, tasks done of all, blocked streams, and the streams nobody
// touched for `streams.staleDays` days). A card's phase is the operations' `currentPhase`, as agents see it.

import { STATUS_ORDER, StatusId, Stream } from '../model/stream';

/** A board column: a status, or `unset` for streams without one. */
export type BoardColumnId = StatusId | 'unset';

const DAY_MS = 24 * 60 * 60 * 1000;

export function columnOf(stream: Pick<Stream, 'status'>): BoardColumnId {
	return stream.status ?? 'unset';
}

/** The columns in §2 order, with Unset last, and only when a stream needs it. */
export function boardColumns(streams: readonly Pick<Stream, 'status'>[]): BoardColumnId[] {
	return streams.some(stream => stream.status === undefined) ? [...STATUS_ORDER, 'unset'] : [...STATUS_ORDER];
}

/** Whether a stream whose documents were last modified at `lastTouched` (ms) counts as stale at `now`. */
export function isStale(lastTouched: number | undefined, now: number, staleDays: number): boolean {
	return lastTouched !== undefined && now - lastTouched >= staleDays * DAY_MS;
}

export interface BoardOverview {
	/** Streams per column, every column listed (zeros included), in column order. */
	readonly perColumn: readonly { readonly column: BoardColumnId; readonly count: number }[];
	readonly tasksDone: number;
	readonly tasksTotal: number;
	readonly blocked: number;
	/** Keys (as given) of the stale streams, in the given order. */
	readonly stale: readonly string[];
}

/** One stream as the overview needs it: its key, status, progress and when its documents last changed. */
export interface OverviewEntry {
	readonly key: string;
	readonly stream: Pick<Stream, 'status' | 'progress'>;
	readonly lastTouched: number | undefined;
}

export function boardOverview(entries: readonly OverviewEntry[], now: number, staleDays: number): BoardOverview {
	const columns = boardColumns(entries.map(entry => entry.stream));
	const counts = new Map<BoardColumnId, number>(columns.map(column => [column, 0]));
	let tasksDone = 0;
	let tasksTotal = 0;
	const stale: string[] = [];
	for (const { key, stream, lastTouched } of entries) {
		const column = columnOf(stream);
		counts.set(column, (counts.get(column) ?? 0) + 1);
		tasksDone += stream.progress.done;
		tasksTotal += stream.progress.total;
		// A finished stream is not waiting for anyone: it is not stale however old.
		if (stream.status !== 'complete' && isStale(lastTouched, now, staleDays)) {
			stale.push(key);
		}
	}
	return {
		perColumn: columns.map(column => ({ column, count: counts.get(column) ?? 0 })),
		tasksDone,
		tasksTotal,
		blocked: counts.get('blocked') ?? 0,
		stale,
	};
}
