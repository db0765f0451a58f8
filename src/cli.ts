// The `streams` command line: the extension's core over Node's file system, for CI and agents.
//   streams status [folder] [--json] [--root <path>]...

import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from './cli/nodeFileSystem';
import { formatStatusTable } from './cli/statusTable';
import { streamsToJson } from './core/streamJson';
import { StreamIndex } from './core/streamIndex';

const DEFAULT_ROOTS = ['.project/streams'];
const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

const USAGE = `Usage: streams <command> [folder] [options]

Commands:
  status [folder]   List the streams of a repository with their status and progress.

Options:
  --json            Print JSON ({ "streams": [...] }) instead of a table.
  --root <path>     A stream root relative to the folder (repeatable; default .project/streams).
  -h, --help        Show this help.
`;

export class UsageError extends Error { }

interface Options {
	readonly command: string;
	readonly folder: string;
	readonly json: boolean;
	readonly roots: string[];
}

export function parseArguments(args: readonly string[]): Options | 'help' {
	const positional: string[] = [];
	const roots: string[] = [];
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
			roots.push(value.replace(/\\/g, '/').replace(/^\.\/+|\/+$/g, ''));
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
	if (command !== 'status') {
		throw new UsageError(`unknown command ${command}`);
	}
	if (extra.length > 0) {
		throw new UsageError(`unexpected argument ${extra[0]}`);
	}
	return { command, folder: folder ?? '.', json, roots: roots.length > 0 ? roots : DEFAULT_ROOTS };
}

export async function main(args: readonly string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
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
	const index = new StreamIndex(
		[{ source: folder, workspaceFolder: path.basename(folder), fs: new NodeFileSystem(folder) }],
		{ roots: options.roots, maxFileSize: DEFAULT_MAX_FILE_SIZE },
	);
	await index.indexAll();
	const streams = index.all;
	for (const stream of streams) {
		for (const problem of stream.problems) {
			err(`streams: ${stream.id}/${problem.document}: ${problem.message}\n`);
		}
	}
	out(options.json ? JSON.stringify(streamsToJson(streams), null, 2) + '\n' : formatStatusTable(streams));
	return 0;
}

if (require.main === module) {
	main(process.argv.slice(2), text => process.stdout.write(text), text => process.stderr.write(text)).then(
		code => { process.exitCode = code; },
		error => {
			process.stderr.write(`streams: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
			process.exitCode = 1;
		},
	);
}
