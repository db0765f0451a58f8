// What a stream's file decoration says: a badge of at most two characters for its status (VS Code shows no
// more), a percentage badge for PLAN.md, and the one-line tooltip that spells both out.

import { StatusId, TaskCounts } from '../model/stream';

/**
 * One badge per status, each different, the unset one included. Letters of the English words, because a
 * badge is too small for an icon; the tooltip and the theme colour carry the meaning for everyone else.
 */
export const STATUS_BADGES: Readonly<Record<StatusId | 'unset', string>> = {
	'ready': 'R',
	'in-progress': 'IP',
	'blocked': 'B',
	'paused': 'P',
	'complete': 'C',
	'unset': '?',
};

export function statusBadge(status: StatusId | undefined): string {
	return STATUS_BADGES[status ?? 'unset'];
}

/** A plan's percentage in two characters: `0`…`99`, and a check mark when every task is done. */
export function progressBadge(counts: TaskCounts): string {
	if (counts.total > 0 && counts.done === counts.total) {
		return '✓';
	}
	return String(Math.min(99, Math.max(0, counts.percent)));
}

/** `3/12 (25%)`; empty when there are no tasks, so the caller can say so in its own words. */
export function progressSummary(counts: TaskCounts): string {
	return counts.total === 0 ? '' : `${counts.done}/${counts.total} (${counts.percent}%)`;
}

/**
 * `Stream: In Progress · 3/12 (25%)`. The words arrive localized from the caller (`statusText` is the
 * whole "Stream: In Progress" part); without tasks, `noTasks` stands where the numbers would.
 */
export function badgeTooltip(statusText: string, counts: TaskCounts, noTasks: string): string {
	const progress = progressSummary(counts) || noTasks;
	return progress ? `${statusText} · ${progress}` : statusText;
}
