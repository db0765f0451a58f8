// Whether a stream's status is a field a person (or a board card's move) can set. A stream of the `streams`
// layout says its status in README.md or STATUS.md; Kiro and Spec Kit folders have no work-status field, their
// status follows their progress (DESIGN.md §8), so Set Status and the board refuse to move them, and say why.

import { Stream } from '../model/stream';

/** Layouts whose streams have no work-status field (their status is derived from their plan's progress). */
export const LAYOUTS_WITHOUT_STATUS_FIELD: readonly string[] = ['kiro', 'speckit'];

/** Why a stream's status cannot be set; undefined when it can. */
export type StatusEditRefusal = 'status-follows-progress';

/**
 * Undefined when the stream's status can be set, else why not. `layout` is optional here so the rule holds
 * before and after every stream carries its layout: a stream without one is of the `streams` layout.
 */
export function statusEditRefusal(stream: Pick<Stream, 'id'> & { readonly layout?: string }): StatusEditRefusal | undefined {
	return stream.layout !== undefined && LAYOUTS_WITHOUT_STATUS_FIELD.includes(stream.layout) ? 'status-follows-progress' : undefined;
}
