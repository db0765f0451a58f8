// How an MCP client starts our server (Streams: Connect an Agent…): the exact setup for Claude Code, Codex and
// any other client as text to paste, and the entry of a workspace file (`.vscode/mcp.json`, `.cursor/mcp.json`)
// merged into what the file already holds. The merge edits only our own entry, keeps every other server and
// every comment, and refuses a file it cannot parse, so nothing a person wrote is lost.

import { findNodeAtLocation, getNodeValue, Node as JsonNode, parseTree, ParseError, printParseErrorCode } from 'jsonc-parser';

/** The name our server is registered under in every client. */
export const MCP_SERVER_NAME = 'streams';

/** What starts the server: a program, its arguments and the environment it needs on top of the client's. */
export interface ServerLaunch {
	readonly command: string;
	readonly args: readonly string[];
	readonly env: Readonly<Record<string, string>>;
}

/** How the shell the setup is pasted into quotes words. */
export type ShellFlavour = 'posix' | 'windows';

/** Quotes a word for the shell only when it needs it. */
export function shellWord(word: string, flavour: ShellFlavour): string {
	if (/^[\w@%+=:,./-]+$/.test(word)) {
		return word;
	}
	return flavour === 'windows' ? `"${word.replace(/"/g, '""')}"` : `'${word.replace(/'/g, `'\\''`)}'`;
}

function envOptions(launch: ServerLaunch, option: string, flavour: ShellFlavour): string[] {
	return Object.entries(launch.env).flatMap(([key, value]) => [option, shellWord(`${key}=${value}`, flavour)]);
}

function launchWords(launch: ServerLaunch, flavour: ShellFlavour): string[] {
	return [launch.command, ...launch.args].map(word => shellWord(word, flavour));
}

/** `claude mcp add`: its options before the name, the server's command line after `--`. */
export function claudeCodeSetup(launch: ServerLaunch, flavour: ShellFlavour): string {
	return ['claude', 'mcp', 'add', '--transport', 'stdio', ...envOptions(launch, '--env', flavour), MCP_SERVER_NAME, '--', ...launchWords(launch, flavour)].join(' ');
}

/** `codex mcp add` (it writes `~/.codex/config.toml`). */
export function codexSetup(launch: ServerLaunch, flavour: ShellFlavour): string {
	return ['codex', 'mcp', 'add', ...envOptions(launch, '--env', flavour), MCP_SERVER_NAME, '--', ...launchWords(launch, flavour)].join(' ');
}

/** The `mcpServers` JSON most clients read (Claude Desktop, Windsurf, Cline, …). */
export function mcpServersJson(launch: ServerLaunch): string {
	return JSON.stringify({ mcpServers: { [MCP_SERVER_NAME]: serverEntry('cursor', launch) } }, null, 2) + '\n';
}

/** Workspace files that list MCP servers: VS Code's `.vscode/mcp.json` (`servers`), Cursor's `.cursor/mcp.json` (`mcpServers`). */
export type McpConfigFormat = 'vscode' | 'cursor';

export const MCP_CONFIG_FILES: Readonly<Record<McpConfigFormat, string>> = {
	vscode: '.vscode/mcp.json',
	cursor: '.cursor/mcp.json',
};

const SERVERS_KEY: Readonly<Record<McpConfigFormat, string>> = { vscode: 'servers', cursor: 'mcpServers' };

function serverEntry(format: McpConfigFormat, launch: ServerLaunch): Record<string, unknown> {
	return {
		...(format === 'vscode' ? { type: 'stdio' } : {}),
		command: launch.command,
		args: [...launch.args],
		...(Object.keys(launch.env).length > 0 ? { env: { ...launch.env } } : {}),
	};
}

/** A replacement of `length` characters at `offset`. */
export interface OffsetEdit {
	readonly offset: number;
	readonly length: number;
	readonly text: string;
}

export type McpConfigEdit =
	| { readonly kind: 'create'; readonly text: string }
	| { readonly kind: 'edit'; readonly action: 'added' | 'updated'; readonly edits: readonly OffsetEdit[]; readonly text: string }
	| { readonly kind: 'unchanged' }
	| { readonly kind: 'refused'; readonly message: string };

/** The edit that registers our server in a workspace MCP file (undefined: the file does not exist yet). */
export function mcpConfigEdit(existing: string | undefined, format: McpConfigFormat, launch: ServerLaunch): McpConfigEdit {
	const file = MCP_CONFIG_FILES[format];
	const key = SERVERS_KEY[format];
	const entry = serverEntry(format, launch);
	if (existing === undefined || existing.trim() === '') {
		return { kind: 'create', text: JSON.stringify({ [key]: { [MCP_SERVER_NAME]: entry } }, null, '\t') + '\n' };
	}
	const errors: ParseError[] = [];
	const root = parseTree(existing, errors, { allowTrailingComma: true, disallowComments: false });
	if (errors.length > 0 || !root) {
		const error = errors[0];
		const line = error ? existing.slice(0, error.offset).split(/\r\n|\r|\n/).length : 1;
		return { kind: 'refused', message: `${file} is not valid JSON (${error ? printParseErrorCode(error.error) : 'empty'} on line ${line}); fix it first. Nothing was changed.` };
	}
	if (root.type !== 'object') {
		return { kind: 'refused', message: `${file} does not hold a JSON object; fix it first. Nothing was changed.` };
	}
	const servers = findNodeAtLocation(root, [key]);
	if (servers && servers.type !== 'object') {
		return { kind: 'refused', message: `"${key}" in ${file} is not an object of servers; fix it first. Nothing was changed.` };
	}
	const current = servers && findNodeAtLocation(servers, [MCP_SERVER_NAME]);
	if (current && JSON.stringify(getNodeValue(current)) === JSON.stringify(entry)) {
		return { kind: 'unchanged' };
	}
	const eol = /\r\n/.test(existing) ? '\r\n' : '\n';
	const unit = /^( +)["}\]]/m.exec(existing)?.[1] ?? '\t';
	const edit = current
		? { offset: current.offset, length: current.length, text: indented(entry, indentOf(existing, current.parent!.offset), unit, eol) }
		: servers
			? insertProperty(existing, servers, MCP_SERVER_NAME, entry, unit, eol)
			: insertProperty(existing, root, key, { [MCP_SERVER_NAME]: entry }, unit, eol);
	const text = existing.slice(0, edit.offset) + edit.text + existing.slice(edit.offset + edit.length);
	return { kind: 'edit', action: current ? 'updated' : 'added', edits: [edit], text };
}

/** The whitespace that starts the line holding `offset`. */
function indentOf(text: string, offset: number): string {
	const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
	return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** A value written as JSON over several lines, each line after the first starting with `indent`. */
function indented(value: unknown, indent: string, unit: string, eol: string): string {
	return JSON.stringify(value, null, unit).split('\n').join(eol + indent);
}

/** Adds `"name": value` as the last property of `object`, on a line of its own, leaving every other byte alone. */
function insertProperty(text: string, object: JsonNode, name: string, value: unknown, unit: string, eol: string): OffsetEdit {
	const last = object.children?.[object.children.length - 1];
	if (last) {
		const indent = indentOf(text, last.offset);
		const property = `${JSON.stringify(name)}: ${indented(value, indent, unit, eol)}`;
		return { offset: last.offset + last.length, length: 0, text: `,${eol}${indent}${property}` };
	}
	// An empty object: written anew, its closing brace where its opening one's line starts.
	const outer = indentOf(text, object.offset);
	const property = `${JSON.stringify(name)}: ${indented(value, outer + unit, unit, eol)}`;
	return { offset: object.offset, length: object.length, text: `{${eol}${outer}${unit}${property}${eol}${outer}}` };
}
