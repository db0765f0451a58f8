// The block of agent instructions in a repository's AGENTS.md (Streams: Add Agent Instructions, `streams
// agents-md`): what streams are here and how an agent should work on them. The block sits between two marker
// comments and is the only part of the file we ever write: a file without it gets it appended, a file with it
// gets exactly those lines replaced, and markers that do not pair up are refused, so no person's text is lost.

import { splitLines } from '../tasks/taskToggle';

export const AGENTS_FILE = 'AGENTS.md';
export const AGENTS_BLOCK_START = '<!-- streams:agents:start -->';
export const AGENTS_BLOCK_END = '<!-- streams:agents:end -->';

export interface AgentInstructionsOptions {
	/** The stream roots of the repository (`streams.roots`), e.g. `.project/streams`. */
	readonly roots: readonly string[];
}

/** The block, markers included, without a trailing line break; lines joined with `eol`. */
export function agentInstructionsBlock(options: AgentInstructionsOptions, eol = '\n'): string {
	const roots = options.roots.length > 0 ? options.roots : ['.project/streams'];
	const where = roots.map(root => `\`${root}/<name>/\``).join(' or ');
	return [
		AGENTS_BLOCK_START,
		'<!-- Written by Feature Streams (Streams: Add Agent Instructions, `streams agents-md`), which rewrites only what is between these markers. -->',
		'## Feature streams',
		'',
		`Feature work in this repository is kept as **streams**: one folder of markdown per piece of work, in ${where}.`,
		'',
		'- `README.md`: overview and goals; header fields `Status` (Ready, In Progress, Blocked, Paused, Complete), `Priority` (High, Medium, Low), `Owner`, `Created`.',
		'- `PLAN.md`: phases as `##` headings, tasks as checkboxes: `- [ ]` open, `- [/]` active, `- [x]` done, `- [-]` cancelled.',
		'- `STATUS.md`: where the work stands, blockers. `HANDOFF.md`: what the next person or agent needs. `NOTES.md`: a dated log of decisions.',
		'',
		'Work on streams through the `streams_*` tools (the `streams mcp` server, or the tools of the same names in VS Code), not by editing these files by hand: the tools change only what they are about and keep what people wrote.',
		'',
		'1. Find the work: `streams_next`, or `streams_list` and then `streams_show` for one stream\'s open tasks.',
		'2. Mark a task `active` when you start it and `done` when it is finished: `streams_set_task`, with the line and text `streams_show` gave.',
		'3. Keep the status true: `streams_set_field` (`status`: `in-progress`, `blocked`, `complete`, …).',
		'4. Record decisions with `streams_add_note`; before you stop, write the hand-off with `streams_write_handoff`.',
		'5. Check the streams you touched: `streams_lint`.',
		'',
		'With only a shell, the same commands: `npx streams list | show | next | task | set | note | handoff | new | lint` (each with `--json` and `--help`).',
		AGENTS_BLOCK_END,
	].join(eol);
}

/** What writing the block into AGENTS.md takes. Lines and columns are 0-based; `text` is the whole new file. */
export type AgentInstructionsEdit =
	| { readonly kind: 'create'; readonly text: string }
	/** Replace [start, end) with `replacement` (the block, or a blank line and the block appended at the end). */
	| { readonly kind: 'edit'; readonly action: 'appended' | 'updated'; readonly start: TextPosition; readonly end: TextPosition; readonly replacement: string; readonly text: string }
	| { readonly kind: 'unchanged' }
	/** The markers do not pair up (`line` is the first one that does not): fixing them is the person's call. */
	| { readonly kind: 'refused'; readonly line: number; readonly message: string };

export interface TextPosition {
	readonly line: number;
	readonly column: number;
}

/** The edit that puts the current block into `existing` (undefined: the file does not exist yet). */
export function agentInstructionsEdit(existing: string | undefined, options: AgentInstructionsOptions): AgentInstructionsEdit {
	if (existing === undefined) {
		return { kind: 'create', text: agentInstructionsBlock(options) + '\n' };
	}
	const eol = /\r\n/.test(existing) ? '\r\n' : '\n';
	const block = agentInstructionsBlock(options, eol);
	const lines = splitLines(existing);
	const markers = findMarkers(lines);
	if ('refused' in markers) {
		return markers.refused;
	}
	if (!markers.block) {
		const last = lines.length - 1;
		const end = { line: last, column: lines[last].length };
		// After the last line's text: a line break to end it (if it had none), then a blank line, then the block.
		const lead = lines[last] === '' ? (lines.length > 1 && lines[last - 1] !== '' ? eol : '') : eol + eol;
		const replacement = (lines.length === 1 && lines[0] === '' ? '' : lead) + block + eol;
		return { kind: 'edit', action: 'appended', start: end, end, replacement, text: existing + replacement };
	}
	const { first, last } = markers.block;
	const current = lines.slice(first, last + 1).join(eol);
	if (current === block) {
		return { kind: 'unchanged' };
	}
	const start = { line: first, column: 0 };
	const end = { line: last, column: lines[last].length };
	const before = lineOffset(existing, first);
	const after = lineOffset(existing, last) + lines[last].length;
	return { kind: 'edit', action: 'updated', start, end, replacement: block, text: existing.slice(0, before) + block + existing.slice(after) };
}

/** The marker lines of the block (none: `block` undefined), or why they cannot be trusted. */
function findMarkers(lines: readonly string[]): { block?: { first: number; last: number } } | { refused: AgentInstructionsEdit } {
	let start: number | undefined;
	let end: number | undefined;
	const refuse = (line: number, message: string) => ({ refused: { kind: 'refused', line, message } as const });
	for (const [index, line] of lines.entries()) {
		const marker = line.trim();
		if (marker === AGENTS_BLOCK_START) {
			if (start !== undefined) {
				return refuse(index, `${AGENTS_FILE} has a second ${AGENTS_BLOCK_START} on line ${index + 1} (the first is on line ${start + 1}); keep one block and try again. Nothing was changed.`);
			}
			start = index;
		} else if (marker === AGENTS_BLOCK_END) {
			if (start === undefined || end !== undefined) {
				return refuse(index, `${AGENTS_FILE} has ${AGENTS_BLOCK_END} on line ${index + 1} without a ${AGENTS_BLOCK_START} before it; remove it or add the start marker, and try again. Nothing was changed.`);
			}
			end = index;
		}
	}
	if (start !== undefined && end === undefined) {
		return refuse(start, `${AGENTS_FILE} has ${AGENTS_BLOCK_START} on line ${start + 1} without its ${AGENTS_BLOCK_END}; add the end marker where the block ends, and try again. Nothing was changed.`);
	}
	return start !== undefined && end !== undefined ? { block: { first: start, last: end } } : {};
}

/** The offset where 0-based `line` starts, counting `\r\n`, `\r` and `\n` as one break each, like splitLines. */
function lineOffset(text: string, line: number): number {
	let offset = 0;
	for (let current = 0; current < line; current++) {
		const match = /\r\n|\r|\n/g;
		match.lastIndex = offset;
		const found = match.exec(text);
		if (!found) {
			return text.length;
		}
		offset = found.index + found[0].length;
	}
	return offset;
}
