// `streams mcp [folder]`: the streams of one repository served to AI agents over stdio, on the official MCP SDK.
// The model stays warm between calls and follows the disk through watchers; every write re-reads its file under
// the lock (NodeRepository.run). Nothing but the protocol goes to stdout; warnings go to stderr.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { OperationOutcome } from '../core';
import { NodeRepository } from '../node/nodeRepository';
import { RepositoryWatcher } from '../node/repositoryWatcher';
import { runOperation } from '../node/streamOperations';
import { registerStreamTools } from './streamTools';

const USAGE = `Usage: streams mcp [folder]

Serves the streams of the repository in [folder] (default: the current folder) to AI agents: an MCP server
over stdio with the tools streams_list, streams_show, streams_next, streams_set_task, streams_set_field,
streams_add_note, streams_write_handoff, streams_create and streams_lint.

  Claude Code:  claude mcp add streams -- npx streams mcp
  Cursor:       .cursor/mcp.json  { "mcpServers": { "streams": { "command": "npx", "args": ["streams", "mcp"] } } }
  Codex:        ~/.codex/config.toml  [mcp_servers.streams]  command = "npx"  args = ["streams", "mcp"]
`;

const VERSION = '0.1.0';

export async function runMcpCommand(args: readonly string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
	if (args.includes('-h') || args.includes('--help')) {
		out(USAGE);
		return 0;
	}
	const extra = args.filter(arg => arg.startsWith('-'));
	if (extra.length > 0 || args.length > 1) {
		err(`streams mcp: unexpected argument ${extra[0] ?? args[1]}\n\n${USAGE}`);
		return 2;
	}
	const folder = path.resolve(args[0] ?? '.');
	if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
		err(`streams mcp: ${args[0]} is not a folder\n\n${USAGE}`);
		return 2;
	}
	const repository = await NodeRepository.open(folder, { warn: message => err(`streams: ${message}\n`) });
	const watcher = new RepositoryWatcher(repository);
	const server = new McpServer({ name: 'streams', version: VERSION });
	// streams_list reads the model alone: while the model is unchanged, the same question gets the same answer.
	let lists = new Map<string, OperationOutcome<unknown>>();
	let listed: readonly unknown[] | undefined;
	registerStreamTools(server, async (operation, input) => {
		await watcher.flush();
		if (operation !== 'list') {
			return runOperation(repository, operation, input);
		}
		if (listed !== repository.index.all) {
			listed = repository.index.all;
			lists = new Map();
		}
		const key = JSON.stringify(input);
		let outcome = lists.get(key);
		if (!outcome) {
			outcome = await runOperation(repository, operation, input);
			lists.set(key, outcome);
		}
		return outcome;
	});
	const transport = new StdioServerTransport();
	const closed = new Promise<void>(resolve => {
		transport.onclose = resolve;
		process.stdin.once('end', resolve);
	});
	await server.connect(transport);
	await closed;
	watcher.dispose();
	await server.close().catch(() => undefined);
	return 0;
}
