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
	return FILLED.repeat(filled) + EMPTY.repeat(cells - filled);
}

/** `▰▰▰▱▱ 3/5 · 60%` (bar), `3/5` (fraction) or `60%` (percent). */
export function progressText(counts: TaskCounts, style: ProgressStyle): string {
	const fraction = `${counts.done}/${counts.total}`;
	const percent = `${counts.percent}%`;
	switch (style) {
		case 'fraction': return fraction;
		case 'percent': return percent;
		default: return `${progressBarCells(counts)} ${fraction} · ${percent}`;
	}
}

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
