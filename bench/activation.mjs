// `npm run bench` (inside VS Code): how long the extension's `activate()` takes in a real VS Code, read from
// the extension's own log line "Activated in N ms", over several fresh extension hosts on the fixture workspace;
// then the time to a full tree in workspaces of 1,000 and 10,000 streams: from activation to the last stream in
// the model (the log's "Indexed N streams in X ms"), and for a full re-read until the last stream is in the
// model and in the tree, with the host's event-loop delay meanwhile (bench/vscode/fullTree.ts, run inside the
// extension host), each against `streams status --json` over the same files in the same run.
// Merges its figures into bench/results.json (written by bench/run.ts just before), replacing figures of the same
// name, so a partial run updates only what it measured.
//   --tiny            one page load instead of five (and one window instead of three for the first index), 50 streams
//   --tree            only the time to a full tree (no activation figure)
//   --streams=N[,M]   those workspace sizes instead of 1,000 and 10,000
//   --view            with the Streams view open during the re-reads (VS Code then asks for every row it shows)
//   --profile=DIR     also write a CPU profile of the extension host per workspace size (first re-read) to DIR

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchBrowser } from '../scripts/vscode/browser.mjs';
import { startServer } from '../scripts/vscode/server.mjs';
import { repoRoot } from '../scripts/vscode/toolchain.mjs';

const tiny = process.argv.includes('--tiny');
const treeOnly = process.argv.includes('--tree');
const option = name => process.argv.find(arg => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = option('streams')?.split(',').map(Number) ?? (tiny ? [50] : [1_000, 10_000]);
const profileDir = option('profile');
const viewOpen = process.argv.includes('--view');
const loads = tiny ? 1 : 5;
/** Fresh windows whose first index is timed, per workspace size. */
const firstIndexWindows = tiny ? 1 : 3;
const ACTIVATED = /Activated in (\d+) ms \((node|web) extension host\)/;
const INDEXED = /Indexed (\d+) streams in (\d+) ms/;
const require = createRequire(import.meta.url);

/** The extension's own output log of every extension host the server started: [file, text]. */
function extensionLogs(logsDir) {
	const logs = [];
	const walk = folder => {
		for (const name of existsSync(folder) ? readdirSync(folder) : []) {
			const path = join(folder, name);
			if (statSync(path).isDirectory()) {
				walk(path);
			} else if (name.endsWith('Feature Streams.log')) {
				logs.push([path, readFileSync(path, 'utf8')]);
			}
		}
	};
	walk(logsDir);
	return logs;
}

/** Every "Activated in" time in the extension's logs. */
function activationTimes(logsDir) {
	return extensionLogs(logsDir).flatMap(([, text]) => [...text.matchAll(new RegExp(ACTIVATED, 'g'))].map(match => Number(match[1])));
}

/** The first "Indexed" time in each extension host's log (the index that followed its activation), by log file. */
function firstIndexTimes(logsDir) {
	return new Map(extensionLogs(logsDir)
		.map(([file, text]) => [file, INDEXED.exec(text)])
		.filter(([, match]) => match)
		.map(([file, match]) => [file, Number(match[2])]));
}

/** Polls `read` until it returns something other than undefined, and returns that; throws `failure` past `deadline`. */
async function pollUntil(read, deadline, failure) {
	for (;;) {
		const value = read();
		if (value !== undefined) {
			return value;
		}
		if (Date.now() > deadline) {
			throw new Error(failure);
		}
		await new Promise(resolve => setTimeout(resolve, 200));
	}
}

/** Opens `url` in a new page, and returns the first index of the extension host it started once its log has it. */
async function firstIndexOfNewWindow(server, browser, url, deadline, whileOpen = async () => undefined) {
	const logsDir = join(server.userDataDir, 'logs');
	const before = new Set(firstIndexTimes(logsDir).keys());
	const page = await browser.newPage();
	try {
		await page.goto(url);
		const found = await pollUntil(() => [...firstIndexTimes(logsDir)].find(([file]) => !before.has(file))?.[1], deadline,
			'no "Indexed" line from the new window\'s extension host in time');
		await whileOpen();
		return found;
	} finally {
		await page.close();
	}
}

async function benchActivation(server, browser) {
	const workspace = mkdtempSync(join(tmpdir(), 'streams-bench-ws-'));
	cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
	const deadline = Date.now() + 120_000;
	let times;
	try {
		for (let load = 0; load < loads; load++) {
			const page = await browser.newPage();
			await page.goto(server.url({ folder: workspace, payload: server.developmentPayload() }));
			// Each page load starts a fresh extension host, which activates the extension once.
			await pollUntil(() => activationTimes(join(server.userDataDir, 'logs')).length > load || undefined, deadline,
				'no "Activated in" line in the extension log within 120 s: is @vscode/spdlog built (scripts/vscode/toolchain.mjs)?');
			await page.close();
		}
		times = activationTimes(join(server.userDataDir, 'logs'));
	} finally {
		rmSync(workspace, { recursive: true, force: true });
	}
	const sorted = [...times].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)];
	const met = median <= 20;
	console.log(`${'activate() inside VS Code (Node host)'.padEnd(44)} ${`${median} ms median`.padEnd(16)} ${`of ${times.join(', ')} ms`.padEnd(34)} ${''.padEnd(9)} ${'≤ 20 ms'.padEnd(22)} ${met ? 'met' : 'MISSED'}`);
	return [{ name: 'activate() inside VS Code (Node host)', value: median, min: sorted[0], max: sorted.at(-1), runs: times.length, unit: 'ms', target: '≤ 20 ms', met }];
}

