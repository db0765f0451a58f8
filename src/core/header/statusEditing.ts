// Whether a stream's status is a field a person (or a board card's move) can set. A stream of the `streams`
// layout says its status in README.md or STATUS.md; Kiro and Spec Kit folders have no work-status field, their
// status follows their progress (DESIGN.md §8), so Set Status and the board refuse to move them, and say why.
// The layout decides (`hasStatusField`); this names the refusal.

import { layoutOf } from '../layouts/layouts';
import { Stream } from '../model/stream';

/** Why a stream's status cannot be set. */
export type StatusEditRefusal = 'status-follows-progress';

/** Undefined when the stream's status can be set, else why not. */
export function statusEditRefusal(stream: Pick<Stream, 'layout'>): StatusEditRefusal | undefined {
	return layoutOf(stream.layout).hasStatusField ? undefined : 'status-follows-progress';
}
