// Entry point: builds the model of the workspace's streams and registers each feature with it.

import * as vscode from 'vscode';
import { setContext } from './contextKeys';
import { FeatureContext } from './featureContext';
import { registerStreamsTree, StreamsTreeProvider } from './streamsTree';
import { WorkspaceStreams } from './workspaceStreams';

/** Set by the bundler: which extension host this bundle is built for. */
declare const EXTENSION_HOST: 'node' | 'web';

/** What `activate` returns: VS Code's Markdown preview reads `extendMarkdownIt`; tests read the rest. */
export interface ExtensionApi {
	readonly host: 'node' | 'web';
	readonly streams: WorkspaceStreams;
	/** For extension-host tests: the tree's data provider, to read items as VS Code would. */
	readonly tree: StreamsTreeProvider;
}

export function activate(extension: vscode.ExtensionContext): ExtensionApi {
	const started = Date.now();
	const log = vscode.window.createOutputChannel('Feature Streams', { log: true });
	const streams = new WorkspaceStreams(log);
	const context: FeatureContext = { extension, streams, log };
	setContext('streams.host', EXTENSION_HOST);
	const tree = registerStreamsTree(context);
	extension.subscriptions.push(
		log,
		streams,
		tree,
	);
	log.info(`Activated in ${Date.now() - started} ms (${EXTENSION_HOST} extension host)`);
	return { host: EXTENSION_HOST, streams, tree: tree.provider };
}

export function deactivate(): void {
	// Everything is disposed through the extension context's subscriptions.
}
