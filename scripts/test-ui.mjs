// Runs the UI tests (test/ui/*.ui.mjs): each drives the workbench in Chromium like a person, on a fresh copy of
// the fixture workspace and a fresh page, and saves screenshots to test-results/screenshots/.
//
// By default the extension is packaged as a .vsix (the production build, as users install it) and installed
// into code-server, which then runs without the smoke-test driver, so notifications show as they do for users.
//
//   node scripts/test-ui.mjs                     every UI test
//   node scripts/test-ui.mjs streamsTree         only the files whose name contains "streamsTree"
//   options: --source (load the extension from source through the URL payload: faster, no packaging),
//            --no-build (with --source: use dist/ as it is), --timeout <seconds> (overall, default 600),
//            --keep (keep the temporary folders)
//
// A UI test file exports `title` (what it shows) and `run({ workbench, page, workspace })`, and may export
// `timeout` (milliseconds, default 90 000).

import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './vscode/browser.mjs';
import { startServer } from './vscode/server.mjs';
import { browserConsole, commandLine, npm, overallTimeout, seconds } from './vscode/testRun.mjs';
import { ensureToolchain, repoRoot } from './vscode/toolchain.mjs';
import { installExtension, packageExtension } from './vscode/vsix.mjs';
import { openWorkbench, screenshotsDir } from '../test/ui/workbench.mjs';

const { args, flag, option } = commandLine();
const fromSource = flag('--source');
const build = !flag('--no-build');
const keep = flag('--keep');
const overallSeconds = Number(option('--timeout') ?? process.env.UI_TEST_TIMEOUT ?? 600);
const filters = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--timeout');

const testsDir = join(repoRoot, 'test', 'ui');
const fixture = join(repoRoot, 'test', 'fixtures', 'workspace');
const resultsDir = join(repoRoot, 'test-results', 'ui');

const log = message => console.log(`[test-ui] ${message}`);

// The one-time toolchain install has its own safeguards and is not part of the test time.
await ensureToolchain({ log });
const overall = overallTimeout('test-ui', overallSeconds);

const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), 'feature-streams-ui-'));
let passed = 0;
let failed = 0;
let browser;
let server;
try {
	const files = readdirSync(testsDir)
		.filter(name => name.endsWith('.ui.mjs'))
		.filter(name => filters.length === 0 || filters.some(filter => name.includes(filter)))
		.sort();
	if (files.length === 0) {
		throw new Error(`no UI test in ${relative(repoRoot, testsDir)} matches ${filters.join(', ') || '*.ui.mjs'}`);
	}
	const userDataDir = join(scratch, 'user-data');
	const extensionsDir = join(scratch, 'extensions');
	mkdirSync(extensionsDir, { recursive: true });
	if (fromSource) {
		if (build) {
			await npm(['run', 'build'], { log });
		}
	} else {
		const vsix = await packageExtension(join(scratch, 'feature-streams.vsix'), { log });
		await installExtension(vsix, { extensionsDir, userDataDir, log });
	}
	rmSync(resultsDir, { recursive: true, force: true });
	rmSync(screenshotsDir, { recursive: true, force: true });
	server = await startServer({ userDataDir, extensionsDir, smokeTestDriver: fromSource, log });
	browser = await launchBrowser();

	for (const [index, file] of files.entries()) {
		const ok = await runFile(file, index + 1);
		if (ok) {
			passed++;
		} else {
			failed++;
		}
	}
} catch (error) {
	console.error(`[test-ui] FAILED: ${error instanceof Error ? error.message : error}`);
	failed++;
} finally {
	await browser?.close().catch(() => undefined);
	await server?.stop({ keep });
	clearTimeout(overall);
	if (keep) {
		log(`kept ${scratch}`);
	} else {
		rmSync(scratch, { recursive: true, force: true });
	}
}
log(`screenshots: ${relative(process.cwd(), screenshotsDir) || '.'} (${seconds(started)})`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

async function runFile(file, number) {
	const name = file.replace(/\.ui\.mjs$/, '');
	const testModule = await import(pathToFileURL(join(testsDir, file)).href);
	const title = testModule.title ?? name;
	const timeout = Number(testModule.timeout ?? 90_000);
	if (typeof testModule.run !== 'function') {
		console.log(`not ok ${number} - ${name}: exports no run() function`);
		return false;
	}
	// A fresh copy per test: tests may change files.
	const workspace = join(scratch, `workspace-${number}-${name}`);
	cpSync(fixture, workspace, { recursive: true });
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	page.setDefaultTimeout(20_000);
	const browserLog = browserConsole(page);

	const testStarted = Date.now();
	let failure;
	let timer;
	try {
		const payload = fromSource ? server.developmentPayload() : undefined;
		const body = async () => {
			const workbench = await openWorkbench(page, server.url({ folder: workspace, payload }));
			await testModule.run({ workbench, page, workspace });
		};
		await Promise.race([
			body(),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error(`timed out after ${timeout / 1000} s`)), timeout);
			}),
		]);
	} catch (error) {
		failure = error;
	} finally {
		clearTimeout(timer);
	}

	const time = seconds(testStarted);
	if (failure) {
		console.log(`not ok ${number} - ${name}: ${title} (${time})`);
		const message = (failure instanceof Error ? failure.stack ?? failure.message : String(failure)).split('\n');
		console.log(message.map(line => `    ${line}`).join('\n'));
		const saved = join(resultsDir, name);
		mkdirSync(saved, { recursive: true });
		await page.screenshot({ path: join(screenshotsDir, `FAILED-${name}.png`) }).catch(() => undefined);
		writeFileSync(join(saved, 'browser-console.log'), browserLog.join('\n'));
		console.log(`    screenshot: ${relative(process.cwd(), join(screenshotsDir, `FAILED-${name}.png`))}, browser console: ${relative(process.cwd(), saved)}`);
	} else {
		console.log(`ok ${number} - ${name}: ${title} (${time})`);
	}
	await context.close().catch(() => undefined);
	return !failure;
}
