// Differential test: the plan scanner against markdown-it (the oracle) on thousands of generated documents.
// Set PLAN_SCANNER_SEED / PLAN_SCANNER_DOCUMENTS to explore more of the space locally.

import assert from 'node:assert/strict';
import { isHeading } from '../../src/core/markdown/markdownOutline';
import { scanPlanOrThrow } from '../../src/core/markdown/planScanner';
import { markdownItOutline, markdownItPlan } from '../support/markdownItTasks';
import { generateDocument } from '../support/planGenerator';
import { seedFor } from '../support/random';

const BASE_SEED = Number(process.env.PLAN_SCANNER_SEED ?? 0x5eed);
const DOCUMENTS = Number(process.env.PLAN_SCANNER_DOCUMENTS ?? 5000);

/** How the scanner and markdown-it disagree on a document, or undefined when they agree. */
export function disagreement(text: string): string | undefined {
	let scan;
	try {
		scan = scanPlanOrThrow(text, undefined, { outline: true });
	} catch (error) {
		return `scanner threw: ${error instanceof Error ? error.stack : String(error)}`;
	}
	const oracle = markdownItPlan(text);
	const tasks = scan.tasks.map(task => `${task.line}:${task.state}`).join(' ');
	const expectedTasks = oracle.tasks.map(task => `${task.line}:${task.state}`).join(' ');
	const headings = scan.headings.map(heading => `${heading.line}:h${heading.level} ${JSON.stringify(heading.text)}`).join(' ');
	const expectedHeadings = oracle.headings.map(heading => `${heading.line}:h${heading.level} ${JSON.stringify(heading.text)}`).join(' ');
	if (tasks !== expectedTasks || headings !== expectedHeadings) {
		return `tasks    scanner [${tasks}]\n         markdown-it [${expectedTasks}]\n` +
			`headings scanner [${headings}]\n         markdown-it [${expectedHeadings}]`;
	}
	// The leaf blocks the header reader and the health rules read: paragraphs, headings, code, HTML and tables.
	const blocks = (scan.outline?.blocks ?? []).map(block =>
		`${block.kind} ${block.line}-${block.endLine}${block.nested ? '*' : ''}${isHeading(block) ? ` ${block.setext ? '=' : '#'}${block.level}` : ''}`);
	const expectedBlocks = markdownItOutline(text);
	if (blocks.join('\n') !== expectedBlocks.join('\n')) {
		return `blocks   scanner [${blocks.join(', ')}]\n         markdown-it [${expectedBlocks.join(', ')}]`;
	}
	// Each section rolls up the oracle's tasks from its heading to the next of the same or a higher level.
	for (let i = 0; i < scan.headings.length; i++) {
		const heading = scan.headings[i];
		const next = scan.headings.slice(i + 1).find(other => other.level <= heading.level);
		const end = next ? next.line : scan.lineCount;
		const inside = oracle.tasks.filter(task => task.line >= heading.line && task.line < end);
		const expected = ['done', 'open', 'active', 'cancelled'].map(state => inside.filter(task => task.state === state).length);
		const actual = [heading.counts.done, heading.counts.open, heading.counts.active, heading.counts.cancelled];
		if (heading.endLine !== end || actual.join() !== expected.join()) {
			return `section of heading on line ${heading.line}: ends ${heading.endLine}, counts ${actual.join()}; ` +
				`expected ends ${end}, counts ${expected.join()}`;
		}
	}
	return undefined;
}

/** Shrinks a failing document to one that still fails: drops lines, then characters, while it keeps failing. */
export function minimize(text: string, fails: (text: string) => boolean): string {
	let parts = text.match(/[^\r\n]*(\r\n|\r|\n|$)/g)?.filter(part => part.length > 0) ?? [text];
	for (let changed = true; changed;) {
		changed = false;
		for (let i = 0; i < parts.length; i++) {
			const candidate = [...parts.slice(0, i), ...parts.slice(i + 1)];
			if (fails(candidate.join(''))) {
				parts = candidate;
				changed = true;
				i--;
			}
		}
	}
	let current = parts.join('');
	for (let changed = current.length < 3000; changed;) {
		changed = false;
		for (let i = 0; i < current.length; i++) {
			const candidate = current.slice(0, i) + current.slice(i + 1);
			if (fails(candidate)) {
				current = candidate;
				changed = true;
				i--;
			}
		}
	}
	return current;
}

describe('plan scanner against markdown-it', function () {
	this.timeout(600_000);

	it(`finds the same tasks, headings (levels and titles) and leaf blocks (paragraphs, headings, code, HTML, tables) as markdown-it in ${DOCUMENTS} generated documents`, () => {
		const failures: string[] = [];
		for (let index = 0; index < DOCUMENTS && failures.length < 5; index++) {
			const text = generateDocument(seedFor(BASE_SEED, index));
			if (disagreement(text) === undefined) {
				continue;
			}
			const minimal = minimize(text, candidate => disagreement(candidate) !== undefined);
			failures.push(`document ${index} (PLAN_SCANNER_SEED=${BASE_SEED}; generateDocument(seedFor(${BASE_SEED}, ${index})))\n` +
				`minimal: ${JSON.stringify(minimal)}\n${disagreement(minimal)}`);
		}
		assert.equal(failures.length, 0, `\n${failures.join('\n\n')}`);
	});
});
