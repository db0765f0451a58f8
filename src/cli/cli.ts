// The `streams` command line: the extension's core over Node's file system, for CI and agents.
//   streams status [folder] [--json] [--root <path>]... [--layout <layout>]...
//   streams lint [folder] [--json] [--root <path>]... [--layout <layout>]...
//   streams list | show | next | task | set | note | handoff | new …   (agentCommands.ts)
//   streams mcp [folder]                                              (the MCP server over stdio)
//   streams agents-md [folder]                                        (agentsMd.ts)

import * as fs from 'node:fs';
import * as path from 'node:path';
import { agentCommand, AGENT_COMMANDS, runAgentCommand } from './agentCommands';
import { runAgentsMd } from './agentsMd';
import { formatLintLines, hasErrors, lintJson, lintRepository } from './lint';
import { NodeFileSystem } from '../node/nodeFileSystem';
import { formatStatusTable } from './statusTable';
import { readRepositorySettings } from '../node/workspaceSettings';
import { UsageError } from './commandArguments';
import {
	DEFAULT_MAX_FILE_SIZE, DEFAULT_ROOTS, DEFAULT_TEMPLATES_FOLDER, isLayoutId, LAYOUT_IDS, LayoutId, normalizeRoots, StreamIndex,
	streamsToJson,
} from '../core';


const USAGE = `Usage: streams <command> [folder] [options]

Commands:
  status [folder]   List the streams of a repository with their status and progress.
  lint [folder]     Check the streams' health, one line per finding:
                    path:line:column severity rule-id message. Exits 1 when a finding is an error.
                    Reads streams.roots, streams.diagnostics.rules and streams.requiredDocuments
                    from the folder's .vscode/settings.json.
${AGENT_COMMANDS.map(command => `  ${command.name.padEnd(16)}${command.summary}`).join('\n')}
  mcp [folder]      Serve the streams to AI agents: an MCP server over stdio (setup in the README).
  agents-md [folder] Write the agent instructions block into the repository's AGENTS.md (only that block).

Run \`streams <command> --help\` for a command's arguments.

Options:
  --json            Print JSON ({ "streams": [...] }, or { "findings": [...] } for lint) instead.
  --root <path>     A stream root relative to the folder (repeatable; default .project/streams).
  --layout <name>   Read only these layouts (repeatable): streams, kiro (.kiro/specs), speckit (specs),
                    openspec (openspec/changes). Default: every layout whose folder exists.
  -h, --help        Show this help.
`;

export { UsageError };

interface Options {
	readonly command: string;
	readonly folder: string;
	readonly json: boolean;
	readonly roots: string[];
	/** False when no `--root` was given and `roots` is the default. */
	readonly rootsGiven: boolean;
	/** The `--layout`s given, if any. */
	readonly layouts: LayoutId[] | undefined;
}

export function parseArguments(args: readonly string[]): Options | 'help' {
	const positional: string[] = [];
	const roots: string[] = [];
	const layouts: LayoutId[] = [];
	let json = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '-h' || arg === '--help') {
			return 'help';
		} else if (arg === '--json') {
			json = true;
		} else if (arg === '--root') {
			const value = args[++i];
			if (value === undefined || value.startsWith('--')) {
				throw new UsageError('--root needs a path');
			}
			const [root] = normalizeRoots([value]);
			if (root === undefined) {
				throw new UsageError(`--root ${value} is not a folder inside the repository`);
			}
			roots.push(root);
		} else if (arg === '--layout') {
			const value = args[++i];
			if (!isLayoutId(value)) {
				throw new UsageError(value === undefined || value.startsWith('--')
					? `--layout needs one of ${LAYOUT_IDS.join(', ')}`
					: `unknown layout ${value} (layouts: ${LAYOUT_IDS.join(', ')})`);
			}
			layouts.push(value);
		} else if (arg.startsWith('-')) {
			throw new UsageError(`unknown option ${arg}`);
		} else {
			positional.push(arg);
		}
	}
	const [command, folder, ...extra] = positional;
	if (!command) {
		throw new UsageError('no command given');
	}
	if (command !== 'status' && command !== 'lint') {
		throw new UsageError(`unknown command ${command}`);
	}
	if (extra.length > 0) {
		throw new UsageError(`unexpected argument ${extra[0]}`);
	}
	return { command, folder: folder ?? '.', json, roots: roots.length > 0 ? roots : [...DEFAULT_ROOTS], rootsGiven: roots.length > 0,
		layouts: layouts.length > 0 ? [...new Set(layouts)] : undefined };
}

