// How a status looks in the UI: its localized label, icon and theme colour, in one place for every view.

import * as vscode from 'vscode';
import { PROGRESS_COLORS, STATUS_COLORS, ThemeColorId } from './themeColors';
import { progressBarCells, progressLevel, StatusId, TaskCounts } from '../../core';

// The localized names are the core's, so the CLI, the agents' tools and every view say the same.
export { priorityLabel, statusLabel } from '../../core';

interface StatusLook {
	readonly icon: string;
	readonly color: ThemeColorId;
}

const LOOKS: Record<StatusId | 'unset', StatusLook> = {
	'ready': { icon: 'circle-large-outline', color: STATUS_COLORS['ready'] },
	'in-progress': { icon: 'play-circle', color: STATUS_COLORS['in-progress'] },
	'blocked': { icon: 'error', color: STATUS_COLORS['blocked'] },
	'paused': { icon: 'debug-pause', color: STATUS_COLORS['paused'] },
	'complete': { icon: 'pass-filled', color: STATUS_COLORS['complete'] },
	'unset': { icon: 'circle-large-outline', color: STATUS_COLORS['unset'] },
};

export function statusColorId(status: StatusId | undefined): ThemeColorId {
	return LOOKS[status ?? 'unset'].color;
}

export function statusIcon(status: StatusId | undefined): vscode.ThemeIcon {
	const look = LOOKS[status ?? 'unset'];
	return new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
}

export function statusCodicon(status: StatusId | undefined): string {
	return LOOKS[status ?? 'unset'].icon;
}

export function progressColorId(counts: TaskCounts): ThemeColorId {
	return PROGRESS_COLORS[progressLevel(counts)];
}

/** The tree's tooltips use a longer bar than the editor's heading decorations: there is room for it. */
export function progressBar(counts: TaskCounts): string {
	return progressBarCells(counts, 10);
}
