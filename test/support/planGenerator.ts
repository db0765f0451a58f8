// Generates markdown documents from a seed: small adversarial ones that mix every block construct the plan
// scanner must get right (for differential tests against markdown-it), and big realistic plans (for benchmarks).

import { Random } from './random';

type Lines = string[];

const WORDS = [
	'plan', 'wire', 'the', 'index', 'tree', 'view', 'status', 'owner', 'check', 'parse', 'phase', 'task', 'notes',
	'fix', 'ship', 'x', 'y', 'é', '中文', '🚀', 'a_b', '*em*', '`code`', 'http://x.y', '&amp;', 'a\u00a0b',
];

/** Text that is not quite anything, and sometimes is. */
function words(r: Random, min = 1, max = 6): string {
	const count = r.int(min, max);
	const parts: string[] = [];
	for (let i = 0; i < count; i++) {
		parts.push(r.weighted<string>([
			[20, r.pick(WORDS)],
			[1, '|'],
			[1, 'a | b'],
			[1, '\\|'],
			[1, '<b>bold</b>'],
			[1, '[x]'],
			[1, '[ ]'],
			[1, '#'],
			[1, '>'],
			[1, '*'],
			[1, '\t'],
			[1, '-->'],
			[1, '?>'],
			[1, ']]>'],
			[1, '</pre>'],
			[1, '[link](/u)'],
		]));
	}
	return parts.join(' ');
}

const TASK_MARKS = [' ', ' ', 'x', 'X', '/', '-', 'y', '', '  ', 'xx', '*', '\\'];

function checkbox(r: Random): string {
	return '[' + r.pick(TASK_MARKS) + ']';
}

/** The content of a line that is, or almost is, a task. */
function taskText(r: Random): string {
	const box = checkbox(r);
	return r.weighted<string>([
		[12, box + ' ' + words(r)],
		[2, box + '\t' + words(r)],
		[1, box],
		[1, box + ' '],
		[1, box + ' \t'],
		[1, box + words(r, 1, 1)],
		[1, box + ':' + ' /url'],
		[1, ' ' + box + ' ' + words(r)],
		[1, box + '  ' + words(r)],
	]);
}

function indentOf(r: Random, max: number): string {
	return r.weighted<string>([
		[10, ''],
		[2, ' '.repeat(r.int(1, max))],
		[1, '\t'],
		[1, ' \t'],
	]);
}

function blank(r: Random): string {
	return r.weighted<string>([[10, ''], [1, '  '], [1, '\t'], [1, '    ']]);
}

function paragraph(r: Random): Lines {
	const lines: Lines = [];
	const count = r.weighted<number>([[6, 1], [3, 2], [1, 3]]);
	for (let i = 0; i < count; i++) {
		lines.push(indentOf(r, 4) + (r.chance(0.15) ? taskText(r) : words(r)));
	}
	return lines;
}

function atxHeading(r: Random): Lines {
	const hashes = '#'.repeat(r.weighted<number>([[3, 1], [5, 2], [3, 3], [1, 4], [1, 5], [1, 6], [1, 7]]));
	const text = r.weighted<string>([
		[8, ' ' + (r.chance(0.3) ? 'Phase ' + r.int(1, 9) + ' - ' : '') + words(r, 1, 4)],
		[1, ''],
		[1, words(r, 1, 1)],
		[1, ' ' + words(r, 1, 3) + ' ' + '#'.repeat(r.int(1, 3))],
		[1, '\t' + words(r, 1, 2)],
		[1, ' #'],
	]);
	return [indentOf(r, 4) + hashes + text];
}

function setextHeading(r: Random): Lines {
	const lines = paragraph(r);
	const underline = r.weighted<string>([
		[4, '==='],
		[4, '---'],
		[1, '='],
		[1, '-'],
		[1, '- - -'],
		[1, '--- x'],
		[1, '===  '],
		[1, '  ---'],
		[1, '    ---'],
	]);
	lines.push(indentOf(r, 2) + underline);
	return lines;
}

function thematicBreak(r: Random): Lines {
	return [indentOf(r, 4) + r.pick(['***', '---', '___', '- - -', '* * *', '_ _ _', '-- -', '**', '*-*', '----------'])];
}

