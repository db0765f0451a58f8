// The nine `streams_*` tools for VS Code's agent mode (`contributes.languageModelTools`, DESIGN.md §7): each
// calls the core operation of the same name over the extension's model and the live buffers, and applies its
// changes as one WorkspaceEdit (documentChanges.ts), so a person's unsaved text is kept and one undo takes the
// agent's edit back. Results are the operation's JSON, as the MCP server gives it; an error is thrown with the
// operation's message (what is wrong and what is there now), which VS Code hands to the model as a failed call.
// Write tools ask for confirmation, showing the lines they will change.

import * as vscode from 'vscode';
import {
	addNote, applyDocumentReplacements, changedLines, createStream, DocumentChange, lintStreams, listStreams, nextTasks,
	OperationOutcome, setField, setTask, showStream, writeHandoff,
} from '../../core';
import { FeatureContext } from '../workspace/featureContext';
import { applyDocumentChanges, uriInWorkspaceFolder, writtenFiles } from '../workspace/documentChanges';
import { readSettings } from '../workspace/settings';
import { LiveOperationContext } from '../workspace/liveOperationContext';

type Input = Record<string, unknown>;

interface AgentTool {
	readonly name: string;
	/** Tools that write ask for confirmation and apply their operation's changes. */
	readonly writes: boolean;
	run(context: LiveOperationContext, input: Input): Promise<OperationOutcome<unknown>>;
	/** The confirmation's title, in the words of the input. */
	title?(input: Input): string;
	/**
	 * The folder a tool creates (New Stream's rule for the applier: refused if it already exists, removed when an
	 * undo empties it).
	 */
	newFolder?(outcome: OperationOutcome<unknown> & { ok: true }): { readonly source: string; readonly path: string } | undefined;
}

const text = (value: unknown) => typeof value === 'string' ? value : String(value ?? '');

/** Where a tool-created stream goes: the first workspace folder's first stream root. */
function creationTarget(): { source: string; root: string } {
	const folder = vscode.workspace.workspaceFolders?.[0];
	return { source: folder?.uri.toString() ?? '', root: readSettings().roots[0] ?? '.project/streams' };
}

const TOOLS: readonly AgentTool[] = [
	{ name: 'streams_list', writes: false, run: (context, input) => listStreams(context, input) },
	{ name: 'streams_show', writes: false, run: (context, input) => showStream(context, input as never) },
	{ name: 'streams_next', writes: false, run: (context, input) => nextTasks(context, input) },
	{
		name: 'streams_lint', writes: false, run: (context, input) => {
			const settings = readSettings();
			return lintStreams(context, input, { severities: settings.diagnosticsRules, requiredDocuments: settings.requiredDocuments, templatesFolder: settings.templatesFolder });
		},
	},
	{
		name: 'streams_set_task', writes: true, run: (context, input) => setTask(context, input as never),
		title: input => vscode.l10n.t('Mark a task of {0} as {1}?', text(input.stream), text(input.state)),
	},
	{
		name: 'streams_set_field', writes: true, run: (context, input) => setField(context, input as never),
		title: input => vscode.l10n.t('Set the {0} of {1} to "{2}"?', text(input.field), text(input.stream), text(input.value)),
	},
	{
		name: 'streams_add_note', writes: true, run: (context, input) => addNote(context, input as never),
		title: input => vscode.l10n.t('Add a note to {0}?', text(input.stream)),
	},
	{
		name: 'streams_write_handoff', writes: true, run: (context, input) => writeHandoff(context, input as never),
		title: input => vscode.l10n.t('Write the hand-off of {0}?', text(input.stream)),
	},
	{
		name: 'streams_create', writes: true, run: (context, input) => createStream(context, { ...input, ...creationTarget() } as never),
		title: input => vscode.l10n.t('Create the stream "{0}"?', text(input.name)),
		newFolder: outcome => {
			const source = outcome.changes[0]?.source;
			const id = (outcome.result as { id?: unknown }).id;
			return source !== undefined && typeof id === 'string' ? { source, path: id } : undefined;
		},
	},
];

export const AGENT_TOOL_NAMES: readonly string[] = TOOLS.map(tool => tool.name);

/** How often a write decides again when a document changed between its decision and its edit. */
const ATTEMPTS = 3;

/** For extension-host tests (ExtensionMode.Test): VS Code asks outside a chat with a modal dialog no test can answer. */
export interface AgentToolsTesting {
	askForConfirmation: boolean;
	prepare(name: string, input: Input): Promise<vscode.PreparedToolInvocation | undefined>;
}

