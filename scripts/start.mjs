// `npm start`: builds and packages the extension, installs it into a local VS Code (code-server, bound to
// 127.0.0.1 only), opens the sample repository in demo/, prints the address and runs until Ctrl+C.
// The first run installs the VS Code toolchain into .vscode-test/ (about a minute); later runs reuse it.
// Your layout and settings in that VS Code are kept between runs, in .vscode-test/start/.
//
//   PORT=9000 npm start        another port (the next free one is taken when it is busy; default 8080)
//   npm start -- <folder>      open another folder instead of demo/

import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from './vscode/server.mjs';
import { ensureToolchain, cacheDir, repoRoot } from './vscode/toolchain.mjs';
import { installExtension, packageExtension } from './vscode/vsix.mjs';

const log = message => console.log(`[start] ${message}`);
const folderArg = process.argv.slice(2).find(arg => !arg.startsWith('-'));
const folder = resolve(folderArg ?? join(repoRoot, 'demo'));
const home = join(cacheDir, 'start');
const extensionsDir = join(home, 'extensions');
const userDataDir = join(home, 'user-data');

await ensureToolchain({ log });
const vsix = join(home, 'feature-streams.vsix');
rmSync(vsix, { force: true });
mkdirSync(extensionsDir, { recursive: true });
await packageExtension(vsix, { log });
await installExtension(vsix, { extensionsDir, userDataDir, log });

const server = await startServer({
	port: Number(process.env.PORT ?? 8080),
	openFolder: folder,
	userDataDir,
	extensionsDir,
	keepSettings: true,
	// A person's VS Code, not a test's: no smoke-test driver, the usual gallery and editor defaults.
	smokeTestDriver: false,
	gallery: true,
	settings: {
		'files.autoSave': 'afterDelay',
		'explorer.compactFolders': true,
		'workbench.tree.enableStickyScroll': true,
		'editor.stickyScroll.enabled': true,
	},
	log,
});

const url = server.url({ folder });
console.log('');
console.log(`  Feature Streams is running in VS Code at  ${url}`);
console.log(`  (workspace ${folder}; the Streams icon is in the activity bar on the left)`);
console.log('  Press Ctrl+C to stop. After changing the extension, stop and run npm start again.');
console.log('');

// Runs until Ctrl+C (server.mjs stops the whole process group on SIGINT/SIGTERM) or until the server dies.
const code = await server.exited;
if (server.stopping) {
	// Ctrl+C: server.mjs is stopping everything and exits.
	await new Promise(() => undefined);
}
console.error(`[start] code-server stopped by itself (${code}); its output: ${server.logFile}\n${server.outputTail(20)}`);
process.exit(1);
