// What both entries of the extension-host tests share (index.ts for the Node host, web/index.ts for the
// web-worker host): activate the extension, announce the start to the harness, apply its options, and turn
// mocha's failure count into the rejection VS Code reports as a failed run.

import * as vscode from 'vscode';
import { EXTENSION_ID } from './support';

/** The harness (scripts/test-vscode.mjs) streams the output from this line on. */
export const STARTED_MARKER = '[feature-streams] extension-host tests starting';

export interface MochaOptions {
	readonly ui: 'bdd';
	readonly color: false;
	readonly timeout: number;
	readonly grep?: string;
}

export function mochaOptions(): MochaOptions {
	const grep = vscode.workspace.getConfiguration('featureStreamsTest').get<string>('grep');
	return { ui: 'bdd', color: false, timeout: 20_000, ...(grep ? { grep } : {}) };
}

export async function startTests(): Promise<void> {
	const host = typeof process === 'undefined' ? 'web-worker' : 'Node';
	const ui = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
	console.log(`${STARTED_MARKER} (VS Code ${vscode.version}, ${ui} UI, ${host} extension host)`);
	const extension = vscode.extensions.getExtension(EXTENSION_ID);
	if (!extension) {
		throw new Error(`${EXTENSION_ID} is not loaded: check the payload's extensionDevelopmentPath`);
	}
	// Tests start before `onStartupFinished`, so activation is not to be taken for granted.
	await extension.activate();
}

export function finishTests(failures: number): void {
	if (failures > 0) {
		throw new Error(`${failures} extension-host test(s) failed`);
	}
}
