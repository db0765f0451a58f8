// `npm run bench`: how fast the core is, against baselines measured in the same run (markdown-it on the same
// plans, a plain read of the same files). Prints a table and writes bench/results.json.
//   --tiny   small inputs, a smoke run for `npm test` so the benchmark cannot rot

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { NodeFileSystem } from '../src/node/nodeFileSystem';
import { StreamFileSystem } from '../src/core/fileSystem';
import { scanPlan } from '../src/core/markdown/planScanner';
import { headingProgress, progressLevel, progressText } from '../src/core/tasks/progressText';
import { StreamIndex } from '../src/core/model/streamIndex';
import { countTasksWithMarkdownIt } from '../test/support/markdownItTasks';
import { generatePlan } from '../test/support/planGenerator';
import { megabytesPerSecond, median, timePair, timeSync } from './measure';
import { writeRepository } from './streamFixtures';

const tiny = process.argv.includes('--tiny');
const repositoryRoot = path.resolve(__dirname, '..', '..');

interface Figure {
	readonly name: string;
	readonly value: number;
	readonly unit: string;
	readonly baseline?: { readonly name: string; readonly value: number; readonly unit: string };
	readonly ratio?: number;
	readonly target?: string;
	readonly met?: boolean;
}

const figures: Figure[] = [];

function record(figure: Figure): void {
	figures.push(figure);
	const baseline = figure.baseline ? `${figure.baseline.name} ${format(figure.baseline.value)} ${figure.baseline.unit}` : '';
	const ratio = figure.ratio !== undefined ? `×${format(figure.ratio)}` : '';
	const verdict = figure.met === undefined ? '' : figure.met ? 'met' : 'MISSED';
	console.log([figure.name.padEnd(44), `${format(figure.value)} ${figure.unit}`.padEnd(16), baseline.padEnd(34), ratio.padEnd(9), (figure.target ?? '').padEnd(22), verdict].join(' '));
}

