// The Streams tree view: every stream grouped by status (or priority), with its phases and documents.
// It reads the model and refreshes only the nodes a change touched.

import * as vscode from 'vscode';
import { PROGRESS_COLORS } from '../status/themeColors';
import { Delayer } from '../../core';
import { Disposable } from '../lifecycle/disposable';
import { documentsInDisplayOrder, groupId, GroupKey, Grouping, groupKeyOf, groupStreams, IndexChange, layoutLabel, layoutOf, matchesFilter, Phase, Stream, StreamFilter, streamKey } from '../../core';
import { FeatureContext } from '../workspace/featureContext';
import { setContext } from '../workspace/contextKeys';
import { affectsSetting, readSettings } from '../workspace/settings';
import { priorityLabel, progressBar, statusIcon, statusLabel } from '../status/statusPresentation';
import { pickStream, StreamReference, streamFromArgument } from '../commands/streamArguments';
import { StreamFinding, StreamFindings } from '../health/streamFindings';
import { streamRowUri } from '../status/statusBadges';
import { WorkspaceStreams } from '../workspace/workspaceStreams';

export const TREE_VIEW_ID = 'streams.tree';
/** How long the tree waits for more changes before it redraws after streams come, go or change group. */
const RESHAPE_DELAY_MS = 50;

class FolderNode {
	readonly kind = 'folder';
	constructor(readonly source: string, readonly name: string) { }
	get id() { return `folder:${this.source}`; }
}

class GroupNode {
	readonly kind = 'group';
	constructor(readonly source: string | undefined, readonly key: GroupKey) { }
	get id() { return `group:${this.source ?? ''}:${groupId(this.key)}`; }
}

class StreamNode implements StreamReference {
	readonly kind = 'stream';
	constructor(readonly streamRef: { readonly source: string; readonly id: string }) { }
	get id() { return `stream:${streamKey(this.streamRef)}`; }
}

class PhaseNode implements StreamReference {
	readonly kind = 'phase';
	constructor(readonly streamRef: { readonly source: string; readonly id: string }, readonly phase: Phase, readonly index: number) { }
	get id() { return `phase:${streamKey(this.streamRef)}:${this.index}:${this.phase.title}`; }
}

class DocumentNode implements StreamReference {
	readonly kind = 'document';
	constructor(readonly streamRef: { readonly source: string; readonly id: string }, readonly name: string) { }
	get id() { return `document:${streamKey(this.streamRef)}:${this.name}`; }
}

export type StreamsTreeNode = FolderNode | GroupNode | StreamNode | PhaseNode | DocumentNode;

export class StreamsTreeProvider extends Disposable implements vscode.TreeDataProvider<StreamsTreeNode> {
	private readonly changeEmitter = this._register(new vscode.EventEmitter<StreamsTreeNode | undefined>());
	readonly onDidChangeTreeData = this.changeEmitter.event;
	private readonly filterEmitter = this._register(new vscode.EventEmitter<StreamFilter | undefined>());
	/** The board applies the tree's filter too. */
	readonly onDidChangeFilter = this.filterEmitter.event;
	/** Nodes are kept by id so VS Code sees the same object across refreshes (needed to refresh one node). */
	private readonly nodes = new Map<string, StreamsTreeNode>();
	/** The group each stream was last shown in, to know when a change moves it. */
	private readonly shownGroups = new Map<string, string>();
	private grouping: Grouping;
	private filter: StreamFilter | undefined;
	/** The first index of a large workspace announces streams in batches: redraw once per burst. */
	private readonly reshapeDelayer = this._register(new Delayer(RESHAPE_DELAY_MS, false));

	constructor(private readonly streams: WorkspaceStreams, private readonly findings: StreamFindings) {
		super();
		this.grouping = readSettings().groupBy;
		this._register(streams.onDidChange(change => this.onModelChange(change)));
		this._register(findings.onDidChange(keys => this.onFindingsChange(keys)));
		this._register(vscode.workspace.onDidChangeConfiguration(event => {
			if (affectsSetting(event, 'groupBy')) {
				this.grouping = readSettings().groupBy;
				this.refreshAll();
			}
		}));
	}

