// `npm run bench` (inside VS Code): how long the extension's `activate()` takes in a real VS Code, read from
// the extension's own log line "Activated in N ms", over several fresh extension hosts on the fixture workspace.
// Merges its figure into bench/results.json (written by bench/run.ts just before).
//   --tiny   one page load instead of five

import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../scripts/vscode/browser.mjs';
import { startServer } from '../scripts/vscode/server.mjs';
import { repoRoot } from '../scripts/vscode/toolchain.mjs';

const tiny = process.argv.includes('--tiny');
const loads = tiny ? 1 : 5;
const ACTIVATED = /Activated in (\d+) ms \((node|web) extension host\)/;

/** Every "Feature Streams" output log under the server's log folder, newest last. */
function activationTimes(logsDir) {
	const times = [];
	const walk = folder => {
		for (const name of existsSync(folder) ? readdirSync(folder) : []) {
			const path = join(folder, name);
			if (statSync(path).isDirectory()) {
				walk(path);
			} else if (name.endsWith('Feature Streams.log')) {
				for (const match of readFileSync(path, 'utf8').matchAll(new RegExp(ACTIVATED, 'g'))) {
					times.push(Number(match[1]));
				}
			}
		}
	};
	walk(logsDir);
	return times;
}

async function main() {
	const workspace = mkdtempSync(join(tmpdir(), 'streams-bench-ws-'));
	cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
	const server = await startServer({ log: () => undefined });
	const browser = await launchBrowser();
	const deadline = Date.now() + 120_000;
	let times;
	try {
		for (let load = 0; load < loads; load++) {
			const page = await browser.newPage();
			await page.goto(server.url({ folder: workspace, payload: server.developmentPayload() }));
			// Each page load starts a fresh extension host, which activates the extension once.
			while (activationTimes(join(server.userDataDir, 'logs')).length <= load) {
				if (Date.now() > deadline) {
					throw new Error('no "Activated in" line in the extension log within 120 s: is @vscode/spdlog built (scripts/vscode/toolchain.mjs)?');
				}
				await new Promise(resolve => setTimeout(resolve, 200));
			}
			await page.close();
		}
		times = activationTimes(join(server.userDataDir, 'logs'));
	} finally {
		await browser.close();
		await server.stop();
		rmSync(workspace, { recursive: true, force: true });
	}
	const sorted = [...times].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)];
	const met = median <= 20;
	console.log(`${'activate() inside VS Code (Node host)'.padEnd(44)} ${`${median} ms median`.padEnd(16)} ${`of ${times.join(', ')} ms`.padEnd(34)} ${''.padEnd(9)} ${'≤ 20 ms'.padEnd(22)} ${met ? 'met' : 'MISSED'}`);
	const resultsFile = join(repoRoot, 'bench', tiny ? 'results.tiny.json' : 'results.json');
	if (existsSync(resultsFile)) {
		const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
		results.figures.push({ name: 'activate() inside VS Code (Node host)', value: median, unit: 'ms median', samples: times, target: '≤ 20 ms', met });
		writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
	}
}

main().catch(error => {
	console.error(error);
	process.exitCode = 1;
});
