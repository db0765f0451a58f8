// Plans saved with old Mac line endings (a lone `\r`), or with one stray `\r` among `\n` lines, cost the
// scanner no more than the same plan with `\n`: it runs on every keystroke, so work that grows with the
// square of the line count would freeze the editor. Work is counted in characters examined, not timed.

import assert from 'node:assert/strict';
import { frontMatterLineCount } from '../../src/core/markdown/frontMatterFences';
import { scanPlan, PlanScan } from '../../src/core/markdown/planScanner';
import { generatePlan } from '../support/planGenerator';
import { charactersExamined } from '../support/stringWork';

function taskLines(scan: PlanScan): string[] {
	return scan.tasks.map(task => `${task.line}:${task.state}`);
}

function scanWork(text: string): number {
	return charactersExamined(() => scanPlan(text));
}

function frontMatterWork(text: string): number {
	return charactersExamined(() => frontMatterLineCount(text));
}

const PLAN = generatePlan(20_000, 13);

/** Lines that make the scanner look ahead: multi-line reference definitions, tables, empty items. */
const LOOKAHEAD = [
	'[guide]:', '  https://example.com/guide', '  "The guide,', '  continued"',
	'[broken]: <no end', 'text after it',
	'| Task | Owner |', '|------|-------|', '| write | Ann |', '',
	'-', '', '- [ ] after an empty item', '',
	'> [quoted]:', '> /url', '',
].join('\n') + '\n';

describe('plan scanner line endings', () => {
	it('reads a plan with lone-CR line endings with as little work as the same plan with \\n', () => {
		const lf = PLAN.repeat(4);
		const cr = lf.replace(/\n/g, '\r');
		assert.deepEqual(taskLines(scanPlan(cr)), taskLines(scanPlan(lf)));
		assert.ok(scanPlan(cr).tasks.length > 900);
		const lfWork = scanWork(lf);
		const crWork = scanWork(cr);
		assert.ok(crWork <= 2 * lfWork, `lone CR: ${crWork} characters examined, \\n: ${lfWork}`);
	});

	it('does twice the work, not four times, for a lone-CR plan twice as long', () => {
		const once = PLAN.replace(/\n/g, '\r').repeat(4);
		const twice = once.repeat(2);
		const ratio = scanWork(twice) / scanWork(once);
		assert.ok(ratio <= 2.2, `doubling the plan multiplied the work by ${ratio.toFixed(2)}`);
	});

	it('stays linear on lone-CR lines the scanner reads ahead of: references, tables, empty items', () => {
		const once = LOOKAHEAD.replace(/\n/g, '\r').repeat(300);
		const twice = once.repeat(2);
		assert.equal(scanPlan(once).tasks.length, 300);
		const ratio = scanWork(twice) / scanWork(once);
		assert.ok(ratio <= 2.2, `doubling the document multiplied the work by ${ratio.toFixed(2)}`);
		assert.ok(scanWork(once) <= 2 * scanWork(LOOKAHEAD.repeat(300)));
	});

	it('is not slowed by one stray \\r at the end of a \\n plan, nor by CRLF', () => {
		const lf = PLAN.repeat(4);
		const lfWork = scanWork(lf);
		for (const text of [lf + '\r', lf.replace(/\n/g, '\r\n'), lf.replace(/\n(?=## )/g, '\r')]) {
			assert.deepEqual(taskLines(scanPlan(text)), taskLines(scanPlan(lf)));
			const work = scanWork(text);
			assert.ok(work <= 2 * lfWork, `${work} characters examined, \\n only: ${lfWork}`);
		}
	});

	it('looks for the end of front matter in linear work, whatever the line endings', () => {
		// Never closed, so the whole text is searched: the worst case for finding line ends.
		const unclosed = '---\n' + 'key: value\n'.repeat(8_000);
		const lfWork = frontMatterWork(unclosed);
		assert.equal(frontMatterLineCount(unclosed), 0);
		for (const text of [unclosed.replace(/\n/g, '\r'), unclosed + '\r', unclosed.replace(/\n/g, '\r\n')]) {
			assert.equal(frontMatterLineCount(text), 0);
			const work = frontMatterWork(text);
			assert.ok(work <= 2 * lfWork, `${work} characters examined, \\n only: ${lfWork}`);
		}
		assert.equal(frontMatterLineCount('---\rtitle: Plan\r---\r# Plan\r'), 3);
		assert.equal(frontMatterLineCount('---\ntitle: Plan\r...\n# Plan\n'), 3);
	});
});
