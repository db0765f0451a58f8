// Status badges: one FileDecorationProvider that marks every stream folder in the Explorer with its status
// and, when `streams.badges.progress` is on, each PLAN.md with its percentage. It keeps what it last gave per
// URI, so a model change tells VS Code only about the URIs whose badge, colour or tooltip really changed.
//
// The Streams tree's rows get their letter from a second provider, for URIs of our own scheme that carry the
// status in their query (as GitLens does for its views). A row with a folder's file URI would lose its letter
// to VS Code's problem dot as soon as a document of the stream has a warning; a row of our scheme has no
// problems, and its URI changes with its status, so that provider never has to announce a change.

import * as vscode from 'vscode';
import { Disposable } from '../lifecycle/disposable';
import { badgeTooltip, IndexChange, progressBadge, progressSummary, STATUS_ORDER, statusBadge, StatusId, Stream, streamKey } from '../../core';
import { FeatureContext } from '../workspace/featureContext';
import { affectsSetting, readSettings } from '../workspace/settings';
import { progressColorId, statusColorId, statusLabel } from './statusPresentation';
import { WorkspaceStreams } from '../workspace/workspaceStreams';

/** What one URI shows; compared field by field to decide whether VS Code must ask again. */
export interface BadgeState {
	readonly uri: vscode.Uri;
	readonly badge: string;
	readonly tooltip: string;
	readonly color: string;
}

function sameBadge(a: BadgeState | undefined, b: BadgeState | undefined): boolean {
	return a?.badge === b?.badge && a?.tooltip === b?.tooltip && a?.color === b?.color;
}

export class StatusBadgeProvider extends Disposable implements vscode.FileDecorationProvider {
	private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.Uri[]>());
	readonly onDidChangeFileDecorations = this.changeEmitter.event;
	/** What each URI was last given, by `uri.toString()`. */
	private readonly given = new Map<string, BadgeState>();
	/** The URIs each stream decorates, by stream key, so a removed stream's badges can be taken back. */
	private readonly byStream = new Map<string, string[]>();
	private settings = readSettings().badges;

	constructor(private readonly streams: WorkspaceStreams) {
		super();
		this._register(streams.onDidChange(change => this.onModelChange(change)));
		this._register(vscode.workspace.onDidChangeConfiguration(event => {
			if (affectsSetting(event, 'badges.enabled', 'badges.progress')) {
				this.settings = readSettings().badges;
				this.recomputeAll();
			}
		}));
		this.recomputeAll();
		void streams.ready.then(() => this.recomputeAll());
	}

	provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
		const state = this.given.get(uri.toString());
		if (!state) {
			return undefined;
		}
		const decoration = new vscode.FileDecoration(state.badge, state.tooltip, new vscode.ThemeColor(state.color));
		// A stream's badge describes the folder, not every file in it.
		decoration.propagate = false;
		return decoration;
	}

	/** For extension-host tests: what the provider currently gives a URI, without going through VS Code. */
	stateOf(uri: vscode.Uri): BadgeState | undefined {
		return this.given.get(uri.toString());
	}

	private onModelChange(change: IndexChange): void {
		const changed: vscode.Uri[] = [];
		for (const stream of change.removed) {
			this.forget(streamKey(stream), changed);
		}
		for (const stream of change.updated) {
			this.remember(stream, changed);
		}
		this.fire(changed);
	}

	private recomputeAll(): void {
		const changed: vscode.Uri[] = [];
		const current = new Set(this.streams.all.map(stream => streamKey(stream)));
		for (const key of [...this.byStream.keys()]) {
			if (!current.has(key)) {
				this.forget(key, changed);
			}
		}
		for (const stream of this.streams.all) {
			this.remember(stream, changed);
		}
		this.fire(changed);
	}

	/** Records a stream's badges, collecting every URI whose decoration differs from the last one given. */
	private remember(stream: Stream, changed: vscode.Uri[]): void {
		const key = streamKey(stream);
		const next = this.settings.enabled ? this.badgesOf(stream) : [];
		const nextKeys = new Set(next.map(state => state.uri.toString()));
		for (const old of this.byStream.get(key) ?? []) {
			if (!nextKeys.has(old)) {
				const state = this.given.get(old);
				this.given.delete(old);
				if (state) {
					changed.push(state.uri);
				}
			}
		}
		for (const state of next) {
			const id = state.uri.toString();
			if (!sameBadge(this.given.get(id), state)) {
				changed.push(state.uri);
			}
			this.given.set(id, state);
		}
		if (next.length > 0) {
			this.byStream.set(key, [...nextKeys]);
		} else {
			this.byStream.delete(key);
		}
	}

	private forget(key: string, changed: vscode.Uri[]): void {
		for (const id of this.byStream.get(key) ?? []) {
			const state = this.given.get(id);
			this.given.delete(id);
			if (state) {
				changed.push(state.uri);
			}
		}
		this.byStream.delete(key);
	}

	private badgesOf(stream: Stream): BadgeState[] {
		const states: BadgeState[] = [{
			uri: this.streams.uriOf(stream),
			badge: statusBadge(stream.status),
			tooltip: badgeTooltip(vscode.l10n.t('Stream: {0}', statusLabel(stream.status)), stream.progress, vscode.l10n.t('no tasks')),
			color: statusColorId(stream.status),
		}];
		const plan = this.settings.progress ? stream.plan : undefined;
		if (plan) {
			const summary = progressSummary(stream.progress);
			states.push({
				uri: this.streams.uriOf(stream, plan),
				badge: progressBadge(stream.progress),
				tooltip: summary ? vscode.l10n.t('Plan: {0}', summary) : vscode.l10n.t('Plan: no tasks'),
				color: progressColorId(stream.progress),
			});
		}
		return states;
	}

	private fire(changed: vscode.Uri[]): void {
		if (changed.length > 0) {
			this.changeEmitter.fire(changed);
		}
	}
}