	get currentFilter(): StreamFilter | undefined {
		return this.filter;
	}

	setFilter(filter: StreamFilter | undefined): void {
		this.filter = filter;
		this.refreshAll();
		this.filterEmitter.fire(filter);
	}

	/** Redraws now if a redraw is waiting: `reveal` needs VS Code to know the tree as the model has it. */
	flushRefresh(): void {
		this.reshapeDelayer.flush();
	}

	refreshAll(): void {
		this.shownGroups.clear();
		this.changeEmitter.fire(undefined);
	}

	/** The visible streams, in model order. */
	visibleStreams(): Stream[] {
		return this.streams.all.filter(stream => matchesFilter(stream, this.filter));
	}

	/** The node of a stream, for `reveal`. */
	streamNode(stream: Stream): StreamNode {
		return this.node(new StreamNode({ source: stream.source, id: stream.id }));
	}

	getTreeItem(node: StreamsTreeNode): vscode.TreeItem {
		switch (node.kind) {
			case 'folder': return this.folderItem(node);
			case 'group': return this.groupItem(node);
			case 'stream': return this.streamItem(node);
			case 'phase': return this.phaseItem(node);
			case 'document': return this.documentItem(node);
		}
	}

	/**
	 * A stream row's tooltip is made when the pointer rests on it, not with the row: VS Code asks for every row it
	 * shows after each change, and the tooltip (built, then parsed as Markdown by VS Code) was half of a row's cost
	 * while 10,000 streams were read with the view open.
	 */
	resolveTreeItem(item: vscode.TreeItem, node: StreamsTreeNode): vscode.TreeItem {
		const stream = node.kind === 'stream' ? this.resolve(node) : undefined;
		if (stream && item.tooltip === undefined) {
			item.tooltip = streamTooltip(stream, this.findings.of(streamKey(stream)));
		}
		return item;
	}

	getChildren(node?: StreamsTreeNode): StreamsTreeNode[] {
		if (!node) {
			const folders = vscode.workspace.workspaceFolders ?? [];
			if (folders.length > 1) {
				const withStreams = new Set(this.visibleStreams().map(stream => stream.source));
				return folders
					.filter(folder => withStreams.has(folder.uri.toString()))
					.map(folder => this.node(new FolderNode(folder.uri.toString(), folder.name)));
			}
			return this.childrenOf(undefined);
		}
		switch (node.kind) {
			case 'folder': return this.childrenOf(node.source);
			case 'group': return this.streamNodes(this.visibleStreams().filter(stream =>
				(node.source === undefined || stream.source === node.source) && this.groupOf(stream) === groupId(node.key)));
			case 'stream': return this.streamChildren(node);
			default: return [];
		}
	}

	getParent(node: StreamsTreeNode): StreamsTreeNode | undefined {
		const multiRoot = (vscode.workspace.workspaceFolders ?? []).length > 1;
		switch (node.kind) {
			case 'folder': return undefined;
			case 'group': return node.source !== undefined && multiRoot ? this.folderNodeFor(node.source) : undefined;
			case 'stream': {
				const stream = this.resolve(node);
				if (!stream) {
					return undefined;
				}
				if (this.grouping !== 'none') {
					return this.node(new GroupNode(multiRoot ? stream.source : undefined, groupKeyOf(stream, this.grouping)));
				}
				return multiRoot ? this.folderNodeFor(stream.source) : undefined;
			}
			default: return this.node(new StreamNode(node.streamRef));
		}
	}

	private childrenOf(source: string | undefined): StreamsTreeNode[] {
		const streams = this.visibleStreams().filter(stream => source === undefined || stream.source === source);
		if (this.grouping === 'none') {
			return this.streamNodes(streams);
		}
		return groupStreams(streams, this.grouping).map(group => this.node(new GroupNode(source, group.key)));
	}

	private streamNodes(streams: readonly Stream[]): StreamNode[] {
		return streams.map(stream => {
			this.shownGroups.set(streamKey(stream), this.groupOf(stream));
			return this.streamNode(stream);
		});
	}

