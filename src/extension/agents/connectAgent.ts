// `streams.connectAgent` (Streams: Connect an Agent…): the exact setup that starts the extension's own bundled
// MCP server for the agent a person picks. Setups that live outside the workspace (Claude Code, Codex, other
// clients) are copied to the clipboard; a workspace file (`.cursor/mcp.json`, `.vscode/mcp.json`) is offered to
// be written, our entry merged in without touching the other servers, an unparsable file refused.
//
// Scripts and tests may skip the questions: `executeCommand('streams.connectAgent', { client, action, folder })`.

import * as vscode from 'vscode';
import { claudeCodeSetup, codexSetup, DocumentChange, MCP_CONFIG_FILES, McpConfigFormat, mcpConfigEdit, mcpServersJson } from '../../core';
import { applyDocumentChanges } from '../workspace/documentChanges';
import { readLiveText } from '../workspace/liveText';
import { readSettings } from '../workspace/settings';
import { chooseWorkspaceFolder } from '../workspace/workspaceFolderChoice';
import { serverLaunch, shellFlavour } from './serverLaunch';

export type AgentClient = 'claude-code' | 'cursor' | 'codex' | 'vscode' | 'other';

const CLIENTS: readonly AgentClient[] = ['claude-code', 'cursor', 'codex', 'vscode', 'other'];

/** Clients whose setup is a workspace file we can write. */
const WORKSPACE_FILES: Partial<Record<AgentClient, McpConfigFormat>> = { cursor: 'cursor', vscode: 'vscode' };

export interface ConnectAgentArguments {
	readonly client?: AgentClient;
	/** For a client with a workspace file: write it, or copy its text. Asked when left out. */
	readonly action?: 'write' | 'copy';
	/** A URI inside the workspace folder to connect. */
	readonly folder?: vscode.Uri;
}

export type ConnectAgentResult =
	| { readonly ok: true; readonly action: 'copied'; readonly text: string }
	| { readonly ok: true; readonly action: 'written'; readonly uri: vscode.Uri; readonly change: 'created' | 'added' | 'updated' | 'unchanged' }
	/** Refused: `message` is what the user was shown; nothing was written. */
	| { readonly ok: false; readonly message: string };

export function registerConnectAgent(extension: vscode.ExtensionContext): vscode.Disposable {
	return vscode.commands.registerCommand('streams.connectAgent', (argument?: unknown) => connectAgent(extension, argumentsFrom(argument)));
}

function argumentsFrom(argument: unknown): ConnectAgentArguments {
	if (argument instanceof vscode.Uri) {
		return { folder: argument };
	}
	if (typeof argument !== 'object' || argument === null) {
		return {};
	}
	const given = argument as Record<string, unknown>;
	return {
		client: CLIENTS.find(client => client === given.client),
		action: given.action === 'write' || given.action === 'copy' ? given.action : undefined,
		folder: given.folder instanceof vscode.Uri ? given.folder : undefined,
	};
}

function clientLabel(client: AgentClient): string {
	switch (client) {
		case 'claude-code': return 'Claude Code';
		case 'cursor': return 'Cursor';
		case 'codex': return 'Codex';
		case 'vscode': return 'VS Code';
		case 'other': return vscode.l10n.t('Another MCP client');
	}
}

function clientDetail(client: AgentClient): string {
	switch (client) {
		case 'claude-code': return vscode.l10n.t('Copies a `claude mcp add` command to run in a terminal');
		case 'cursor': return vscode.l10n.t('Writes or copies {0}', MCP_CONFIG_FILES.cursor);
		case 'codex': return vscode.l10n.t('Copies a `codex mcp add` command to run in a terminal');
		case 'vscode': return vscode.l10n.t('Agent mode already has the tools and the server; writes or copies {0} for sharing', MCP_CONFIG_FILES.vscode);
		case 'other': return vscode.l10n.t('Copies the `mcpServers` JSON most clients read');
	}
}

