// Rules `unknown-dependency` and `dependency-not-complete`, and the templates' example entries (reported as
// `template-leftover`): the streams a stream says it requires, read from README.md's Dependencies section.
//
// Where the entries are: the list under a "Requires" sub-heading of the Dependencies section (the templates'
// `### Requires (…)`), or under a `**Requires:**` label line in it; "Depends on" and "Blocked by" count as
// "Requires". List items standing directly under the Dependencies heading, before any sub-heading or label,
// are requirements too (the section's own name says so); items under "Blocks", "Related" and the like are not.
// Nested items are notes on their parent, not entries.
//
// An entry names a stream by folder name, id or title, written plain, in backticks, bold or as a link's
// text, and may carry a note: `other-stream-name (Phase 1 complete)`. "None", "n/a" and template placeholders
// such as `[stream]` are not entries. Directly under the Dependencies heading, where prose is common, an entry
// that names no stream is only reported when it reads like a name (one word, or marked as code, bold or link).
//
// A Complete stream whose required stream is not complete is reported, unless the note names a phase
// ("Phase 1 complete") and that phase of the required stream has all its tasks done: then that is all it needed.
//
// The templates' example entries (`other-stream-name`, `another-stream`) name no stream of ours: they are
// template leftovers, to be replaced or removed, unless a stream of that name really exists.

import { DependencyEntry, HealthInput, RuleFinding, TEMPLATE_EXAMPLE_DEPENDENCIES } from '../healthFindings';
import { isPlaceholder } from '../../header/headerFields';
import { Stream } from '../../model/stream';
import { README } from '../../model/streamDocuments';
import { headingOf, listItem, plainWords, proseLines } from './proseLines';
import { textOf } from './streamTexts';

const DEPENDENCIES_HEADING = /^dependenc(?:y|ies)\b/i;
const REQUIRES = /^(?:requires|required|depends on|blocked by|needs)\b/i;
const GROUP_LABEL = /^(?:requires|required|depends on|blocked by|needs|blocks|blocking|related|enables|unblocks|see also)\b/i;
const NOTHING = /^(?:none|nothing|no\s|n\/a\b)/i;

interface ParsedEntry extends DependencyEntry {
	/** Listed under an explicit Requires heading or label (not just under Dependencies). */
	readonly explicit: boolean;
	/** Written as code, bold or a link: clearly meant as a name. */
	readonly marked: boolean;
}

export function checkDependencies(input: HealthInput): { findings: RuleFinding[]; requires: DependencyEntry[] } {
	const readme = textOf(input, README);
	if (!readme) {
		return { findings: [], requires: [] };
	}
	const entries = parseRequires(readme.text);
	if (entries.length === 0) {
		// Most streams require nothing: no need to go through every stream of a big workspace on each check.
		return { findings: [], requires: [] };
	}
	const candidates = input.streams.filter(stream => stream.source === input.stream.source);
	const examples = new Set([...TEMPLATE_EXAMPLE_DEPENDENCIES, ...input.templateDependencies ?? []].map(normalizeDependencyName));
	const findings: RuleFinding[] = [];
	for (const entry of entries) {
		const at = { document: readme.name, line: entry.line, startColumn: entry.startColumn, endColumn: entry.endColumn };
		const required = findRequiredStream(candidates, entry.name);
		if (!required) {
			if (examples.has(normalizeDependencyName(entry.name))) {
				findings.push({ rule: 'template-leftover', ...at, message: { kind: 'example-dependency', name: entry.name }, fixes: [] });
			} else if (entry.explicit || entry.marked || !/\s/.test(entry.name)) {
				findings.push({ rule: 'unknown-dependency', ...at, message: { kind: 'unknown-dependency', name: entry.name }, fixes: [] });
			}
			continue;
		}
		if (input.stream.status !== 'complete' || required.status === 'complete') {
			continue;
		}
		const phase = requiredPhase(required, entry.note);
		if (phase?.done) {
			continue;
		}
		findings.push({
			rule: 'dependency-not-complete',
			...at,
			message: { kind: 'dependency-not-complete', name: entry.name, status: required.status, phase: phase?.title },
			fixes: [],
		});
	}
	return { findings, requires: entries.map(({ name, note, line, startColumn, endColumn }) => ({ name, note, line, startColumn, endColumn })) };
}

/** The "Requires" entries of a README, in document order. */
export function readDependencies(readmeText: string): DependencyEntry[] {
	return parseRequires(readmeText).map(({ name, note, line, startColumn, endColumn }) => ({ name, note, line, startColumn, endColumn }));
}

