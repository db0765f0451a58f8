// Stream health in a real VS Code: diagnostics appear in the Problems panel's collection and go as files and
// unsaved buffers change; the severity setting applies; each quick fix edits the document and its diagnostic goes.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createScratchStream, localToday, removeScratchStreams, streamUri } from './scratchStreams';
import { api, readOnDisk, waitFor } from './support';

/** A fresh stream folder per test: VS Code keeps the models of documents opened before, under their URIs. */
let NAME = '';
let count = 0;

const PLAN_STARTED = ['# Plan', '', '## Phase 1 - Build', '', '- [x] one', '- [ ] two', ''].join('\n');

function readme(status: string, fields = '**Created:** 2026-01-01 **Owner:** tess **Priority:** High'): string {
	return ['# Health Check Stream', '', `**Status:** ${status}`, '', fields, '', '## Overview', '', 'A stream the tests break and mend.', ''].join('\n');
}

/** `streams.diagnostics.rules` for the duration of a test; `undefined` restores the defaults. */
async function setRuleSettings(rules: Record<string, string> | undefined): Promise<void> {
	await vscode.workspace.getConfiguration('streams').update('diagnostics.rules', rules, vscode.ConfigurationTarget.Global);
}

function diagnosticsOf(uri: vscode.Uri): vscode.Diagnostic[] {
	return vscode.languages.getDiagnostics(uri).filter(diagnostic => diagnostic.source === 'streams');
}

function codesOf(uri: vscode.Uri): string[] {
	return diagnosticsOf(uri).map(diagnostic => String(diagnostic.code)).sort();
}

async function waitForCodes(uri: vscode.Uri, expected: readonly string[], what: string): Promise<void> {
	const wanted = [...expected].sort().join(',');
	await waitFor(`${what} (have: ${codesOf(uri).join(',') || 'none'})`, () => codesOf(uri).join(',') === wanted);
}

/** The quick fixes VS Code offers at a diagnostic, resolved as when the user picks one. */
async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
	// Code actions are asked of an open document: the editor's model of it.
	await vscode.workspace.openTextDocument(uri);
	const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
		'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 20);
	// The actions come back without their `diagnostics`; the range asked for is what ties them to the finding.
	return actions.filter((action): action is vscode.CodeAction => typeof action.command !== 'string');
}

async function findFix(uri: vscode.Uri, code: string, title: string): Promise<vscode.CodeAction> {
	const diagnostic = await waitFor(`a ${code} diagnostic`, () => diagnosticsOf(uri).find(candidate => candidate.code === code));
	const actions = await quickFixes(uri, diagnostic);
	const action = actions.find(candidate => candidate.title === title);
	assert.ok(action, `a quick fix "${title}" among: ${actions.map(candidate => candidate.title).join(' | ')}`);
	assert.ok(action.edit || action.command, 'the fix carries its edit or command');
	return action;
}

/** Applies a quick fix as VS Code does when it is picked: its edit, then its command. Resolves to whether it did. */
async function runFix(action: vscode.CodeAction): Promise<boolean> {
	if (action.edit && !await vscode.workspace.applyEdit(action.edit)) {
		return false;
	}
	if (action.command) {
		return await vscode.commands.executeCommand<boolean>(action.command.command, ...action.command.arguments ?? []) !== false;
	}
	return true;
}

async function applyFix(uri: vscode.Uri, code: string, title: string): Promise<vscode.CodeAction> {
	const action = await findFix(uri, code, title);
	assert.equal(await runFix(action), true);
	return action;
}

