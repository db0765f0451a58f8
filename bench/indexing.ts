// Indexing in-process: a full index against the floor of reading the same files synchronously
// (`fs.readFileSync`, one after another: the fastest way Node has to get the bytes), with each of the hosts'
// two readers; one file changing among many; and the heap the model of 10,000 streams holds.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NodeFileSystem } from '../src/node/nodeFileSystem';
import { StreamFileSystem, StreamIndex } from '../src/core';
import { pairedFigure, record } from './figures';
import { spread, timePair } from './measure';
import { GeneratedRepository, RepositoryShape, writeRepository } from './streamFixtures';

/** Counts the files an index reads, to prove a change re-reads only what changed. */
class CountingFileSystem extends NodeFileSystem {
	reads = 0;
	override async readFile(relative: string, maxBytes?: number): Promise<Uint8Array> {
		this.reads++;
		return super.readFile(relative, maxBytes);
	}
}

function indexOver(fileSystem: StreamFileSystem): StreamIndex {
	return new StreamIndex([{ source: 'bench', workspaceFolder: 'bench', fs: fileSystem }], { roots: ['.project/streams'], maxFileSize: 2 * 1024 * 1024 });
}

export function readAllSync(files: readonly string[]): number {
	let bytes = 0;
	for (const file of files) {
		bytes += fs.readFileSync(file).length;
	}
	return bytes;
}

/**
 * The index over `repository` against the floor, with one of the two readers the hosts use: asynchronous (the MCP
 * server and the extension host, which must go on answering while they read) or synchronous (the CLI).
 */
async function indexAgainstFloor(repository: GeneratedRepository, count: number, shape: RepositoryShape, synchronous: boolean, tiny: boolean): Promise<number> {
	const fileSystem = new NodeFileSystem(repository.folder, { synchronous });
	let streams = 0;
	const paired = await timePair(
		() => readAllSync(repository.files),
		async () => {
			const index = indexOver(fileSystem);
			await index.indexAll();
			streams = index.all.length;
		},
		tiny ? 3 : 9,
	);
	if (streams !== count) {
		throw new Error(`indexed ${streams} streams, expected ${count}`);
	}
	const reads = synchronous ? 'synchronous reads (the CLI)' : 'asynchronous reads (MCP server, extension host)';
	record(pairedFigure(`index ${count} streams, ${shape} (${repository.files.length} files), ${reads}`, 'readFileSync', paired,
		tiny ? undefined : { text: '≤ ×2 readFileSync', maxRatio: 2 }));
	return paired.measured.median;
}

export async function benchIndexing(scratch: string, tiny: boolean): Promise<void> {
	const small = tiny ? 50 : 1_000;
	const heavy = tiny ? 50 : 2_000;
	const large = tiny ? 200 : 10_000;
	const smallRepo = writeRepository(path.join(scratch, 'small'), small);
	const smallMs = await indexAgainstFloor(smallRepo, small, 'light', false, tiny);
	await indexAgainstFloor(smallRepo, small, 'light', true, tiny);
	const heavyRepo = writeRepository(path.join(scratch, 'heavy'), heavy, 5, 'heavy');
	await indexAgainstFloor(heavyRepo, heavy, 'heavy', false, tiny);
	await indexAgainstFloor(heavyRepo, heavy, 'heavy', true, tiny);
	fs.rmSync(heavyRepo.folder, { recursive: true, force: true });

	// One file changes: the model follows, re-reading that file only.
	const counting = new CountingFileSystem(smallRepo.folder);
	const index = indexOver(counting);
	await index.indexAll();
	const changeSamples: number[] = [];
	let readsPerChange = 0;
	for (let i = 0; i < (tiny ? 5 : 50); i++) {
		const id = `.project/streams/stream-${String(i % small).padStart(5, '0')}`;
		const plan = path.join(smallRepo.folder, id, 'PLAN.md');
		fs.appendFileSync(plan, `- [x] change ${i}\n`);
		counting.reads = 0;
		const start = performance.now();
		await index.applyChanges('bench', [{ path: `${id}/PLAN.md`, kind: 'changed' }]);
		changeSamples.push(performance.now() - start);
		readsPerChange = Math.max(readsPerChange, counting.reads);
	}
	const change = spread(changeSamples);
	record({
		name: `one PLAN.md changes among ${small} streams`,
		value: change.median, min: change.min, max: change.max, runs: change.runs, unit: 'ms',
		target: tiny ? undefined : '≤ 5 ms, 1 file read',
		met: tiny ? undefined : change.median <= 5 && readsPerChange === 1,
	});
	record({ name: 'files re-read for that change (max)', value: readsPerChange, unit: 'files' });
	index.dispose();

	const largeRepo = writeRepository(path.join(scratch, 'large'), large, 11);
	const largeFs = new NodeFileSystem(largeRepo.folder);
	const times: number[] = [];
	const heaps: number[] = [];
	for (let run = 0; run < (tiny ? 1 : 3); run++) {
		let largeIndex: StreamIndex | undefined = indexOver(largeFs);
		const start = performance.now();
		await largeIndex.indexAll();
		times.push(performance.now() - start);
		if (largeIndex.all.length !== large) {
			throw new Error(`indexed ${largeIndex.all.length} streams, expected ${large}`);
		}
		// What the model holds: the heap with it, less the heap once it is dropped.
		globalThis.gc?.();
		const withModel = process.memoryUsage().heapUsed;
		largeIndex.dispose();
		largeIndex = undefined;
		globalThis.gc?.();
		heaps.push((withModel - process.memoryUsage().heapUsed) / 1e6);
	}
	const largeMs = spread(times);
	const scale = largeMs.median / smallMs;
	record({
		name: `index ${large} streams, light`,
		value: largeMs.median, min: largeMs.min, max: largeMs.max, runs: largeMs.runs, unit: 'ms',
		baseline: { name: `${small} streams`, value: smallMs, unit: 'ms' },
		ratio: scale,
		target: tiny ? undefined : '≤ ×11',
		met: tiny ? undefined : scale <= 11,
	});
	const heap = spread(heaps);
	record({
		name: `heap held by the model of ${large} streams`,
		value: heap.median, min: heap.min, max: heap.max, runs: heap.runs, unit: 'MB',
		target: tiny ? undefined : '≤ 40 MB',
		met: tiny ? undefined : heap.median <= 40,
	});
}
