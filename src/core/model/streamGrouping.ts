// Puts streams into the groups the tree shows: by status (in workflow order), by priority, or none.

import { PRIORITY_ORDER, PriorityId, STATUS_ORDER, StatusId, Stream } from './stream';

export type Grouping = 'status' | 'priority' | 'none';

export type GroupKey =
	| { readonly by: 'status'; readonly status: StatusId | undefined }
	| { readonly by: 'priority'; readonly priority: PriorityId | undefined };

export interface StreamGroup {
	readonly key: GroupKey;
	readonly streams: readonly Stream[];
}

/** A stable string for a group, for tree ids. */
export function groupId(key: GroupKey): string {
	return key.by === 'status' ? `status:${key.status ?? 'unset'}` : `priority:${key.priority ?? 'unset'}`;
}

export function groupKeyOf(stream: Stream, grouping: Exclude<Grouping, 'none'>): GroupKey {
	return grouping === 'status' ? { by: 'status', status: stream.status } : { by: 'priority', priority: stream.priority };
}

/** The non-empty groups in display order (unset last); streams keep their given order within a group. */
export function groupStreams(streams: readonly Stream[], grouping: Exclude<Grouping, 'none'>): StreamGroup[] {
	const order: (string | undefined)[] = grouping === 'status' ? [...STATUS_ORDER, undefined] : [...PRIORITY_ORDER, undefined];
	const buckets = new Map<string | undefined, Stream[]>();
	for (const stream of streams) {
		const value = grouping === 'status' ? stream.status : stream.priority;
		const bucket = buckets.get(value) ?? [];
		bucket.push(stream);
		buckets.set(value, bucket);
	}
	return order
		.filter(value => buckets.has(value))
		.map(value => ({
			key: grouping === 'status'
				? { by: 'status', status: value as StatusId | undefined }
				: { by: 'priority', priority: value as PriorityId | undefined },
			streams: buckets.get(value)!,
		}));
}