describe('stream health diagnostics', () => {
	let readmeUri: vscode.Uri;

	beforeEach(async () => {
		await (await api()).streams.ready;
		NAME = `zz-health-${++count}`;
		readmeUri = streamUri(NAME, 'README.md');
	});

	afterEach(async () => {
		await setRuleSettings(undefined);
		await removeScratchStreams(NAME);
	});

	it('reports template leftovers and a missing plan on README.md, and clears them when the files are mended', async () => {
		await createScratchStream(NAME, { 'README.md': readme('🟢 Ready | 🟡 In Progress | 🔴 Blocked', '**Created:** YYYY-MM-DD **Owner:** tess') });
		await waitForCodes(readmeUri, ['missing-document', 'template-leftover', 'template-leftover'], 'the findings of the new stream');
		const diagnostics = diagnosticsOf(readmeUri);
		const missing = diagnostics.find(diagnostic => diagnostic.code === 'missing-document')!;
		assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
		assert.equal(missing.message, 'PLAN.md is missing: every stream needs one (streams.requiredDocuments)');
		assert.deepEqual([missing.range.start.line, missing.range.start.character, missing.range.end.character], [0, 0, 21]);
		const date = diagnostics.find(diagnostic => /YYYY-MM-DD/.test(diagnostic.message))!;
		assert.equal(date.severity, vscode.DiagnosticSeverity.Warning);
		assert.deepEqual([date.range.start.line, date.range.start.character, date.range.end.character], [4, 13, 23]);

		await vscode.workspace.fs.writeFile(readmeUri, new TextEncoder().encode(readme('🟡 In Progress')));
		await vscode.workspace.fs.writeFile(streamUri(NAME, 'PLAN.md'), new TextEncoder().encode(PLAN_STARTED));
		await waitForCodes(readmeUri, [], 'the diagnostics to go once the files are mended');
	});

	it('follows unsaved edits of README.md and of HANDOFF.md, and the files again when they are reverted', async () => {
		await createScratchStream(NAME, { 'README.md': readme('🟡 In Progress'), 'PLAN.md': PLAN_STARTED, 'HANDOFF.md': '# Handoff\n\nPick up phase 1.\n' });
		const editor = await vscode.window.showTextDocument(readmeUri);
		await editor.edit(builder => builder.replace(editor.document.lineAt(2).range, '**Status:** Shipping'));
		assert.equal(editor.document.isDirty, true);
		await waitForCodes(readmeUri, ['unknown-status'], 'the unsaved unknown status');
		assert.equal(diagnosticsOf(readmeUri)[0].message, '"Shipping" is not a status: use Ready, In Progress, Blocked, Paused, Complete');

		const handoffUri = streamUri(NAME, 'HANDOFF.md');
		const handoff = await vscode.window.showTextDocument(handoffUri);
		await handoff.edit(builder => builder.insert(new vscode.Position(2, 0), 'Ask {{owner}} first.\n'));
		await waitForCodes(handoffUri, ['template-leftover'], 'the unsaved token in HANDOFF.md');

		await vscode.commands.executeCommand('workbench.action.files.revert');
		await waitForCodes(handoffUri, [], 'HANDOFF.md as on disk');
		await vscode.window.showTextDocument(readmeUri);
		await vscode.commands.executeCommand('workbench.action.files.revert');
		await waitForCodes(readmeUri, [], 'README.md as on disk');
	});

	it('reads a file again once it changes on disk, while checks after typing in PLAN.md reuse the files they read', async () => {
		await createScratchStream(NAME, { 'README.md': readme('🟡 In Progress'), 'PLAN.md': PLAN_STARTED, 'HANDOFF.md': '# Handoff\n\nPick up phase 1.\n' });
		const planUri = streamUri(NAME, 'PLAN.md');
		const handoffUri = streamUri(NAME, 'HANDOFF.md');
		await waitForCodes(readmeUri, [], 'the stream checked with nothing to report');
		const plan = await vscode.window.showTextDocument(planUri);
		await plan.edit(builder => builder.insert(new vscode.Position(0, 0), 'YYYY-MM-DD\n'));
		await waitForCodes(planUri, ['template-leftover'], 'the unsaved leftover in PLAN.md');

		await vscode.workspace.fs.writeFile(handoffUri, new TextEncoder().encode('# Handoff\n\nAsk {{owner}} first.\n'));
		await waitForCodes(handoffUri, ['template-leftover'], 'the token written to HANDOFF.md on disk');
		await vscode.workspace.fs.writeFile(handoffUri, new TextEncoder().encode('# Handoff\n\nAsk Ana first.\n'));
		await waitForCodes(handoffUri, [], 'HANDOFF.md mended on disk');
		await vscode.commands.executeCommand('workbench.action.files.revert');
		await waitForCodes(planUri, [], 'PLAN.md as on disk');
	});

	it('finds a leftover typed a character at a time in a long PLAN.md, and follows deletions and multi-cursor edits that break and mend it', async () => {
		const tasks = Array.from({ length: 400 }, (_, index) => `- [ ] task ${index}`).join('\n');
		await createScratchStream(NAME, { 'README.md': readme('🟡 In Progress'), 'PLAN.md': `${PLAN_STARTED}${tasks}\n` });
		const planUri = streamUri(NAME, 'PLAN.md');
		await waitForCodes(readmeUri, [], 'the stream checked with nothing to report');
		const plan = await vscode.window.showTextDocument(planUri);
		const line = 200;
		const type = async (text: string, column: number) => {
			for (const [index, character] of [...text].entries()) {
				await plan.edit(builder => builder.insert(new vscode.Position(line, column + index), character));
			}
		};
		await type('Due YYYY-MM-D', 0);
		await waitForCodes(planUri, [], 'no finding while the date placeholder is unfinished');
		await type('D ', 'Due YYYY-MM-D'.length);
		await waitForCodes(planUri, ['template-leftover'], 'the placeholder completed by its last character');
		assert.equal(diagnosticsOf(planUri)[0].range.start.line, line);

		// A deletion in the middle breaks it; typing the character back mends it.
		await plan.edit(builder => builder.delete(new vscode.Range(line, 'Due YYYY-M'.length, line, 'Due YYYY-MM'.length)));
		await waitForCodes(planUri, [], 'the placeholder broken by a deletion');
		await type('M', 'Due YYYY-M'.length);
		await waitForCodes(planUri, ['template-leftover'], 'the placeholder mended');

		// Several cursors at once: one edit far away, one that breaks the placeholder.
		await plan.edit(builder => {
			builder.insert(new vscode.Position(line + 100, 0), 'far away ');
			builder.replace(new vscode.Range(line, 'Due '.length, line, 'Due Y'.length), 'Z');
		});
		await waitForCodes(planUri, [], 'the placeholder broken by a multi-cursor edit');
		await plan.edit(builder => {
			builder.insert(new vscode.Position(line + 150, 0), 'far away ');
			builder.replace(new vscode.Range(line, 'Due '.length, line, 'Due Z'.length), 'Y');
		});
		await waitForCodes(planUri, ['template-leftover'], 'the placeholder mended by a multi-cursor edit');
		await vscode.commands.executeCommand('workbench.action.files.revert');
		await waitForCodes(planUri, [], 'PLAN.md as on disk');
	});

	it('takes severities from streams.diagnostics.rules and turns a rule off', async () => {
		await createScratchStream(NAME, { 'README.md': readme('🟡 In Progress', '**Created:** YYYY-MM-DD'), 'PLAN.md': PLAN_STARTED });
		await waitForCodes(readmeUri, ['template-leftover'], 'the leftover date');
		await setRuleSettings({ 'template-leftover': 'error' });
		await waitFor('the leftover to be an error', () => diagnosticsOf(readmeUri)[0]?.severity === vscode.DiagnosticSeverity.Error);
		await setRuleSettings({ 'template-leftover': 'off' });
		await waitForCodes(readmeUri, [], 'the rule turned off');
	});

	it('re-checks a stream when a stream it requires appears, and again when it goes', async () => {
		const other = `${NAME}-upstream`;
		await createScratchStream(NAME, {
			'README.md': readme('🟡 In Progress') + '\n## Dependencies\n\n### Requires\n\n- ' + other + ' (Phase 1)\n',
			'PLAN.md': PLAN_STARTED,
		});
		await waitForCodes(readmeUri, ['unknown-dependency'], 'the unknown dependency');
		try {
			await createScratchStream(other, { 'README.md': '# Upstream Stream\n\n**Status:** 🟡 In Progress\n', 'PLAN.md': PLAN_STARTED });
			await waitForCodes(readmeUri, [], 'the dependency to be known');
			await removeScratchStreams(other);
			await waitForCodes(readmeUri, ['unknown-dependency'], 'the dependency to be unknown again');
		} finally {
			await removeScratchStreams(other);
		}
	});

	describe('quick fixes', () => {
		it('sets the suggested status, and the status-vs-plan diagnostic goes', async () => {
			await createScratchStream(NAME, { 'README.md': readme('✅ Complete'), 'PLAN.md': PLAN_STARTED });
			await waitForCodes(readmeUri, ['status-vs-plan'], 'Complete against an open task');
			const action = await applyFix(readmeUri, 'status-vs-plan', 'Set status to In Progress');
			assert.equal(action.isPreferred, true);
			const document = await vscode.workspace.openTextDocument(readmeUri);
			assert.equal(document.lineAt(2).text, '**Status:** 🟡 In Progress');
			await waitForCodes(readmeUri, [], 'the diagnostic to go');
		});

		it('fills in today\'s date', async () => {
			await createScratchStream(NAME, { 'README.md': readme('🟡 In Progress', '**Created:** YYYY-MM-DD **Owner:** tess'), 'PLAN.md': PLAN_STARTED });
			await applyFix(readmeUri, 'template-leftover', `Fill in today's date (${localToday()})`);
			const document = await vscode.workspace.openTextDocument(readmeUri);
			assert.equal(document.lineAt(4).text, `**Created:** ${localToday()} **Owner:** tess`);
			await waitForCodes(readmeUri, [], 'the diagnostic to go');
		});

		it('chooses a status and a priority from the listed alternatives', async () => {
			await createScratchStream(NAME, {
				'README.md': readme('🟢 Ready | 🟡 In Progress | 🔴 Blocked', '**Created:** 2026-01-01 **Owner:** tess **Priority:** High | Medium | Low'),
				'PLAN.md': PLAN_STARTED,
			});
			await waitForCodes(readmeUri, ['template-leftover', 'template-leftover'], 'both unfilled fields');
			const status = diagnosticsOf(readmeUri).find(diagnostic => diagnostic.range.start.line === 2)!;
			assert.deepEqual((await quickFixes(readmeUri, status)).map(action => action.title), ['Set status to Ready', 'Set status to In Progress', 'Set status to Blocked']);
			await applyFix(readmeUri, 'template-leftover', 'Set status to In Progress');
			await waitForCodes(readmeUri, ['template-leftover'], 'the status to be chosen');
			await applyFix(readmeUri, 'template-leftover', 'Set priority to Medium');
			const document = await vscode.workspace.openTextDocument(readmeUri);
			assert.equal(document.lineAt(2).text, '**Status:** 🟡 In Progress');
			assert.equal(document.lineAt(4).text, '**Created:** 2026-01-01 **Owner:** tess **Priority:** Medium');
			assert.equal(await readOnDisk(readmeUri), readme('🟢 Ready | 🟡 In Progress | 🔴 Blocked', '**Created:** 2026-01-01 **Owner:** tess **Priority:** High | Medium | Low'), 'the buffer is edited, not saved behind the author\'s back');
			await waitForCodes(readmeUri, [], 'both diagnostics to go');
		});

		it('creates a missing document from the template', async () => {
			await createScratchStream(NAME, { 'README.md': readme('🟡 In Progress') });
			await waitForCodes(readmeUri, ['missing-document'], 'the missing plan');
			await applyFix(readmeUri, 'missing-document', 'Create PLAN.md from the template');
			const plan = await readOnDisk(streamUri(NAME, 'PLAN.md'));
			assert.match(plan, /^# Health Check - Plan/);
			assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), streamUri(NAME, 'PLAN.md').toString(), 'opened');
			assert.match(plan, new RegExp(`\\*\\*Last Updated:\\*\\* ${localToday()}`));
			assert.doesNotMatch(plan, /YYYY-MM-DD|\[Feature Name\]/);
			await waitForCodes(readmeUri, [], 'the diagnostic to go');
		});

		it('does not overwrite a document that appeared after the fix was offered', async () => {
			await createScratchStream(NAME, { 'README.md': readme('🟡 In Progress') });
			const action = await findFix(readmeUri, 'missing-document', 'Create PLAN.md from the template');
			await vscode.workspace.fs.writeFile(streamUri(NAME, 'PLAN.md'), new TextEncoder().encode(PLAN_STARTED));
			assert.equal(await runFix(action), false);
			assert.equal(await readOnDisk(streamUri(NAME, 'PLAN.md')), PLAN_STARTED);
		});
	});
});