function spread(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return { median: sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2, min: sorted[0], max: sorted.at(-1), runs: sorted.length };
}

function show(figure) {
	const ratio = figure.ratio === undefined ? '' : `×${figure.ratio.toFixed(2)}`;
	const verdict = figure.met === undefined ? '' : figure.met ? 'met' : `MISSED (${ratio || `${figure.value.toFixed(1)} ${figure.unit}`})`;
	const baseline = figure.baseline ? `${figure.baseline.name} ${figure.baseline.value.toFixed(0)} ${figure.baseline.unit}` : '';
	console.log([figure.name.padEnd(52), `${figure.value.toFixed(figure.value < 10 ? 2 : 0)} ${figure.unit} (${figure.min?.toFixed(0)}–${figure.max?.toFixed(0)})`.padEnd(30), baseline.padEnd(36), ratio.padEnd(8), (figure.target ?? '').padEnd(20), verdict].join(' '));
}

/** `streams status --json` over the folder as a whole process, a few times: the spread of its wall time. */
function commandLine(folder, runs) {
	const cli = join(repoRoot, 'dist', 'cli.js');
	const samples = [];
	for (let run = 0; run <= runs; run++) {
		const start = performance.now();
		const result = spawnSync(process.execPath, [cli, 'status', '--json'], { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] });
		if (result.status !== 0) {
			throw new Error(`streams status failed: ${String(result.stderr).slice(0, 300)}`);
		}
		// The first run warms the page cache; it is not counted.
		if (run > 0) {
			samples.push(performance.now() - start);
		}
	}
	return spread(samples);
}