function fenced(r: Random, depth: number): Lines {
	const marker = r.pick(['`', '~']);
	const length = r.int(3, 5);
	const info = r.weighted<string>([[5, ''], [2, 'ts'], [1, ' js x'], [1, 'a`b'], [1, ' ~~~']]);
	const lines: Lines = [indentOf(r, 4) + marker.repeat(length) + info];
	const body = r.int(0, 4);
	for (let i = 0; i < body; i++) {
		lines.push(r.weighted<string>([
			[3, '- ' + taskText(r)],
			[2, words(r)],
			[1, '# not a heading'],
			[1, ''],
			[1, marker.repeat(length - 1)],
			[1, (marker === '`' ? '~' : '`').repeat(length)],
			[1, '    ' + marker.repeat(length)],
			[1, '> - [ ] quoted'],
			[1, '<!--'],
		]));
	}
	const close = r.weighted<string | undefined>([
		[6, marker.repeat(length)],
		[2, marker.repeat(length + 1)],
		[1, marker.repeat(length) + '  '],
		[1, marker.repeat(length) + ' x'],
		[1, ' '.repeat(r.int(1, 4)) + marker.repeat(length)],
		[1, undefined],
	]);
	if (close !== undefined) {
		lines.push(close);
	}
	if (depth > 0 && r.chance(0.1)) {
		lines.push(words(r));
	}
	return lines;
}

function indentedCode(r: Random): Lines {
	const lines: Lines = [];
	const count = r.int(1, 3);
	for (let i = 0; i < count; i++) {
		const prefix = r.weighted<string>([[5, '    '], [2, '\t'], [1, '  \t'], [1, '     ']]);
		lines.push(r.chance(0.2) ? '' : prefix + (r.chance(0.5) ? '- ' + taskText(r) : words(r)));
	}
	return lines;
}

function html(r: Random): Lines {
	return r.weighted<Lines>([
		[4, ['<!-- ' + words(r) + ' -->']],
		[3, ['<!--', '- ' + taskText(r), '', '# hidden', '-->']],
		[1, ['<!--', '- ' + taskText(r)]],
		[1, ['<!-- a --> - [ ] after']],
		[2, ['<div>', '- ' + taskText(r), '</div>']],
		[1, ['<div class="x">', '', '- ' + taskText(r), '</div>']],
		[1, ['<details>', '<summary>' + words(r) + '</summary>', '', '- [ ] inside', '', '</details>']],
		[2, ['<span>', '- ' + taskText(r)]],
		[1, ['<a href="x">', words(r)]],
		[1, ['<img src=x />']],
		[1, ['</div>', words(r)]],
		[1, ['<custom-tag data-x=\'1\' hidden>', '- [x] y']],
		[1, ['<pre>', '- [ ] x', '', '# no', '</pre>']],
		[1, ['<script type="a">', '- [ ] x', '</SCRIPT>']],
		[1, ['<?php', '- [ ] x', '?>']],
		[1, ['<!DOCTYPE html>']],
		[1, ['<![CDATA[', '- [ ] x', ']]>']],
		[1, ['<b>bold</b> ' + words(r)]],
		[1, ['<x y=a\u00a0z="1">', '- [ ] after']],
		[1, ['<', words(r)]],
		[1, ['<div', '- [ ] x']],
	]);
}

function table(r: Random): Lines {
	const header = r.pick(['a | b', '| a | b |', 'a|b|c', '| x |', 'a \\| b | c', '- [ ] a | b', '> a | b']);
	const delimiter = r.pick(['--|--', '|---|---|', ':-:|-:', '---|---|---', '| - |', '- | -', '|-', '--', '---|---']);
	const lines = [header, delimiter];
	const rows = r.int(0, 3);
	for (let i = 0; i < rows; i++) {
		lines.push(r.weighted<string>([
			[4, words(r, 1, 2) + ' | ' + words(r, 1, 2)],
			[1, '- [ ] row'],
			[1, '# row'],
			[1, '    indented'],
			[1, '|'],
		]));
	}
	return lines;
}

function reference(r: Random): Lines {
	return r.weighted<Lines>([
		[3, ['[' + words(r, 1, 2) + ']: /url']],
		[1, ['[foo]: <a b> "title"']],
		[1, ['[foo]:', '  /url', '  \'title\'']],
		[1, ['[foo]: /url "multi', 'line title"']],
		[1, ['[ ]: /x']],
		[1, ['[x]: javascript:alert(1)']],
		[1, ['[a]: /u "t" garbage']],
		[1, ['[a]: /u', '"t" garbage']],
		[1, ['[a]: /u', '""x']],
		[1, ['[a', 'b]: /u']],
		[1, ['[a]:', '2. [ ] x']],
		[1, ['[a]: /u', '===']],
		[1, ['[a]: (x']],
	]);
}

