// Timing helpers for the benchmarks: every figure is the median of several runs with its min and max, so one
// slow run on a noisy machine does not decide it, and a figure compared with a baseline is measured in turns
// with that baseline in the same process (A B A B …), the ratio taken pair by pair.

import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** A set of samples: the median to quote, the min and max to show how noisy it was. */
export interface Spread {
	readonly median: number;
	readonly min: number;
	readonly max: number;
	readonly runs: number;
}

export function spread(samples: readonly number[]): Spread {
	return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length };
}

/** Runs `work` until both `minRuns` and `minMs` are reached; the spread of one run's time in ms. */
export function timeSync(work: () => unknown, minRuns = 5, minMs = 200): Spread {
	const samples: number[] = [];
	const started = performance.now();
	while (samples.length < minRuns || performance.now() - started < minMs) {
		const start = performance.now();
		work();
		samples.push(performance.now() - start);
	}
	return spread(samples);
}

export interface Paired {
	readonly baseline: Spread;
	readonly measured: Spread;
	/** measured / baseline, pair by pair. */
	readonly ratio: Spread;
}

/** Alternates baseline and measured work so that drift in the machine's speed hits both alike. */
export async function timePair(baseline: () => unknown, measured: () => unknown, runs: number): Promise<Paired> {
	const a: number[] = [];
	const b: number[] = [];
	for (let i = 0; i < runs; i++) {
		let start = performance.now();
		await baseline();
		a.push(performance.now() - start);
		start = performance.now();
		await measured();
		b.push(performance.now() - start);
	}
	return { baseline: spread(a), measured: spread(b), ratio: spread(b.map((value, i) => value / a[i])) };
}

/** The wall time of one whole process in ms (its output thrown away); throws when it fails. */
export function timeProcess(command: string, args: readonly string[], options: SpawnSyncOptions): number {
	const start = performance.now();
	const result = spawnSync(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
	const ms = performance.now() - start;
	if (result.status !== 0) {
		throw new Error(`${command} exited with ${result.status ?? result.signal}: ${String(result.stderr).slice(0, 500)}`);
	}
	return ms;
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((x, y) => x - y);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function megabytesPerSecond(bytes: number, ms: number): number {
	return bytes / 1e6 / (ms / 1000);
}
