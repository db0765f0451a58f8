// Status "from progress" (DESIGN.md §8), for layouts whose documents have no work-status field: no plan, or
// nothing done and nothing active → ready; a task done or active → in progress; every task done → complete.

import { StatusId, TaskCounts } from '../model/stream';

export function statusFromProgress(counts: TaskCounts | undefined): StatusId {
	if (!counts || counts.done + counts.active === 0) {
		return 'ready';
	}
	return counts.done === counts.total ? 'complete' : 'in-progress';
}

/** An archived OpenSpec change's folder is `YYYY-MM-DD-<id>`: the date it was archived, and its id. */
export function archivedName(folder: string): { readonly date: string; readonly name: string } | undefined {
	const match = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(folder);
	return match ? { date: match[1], name: match[2] } : undefined;
}
