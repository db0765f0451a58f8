// What every feature is handed when it registers: the one model of the streams and the log.

import * as vscode from 'vscode';
import { WorkspaceStreams } from './workspaceStreams';

export interface FeatureContext {
	readonly extension: vscode.ExtensionContext;
	readonly streams: WorkspaceStreams;
	readonly log: vscode.LogOutputChannel;
}
