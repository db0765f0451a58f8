// `npm run bench`: how fast the core, the CLI and the editor's keystroke path are, each against a baseline
// measured in the same run (markdown-it on the same plans, a synchronous read of the same files, `cat` of the
// same files as a whole process). Prints a table and writes bench/results.json; bench/activation.mjs then adds
// the figures measured inside VS Code.
//   --tiny   small inputs, a smoke run for `npm test` so the benchmark cannot rot

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { scanPlan } from '../src/core';
import { countTasksWithMarkdownIt } from '../test/support/markdownItTasks';
import { generatePlan } from '../test/support/planGenerator';
import { benchCommandLine } from './endToEnd';
import { figures, record } from './figures';
import { benchHostileInputs } from './hostileInputs';
import { benchIndexing } from './indexing';
import { benchKeystroke } from './keystroke';
import { benchLineEndings } from './lineEndings';
import { benchMcpServer } from './mcpServer';
import { megabytesPerSecond, timeSync } from './measure';

const tiny = process.argv.includes('--tiny');
const repositoryRoot = path.resolve(__dirname, '..', '..');

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
		const ourSpeed = megabytesPerSecond(bytes, scanner.median);
		const ratio = markdownIt.median / scanner.median;
		const label = size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} KB`;
		const targeted = size === 350_000;
		record({
			name: `scan PLAN.md ${label} (${ours.total + ours.cancelled} tasks)`,
			value: ourSpeed,
			// Slowest run is the lowest speed.
			min: megabytesPerSecond(bytes, scanner.max),
			max: megabytesPerSecond(bytes, scanner.min),
			runs: scanner.runs,
			unit: 'MB/s',
			baseline: { name: 'markdown-it', value: megabytesPerSecond(bytes, markdownIt.median), unit: 'MB/s' },
			ratio,
			target: targeted && !tiny ? '≥ 250 MB/s, ≥ ×50' : undefined,
			met: targeted && !tiny ? ourSpeed >= 250 && ratio >= 50 : undefined,
		});
	}
}

/** The production bundle exactly as `npm run package` ships it; returns the folder it was written to. */
function benchBundle(scratch: string): string {
	const outdir = path.join(scratch, 'dist');
	execFileSync(process.execPath, [path.join(repositoryRoot, 'scripts', 'build.mjs'), '--production', '--outdir', outdir], { cwd: repositoryRoot, stdio: 'ignore' });
	const kb = (file: string) => fs.statSync(path.join(outdir, file)).size / 1024;
	const extension = kb('extension.js');
	record({ name: 'minified dist/extension.js (Node host)', value: extension, unit: 'KB', target: '< 150 KB', met: extension < 150 });
	record({ name: 'dist/yaml.js, loaded at the first front matter', value: kb('yaml.js'), unit: 'KB' });
	record({ name: 'minified dist/web/extension.js (web worker)', value: kb(path.join('web', 'extension.js')), unit: 'KB' });
	return outdir;
}

function machine() {
	let lscpu: string | undefined;
	try {
		lscpu = execFileSync('lscpu', { encoding: 'utf8' }).split('\n').filter(line => /^(Model name|CPU\(s\)|Thread|Core|L[23] cache)/.test(line)).map(line => line.replace(/\s+/g, ' ')).join('; ');
	} catch {
		lscpu = undefined;
	}
	return {
		node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 1e9),
		lscpu, loadAverage: os.loadavg().map(load => Number(load.toFixed(2))),
	};
}

async function main(): Promise<void> {
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'streams-bench-'));
	const started = machine();
	console.log(`Feature Streams benchmarks${tiny ? ' (tiny smoke run)' : ''} — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${started.loadAverage.join(' ')}`);
	try {
		benchScanning();
		await benchLineEndings(tiny);
		await benchKeystroke(scratch, tiny);
		await benchIndexing(scratch, tiny);
		const dist = benchBundle(scratch);
		benchCommandLine(scratch, path.join(dist, 'cli.js'), tiny);
		await benchMcpServer(scratch, path.join(dist, 'cli.js'), tiny);
		await benchHostileInputs(tiny);
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
	const results = {
		date: new Date().toISOString(),
		tiny,
		machine: { ...started, loadAverageAtEnd: os.loadavg().map(load => Number(load.toFixed(2))) },
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
