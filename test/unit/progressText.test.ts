import * as assert from 'node:assert/strict';
import { headingProgress, progressBarCells, progressLevel, progressText } from '../../src/core/tasks/progressText';
import { scanPlan } from '../../src/core/markdown/planScanner';
import { makeCounts } from '../../src/core/model/stream';

describe('progress text', () => {
	const threeOfFive = makeCounts(3, 1, 1, 0);

	it('reads bar, fraction and percent in the bar style', () => {
		assert.equal(progressText(threeOfFive, 'bar'), '▰▰▰▱▱ 3/5 · 60%');
	});

	it('reads only the fraction or only the percent in those styles', () => {
		assert.equal(progressText(threeOfFive, 'fraction'), '3/5');
		assert.equal(progressText(threeOfFive, 'percent'), '60%');
	});

	it('shows an empty bar at 0 percent', () => {
		const none = makeCounts(0, 4, 0, 0);
		assert.equal(progressText(none, 'bar'), '▱▱▱▱▱ 0/4 · 0%');
		assert.equal(progressText(none, 'fraction'), '0/4');
		assert.equal(progressText(none, 'percent'), '0%');
	});

	it('shows a full bar at 100 percent', () => {
		const all = makeCounts(7, 0, 0, 2);
		assert.equal(progressText(all, 'bar'), '▰▰▰▰▰ 7/7 · 100%');
		assert.equal(progressText(all, 'percent'), '100%');
	});

	it('fills the bar only when every task is done (rounds down)', () => {
		assert.equal(progressBarCells(makeCounts(99, 1, 0, 0)), '▰▰▰▰▱');
		assert.equal(progressText(makeCounts(1, 2, 0, 0), 'bar'), '▰▱▱▱▱ 1/3 · 33%');
	});

	it('reads the same for counts seen before, for thousands of counts, and for a ten-cell bar', () => {
		// The bar texts are kept per count (the decorations ask for them on every keystroke): asked again, over
		// more counts than are kept, they must still read right.
		for (let round = 0; round < 2; round++) {
			for (let total = 1; total <= 200; total++) {
				for (let done = 0; done <= total; done += 3) {
					const percent = Math.floor((100 * done) / total);
					const filled = Math.floor((5 * done) / total);
					assert.equal(progressText(makeCounts(done, total - done, 0, 0), 'bar'), `${'▰'.repeat(filled)}${'▱'.repeat(5 - filled)} ${done}/${total} · ${percent}%`);
				}
			}
		}
		assert.equal(progressBarCells(makeCounts(3, 1, 1, 0), 10), '▰▰▰▰▰▰▱▱▱▱');
	});

	it('leaves cancelled tasks out of the fraction', () => {
		assert.equal(progressText(makeCounts(1, 1, 0, 3), 'fraction'), '1/2');
	});

	it('names the colour level: none, partial, complete', () => {
		assert.equal(progressLevel(makeCounts(0, 2, 1, 0)), 'none');
		assert.equal(progressLevel(threeOfFive), 'partial');
		assert.equal(progressLevel(makeCounts(2, 0, 0, 1)), 'complete');
	});
});

describe('heading progress', () => {
	const plan = [
		'# Plan',                   // 0
		'',
		'## Phase 1 - Design',      // 2
		'- [x] sketch',
		'- [ ] review',
		'### Details',              // 5
		'- [/] spike',
		'### Notes',                // 7
		'Nothing to do here.',
		'## Phase 2 - Build',       // 9
		'- [x] code',
		'## Phase 3 - Dropped',     // 11
		'- [-] idea',
		'## Phase 4 - Empty',       // 13
		'',
	].join('\n');

	it('gives every heading whose section holds tasks its rolled-up counts, sub-headings included', () => {
		const shown = headingProgress(scanPlan(plan)).map(heading => [heading.line, heading.text, heading.counts.done, heading.counts.total]);
		assert.deepEqual(shown, [
			[0, 'Plan', 2, 4],
			[2, 'Phase 1 - Design', 1, 3],
			[5, 'Details', 0, 1],
			[9, 'Phase 2 - Build', 1, 1],
		]);
	});

	it('skips headings without tasks and sections of cancelled tasks only', () => {
		const lines = headingProgress(scanPlan(plan)).map(heading => heading.line);
		assert.ok(!lines.includes(7), 'a section without tasks has no progress');
		assert.ok(!lines.includes(11), 'a section of cancelled tasks has nothing to measure');
		assert.ok(!lines.includes(13));
	});

	it('lets a single H1 carry the whole file, tasks above it included', () => {
		const shown = headingProgress(scanPlan('- [x] before the title\n\n# Plan\n\n## Phase\n- [ ] one\n'));
		assert.deepEqual(shown.map(heading => [heading.line, heading.counts.done, heading.counts.total]), [[2, 1, 2], [4, 0, 1]]);
	});

	it('gives each of several H1s its own section', () => {
		const shown = headingProgress(scanPlan('# One\n- [x] a\n# Two\n- [ ] b\n- [ ] c\n'));
		assert.deepEqual(shown.map(heading => [heading.line, heading.counts.done, heading.counts.total]), [[0, 1, 1], [2, 0, 2]]);
	});

	it('ignores checkboxes in fenced code when counting', () => {
		const shown = headingProgress(scanPlan('# Plan\n- [ ] real\n```\n- [x] not a task\n```\n'));
		assert.deepEqual(shown.map(heading => [heading.counts.done, heading.counts.total]), [[0, 1]]);
	});
});