const BULLETS = ['-', '-', '-', '*', '+'];

/** A list of items wrapping generated blocks, with every way of indenting continuation lines. */
function list(r: Random, depth: number): Lines {
	const ordered = r.chance(0.3);
	const delimiter = r.pick(['.', '.', ')']);
	let number = r.weighted<number>([[6, 1], [2, 2], [1, 0], [1, 10], [1, 123456789], [1, 1234567890]]);
	let bullet = r.pick(BULLETS);
	const items = r.int(1, 4);
	const lines: Lines = [];
	for (let i = 0; i < items; i++) {
		if (r.chance(0.1)) {
			bullet = r.pick(BULLETS);
		}
		const marker = ordered ? String(number++) + delimiter : bullet;
		const gap = r.weighted<string>([[12, ' '], [2, '  '], [1, '   '], [1, '    '], [1, '     '], [2, '\t'], [1, ' \t']]);
		const lead = r.weighted<string>([[10, ''], [2, ' '], [1, '  '], [1, '   ']]);
		const width = lead.length + marker.length + (gap === '\t' ? 4 - ((lead.length + marker.length) % 4) : gap.length);
		let content: Lines;
		if (r.chance(0.08)) {
			content = [];
		} else if (r.chance(0.5) || depth >= 3) {
			content = [taskText(r)];
			if (r.chance(0.3)) {
				content.push(r.chance(0.5) ? words(r) : taskText(r));
			}
			if (r.chance(0.35) && depth < 3) {
				content.push(...(r.chance(0.2) ? [blank(r)] : []), ...block(r, depth + 1));
			}
		} else {
			content = blocks(r, depth + 1, r.int(1, 3));
		}
		const emptyFirst = content.length > 0 && r.chance(0.07);
		lines.push(lead + marker + (emptyFirst || content.length === 0 ? r.pick(['', ' ', '  ']) : gap + content[0]));
		const rest = emptyFirst ? content : content.slice(1);
		for (const line of rest) {
			if (line.trim() === '') {
				lines.push(line);
				continue;
			}
			const pad = r.weighted<string>([
				[20, ' '.repeat(width)],
				[2, ' '.repeat(Math.max(0, width - 1))],
				[2, ' '.repeat(width + 1)],
				[1, '\t'],
				[1, '\t\t'],
				[2, ''],
				[1, ' '.repeat(width + 4)],
			]);
			lines.push(pad + line);
		}
		if (r.chance(0.25)) {
			lines.push(blank(r));
		}
		if (r.chance(0.05)) {
			lines.push(blank(r));
		}
	}
	return lines;
}

function blockquote(r: Random, depth: number): Lines {
	const inner = blocks(r, depth + 1, r.int(1, 3));
	const lines: Lines = [];
	inner.forEach((line, i) => {
		if (i > 0 && line.trim() !== '' && r.chance(0.12)) {
			lines.push(line);
			return;
		}
		const prefix = r.weighted<string>([[10, '> '], [3, '>'], [1, ' > '], [1, '   > '], [1, '>\t'], [1, '>  '], [1, '    > ']]);
		lines.push(line === '' ? r.pick(['>', '> ', '']) : prefix + line);
	});
	return lines;
}

function block(r: Random, depth: number): Lines {
	const containers = depth < 4 ? 1 : 0;
	return r.weighted<() => Lines>([
		[8, () => paragraph(r)],
		[4, () => atxHeading(r)],
		[2, () => setextHeading(r)],
		[2, () => thematicBreak(r)],
		[3, () => fenced(r, depth)],
		[2, () => indentedCode(r)],
		[3, () => html(r)],
		[1, () => table(r)],
		[1, () => reference(r)],
		[12 * containers, () => list(r, depth)],
		[4 * containers, () => blockquote(r, depth)],
		[2, () => [trickyLine(r)]],
	])();
}

function blocks(r: Random, depth: number, count: number): Lines {
	const lines: Lines = [];
	for (let i = 0; i < count; i++) {
		if (i > 0 && r.chance(0.6)) {
			lines.push(blank(r));
		}
		lines.push(...block(r, depth));
	}
	return lines;
}

