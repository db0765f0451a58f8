// How a status looks in the UI: its localized label, icon and theme colour, in one place for every view.

import * as vscode from 'vscode';
import { PriorityId, progressBarCells, progressLevel, StatusId, TaskCounts } from '../../core';

interface StatusLook {
	readonly icon: string;
	readonly color: string;
}

const LOOKS: Record<StatusId | 'unset', StatusLook> = {
	'ready': { icon: 'circle-large-outline', color: 'streams.status.ready' },
	'in-progress': { icon: 'play-circle', color: 'streams.status.inProgress' },
	'blocked': { icon: 'error', color: 'streams.status.blocked' },
	'paused': { icon: 'debug-pause', color: 'streams.status.paused' },
	'complete': { icon: 'pass-filled', color: 'streams.status.complete' },
	'unset': { icon: 'circle-large-outline', color: 'streams.status.unset' },
};

export function statusLabel(status: StatusId | undefined): string {
	switch (status) {
		case 'ready': return vscode.l10n.t('Ready');
		case 'in-progress': return vscode.l10n.t('In Progress');
		case 'blocked': return vscode.l10n.t('Blocked');
		case 'paused': return vscode.l10n.t('Paused');
		case 'complete': return vscode.l10n.t('Complete');
		default: return vscode.l10n.t('No Status');
	}
}

export function priorityLabel(priority: PriorityId | undefined): string {
	switch (priority) {
		case 'high': return vscode.l10n.t('High');
		case 'medium': return vscode.l10n.t('Medium');
		case 'low': return vscode.l10n.t('Low');
		default: return vscode.l10n.t('No Priority');
	}
}

export function statusColorId(status: StatusId | undefined): string {
	return LOOKS[status ?? 'unset'].color;
}

export function statusIcon(status: StatusId | undefined): vscode.ThemeIcon {
	const look = LOOKS[status ?? 'unset'];
	return new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
}

export function statusCodicon(status: StatusId | undefined): string {
	return LOOKS[status ?? 'unset'].icon;
}

export function progressColorId(counts: TaskCounts): string {
	return `streams.progress.${progressLevel(counts)}`;
}

/** The tree's tooltips use a longer bar than the editor's heading decorations: there is room for it. */
export function progressBar(counts: TaskCounts): string {
	return progressBarCells(counts, 10);
}
