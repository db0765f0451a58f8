// Typed `setContext` for the keys our menus and welcome views read; unchanged values are not sent again.

import * as vscode from 'vscode';

export interface ContextKeys {
	'streams.indexed': boolean;
	'streams.hasStreams': boolean;
	'streams.filtered': boolean;
	'streams.rootPaths': string[];
}

const current = new Map<string, string>();

export function setContext<K extends keyof ContextKeys>(key: K, value: ContextKeys[K]): void {
	const serialized = JSON.stringify(value);
	if (current.get(key) === serialized) {
		return;
	}
	current.set(key, serialized);
	void vscode.commands.executeCommand('setContext', key, value);
}
