// Packages the extension as a .vsix the way it ships (production bundles, .vscodeignore, package.nls.json) and
// installs it into a code-server extensions folder: what the UI tests and `npm start` run, so they show what a
// user who installs the extension sees.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureToolchain, repoRoot } from './toolchain.mjs';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

/** Builds and packages the extension into `file` (vsce runs `vscode:prepublish`, the production build). */
export async function packageExtension(file, { log = defaultLog } = {}) {
	mkdirSync(dirname(file), { recursive: true });
	const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
	if (!existsSync(vsce)) {
		throw new Error('@vscode/vsce is not installed: run npm install');
	}
	const started = Date.now();
	await run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', file], { cwd: repoRoot }, 'vsce package');
	log(`packaged ${manifest.name} ${manifest.version} in ${seconds(started)}`);
	return file;
}

/** Installs a .vsix with code-server's own CLI, replacing an older copy of the same extension. */
export async function installExtension(vsix, { extensionsDir, userDataDir, log = defaultLog }) {
	const toolchain = await ensureToolchain({ log });
	const started = Date.now();
	await run(toolchain.node, [
		toolchain.entry,
		'--extensions-dir', extensionsDir,
		'--user-data-dir', userDataDir,
		'--install-extension', vsix,
		'--force',
	], { cwd: repoRoot, env: { ...process.env, EXTENSIONS_GALLERY: '{}' } }, 'code-server --install-extension');
	log(`installed into ${extensionsDir} in ${seconds(started)}`);
}

function run(command, args, options, what) {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', chunk => { output += chunk; });
		child.stderr.on('data', chunk => { output += chunk; });
		child.on('error', reject);
		child.on('close', code => {
			if (code === 0) {
				resolvePromise(output);
			} else {
				reject(new Error(`${what} exited with ${code}:\n${output.trim().split('\n').slice(-25).join('\n')}`));
			}
		});
	});
}

function seconds(since) {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function defaultLog(message) {
	console.log(`[vsix] ${message}`);
}
