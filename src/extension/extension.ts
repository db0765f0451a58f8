// Entry point: builds the model of the workspace's streams and registers each feature with it.

import * as l10n from '@vscode/l10n';
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { registerAddAgentInstructions } from './agents/addAgentInstructions';
import { registerConnectAgent } from './agents/connectAgent';
import { AgentToolsTesting, registerLanguageModelTools } from './agents/languageModelTools';
import { registerMcpServers } from './agents/mcpServerProvider';
import { FeatureContext } from './workspace/featureContext';
import { BoardTesting, registerBoard } from './board/boardPanel';
import { registerFieldCommands } from './commands/editFields';
import { registerHealthDiagnostics } from './health/healthDiagnostics';
import { registerInitTemplates } from './commands/initTemplates';
import { registerNewStream } from './commands/newStream';
import { PlanDecorations, registerPlanDecorations } from './editor/planDecorations';
import { registerPreviewPlugin } from './editor/previewPlugin';
import { registerStatusBadges, StatusBadgeProvider, StreamRowDecorations } from './status/statusBadges';
import { registerStatusBarItem } from './status/statusBarItem';
import { registerStreamsTree, StreamsTreeProvider } from './tree/streamsTree';
import { registerToggleTask, ToggleTaskTesting } from './editor/toggleTask';
import { StreamFindings } from './health/streamFindings';
import { WorkspaceStreams } from './workspace/workspaceStreams';

/** Set by the bundler: which extension host this bundle is built for. */
declare const EXTENSION_HOST: 'node' | 'web';

/** What `activate` returns: VS Code's Markdown preview reads `extendMarkdownIt`. */
export interface ExtensionApi {
	/** Called by VS Code's Markdown preview (`markdown.markdownItPlugins`): progress bars and status pills. */
	readonly extendMarkdownIt: (md: MarkdownIt) => MarkdownIt;
	/** Only when VS Code runs the extension's tests (`ExtensionMode.Test`): what they read to check their work. */
	readonly testing?: TestingApi;
}

/** The extension's insides that extension-host tests read, kept out of the product's API. */
export interface TestingApi {
	readonly host: 'node' | 'web';
	readonly streams: WorkspaceStreams;
	/** The tree's data provider, to read items as VS Code would. */
	readonly tree: StreamsTreeProvider;
	readonly extendMarkdownIt: (md: MarkdownIt) => MarkdownIt;
	/** `renderedFor(editor)` is the progress last set after a plan's headings. */
	readonly planDecorations: Pick<PlanDecorations, 'renderedFor'>;
	/** The file decoration provider behind the status badges. */
	readonly badges: Pick<StatusBadgeProvider, 'provideFileDecoration' | 'onDidChangeFileDecorations' | 'stateOf'>;
	/** The decorations of the tree's stream rows (status letters). */
	readonly rowDecorations: Pick<StreamRowDecorations, 'provideFileDecoration'>;
	/** Each stream's health findings, as the tree and the board show them. */
	readonly findings: Pick<StreamFindings, 'of' | 'onDidChange'>;
	/** The open board, and a way to send it what its webview would. */
	readonly board: BoardTesting;
	/** The language-model tools' confirmation switch and their confirmations as VS Code would show them. */
	readonly agentTools: AgentToolsTesting;
	/** What Toggle Task told the user. */
	readonly toggleTask: ToggleTaskTesting;
}

export function activate(extension: vscode.ExtensionContext): ExtensionApi {
	const started = Date.now();
	// The core's words (health messages, status names) speak the display language through @vscode/l10n.
	if (vscode.l10n.bundle) {
		l10n.config({ contents: vscode.l10n.bundle });
	}
	const log = vscode.window.createOutputChannel('Feature Streams', { log: true });
	const streams = new WorkspaceStreams(log);
	const context: FeatureContext = { extension, streams, log };
	const findings = new StreamFindings();
	const tree = registerStreamsTree(context, findings);
	const planDecorations = registerPlanDecorations(context);
	const preview = registerPreviewPlugin(context);
	const badges = registerStatusBadges(context);
	const board = registerBoard(context, findings, tree.provider);
	const agentTools = registerLanguageModelTools(context);
	const toggleTask = registerToggleTask(context);
	extension.subscriptions.push(
		log,
		streams,
		findings,
		tree,
		planDecorations,
		preview,
		toggleTask.disposable,
		registerNewStream(context),
		registerInitTemplates(context),
		badges,
		registerStatusBarItem(context),
		registerFieldCommands(context),
		registerHealthDiagnostics(context, findings),
		board,
		agentTools.disposable,
		registerAddAgentInstructions(),
		registerConnectAgent(extension),
	);
	// The web worker cannot start a process: there the language-model tools work alone.
	if (EXTENSION_HOST === 'node') {
		extension.subscriptions.push(registerMcpServers(extension).disposable);
	}
	log.info(`Activated in ${Date.now() - started} ms (${EXTENSION_HOST} extension host)`);
	const testing: TestingApi | undefined = extension.extensionMode === vscode.ExtensionMode.Test
		? { host: EXTENSION_HOST, streams, tree: tree.provider, extendMarkdownIt: preview.extendMarkdownIt, planDecorations, badges: badges.provider, rowDecorations: badges.rows, findings, board: board.testing, agentTools: agentTools.testing, toggleTask: toggleTask.testing }
		: undefined;
	return { extendMarkdownIt: preview.extendMarkdownIt, testing };
}

export function deactivate(): void {
	// Everything is disposed through the extension context's subscriptions.
}
