// `streams_add_note` / `streams note`: a dated bullet in NOTES.md's Log, newest day first (the bundled
// template's `## Log` with `### YYYY-MM-DD` sub-headings). Today's heading is reused when it is the newest; a
// missing Log section is added at the end, and a missing NOTES.md is made from the team's template.

import { scanPlan, ScannedHeading } from '../markdown/planScanner';
import { Stream } from '../model/stream';
import { NOTES } from '../model/streamDocuments';
import { fillTemplate } from '../templates/templates';
import { splitLines } from '../tasks/taskToggle';
import { checkText, readStreamDocument } from './documentInput';
import { applyDocumentReplacements, lineBreakOf } from './documentReplacements';
import { normalizeTitle } from './documentSections';
import { DocumentChange, DocumentReplacement, OperationContext, OperationOutcome, succeed } from './outcome';
import { resolveStream } from './streamResolution';

export interface AddNoteInput {
	readonly stream: string;
	readonly text: string;
}

export interface AddNoteResult {
	readonly stream: string;
	readonly path: string;
	/** 1-based line of the new bullet. */
	readonly line: number;
	readonly date: string;
	readonly created: boolean;
}

const DATE_HEADING = /^\d{4}-\d{2}-\d{2}\b/;

export async function addNote(context: OperationContext, input: AddNoteInput): Promise<OperationOutcome<AddNoteResult>> {
	const resolved = resolveStream(context.streams, input.stream);
	if (!resolved.ok) {
		return resolved;
	}
	const checked = checkText(input.text, 'text', { multiLine: true });
	if (!checked.ok) {
		return checked;
	}
	const stream = resolved.result;
	const notes = await readStreamDocument(context.readText, stream, NOTES);
	const created = notes.text === undefined;
	const base = notes.text ?? await newNotes(context, stream);
	const replacement = noteInsertion(base, checked.result, context.today);
	const after = applyDocumentReplacements(base, [replacement.replacement]);
	const changes: DocumentChange[] = created
		? [{ kind: 'create', source: stream.source, path: notes.path, text: after }]
		: [{ kind: 'edit', source: stream.source, path: notes.path, replacements: [replacement.replacement] }];
	return succeed({ stream: stream.id, path: notes.path, line: replacement.bulletLine + 1, date: context.today, created }, changes);
}

/** NOTES.md from the template, with its example entry (the template's own "Stream created.") left out. */
async function newNotes(context: OperationContext, stream: Stream): Promise<string> {
	const set = await context.templates?.();
	const template = set?.texts.find(text => text.name.toLowerCase() === NOTES.toLowerCase());
	if (!template) {
		return `# ${stream.title} - Notes\n\n## Log\n`;
	}
	const filled = fillTemplate(template.text, {
		name: stream.title, slug: stream.name, date: context.today, owner: stream.owner ?? '', priority: stream.priority ?? 'medium',
	}, NOTES);
	return withoutDatedEntries(filled);
}

/** Drops the `### date` entries of the Log section, keeping the heading and what follows the section. */
function withoutDatedEntries(text: string): string {
	const log = scanPlan(text).headings.find(heading => normalizeTitle(heading.text) === 'log');
	if (!log) {
		return text;
	}
	const lines = splitLines(text);
	const eol = lineBreakOf(text);
	const firstDay = scanPlan(text).headings.find(heading => heading.line > log.line && heading.line < log.endLine && heading.level > log.level);
	if (!firstDay) {
		return text;
	}
	const kept = [...lines.slice(0, firstDay.line), ...lines.slice(log.endLine)];
	return kept.join(eol);
}

function noteInsertion(text: string, note: string, today: string): { replacement: DocumentReplacement; bulletLine: number } {
	const lines = splitLines(text);
	const eol = lineBreakOf(text);
	const bullet = '- ' + note.split(/\r\n|\r|\n/).map(line => line.trimEnd()).join(eol + '  ');
	const headings = scanPlan(text).headings;
	const log = headings.find(heading => normalizeTitle(heading.text) === 'log');
	if (!log) {
		// No Log section: one at the end of the document.
		const last = lines.length - 1;
		const trailing = lines[last] === '' ? '' : eol;
		const gap = lastNonBlank(lines, 0, lines.length) < 0 ? '' : eol;
		const inserted = `${trailing}${gap}## Log${eol}${eol}### ${today}${eol}${eol}${bullet}${eol}`;
		return { replacement: { line: last, startColumn: lines[last].length, endColumn: lines[last].length, text: inserted }, bulletLine: lineCount(lines, last, trailing + gap) + 4 };
	}
	const days = headings.filter(heading => heading.line > log.line && heading.line < log.endLine && heading.level === log.level + 1);
	const newest = days[0];
	if (newest && DATE_HEADING.exec(newest.text)?.[0] === today) {
		return appendToDay(lines, newest, bullet, eol);
	}
	const entry = `### ${today}${eol}${eol}${bullet}${eol}${eol}`;
	if (newest) {
		return { replacement: { line: newest.line, startColumn: 0, endColumn: 0, text: entry }, bulletLine: newest.line + 2 };
	}
	// A Log without dated entries: the first one right under the heading.
	const at = lastNonBlank(lines, log.line + 1, log.endLine);
	if (at < 0) {
		const line = log.line;
		// Before a following section, keep one blank line, whether or not the Log had one.
		const tail = log.endLine < lines.length && (lines[line + 1] ?? '').trim() !== '' ? eol : '';
		return { replacement: { line, startColumn: lines[line].length, endColumn: lines[line].length, text: `${eol}${eol}### ${today}${eol}${eol}${bullet}${tail}` }, bulletLine: line + 4 };
	}
	const line = log.line + 1;
	const blank = lines[line] !== undefined && lines[line].trim() === '';
	const start = blank ? line + 1 : line;
	return { replacement: { line: start, startColumn: 0, endColumn: 0, text: (blank ? '' : eol) + entry }, bulletLine: start + (blank ? 2 : 3) };
}

/** A bullet after the last line of today's entry. */
function appendToDay(lines: readonly string[], day: ScannedHeading, bullet: string, eol: string): { replacement: DocumentReplacement; bulletLine: number } {
	const last = lastNonBlank(lines, day.line + 1, day.endLine);
	if (last < 0) {
		return { replacement: { line: day.line, startColumn: lines[day.line].length, endColumn: lines[day.line].length, text: `${eol}${eol}${bullet}` }, bulletLine: day.line + 2 };
	}
	return { replacement: { line: last, startColumn: lines[last].length, endColumn: lines[last].length, text: eol + bullet }, bulletLine: last + 1 };
}

function lastNonBlank(lines: readonly string[], from: number, to: number): number {
	for (let line = Math.min(to, lines.length) - 1; line >= from; line--) {
		if (lines[line].trim() !== '') {
			return line;
		}
	}
	return -1;
}

/** The 0-based line reached after `prefix` (line breaks only) is added at the end of line `last`. */
function lineCount(_lines: readonly string[], last: number, prefix: string): number {
	return last + prefix.split(/\r\n|\r|\n/).length - 1;
}
