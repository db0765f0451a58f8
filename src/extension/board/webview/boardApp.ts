// The Streams board inside its webview: draws the columns and cards the extension sends, patches only the cards
// a change names, and turns a drag (native HTML5 drag and drop) or a key press into a move request. The extension
// decides every move; this script only shows it (a moved card waits, marked pending, until the model agrees).
//
// Keys on a focused card: arrows move the focus (up/down in a column, left/right across columns), Shift+Left /
// Shift+Right (or Ctrl+Left / Ctrl+Right) move the card to the previous / next status, Enter opens its README.
// Each move is announced through an aria-live region.

import type { BoardCard, BoardColumn, BoardOverviewView, BoardRequest, BoardStrings, BoardUpdate } from '../boardMessages';

interface VsCodeApi {
	postMessage(message: BoardRequest): void;
	getState(): SavedState | undefined;
	setState(state: SavedState): void;
}

/** What survives a reload of the window: the focused card and where the board was scrolled. */
interface SavedState {
	readonly focus?: string;
	readonly scrollLeft?: number;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const CARD_TYPE = 'application/x-streams-card';

interface ShownCard {
	card: BoardCard;
	readonly element: HTMLLIElement;
}

interface ShownColumn {
	readonly column: BoardColumn;
	readonly section: HTMLElement;
	readonly list: HTMLUListElement;
	readonly count: HTMLElement;
}

const cards = new Map<string, ShownCard>();
const columns = new Map<string, ShownColumn>();
let strings: BoardStrings | undefined;
let focusKey: string | undefined = vscode.getState()?.focus;
let dragKey: string | undefined;

const overviewElement = byId('overview');
const columnsElement = byId('columns');
const helpElement = byId('help');
const filterElement = byId('filter');
const announcer = byId('announcer');

function byId(id: string): HTMLElement {
	const element = document.getElementById(id);
	if (!element) {
		throw new Error(`the board page has no #${id}`);
	}
	return element;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const created = document.createElement(tag);
	if (className) {
		created.className = className;
	}
	if (text !== undefined) {
		created.textContent = text;
	}
	return created;
}

function format(template: string, ...values: string[]): string {
	return template.replace(/\{(\d+)\}/g, (match, index: string) => values[Number(index)] ?? match);
}

function announce(text: string): void {
	// Cleared first, so the same words said twice are announced twice.
	announcer.textContent = '';
	requestAnimationFrame(() => {
		announcer.textContent = text;
	});
}

function saveState(): void {
	vscode.setState({ focus: focusKey, scrollLeft: columnsElement.scrollLeft });
}

// ---- Drawing -------------------------------------------------------------------------------------

function renderCard(shown: ShownCard): void {
	const { card, element: item } = shown;
	item.dataset.key = card.key;
	item.dataset.order = card.order;
	item.dataset.column = card.column;
	item.setAttribute('aria-label', card.label);
	item.draggable = card.fixedReason === undefined;
	item.classList.toggle('fixed', card.fixedReason !== undefined);
	item.classList.toggle('stale', card.stale);
	item.classList.remove('pending');
	item.dataset.vscodeContext = JSON.stringify({ webviewSection: 'card', streamRef: card.streamRef, preventDefaultContextMenuItems: true });

	const title = element('div', 'card-title', card.title);
	const meta = element('div', 'card-meta');
	if (card.priority) {
		meta.append(element('span', `priority priority-${card.priority.id}`, card.priority.label));
	}
	if (card.owner) {
		meta.append(element('span', 'owner', card.owner));
	}
	if (card.findings > 0) {
		const mark = element('span', 'findings', `⚠ ${card.findings}`);
		mark.title = card.findingsText ?? '';
		meta.append(mark);
	}
	if (card.stale && strings) {
		meta.append(element('span', 'stale-mark', strings.staleMark));
	}
	if (card.fixedReason !== undefined) {
		const lock = element('span', 'fixed-mark', '🔒');
		lock.title = card.fixedReason;
		meta.append(lock);
	}
	const progress = element('div', 'card-progress');
	const bar = element('progress');
	bar.max = Math.max(1, card.total);
	bar.value = card.done;
	progress.append(bar, element('span', 'card-count', `${card.done}/${card.total}`));
	item.replaceChildren(title, meta, progress);
	if (card.phase) {
		item.append(element('div', 'card-phase', card.phase));
	}
	item.title = card.fixedReason ?? '';
}

/** Puts a card into a column's list where the model's order says. */
function place(shown: ShownCard, columnId: string): void {
	const target = columns.get(columnId) ?? columns.get('unset');
	if (!target) {
		return;
	}
	let before: Element | null = null;
	for (const sibling of target.list.children) {
		if (sibling !== shown.element && ((sibling as HTMLElement).dataset.order ?? '') > shown.card.order) {
			before = sibling;
			break;
		}
	}
	if (shown.element.parentElement !== target.list || shown.element.nextElementSibling !== before) {
		const hadFocus = document.activeElement === shown.element;
		target.list.insertBefore(shown.element, before);
		if (hadFocus) {
			shown.element.focus();
		}
	}
}

function createColumn(column: BoardColumn): ShownColumn {
	const section = element('section', 'column');
	section.dataset.column = column.id;
	const heading = element('h2', 'column-title');
	const headingId = `column-${column.id}`;
	heading.id = headingId;
	const count = element('span', 'column-count');
	heading.append(element('span', `column-dot status-${column.id}`), element('span', 'column-label', column.label), count);
	const list = element('ul', 'column-cards');
	list.setAttribute('aria-labelledby', headingId);
	section.append(heading, list);
	section.addEventListener('dragover', event => onDragOver(event, column.id, section));
	section.addEventListener('dragleave', event => {
		if (!section.contains(event.relatedTarget as Node | null)) {
			section.classList.remove('drop-target');
		}
	});
	section.addEventListener('drop', event => onDrop(event, column.id, section));
	return { column, section, list, count };
}

function setColumns(next: readonly BoardColumn[]): void {
	const wanted = new Set(next.map(column => column.id));
	for (const [id, shown] of columns) {
		if (!wanted.has(shown.column.id)) {
			shown.section.remove();
			columns.delete(id);
		}
	}
	let previous: HTMLElement | undefined;
	for (const column of next) {
		let shown = columns.get(column.id);
		if (!shown) {
			shown = createColumn(column);
			columns.set(column.id, shown);
		}
		if (previous) {
			previous.after(shown.section);
		} else {
			columnsElement.prepend(shown.section);
		}
		previous = shown.section;
	}
}

function updateCounts(): void {
	for (const shown of columns.values()) {
		const count = shown.list.childElementCount;
		shown.count.textContent = String(count);
		shown.section.classList.toggle('empty', count === 0);
		if (strings) {
			shown.list.dataset.empty = strings.emptyColumn;
		}
	}
}

function renderOverview(overview: BoardOverviewView): void {
	const perColumn = element('ul', 'overview-columns');
	for (const { column, label, count } of overview.perColumn) {
		const entry = element('li', `overview-column status-${column}`);
		entry.append(element('span', `column-dot status-${column}`), element('span', 'overview-label', label), element('span', 'overview-count', String(count)));
		perColumn.append(entry);
	}
	const tasks = element('span', 'overview-tasks', overview.tasks);
	const blocked = element('span', 'overview-blocked', overview.blocked);
	const stale = element('span', 'overview-stale', overview.stale);
	stale.title = overview.staleTitles.join('\n');
	overviewElement.replaceChildren(perColumn, tasks, blocked, stale);
}

/** Keeps exactly one card in the tab order: the focused one, else the first. Touches only the two cards that
 *  change, so a patch of one card does not restyle a thousand. */
let tabStop: HTMLElement | undefined;
function updateTabStop(): void {
	const focused = focusKey ? cards.get(focusKey)?.element : undefined;
	const next = focused ?? (tabStop?.isConnected ? tabStop : columnsElement.querySelector<HTMLElement>('.card') ?? undefined);
	if (next === tabStop) {
		return;
	}
	if (tabStop) {
		tabStop.tabIndex = -1;
	}
	if (next) {
		next.tabIndex = 0;
	}
	tabStop = next;
}

function reset(update: Extract<BoardUpdate, { type: 'reset' }>): void {
	performance.mark('board:reset:start');
	strings = update.strings;
	helpElement.textContent = strings.keyboardHelp;
	filterElement.textContent = strings.filtered ?? '';
	filterElement.hidden = strings.filtered === undefined;
	columnsElement.setAttribute('aria-label', strings.boardLabel);
	cards.clear();
	tabStop = undefined;
	for (const shown of columns.values()) {
		shown.section.remove();
	}
	columns.clear();
	setColumns(update.columns);
	const lists = new Map<string, DocumentFragment>();
	for (const card of update.cards) {
		const shown: ShownCard = { card, element: createCardElement() };
		renderCard(shown);
		cards.set(card.key, shown);
		const fragment = lists.get(card.column) ?? document.createDocumentFragment();
		fragment.append(shown.element);
		lists.set(card.column, fragment);
	}
	for (const [column, fragment] of lists) {
		(columns.get(column) ?? columns.get('unset'))?.list.append(fragment);
	}
	renderOverview(update.overview);
	updateCounts();
	updateTabStop();
	performance.mark('board:reset:end');
	performance.measure('board:reset', 'board:reset:start', 'board:reset:end');
}

function patch(update: Extract<BoardUpdate, { type: 'patch' }>): void {
	performance.mark('board:patch:start');
	if (update.columns) {
		setColumns(update.columns);
	}
	for (const key of update.removed) {
		const shown = cards.get(key);
		if (shown) {
			const hadFocus = document.activeElement === shown.element;
			shown.element.remove();
			cards.delete(key);
			if (hadFocus || focusKey === key) {
				focusKey = undefined;
			}
		}
	}
	for (const card of update.cards) {
		let shown = cards.get(card.key);
		if (shown) {
			shown.card = card;
		} else {
			shown = { card, element: createCardElement() };
			cards.set(card.key, shown);
		}
		renderCard(shown);
		place(shown, card.column);
	}
	renderOverview(update.overview);
	updateCounts();
	updateTabStop();
	performance.mark('board:patch:end');
	performance.measure('board:patch', 'board:patch:start', 'board:patch:end');
}

function createCardElement(): HTMLLIElement {
	const item = element('li', 'card');
	item.tabIndex = -1;
	item.addEventListener('click', () => {
		const key = item.dataset.key;
		if (key) {
			vscode.postMessage({ type: 'open', key });
		}
	});
	item.addEventListener('focus', () => {
		focusKey = item.dataset.key;
		updateTabStop();
		saveState();
	});
	item.addEventListener('keydown', event => onCardKey(event, item));
	item.addEventListener('dragstart', event => {
		const key = item.dataset.key;
		if (!key || !event.dataTransfer || !item.draggable) {
			event.preventDefault();
			return;
		}
		dragKey = key;
		event.dataTransfer.setData(CARD_TYPE, key);
		event.dataTransfer.effectAllowed = 'move';
		item.classList.add('dragging');
	});
	item.addEventListener('dragend', () => {
		dragKey = undefined;
		item.classList.remove('dragging');
		for (const shown of columns.values()) {
			shown.section.classList.remove('drop-target');
		}
	});
	return item;
}

// ---- Moving --------------------------------------------------------------------------------------

/** Shows the move at once (pending until the model agrees) and asks the extension to make it. */
function requestMove(key: string, column: string): void {
	const shown = cards.get(key);
	if (!shown || !strings || column === shown.card.column) {
		return;
	}
	if (shown.card.fixedReason !== undefined) {
		announce(format(strings.cannotMove, shown.card.title, shown.card.fixedReason));
		return;
	}
	const target = columns.get(column);
	if (!target || column === 'unset') {
		return;
	}
	place({ card: { ...shown.card, column: column as BoardCard['column'] }, element: shown.element }, column);
	shown.element.classList.add('pending');
	shown.element.dataset.column = column;
	updateCounts();
	announce(format(strings.moved, shown.card.title, target.column.label));
	vscode.postMessage({ type: 'move', key, column: column as Extract<BoardRequest, { type: 'move' }>['column'] });
}

function refused(key: string, message: string): void {
	const shown = cards.get(key);
	if (shown) {
		shown.element.classList.remove('pending');
		place(shown, shown.card.column);
		shown.element.dataset.column = shown.card.column;
		updateCounts();
	}
	announce(message);
}

function onDragOver(event: DragEvent, column: string, section: HTMLElement): void {
	const shown = dragKey ? cards.get(dragKey) : undefined;
	if (!shown || column === 'unset' || shown.card.fixedReason !== undefined) {
		return;
	}
	event.preventDefault();
	if (event.dataTransfer) {
		event.dataTransfer.dropEffect = 'move';
	}
	section.classList.add('drop-target');
}

function onDrop(event: DragEvent, column: string, section: HTMLElement): void {
	section.classList.remove('drop-target');
	const key = event.dataTransfer?.getData(CARD_TYPE) || dragKey;
	if (!key) {
		return;
	}
	event.preventDefault();
	requestMove(key, column);
}

/** The status columns a card can move between, in order (Unset is where a card may be, never where it goes). */
function statusColumns(): string[] {
	return [...columns.keys()].filter(id => id !== 'unset');
}

function onCardKey(event: KeyboardEvent, item: HTMLLIElement): void {
	const key = item.dataset.key;
	const shown = key ? cards.get(key) : undefined;
	if (!key || !shown) {
		return;
	}
	const column = item.dataset.column ?? shown.card.column;
	const moving = event.shiftKey || event.ctrlKey || event.metaKey;
	switch (event.key) {
		case 'ArrowLeft':
		case 'ArrowRight': {
			event.preventDefault();
			const step = event.key === 'ArrowLeft' ? -1 : 1;
			if (moving) {
				const order = statusColumns();
				const index = order.indexOf(column);
				// From Unset, Right goes to the first status and Left to the last.
				const next = index < 0 ? order[step > 0 ? 0 : order.length - 1] : order[index + step];
				if (next) {
					requestMove(key, next);
				}
			} else {
				focusAcross(item, column, step);
			}
			break;
		}
		case 'ArrowUp':
		case 'ArrowDown': {
			event.preventDefault();
			const sibling = event.key === 'ArrowUp' ? item.previousElementSibling : item.nextElementSibling;
			(sibling as HTMLElement | null)?.focus();
			break;
		}
		case 'Home':
		case 'End': {
			event.preventDefault();
			const list = item.parentElement;
			((event.key === 'Home' ? list?.firstElementChild : list?.lastElementChild) as HTMLElement | null)?.focus();
			break;
		}
		case 'Enter':
		case ' ':
			event.preventDefault();
			vscode.postMessage({ type: 'open', key });
			break;
	}
}

/** Focuses the card at the same height in the nearest column (left or right) that has cards. */
function focusAcross(item: HTMLLIElement, column: string, step: number): void {
	const order = [...columns.keys()];
	const index = [...(item.parentElement?.children ?? [])].indexOf(item);
	for (let at = order.indexOf(column) + step; at >= 0 && at < order.length; at += step) {
		const list = columns.get(order[at])!.list;
		if (list.childElementCount > 0) {
			(list.children[Math.min(index, list.childElementCount - 1)] as HTMLElement).focus();
			return;
		}
	}
}

// ---- Messages ------------------------------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<BoardUpdate>) => {
	const update = event.data;
	switch (update.type) {
		case 'reset': {
			reset(update);
			const saved = vscode.getState();
			if (saved?.scrollLeft) {
				columnsElement.scrollLeft = saved.scrollLeft;
			}
			if (focusKey && cards.has(focusKey) && document.hasFocus()) {
				cards.get(focusKey)!.element.focus();
			}
			break;
		}
		case 'patch':
			patch(update);
			break;
		case 'refused':
			refused(update.key, update.message);
			break;
	}
});
columnsElement.addEventListener('scroll', saveState, { passive: true });
vscode.postMessage({ type: 'ready' });
