// Puts streams into the groups the tree shows: by status (in workflow order), by priority, by layout
// (DESIGN.md §8: our streams, Kiro specs, Spec Kit features, OpenSpec changes), or none.

import { PRIORITY_ORDER, PriorityId, STATUS_ORDER, StatusId, Stream } from './stream';
import { LAYOUT_IDS, LayoutId } from '../layouts/streamLayout';

export type Grouping = 'status' | 'priority' | 'layout' | 'none';

export type GroupKey =
	| { readonly by: 'status'; readonly status: StatusId | undefined }
	| { readonly by: 'priority'; readonly priority: PriorityId | undefined }
	| { readonly by: 'layout'; readonly layout: LayoutId };

export interface StreamGroup {
	readonly key: GroupKey;
	readonly streams: readonly Stream[];
}

/** A stable string for a group, for tree ids. */
export function groupId(key: GroupKey): string {
	switch (key.by) {
		case 'status':
			return `status:${key.status ?? 'unset'}`;
		case 'priority':
			return `priority:${key.priority ?? 'unset'}`;
		case 'layout':
			return `layout:${key.layout}`;
	}
}

export function groupKeyOf(stream: Stream, grouping: Exclude<Grouping, 'none'>): GroupKey {
	switch (grouping) {
		case 'status':
			return { by: 'status', status: stream.status };
		case 'priority':
			return { by: 'priority', priority: stream.priority };
		case 'layout':
			return { by: 'layout', layout: stream.layout };
	}
}

/** The non-empty groups in display order (unset last); streams keep their given order within a group. */
export function groupStreams(streams: readonly Stream[], grouping: Exclude<Grouping, 'none'>): StreamGroup[] {
	const order: readonly (string | undefined)[] = grouping === 'status' ? [...STATUS_ORDER, undefined]
		: grouping === 'priority' ? [...PRIORITY_ORDER, undefined] : LAYOUT_IDS;
	const buckets = new Map<string | undefined, Stream[]>();
	const keys = new Map<string | undefined, GroupKey>();
	for (const stream of streams) {
		const key = groupKeyOf(stream, grouping);
		const value = key.by === 'status' ? key.status : key.by === 'priority' ? key.priority : key.layout;
		const bucket = buckets.get(value);
		if (bucket) {
			bucket.push(stream);
		} else {
			buckets.set(value, [stream]);
			keys.set(value, key);
		}
	}
	return order.filter(value => buckets.has(value)).map(value => ({ key: keys.get(value)!, streams: buckets.get(value)! }));
}