	private streamChildren(node: StreamNode): StreamsTreeNode[] {
		const stream = this.resolve(node);
		if (!stream) {
			return [];
		}
		const phases = stream.phases.map((phase, index) => new PhaseNode(node.streamRef, phase, index));
		const documents = documentsInDisplayOrder(stream.documents).map(name => new DocumentNode(node.streamRef, name));
		return [...phases, ...documents];
	}

	private folderNodeFor(source: string): FolderNode {
		const folder = vscode.workspace.workspaceFolders?.find(candidate => candidate.uri.toString() === source);
		return this.node(new FolderNode(source, folder?.name ?? source));
	}

	private groupOf(stream: Stream): string {
		return this.grouping === 'none' ? '' : groupId(groupKeyOf(stream, this.grouping));
	}

	private node<T extends StreamsTreeNode>(fresh: T): T {
		const existing = this.nodes.get(fresh.id);
		if (existing) {
			return existing as T;
		}
		this.nodes.set(fresh.id, fresh);
		return fresh;
	}

	private resolve(node: StreamReference): Stream | undefined {
		return this.streams.get(node.streamRef.source, node.streamRef.id);
	}

	private onModelChange(change: IndexChange): void {
		// Anything that adds, removes or regroups a stream, or any change under a filter, reshapes the tree.
		const reshapes = change.removed.length > 0 || this.filter !== undefined || change.updated.some(stream => {
			const shown = this.shownGroups.get(streamKey(stream));
			return shown === undefined || shown !== this.groupOf(stream);
		});
		for (const stream of change.removed) {
			this.shownGroups.delete(streamKey(stream));
		}
		if (reshapes) {
			this.reshapeDelayer.trigger(() => this.refreshAll());
			return;
		}
		for (const stream of change.updated) {
			this.changeEmitter.fire(this.streamNode(stream));
		}
	}

	/** A row's warning mark and tooltip follow its findings; only rows already drawn need drawing again. */
	private onFindingsChange(keys: readonly string[]): void {
		for (const key of keys) {
			const node = this.nodes.get(`stream:${key}`);
			if (node && this.shownGroups.has(key)) {
				this.changeEmitter.fire(node);
			}
		}
	}

	private folderItem(node: FolderNode): vscode.TreeItem {
		const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
		item.id = node.id;
		item.iconPath = vscode.ThemeIcon.Folder;
		item.contextValue = 'folder';
		return item;
	}

	private groupItem(node: GroupNode): vscode.TreeItem {
		const { key } = node;
		const label = key.by === 'status' ? statusLabel(key.status) : key.by === 'priority' ? priorityLabel(key.priority) : layoutLabel(key.layout);
		const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
		item.id = node.id;
		const count = this.getChildren(node).length;
		item.description = String(count);
		item.iconPath = key.by === 'status' ? statusIcon(key.status) : new vscode.ThemeIcon(key.by === 'priority' ? 'arrow-swap' : 'folder-library');
		item.contextValue = 'group';
		return item;
	}

	private streamItem(node: StreamNode): vscode.TreeItem {
		const stream = this.resolve(node);
		const item = new vscode.TreeItem(stream?.title ?? node.streamRef.id, vscode.TreeItemCollapsibleState.Collapsed);
		item.id = node.id;
		if (!stream) {
			return item;
		}
		const findings = this.findings.of(streamKey(stream));
		item.description = streamDescription(stream, findings);
		item.iconPath = statusIcon(stream.status);
		// Our own scheme, not the folder's file URI: VS Code's problem dot would replace the status letter.
		item.resourceUri = streamRowUri(stream);
		item.contextValue = 'stream';
		const label = vscode.l10n.t('{0}, {1}, {2} of {3} tasks done', stream.title, statusLabel(stream.status), stream.progress.done, stream.progress.total);
		item.accessibilityInformation = {
			label: findings.length > 0 ? `${label}, ${findingsCount(findings.length)}` : label,
		};
		return item;
	}

