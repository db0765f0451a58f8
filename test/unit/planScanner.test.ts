// What the plan scanner finds in PLAN.md files as people write them: tasks, phases and their progress
// (DESIGN.md §3), and what it must not mistake for tasks.

import assert from 'node:assert/strict';
import { phasesOf, scanPlan, PlanScan } from '../../src/core/markdown/planScanner';

/** `line:state` of every task, the shape most assertions compare. */
function taskLines(scan: PlanScan): string[] {
	return scan.tasks.map(task => `${task.line}:${task.state}`);
}

function plan(...lines: string[]): string {
	return lines.join('\n') + '\n';
}

const samplePlan = plan(
	'# Email Subscriptions - Plan',
	'',
	'**Last Updated:** 2026-01-14',
	'',
	'## Phase 1 - Subscribers',
	'',
	'- [x] `subscribers` table with confirmed_at',
	'- [x] Subscribe form and confirmation e-mail',
	'- [/] Unsubscribe link and `List-Unsubscribe` headers',
	'',
	'## Phase 2 - Sending',
	'',
	'- [ ] Send queue with retries',
	'  - [x] Retry with back-off',
	'  - [ ] Per-minute rate limit',
	'- [-] Own SMTP server (dropped: SES covers it)',
	'',
	'### Bounces',
	'',
	'1. [ ] Bounce webhook removes the address',
	'2) [X] Complaint webhook',
	'',
	'## Phase 3 - Launch',
	'',
	'Nothing planned yet.',
);