export async function main(args: readonly string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
	const agent = agentCommand(args[0]);
	if (agent) {
		return runAgentCommand(agent, args.slice(1), out, err);
	}
	if (args[0] === 'agents-md') {
		return runAgentsMd(args.slice(1), out, err);
	}
	if (args[0] === 'mcp') {
		// The MCP SDK is loaded only here, so every other command starts as fast as before.
		const { runMcpCommand } = await import('../mcp/mcpCommand');
		return runMcpCommand(args.slice(1), out, err);
	}
	let options;
	try {
		options = parseArguments(args);
	} catch (error) {
		if (error instanceof UsageError) {
			err(`streams: ${error.message}\n\n${USAGE}`);
			return 2;
		}
		throw error;
	}
	if (options === 'help') {
		out(USAGE);
		return 0;
	}
	const folder = path.resolve(options.folder);
	if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
		err(`streams: ${options.folder} is not a folder\n`);
		return 2;
	}
	const settings = options.command === 'lint' ? await readRepositorySettings(folder) : undefined;
	if (settings && !settings.ok) {
		err(`streams: ${settings.message}\n`);
	}
	const repository = settings?.settings;
	const roots = options.rootsGiven || !repository ? options.roots : repository.roots;
	// A one-shot process: blocking reads are the fastest way through thousands of small files.
	const nodeFs = new NodeFileSystem(folder, { synchronous: true });
	const index = new StreamIndex(
		[{ source: folder, workspaceFolder: path.basename(folder), fs: nodeFs }],
		{ roots, maxFileSize: DEFAULT_MAX_FILE_SIZE, layouts: options.layouts ?? repository?.layouts, shortLived: true },
	);
	await index.indexAll();
	const streams = index.all;
	for (const stream of streams) {
		for (const problem of stream.problems) {
			// lint reports malformed front matter as a finding of its own.
			if (options.command !== 'lint' || problem.code !== 'malformed-front-matter') {
				err(`streams: ${stream.id}/${problem.document}: ${problem.message}\n`);
			}
		}
	}
	// A root or stream folder that cannot be read must not pass CI as if it held nothing.
	for (const problem of index.unreadableFolders) {
		err(`streams: ${problem.message}\n`);
	}
	const unreadable = index.unreadableFolders.length > 0;
	if (options.command === 'lint') {
		const findings = await lintRepository(nodeFs, streams, {
			maxFileSize: DEFAULT_MAX_FILE_SIZE,
			severities: repository?.diagnosticsRules,
			requiredDocuments: repository?.requiredDocuments,
			templatesFolder: repository?.templatesFolder ?? DEFAULT_TEMPLATES_FOLDER,
		});
		out(options.json ? JSON.stringify(lintJson(findings), null, 2) + '\n' : formatLintLines(findings));
		return hasErrors(findings) || unreadable ? 1 : 0;
	}
	out(options.json ? JSON.stringify(streamsToJson(streams), null, 2) + '\n' : formatStatusTable(streams));
	return 0;
}

/**
 * What to do when the output cannot be written: a reader that went away (`streams status | head -1`) has all it
 * wanted, so the command ends quietly; a full disk or another failure is one line on stderr, never a stack.
 */
export function outputFailure(error: NodeJS.ErrnoException): { code: number; message?: string } {
	if (error.code === 'EPIPE') {
		return { code: 0 };
	}
	const reason = error.code === 'ENOSPC' ? 'no space left on the device' : error.message;
	return { code: 1, message: `streams: cannot write the output: ${reason}\n` };
}

if (require.main === module) {
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		const failure = outputFailure(error);
		if (failure.message) {
			process.stderr.write(failure.message);
		}
		// Nothing more can be written; exit now rather than fail again on the next write.
		process.exit(failure.code);
	});
	main(process.argv.slice(2), text => process.stdout.write(text), text => process.stderr.write(text)).then(
		code => { process.exitCode = code; },
		error => {
			process.stderr.write(`streams: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
			process.exitCode = 1;
		},
	);
}
