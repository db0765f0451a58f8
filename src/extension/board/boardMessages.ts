// The messages between the Streams board's webview and the extension, typed once for both sides (the webview
// script imports only the types: nothing of the core reaches its bundle). A message from the webview is untrusted
// input: `parseBoardRequest` accepts only the shapes below; the panel then refuses unknown streams.

import { BoardColumnId, STATUS_ORDER, StatusId } from '../../core';

/** A card as the webview draws it; every text is already localized. */
export interface BoardCard {
	/** The stream's key (`streamKey`): the card's identity in every message. */
	readonly key: string;
	/** What the context menu's commands receive (`data-vscode-context`): they resolve it like a tree node. */
	readonly streamRef: { readonly source: string; readonly id: string };
	readonly column: BoardColumnId;
	/** Sorts as the model orders streams (workspace folder, then id), so a card moved or added lands where a full
	 *  redraw would put it; a string, so adding a stream changes no other card's. */
	readonly order: string;
	readonly title: string;
	readonly owner?: string;
	readonly priority?: { readonly id: string; readonly label: string };
	readonly done: number;
	readonly total: number;
	readonly percent: number;
	readonly phase?: string;
	/** How many health findings the stream has, and their messages for the mark's tooltip. */
	readonly findings: number;
	readonly findingsText?: string;
	readonly stale: boolean;
	/** Set when the card cannot move between columns, saying why (its status follows its progress). */
	readonly fixedReason?: string;
	/** The whole card in one sentence, for screen readers. */
	readonly label: string;
}

export interface BoardColumn {
	readonly id: BoardColumnId;
	readonly label: string;
}

export interface BoardOverviewView {
	readonly perColumn: readonly { readonly column: BoardColumnId; readonly label: string; readonly count: number }[];
	readonly tasks: string;
	readonly blocked: string;
	readonly stale: string;
	/** The stale streams' titles, for the tooltip. */
	readonly staleTitles: readonly string[];
}

/** The words the webview needs besides the cards'. */
export interface BoardStrings {
	readonly boardLabel: string;
	readonly emptyColumn: string;
	readonly filtered?: string;
	readonly keyboardHelp: string;
	/** `{0}` card title, `{1}` column label. */
	readonly moved: string;
	/** `{0}` card title, `{1}` reason. */
	readonly cannotMove: string;
	readonly staleMark: string;
}

/** Extension → webview. */
export type BoardUpdate =
	/** Everything, drawn from scratch: on open, after a reload, when the filter or the settings change. */
	| { readonly type: 'reset'; readonly columns: readonly BoardColumn[]; readonly cards: readonly BoardCard[]; readonly overview: BoardOverviewView; readonly strings: BoardStrings }
	/** Only what changed: cards added or changed, cards gone, and the overview (and columns when they changed). */
	| { readonly type: 'patch'; readonly cards: readonly BoardCard[]; readonly removed: readonly string[]; readonly overview: BoardOverviewView; readonly columns?: readonly BoardColumn[] }
	/** A move the extension did not make: the card goes back to its column, and the reason is announced. */
	| { readonly type: 'refused'; readonly key: string; readonly message: string };

/** Webview → extension. */
export type BoardRequest =
	| { readonly type: 'ready' }
	| { readonly type: 'move'; readonly key: string; readonly column: StatusId }
	| { readonly type: 'open'; readonly key: string };

/** Longer than any stream key a workspace can have; a bigger string is not worth looking up. */
const MAX_KEY_LENGTH = 4096;

/** The request a webview message is, or undefined when it is none of them (wrong type, extra or missing fields). */
export function parseBoardRequest(message: unknown): BoardRequest | undefined {
	if (typeof message !== 'object' || message === null || Array.isArray(message)) {
		return undefined;
	}
	const fields = message as Record<string, unknown>;
	const keys = Object.keys(fields).sort().join(',');
	const isKey = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_KEY_LENGTH;
	switch (fields.type) {
		case 'ready':
			return keys === 'type' ? { type: 'ready' } : undefined;
		case 'move':
			return keys === 'column,key,type' && isKey(fields.key) && typeof fields.column === 'string' && (STATUS_ORDER as readonly string[]).includes(fields.column)
				? { type: 'move', key: fields.key, column: fields.column as StatusId }
				: undefined;
		case 'open':
			return keys === 'key,type' && isKey(fields.key) ? { type: 'open', key: fields.key } : undefined;
		default:
			return undefined;
	}
}
