// The `streams` command end to end, as a user runs it: `node cli.js status --json` as a whole process, Node's
// start-up included, against `cat` of the same files as a whole process, in turns, in the same run.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { record } from './figures';
import { spread, timeProcess } from './measure';
import { RepositoryShape, writeRepository } from './streamFixtures';

export function benchCommandLine(scratch: string, cli: string, tiny: boolean): void {
	const count = tiny ? 50 : 2_000;
	const runs = tiny ? 2 : 7;
	for (const shape of ['light', 'heavy'] as RepositoryShape[]) {
		const repository = writeRepository(path.join(scratch, `cli-${shape}`), count, 13, shape);
		const files = repository.files.map(file => path.relative(repository.folder, file));
		const options = { cwd: repository.folder, maxBuffer: 256 * 1024 * 1024 };
		const cat = () => timeProcess('cat', files, options);
		const streams = () => timeProcess(process.execPath, [cli, 'status', '--json'], options);
		// One of each first: the files in the page cache, Node's code cache warm, for both alike.
		cat();
		streams();
		const cats: number[] = [];
		const ours: number[] = [];
		for (let run = 0; run < runs; run++) {
			cats.push(cat());
			ours.push(streams());
		}
		const measured = spread(ours);
		const baseline = spread(cats);
		const ratio = spread(ours.map((value, i) => value / cats[i]));
		record({
			name: `streams status --json, ${count} streams, ${shape}`,
			value: measured.median, min: measured.min, max: measured.max, runs, unit: 'ms',
			baseline: { name: `cat ${files.length} files`, value: baseline.median, min: baseline.min, max: baseline.max, unit: 'ms' },
			ratio: ratio.median, ratioMin: ratio.min, ratioMax: ratio.max,
			target: tiny ? undefined : '≤ ×3 cat',
			met: tiny ? undefined : ratio.median <= 3,
		});
		fs.rmSync(repository.folder, { recursive: true, force: true });
	}
}
