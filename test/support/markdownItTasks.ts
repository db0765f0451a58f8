// The oracle for the plan scanner: what markdown-it 14 (html: true, as VS Code's preview) says are the tasks
// and headings of a document, found by walking its block tokens. Benchmarks reuse it as the baseline.

import MarkdownIt from 'markdown-it';
import type { TaskState } from '../../src/core/model/stream';
import { STANDARD_TASKS, TaskVocabulary } from '../../src/core/tasks/taskVocabulary';

export interface OracleTask {
	readonly line: number;
	readonly state: TaskState;
	/** A `[c]*` task, where the vocabulary has optional tasks. */
	readonly optional: boolean;
}

export interface OracleHeading {
	readonly line: number;
	readonly level: number;
	/**
	 * The heading's source text as markdown-it hands it to its inline rules, each line trimmed of spaces and
	 * tabs and the lines of a setext heading joined with one space (the scanner's ScannedHeading.text).
	 */
	readonly text: string;
}

export interface OraclePlan {
	readonly tasks: OracleTask[];
	readonly headings: OracleHeading[];
}

const markdownIt = new MarkdownIt({ html: true });

const TASK_CONTENT = /^\[[ xX/-]\][ \t]/;

/**
 * The text markdown-it should see: without a BOM (editors drop it; markdown-it would read it as text) and with
 * YAML front matter blanked out line for line (markdown-it has no front matter, and lines must keep their numbers).
 * Only the front matter is rewritten, so that the benchmark baseline still parses the document as given.
 */
export function markdownItInput(text: string): string {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const lineBreak = /\r\n|\r|\n/g;
	let lineStart = 0;
	let lines = 0;
	for (let match = lineBreak.exec(body); match; match = lineBreak.exec(body)) {
		const line = body.slice(lineStart, match.index);
		lines++;
		lineStart = match.index + match[0].length;
		if (lines === 1 && !/^---[ \t]*$/.test(line)) {
			return body;
		}
		if (lines > 1 && /^(---|\.\.\.)[ \t]*$/.test(line)) {
			return '\n'.repeat(lines) + body.slice(lineStart);
		}
	}
	// The last line has no line break after it.
	if (lines > 0 && /^(---|\.\.\.)[ \t]*$/.test(body.slice(lineStart))) {
		return '\n'.repeat(lines);
	}
	return body;
}

function stateOf(mark: string): TaskState {
	switch (mark) {
		case ' ':
			return 'open';
		case '/':
			return 'active';
		case '-':
			return 'cancelled';
		default:
			return 'done';
	}
}

/** A layout's checkbox: `[c]` (then `*` where it has optional tasks) and a space or tab, c one of its marks. */
function taskContent(vocabulary: TaskVocabulary): RegExp {
	const marks = Object.keys(vocabulary.marks).map(mark => mark.replace(/[\]\\^-]/g, '\\$&')).join('');
	return new RegExp(`^\\[([${marks}])\\](${vocabulary.optionalMarker ? '\\*?' : ''})[ \t]`);
}

/**
 * Task lines and states, heading lines and levels, as markdown-it's tokens give them, with the checkboxes read
 * in a layout's vocabulary (DESIGN.md §3 by default).
 */
export function markdownItPlan(text: string, vocabulary?: TaskVocabulary): OraclePlan {
	const content = vocabulary && vocabulary !== STANDARD_TASKS ? taskContent(vocabulary) : undefined;
	const tokens = markdownIt.parse(markdownItInput(text), {});
	const tasks: OracleTask[] = [];
	const headings: OracleHeading[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i];
		if (token.type === 'list_item_open') {
			const paragraph = tokens[i + 1];
			const inline = tokens[i + 2];
			if (paragraph?.type !== 'paragraph_open' || inline?.type !== 'inline' || !token.map) {
				continue;
			}
			if (content) {
				const match = content.exec(inline.content);
				if (match) {
					tasks.push({ line: token.map[0], state: vocabulary!.marks[match[1]], optional: match[2] === '*' });
				}
			} else if (TASK_CONTENT.test(inline.content)) {
				tasks.push({ line: token.map[0], state: stateOf(inline.content[1]), optional: false });
			}
		} else if (token.type === 'heading_open' && token.map) {
			const text = tokens[i + 1]?.content.split('\n').map(line => line.replace(/^[ \t]+|[ \t]+$/g, ''))
				.filter(line => line.length > 0).join(' ') ?? '';
			headings.push({ line: token.map[0], level: Number(token.tag.slice(1)), text });
		}
	}
	return { tasks, headings };
}

/** A leaf block as markdown-it's tokens place it: `kind line-endLine`, `*` when nested, `hN`/`sN` for ATX/setext headings. */
export type OracleBlock = string;

const LEAF_KINDS: Readonly<Record<string, string>> = {
	paragraph_open: 'paragraph',
	heading_open: 'heading',
	fence: 'fence',
	code_block: 'code',
	html_block: 'html',
	table_open: 'table',
};

/**
 * The leaf blocks of a document as markdown-it's token maps give them, in the scanner's MarkdownOutline terms:
 * each as `kind line-endLine`, with `*` when it stands in a list item or quote and, for a heading, `#N` or `=N`.
 */
export function markdownItOutline(text: string): OracleBlock[] {
	const blocks: OracleBlock[] = [];
	for (const token of markdownIt.parse(markdownItInput(text), {})) {
		const kind = LEAF_KINDS[token.type];
		if (!kind || !token.map) {
			continue;
		}
		const heading = kind === 'heading' ? ` ${token.markup.startsWith('#') ? '#' : '='}${token.tag.slice(1)}` : '';
		blocks.push(`${kind} ${token.map[0]}-${token.map[1]}${token.level > 0 ? '*' : ''}${heading}`);
	}
	return blocks;
}

export interface OracleCounts {
	done: number;
	open: number;
	active: number;
	cancelled: number;
}

/**
 * Counts the tasks of a plan by state with markdown-it: the baseline a scanner's speed is compared with. It
 * pays for BOM and front matter handling only when the text could have them.
 */
export function countTasksWithMarkdownIt(text: string): OracleCounts {
	const input = text.startsWith('---') || text.charCodeAt(0) === 0xfeff ? markdownItInput(text) : text;
	const tokens = markdownIt.parse(input, {});
	const counts: OracleCounts = { done: 0, open: 0, active: 0, cancelled: 0 };
	for (let i = 0; i < tokens.length - 2; i++) {
		if (tokens[i].type === 'list_item_open' && tokens[i + 1].type === 'paragraph_open' &&
			TASK_CONTENT.test(tokens[i + 2].content)) {
			counts[stateOf(tokens[i + 2].content[1])]++;
		}
	}
	return counts;
}
