import * as assert from 'node:assert/strict';
import { changedLines, claudeCodeSetup, codexSetup, mcpConfigEdit, mcpServersJson, ServerLaunch } from '../../src/core';

const launch: ServerLaunch = {
	command: '/opt/Visual Studio Code/code',
	args: ['/home/ada/.vscode/extensions/feature-streams.feature-streams-0.1.0/dist/cli.js', 'mcp', '/home/ada/src/shop'],
	env: { ELECTRON_RUN_AS_NODE: '1' },
};

describe('agent setups', () => {
	it('gives Claude Code one command with its options before the name and the server after --', () => {
		assert.equal(claudeCodeSetup(launch, 'posix'),
			"claude mcp add --transport stdio --env ELECTRON_RUN_AS_NODE=1 streams -- '/opt/Visual Studio Code/code' /home/ada/.vscode/extensions/feature-streams.feature-streams-0.1.0/dist/cli.js mcp /home/ada/src/shop");
	});

	it('quotes for the Windows shell there, doubling quotes inside', () => {
		const windows = { command: 'C:\\Program Files\\Microsoft VS Code\\Code.exe', args: ['C:\\ext\\dist\\cli.js', 'mcp', 'C:\\src\\say "hi"'], env: {} };
		assert.equal(codexSetup(windows, 'windows'),
			'codex mcp add streams -- "C:\\Program Files\\Microsoft VS Code\\Code.exe" "C:\\ext\\dist\\cli.js" mcp "C:\\src\\say ""hi"""');
	});

	it('quotes a single quote for a POSIX shell', () => {
		assert.match(codexSetup({ command: 'node', args: ["/src/ada's shop"], env: {} }, 'posix'), /'\/src\/ada'\\''s shop'$/);
	});

	it('gives other clients the mcpServers JSON', () => {
		assert.deepEqual(JSON.parse(mcpServersJson(launch)), { mcpServers: { streams: { command: launch.command, args: launch.args, env: launch.env } } });
	});
});

describe('workspace MCP files', () => {
	it('creates .vscode/mcp.json with a stdio server when there is none', () => {
		const edit = mcpConfigEdit(undefined, 'vscode', launch);
		assert.equal(edit.kind, 'create');
		assert.deepEqual(edit.kind === 'create' && JSON.parse(edit.text), { servers: { streams: { type: 'stdio', command: launch.command, args: launch.args, env: launch.env } } });
	});

	it('adds our server next to the others, keeping their entries and the comments', () => {
		const existing = '{\n\t// the team\'s servers\n\t"servers": {\n\t\t"github": { "type": "http", "url": "https://example.com/mcp" }\n\t},\n\t"inputs": []\n}\n';
		const edit = mcpConfigEdit(existing, 'vscode', launch);
		assert.equal(edit.kind, 'edit');
		if (edit.kind === 'edit') {
			assert.equal(edit.action, 'added');
			assert.ok(edit.text.includes('// the team\'s servers'));
			assert.ok(edit.text.includes('"github": { "type": "http", "url": "https://example.com/mcp" }'));
			assert.ok(edit.text.includes('"inputs": []'));
			assert.match(edit.text, /"streams": \{\n\t\t\t"type": "stdio"/);
		}
	});

	it('adds the mcpServers object to a Cursor file that has other settings only', () => {
		const edit = mcpConfigEdit('{ "other": true }', 'cursor', launch);
		assert.equal(edit.kind, 'edit');
		if (edit.kind === 'edit') {
			const parsed = JSON.parse(edit.text);
			assert.equal(parsed.other, true);
			assert.equal(parsed.mcpServers.streams.command, launch.command);
			assert.equal(parsed.mcpServers.streams.type, undefined);
		}
	});

	it('updates our own entry in place when the extension moved, and reports a current one as unchanged', () => {
		const old = JSON.stringify({ mcpServers: { streams: { command: 'node', args: ['/old/cli.js', 'mcp', '.'] }, db: { command: 'db-mcp' } } }, null, 2);
		const edit = mcpConfigEdit(old, 'cursor', launch);
		assert.equal(edit.kind === 'edit' && edit.action, 'updated');
		if (edit.kind === 'edit') {
			assert.deepEqual(JSON.parse(edit.text).mcpServers.db, { command: 'db-mcp' });
			assert.equal(mcpConfigEdit(edit.text, 'cursor', launch).kind, 'unchanged');
		}
	});

	it('refuses a file it cannot parse, naming the file and the line', () => {
		const edit = mcpConfigEdit('{\n  "servers": {\n    "github": { "url": }\n  }\n}\n', 'vscode', launch);
		assert.equal(edit.kind, 'refused');
		assert.match(edit.kind === 'refused' ? edit.message : '', /^\.vscode\/mcp\.json is not valid JSON \(.+ on line 3\).*Nothing was changed\.$/);
	});

	it('refuses a servers value that is not an object', () => {
		const edit = mcpConfigEdit('{ "servers": [] }', 'vscode', launch);
		assert.equal(edit.kind, 'refused');
	});
});

describe('the lines an agent\'s edit changes', () => {
	it('shows the one task line that changes, with its line', () => {
		const plan = '# Plan\n\n## Phase 1\n- [ ] Write the endpoint\n- [ ] Test it\n';
		assert.deepEqual(changedLines(plan, plan.replace('[ ] Write', '[x] Write')), { line: 3, removed: ['- [ ] Write the endpoint'], added: ['- [x] Write the endpoint'], omitted: 0 });
	});

	it('shows inserted lines alone when nothing is removed', () => {
		const notes = '## Log\n\n### 2026-12-01\n- older\n';
		const changed = changedLines(notes, notes.replace('## Log\n\n', '## Log\n\n### 2026-12-02\n- found the cause\n\n'));
		assert.deepEqual(changed, { line: 2, removed: [], added: ['### 2026-12-02', '- found the cause', ''], omitted: 0 });
	});

	it('counts what it leaves out of a long change', () => {
		const changed = changedLines('a\n', Array.from({ length: 20 }, (_, index) => `line ${index}`).join('\n'), 5);
		assert.equal(changed?.added.length, 5);
		assert.equal(changed?.omitted, 15 + 0);
	});

	it('says nothing changed for equal texts', () => {
		assert.equal(changedLines('same', 'same'), undefined);
	});
});
