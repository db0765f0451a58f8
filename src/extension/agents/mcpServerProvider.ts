// The MCP server definition provider (`contributes.mcpServerDefinitionProviders`): agent mode finds our server
// with no configuration, one per workspace folder on disk, started from the extension's own bundle with the
// extension host's Node (serverLaunch.ts). Registered only in the Node extension host: the web worker has no
// process to start, and there the language-model tools work alone.

import * as vscode from 'vscode';
import { serverLaunch } from './serverLaunch';

export const MCP_PROVIDER_ID = 'streams.mcp';

export class StreamsMcpServers implements vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition> {
	private readonly changeEmitter = new vscode.EventEmitter<void>();
	readonly onDidChangeMcpServerDefinitions = this.changeEmitter.event;

	constructor(private readonly extension: vscode.ExtensionContext) { }

	provideMcpServerDefinitions(): vscode.McpStdioServerDefinition[] {
		const folders = (vscode.workspace.workspaceFolders ?? []).filter(folder => folder.uri.scheme === 'file');
		return folders.map(folder => {
			const launch = serverLaunch(this.extension, folder.uri.fsPath);
			const label = folders.length > 1
				? vscode.l10n.t('Feature Streams ({0})', folder.name)
				: vscode.l10n.t('Feature Streams');
			const version = String(this.extension.extension.packageJSON.version ?? '');
			const server = new vscode.McpStdioServerDefinition(label, launch.command, [...launch.args], { ...launch.env }, version);
			server.cwd = folder.uri;
			return server;
		});
	}

	/** The folders changed: VS Code asks for the servers again. */
	changed(): void {
		this.changeEmitter.fire();
	}

	dispose(): void {
		this.changeEmitter.dispose();
	}
}

export function registerMcpServers(extension: vscode.ExtensionContext): { readonly provider: StreamsMcpServers; readonly disposable: vscode.Disposable } {
	const provider = new StreamsMcpServers(extension);
	return {
		provider,
		disposable: vscode.Disposable.from(
			provider,
			vscode.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider),
			vscode.workspace.onDidChangeWorkspaceFolders(() => provider.changed()),
		),
	};
}
