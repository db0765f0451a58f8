// Runs the extension-host tests (test/vscode/, compiled to out/test/vscode/) inside a real VS Code: code-server
// driven by Chromium. The extension is loaded from source through the workbench URL's payload, and the tests'
// console output is streamed here. Exits with the tests' code.
//
//   node scripts/test-vscode.mjs                 all modes, one after another
//   node scripts/test-vscode.mjs --node          the extension in the server's Node extension host, trusted folder
//   node scripts/test-vscode.mjs --web           the extension in the browser's web-worker extension host
//   node scripts/test-vscode.mjs --untrusted     Node host, the folder opened in Restricted Mode
//   options: --no-build (use out/ and dist/ as they are), --grep <text>, --keep (keep the temporary folders),
//            --timeout <seconds>: for everything after the one-time toolchain install (default 1200; one mode
//            gives up after at most 450 s)

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { format } from 'node:util';
import * as esbuild from 'esbuild';
import { launchBrowser } from './vscode/browser.mjs';
import { startServer } from './vscode/server.mjs';
import { browserConsole, commandLine, npm, overallTimeout, seconds } from './vscode/testRun.mjs';
import { ensureToolchain, repoRoot } from './vscode/toolchain.mjs';

const MODES = {
	node: { title: 'Node extension host, trusted workspace', web: false, trust: true },
	web: { title: 'web-worker extension host', web: true, trust: true },
	untrusted: { title: 'Node extension host, untrusted workspace (Restricted Mode)', web: false, trust: false },
};

const { flag, option } = commandLine();
const selected = Object.keys(MODES).filter(mode => flag(`--${mode}`));
const modes = selected.length > 0 ? selected : Object.keys(MODES);
const build = !flag('--no-build');
const keep = flag('--keep');
const grep = option('--grep');
const overallSeconds = Number(option('--timeout') ?? process.env.VSCODE_TEST_TIMEOUT ?? 1200);
/** One mode's run: page load, extension host start and every test. Runs take 8–15 s when all is well. */
// A guard against a hang, not a speed limit: a loaded two-core machine runs one mode's 100 tests in minutes.
const runSeconds = Math.min(450, overallSeconds);

const fixture = join(repoRoot, 'test', 'fixtures', 'workspace');
const testsDir = join(repoRoot, 'test', 'vscode');
const testsEntry = join(repoRoot, 'out', 'test', 'vscode', 'index.js');
/** The web-worker host cannot `require` files or Node modules: there the tests run as one bundle. */
const webTestsEntry = join(repoRoot, 'out', 'test', 'vscode-web', 'index.js');
const resultsDir = join(repoRoot, 'test-results', 'vscode');

const log = message => console.log(`[test-vscode] ${message}`);

/** Printed by test/vscode/index.ts once the extension-host tests begin. */
const TESTS_STARTED_MARKER = '[feature-streams] extension-host tests starting';
/** Messages of the workbench itself that say nothing about the tests (this machine has no gallery, no watchdog). */
const NOISE = [/additional builtin extensions/, /^\[AccountPolicyGate\]/, /open-vsx\.org|extensions? gallery/i, /native-watchdog|build\/Release\/watchdog/, /^\[lifecycle\]/];

// The one-time toolchain install (a minute or two) has its own safeguards and is not part of the test time.
await ensureToolchain({ log });
const overall = overallTimeout('test-vscode', overallSeconds);

const started = Date.now();
let failed = 0;
let browser;
try {
	if (build) {
		await npm(['run', 'compile'], { log });
		await npm(['run', 'build'], { log });
	}
	if (!existsSync(testsEntry)) {
		throw new Error(`${relative(repoRoot, testsEntry)} is missing: compile the tests (npm run compile)`);
	}
	if (modes.some(mode => MODES[mode].web)) {
		await bundleWebTests();
	}
	rmSync(resultsDir, { recursive: true, force: true });
	browser = await launchBrowser();
	for (const mode of modes) {
		const code = await runMode(mode);
		if (code !== 0) {
			failed++;
		}
	}
} catch (error) {
	console.error(`[test-vscode] FAILED: ${error instanceof Error ? error.message : error}`);
	failed++;
} finally {
	await browser?.close().catch(() => undefined);
	clearTimeout(overall);
}
log(`${modes.length - failed} of ${modes.length} mode(s) passed in ${seconds(started)}`);
process.exit(failed > 0 ? 1 : 0);