	private phaseItem(node: PhaseNode): vscode.TreeItem {
		const { phase } = node;
		const item = new vscode.TreeItem(phase.title, vscode.TreeItemCollapsibleState.None);
		item.id = node.id;
		item.description = phase.counts.total > 0 ? `${phase.counts.done}/${phase.counts.total} · ${phase.counts.percent}%` : vscode.l10n.t('no tasks');
		item.iconPath = phaseIcon(phase);
		item.contextValue = 'phase';
		const stream = this.resolve(node);
		const plan = stream?.plan;
		if (stream && plan) {
			const uri = this.streams.uriOf(stream, plan);
			item.command = {
				command: 'vscode.open',
				title: vscode.l10n.t('Open Phase'),
				arguments: [uri, { selection: new vscode.Range(phase.line, 0, phase.line, 0) } satisfies vscode.TextDocumentShowOptions],
			};
			item.tooltip = `${phase.title} — ${progressBar(phase.counts)} ${phase.counts.done}/${phase.counts.total} (${phase.counts.percent}%)`;
		}
		return item;
	}

	private documentItem(node: DocumentNode): vscode.TreeItem {
		const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
		item.id = node.id;
		const stream = this.resolve(node);
		if (stream) {
			const uri = this.streams.uriOf(stream, node.name);
			item.resourceUri = uri;
			item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Document'), arguments: [uri] };
		}
		item.iconPath = vscode.ThemeIcon.File;
		item.contextValue = 'document';
		return item;
	}
}

/** `3/12 · High · alice`, then `⚠ 2` when it has health findings: what a stream row says after its title. */
export function streamDescription(stream: Stream, findings: readonly StreamFinding[]): string {
	const parts = [`${stream.progress.done}/${stream.progress.total}`];
	if (stream.priority) {
		parts.push(priorityLabel(stream.priority));
	}
	if (stream.owner) {
		parts.push(stream.owner);
	}
	if (findings.length > 0) {
		parts.push(`⚠ ${findings.length}`);
	}
	return parts.join(' · ');
}

function findingsCount(count: number): string {
	return count === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', count);
}

const FINDING_ICONS: Readonly<Record<StreamFinding['severity'], string>> = { error: 'error', warning: 'warning', information: 'info' };

function streamTooltip(stream: Stream, findings: readonly StreamFinding[]): vscode.MarkdownString {
	// Untrusted on purpose: file content must never become a command link.
	const tooltip = new vscode.MarkdownString('', true);
	tooltip.isTrusted = false;
	tooltip.appendMarkdown('**').appendText(stream.title).appendMarkdown('**\n\n');
	const fields: [string, string | undefined][] = [
		[vscode.l10n.t('Layout'), layoutLabel(stream.layout)],
		[layoutOf(stream.layout).hasStatusField ? vscode.l10n.t('Status') : vscode.l10n.t('Status (from progress)'), statusLabel(stream.status)],
		[vscode.l10n.t('Spec Status'), stream.documentStatus],
		[vscode.l10n.t('Archived'), stream.archived],
		[vscode.l10n.t('Priority'), stream.priority ? priorityLabel(stream.priority) : undefined],
		[vscode.l10n.t('Owner'), stream.owner],
		[vscode.l10n.t('Created'), stream.created],
		[vscode.l10n.t('Last Updated'), stream.lastUpdated],
	];
	for (const [label, value] of fields) {
		if (value !== undefined) {
			tooltip.appendText(`${label}: `).appendText(value).appendMarkdown('  \n');
		}
	}
	const { progress } = stream;
	tooltip.appendMarkdown('\n').appendText(`${progressBar(progress)} ${progress.done}/${progress.total} (${progress.percent}%)`);
	const extra = [
		progress.active > 0 ? vscode.l10n.t('{0} active', progress.active) : undefined,
		progress.cancelled > 0 ? vscode.l10n.t('{0} cancelled', progress.cancelled) : undefined,
		progress.optional ? vscode.l10n.t('{0} optional', progress.optional) : undefined,
	].filter(Boolean).join(', ');
	if (extra) {
		tooltip.appendText(` — ${extra}`);
	}
	tooltip.appendMarkdown('\n\n');
	if (stream.overview) {
		tooltip.appendText(stream.overview).appendMarkdown('\n\n');
	}
	tooltip.appendMarkdown('`').appendText(stream.id).appendMarkdown('`');
	if (findings.length > 0) {
		tooltip.appendMarkdown('\n\n---\n\n');
		for (const finding of findings) {
			tooltip.appendMarkdown(`$(${FINDING_ICONS[finding.severity]}) `).appendText(`${finding.message} (${finding.document}:${finding.line + 1})`).appendMarkdown('  \n');
		}
	}
	return tooltip;
}

