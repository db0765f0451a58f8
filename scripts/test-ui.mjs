// Runs the UI tests (test/ui/*.ui.mjs): each drives the workbench in Chromium like a person, on a fresh copy of
// the fixture workspace and a fresh page, and saves screenshots to test-results/screenshots/.
//
// By default the extension is packaged as a .vsix (the production build, as users install it) and installed
// into code-server, which then runs without the smoke-test driver, so notifications show as they do for users.
//
//   node scripts/test-ui.mjs                     every UI test, in the default mode (--node)
//   node scripts/test-ui.mjs streamsTree         only the files whose name contains "streamsTree"
//   modes (one or more; each gets its own server and fresh user data, one after another):
//            --node       the extension in the server's Node extension host, trusted folder (the default)
//            --web        the extension forced into the browser's web-worker extension host
//                         (the user setting `remote.extensionKind`), trusted folder
//            --untrusted  Node host, workspace trust on and the folder untrusted (Restricted Mode)
//   options: --source (load the extension from source through the URL payload: faster, no packaging),
//            --no-build (with --source: use dist/ as it is), --timeout <seconds> (overall, default 1200),
//            --keep (keep the temporary folders)
//
// A UI test file exports `title` (what it shows) and `run({ workbench, page, workspace, mode })`, and may export
// `timeout` (milliseconds, default 90 000), `fixture` (a folder of test/fixtures/ to copy instead of workspace/)
// and `workspaceFile` (a .code-workspace file in it, opened as a multi-root workspace). `mode` is "node", "web"
// or "untrusted"; the workbench adds the mode's
// suffix ("-web", "-untrusted") to the screenshots' names, so the modes' pictures sit side by side.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './vscode/browser.mjs';
import { extensionId, startServer } from './vscode/server.mjs';
import { browserConsole, commandLine, npm, overallTimeout, seconds } from './vscode/testRun.mjs';
import { ensureToolchain, repoRoot } from './vscode/toolchain.mjs';
import { installExtension, packageExtension } from './vscode/vsix.mjs';
import { openWorkbench, screenshotsDir } from '../test/ui/workbench.mjs';

/** What the extension runs in: the same tests, proven in each (see test/ui/streamsTree.ui.mjs). */
const MODES = {
	node: { title: 'Node extension host, trusted folder', web: false, trust: true, suffix: '' },
	web: { title: 'web-worker extension host', web: true, trust: true, suffix: '-web' },
	untrusted: { title: 'Node extension host, untrusted folder (Restricted Mode)', web: false, trust: false, suffix: '-untrusted' },
};

