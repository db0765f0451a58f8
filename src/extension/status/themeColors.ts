// The ids of the theme colours the extension contributes (package.json `contributes.colors`), typed in one place
// so a view cannot ask for a colour that does not exist; a unit test keeps this list and the manifest equal.

import type { ProgressLevel, StatusId } from '../../core';

export const STATUS_COLORS = {
	'ready': 'streams.status.ready',
	'in-progress': 'streams.status.inProgress',
	'blocked': 'streams.status.blocked',
	'paused': 'streams.status.paused',
	'complete': 'streams.status.complete',
	'unset': 'streams.status.unset',
} as const satisfies Record<StatusId | 'unset', string>;

export const PROGRESS_COLORS = {
	none: 'streams.progress.none',
	partial: 'streams.progress.partial',
	complete: 'streams.progress.complete',
} as const satisfies Record<ProgressLevel, string>;

export type ThemeColorId = typeof STATUS_COLORS[keyof typeof STATUS_COLORS] | typeof PROGRESS_COLORS[keyof typeof PROGRESS_COLORS];

export const THEME_COLOR_IDS: readonly ThemeColorId[] = [...Object.values(STATUS_COLORS), ...Object.values(PROGRESS_COLORS)];