function phaseIcon(phase: Phase): vscode.ThemeIcon {
	const { counts } = phase;
	if (counts.total > 0 && counts.done === counts.total) {
		return new vscode.ThemeIcon('pass', new vscode.ThemeColor(PROGRESS_COLORS.complete));
	}
	if (counts.done > 0 || counts.active > 0) {
		return new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor(PROGRESS_COLORS.partial));
	}
	return new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor(PROGRESS_COLORS.none));
}

/** Creates the view and its commands (group by, filter, refresh, reveal, open plan, follow the editor). */
export function registerStreamsTree(context: FeatureContext, findings: StreamFindings): vscode.Disposable & { readonly provider: StreamsTreeProvider } {
	const { streams } = context;
	const provider = new StreamsTreeProvider(streams, findings);
	const view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });

	const updateViewState = () => {
		const blocked = streams.all.filter(stream => stream.status === 'blocked').length;
		view.badge = blocked > 0 ? { value: blocked, tooltip: vscode.l10n.t('{0} blocked streams', blocked) } : undefined;
		const filter = provider.currentFilter;
		view.description = filter ? describeFilter(filter) : undefined;
		view.message = filter && streams.all.length > 0 && provider.visibleStreams().length === 0
			? vscode.l10n.t('No stream matches the filter. Use "Clear Filter" in the title bar to see every stream.')
			: undefined;
		setContext('streams.filtered', filter !== undefined);
	};

	const reveal = async (stream: Stream, options: { focus: boolean; select: boolean; expand: boolean }) => {
		provider.flushRefresh();
		try {
			await view.reveal(provider.streamNode(stream), options);
		} catch {
			// The stream may be filtered out or already gone; revealing is best effort.
		}
	};

	const followEditor = (editor: vscode.TextEditor | undefined) => {
		if (!editor || !view.visible || !readSettings().followActiveEditor) {
			return;
		}
		const stream = streams.streamFor(editor.document.uri);
		if (stream) {
			void reveal(stream, { focus: false, select: true, expand: false });
		}
	};

	updateViewState();
	const disposable = vscode.Disposable.from(
		provider,
		view,
		streams.onDidChange(updateViewState),
		vscode.window.onDidChangeActiveTextEditor(followEditor),
		view.onDidChangeVisibility(() => followEditor(vscode.window.activeTextEditor)),
		vscode.commands.registerCommand('streams.refresh', () => streams.refresh()),
		vscode.commands.registerCommand('streams.groupBy', () => pickGrouping()),
		vscode.commands.registerCommand('streams.filter', async () => {
			const filter = await pickFilter(provider, streams.all);
			if (filter !== undefined) {
				provider.setFilter(filter === null ? undefined : filter);
				updateViewState();
			}
		}),
		vscode.commands.registerCommand('streams.clearFilter', () => {
			provider.setFilter(undefined);
			updateViewState();
		}),
		vscode.commands.registerCommand('streams.revealInTree', async (argument?: unknown) => {
			const stream = streamFromArgument(streams, argument);
			if (!stream) {
				void vscode.window.showInformationMessage(vscode.l10n.t('The active file does not belong to a stream.'));
				return;
			}
			if (provider.currentFilter && !matchesFilter(stream, provider.currentFilter)) {
				provider.setFilter(undefined);
				updateViewState();
			}
			await reveal(stream, { focus: true, select: true, expand: true });
		}),
		vscode.commands.registerCommand('streams.openPlan', async (argument?: unknown) => {
			// From the palette or the walkthrough, away from any stream's file: ask which stream.
			const stream = streamFromArgument(streams, argument)
				?? (argument === undefined && streams.all.length > 0 ? await pickStream(streams, undefined, vscode.l10n.t('Choose a stream')) : undefined);
			if (argument === undefined && !stream && streams.all.length > 0) {
				return;
			}
			const plan = stream?.plan;
			if (!stream || !plan) {
				void vscode.window.showInformationMessage(stream
					? vscode.l10n.t('The stream "{0}" has no {1}.', stream.title, layoutOf(stream.layout).plan)
					: vscode.l10n.t('Choose a stream in the Streams view first.'));
				return;
			}
			await vscode.window.showTextDocument(streams.uriOf(stream, plan));
		}),
	);
	return { provider, dispose: () => disposable.dispose() };
}

