// `npm run test:desktop`: the extension-host suite in desktop VS Code through @vscode/test-cli and
// @vscode/test-electron (configuration: .vscode-test.mjs). Those download VS Code on first use; on a machine that
// cannot reach VS Code's download service (as in CI here) this says so in one line and exits 1 at once, instead
// of hanging on the download. `npm run test:vscode` runs the same suite in code-server from the npm registry.

import { spawnSync } from 'node:child_process';
import { get } from 'node:https';
import { join } from 'node:path';
import { repoRoot } from './vscode/toolchain.mjs';

const RELEASES = 'https://update.code.visualstudio.com/api/releases/stable';
const PROBE_TIMEOUT_MS = 8000;

/** Whether VS Code's download service answers at all, within a few seconds. */
function canDownloadVSCode() {
	return new Promise(resolve => {
		const request = get(RELEASES, { timeout: PROBE_TIMEOUT_MS }, response => {
			response.resume();
			resolve(response.statusCode !== undefined && response.statusCode < 500);
		});
		request.on('timeout', () => request.destroy(new Error('timed out')));
		request.on('error', () => resolve(false));
	});
}

function run(command, args) {
	const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
	return result.status ?? 1;
}

if (!await canDownloadVSCode()) {
	console.error('[test-desktop] VS Code cannot be downloaded from this machine; run `npm run test:vscode` (the same tests in code-server) instead.');
	process.exit(1);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const script of ['compile', 'build']) {
	const status = run(npm, ['run', script]);
	if (status !== 0) {
		process.exit(status);
	}
}
// On Linux without a display, desktop VS Code needs one: `xvfb-run -a npm run test:desktop`.
process.exit(run(process.execPath, [join(repoRoot, 'node_modules', '@vscode', 'test-cli', 'out', 'bin.mjs')]));
