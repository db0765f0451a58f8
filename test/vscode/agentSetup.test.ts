// Streams: Add Agent Instructions and Streams: Connect an Agent… in a real VS Code: the AGENTS.md block
// written and rewritten in place without touching the rest of the file, and the MCP setup written into
// .vscode/mcp.json next to the servers already there, or refused when the file cannot be parsed.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditorsWithoutSaving, harnessMode, readOnDisk, waitFor, workspaceUri } from './support';

const START = '<!-- streams:agents:start -->';
const END = '<!-- streams:agents:end -->';

const PERSON_ABOVE = '# Working in this repository\n\nRun `npm test` before every commit.\n\n';
const PERSON_BELOW = '\n## Releases\n\nOnly the release manager tags versions.\n';

type InstructionsResult = { ok: true; action: string } | { ok: false; message: string };
type ConnectResult = { ok: true; action: 'copied'; text: string } | { ok: true; action: 'written'; change: string } | { ok: false; message: string };

/** Writes a file as another program would, and waits until a model VS Code still keeps of it has caught up. */
async function write(uri: vscode.Uri, text: string): Promise<void> {
	await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
	await waitFor(`VS Code to see the new ${uri.path}`, () => {
		const model = vscode.workspace.textDocuments.find(document => document.uri.toString() === uri.toString());
		return !model || model.getText() === text;
	});
}

async function remove(uri: vscode.Uri): Promise<void> {
	try {
		await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
	} catch {
		// Not there.
	}
}

describe('Streams: Add Agent Instructions', () => {
	const agents = workspaceUri('AGENTS.md');

	afterEach(async () => {
		await closeAllEditorsWithoutSaving();
		await remove(agents);
	});

	it('creates AGENTS.md with the marked block when the repository has none', async () => {
		const result = await vscode.commands.executeCommand<InstructionsResult>('streams.addAgentInstructions');
		assert.deepEqual(result && result.ok && result.action, 'created');
		const text = await readOnDisk(agents);
		assert.ok(text.startsWith(START), text);
		assert.ok(text.trimEnd().endsWith(END));
		assert.ok(text.includes('`.project/streams/<name>/`') && text.includes('streams_set_task'));
	});

	it('rewrites only its own block, in place, leaving the person\'s text above and below as it was', async () => {
		await write(agents, `${PERSON_ABOVE}${START}\nAn old version of the instructions.\n${END}\n${PERSON_BELOW}`);
		const result = await vscode.commands.executeCommand<InstructionsResult>('streams.addAgentInstructions');
		assert.deepEqual(result && result.ok && result.action, 'updated');
		const text = await readOnDisk(agents);
		assert.ok(text.startsWith(PERSON_ABOVE + START), text);
		assert.ok(text.endsWith(`${END}\n${PERSON_BELOW}`), text);
		assert.ok(!text.includes('An old version'));
		assert.equal(text.split(START).length, 2, 'one block');

		const again = await vscode.commands.executeCommand<InstructionsResult>('streams.addAgentInstructions');
		assert.deepEqual(again && again.ok && again.action, 'unchanged');
	});

	it('appends to an open AGENTS.md with unsaved text, keeping it and leaving it unsaved', async () => {
		await write(agents, PERSON_ABOVE);
		const editor = await vscode.window.showTextDocument(agents);
		await editor.edit(builder => builder.insert(new vscode.Position(3, 0), 'Never force-push. (unsaved)\n'));
		const result = await vscode.commands.executeCommand<InstructionsResult>('streams.addAgentInstructions');
		assert.deepEqual(result && result.ok && result.action, 'appended');
		const text = editor.document.getText();
		assert.ok(text.startsWith(PERSON_ABOVE.slice(0, -1) + 'Never force-push. (unsaved)\n'), text);
		assert.ok(text.includes(START) && text.includes(END));
		assert.equal(editor.document.isDirty, true);
		assert.equal(await readOnDisk(agents), PERSON_ABOVE, 'nothing saved');
	});

	it('refuses a start marker without its end, and changes nothing', async () => {
		const broken = `${PERSON_ABOVE}${START}\nHalf a block.\n`;
		await write(agents, broken);
		const result = await vscode.commands.executeCommand<InstructionsResult>('streams.addAgentInstructions');
		assert.equal(result?.ok, false);
		assert.match(result && !result.ok ? result.message : '', /line 5 without its <!-- streams:agents:end -->/);
		assert.equal(await readOnDisk(agents), broken);
	});
});

describe('Streams: Connect an Agent…', () => {
	const mcpJson = workspaceUri('.vscode', 'mcp.json');
	const team = '{\n\t// The team\'s servers.\n\t"servers": {\n\t\t"github": { "type": "http", "url": "https://api.example.com/mcp/" }\n\t}\n}\n';

	afterEach(async () => {
		await closeAllEditorsWithoutSaving();
		await remove(workspaceUri('.vscode'));
	});

	it('writes our server into .vscode/mcp.json next to the servers already there, comments kept', async () => {
		await write(mcpJson, team);
		const result = await vscode.commands.executeCommand<ConnectResult>('streams.connectAgent', { client: 'vscode', action: 'write' });
		assert.deepEqual(result && result.ok && result.action === 'written' && result.change, 'added');
		const text = await readOnDisk(mcpJson);
		assert.ok(text.includes('// The team\'s servers.'));
		assert.ok(text.includes('"github": { "type": "http", "url": "https://api.example.com/mcp/" }'), text);
		const streams = /"streams": (\{[\s\S]*?\n\t\t\})/.exec(text);
		assert.ok(streams, text);
		const entry = JSON.parse(streams[1]) as { type: string; command: string; args: string[] };
		assert.equal(entry.type, 'stdio');
		assert.deepEqual(entry.args.slice(-2), ['mcp', '${workspaceFolder}']);
		if (harnessMode().host === 'node') {
			assert.match(entry.args[0], /dist[\\/]cli\.js$/, 'the extension\'s own bundled server');
		}
	});

	it('creates .vscode/mcp.json when there is none', async () => {
		const result = await vscode.commands.executeCommand<ConnectResult>('streams.connectAgent', { client: 'vscode', action: 'write' });
		assert.deepEqual(result && result.ok && result.action === 'written' && result.change, 'created');
		assert.ok(JSON.parse(await readOnDisk(mcpJson)).servers.streams);
	});

	it('refuses a .vscode/mcp.json it cannot parse, and changes nothing', async () => {
		const broken = '{\n\t"servers": {\n\t\t"github": { "url": }\n\t}\n}\n';
		await write(mcpJson, broken);
		const result = await vscode.commands.executeCommand<ConnectResult>('streams.connectAgent', { client: 'vscode', action: 'write' });
		assert.equal(result?.ok, false);
		assert.match(result && !result.ok ? result.message : '', /\.vscode\/mcp\.json is not valid JSON .*line 3/);
		assert.equal(await readOnDisk(mcpJson), broken);
	});

	it('copies the Claude Code command that starts the server on this folder: the bundled one, or npm\'s in the web worker', async () => {
		const result = await vscode.commands.executeCommand<ConnectResult>('streams.connectAgent', { client: 'claude-code' });
		assert.ok(result && result.ok && result.action === 'copied');
		const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
		assert.ok(result.text.startsWith('claude mcp add --transport stdio '), result.text);
		assert.ok(result.text.endsWith(` mcp ${folder}`), result.text);
		const server = harnessMode().host === 'node' ? /streams -- \S+ \S*dist\/cli\.js mcp / : / streams -- npx -y feature-streams mcp /;
		assert.match(result.text, server);
		assert.equal(await vscode.env.clipboard.readText(), result.text);
	});
});
