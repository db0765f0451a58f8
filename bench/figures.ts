// The benchmark's figures: each a median with its min and max, against a baseline measured in the same run,
// with its target and whether it was met. Printed as a table as they come, and written to bench/results.json.

import { Paired, Spread } from './measure';

export interface Figure {
	readonly name: string;
	/** The median. */
	readonly value: number;
	readonly min?: number;
	readonly max?: number;
	readonly runs?: number;
	readonly unit: string;
	readonly baseline?: { readonly name: string; readonly value: number; readonly min?: number; readonly max?: number; readonly unit: string };
	/** value / baseline (or baseline / value for "×N faster" figures), the median of the pairs, with its spread. */
	readonly ratio?: number;
	readonly ratioMin?: number;
	readonly ratioMax?: number;
	readonly target?: string;
	readonly met?: boolean;
}

export const figures: Figure[] = [];

export function record(figure: Figure): void {
	figures.push(figure);
	const range = figure.min !== undefined && figure.max !== undefined ? ` (${format(figure.min)}–${format(figure.max)})` : '';
	const baseline = figure.baseline ? `${figure.baseline.name} ${format(figure.baseline.value)} ${figure.baseline.unit}` : '';
	const ratio = figure.ratio !== undefined ? `×${format(figure.ratio)}` : '';
	const verdict = figure.met === undefined ? '' : figure.met ? 'met' : `MISSED (${ratio || `${format(figure.value)} ${figure.unit}`})`;
	console.log([
		figure.name.padEnd(52), `${format(figure.value)} ${figure.unit}${range}`.padEnd(30), baseline.padEnd(36), ratio.padEnd(8),
		(figure.target ?? '').padEnd(20), verdict,
	].join(' '));
}

/** A figure timed against a baseline in turns (see `timePair`): ms, with the baseline and the ratio's spread. */
export function pairedFigure(name: string, baselineName: string, paired: Paired, target?: { text: string; maxRatio: number }): Figure {
	return {
		...spreadOf(paired.measured),
		name,
		unit: 'ms',
		baseline: { name: baselineName, value: paired.baseline.median, min: paired.baseline.min, max: paired.baseline.max, unit: 'ms' },
		ratio: paired.ratio.median,
		ratioMin: paired.ratio.min,
		ratioMax: paired.ratio.max,
		target: target?.text,
		met: target && paired.ratio.median <= target.maxRatio,
	};
}

export function spreadOf(spread: Spread): Pick<Figure, 'value' | 'min' | 'max' | 'runs'> {
	return { value: spread.median, min: spread.min, max: spread.max, runs: spread.runs };
}

export function format(value: number): string {
	return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
