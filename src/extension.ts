// Entry point: builds the model of the workspace's streams and registers each feature with it.

import * as vscode from 'vscode';
import { setContext } from './contextKeys';
import { FeatureContext } from './featureContext';
import { registerStreamsTree } from './streamsTree';
import { WorkspaceStreams } from './workspaceStreams';

/** Set by the bundler: which extension host this bundle is built for. */
declare const EXTENSION_HOST: 'node' | 'web';

export function activate(extension: vscode.ExtensionContext): void {
	const started = Date.now();
	const log = vscode.window.createOutputChannel('Feature Streams', { log: true });
	const streams = new WorkspaceStreams(log);
	const context: FeatureContext = { extension, streams, log };
	setContext('streams.host', EXTENSION_HOST);
	extension.subscriptions.push(
		log,
		streams,
		registerStreamsTree(context),
	);
	log.info(`Activated in ${Date.now() - started} ms (${EXTENSION_HOST} extension host)`);
}

export function deactivate(): void {
	// Everything is disposed through the extension context's subscriptions.
}
