// Starts and stops code-server (VS Code served to a browser) for the integration tests, the UI tests and
// `npm start`. Each server runs in its own process group, so stopping it also ends the extension host, file
// watcher and language servers it spawned; servers still running when this process exits are killed with it.

import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureToolchain, repoRoot } from './toolchain.mjs';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
export const extensionId = `${manifest.publisher}.${manifest.name}`;

/** User settings that keep the workbench quiet, stable and the same on every machine. */
export const cleanSettings = {
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.welcomePage.walkthroughs.openOnInstall': false,
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
	'workbench.enableExperiments': false,
	'workbench.layoutControl.enabled': false,
	'workbench.tree.enableStickyScroll': false,
	'window.commandCenter': false,
	'chat.disableAIFeatures': true,
	'chat.commandCenter.enabled': false,
	'editor.stickyScroll.enabled': false,
	'editor.accessibilitySupport': 'off',
	'explorer.compactFolders': false,
	'files.autoSave': 'off',
	'extensions.autoUpdate': false,
	'extensions.autoCheckUpdates': false,
	'extensions.ignoreRecommendations': true,
	'telemetry.telemetryLevel': 'off',
	'update.mode': 'none',
	'git.openRepositoryInParentFolders': 'never',
	'security.workspace.trust.startupPrompt': 'never',
};

/** Settings that leave the opened folder in Restricted Mode: trust is on, nothing is trusted, nobody is asked. */
const untrustedSettings = {
	'security.workspace.trust.enabled': true,
	'security.workspace.trust.startupPrompt': 'never',
	'security.workspace.trust.emptyWindow': false,
	'security.workspace.trust.untrustedFiles': 'open',
};

const running = new Set();

/**
 * @typedef {object} ServerOptions
 * @property {boolean} [trust=true]          false: keep workspace trust on, so the opened folder is untrusted
 * @property {boolean} [web=false]           run this extension in the browser's web-worker extension host
 * @property {boolean} [gallery=false]       let VS Code query the extension gallery (open-vsx.org); off for tests,
 *                                            which must not depend on the network
 * @property {boolean} [smokeTestDriver=true] needed for `payload` (extension tests, extensionDevelopmentPath);
 *                                            it also hides notification toasts
 * @property {Record<string, unknown>} [settings] extra user settings
 * @property {number} [port]                 preferred port; the next free one is taken when it is busy
 * @property {string} [openFolder]           the folder a plain visit of the server's address opens
 * @property {string} [userDataDir]          kept between runs when given (settings.json is still rewritten
 *                                            unless keepSettings); a fresh temporary one otherwise
 * @property {boolean} [keepSettings=false]  leave an existing settings.json in userDataDir alone
 * @property {string} [extensionsDir]        installed extensions; a fresh empty one otherwise
 * @property {(message: string) => void} [log]
 */

