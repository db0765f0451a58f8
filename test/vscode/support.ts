// What extension-host tests share: the extension under test, and how the harness (scripts/test-vscode.mjs) says
// which mode this run is in.

import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

export const EXTENSION_ID = 'feature-streams.feature-streams';

/** The mode the harness started VS Code in, passed as user settings under `featureStreamsTest`. */
export interface HarnessMode {
	/** Which extension host the extension is meant to run in. */
	readonly host: 'node' | 'web';
	/** Whether the workspace was opened trusted. */
	readonly trusted: boolean;
}

export function harnessMode(): HarnessMode {
	const config = vscode.workspace.getConfiguration('featureStreamsTest');
	return {
		host: config.get<string>('host') === 'web' ? 'web' : 'node',
		trusted: config.get<boolean>('trusted', true),
	};
}

export function extension(): vscode.Extension<ExtensionApi> {
	const found = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
	if (!found) {
		throw new Error(`${EXTENSION_ID} is not loaded`);
	}
	return found;
}

/** The extension's API, activating it first when needed. */
export async function api(): Promise<ExtensionApi> {
	const found = extension();
	return found.isActive ? found.exports : found.activate();
}
