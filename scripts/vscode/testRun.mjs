// What the two test runners (scripts/test-vscode.mjs and scripts/test-ui.mjs) share: their command line, the
// overall time limit, npm scripts run from the repository root, a page's browser console and timings.

import { spawn } from 'node:child_process';
import { repoRoot } from './toolchain.mjs';

/** The arguments after `node <script>`: flags such as `--keep`, options with a value such as `--timeout 300`. */
export function commandLine(args = process.argv.slice(2)) {
	return {
		args,
		flag: name => args.includes(name),
		option: name => {
			const index = args.indexOf(name);
			return index >= 0 ? args[index + 1] : undefined;
		},
	};
}

/**
 * Fails the whole run once `limitSeconds` have passed, whatever is under way; clear the returned timer when the
 * run ends in time. The exit handlers in server.mjs kill any server still running.
 */
export function overallTimeout(runner, limitSeconds) {
	return setTimeout(() => {
		console.error(`[${runner}] FAILED: gave up after ${limitSeconds} s (overall timeout; raise it with --timeout <seconds>).`);
		process.exit(1);
	}, limitSeconds * 1000);
}

/** Runs `npm <npmArgs>` in the repository root with its output shown; rejects when it fails. */
export function npm(npmArgs, { log }) {
	const cli = process.env.npm_execpath;
	const [command, prefix] = cli && /npm-cli\.js$/.test(cli) ? [process.execPath, [cli]] : ['npm', []];
	log(`npm ${npmArgs.join(' ')}`);
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, [...prefix, ...npmArgs], { cwd: repoRoot, stdio: 'inherit' });
		child.on('error', reject);
		child.on('close', code => code === 0 ? resolvePromise() : reject(new Error(`npm ${npmArgs.join(' ')} exited with ${code}`)));
	});
}

/** Collects what a page writes to its console, and its uncaught errors, for the failure report. */
export function browserConsole(page) {
	const lines = [];
	page.on('console', message => lines.push(`[${message.type()}] ${message.text()}`));
	page.on('pageerror', error => lines.push(`[pageerror] ${error.stack ?? error.message}`));
	// The console says a resource failed, not which: name it.
	page.on('response', response => {
		if (response.status() >= 400) {
			lines.push(`[response] ${response.status()} ${response.url()}`);
		}
	});
	return lines;
}

export function seconds(since) {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