/** Lines that change how their neighbours parse. */
function trickyLine(r: Random): string {
	return r.pick([
		'---', '===', '>', '> ', '-', '- ', '1.', '2) x', '    - [ ] x', '```', '~~~', '<!--', '-->', '| a |', '-|-',
		'#', '[x]: /y', '\t- [x] t', '  - [ ] t', '* [/] t', '+ [-] t', '1) [X] t', '0. [ ] t', '- - [ ] t',
		'> - [ ] t', '-\t[ ]\tt', '- [ ]', '- [ ]\u00a0x', '-    [ ] far', '-      [ ] code', '***', '  ***', '\\- [ ] t',
		'- # [ ] t', '- > [ ] t', '>> - [x] t', '> > > deep', '- <!-- -->', '<div>', '</div>', '[ ] bare',
	]);
}

/** Small random edits that push the structure into corners: tabs for spaces, shifted indents, stray lines. */
function mutate(r: Random, lines: Lines): Lines {
	const out = lines.slice();
	const edits = r.weighted<number>([[5, 0], [3, 1], [2, 2], [1, 4]]);
	for (let e = 0; e < edits; e++) {
		if (out.length === 0) {
			break;
		}
		const i = r.int(0, out.length - 1);
		const line = out[i];
		switch (r.int(0, 5)) {
			case 0:
				out[i] = line.replace(/^ {1,4}/, '\t');
				break;
			case 1:
				out[i] = ' '.repeat(r.int(1, 3)) + line;
				break;
			case 2:
				out[i] = line.replace(/^\s{1,2}/, '');
				break;
			case 3:
				out.splice(i, 0, trickyLine(r));
				break;
			case 4:
				out.splice(i, 0, blank(r));
				break;
			default:
				out[i] = line.replace(/ /, '\t');
				break;
		}
	}
	return out;
}

/** Characters that matter to block structure, and a few that only look as if they did. */
const NOISE = [
	' ', ' ', '\t', '>', '-', '*', '+', '1', '.', ')', '[', ']', 'x', '/', '`', '~', '#', '=', '<', '!', '|', ':', '\\',
	'"', '\'', '(', '_', '\n', '\r', '\u00a0', '\u3000', '\f', '\v', '\0', '\ufeff', '?', '&', 'a',
];

/** Character-level edits: inserts, deletes and replacements of structural characters anywhere. */
function addNoise(r: Random, text: string): string {
	let out = text;
	const edits = r.int(1, 4);
	for (let e = 0; e < edits; e++) {
		const at = r.int(0, out.length);
		const kind = r.int(0, 2);
		const noise = r.pick(NOISE);
		if (kind === 0) {
			out = out.slice(0, at) + noise + out.slice(at);
		} else if (kind === 1) {
			out = out.slice(0, at) + out.slice(at + 1);
		} else {
			out = out.slice(0, at) + noise + out.slice(at + 1);
		}
	}
	return out;
}

function frontMatter(r: Random): Lines {
	return r.weighted<Lines>([
		[4, ['---', 'title: Plan', 'status: in progress', '- [ ] not a task', '# not a heading', '---']],
		[1, ['---', 'a: 1', '...']],
		[1, ['---  ', '---']],
		[1, ['---', '- [ ] unclosed front matter is a thematic break then a list']],
	]);
}

/** A small random markdown document mixing every construct, reproducible from its seed. */
export function generateDocument(seed: number): string {
	const r = new Random(seed);
	let lines = blocks(r, 0, r.int(1, 6));
	lines = mutate(r, lines);
	if (r.chance(0.05)) {
		lines = [...frontMatter(r), ...lines];
	}
	// One line ending for the whole document, as editors save them (old Mac files end lines with a lone CR),
	// or a mix of all three, as a file edited on several systems has.
	const newline = r.weighted<() => string>([
		[70, () => '\n'],
		[12, () => '\r\n'],
		[8, () => '\r'],
		[10, () => r.pick(['\n', '\r\n', '\r'])],
	]);
	let text = '';
	for (let i = 0; i < lines.length; i++) {
		text += lines[i];
		if (i < lines.length - 1 || r.chance(0.7)) {
			text += newline();
		}
	}
	if (r.chance(0.3)) {
		text = addNoise(r, text);
	}
	if (r.chance(0.04)) {
		text = '\ufeff' + text;
	}
	return text;
}

const PHASE_NAMES = [
	'Foundation', 'Data Model', 'Tree View', 'Decorations', 'Status Bar', 'Commands', 'Templates', 'Diagnostics',
	'Command Line', 'Packaging', 'Documentation', 'Hardening',
];

