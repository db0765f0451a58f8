// The getting-started walkthrough as VS Code reads it from the manifest: every step shows a page that ships
// with the extension, has a button, and completes when the user does what the button does.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension } from './support';

interface Step {
	readonly id: string;
	readonly description: string;
	readonly media: { readonly markdown?: string };
	readonly completionEvents: readonly string[];
}

describe('getting-started walkthrough', () => {
	const walkthroughs: readonly { id: string; steps: readonly Step[] }[] = extension().packageJSON.contributes?.walkthroughs ?? [];
	const nls: Record<string, string> = {};

	before(async () => {
		const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension().extensionUri, 'package.nls.json')));
		Object.assign(nls, JSON.parse(text));
	});

	it('goes from what a stream is to creating one, progress, the board and an agent', () => {
		assert.equal(walkthroughs.length, 1);
		assert.deepEqual(walkthroughs[0].steps.map(step => step.id), ['whatIsAStream', 'createStream', 'seeProgress', 'openBoard', 'connectAgent']);
	});

	it('shows a page for every step that ships with the extension', async () => {
		for (const step of walkthroughs[0].steps) {
			assert.ok(step.media.markdown, `${step.id} has a markdown page`);
			const page = vscode.Uri.joinPath(extension().extensionUri, step.media.markdown);
			const stat = await vscode.workspace.fs.stat(page);
			assert.ok(stat.size > 0, `${step.media.markdown} is not empty`);
		}
	});

	it('gives every step a button, and completes the step when its command runs', () => {
		for (const step of walkthroughs[0].steps) {
			const description = nls[step.description.replace(/^%|%$/g, '')] ?? step.description;
			const button = /\]\(command:([\w.]+)\)/.exec(description)?.[1];
			assert.ok(button, `${step.id} has a button`);
			const completes = step.completionEvents.includes(`onCommand:${button}`) || step.completionEvents.includes(`onView:${button.replace(/^workbench\.view\.extension\./, '')}.tree`);
			assert.ok(completes, `${step.id} completes when ${button} runs: ${step.completionEvents.join(', ')}`);
		}
	});
});