async function connectAgent(extension: vscode.ExtensionContext, options: ConnectAgentArguments): Promise<ConnectAgentResult | undefined> {
	const folder = await chooseWorkspaceFolder(options.folder, vscode.l10n.t('Connect an agent to which folder?'));
	if (!folder) {
		return (vscode.workspace.workspaceFolders ?? []).length === 0
			? refuse(vscode.l10n.t('Open a folder first: the agent works on its streams.'))
			: undefined;
	}
	const client = options.client ?? (await vscode.window.showQuickPick(
		CLIENTS.map(id => ({ id, label: clientLabel(id), detail: clientDetail(id) })),
		{ placeHolder: vscode.l10n.t('Which agent should work on the streams of {0}?', folder.name) },
	))?.id;
	if (!client) {
		return undefined;
	}
	const format = WORKSPACE_FILES[client];
	if (!format) {
		const launch = serverLaunch(extension, folder.uri.fsPath);
		const text = client === 'claude-code' ? claudeCodeSetup(launch, shellFlavour())
			: client === 'codex' ? codexSetup(launch, shellFlavour())
				: mcpServersJson(launch);
		return copy(text, client === 'other'
			? vscode.l10n.t('Copied the MCP server setup for {0}: paste it into the client\'s MCP configuration.', folder.name)
			: vscode.l10n.t('Copied the {0} setup for {1}: run it in a terminal.', clientLabel(client), folder.name));
	}
	// A workspace file names the folder as the client resolves it, so it stays right wherever the folder is opened.
	const launch = serverLaunch(extension, '${workspaceFolder}');
	const file = MCP_CONFIG_FILES[format];
	const action = options.action ?? await askWriteOrCopy(client, file);
	if (!action) {
		return undefined;
	}
	const uri = vscode.Uri.joinPath(folder.uri, ...file.split('/'));
	const existing = await readLiveText(uri, readSettings().maxFileSize);
	if (action === 'copy') {
		const plan = mcpConfigEdit(undefined, format, launch);
		return copy(plan.kind === 'create' ? plan.text : '', vscode.l10n.t('Copied the {0} entry: merge it into {1}.', clientLabel(client), file));
	}
	return writeConfig(folder, file, uri, existing, mcpConfigEdit(existing, format, launch));
}

async function askWriteOrCopy(client: AgentClient, file: string): Promise<'write' | 'copy' | undefined> {
	const write = vscode.l10n.t('Write {0}', file);
	const copyText = vscode.l10n.t('Copy');
	const message = client === 'vscode'
		? vscode.l10n.t('Agent mode in this VS Code already finds the Streams tools and server with no configuration. Write {0} anyway? Other servers in it are kept.', file)
		: vscode.l10n.t('Write the Streams server into {0}? Other servers in it are kept.', file);
	const answer = await vscode.window.showInformationMessage(message, { modal: true }, write, copyText);
	return answer === write ? 'write' : answer === copyText ? 'copy' : undefined;
}

async function writeConfig(folder: vscode.WorkspaceFolder, file: string, uri: vscode.Uri, existing: string | undefined, plan: ReturnType<typeof mcpConfigEdit>): Promise<ConnectAgentResult> {
	if (plan.kind === 'refused') {
		return refuse(plan.message, uri);
	}
	if (plan.kind === 'unchanged') {
		void announce(vscode.l10n.t('{0} already starts the Streams server.', file), uri);
		return { ok: true, action: 'written', uri, change: 'unchanged' };
	}
	const source = folder.uri.toString();
	const change: DocumentChange = plan.kind === 'create'
		? { kind: 'create', source, path: file, text: plan.text }
		: { kind: 'edit', source, path: file, replacements: plan.edits.map(edit => replacementAt(existing ?? '', edit)) };
	const applied = await applyDocumentChanges([change], {
		label: vscode.l10n.t('Connect an Agent'),
		given: { textGiven: given => given.toString() === uri.toString() ? existing : undefined },
	});
	if (!applied.ok) {
		return refuse(applied.error.message, uri);
	}
	const result = plan.kind === 'create' ? 'created' : plan.action;
	void announce(result === 'updated'
		? vscode.l10n.t('Updated the Streams server in {0}; the other servers are as they were.', file)
		: vscode.l10n.t('Added the Streams server to {0}.', file), uri);
	return { ok: true, action: 'written', uri, change: result };
}

/** An offset edit as a line-and-column replacement of the text it was computed on. */
function replacementAt(text: string, edit: { offset: number; length: number; text: string }) {
	const start = positionAt(text, edit.offset);
	const end = positionAt(text, edit.offset + edit.length);
	return { line: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column, text: edit.text };
}

function positionAt(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset).split(/\r\n|\r|\n/);
	return { line: before.length - 1, column: before[before.length - 1].length };
}

async function copy(text: string, message: string): Promise<ConnectAgentResult> {
	await vscode.env.clipboard.writeText(text);
	void vscode.window.showInformationMessage(message);
	return { ok: true, action: 'copied', text };
}

async function announce(message: string, uri: vscode.Uri): Promise<void> {
	const open = vscode.l10n.t('Open');
	if (await vscode.window.showInformationMessage(message, open) === open) {
		await vscode.window.showTextDocument(uri);
	}
}

function refuse(message: string, uri?: vscode.Uri): ConnectAgentResult {
	const open = vscode.l10n.t('Open');
	void vscode.window.showErrorMessage(message, ...(uri ? [open] : [])).then(answer => {
		if (answer === open && uri) {
			void vscode.window.showTextDocument(uri);
		}
	});
	return { ok: false, message };
}
