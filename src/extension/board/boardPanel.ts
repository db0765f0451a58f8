// The Streams board (`streams.openBoard`): one webview panel showing every stream the tree shows (its filter
// applies) as a card in its status's column. It follows the model live: a change sends only the cards it
// changed (no full redraw, no polling). A card dropped on another column is set through the same edit as Set
// Status (setStreamField). Every message from the webview is checked (boardMessages.ts) before anything is
// done; an unknown stream or status is refused and logged. The panel comes back after a window reload
// (WebviewPanelSerializer); the webview keeps its focus and scroll position in its own state.

import * as vscode from 'vscode';
import { boardOverview, columnOf, findDocument, IndexChange, matchesFilter, README, Stream, streamKey } from '../../core';
import { boardCard, boardStrings, columnsOf, overviewView } from './boardContent';
import { BoardCard, BoardRequest, BoardUpdate, parseBoardRequest } from './boardMessages';
import { FeatureContext } from '../workspace/featureContext';
import { fieldChangeMessage, presentFieldChange, setStreamField } from '../commands/fieldChange';
import { StreamFindings } from '../health/streamFindings';
import { StreamTouches } from './streamTouches';
import { affectsSetting, readSettings } from '../workspace/settings';
import { describeFilter, StreamsTreeProvider } from '../tree/streamsTree';
import { WorkspaceStreams } from '../workspace/workspaceStreams';

export const BOARD_VIEW_TYPE = 'streams.board';
/** How many of the last updates the test API keeps. */
const POSTED_KEPT = 50;

interface BoardSources {
	readonly streams: WorkspaceStreams;
	readonly findings: StreamFindings;
	readonly tree: Pick<StreamsTreeProvider, 'currentFilter' | 'onDidChangeFilter'>;
	readonly log: vscode.LogOutputChannel;
	readonly extensionUri: vscode.Uri;
}

/** For extension-host tests: the open board, as its webview sees it. */
export interface BoardTesting {
	readonly panel: vscode.WebviewPanel | undefined;
	/** Handles `message` as if the webview had sent it; resolves once it was handled. */
	receive(message: unknown): Promise<void>;
	/** The last updates sent to the webview, oldest first. */
	readonly posted: readonly BoardUpdate[];
	/** The cards the webview shows now, by key (what every update so far adds up to). */
	cards(): ReadonlyMap<string, BoardCard>;
}

class BoardPanel implements vscode.Disposable {
	/** What each card was last sent as, by key: an update sends only cards that differ. */
	private readonly sent = new Map<string, { readonly card: BoardCard; readonly json: string }>();
	private columnsSent = '';
	private overviewSent = '';
	private ready = false;
	private handling: Promise<void> = Promise.resolve();
	private readonly touches: StreamTouches;
	private readonly subscriptions: vscode.Disposable[];
	readonly posted: BoardUpdate[] = [];
	readonly onDidDispose: vscode.Event<void>;