/** A workspace of `count` streams opened in a fresh extension host that runs bench/vscode/fullTree.js. */
async function benchFullTree(server, browser, count) {
	const { writeRepository } = require('../out/bench/streamFixtures.js');
	const workspace = mkdtempSync(join(tmpdir(), 'streams-bench-tree-'));
	writeRepository(workspace, count, 17);
	const resultFile = join(workspace, '.bench', 'fullTree.json');
	let inHost;
	const firstIndexes = [];
	try {
		const payload = server.developmentPayload({ testsPath: join(repoRoot, 'out', 'bench', 'vscode', 'fullTree.js') });
		if (viewOpen) {
			writeFileSync(join(workspace, '.bench-view'), '');
		}
		if (profileDir) {
			writeFileSync(join(workspace, '.bench-profile'), join(profileDir, `fullTree-${count}.cpuprofile`));
		}
		const deadline = Date.now() + (tiny ? 120_000 : 400_000);
		firstIndexes.push(await firstIndexOfNewWindow(server, browser, server.url({ folder: workspace, payload }), deadline, () =>
			pollUntil(() => existsSync(resultFile) || undefined, deadline, `no figures from the extension host (${resultFile}) in time`)));
		inHost = JSON.parse(readFileSync(resultFile, 'utf8'));
		// More windows over the same files, for the first index only: it shares the two cores with the workbench
		// starting up, so one window's figure says as much about that as about the index.
		for (let window = 1; window < firstIndexWindows; window++) {
			firstIndexes.push(await firstIndexOfNewWindow(server, browser, server.url({ folder: workspace, payload: server.developmentPayload() }), deadline));
		}
	} catch (error) {
		rmSync(workspace, { recursive: true, force: true });
		throw error;
	}
	const cli = commandLine(workspace, tiny ? 1 : 3);
	rmSync(workspace, { recursive: true, force: true });
	if (inHost.streams !== count) {
		throw new Error(`the extension indexed ${inHost.streams} streams, expected ${count}`);
	}
	const first = spread(firstIndexes);
	const model = spread(inHost.runs.map(run => run.modelMs));
	const tree = spread(inHost.runs.map(run => run.treeMs));
	const delay = spread(inHost.runs.map(run => run.delayP99Ms));
	const target = !tiny;
	const baseline = { name: 'streams status --json', value: cli.median, min: cli.min, max: cli.max, unit: 'ms' };
	return [
		{ name: `first index in VS Code, ${count} streams (to model)`, ...valueOf(first), unit: 'ms', baseline, ratio: first.median / cli.median, target: target ? '≤ ×2 CLI' : undefined, met: target ? first.median / cli.median <= 2 : undefined },
		{ name: `re-read in VS Code, ${count} streams, to model`, ...valueOf(model), unit: 'ms', baseline, ratio: model.median / cli.median, target: target ? '≤ ×2 CLI' : undefined, met: target ? model.median / cli.median <= 2 : undefined },
		{ name: `re-read in VS Code, ${count} streams, to full tree`, ...valueOf(tree), unit: 'ms', baseline, ratio: tree.median / cli.median, target: target ? '≤ ×2 CLI' : undefined, met: target ? tree.median / cli.median <= 2 : undefined },
		{ name: `  event-loop delay p99 meanwhile, ${count} streams`, ...valueOf(delay), unit: 'ms', target: target ? '≤ 50 ms' : undefined, met: target ? delay.median <= 50 : undefined },
	];
}

function valueOf(spread) {
	return { value: spread.median, min: spread.min, max: spread.max, runs: spread.runs };
}

const load = () => loadavg().map(average => Number(average.toFixed(2)));

async function main() {
	const loadAverage = load();
	console.log(`Inside VS Code — load ${loadAverage.join(' ')}`);
	const server = await startServer({ log: () => undefined });
	const browser = await launchBrowser();
	const figures = [];
	try {
		if (!treeOnly) {
			figures.push(...await benchActivation(server, browser));
		}
		for (const count of sizes) {
			const measured = await benchFullTree(server, browser, count);
			measured.forEach(show);
			figures.push(...measured);
		}
	} finally {
		await browser.close();
		await server.stop();
	}
	console.log(`Inside VS Code — load at the end ${load().join(' ')}`);
	const resultsFile = join(repoRoot, 'bench', tiny ? 'results.tiny.json' : 'results.json');
	if (existsSync(resultsFile)) {
		const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
		// Figures of the same name are replaced where they stand, so the table keeps its order.
		const measured = new Map(figures.map(figure => [figure.name, figure]));
		const kept = results.figures.map(figure => measured.get(figure.name) ?? figure);
		const known = new Set(kept.map(figure => figure.name));
		results.figures = [...kept, ...figures.filter(figure => !known.has(figure.name))];
		// A partial run is a run of its own: its date and load stand next to the figures it replaced.
		if (treeOnly || option('streams')) {
			results.vscodeRun = { date: new Date().toISOString(), loadAverage, loadAverageAtEnd: load(), sizes };
		}
		writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
	}
}

main().catch(error => {
	console.error(error);
	process.exitCode = 1;
});