async function runMode(mode) {
	const { title, web, trust } = MODES[mode];
	log(`── ${mode}: ${title}`);
	const modeStarted = Date.now();
	const scratch = mkdtempSync(join(tmpdir(), `feature-streams-${mode}-`));
	const workspace = join(scratch, 'workspace');
	// A fresh copy per run: tests may change files.
	cpSync(fixture, workspace, { recursive: true });

	const server = await startServer({
		web,
		trust,
		settings: {
			// Read by test/vscode/support.ts: which host and trust state this run expects.
			'featureStreamsTest.host': web ? 'web' : 'node',
			'featureStreamsTest.trusted': trust,
			...(grep ? { 'featureStreamsTest.grep': grep } : {}),
		},
		log: message => log(message),
	});
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const browserLog = browserConsole(page);

	let finish;
	const finished = new Promise(resolvePromise => { finish = resolvePromise; });
	let reportedLogs = [];
	// Everything the workbench and the extension host log arrives here. Until the tests module announces itself
	// it is the workbench starting up: kept for failure reports only. Then the tests' output is streamed.
	const automationLog = [];
	let testsStarted = false;
	let testsEnded = false;
	await page.exposeFunction('codeAutomationLog', (level, logArgs) => {
		const line = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
		automationLog.push(`[${level}] ${line}`);
		if (!testsStarted) {
			testsStarted = line.includes(TESTS_STARTED_MARKER);
		} else if (!testsEnded && !NOISE.some(pattern => pattern.test(line))) {
			process.stdout.write(`${line}\n`);
		}
	});
	await page.exposeFunction('codeAutomationExit', (code, logs) => {
		testsEnded = true;
		reportedLogs = Array.isArray(logs) ? logs : [];
		finish({ code: Number(code) || 0 });
	});
	const url = server.url({ folder: workspace, payload: server.developmentPayload({ testsPath: web ? webTestsEntry : testsEntry }) });
	const timer = setTimeout(() => finish({ code: 1, timedOut: true }), runSeconds * 1000);
	let outcome;
	try {
		await page.goto(url, { timeout: 60_000 });
		outcome = await finished;
	} catch (error) {
		outcome = { code: 1, error };
	} finally {
		clearTimeout(timer);
	}

	if (outcome.code !== 0) {
		const saved = join(resultsDir, mode);
		mkdirSync(saved, { recursive: true });
		await page.screenshot({ path: join(saved, 'workbench.png') }).catch(() => undefined);
		writeFileSync(join(saved, 'browser-console.log'), browserLog.join('\n'));
		writeFileSync(join(saved, 'automation.log'), automationLog.join('\n'));
		if (!testsStarted) {
			console.error(`[test-vscode] the tests module never started; what the workbench logged:\n${automationLog.slice(-30).join('\n')}`);
		}
		for (const entry of reportedLogs) {
			if (entry && typeof entry.relativePath === 'string' && typeof entry.contents === 'string') {
				const target = join(saved, 'reported', entry.relativePath.replace(/\.\.(\/|$)/g, ''));
				mkdirSync(dirname(target), { recursive: true });
				writeFileSync(target, entry.contents);
			}
		}
		copyLogs(server, saved);
		if (outcome.timedOut) {
			console.error(`[test-vscode] FAILED (${mode}): no result after ${runSeconds} s. The tests never reported back:`
				+ ' the extension or the tests module may have failed to load, or a test hangs.');
		} else if (outcome.error) {
			console.error(`[test-vscode] FAILED (${mode}): ${outcome.error.message}`);
		} else {
			console.error(`[test-vscode] FAILED (${mode}): the tests exited with code ${outcome.code}.`);
		}
		// When the tests did not report, the browser's errors are the best clue (a test's failure says enough).
		const errors = outcome.timedOut || outcome.error || !testsStarted
			? browserLog.filter(line => /^\[(error|pageerror)\]/.test(line)).slice(-15)
			: [];
		if (errors.length > 0) {
			console.error(`[test-vscode] last errors in the browser console:\n${errors.join('\n')}`);
		}
		console.error(`[test-vscode] screenshot, browser console and server logs: ${relative(process.cwd(), saved) || '.'}`);
	}
	await context.close().catch(() => undefined);
	await server.stop({ keep });
	if (keep) {
		log(`kept: workspace ${workspace}, server folders ${server.scratch}`);
	} else {
		rmSync(scratch, { recursive: true, force: true });
	}
	log(`${mode}: ${outcome.code === 0 ? 'passed' : 'FAILED'} in ${seconds(modeStarted)}`);
	return outcome.code;
}

/** Copies code-server's output and the extension host logs, when the server writes them. */
function copyLogs(server, target) {
	try {
		cpSync(server.logFile, join(target, 'server.log'));
		const logsRoot = join(server.userDataDir, 'logs');
		if (existsSync(logsRoot)) {
			for (const name of readdirSync(logsRoot)) {
				if (statSync(join(logsRoot, name)).isDirectory()) {
					cpSync(join(logsRoot, name), join(target, 'server-logs', name), { recursive: true });
				}
			}
		}
	} catch {
		// Logs are a debugging aid; missing ones must not hide the failure itself.
	}
}

/**
 * Bundles test/vscode/web/index.ts with every `*.test.ts` for the web-worker host: mocha's browser build, and
 * test/vscode/web/assert.ts standing in for `node:assert/strict`. Other Node modules stay unresolved, so a test
 * file that needs them fails to load there, as a failing test that names it.
 */
async function bundleWebTests() {
	const files = readdirSync(testsDir, { recursive: true, encoding: 'utf8' })
		.map(name => name.replace(/\\/g, '/'))
		.filter(name => name.endsWith('.test.ts'))
		.sort();
	const contents = [
		"import { runInWebWorker } from './web/index';",
		'export function run(): Promise<void> {',
		'\treturn runInWebWorker([',
		...files.map(name => `\t\t{ name: ${JSON.stringify(name)}, load: () => require(${JSON.stringify(`./${name}`)}) },`),
		'\t]);',
		'}',
	].join('\n');
	const assertShim = join(testsDir, 'web', 'assert.ts');
	log(`bundling ${files.length} test file(s) for the web-worker host`);
	await esbuild.build({
		stdin: { contents, resolveDir: testsDir, sourcefile: 'web-tests.ts', loader: 'ts' },
		outfile: webTestsEntry,
		bundle: true,
		platform: 'browser',
		format: 'cjs',
		target: 'es2022',
		sourcemap: 'inline',
		logLevel: 'warning',
		external: ['vscode'],
		plugins: [{
			name: 'node-builtins-in-the-web',
			setup(build) {
				build.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, () => ({ path: assertShim }));
				build.onResolve({ filter: /^node:/ }, ({ path }) => ({ path, external: true }));
			},
		}],
	});
}