export function registerLanguageModelTools(context: FeatureContext): { readonly testing: AgentToolsTesting; readonly disposable: vscode.Disposable } {
	const testing: AgentToolsTesting = {
		askForConfirmation: true,
		prepare: (name, input) => {
			const tool = TOOLS.find(candidate => candidate.name === name);
			return tool ? prepare(context, tool, input) : Promise.resolve(undefined);
		},
	};
	const disposable = vscode.Disposable.from(...TOOLS.map(tool => vscode.lm.registerTool<Input>(tool.name, {
		invoke: options => invoke(context, tool, options.input),
		prepareInvocation: async options => {
			const prepared = await prepare(context, tool, options.input);
			return testing.askForConfirmation ? prepared : prepared && { invocationMessage: prepared.invocationMessage };
		},
	})));
	return { testing, disposable };
}

async function invoke(feature: FeatureContext, tool: AgentTool, input: Input): Promise<vscode.LanguageModelToolResult> {
	await feature.streams.ready;
	for (let attempt = 1; ; attempt++) {
		// A fresh look each time: the model and the buffers as they are now.
		const context = new LiveOperationContext(feature.streams, feature.extension);
		const outcome = await tool.run(context, input ?? {});
		if (!outcome.ok) {
			throw new Error(outcome.error.message);
		}
		if (outcome.changes.length === 0) {
			return result(outcome.result);
		}
		const applied = await applyDocumentChanges(outcome.changes, { label: vscode.l10n.t('Agent: {0}', tool.name), given: context, newFolder: tool.newFolder?.(outcome) });
		if (applied.ok) {
			await feature.streams.reread(writtenFiles(applied.documents));
			const unsaved = applied.documents.filter(document => document.kind === 'edited' && !document.saved).map(document => document.path);
			return result(outcome.result, unsaved);
		}
		if (applied.error.code !== 'changed' || attempt === ATTEMPTS) {
			throw new Error(applied.error.message);
		}
	}
}

function result(value: unknown, unsaved: readonly string[] = []): vscode.LanguageModelToolResult {
	const parts = [new vscode.LanguageModelTextPart(JSON.stringify(value))];
	if (unsaved.length > 0) {
		parts.push(new vscode.LanguageModelTextPart(`Edited in the open editor and left unsaved, because it had unsaved changes of the user's: ${unsaved.join(', ')}.`));
	}
	return new vscode.LanguageModelToolResult(parts);
}

/** The confirmation of a write: its title and the lines it will change, decided now on the live texts. */
async function prepare(feature: FeatureContext, tool: AgentTool, input: Input): Promise<vscode.PreparedToolInvocation | undefined> {
	if (!tool.writes || !tool.title) {
		return { invocationMessage: vscode.l10n.t('Reading streams ({0})', tool.name) };
	}
	await feature.streams.ready;
	const context = new LiveOperationContext(feature.streams, feature.extension);
	const outcome = await tool.run(context, input ?? {});
	if (!outcome.ok) {
		// Nothing would be written: the call fails with this message, no need to ask.
		return { invocationMessage: outcome.error.message };
	}
	const message = new vscode.MarkdownString();
	for (const change of outcome.changes) {
		describe(message, change, context);
	}
	return {
		invocationMessage: tool.title(input),
		confirmationMessages: { title: tool.title(input), message },
	};
}

function describe(message: vscode.MarkdownString, change: DocumentChange, context: LiveOperationContext): void {
	if (change.kind === 'create') {
		message.appendMarkdown(vscode.l10n.t('Creates `{0}`.', change.path) + '\n\n');
		return;
	}
	const uri = uriInWorkspaceFolder(change.source, change.path);
	const before = uri && context.textGiven(uri);
	const lines = before === undefined ? undefined : changedLines(before, applyDocumentReplacements(before, change.replacements));
	if (!lines) {
		message.appendMarkdown(vscode.l10n.t('Edits `{0}`.', change.path) + '\n\n');
		return;
	}
	message.appendMarkdown(vscode.l10n.t('`{0}`, line {1}:', change.path, lines.line + 1) + '\n');
	const diff = [...lines.removed.map(line => `- ${line}`), ...lines.added.map(line => `+ ${line}`)];
	if (lines.omitted > 0) {
		diff.push(vscode.l10n.t('… and {0} more lines', lines.omitted));
	}
	message.appendCodeblock(diff.join('\n'), 'diff');
}
