// `streams_list` / `streams list`: every stream with its status, owner, progress and current phase, filtered
// as the tree's filter does (by status, owner or free text).

import { parseStatus, STATUSES } from '../header/statusVocabulary';
import { PriorityId, StatusId, Stream, TaskCounts } from '../model/stream';
import { matchesFilter } from '../model/streamFilter';
import { streamToJson } from '../model/streamJson';
import { fail, OperationContext, OperationOutcome, succeed } from './outcome';

export interface ListStreamsInput {
	readonly status?: string;
	readonly owner?: string;
	readonly text?: string;
}

export interface StreamSummary {
	readonly id: string;
	readonly folder: string;
	readonly title: string;
	readonly status: StatusId | null;
	readonly priority: PriorityId | null;
	readonly owner: string | null;
	readonly progress: TaskCounts;
	/** The first phase with work left, or null when every phase is finished (or there are none). */
	readonly phase: string | null;
}

export interface ListStreamsResult {
	readonly streams: StreamSummary[];
}

export function listStreams(context: OperationContext, input: ListStreamsInput = {}): Promise<OperationOutcome<ListStreamsResult>> {
	return Promise.resolve(listStreamsNow(context.streams, input));
}

function listStreamsNow(streams: readonly Stream[], input: ListStreamsInput): OperationOutcome<ListStreamsResult> {
	let status: StatusId | undefined;
	if (input.status !== undefined && input.status !== '') {
		status = parseStatus(String(input.status));
		if (!status) {
			return fail('invalid-input', `"${input.status}" is not a status; use one of ${STATUSES.map(entry => entry.id).join(', ')}`);
		}
	}
	const owner = typeof input.owner === 'string' && input.owner.trim() !== '' ? input.owner.trim() : undefined;
	const text = typeof input.text === 'string' && input.text.trim() !== '' ? input.text.trim() : undefined;
	const chosen = streams.filter(stream =>
		(status === undefined || matchesFilter(stream, { kind: 'status', status }))
		&& (owner === undefined || matchesFilter(stream, { kind: 'owner', owner }))
		&& (text === undefined || matchesFilter(stream, { kind: 'text', text })));
	return succeed({ streams: [...chosen].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(streamSummary) });
}

export function streamSummary(stream: Stream): StreamSummary {
	const { id, folder, title, status, priority, owner, progress } = streamToJson(stream);
	return { id, folder, title, status: status as StatusId | null, priority: priority as PriorityId | null, owner, progress, phase: currentPhase(stream) };
}

/** The first phase with open or active tasks. */
export function currentPhase(stream: Stream): string | null {
	return stream.phases.find(phase => phase.counts.open + phase.counts.active > 0)?.title ?? null;
}
