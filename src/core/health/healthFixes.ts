// The text edits behind the health quick fixes that change a document in place: setting a status or a
// priority (through the same field edits as Set Status / Set Priority, so the value keeps the document's style
// and its "Last Updated" gets today's date), and filling a `YYYY-MM-DD` with today's date. Computed from the
// live text, so the editor can apply them to an unsaved buffer. Creating a missing document is the editor's.

import { fieldEdits, FieldChange } from '../header/fieldEdits';
import { HealthFinding, HealthFix } from './healthFindings';
import { readDocumentHeader } from '../header/headerFields';
import { splitTextLines } from './rules/proseLines';
import { formatPriority, formatStatus, listsAlternatives, parsePriority, parseStatus } from '../header/statusVocabulary';
import { TextReplacement } from '../tasks/taskToggle';

export type FixEdits =
	| { readonly kind: 'edits'; readonly replacements: readonly TextReplacement[] }
	/** The text no longer holds what the finding pointed at, or the field cannot be edited safely. */
	| { readonly kind: 'stale' };

/**
 * The replacements that apply `fix` to the finding's document, whose current text is `text`. `today` is the
 * local date as `YYYY-MM-DD`.
 */
export function fixEdits(finding: HealthFinding, fix: HealthFix, text: string, today: string): FixEdits {
	const lineText = splitTextLines(text)[finding.line];
	if (lineText === undefined) {
		return { kind: 'stale' };
	}
	switch (fix.kind) {
		case 'fill-date':
			if (lineText.slice(finding.startColumn, finding.endColumn) !== 'YYYY-MM-DD') {
				return { kind: 'stale' };
			}
			return { kind: 'edits', replacements: [{ line: finding.line, startColumn: finding.startColumn, endColumn: finding.endColumn, text: today }] };
		case 'set-status':
		case 'set-priority': {
			const change: VocabularyChange = fix.kind === 'set-status'
				? { key: 'status', value: fix.status }
				: { key: 'priority', value: fix.priority };
			const outcome = fieldEdits(finding.document, text, change, today);
			if (outcome.kind === 'refused') {
				return { kind: 'stale' };
			}
			// The field edit rewrites the value a reader takes; when the finding is about another field of the
			// same key in this document (a second, unfilled Status line), rewrite that one instead.
			if (outcome.replacements.some(replacement => replacement.line === finding.line)) {
				return { kind: 'edits', replacements: outcome.replacements };
			}
			return directReplacement(finding, change, text, lineText);
		}
		case 'create-document':
			return { kind: 'stale' };
	}
}

/** The fixes set a status or a priority, never an owner. */
type VocabularyChange = Exclude<FieldChange, { key: 'owner' }>;

function directReplacement(finding: HealthFinding, change: VocabularyChange, text: string, lineText: string): FixEdits {
	// Only over a field's exact value: a range widened to its line (an empty value) is not a value to replace.
	const field = readDocumentHeader(finding.document, text).fields.find(candidate => candidate.key === change.key
		&& candidate.location.line === finding.line
		&& candidate.location.startColumn === finding.startColumn
		&& candidate.location.endColumn === finding.endColumn);
	if (!field || field.location.source !== 'inline') {
		return { kind: 'stale' };
	}
	const written = lineText.slice(finding.startColumn, finding.endColumn);
	const known = listsAlternatives(written) || (change.key === 'status' ? parseStatus(written) : parsePriority(written)) !== undefined;
	const style = known ? written : undefined;
	const value = change.key === 'status' ? formatStatus(change.value, style) : formatPriority(change.value, style);
	return { kind: 'edits', replacements: [{ line: finding.line, startColumn: finding.startColumn, endColumn: finding.endColumn, text: value }] };
}