/** `Filter: "text"`, `Filter: Blocked`, `Filter: owner alice`: the view's description, and the board's. */
export function describeFilter(filter: StreamFilter): string {
	switch (filter.kind) {
		case 'text': return vscode.l10n.t('Filter: "{0}"', filter.text);
		case 'status': return vscode.l10n.t('Filter: {0}', statusLabel(filter.status));
		case 'owner': return vscode.l10n.t('Filter: owner {0}', filter.owner);
	}
}

async function pickGrouping(): Promise<void> {
	const current = readSettings().groupBy;
	const items: (vscode.QuickPickItem & { value: Grouping })[] = [
		{ label: vscode.l10n.t('Status'), value: 'status' },
		{ label: vscode.l10n.t('Priority'), value: 'priority' },
		{ label: vscode.l10n.t('Layout'), value: 'layout' },
		{ label: vscode.l10n.t('None'), value: 'none' },
	].map(item => ({ ...item, value: item.value as Grouping, description: item.value === current ? vscode.l10n.t('current') : undefined }));
	const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Group streams by') });
	if (picked) {
		const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
		await vscode.workspace.getConfiguration('streams').update('groupBy', picked.value, target);
	}
}

type FilterItem = vscode.QuickPickItem & { filter?: StreamFilter | null };

/** Asks for a filter: free text typed into the box, or a status or owner from the list. `null` clears it. */
async function pickFilter(provider: StreamsTreeProvider, streams: readonly Stream[]): Promise<StreamFilter | null | undefined> {
	const owners = [...new Set(streams.map(stream => stream.owner).filter((owner): owner is string => !!owner))].sort();
	const statuses = [...new Set(streams.map(stream => stream.status))];
	const fixed: FilterItem[] = [
		...(provider.currentFilter ? [{ label: `$(clear-all) ${vscode.l10n.t('Clear Filter')}`, filter: null }] : []),
		{ label: vscode.l10n.t('Status'), kind: vscode.QuickPickItemKind.Separator },
		...statuses.map(status => ({ label: `$(${statusIcon(status).id}) ${statusLabel(status)}`, filter: { kind: 'status', status } as StreamFilter })),
		{ label: vscode.l10n.t('Owner'), kind: vscode.QuickPickItemKind.Separator },
		...owners.map(owner => ({ label: `$(person) ${owner}`, filter: { kind: 'owner', owner } as StreamFilter })),
	];
	const quickPick = vscode.window.createQuickPick<FilterItem>();
	quickPick.placeholder = vscode.l10n.t('Type to filter by text, or pick a status or owner');
	quickPick.items = fixed;
	quickPick.onDidChangeValue(value => {
		const text = value.trim();
		quickPick.items = text
			? [{ label: `$(search) ${vscode.l10n.t('Show streams matching "{0}"', text)}`, filter: { kind: 'text', text }, alwaysShow: true }, ...fixed]
			: fixed;
	});
	return new Promise(resolve => {
		quickPick.onDidAccept(() => {
			const picked = quickPick.selectedItems[0];
			resolve(picked?.filter);
			quickPick.hide();
		});
		quickPick.onDidHide(() => {
			resolve(undefined);
			quickPick.dispose();
		});
		quickPick.show();
	});
}