	constructor(readonly panel: vscode.WebviewPanel, private readonly sources: BoardSources) {
		const { streams, findings, tree, extensionUri } = sources;
		this.touches = new StreamTouches(streams);
		panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'streams.svg');
		panel.webview.options = {
			enableScripts: true,
			localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')],
		};
		panel.webview.html = this.html();
		this.onDidDispose = panel.onDidDispose;
		this.subscriptions = [
			panel.webview.onDidReceiveMessage(message => {
				void this.receive(message);
			}),
			streams.onDidChange(change => this.onModelChange(change)),
			findings.onDidChange(keys => this.update(keys)),
			tree.onDidChangeFilter(() => this.reset()),
			vscode.workspace.onDidChangeConfiguration(event => {
				if (affectsSetting(event, 'staleDays')) {
					this.reset();
				}
			}),
		];
	}

	/** Handles one message from the webview, after the ones before it. */
	receive(message: unknown): Promise<void> {
		this.handling = this.handling.then(() => this.handle(message)).catch(error => {
			this.sources.log.error(`Board: handling a message failed: ${error instanceof Error ? error.message : String(error)}`);
		});
		return this.handling;
	}

	cards(): ReadonlyMap<string, BoardCard> {
		return new Map([...this.sent].map(([key, { card }]) => [key, card]));
	}

	dispose(): void {
		vscode.Disposable.from(...this.subscriptions).dispose();
	}

	private async handle(message: unknown): Promise<void> {
		const request = parseBoardRequest(message);
		if (!request) {
			this.sources.log.warn(`Board: refused a message that is not a board request: ${describeMessage(message)}`);
			return;
		}
		switch (request.type) {
			case 'ready':
				this.ready = true;
				this.reset();
				return;
			case 'open':
				return this.open(request.key);
			case 'move':
				return this.move(request);
		}
	}

	private async move(request: Extract<BoardRequest, { type: 'move' }>): Promise<void> {
		const stream = this.streamOf(request.key);
		if (!stream) {
			this.sources.log.warn(`Board: refused to move a stream that is not on the board: ${describeMessage(request.key)}`);
			this.post({ type: 'refused', key: request.key, message: vscode.l10n.t('That stream no longer exists.') });
			return;
		}
		if (columnOf(stream) === request.column) {
			return;
		}
		const outcome = await setStreamField(this.sources.streams, stream, { key: 'status', value: request.column });
		presentFieldChange(outcome);
		if (!outcome.ok) {
			this.post({ type: 'refused', key: request.key, message: fieldChangeMessage(outcome.problem) });
			return;
		}
		// The model has the edit by now (a saved document was re-read, a buffer's text is followed as it
		// changes): send the card as it now is, which also ends its pending state in the webview.
		this.sent.delete(request.key);
		this.update([request.key]);
	}

	private async open(key: string): Promise<void> {
		const stream = this.streamOf(key);
		if (!stream) {
			this.sources.log.warn(`Board: refused to open a stream that is not on the board: ${describeMessage(key)}`);
			return;
		}
		const document = findDocument(stream.documents, README) ?? stream.documents[0];
		if (document) {
			await vscode.window.showTextDocument(this.sources.streams.uriOf(stream, document), { viewColumn: vscode.ViewColumn.Beside });
		} else {
			await vscode.commands.executeCommand('streams.revealInTree', this.sources.streams.uriOf(stream));
		}
	}

	/** A stream the board shows, by its card's key; undefined for anything else (gone, filtered out, forged). */
	private streamOf(key: string): Stream | undefined {
		const at = key.indexOf('\u0000');
		const stream = at > 0 ? this.sources.streams.get(key.slice(0, at), key.slice(at + 1)) : undefined;
		return stream && matchesFilter(stream, this.sources.tree.currentFilter) ? stream : undefined;
	}

	private visible(): Stream[] {
		const filter = this.sources.tree.currentFilter;
		return this.sources.streams.all.filter(stream => matchesFilter(stream, filter));
	}

	/** Draws everything again: on open, after a reload, when the filter or the settings change. */
	private reset(): void {
		if (!this.ready) {
			return;
		}
		const visible = this.visible();
		const staleDays = readSettings().staleDays;
		const cards = this.cardsOf(visible, staleDays);
		this.sent.clear();
		for (const card of cards) {
			this.sent.set(card.key, { card, json: JSON.stringify(card) });
		}
		const columns = columnsOf(visible);
		const overview = this.overview(visible, staleDays);
		this.columnsSent = JSON.stringify(columns);
		this.overviewSent = JSON.stringify(overview);
		const filter = this.sources.tree.currentFilter;
		this.post({ type: 'reset', columns, cards, overview, strings: boardStrings(filter ? describeFilter(filter) : undefined) });
		void this.readTouches(visible);
	}

	private onModelChange(change: IndexChange): void {
		const keys = [...change.updated, ...change.removed].map(stream => streamKey(stream));
		// A change of a stream's documents is a touch: read its time again.
		this.touches.forget(keys);
		this.update(keys);
		void this.readTouches(change.updated);
	}

	/** Sends the cards of these streams that changed (or went, or left the filter), and the overview. */
	private update(keys: Iterable<string>): void {
		if (!this.ready) {
			return;
		}
		const staleDays = readSettings().staleDays;
		const visible = this.visible();
		const orders = this.orders();
		const cards: BoardCard[] = [];
		const removed: string[] = [];
		const now = Date.now();
		for (const key of new Set(keys)) {
			const stream = this.streamOf(key);
			if (!stream) {
				if (this.sent.delete(key)) {
					removed.push(key);
				}
				continue;
			}
			const card = this.cardOf(stream, orders, now, staleDays);
			const json = JSON.stringify(card);
			if (this.sent.get(key)?.json !== json) {
				this.sent.set(key, { card, json });
				cards.push(card);
			}
		}
		const columns = columnsOf(visible);
		const columnsJson = JSON.stringify(columns);
		const overview = this.overview(visible, staleDays);
		const overviewJson = JSON.stringify(overview);
		if (cards.length === 0 && removed.length === 0 && columnsJson === this.columnsSent && overviewJson === this.overviewSent) {
			return;
		}
		const columnsChanged = columnsJson !== this.columnsSent;
		this.columnsSent = columnsJson;
		this.overviewSent = overviewJson;
		this.post({ type: 'patch', cards, removed, overview, ...(columnsChanged ? { columns } : {}) });
	}

	private async readTouches(streams: readonly Stream[]): Promise<void> {
		const changed = await this.touches.read(streams);
		if (changed.length > 0) {
			this.update(changed);
		}
	}

	private orders(): (stream: Stream) => string {
		const folders = new Map((vscode.workspace.workspaceFolders ?? []).map(folder => [folder.uri.toString(), folder.index]));
		return stream => `${String(folders.get(stream.source) ?? 9999).padStart(4, '0')}/${stream.id}`;
	}

	private cardsOf(streams: readonly Stream[], staleDays: number): BoardCard[] {
		const orders = this.orders();
		const now = Date.now();
		return streams.map(stream => this.cardOf(stream, orders, now, staleDays));
	}

	private cardOf(stream: Stream, orders: (stream: Stream) => string, now: number, staleDays: number): BoardCard {
		return boardCard(stream, {
			order: orders(stream),
			findings: this.sources.findings.of(streamKey(stream)),
			lastTouched: this.touches.known(stream),
			now,
			staleDays,
		});
	}

	private overview(streams: readonly Stream[], staleDays: number) {
		const titles = new Map(streams.map(stream => [streamKey(stream), stream.title]));
		const overview = boardOverview(streams.map(stream => ({ key: streamKey(stream), stream, lastTouched: this.touches.known(stream) })), Date.now(), staleDays);
		return overviewView(overview, staleDays, key => titles.get(key) ?? key);
	}

	private post(update: BoardUpdate): void {
		this.posted.push(update);
		if (this.posted.length > POSTED_KEPT) {
			this.posted.shift();
		}
		void this.panel.webview.postMessage(update);
	}

	private html(): string {
		const { webview } = this.panel;
		const { extensionUri } = this.sources;
		const nonce = makeNonce();
		const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'board', 'board.js'));
		const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'board.css'));
		const csp = [
			'default-src \'none\'',
			`style-src ${webview.cspSource}`,
			`script-src 'nonce-${nonce}'`,
			`img-src ${webview.cspSource}`,
			`font-src ${webview.cspSource}`,
		].join('; ');
		const title = escapeHtml(vscode.l10n.t('Streams Board'));
		return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${title}</title>