const { args, flag, option } = commandLine();
const selected = Object.keys(MODES).filter(mode => flag(`--${mode}`));
const modes = selected.length > 0 ? selected : ['node'];
const fromSource = flag('--source');
const build = !flag('--no-build');
const keep = flag('--keep');
const overallSeconds = Number(option('--timeout') ?? process.env.UI_TEST_TIMEOUT ?? 1200);
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
	// Installed once, run in every mode: the same .vsix a user installs.
	const extensionsDir = join(scratch, 'extensions');
	mkdirSync(extensionsDir, { recursive: true });
	if (fromSource) {
		if (build) {
			await npm(['run', 'build'], { log });
		}
	} else {
		const vsix = await packageExtension(join(scratch, 'feature-streams.vsix'), { log });
		await installExtension(vsix, { extensionsDir, userDataDir: join(scratch, 'install-user-data'), log });
	}
	for (const mode of modes) {
		clearResults(mode);
	}
	browser = await launchBrowser();

	let number = 0;
	for (const mode of modes) {
		const { title, web, trust } = MODES[mode];
		log(`── ${mode}: ${title}`);
		// Fresh user data per mode: its settings choose the host and trust, and no state carries over.
		server = await startServer({ userDataDir: join(scratch, `user-data-${mode}`), extensionsDir, web, trust, smokeTestDriver: fromSource, log });
		try {
			for (const file of files) {
				const ok = await runFile(file, ++number, mode);
				if (ok) {
					passed++;
				} else {
					failed++;
				}
			}
		} finally {
			await server.stop({ keep });
			server = undefined;
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

/** Removes this mode's screenshots and failure reports, and no other mode's: each mode's run owns its own. */
function clearResults(mode) {
	const modeOf = entry => {
		const base = entry.replace(/\.png$/, '');
		return Object.keys(MODES).find(candidate => MODES[candidate].suffix && base.endsWith(MODES[candidate].suffix)) ?? 'node';
	};
	for (const dir of [screenshotsDir, resultsDir]) {
		if (!existsSync(dir)) {
			continue;
		}
		for (const entry of readdirSync(dir)) {
			if (modeOf(entry) === mode) {
				rmSync(join(dir, entry), { recursive: true, force: true });
			}
		}
	}
}

async function runFile(file, number, mode) {
	const { suffix } = MODES[mode];
	const name = `${file.replace(/\.ui\.mjs$/, '')}${suffix}`;
	const label = mode === 'node' ? name : `${file.replace(/\.ui\.mjs$/, '')} [${mode}]`;
	const testModule = await import(pathToFileURL(join(testsDir, file)).href);
	const title = testModule.title ?? label;
	const timeout = Number(testModule.timeout ?? 90_000);
	if (typeof testModule.run !== 'function') {
		console.log(`not ok ${number} - ${label}: exports no run() function`);
		return false;
	}
	// A fresh copy per test: tests may change files. A test may name another fixture (`fixture`, a folder of
	// test/fixtures/) and a `.code-workspace` file in it to open as a multi-root workspace (`workspaceFile`).
	const workspace = join(scratch, `workspace-${number}-${name}`);
	cpSync(testModule.fixture ? join(repoRoot, 'test', 'fixtures', testModule.fixture) : fixture, workspace, { recursive: true });
	const opened = testModule.workspaceFile ? { workspace: join(workspace, testModule.workspaceFile) } : { folder: workspace };
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
			const workbench = await openWorkbench(page, server.url({ ...opened, payload }), { screenshotSuffix: suffix, workspaceFolder: firstFolderOf(opened.workspace) });
			await testModule.run({ workbench, page, workspace, mode });
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
		console.log(`not ok ${number} - ${label}: ${title} (${time})`);
		const message = (failure instanceof Error ? failure.stack ?? failure.message : String(failure)).split('\n');
		console.log(message.map(line => `    ${line}`).join('\n'));
		const saved = join(resultsDir, name);
		mkdirSync(saved, { recursive: true });
		await page.screenshot({ path: join(screenshotsDir, `FAILED-${name}.png`) }).catch(() => undefined);
		writeFileSync(join(saved, 'browser-console.log'), browserLog.join('\n'));
		const extensionLog = saveExtensionHostLogs(server.userDataDir, testStarted, saved);
		console.log(`    screenshot: ${relative(process.cwd(), join(screenshotsDir, `FAILED-${name}.png`))}, browser console and logs: ${relative(process.cwd(), saved)}`);
		if (extensionLog) {
			console.log('    the extension\'s log:');
			console.log(extensionLog.trimEnd().split('\n').slice(-20).map(line => `      ${line}`).join('\n'));
		}
	} else {
		console.log(`ok ${number} - ${label}: ${title} (${time})`);
	}
	await context.close().catch(() => undefined);
	return !failure;
}

/**
 * Copies the logs of the extension hosts a failed test started (each page starts one) next to its screenshot,
 * and returns the extension's own log: CI shows only what is printed, and a failure that will not come back
 * on a quiet machine must say there what the extension saw.
 */
function saveExtensionHostLogs(userDataDir, since, saved) {
	const logsDir = join(userDataDir, 'logs');
	const hosts = (existsSync(logsDir) ? readdirSync(logsDir) : [])
		.flatMap(session => readdirSync(join(logsDir, session)).filter(name => name.startsWith('exthost')).map(name => join(logsDir, session, name)))
		.filter(dir => statSync(dir).mtimeMs >= since - 1000);
	let extensionLog = '';
	for (const dir of hosts) {
		const target = join(saved, 'logs', relative(logsDir, dir));
		cpSync(dir, target, { recursive: true });
		const hostErrors = (existsSync(join(dir, 'remoteexthost.log')) ? readFileSync(join(dir, 'remoteexthost.log'), 'utf8') : '').split('\n').filter(line => line.includes('[error]'));
		if (hostErrors.length > 0) {
			extensionLog += `${relative(logsDir, dir)}/remoteexthost.log, its errors:\n${hostErrors.join('\n')}\n`;
		}
		const own = join(dir, extensionId);
		for (const file of existsSync(own) ? readdirSync(own).filter(name => name.endsWith('.log')) : []) {
			extensionLog += `${relative(logsDir, dir)}/${file}:\n${readFileSync(join(own, file), 'utf8')}`;
		}
	}
	return extensionLog;
}

/** The name the Explorer gives the first folder of a `.code-workspace` file (its `name`, or its folder's name). */
function firstFolderOf(workspaceFile) {
	if (workspaceFile === undefined) {
		return undefined;
	}
	const [first] = JSON.parse(readFileSync(workspaceFile, 'utf8')).folders ?? [];
	return first && (first.name ?? basename(first.path));
}
