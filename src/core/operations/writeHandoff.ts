// `streams_write_handoff` / `streams handoff`: rewrites the named sections of HANDOFF.md (Context, What Was
// Done, State of the Code, Next Steps, Open Questions, Gotchas, How to Verify) and keeps every other line as
// it is; "Last Updated" gets today's date. A missing section is added after the sections that precede it in
// the template's order; a missing HANDOFF.md is made from the team's template first.

import { readDocumentHeader } from '../header/headerFields';
import { stripBom } from '../markdown/frontMatter';
import { Stream } from '../model/stream';
import { HANDOFF } from '../model/streamDocuments';
import { fillTemplate } from '../templates/templates';
import { checkTexts, readStreamDocument } from './documentInput';
import { applyDocumentReplacements, lineBreakOf } from './documentReplacements';
import { findSection, sectionedDocument } from './documentSections';
import { DocumentChange, DocumentReplacement, fail, OperationContext, OperationOutcome, succeed } from './outcome';
import { resolveStream } from './streamResolution';

export interface WriteHandoffInput {
	readonly stream: string;
	readonly summary?: readonly string[] | string;
	readonly done?: readonly string[];
	readonly state?: readonly string[];
	readonly next?: readonly string[];
	readonly questions?: readonly string[];
	readonly gotchas?: readonly string[];
	readonly verify?: readonly string[];
}

export type HandoffKey = Exclude<keyof WriteHandoffInput, 'stream'>;

/** The template's sections in its order, and how each is written: paragraphs, bullets or numbered steps. */
export const HANDOFF_SECTIONS: readonly { key: HandoffKey; title: string; style: 'paragraphs' | 'bullets' | 'numbered' }[] = [
	{ key: 'summary', title: 'Context', style: 'paragraphs' },
	{ key: 'done', title: 'What Was Done', style: 'bullets' },
	{ key: 'state', title: 'State of the Code', style: 'bullets' },
	{ key: 'next', title: 'Next Steps', style: 'numbered' },
	{ key: 'questions', title: 'Open Questions', style: 'bullets' },
	{ key: 'gotchas', title: 'Gotchas', style: 'bullets' },
	{ key: 'verify', title: 'How to Verify', style: 'numbered' },
];

export interface WriteHandoffResult {
	readonly stream: string;
	readonly path: string;
	/** The section titles rewritten, in document order. */
	readonly sections: string[];
	readonly created: boolean;
}

export async function writeHandoff(context: OperationContext, input: WriteHandoffInput): Promise<OperationOutcome<WriteHandoffResult>> {
	const resolved = resolveStream(context.streams, input.stream);
	if (!resolved.ok) {
		return resolved;
	}
	const stream = resolved.result;
	const given: { section: typeof HANDOFF_SECTIONS[number]; items: string[] }[] = [];
	for (const section of HANDOFF_SECTIONS) {
		const value = input[section.key];
		if (value === undefined) {
			continue;
		}
		const checked = checkTexts(value, section.key);
		if (!checked.ok) {
			return checked;
		}
		given.push({ section, items: checked.result });
	}
	if (given.length === 0) {
		return fail('invalid-input', `nothing to write: give at least one of ${HANDOFF_SECTIONS.map(section => section.key).join(', ')}`);
	}
	const handoff = await readStreamDocument(context.readText, stream, HANDOFF);
	const created = handoff.text === undefined;
	const base = handoff.text ?? await newHandoff(context, stream);
	const eol = lineBreakOf(base);
	const document = sectionedDocument(base);
	const replacements: DocumentReplacement[] = [];
	const appended: string[] = [];
	for (const { section, items } of given) {
		const body = render(section.style, items, eol);
		const found = findSection(document, section.title);
		if (found) {
			replacements.push(replaceBody(document.lines, found.bodyStart, found.end, body, eol));
		} else {
			appended.push(`## ${section.title}${eol}${eol}${body}`);
		}
	}
	if (appended.length > 0) {
		const last = document.lines.length - 1;
		const lead = document.lines[last] === '' ? eol : eol + eol;
		replacements.push({ line: last, startColumn: document.lines[last].length, endColumn: document.lines[last].length, text: lead + appended.join(eol + eol) + eol });
	}
	const stamp = lastUpdated(base, document.lines, context.today, eol);
	if (stamp) {
		replacements.push(stamp);
	}
	const changes: DocumentChange[] = created
		? [{ kind: 'create', source: stream.source, path: handoff.path, text: applyDocumentReplacements(base, replacements) }]
		: [{ kind: 'edit', source: stream.source, path: handoff.path, replacements }];
	return succeed({ stream: stream.id, path: handoff.path, sections: given.map(entry => entry.section.title), created }, changes);
}

function render(style: 'paragraphs' | 'bullets' | 'numbered', items: readonly string[], eol: string): string {
	switch (style) {
		case 'paragraphs': return items.join(eol + eol);
		case 'bullets': return items.map(item => `- ${item}`).join(eol);
		case 'numbered': return items.map((item, index) => `${index + 1}. ${item}`).join(eol);
	}
}

/** The body between a heading and the next one becomes `body`, with one blank line on either side. */
function replaceBody(lines: readonly string[], bodyStart: number, end: number, body: string, eol: string): DocumentReplacement {
	const atEnd = end >= lines.length;
	if (atEnd) {
		const last = lines.length - 1;
		const finalBreak = lines[last] === '' ? eol : '';
		return { line: bodyStart - 1, startColumn: lines[bodyStart - 1].length, endLine: last, endColumn: lines[last].length, text: eol + eol + body + finalBreak };
	}
	return { line: bodyStart - 1, startColumn: lines[bodyStart - 1].length, endLine: end, endColumn: 0, text: eol + eol + body + eol + eol };
}

/** Today's date in "Last Updated" (its date only, words after it kept), or a field under the title. */
function lastUpdated(text: string, lines: readonly string[], today: string, eol: string): DocumentReplacement | undefined {
	const field = readDocumentHeader(HANDOFF, stripBom(text)).fields.find(candidate => candidate.key === 'last-updated');
	if (field) {
		const { line, startColumn, endColumn, raw } = field.location;
		const date = /^(?:\d{4}-\d{2}-\d{2}|YYYY-MM-DD)(?!\d)/i.exec(raw);
		if (date) {
			return date[0] === today ? undefined : { line, startColumn, endColumn: startColumn + date[0].length, text: today };
		}
		return { line, startColumn, endColumn, text: today };
	}
	const title = lines.findIndex(line => /^#\s/.test(line));
	if (title < 0 || title > 5) {
		return { line: 0, startColumn: 0, endColumn: 0, text: `**Last Updated:** ${today}${eol}${eol}` };
	}
	return { line: title, startColumn: lines[title].length, endColumn: lines[title].length, text: `${eol}${eol}**Last Updated:** ${today}` };
}

async function newHandoff(context: OperationContext, stream: Stream): Promise<string> {
	const set = await context.templates?.();
	const template = set?.texts.find(text => text.name.toLowerCase() === HANDOFF.toLowerCase());
	if (!template) {
		return `# ${stream.title} - Handoff${'\n'}${'\n'}**Last Updated:** ${context.today}${'\n'}`;
	}
	return fillTemplate(template.text, { name: stream.title, slug: stream.name, date: context.today, owner: stream.owner ?? '', priority: stream.priority ?? 'medium' }, HANDOFF);
}

