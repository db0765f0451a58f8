// Timing helpers for the benchmarks: medians over repeated runs, so one slow run on a noisy machine does not
// decide a figure, and every figure is paired with a baseline measured in the same process.

import { performance } from 'node:perf_hooks';

export interface Timing {
	readonly medianMs: number;
	readonly runs: number;
}

/** Runs `work` until both `minRuns` and `minMs` are reached and returns the median time of one run. */
export function timeSync(work: () => unknown, minRuns = 5, minMs = 200): Timing {
	const samples: number[] = [];
	const started = performance.now();
	while (samples.length < minRuns || performance.now() - started < minMs) {
		const start = performance.now();
		work();
		samples.push(performance.now() - start);
	}
	return { medianMs: median(samples), runs: samples.length };
}

export async function timeAsync(work: () => Promise<unknown>, runs: number): Promise<Timing> {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await work();
		samples.push(performance.now() - start);
	}
	return { medianMs: median(samples), runs };
}

/** Alternates the two so that drift in the machine's speed hits both alike. */
export async function timePair(first: () => Promise<unknown>, second: () => Promise<unknown>, runs: number): Promise<[Timing, Timing]> {
	const a: number[] = [];
	const b: number[] = [];
	for (let i = 0; i < runs; i++) {
		let start = performance.now();
		await first();
		a.push(performance.now() - start);
		start = performance.now();
		await second();
		b.push(performance.now() - start);
	}
	return [{ medianMs: median(a), runs }, { medianMs: median(b), runs }];
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((x, y) => x - y);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function megabytesPerSecond(bytes: number, ms: number): number {
	return bytes / 1e6 / (ms / 1000);
}
