// What the board's webview is sent, in the user's language: a card per stream, the columns and the overview
// (decided by the core's boardLayout, worded here), and the few sentences the webview says by itself.

import * as vscode from 'vscode';
import { BoardColumnId, boardColumns, BoardOverview, columnOf, currentPhase, isStale, statusEditRefusal, Stream, streamKey } from '../../core';
import { BoardCard, BoardColumn, BoardOverviewView, BoardStrings } from './boardMessages';
import { priorityLabel, statusLabel } from '../status/statusPresentation';
import { StreamFinding } from '../health/streamFindings';

/** What a card needs besides its stream. */
export interface CardContext {
	readonly order: string;
	readonly findings: readonly StreamFinding[];
	readonly lastTouched: number | undefined;
	readonly now: number;
	readonly staleDays: number;
}

export function columnLabel(column: BoardColumnId): string {
	return statusLabel(column === 'unset' ? undefined : column);
}

export function boardCard(stream: Stream, context: CardContext): BoardCard {
	const { progress } = stream;
	const column = columnOf(stream);
	const phase = currentPhase(stream) ?? undefined;
	const stale = stream.status !== 'complete' && isStale(context.lastTouched, context.now, context.staleDays);
	const fixedReason = statusEditRefusal(stream) === 'status-follows-progress'
		? vscode.l10n.t('Its status follows its plan\'s progress: its layout has no status field to set.')
		: undefined;
	const findings = context.findings.length;
	const parts = [
		stream.title,
		columnLabel(column),
		stream.priority ? vscode.l10n.t('{0} priority', priorityLabel(stream.priority)) : undefined,
		stream.owner ? vscode.l10n.t('owner {0}', stream.owner) : undefined,
		vscode.l10n.t('{0} of {1} tasks done', progress.done, progress.total),
		phase ? vscode.l10n.t('current phase {0}', phase) : undefined,
		findings === 1 ? vscode.l10n.t('1 problem') : findings > 1 ? vscode.l10n.t('{0} problems', findings) : undefined,
		stale ? vscode.l10n.t('not touched for {0} days', context.staleDays) : undefined,
		fixedReason,
	];
	return {
		key: streamKey(stream),
		streamRef: { source: stream.source, id: stream.id },
		column,
		order: context.order,
		title: stream.title,
		owner: stream.owner,
		priority: stream.priority ? { id: stream.priority, label: priorityLabel(stream.priority) } : undefined,
		done: progress.done,
		total: progress.total,
		percent: progress.percent,
		phase,
		findings,
		findingsText: findings > 0 ? context.findings.map(finding => `${finding.message} (${finding.document}:${finding.line + 1})`).join('\n') : undefined,
		stale,
		fixedReason,
		label: parts.filter((part): part is string => part !== undefined).join(', '),
	};
}

export function columnsOf(streams: readonly Stream[]): BoardColumn[] {
	return boardColumns(streams).map(id => ({ id, label: columnLabel(id) }));
}

export function overviewView(overview: BoardOverview, staleDays: number, titleOf: (key: string) => string): BoardOverviewView {
	return {
		perColumn: overview.perColumn.map(({ column, count }) => ({ column, label: columnLabel(column), count })),
		tasks: vscode.l10n.t('{0} of {1} tasks done', overview.tasksDone, overview.tasksTotal),
		blocked: overview.blocked === 1 ? vscode.l10n.t('1 stream blocked') : vscode.l10n.t('{0} streams blocked', overview.blocked),
		stale: overview.stale.length === 1
			? vscode.l10n.t('1 stream untouched for {0} days', staleDays)
			: vscode.l10n.t('{0} streams untouched for {1} days', overview.stale.length, staleDays),
		staleTitles: overview.stale.map(titleOf),
	};
}

export function boardStrings(filter: string | undefined): BoardStrings {
	return {
		boardLabel: vscode.l10n.t('Streams by status'),
		emptyColumn: vscode.l10n.t('No streams'),
		filtered: filter,
		keyboardHelp: vscode.l10n.t('Drag a card to another column, or focus it and press Shift+Left or Shift+Right to change its status. Enter opens its README.'),
		// The webview fills the placeholders in: handed through as they are.
		moved: vscode.l10n.t('{0} moved to {1}', '{0}', '{1}'),
		cannotMove: vscode.l10n.t('{0} cannot move: {1}', '{0}', '{1}'),
		staleMark: vscode.l10n.t('stale'),
	};
}
