// How to start the extension's own bundled MCP server (`dist/cli.js mcp <folder>`) with a Node that can run it.
// In the Node extension host that is the host's own program: Node itself in code-server and VS Code's remote
// servers, Electron in desktop VS Code, where ELECTRON_RUN_AS_NODE=1 makes it behave as Node. The web worker
// has no program to start and no local path: there the setup falls back to the npm package (`npx`).

import * as vscode from 'vscode';
import { ServerLaunch, ShellFlavour } from '../../core';

/** The npm package that ships the `streams` bin, for clients that cannot reach the extension's folder. */
export const NPM_PACKAGE = 'feature-streams';

interface HostProcess {
	readonly execPath: string;
	readonly platform: string;
	readonly versions: Readonly<Record<string, string | undefined>>;
}

/** The extension host's process, when it is a Node process (not in the web worker). */
function hostProcess(): HostProcess | undefined {
	return typeof process === 'undefined' || typeof process.execPath !== 'string' ? undefined : process;
}

/** True when this host can start the bundled server itself (the MCP server definition is offered only then). */
export function canStartBundledServer(): boolean {
	return hostProcess() !== undefined;
}

/** The launch of the server for `folder` (a path as the client's machine writes it, or `${workspaceFolder}`). */
export function serverLaunch(extension: vscode.ExtensionContext, folder: string): ServerLaunch {
	const host = hostProcess();
	if (!host || extension.extensionUri.scheme !== 'file') {
		return { command: 'npx', args: ['-y', NPM_PACKAGE, 'mcp', folder], env: {} };
	}
	const cli = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'cli.js').fsPath;
	return {
		command: host.execPath,
		args: [cli, 'mcp', folder],
		env: host.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {},
	};
}

/** How the shell of the machine the server runs on quotes words. */
export function shellFlavour(): ShellFlavour {
	return hostProcess()?.platform === 'win32' ? 'windows' : 'posix';
}