</head>
<body data-vscode-context='{"preventDefaultContextMenuItems":true}'>
<h1 class="visually-hidden">${title}</h1>
<header id="overview" aria-label="${escapeHtml(vscode.l10n.t('Overview'))}"></header>
<p id="filter" class="filter" hidden></p>
<p id="help" class="help"></p>
<main id="columns"></main>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
	}
}

function makeNonce(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('');
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`);
}

/** A short, printable description of an untrusted value for the log. */
function describeMessage(value: unknown): string {
	let text: string;
	try {
		text = JSON.stringify(value) ?? String(value);
	} catch {
		text = String(value);
	}
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Registers `streams.openBoard` and the serializer that brings the board back after a reload. */
export function registerBoard(context: FeatureContext, findings: StreamFindings, tree: BoardSources['tree']): vscode.Disposable & { readonly testing: BoardTesting } {
	const sources: BoardSources = { streams: context.streams, findings, tree, log: context.log, extensionUri: context.extension.extensionUri };
	let board: BoardPanel | undefined;
	const show = (panel: vscode.WebviewPanel) => {
		board?.panel.dispose();
		const created = new BoardPanel(panel, sources);
		board = created;
		created.onDidDispose(() => {
			created.dispose();
			if (board === created) {
				board = undefined;
			}
		});
		return created;
	};
	const open = () => {
		if (board) {
			board.panel.reveal();
			return;
		}
		show(vscode.window.createWebviewPanel(BOARD_VIEW_TYPE, vscode.l10n.t('Streams Board'), vscode.ViewColumn.Active, { retainContextWhenHidden: false }));
	};
	const disposable = vscode.Disposable.from(
		vscode.commands.registerCommand('streams.openBoard', open),
		vscode.window.registerWebviewPanelSerializer(BOARD_VIEW_TYPE, {
			deserializeWebviewPanel: async panel => {
				show(panel);
			},
		}),
		{ dispose: () => board?.panel.dispose() },
	);
	const testing: BoardTesting = {
		get panel() {
			return board?.panel;
		},
		receive: message => board ? board.receive(message) : Promise.resolve(),
		get posted() {
			return board?.posted ?? [];
		},
		cards: () => board?.cards() ?? new Map(),
	};
	return { testing, dispose: () => disposable.dispose() };
}
