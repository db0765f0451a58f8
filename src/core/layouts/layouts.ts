// Every layout by id, and the roots a set of enabled layouts reads (DESIGN.md §8).

import { KIRO_LAYOUT } from './kiroLayout';
import { OPENSPEC_LAYOUT } from './openSpecLayout';
import { SPECKIT_LAYOUT } from './specKitLayout';
import { LAYOUT_IDS, LayoutId, LayoutRoot, StreamLayout } from './streamLayout';
import { STREAMS_LAYOUT } from './streamsLayout';

const LAYOUTS: Readonly<Record<LayoutId, StreamLayout>> = {
	streams: STREAMS_LAYOUT,
	kiro: KIRO_LAYOUT,
	speckit: SPECKIT_LAYOUT,
	openspec: OPENSPEC_LAYOUT,
};

export function layoutOf(id: LayoutId): StreamLayout {
	return LAYOUTS[id];
}

export function isLayoutId(value: unknown): value is LayoutId {
	return typeof value === 'string' && (LAYOUT_IDS as readonly string[]).includes(value);
}

/**
 * The roots of the given layouts, in layout order. A folder that two roots would both claim (`streams.roots`
 * set to `specs`) is read by the first layout only, so one folder is never two streams.
 */
export function layoutRoots(layouts: readonly LayoutId[], streamRoots: readonly string[]): LayoutRoot[] {
	const roots: LayoutRoot[] = [];
	const seen = new Set<string>();
	for (const id of LAYOUT_IDS.filter(candidate => layouts.includes(candidate))) {
		for (const root of LAYOUTS[id].roots(streamRoots)) {
			if (!seen.has(root.path)) {
				seen.add(root.path);
				roots.push(root);
			}
		}
	}
	return roots;
}

/** The root a workspace-relative path falls under: the longest that holds it (OpenSpec's archive is inside changes/). */
export function rootOf(roots: readonly LayoutRoot[], path: string): LayoutRoot | undefined {
	let best: LayoutRoot | undefined;
	for (const root of roots) {
		if ((path === root.path || path.startsWith(root.path + '/')) && (!best || root.path.length > best.path.length)) {
			best = root;
		}
	}
	return best;
}