const PLAN_WORDS = [
	'add', 'the', 'table', 'migration', 'for', 'subscribers', 'with', 'confirmed', 'and', 'a', 'component', 'list',
	'wire', 'status', 'page', 'to', 'new', 'endpoint', 'handle', 'errors', 'report', 'them', 'clearly', 'measure',
	'performance', 'against', 'targets', 'in', 'README.md', 'write', 'tests', 'every', 'parser', 'review', 'merge',
	'release', 'watch', 'metrics', 'queue', 'notification', 'per', 'posted', 'update', 'keyboard', 'shortcut',
	'timeline', 'newest', 'first', 'relative', 'times', 'admin', 'form', 'state', 'picker', 'retries', 'rate',
	'limit', 'bounce', 'webhooks', 'remove', 'address', 'settings', 'view', 'refresh', 'on', 'save', 'index',
];

const CODE_WORDS = ['`subscribers`', '`List-Unsubscribe`', '`Ctrl+Enter`', '`streams.refresh`', '`PLAN.md`', '`npm test`'];

/**
 * A plan as people write them (see the bundled template and the demo streams): phases with goal lines and task
 * lists, sub-tasks, inline code and links in task text, notes, and the odd code block, table and comment — of
 * about `approxBytes` UTF-16 code units.
 */
export function generatePlan(approxBytes: number, seed: number): string {
	const r = new Random(seed);
	const out: string[] = [
		'---', 'title: Generated plan', 'status: in progress', '---', '', '# Generated Stream - Plan', '',
		'**Last Updated:** 2026-01-14', '',
		'How to use this plan: each `## Phase` heading is a phase, and each checkbox under it is a task.', '', '---', '',
	];
	let size = out.join('\n').length;
	const push = (line: string): void => {
		out.push(line);
		size += line.length + 1;
	};
	const sentence = (min: number, max: number): string => {
		const count = r.int(min, max);
		const parts: string[] = [];
		for (let i = 0; i < count; i++) {
			parts.push(r.weighted<string>([
				[30, r.pick(PLAN_WORDS)],
				[2, r.pick(CODE_WORDS)],
				[1, '**' + r.pick(PLAN_WORDS) + '**'],
				[1, '[' + r.pick(PLAN_WORDS) + '](README.md#' + r.pick(PLAN_WORDS) + ')'],
			]));
		}
		const text = parts.join(' ');
		return text.charAt(0).toUpperCase() + text.slice(1);
	};
	const box = (): string => r.weighted<string>([[6, '[x]'], [6, '[ ]'], [2, '[/]'], [1, '[-]'], [1, '[X]']]);
	for (let phase = 1; size < approxBytes; phase++) {
		push(`## Phase ${phase} - ${PHASE_NAMES[(phase - 1) % PHASE_NAMES.length]}`);
		push('');
		push(`**Goal:** ${sentence(5, 12).toLowerCase()}`);
		push(`**Duration:** ${r.int(1, 5)} days`);
		push(`**Depends on:** ${phase === 1 ? 'nothing' : `Phase ${phase - 1}`}`);
		push('');
		const sections = r.int(1, 3);
		for (let section = 0; section < sections && size < approxBytes; section++) {
			if (sections > 1) {
				push(`### ${sentence(2, 4)}`);
				push('');
			}
			const tasks = r.int(4, 20);
			for (let t = 0; t < tasks; t++) {
				push(`- ${box()} ${sentence(4, 14)}`);
				if (r.chance(0.2)) {
					const subtasks = r.int(1, 4);
					for (let st = 0; st < subtasks; st++) {
						push(`  - ${box()} ${sentence(3, 10)}`);
					}
				}
				if (r.chance(0.05)) {
					push(`  ${sentence(6, 16)}.`);
				}
			}
			push('');
			switch (r.int(0, 9)) {
				case 0:
					push('```ts');
					push('- [ ] not a task: code');
					push('const x = 1;');
					push('```');
					push('');
					break;
				case 1:
					push('<!-- - [ ] commented out -->');
					push('');
					break;
				case 2:
					push('| Task | Owner |');
					push('|------|-------|');
					push(`| ${sentence(3, 6)} | the team |`);
					push('');
					break;
				case 3:
					for (let n = 1; n <= 3; n++) {
						push(`${n}. ${box()} ${sentence(4, 12)}`);
					}
					push('');
					break;
				case 4:
					push(`**Notes:** ${sentence(8, 20)}.`);
					push('');
					break;
				default:
					break;
			}
		}
	}
	return out.join('\n') + '\n';
}
