// The command-line twins of the agents' tools (DESIGN.md §7), for an agent that only has a shell:
//   streams list | show | next | task | set | note | handoff | new
// Each runs the same operation as the MCP tool of that name; `--json` prints its result as the tool returns it.
// A wrong argument exits 2 with the command's usage; a refused operation exits 1 with the reason, nothing written.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizeRoots, TaskState } from '../core';
import { NodeRepository } from '../node/nodeRepository';
import { OperationInputs, OperationName, runOperation } from '../node/streamOperations';
import { CommandShape, parseCommandArguments, ParsedArguments, UsageError } from './commandArguments';
import { formatResult } from './resultText';

interface AgentCommand extends CommandShape {
	readonly name: string;
	readonly operation: OperationName;
	readonly usage: string;
	readonly summary: string;
	input(parsed: ParsedArguments): OperationInputs[OperationName];
}

const COMMON = { json: 'flag', folder: 'string', root: 'list' } as const;
const COMMON_HELP = `  --folder <path>   The repository (default: the current folder).
  --root <path>     A stream root relative to it (repeatable; default from .vscode/settings.json).
  --json            Print the result as JSON, as the MCP tool returns it.
  -h, --help        Show this help.`;

const HANDOFF_OPTIONS = ['summary', 'done', 'state', 'next', 'questions', 'gotchas', 'verify'] as const;

export const AGENT_COMMANDS: readonly AgentCommand[] = [
	{
		name: 'list', operation: 'list', summary: 'List the streams with status, owner, progress and current phase.',
		usage: 'streams list [folder] [--status <status>] [--owner <name>] [--text <words>]',
		positionals: ['folder?'], options: { ...COMMON, status: 'string', owner: 'string', text: 'string' },
		input: parsed => ({ status: parsed.strings.status, owner: parsed.strings.owner, text: parsed.strings.text }),
	},
	{
		name: 'show', operation: 'show', summary: 'Show a stream: fields, progress, open tasks (with their lines), summary, blockers, next steps.',
		usage: 'streams show <stream> [--all]',
		positionals: ['stream'], options: { ...COMMON, all: 'flag' },
		input: parsed => ({ stream: parsed.positionals.stream!, tasks: parsed.flags.has('all') ? 'all' : 'open' }),
	},
	{
		name: 'next', operation: 'next', summary: 'The tasks to work on now: active first, then the current phase of in-progress and ready streams.',
		usage: 'streams next [stream] [--limit <n>]',
		positionals: ['stream?'], options: { ...COMMON, limit: 'number' },
		input: parsed => ({ stream: parsed.positionals.stream, limit: parsed.strings.limit === undefined ? undefined : Number(parsed.strings.limit) }),
	},
	{
		name: 'task', operation: 'setTask', summary: 'Set a task to open, active, done or cancelled, by its line and text as `show` gave them.',
		usage: 'streams task <stream> <line> <state> <text>',
		positionals: ['stream', 'line', 'state', 'text'], options: COMMON,
		input: parsed => {
			if (!/^\d+$/.test(parsed.positionals.line!)) {
				throw new UsageError(`<line> must be a line number, not ${parsed.positionals.line}`);
			}
			return { stream: parsed.positionals.stream!, line: Number(parsed.positionals.line), state: parsed.positionals.state as TaskState, text: parsed.positionals.text! };
		},
	},
	{
		name: 'set', operation: 'setField', summary: 'Set a stream\'s status, priority or owner, keeping the words around the value.',
		usage: 'streams set <stream> <status|priority|owner> <value>',
		positionals: ['stream', 'field', 'value'], options: COMMON,
		input: parsed => ({ stream: parsed.positionals.stream!, field: parsed.positionals.field as 'status', value: parsed.positionals.value! }),
	},
	{
		name: 'note', operation: 'addNote', summary: 'Add a note under today\'s date in NOTES.md\'s Log.',
		usage: 'streams note <stream> <text>',
		positionals: ['stream', 'text'], options: COMMON,
		input: parsed => ({ stream: parsed.positionals.stream!, text: parsed.positionals.text! }),
	},
	{
		name: 'handoff', operation: 'writeHandoff', summary: 'Rewrite sections of HANDOFF.md; each option is repeatable, one item each.',
		usage: 'streams handoff <stream> [--summary <text>] [--done <item>] [--state <item>] [--next <step>] [--questions <item>] [--gotchas <item>] [--verify <step>]',
		positionals: ['stream'], options: { ...COMMON, ...Object.fromEntries(HANDOFF_OPTIONS.map(name => [name, 'list'])) },
		input: parsed => ({ stream: parsed.positionals.stream!, ...Object.fromEntries(HANDOFF_OPTIONS.filter(name => parsed.lists[name]).map(name => [name, parsed.lists[name]])) }),
	},
	{
		name: 'new', operation: 'create', summary: 'Create a stream from the templates; never overwrites anything.',
		usage: 'streams new <name> [--priority <high|medium|low>] [--owner <name>] [--template <set>]',
		positionals: ['name'], options: { ...COMMON, priority: 'string', owner: 'string', template: 'string' },
		input: parsed => ({ name: parsed.positionals.name!, priority: parsed.strings.priority, owner: parsed.strings.owner, template: parsed.strings.template }),
	},
];

export function agentCommand(name: string | undefined): AgentCommand | undefined {
	return AGENT_COMMANDS.find(command => command.name === name);
}

export function commandUsage(command: AgentCommand): string {
	return `Usage: ${command.usage} [options]\n\n${command.summary}\n\nOptions:\n${COMMON_HELP}\n`;
}

export async function runAgentCommand(command: AgentCommand, args: readonly string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
	let parsed: ParsedArguments;
	let input: OperationInputs[OperationName];
	let roots: string[];
	try {
		parsed = parseCommandArguments(args, command);
		if (parsed.help) {
			out(commandUsage(command));
			return 0;
		}
		input = command.input(parsed);
		roots = (parsed.lists.root ?? []).map(root => {
			const [normalized] = normalizeRoots([root]);
			if (normalized === undefined) {
				throw new UsageError(`--root ${root} is not a folder inside the repository`);
			}
			return normalized;
		});
	} catch (error) {
		if (error instanceof UsageError) {
			err(`streams ${command.name}: ${error.message}\n\n${commandUsage(command)}`);
			return 2;
		}
		throw error;
	}
	const folderArgument = parsed.strings.folder ?? parsed.positionals.folder ?? '.';
	const folder = path.resolve(folderArgument);
	if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
		err(`streams ${command.name}: ${folderArgument} is not a folder\n\n${commandUsage(command)}`);
		return 2;
	}
	const repository = await NodeRepository.open(folder, { roots, warn: message => err(`streams: ${message}\n`) });
	const outcome = await runOperation(repository, command.operation, input);
	if (!outcome.ok) {
		err(`streams ${command.name}: ${outcome.error.message}\n`);
		return 1;
	}
	out(parsed.flags.has('json') ? JSON.stringify(outcome.result, null, 2) + '\n' : formatResult(command.operation, outcome.result));
	return 0;
}
