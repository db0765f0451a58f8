// Configuration for @vscode/test-cli, which `npm run test:desktop` (scripts/test-desktop.mjs) runs: the same
// extension-host tests as `npm run test:vscode`, in desktop VS Code downloaded by @vscode/test-electron, for
// contributors whose machines can download it. CI and offline machines use `npm run test:vscode` (code-server).

import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The tests write into their workspace: give each run a fresh copy of the fixture, as the code-server harness does.
const workspace = join(mkdtempSync(join(tmpdir(), 'feature-streams-desktop-')), 'workspace');
cpSync('test/fixtures/workspace', workspace, { recursive: true });

// The tool reads a default export.
export default {
	label: 'extension-host',
	files: 'out/test/vscode/**/*.test.js',
	workspaceFolder: workspace,
	// The tests expect a trusted workspace unless the user setting featureStreamsTest.trusted says otherwise.
	launchArgs: ['--disable-workspace-trust', '--disable-extensions'],
	mocha: {
		ui: 'bdd',
		timeout: 20000,
	},
};