/** Starts a server and resolves once it answers `/healthz`. */
export async function startServer(/** @type {ServerOptions} */ options = {}) {
	const { trust = true, web = false, gallery = false, smokeTestDriver = true, settings = {}, log = message => console.log(`[server] ${message}`) } = options;
	const toolchain = await ensureToolchain({ log: message => log(message) });
	const scratch = mkdtempSync(join(tmpdir(), 'feature-streams-vscode-'));
	const userDataDir = options.userDataDir ?? join(scratch, 'user-data');
	const extensionsDir = options.extensionsDir ?? join(scratch, 'extensions');
	mkdirSync(join(userDataDir, 'User'), { recursive: true });
	mkdirSync(extensionsDir, { recursive: true });

	const settingsFile = join(userDataDir, 'User', 'settings.json');
	if (!(options.keepSettings && existsSync(settingsFile))) {
		const userSettings = {
			...cleanSettings,
			...(trust ? {} : untrustedSettings),
			...(web ? { 'remote.extensionKind': { [extensionId]: ['web'] } } : {}),
			...settings,
		};
		writeFileSync(settingsFile, JSON.stringify(userSettings, null, '\t'));
	}

	const port = await freePort(options.port ?? 0);
	const host = '127.0.0.1';
	const configFile = join(scratch, 'config.yaml');
	writeFileSync(configFile, `bind-addr: ${host}:${port}\nauth: none\ncert: false\n`);
	const args = [
		toolchain.entry,
		'--auth', 'none',
		'--bind-addr', `${host}:${port}`,
		'--disable-telemetry',
		'--disable-update-check',
		'--disable-getting-started-override',
		...(trust ? ['--disable-workspace-trust'] : []),
		'--config', configFile,
		'--user-data-dir', userDataDir,
		'--extensions-dir', extensionsDir,
		...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
		...(options.openFolder ? [options.openFolder] : []),
	];
	const logFile = join(scratch, 'server.log');
	const out = openSync(logFile, 'a');
	// detached: a new session and process group (setsid), so the whole tree can be signalled at once.
	const child = spawn(toolchain.node, args, {
		cwd: scratch,
		detached: true,
		stdio: ['ignore', out, out],
		env: {
			...process.env,
			PATH: `${join(toolchain.nodeDir, 'bin')}:${process.env.PATH ?? ''}`,
			// A gallery without a service URL turns the Marketplace off: no requests, no errors about them.
			...(gallery ? {} : { EXTENSIONS_GALLERY: '{}' }),
		},
	});
	closeSync(out);
	let exited = false;
	const exit = new Promise(resolvePromise => child.on('exit', (code, signal) => {
		exited = true;
		resolvePromise(code ?? signal);
	}));

	const origin = `http://${host}:${port}`;
	const server = {
		origin,
		port,
		host,
		userDataDir,
		extensionsDir,
		logFile,
		pid: child.pid,
		serverLogs: toolchain.serverLogs,
		/** Settles with the exit code (or signal) when the server process ends, for whatever reason. */
		exited: exit,
		/** True once `stop()` was called: an exit after that was asked for. */
		stopping: false,
		/** The workbench URL for a folder or a `.code-workspace` file, with an optional payload (see `developmentPayload`). */
		url({ folder, workspace, payload } = {}) {
			const query = [];
			if (workspace) {
				query.push(`workspace=${workspace.split('/').map(encodeURIComponent).join('/')}`);
			} else if (folder) {
				// Slashes left readable, as code-server writes the address itself.
				query.push(`folder=${folder.split('/').map(encodeURIComponent).join('/')}`);
			}
			if (payload) {
				query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
			}
			return `${origin}/${query.length ? `?${query.join('&')}` : ''}`;
		},
		/** A `vscode-remote://` URI for a path on this machine, as the workbench at this origin resolves it. */
		remoteUri(path) {
			return `vscode-remote://${host}:${port}${path}`;
		},
		/** The payload that loads the extension from source, and optionally runs its extension-host tests. */
		developmentPayload({ extensionPath = repoRoot, testsPath } = {}) {
			return [
				['extensionDevelopmentPath', server.remoteUri(extensionPath)],
				...(testsPath ? [['extensionTestsPath', server.remoteUri(testsPath)]] : []),
				['skipWelcome', 'true'],
			];
		},
		/** The last lines the server printed, for failure messages. */
		outputTail(lines = 40) {
			try {
				return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
			} catch {
				return '';
			}
		},
		/** Stops the whole process group; removes the temporary folders unless asked to keep them. */
		async stop({ keep = false } = {}) {
			server.stopping = true;
			running.delete(server);
			await killGroup(child.pid, () => exited);
			if (!keep) {
				rmSync(scratch, { recursive: true, force: true });
			}
		},
		scratch,
	};
	running.add(server);
	installExitHandlers();

	const deadline = Date.now() + 30_000;
	for (;;) {
		if (exited) {
			await server.stop({ keep: true });
			throw new Error(`code-server exited before it was ready; its output (${logFile}):\n${server.outputTail()}`);
		}
		if (await healthy(origin)) {
			break;
		}
		if (Date.now() > deadline) {
			await server.stop({ keep: true });
			throw new Error(`code-server did not answer ${origin}/healthz within 30 s; its output (${logFile}):\n${server.outputTail()}`);
		}
		await delay(100);
	}
	return server;
}

async function healthy(origin) {
	try {
		const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
		return response.ok;
	} catch {
		return false;
	}
}

/** The preferred port when it is free, else the next free one above it (or any free port for 0). */
export async function freePort(preferred = 0) {
	if (preferred === 0) {
		return listenOn(0);
	}
	for (let port = preferred; port < preferred + 100; port++) {
		try {
			return await listenOn(port);
		} catch {
			// Taken: try the next one.
		}
	}
	throw new Error(`no free port in ${preferred}–${preferred + 99}`);
}

function listenOn(port) {
	return new Promise((resolvePromise, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(port, '127.0.0.1', () => {
			const { port: bound } = probe.address();
			probe.close(() => resolvePromise(bound));
		});
	});
}

async function killGroup(pid, hasExited) {
	if (!pid) {
		return;
	}
	signalGroup(pid, 'SIGTERM');
	const deadline = Date.now() + 5000;
	while (Date.now() < deadline) {
		if (hasExited() && !groupAlive(pid)) {
			return;
		}
		await delay(100);
	}
	signalGroup(pid, 'SIGKILL');
}

function signalGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		// The group is already gone.
	}
}

function groupAlive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

let handlersInstalled = false;

function installExitHandlers() {
	if (handlersInstalled) {
		return;
	}
	handlersInstalled = true;
	// Last resort when the process ends without stopping its servers (an uncaught error, process.exit).
	process.on('exit', () => {
		for (const server of running) {
			signalGroup(server.pid, 'SIGKILL');
		}
	});
	for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
		process.on(signal, async () => {
			await Promise.allSettled([...running].map(server => server.stop()));
			process.exit(code);
		});
	}
}

function delay(ms) {
	return new Promise(done => setTimeout(done, ms));
}
