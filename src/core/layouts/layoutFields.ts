// Where Set Status, Set Priority, the board and the agents' set-field write a stream's header field, as its
// layout says (DESIGN.md §8): ours in README.md or STATUS.md; an OpenSpec change in proposal.md (the field is
// inserted when missing); a Spec Kit feature's priority or owner in spec.md. A Kiro spec has no header document,
// and neither it nor a Spec Kit feature has a work-status field: their status follows their progress.

import type { EditableKey } from '../header/fieldEdits';
import { Stream } from '../model/stream';
import { README, STATUS } from '../model/streamDocuments';
import { layoutOf } from './layouts';

export type FieldPlace =
	/**
	 * `documents`: where the field may already stand, in precedence order (the edit goes to the one that defines
	 * it); `create`: the document that gets the field when none of them exists.
	 */
	| { readonly ok: true; readonly documents: readonly string[]; readonly create: string }
	| { readonly ok: false; readonly reason: 'status-follows-progress' | 'no-header-document' };

export function fieldPlace(stream: Pick<Stream, 'layout'>, key: EditableKey): FieldPlace {
	const layout = layoutOf(stream.layout);
	if (key === 'status' && !layout.hasStatusField) {
		return { ok: false, reason: 'status-follows-progress' };
	}
	if (layout.fieldDocument !== undefined) {
		return { ok: true, documents: [layout.fieldDocument], create: layout.fieldDocument };
	}
	if (layout.headerDocuments.length === 0) {
		return { ok: false, reason: 'no-header-document' };
	}
	return { ok: true, documents: [README, STATUS], create: README };
}

/** Whether a stream has a status a person or a board card's move can set (Kiro and Spec Kit: no). */
export function hasStatusField(stream: Pick<Stream, 'layout'>): boolean {
	return layoutOf(stream.layout).hasStatusField;
}
