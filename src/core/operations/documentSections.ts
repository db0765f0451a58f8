// The named sections of a stream document (`## Summary`, `## Blockers`, `## Next Steps`, `## Log`, …): where
// each starts and ends, read with the plan scanner's headings so a `#` line inside a code block is not one.

import { scanPlan, ScannedHeading } from '../markdown/planScanner';
import { splitLines } from '../tasks/taskToggle';

export interface DocumentSection {
	readonly heading: ScannedHeading;
	/** 0-based line after the heading (after the underline of a setext heading), and the exclusive end. */
	readonly bodyStart: number;
	readonly end: number;
}

export interface SectionedDocument {
	readonly lines: readonly string[];
	readonly headings: readonly ScannedHeading[];
}

export function sectionedDocument(text: string): SectionedDocument {
	return { lines: splitLines(text), headings: scanPlan(text).headings };
}

/** The first section whose heading reads `title` (case and surrounding emphasis ignored), at any level. */
export function findSection(document: SectionedDocument, title: string): DocumentSection | undefined {
	const wanted = normalizeTitle(title);
	const heading = document.headings.find(candidate => normalizeTitle(candidate.text) === wanted);
	if (!heading) {
		return undefined;
	}
	const underline = /^[ ]{0,3}(?:=+|-+)[ \t]*$/.test(document.lines[heading.line + 1] ?? '') && !/^[ ]{0,3}#/.test(document.lines[heading.line]);
	// A section ends at the next heading of any level here: sub-sections belong to the reader, not to us.
	const after = document.headings.find(candidate => candidate.line > heading.line);
	return { heading, bodyStart: heading.line + (underline ? 2 : 1), end: after ? after.line : document.lines.length };
}

export function normalizeTitle(title: string): string {
	return title.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The section's body lines as text, blank lines at either end and `---` rules dropped. */
export function sectionText(document: SectionedDocument, section: DocumentSection): string {
	const lines = document.lines.slice(section.bodyStart, section.end).filter(line => !/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(line));
	return lines.join('\n').trim();
}

const ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/;

/** The top-level list items of a section (continuation lines joined to their item), checkbox marks dropped. */
export function sectionItems(document: SectionedDocument, section: DocumentSection): string[] {
	const items: string[] = [];
	let indent: number | undefined;
	for (let line = section.bodyStart; line < section.end; line++) {
		const text = document.lines[line];
		const item = ITEM.exec(text);
		if (item && (indent === undefined || item[1].length <= indent)) {
			indent = item[1].length;
			items.push(item[2].replace(/^\[[ xX/-]\][ \t]+/, '').trim());
		} else if (items.length > 0 && text.trim() !== '' && !item) {
			items[items.length - 1] += ' ' + text.trim();
		}
	}
	return items.filter(item => item !== '');
}