/** The scheme of the Streams tree's stream rows (`resourceUri`): `streams-row:/<stream id>?status=<id>`. */
export const STREAM_ROW_SCHEME = 'streams-row';

/** The `resourceUri` of a stream's tree row: its status travels in the URI. */
export function streamRowUri(stream: Stream): vscode.Uri {
	return vscode.Uri.from({ scheme: STREAM_ROW_SCHEME, path: `/${stream.id}`, query: `status=${stream.status ?? 'unset'}` });
}

/** The status a row URI carries; undefined for any other URI, 'unset' for a stream without a status. */
export function statusOfRowUri(uri: vscode.Uri): StatusId | 'unset' | undefined {
	if (uri.scheme !== STREAM_ROW_SCHEME) {
		return undefined;
	}
	const status = new URLSearchParams(uri.query).get('status');
	return status === 'unset' || (STATUS_ORDER as readonly (string | null)[]).includes(status) ? status as StatusId | 'unset' : undefined;
}

/** Decorates the tree's stream rows from their URI alone: no state, no per-stream bookkeeping. */
export class StreamRowDecorations extends Disposable implements vscode.FileDecorationProvider {
	private readonly changeEmitter = this._register(new vscode.EventEmitter<undefined>());
	readonly onDidChangeFileDecorations = this.changeEmitter.event;
	private enabled = readSettings().badges.enabled;

	constructor() {
		super();
		this._register(vscode.workspace.onDidChangeConfiguration(event => {
			if (affectsSetting(event, 'badges.enabled')) {
				this.enabled = readSettings().badges.enabled;
				this.changeEmitter.fire(undefined);
			}
		}));
	}

	provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
		const status = statusOfRowUri(uri);
		if (status === undefined || !this.enabled) {
			return undefined;
		}
		const id = status === 'unset' ? undefined : status;
		return new vscode.FileDecoration(statusBadge(id), vscode.l10n.t('Stream: {0}', statusLabel(id)), new vscode.ThemeColor(statusColorId(id)));
	}

}

/** Registers both providers; the returned object exposes them to the extension's test API. */
export function registerStatusBadges(context: FeatureContext): vscode.Disposable & { readonly provider: StatusBadgeProvider; readonly rows: StreamRowDecorations } {
	const provider = new StatusBadgeProvider(context.streams);
	const rows = new StreamRowDecorations();
	const registrations = [vscode.window.registerFileDecorationProvider(provider), vscode.window.registerFileDecorationProvider(rows)];
	return { provider, rows, dispose: () => vscode.Disposable.from(...registrations, provider, rows).dispose() };
}