function parseRequires(text: string): ParsedEntry[] {
	const lines = proseLines(text);
	const entries: ParsedEntry[] = [];
	for (let index = 0; index < lines.length; index++) {
		const heading = headingOf(lines[index]);
		if (!heading || !DEPENDENCIES_HEADING.test(heading.text)) {
			continue;
		}
		// The section's own items are requirements until a sub-heading or label says what follows.
		let group: 'requires' | 'explicit' | 'other' = 'requires';
		let itemIndent: number | undefined;
		for (index++; index < lines.length; index++) {
			const line = lines[index];
			const sub = headingOf(line);
			if (sub && sub.level <= heading.level) {
				index--;
				break;
			}
			if (sub) {
				group = REQUIRES.test(sub.text) ? 'explicit' : 'other';
				itemIndent = undefined;
				continue;
			}
			const item = listItem(line.text);
			if (!item) {
				const words = plainWords(line.text);
				if (GROUP_LABEL.test(words) && (/:$/.test(words) || /^\s*(\*\*|__)/.test(line.text))) {
					group = REQUIRES.test(words) ? 'explicit' : 'other';
					itemIndent = undefined;
				}
				continue;
			}
			itemIndent ??= item.indent;
			if (group === 'other' || item.indent > itemIndent) {
				continue;
			}
			// Positions come from the line as written: in `line.text` a code span is blanked out.
			const entry = parseEntry(line.raw, listItem(line.raw)?.contentStart ?? item.contentStart, line.line, group === 'explicit');
			if (entry) {
				entries.push(entry);
			}
		}
	}
	return entries;
}

/** The stream name at the start of a list item's content, with the note after it. */
function parseEntry(raw: string, contentStart: number, line: number, explicit: boolean): ParsedEntry | undefined {
	let at = contentStart;
	const checkbox = /^\[[ xX/-]\][ \t]+/.exec(raw.slice(at));
	if (checkbox) {
		at += checkbox[0].length;
	}
	const rest = raw.slice(at);
	let start: number;
	let end: number;
	let after: number;
	let marked = true;
	let match: RegExpExecArray | null;
	if ((match = /^\[([^\]]+)\]\([^)]*\)/.exec(rest))) {
		start = at + 1;
		end = start + match[1].length;
		after = at + match[0].length;
	} else if ((match = /^(`+)([^`]+)\1/.exec(rest)) || (match = /^(\*\*|__)(.+?)\1/.exec(rest))) {
		start = at + match[1].length;
		end = start + match[2].length;
		after = at + match[0].length;
	} else {
		marked = false;
		const stop = /\s*(?:\(|:|,|;|\s[-–—]\s)/.exec(rest);
		start = at;
		end = at + (stop ? stop.index : rest.trimEnd().length);
		after = end;
	}
	// Trim inside the name so the range covers the name alone.
	while (start < end && /\s/.test(raw[start])) {
		start++;
	}
	while (end > start && /\s/.test(raw[end - 1])) {
		end--;
	}
	const name = raw.slice(start, end);
	const plain = plainWords(name);
	if (plain === '' || isPlaceholder(name) || NOTHING.test(plain) || !/[\p{L}\p{N}]/u.test(plain)) {
		return undefined;
	}
	const note = noteOf(raw.slice(after));
	return { name, note, line, startColumn: start, endColumn: end, explicit, marked };
}

function noteOf(text: string): string | undefined {
	const trimmed = text.trim();
	const parenthesized = /^\((.*)\)/.exec(trimmed);
	const note = parenthesized ? parenthesized[1] : trimmed.replace(/^[-–—:,;]\s*/, '');
	return note.trim() === '' ? undefined : note.trim();
}

/** Lower-case, without `./`, `../`, a trailing slash or `/README.md`, so links to a stream folder match too. */
export function normalizeDependencyName(name: string): string {
	return plainWords(name)
		.toLowerCase()
		.replace(/^(?:\.{1,2}\/)+/, '')
		.replace(/\/readme\.md$/, '')
		.replace(/\/+$/, '');
}

/** The stream an entry names: by folder name, by id (or its tail), else by title. */
export function findRequiredStream(streams: readonly Stream[], name: string): Stream | undefined {
	const wanted = normalizeDependencyName(name);
	if (wanted === '') {
		return undefined;
	}
	return streams.find(stream => stream.name.toLowerCase() === wanted)
		?? streams.find(stream => {
			const id = stream.id.toLowerCase();
			return id === wanted || (wanted.includes('/') && id.endsWith('/' + wanted));
		})
		?? streams.find(stream => stream.title.toLowerCase() === wanted);
}

/** The phase an entry's note asks for ("Phase 2 done") and whether the required stream has finished it. */
export function requiredPhase(stream: Stream, note: string | undefined): { title: string; done: boolean } | undefined {
	const number = note === undefined ? undefined : /\bphase\s+(\d+)\b/i.exec(note)?.[1];
	if (number === undefined) {
		return undefined;
	}
	const phase = stream.phases.find(candidate => new RegExp(`^phase\\s+${number}(?!\\d)`, 'i').test(plainWords(candidate.title)));
	if (!phase) {
		return undefined;
	}
	return { title: phase.title, done: phase.counts.total > 0 && phase.counts.done === phase.counts.total };
}
