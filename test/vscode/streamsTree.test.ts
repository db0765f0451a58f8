// The Streams tree, read through its data provider exactly as VS Code reads it, on the fixture workspace.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StreamsTreeNode } from '../../src/extension/tree/streamsTree';
import { streamKey } from '../../src/core';
import { api, waitFor, workspaceUri } from './support';

const ROOT = '.project/streams';

interface Row {
	readonly label: string;
	readonly description: string | undefined;
	readonly node: StreamsTreeNode;
	readonly item: vscode.TreeItem;
}

async function rows(parent?: StreamsTreeNode): Promise<Row[]> {
	const { tree } = await api();
	const children = await tree.getChildren(parent) ?? [];
	return Promise.all(children.map(async node => {
		// As VS Code does when the pointer rests on the row: the tooltip comes then.
		const item = await tree.resolveTreeItem(await tree.getTreeItem(node), node);
		const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
		return { label, description: typeof item.description === 'string' ? item.description : undefined, node, item };
	}));
}

async function streamRow(title: string): Promise<Row> {
	for (const group of await rows()) {
		const found = (await rows(group.node)).find(row => row.label === title);
		if (found) {
			return found;
		}
	}
	throw new Error(`no stream row titled ${title}`);
}

describe('Streams tree', () => {
	before(async () => {
		await (await api()).streams.ready;
	});

	it('groups streams by status in workflow order', async () => {
		const groups = await rows();
		assert.deepEqual(groups.map(group => group.label), ['Ready', 'In Progress', 'Blocked', 'Paused', 'Complete']);
		const inProgress = await rows(groups[1].node);
		assert.deepEqual(inProgress.map(row => row.label), ['Auth Refresh']);
	});

	it('shows progress, priority and owner after each title, and a coloured status icon', async () => {
		const auth = await streamRow('Auth Refresh');
		assert.match(auth.description ?? '', /^\d+\/\d+ · High · alice$/);
		const icon = auth.item.iconPath as vscode.ThemeIcon;
		assert.equal((icon.color as unknown as { id: string }).id, 'streams.status.inProgress');
		const rateLimits = await streamRow('API Rate Limits');
		assert.match(rateLimits.description ?? '', /^\d+\/\d+ · Medium · erin$/, 'front matter title, P1 priority and owner');
		const search = await streamRow('Search v2');
		assert.match(search.description ?? '', /^\d+\/\d+ · carol( · ⚠ \d+)?$/, 'an unfilled priority shows no priority');
	});

	it('keeps every stream\'s status letter, a stream with a warning included, and marks the warning', async () => {
		const { findings, rowDecorations, streams } = await api();
		const search = streams.all.find(stream => stream.title === 'Search v2')!;
		// search-v2's README still lists "High | Medium | Low": the Problems panel has a warning on it.
		await waitFor('the health check of Search v2', () => findings.of(streamKey(search)).length > 0);
		const readme = vscode.languages.getDiagnostics(workspaceUri(ROOT, 'search-v2/README.md'));
		assert.ok(readme.some(diagnostic => diagnostic.severity === vscode.DiagnosticSeverity.Warning), 'the warning VS Code would show as a dot');

		const letters: Record<string, string | undefined> = {};
		for (const group of await rows()) {
			for (const row of await rows(group.node)) {
				assert.equal(row.item.resourceUri?.scheme, 'streams-row', `${row.label} is decorated through our own scheme`);
				letters[row.label] = rowDecorations.provideFileDecoration(row.item.resourceUri!)?.badge;
			}
		}
		assert.deepEqual(letters, { 'Search v2': 'R', 'Auth Refresh': 'IP', 'Billing Export': 'B', 'API Rate Limits': 'P', 'Onboarding Tour': 'C' });

		const row = await waitFor('the warning mark on the row', async () => {
			const shown = await streamRow('Search v2');
			return / · ⚠ \d+$/.test(shown.description ?? '') && shown;
		});
		const count = findings.of(streamKey(search)).length;
		assert.match(row.description!, new RegExp(` · ⚠ ${count}$`));
		const tooltip = (row.item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
		assert.match(tooltip, /\$\(warning\) Priority still lists the template's choices/);
		assert.match(tooltip, /README\.md:5/);
		assert.match(row.item.accessibilityInformation!.label, new RegExp(`${count} problems?$`));
		const auth = await streamRow('Auth Refresh');
		assert.doesNotMatch(auth.description ?? '', /⚠/, 'a healthy stream has no mark');
	});

	it('keeps file content out of command links in the tooltip', async () => {
		const auth = await streamRow('Auth Refresh');
		const tooltip = auth.item.tooltip as vscode.MarkdownString;
		assert.equal(tooltip.isTrusted, false);
		// appendText escapes what it is given: spaces become &nbsp; and markdown punctuation is backslashed.
		const text = tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
		assert.match(text, /\*\*Auth Refresh\*\*/);
		assert.match(text, /Owner: alice/);
		assert.match(text, /▰+▱+ \d+\/\d+ \(\d+%\)/);
		assert.doesNotMatch(tooltip.value, /\]\(command:/);
	});

	it('lists a stream\'s phases with their counts, then its documents, each opening what it names', async () => {
		const auth = await streamRow('Auth Refresh');
		const children = await rows(auth.node);
		const phases = children.filter(row => row.item.contextValue === 'phase');
		const documents = children.filter(row => row.item.contextValue === 'document');
		assert.ok(phases.length >= 2, 'phases of PLAN.md');
		assert.ok(phases.every(row => /^\d+\/\d+ · \d+%$|^no tasks$/.test(row.description ?? '')), 'phase counts');
		assert.deepEqual(documents.map(row => row.label), ['README.md', 'PLAN.md', 'STATUS.md', 'HANDOFF.md', 'NOTES.md']);
		const [planUri, options] = phases[0].item.command!.arguments as [vscode.Uri, vscode.TextDocumentShowOptions];
		assert.match(planUri.path, /auth-refresh\/PLAN\.md$/);
		await vscode.commands.executeCommand(phases[0].item.command!.command, planUri, options);
		const editor = vscode.window.activeTextEditor!;
		assert.match(editor.document.lineAt(editor.selection.active.line).text, /^## /, 'opens PLAN.md at the phase heading');
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	it('follows a new stream folder on disk and its deletion', async () => {
		const { streams } = await api();
		const folder = workspaceUri(ROOT, 'tree-live-check');
		await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'README.md'),
			new TextEncoder().encode('# Tree Live Check Stream\n\n**Status:** 🔴 Blocked\n'));
		await waitFor('the new stream', () => streams.all.find(stream => stream.title === 'Tree Live Check'));
		const blocked = (await rows()).find(group => group.label === 'Blocked')!;
		assert.ok((await rows(blocked.node)).some(row => row.label === 'Tree Live Check'));

		await vscode.workspace.fs.delete(folder, { recursive: true });
		await waitFor('the stream to go', () => !streams.all.some(stream => stream.title === 'Tree Live Check'));
		assert.ok(!(await rows(blocked.node)).some(row => row.label === 'Tree Live Check'));
	});

	it('counts an unsaved PLAN.md edit as it is typed', async () => {
		const { streams } = await api();
		const before = (await streamRow('Search v2')).description!;
		const [done, total] = before.split(' ')[0].split('/').map(Number);
		const document = await vscode.workspace.openTextDocument(workspaceUri(ROOT, 'search-v2/PLAN.md'));
		await vscode.window.showTextDocument(document);
		const edit = new vscode.WorkspaceEdit();
		edit.insert(document.uri, new vscode.Position(document.lineCount, 0), '\n- [x] typed but not saved\n');
		assert.ok(await vscode.workspace.applyEdit(edit));
		assert.ok(document.isDirty);
		await waitFor('the unsaved task to count', () => streams.all.find(stream => stream.title === 'Search v2')?.progress.total === total + 1);
		assert.match((await streamRow('Search v2')).description!, new RegExp(`^${done + 1}/${total + 1} `));
		await vscode.commands.executeCommand('workbench.action.files.revert');
		assert.equal(document.isDirty, false);
		await waitFor('the file on disk to count again', () => streams.all.find(stream => stream.title === 'Search v2')?.progress.total === total);
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	it('filters by status and clears the filter', async () => {
		const { tree } = await api();
		tree.setFilter({ kind: 'status', status: 'blocked' });
		const groups = await rows();
		assert.deepEqual(groups.map(group => group.label), ['Blocked']);
		tree.setFilter({ kind: 'text', text: 'rate' });
		assert.deepEqual((await rows((await rows())[0].node)).map(row => row.label), ['API Rate Limits']);
		await vscode.commands.executeCommand('streams.clearFilter');
		assert.equal((await rows()).length, 5);
	});

	it('groups by priority or not at all when the setting changes', async () => {
		const config = vscode.workspace.getConfiguration('streams');
		try {
			await config.update('groupBy', 'priority', vscode.ConfigurationTarget.Workspace);
			assert.deepEqual((await rows()).map(group => group.label), ['High', 'Medium', 'Low', 'No Priority']);
			await config.update('groupBy', 'none', vscode.ConfigurationTarget.Workspace);
			const flat = await rows();
			assert.ok(flat.every(row => row.item.contextValue === 'stream'));
			assert.equal(flat.length, 5);
		} finally {
			await config.update('groupBy', undefined, vscode.ConfigurationTarget.Workspace);
		}
	});
});
