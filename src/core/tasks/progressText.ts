// What a heading's progress reads like, in the editor and in the Markdown preview alike: the text for each
// `streams.progress.style`, the colour level, and which headings of a scanned plan carry one.

import { TaskCounts } from '../model/stream';
import { PlanScan } from '../markdown/planScanner';

export type ProgressStyle = 'bar' | 'fraction' | 'percent';

/** Which of the three progress colours applies. */
export type ProgressLevel = 'none' | 'partial' | 'complete';

/** Cells of the text bar: five reads at a glance and keeps the heading line short. */
export const BAR_CELLS = 5;

const FILLED = '▰';
const EMPTY = '▱';

/** `▰▰▰▱▱`: cells filled in proportion to done tasks, rounded down so a full bar means every task is done. */
export function progressBarCells(counts: TaskCounts, cells = BAR_CELLS): string {
	const filled = counts.total === 0 ? 0 : Math.floor((cells * counts.done) / counts.total);
	return cells === BAR_CELLS ? BARS[filled] : bar(filled, cells);
}

function bar(filled: number, cells: number): string {
	return FILLED.repeat(filled) + EMPTY.repeat(cells - filled);
}

/** Every heading of a 10,000-task plan gets a bar on each keystroke: the six of five cells are made once. */
const BARS: readonly string[] = Array.from({ length: BAR_CELLS + 1 }, (_, filled) => bar(filled, BAR_CELLS));

/** `▰▰▰▱▱ 3/5 · 60%` (bar), `3/5` (fraction) or `60%` (percent). */
export function progressText(counts: TaskCounts, style: ProgressStyle): string {
	switch (style) {
		case 'fraction': return `${counts.done}/${counts.total}`;
		case 'percent': return `${counts.percent}%`;
		default: return barText(counts);
	}
}

/**
 * The bar style's text, made once per count: every heading of a 10,000-task plan gets one on each keystroke,
 * and most headings' counts did not change (a third of the decorations' time; bench/keystroke.ts).
 */
function barText(counts: TaskCounts): string {
	// Both counts are far below 2^26 (a plan of that many tasks is over any file-size limit): one number as the key.
	const key = counts.done * 2 ** 26 + counts.total;
	const known = BAR_TEXTS.get(key);
	if (known?.percent === counts.percent) {
		return known.text;
	}
	if (BAR_TEXTS.size >= BAR_TEXTS_KEPT) {
		BAR_TEXTS.clear();
	}
	const text = `${progressBarCells(counts)} ${counts.done}/${counts.total} · ${counts.percent}%`;
	BAR_TEXTS.set(key, { percent: counts.percent, text });
	return text;
}

const BAR_TEXTS = new Map<number, { readonly percent: number; readonly text: string }>();
const BAR_TEXTS_KEPT = 4096;

export function progressLevel(counts: TaskCounts): ProgressLevel {
	if (counts.total > 0 && counts.done === counts.total) {
		return 'complete';
	}
	return counts.done > 0 ? 'partial' : 'none';
}

export interface HeadingProgress {
	/** 0-based line of the heading. */
	readonly line: number;
	readonly level: number;
	readonly text: string;
	readonly counts: TaskCounts;
}

/**
 * The headings that show progress: those whose section holds tasks that count (a section of cancelled tasks
 * only has nothing left to measure). When the plan has a single level-1 heading, it carries the whole file,
 * tasks written above it included.
 */
export function headingProgress(scan: PlanScan): HeadingProgress[] {
	const titles = scan.headings.filter(heading => heading.level === 1);
	const result: HeadingProgress[] = [];
	for (const heading of scan.headings) {
		const counts = titles.length === 1 && heading === titles[0] ? scan.counts : heading.counts;
		if (counts.total > 0) {
			result.push({ line: heading.line, level: heading.level, text: heading.text, counts });
		}
	}
	return result;
}
