// Rule `template-leftover`: text a template put there to be replaced, still standing. `[Feature Name]`,
// `YYYY-MM-DD`, `{{token}}`s and a Status or Priority field that still offers its alternatives. (The
// templates' example "Requires" entries are reported here too, by dependencies.ts, which reads that list.)
//
// A layout adds its own format's markers (Spec Kit: `[DATE]`, `[###-feature-name]`, `[NEEDS CLARIFICATION: …]`).
// Code blocks, inline code and HTML comments are left alone: `YYYY-MM-DD` there documents a format.

import type { HealthFix, HealthInput, RuleFinding } from '../healthFindings';
import { PRIORITY_ORDER, PriorityId, STATUS_ORDER, StatusId } from '../../model/stream';
import { listsAlternatives, parsePriority, parseStatus } from '../../header/statusVocabulary';
import { layoutOf } from '../../layouts/layouts';
import { proseLines } from './proseLines';
import { textOf } from './streamTexts';
import { TEMPLATE_TOKENS } from '../../templates/templates';

// Only our own tokens (templates.ts fills exactly these): `{{articleTitle}}` in a note is someone else's syntax.
const LEFTOVER = new RegExp(`\\[Feature Name\\]|(?<![\\w-])YYYY-MM-DD(?![\\w-])|\\{\\{[ \\t]*(?:${TEMPLATE_TOKENS.join('|')})[ \\t]*\\}\\}`, 'gi');
/**
 * What every leftover contains, looked for in the whole text first: the prose lines only blank code out, so a
 * text without any of these has no leftover, and the rule need not split a 10,000-task plan into lines on
 * every keystroke (one pass of this is ~100× cheaper).
 */
const MAY_HOLD_LEFTOVER = /\[feature name\]|yyyy-mm-dd|\{\{/i;
/** The length of the longest of those: a stretch of text that changed can make or break one this far around it. */
export const LONGEST_LEFTOVER_WORD = '[feature name]'.length;

/** Whether a text holds `[Feature Name]`, `YYYY-MM-DD` (any case) or `{{`: without any, it has no leftover. */
export function mayHoldLeftover(text: string): boolean {
	return MAY_HOLD_LEFTOVER.test(text);
}

export function checkTemplateLeftovers(input: HealthInput): RuleFinding[] {
	const findings: RuleFinding[] = [];
	const layout = layoutOf(input.stream.layout);
	const firstLook = input.mayHoldLeftover ?? ((_name: string, text: string) => mayHoldLeftover(text));
	for (const wanted of layout.healthDocuments) {
		const document = textOf(input, wanted);
		// The layout's own markers are looked for in the whole text too (`search` ignores the pattern's `g`).
		if (!document || (!firstLook(document.name, document.text) && !(layout.templateLeftovers && document.text.search(layout.templateLeftovers) >= 0))) {
			continue;
		}
		for (const line of proseLines(document.text)) {
			for (const match of layout.templateLeftovers ? line.text.matchAll(layout.templateLeftovers) : []) {
				const start = match.index ?? 0;
				const written = line.raw.slice(start, start + match[0].length);
				const at = { document: document.name, line: line.line, startColumn: start, endColumn: start + written.length };
				const question = /^\[NEEDS CLARIFICATION:\s*(.*)\]$/.exec(written)?.[1];
				findings.push({
					rule: 'template-leftover', ...at, fixes: [],
					message: question === undefined ? { kind: 'template-token', token: written } : { kind: 'needs-clarification', question },
				});
			}
			for (const match of line.text.matchAll(LEFTOVER)) {
				const start = match.index ?? 0;
				const written = line.raw.slice(start, start + match[0].length);
				const at = { document: document.name, line: line.line, startColumn: start, endColumn: start + written.length };
				if (written.startsWith('{{')) {
					findings.push({ rule: 'template-leftover', ...at, message: { kind: 'template-token', token: written }, fixes: [] });
				} else if (written.startsWith('[')) {
					findings.push({ rule: 'template-leftover', ...at, message: { kind: 'feature-name' }, fixes: [] });
				} else if (written === 'YYYY-MM-DD') {
					findings.push({ rule: 'template-leftover', ...at, message: { kind: 'date-placeholder' }, fixes: [{ kind: 'fill-date' }] });
				}
			}
		}
	}
	findings.push(...unfilledChoices(input));
	return findings;
}

/** Status and Priority fields still listing the template's choices; the fixes pick one of those listed. */
function unfilledChoices(input: HealthInput): RuleFinding[] {
	const findings: RuleFinding[] = [];
	for (const field of input.stream.fields) {
		if ((field.key !== 'status' && field.key !== 'priority') || !listsAlternatives(field.value)) {
			continue;
		}
		const { document, line, startColumn, endColumn } = field.location;
		const choices = field.value.split('|');
		let fixes: HealthFix[];
		if (field.key === 'status') {
			const listed = new Set(choices.map(parseStatus).filter((id): id is StatusId => id !== undefined));
			fixes = STATUS_ORDER.filter(id => listed.has(id)).map(status => ({ kind: 'set-status', status, preferred: false }));
		} else {
			const listed = new Set(choices.map(parsePriority).filter((id): id is PriorityId => id !== undefined));
			fixes = PRIORITY_ORDER.filter(id => listed.has(id)).map(priority => ({ kind: 'set-priority', priority }));
		}
		findings.push({
			rule: 'template-leftover',
			document,
			line,
			startColumn,
			endColumn,
			message: { kind: 'field-alternatives', key: field.key },
			fixes,
		});
	}
	return findings;
}