describe('plan scanner', () => {
	describe('phases and progress', () => {
		it('reads each level-2 heading as a phase with the tasks below it', () => {
			const phases = phasesOf(scanPlan(samplePlan));
			assert.deepEqual(phases.map(phase => [phase.title, phase.line]), [
				['Phase 1 - Subscribers', 4],
				['Phase 2 - Sending', 10],
				['Phase 3 - Launch', 22],
			]);
			assert.deepEqual(phases[0].counts, { done: 2, open: 0, active: 1, cancelled: 0, total: 3, percent: 66 });
		});

		it('rolls a phase up across its sub-headings, nested items and ordered lists', () => {
			const [, sending] = phasesOf(scanPlan(samplePlan));
			assert.deepEqual(sending.counts, { done: 2, open: 3, active: 0, cancelled: 1, total: 5, percent: 40 });
			const bounces = scanPlan(samplePlan).headings.find(heading => heading.text === 'Bounces');
			assert.equal(bounces?.level, 3);
			assert.equal(bounces?.endLine, 22);
			assert.deepEqual(bounces?.counts, { done: 1, open: 1, active: 0, cancelled: 0, total: 2, percent: 50 });
		});

		it('counts the whole document for the stream, title heading included', () => {
			const scan = scanPlan(samplePlan);
			assert.deepEqual(scan.counts, { done: 4, open: 3, active: 1, cancelled: 1, total: 8, percent: 50 });
			assert.deepEqual(scan.headings[0].counts, scan.counts);
		});

		it('shows 0% for a phase without tasks and for an empty plan', () => {
			const launch = phasesOf(scanPlan(samplePlan))[2];
			assert.deepEqual(launch.counts, { done: 0, open: 0, active: 0, cancelled: 0, total: 0, percent: 0 });
			assert.deepEqual(scanPlan('').counts, { done: 0, open: 0, active: 0, cancelled: 0, total: 0, percent: 0 });
		});

		it('rounds the percentage down, so only a finished phase shows 100%', () => {
			const text = plan('## Phase 1 - Almost', '', ...Array.from({ length: 199 }, () => '- [x] done'), '- [ ] last');
			assert.equal(phasesOf(scanPlan(text))[0].counts.percent, 99);
		});

		it('leaves cancelled tasks out of the total, so dropping the rest completes a phase', () => {
			const counts = phasesOf(scanPlan(plan('## Phase 1 - Cut', '- [x] shipped', '- [-] dropped', '- [-] dropped too')))[0].counts;
			assert.deepEqual(counts, { done: 1, open: 0, active: 0, cancelled: 2, total: 1, percent: 100 });
		});

		it('ends a section at the next heading of the same or a higher level', () => {
			const scan = scanPlan(plan('## A', '- [ ] a', '### A.1', '- [x] b', '#### A.1.1', '- [x] c', '## B', '- [ ] d'));
			assert.deepEqual(scan.headings.map(heading => [heading.text, heading.endLine, heading.counts.total]), [
				['A', 6, 3], ['A.1', 6, 2], ['A.1.1', 6, 1], ['B', 9, 1],
			]);
		});

		it('takes heading text without the # marks or a closing sequence, and setext headings too', () => {
			const scan = scanPlan(plan('##   Phase 1 - Data ##  ', '', 'Phase 2 - Views', '---', '', '## C# and F#'));
			assert.deepEqual(scan.headings.map(heading => [heading.line, heading.level, heading.text]), [
				[0, 2, 'Phase 1 - Data'], [2, 2, 'Phase 2 - Views'], [5, 2, 'C# and F#'],
			]);
		});
	});

	describe('what a task is', () => {
		it('reads open, done, active and cancelled boxes, with either case of x', () => {
			const scan = scanPlan(plan('- [ ] open', '- [x] done', '- [X] done', '- [/] active', '- [-] cancelled'));
			assert.deepEqual(taskLines(scan), ['0:open', '1:done', '2:done', '3:active', '4:cancelled']);
		});

		it('accepts every list marker: -, *, +, 1. and 1)', () => {
			const scan = scanPlan(plan('- [ ] a', '', '* [ ] b', '', '+ [ ] c', '', '1. [ ] d', '', '1) [ ] e'));
			assert.deepEqual(taskLines(scan), ['0:open', '2:open', '4:open', '6:open', '8:open']);
		});

		it('needs a space or tab after the box', () => {
			const scan = scanPlan(plan('- [ ]no space', '- [x]', '- [ ]\ttab', '- [ ]   ', '- [ ]'));
			assert.deepEqual(taskLines(scan), ['2:open']);
		});

		it('ignores boxes with any other mark', () => {
			assert.deepEqual(taskLines(scanPlan(plan('- [y] why', '- [] empty', '- [  ] two spaces', '- [xx] double'))), []);
		});

		it('only counts a box at the start of a list item', () => {
			const scan = scanPlan(plan('[ ] bare paragraph', '', '- see [ ] inside text', '- **[ ]** bold', '- # [ ] heading'));
			assert.deepEqual(taskLines(scan), []);
		});

		it('counts tasks in nested and ordered lists, at any depth', () => {
			const scan = scanPlan(plan('1. [ ] top', '   - [x] nested', '     1) [/] deeper', '        - [-] deepest', '2. [ ] next'));
			assert.deepEqual(taskLines(scan), ['0:open', '1:done', '2:active', '3:cancelled', '4:open']);
		});

		it('reports the columns of the marker and the box, for toggling', () => {
			const [task] = scanPlan('   * [ ] indented\n').tasks;
			assert.equal(task.markerColumn, 3);
			assert.equal(task.checkboxColumn, 5);
			assert.equal(task.checkboxLine, undefined);
		});

		it('finds the box on the next line when the item starts with a bare marker', () => {
			const [task] = scanPlan(plan('-', '  [x] written below the marker')).tasks;
			assert.deepEqual([task.line, task.state, task.checkboxLine, task.checkboxColumn], [0, 'done', 1, 2]);
		});

		it('keeps a task whose next line is a thematic break, but not one underlined as a heading', () => {
			assert.deepEqual(taskLines(scanPlan(plan('- [ ] task', '---'))), ['0:open']);
			const underlined = scanPlan(plan('- [ ] heading, not task', '  ---'));
			assert.deepEqual(taskLines(underlined), []);
			assert.deepEqual(underlined.headings.map(heading => [heading.line, heading.level]), [[0, 2]]);
		});
	});

	describe('what is not a task', () => {
		it('skips fenced code of either kind, closed only by the same character at least as long', () => {
			const scan = scanPlan(plan(
				'````markdown', '- [ ] in code', '```', '~~~~', '- [ ] still in code', '````', '- [ ] after backticks',
				'~~~', '- [ ] in tildes', '```', '~~~~', '- [ ] after tildes',
			));
			assert.deepEqual(taskLines(scan), ['6:open', '11:open']);
		});

		it('runs an unclosed fence to the end of its list item or quote', () => {
			assert.deepEqual(taskLines(scanPlan(plan('- ```', '  - [ ] code', '- [ ] next item'))), ['2:open']);
			assert.deepEqual(taskLines(scanPlan(plan('> ```', '> - [ ] code', '', '- [ ] outside'))), ['3:open']);
			assert.deepEqual(taskLines(scanPlan(plan('```', '- [ ] code to the end', '## Not a heading'))), []);
		});

		it('skips indented code, with spaces or a tab', () => {
			const scan = scanPlan(plan('Notes:', '', '    - [ ] spaces', '\t- [ ] tab', '', '- [ ] real'));
			assert.deepEqual(taskLines(scan), ['5:open']);
		});

		it('skips HTML comments and other HTML blocks', () => {
			const scan = scanPlan(plan(
				'<!-- - [ ] one-line comment -->', '<!--', '- [ ] commented out', '', '## Hidden', '-->', '- [ ] after',
				'', '<details>', '- [ ] in a details block', '', '- [ ] after the block',
			));
			assert.deepEqual(taskLines(scan), ['6:open', '11:open']);
			assert.deepEqual(scan.headings, []);
		});

		it('ignores YAML front matter, even if it looks like markdown', () => {
			const scan = scanPlan(plan('---', 'title: Plan', '- [ ] not a task', '# not a heading', '---', '', '- [ ] task'));
			assert.deepEqual(taskLines(scan), ['6:open']);
			assert.deepEqual(scan.headings, []);
			const dotted = scanPlan(plan('---', 'status: wip', '...', '- [x] task'));
			assert.deepEqual(taskLines(dotted), ['3:done']);
		});

		it('reads a --- line that never closes as markdown, not front matter', () => {
			assert.deepEqual(taskLines(scanPlan(plan('---', '- [ ] task'))), ['1:open']);
		});
	});

	describe('markdown as it is written', () => {
		it('counts tasks in block quotes, including lazy continuation lines', () => {
			const scan = scanPlan(plan('> - [ ] quoted', '> - [x] wrapped', 'lazily', '>', '> > - [/] nested quote'));
			assert.deepEqual(taskLines(scan), ['0:open', '1:done', '4:active']);
		});

		it('expands tabs to 4-column stops', () => {
			const scan = scanPlan(plan('-\t[ ]\ttab after marker', '\t- [x] tab-indented sub-item', '', '*\t\t[/] two tabs: code in the item'));
			assert.deepEqual(taskLines(scan), ['0:open', '1:done']);
		});

		it('handles CRLF and lone CR line endings', () => {
			assert.deepEqual(taskLines(scanPlan('## P\r\n- [ ] a\r\n- [x] b\r\n')), ['1:open', '2:done']);
			assert.deepEqual(taskLines(scanPlan('## P\r- [ ] a\r- [x] b')), ['1:open', '2:done']);
			assert.equal(scanPlan('a\r\nb\r\n').lineCount, 3);
		});

		it('ignores a UTF-8 byte order mark', () => {
			const scan = scanPlan('\ufeff# Plan\n- [ ] first\n');
			assert.deepEqual(scan.headings.map(heading => heading.text), ['Plan']);
			assert.deepEqual(taskLines(scan), ['1:open']);
		});

		it('lets only an ordered list starting at 1 interrupt a paragraph', () => {
			assert.deepEqual(taskLines(scanPlan(plan('Steps:', '2. [ ] not a list'))), []);
			assert.deepEqual(taskLines(scanPlan(plan('Steps:', '1. [ ] a list'))), ['1:open']);
			assert.deepEqual(taskLines(scanPlan(plan('Steps:', '-', '  [ ] empty item cannot interrupt'))), []);
		});
	});

	describe('robustness', () => {
		it('never throws, whatever it is given', () => {
			let junk = '';
			for (let i = 0; i < 20_000; i++) {
				junk += String.fromCharCode((i * 7919) % 0x2100);
			}
			assert.doesNotThrow(() => scanPlan(junk));
			assert.doesNotThrow(() => scanPlan('- [ ] ' + 'x'.repeat(2_000_000)));
			assert.doesNotThrow(() => scanPlan('> '.repeat(50_000) + '- [ ] deep'));
			assert.doesNotThrow(() => scanPlan(null as unknown as string));
			assert.equal(scanPlan(undefined as unknown as string).tasks.length, 0);
		});

		it('counts lines as an editor does', () => {
			assert.equal(scanPlan('').lineCount, 1);
			assert.equal(scanPlan('a').lineCount, 1);
			assert.equal(scanPlan('a\n').lineCount, 2);
			assert.equal(scanPlan(samplePlan).lineCount, 26);
		});
	});
});
