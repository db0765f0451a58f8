// Status badges: one FileDecorationProvider that marks every stream folder with its status (in the Explorer,
// and in the Streams tree through the items' `resourceUri`) and, when `streams.badges.progress` is on, each
// PLAN.md with its percentage. It keeps what it last gave per URI, so a model change tells VS Code only
// about the URIs whose badge, colour or tooltip really changed.

import * as vscode from 'vscode';
import { badgeTooltip, findDocument, IndexChange, PLAN, progressBadge, progressSummary, statusBadge, Stream, streamKey } from '../../core';
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

export class StatusBadgeProvider implements vscode.FileDecorationProvider, vscode.Disposable {
	private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri[]>();
	readonly onDidChangeFileDecorations = this.changeEmitter.event;
	/** What each URI was last given, by `uri.toString()`. */
	private readonly given = new Map<string, BadgeState>();
	/** The URIs each stream decorates, by stream key, so a removed stream's badges can be taken back. */
	private readonly byStream = new Map<string, string[]>();
	private settings = readSettings().badges;
	private readonly subscriptions: vscode.Disposable[] = [];

	constructor(private readonly streams: WorkspaceStreams) {
		this.subscriptions.push(
			this.changeEmitter,
			streams.onDidChange(change => this.onModelChange(change)),
			vscode.workspace.onDidChangeConfiguration(event => {
				if (affectsSetting(event, 'badges.enabled', 'badges.progress')) {
					this.settings = readSettings().badges;
					this.recomputeAll();
				}
			}),
		);
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

	dispose(): void {
		vscode.Disposable.from(...this.subscriptions).dispose();
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
		const plan = this.settings.progress ? findDocument(stream.documents, PLAN) : undefined;
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

/** Registers the provider; the returned object exposes it to the extension's test API. */
export function registerStatusBadges(context: FeatureContext): vscode.Disposable & { readonly provider: StatusBadgeProvider } {
	const provider = new StatusBadgeProvider(context.streams);
	const registration = vscode.window.registerFileDecorationProvider(provider);
	return { provider, dispose: () => vscode.Disposable.from(registration, provider).dispose() };
}
