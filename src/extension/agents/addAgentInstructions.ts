// `streams.addAgentInstructions` (Streams: Add Agent Instructions): writes the core's block of agent
// instructions into the workspace folder's AGENTS.md, creating the file if missing. Only the marked block is
// ever rewritten; the edit goes against the live buffer (an unsaved AGENTS.md keeps its text and stays unsaved).

import * as vscode from 'vscode';
import { AGENTS_FILE, agentInstructionsEdit, DocumentChange } from '../../core';
import { exists } from '../commands/streamCreation';
import { applyDocumentChanges } from '../workspace/documentChanges';
import { readLiveText } from '../workspace/liveText';
import { readSettings } from '../workspace/settings';
import { chooseWorkspaceFolder } from '../workspace/workspaceFolderChoice';

export type AgentInstructionsResult =
	| { readonly ok: true; readonly action: 'created' | 'appended' | 'updated' | 'unchanged'; readonly uri: vscode.Uri }
	/** Refused: `message` is what the user was shown; nothing was written. */
	| { readonly ok: false; readonly message: string };

export function registerAddAgentInstructions(): vscode.Disposable {
	return vscode.commands.registerCommand('streams.addAgentInstructions', (argument?: unknown) => addAgentInstructions(argument));
}

async function addAgentInstructions(argument: unknown): Promise<AgentInstructionsResult | undefined> {
	const folder = await chooseWorkspaceFolder(argument, vscode.l10n.t('Add the agent instructions to which folder\'s {0}?', AGENTS_FILE));
	if (!folder) {
		if ((vscode.workspace.workspaceFolders ?? []).length === 0) {
			return refuse(vscode.l10n.t('Open a folder first: the agent instructions go into its {0}.', AGENTS_FILE));
		}
		return undefined;
	}
	const uri = vscode.Uri.joinPath(folder.uri, AGENTS_FILE);
	const settings = readSettings();
	const existing = await readLiveText(uri, settings.maxFileSize);
	if (existing === undefined && await exists(uri)) {
		return refuse(vscode.l10n.t('{0} cannot be read as text; nothing was changed.', AGENTS_FILE));
	}
	const plan = agentInstructionsEdit(existing, { roots: settings.roots });
	if (plan.kind === 'refused') {
		return refuse(plan.message, uri, plan.line);
	}
	if (plan.kind === 'unchanged') {
		void announce(vscode.l10n.t('{0} already holds the current agent instructions.', AGENTS_FILE), uri);
		return { ok: true, action: 'unchanged', uri };
	}
	const source = folder.uri.toString();
	const change: DocumentChange = plan.kind === 'create'
		? { kind: 'create', source, path: AGENTS_FILE, text: plan.text }
		: {
			kind: 'edit', source, path: AGENTS_FILE,
			replacements: [{ line: plan.start.line, startColumn: plan.start.column, endLine: plan.end.line, endColumn: plan.end.column, text: plan.replacement }],
		};
	const applied = await applyDocumentChanges([change], {
		label: vscode.l10n.t('Add Agent Instructions'),
		given: { textGiven: given => given.toString() === uri.toString() ? existing : undefined },
	});
	if (!applied.ok) {
		return refuse(applied.error.message, uri);
	}
	const action = plan.kind === 'create' ? 'created' : plan.action;
	void announce(action === 'updated'
		? vscode.l10n.t('Updated the agent instructions in {0}; the rest of the file is as it was.', AGENTS_FILE)
		: action === 'appended'
			? vscode.l10n.t('Added the agent instructions to the end of {0}.', AGENTS_FILE)
			: vscode.l10n.t('Created {0} with the agent instructions.', AGENTS_FILE), uri);
	return { ok: true, action, uri };
}

/** Not awaited by the command: it resolves now, the message stays until dismissed. */
async function announce(message: string, uri: vscode.Uri): Promise<void> {
	const open = vscode.l10n.t('Open {0}', AGENTS_FILE);
	if (await vscode.window.showInformationMessage(message, open) === open) {
		await vscode.window.showTextDocument(uri);
	}
}

function refuse(message: string, uri?: vscode.Uri, line?: number): AgentInstructionsResult {
	const open = vscode.l10n.t('Open {0}', AGENTS_FILE);
	void vscode.window.showErrorMessage(message, ...(uri ? [open] : [])).then(answer => {
		if (answer === open && uri) {
			const position = new vscode.Position(line ?? 0, 0);
			void vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
		}
	});
	return { ok: false, message };
}