function format(value: number): string {
	return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function benchScanning(): void {
	const sizes = tiny ? [10_000] : [10_000, 350_000, 5_000_000];
	for (const size of sizes) {
		const text = generatePlan(size, 42);
		const bytes = Buffer.byteLength(text);
		const ours = scanPlan(text).counts;
		const theirs = countTasksWithMarkdownIt(text);
		const same = ours.done === theirs.done && ours.open === theirs.open && ours.active === theirs.active && ours.cancelled === theirs.cancelled;
		if (!same) {
			throw new Error(`scanner and markdown-it disagree on a ${size}-byte plan: ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`);
		}
		const scanner = timeSync(() => scanPlan(text), 5, tiny ? 50 : 500);
		const markdownIt = timeSync(() => countTasksWithMarkdownIt(text), 3, tiny ? 50 : 500);
		const ourSpeed = megabytesPerSecond(bytes, scanner.medianMs);
		const ratio = markdownIt.medianMs / scanner.medianMs;
		const label = size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} KB`;
		const targeted = size === 350_000;
		record({
			name: `scan PLAN.md ${label} (${ours.total + ours.cancelled} tasks)`,
			value: ourSpeed,
			unit: 'MB/s',
			baseline: { name: 'markdown-it', value: megabytesPerSecond(bytes, markdownIt.medianMs), unit: 'MB/s' },
			ratio,
			target: targeted ? '≥ 250 MB/s, ≥ ×50' : undefined,
			met: targeted ? ourSpeed >= 250 && ratio >= 50 : undefined,
		});
	}
}

/** A one-character edit in a big plan, then everything the editor needs: counts and decoration texts. */
function benchTyping(): void {
	const taskCount = tiny ? 500 : 10_000;
	let text = generatePlan(taskCount * 40, 7);
	while (scanPlan(text).tasks.length < taskCount) {
		text += generatePlan(20_000, text.length);
	}
	const tasks = scanPlan(text).tasks.length;
	const samples: number[] = [];
	const markdownItSamples: number[] = [];
	const edits = tiny ? 20 : 200;
	let position = 0;
	for (let i = 0; i < edits; i++) {
		// Type one character somewhere in the plan, as a user would.
		position = (position + 7919 * (i + 1)) % text.length;
		text = text.slice(0, position) + 'a' + text.slice(position);
		let start = performance.now();
		const scan = scanPlan(text);
		const decorations = headingProgress(scan).map(heading => ({ line: heading.line, text: progressText(heading.counts, 'bar'), level: progressLevel(heading.counts) }));
		samples.push(performance.now() - start);
		if (decorations.length === 0) {
			throw new Error('the typing benchmark plan has no headings with tasks');
		}
		start = performance.now();
		countTasksWithMarkdownIt(text);
		markdownItSamples.push(performance.now() - start);
	}
	const ours = median(samples);
	const theirs = median(markdownItSamples);
	record({
		name: `typing in a ${tasks}-task PLAN.md`,
		value: ours,
		unit: 'ms median',
		baseline: { name: 'markdown-it parse', value: theirs, unit: 'ms' },
		ratio: theirs / ours,
		target: tiny ? undefined : '≤ 2 ms',
		met: tiny ? undefined : ours <= 2,
	});
}

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

async function readAllBytes(files: readonly string[], concurrency = 16): Promise<number> {
	let next = 0;
	let bytes = 0;
	const worker = async () => {
		while (next < files.length) {
			bytes += (await fs.promises.readFile(files[next++])).length;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return bytes;
}

async function benchIndexing(scratch: string): Promise<void> {
	const small = tiny ? 50 : 1_000;
	const large = tiny ? 200 : 10_000;
	const smallRepo = writeRepository(path.join(scratch, 'small'), small);
	const smallFs = new NodeFileSystem(smallRepo.folder);
	let streams = 0;
	const [floor, ours] = await timePair(
		() => readAllBytes(smallRepo.files),
		async () => {
			const index = indexOver(smallFs);
			await index.indexAll();
			streams = index.all.length;
		},
		tiny ? 3 : 7,
	);
	if (streams !== small) {
		throw new Error(`indexed ${streams} streams, expected ${small}`);
	}
	const ratio = ours.medianMs / floor.medianMs;
	record({
		name: `index ${small} streams (${smallRepo.files.length} documents)`,
		value: ours.medianMs,
		unit: 'ms',
		baseline: { name: 'plain read', value: floor.medianMs, unit: 'ms' },
		ratio,
		target: tiny ? undefined : '≤ ×1.5 and < 1 s',
		met: tiny ? undefined : ratio <= 1.5 && ours.medianMs < 1000,
	});

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
	const change = median(changeSamples);
	record({
		name: `one PLAN.md changes among ${small} streams`,
		value: change,
		unit: 'ms median',
		target: tiny ? undefined : '≤ 5 ms, 1 file read',
		met: tiny ? undefined : change <= 5 && readsPerChange === 1,
	});
	record({ name: 'files re-read for that change (max)', value: readsPerChange, unit: 'files' });

	const largeRepo = writeRepository(path.join(scratch, 'large'), large, 11);
	const largeFs = new NodeFileSystem(largeRepo.folder);
	globalThis.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const largeIndex = indexOver(largeFs);
	const start = performance.now();
	await largeIndex.indexAll();
	const largeMs = performance.now() - start;
	globalThis.gc?.();
	const heapGrowth = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
	const scale = largeMs / ours.medianMs;
	record({
		name: `index ${large} streams`,
		value: largeMs,
		unit: 'ms',
		baseline: { name: `${small} streams`, value: ours.medianMs, unit: 'ms' },
		ratio: scale,
		target: tiny ? undefined : '≤ ×11',
		met: tiny ? undefined : scale <= 11,
	});
	record({ name: `heap held by the model of ${large} streams`, value: heapGrowth, unit: 'MB' });
	if (largeIndex.all.length !== large) {
		throw new Error(`indexed ${largeIndex.all.length} streams, expected ${large}`);
	}
}

/** The production bundle exactly as `npm run package` ships it. */
function benchBundle(scratch: string): void {
	const outdir = path.join(scratch, 'dist');
	execFileSync(process.execPath, [path.join(repositoryRoot, 'scripts', 'build.mjs'), '--production', '--outdir', outdir], { cwd: repositoryRoot, stdio: 'ignore' });
	const kb = (file: string) => fs.statSync(path.join(outdir, file)).size / 1024;
	const extension = kb('extension.js');
	record({ name: 'minified dist/extension.js (Node host)', value: extension, unit: 'KB', target: '< 150 KB', met: extension < 150 });
	record({ name: 'dist/yaml.js, loaded at the first front matter', value: kb('yaml.js'), unit: 'KB' });
	record({ name: 'minified dist/web/extension.js (web worker)', value: kb(path.join('web', 'extension.js')), unit: 'KB' });
}

async function main(): Promise<void> {
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'streams-bench-'));
	console.log(`Feature Streams benchmarks${tiny ? ' (tiny smoke run)' : ''} — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`);
	try {
		benchScanning();
		benchTyping();
		await benchIndexing(scratch);
		benchBundle(scratch);
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
	const results = {
		date: new Date().toISOString(),
		tiny,
		machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 1e9) },
		figures,
	};
	fs.mkdirSync(path.join(repositoryRoot, 'bench'), { recursive: true });
	fs.writeFileSync(path.join(repositoryRoot, 'bench', tiny ? 'results.tiny.json' : 'results.json'), JSON.stringify(results, null, 2) + '\n');
	const missed = figures.filter(figure => figure.met === false);
	console.log(missed.length === 0 ? 'All targets met.' : `Targets missed: ${missed.map(figure => figure.name).join('; ')}`);
}

main().catch(error => {
	console.error(error);
	process.exitCode = 1;
});
