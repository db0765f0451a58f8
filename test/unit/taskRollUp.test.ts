import * as assert from 'node:assert/strict';
import { scanPlan } from '../../src/core/markdown/planScanner';
import { blockIndent, taskTree } from '../../src/core/tasks/taskRollUp';
import { applyReplacements, splitLines, toggleTaskEdits } from '../../src/core/tasks/taskToggle';

function toggled(lines: string[], selected: number[], rollUp: boolean): string[] {
	return applyReplacements(lines, toggleTaskEdits(lines.join('\n'), selected, { rollUp }));
}

describe('task parents and children', () => {
	it('finds parents by indentation, across numbered, tab-indented and quoted lists', () => {
		const lines = [
			'# Plan',             // 0
			'- [ ] A',            // 1
			'  - [ ] A1',         // 2
			'    - [ ] A1a',      // 3
			'  - [x] A2',         // 4
			'1. [ ] B',           // 5
			'   1. [ ] B1',       // 6
			'- [ ] C',            // 7
			'\t- [ ] C1',         // 8
			'> - [ ] D',          // 9
			'>   - [ ] D1',       // 10
		];
		const tree = taskTree(lines, scanPlan(lines.join('\n')));
		const parents = [...tree.values()].map(node => [node.task.line, node.parent ?? null]);
		assert.deepEqual(parents, [[1, null], [2, 1], [3, 2], [4, 1], [5, null], [6, 5], [7, null], [8, 7], [9, null], [10, 9]]);
		assert.deepEqual(tree.get(1)?.children, [2, 4]);
	});

	it('gives no task parent across a plain item, a paragraph or a heading', () => {
		const lines = [
			'- [ ] A',            // 0
			'  - plain item',     // 1
			'    - [ ] under plain', // 2
			'- [ ] B',            // 3
			'## Next',            // 4
			'  - [ ] after heading', // 5
		];
		const tree = taskTree(lines, scanPlan(lines.join('\n')));
		assert.equal(tree.get(2)?.parent, undefined);
		assert.equal(tree.get(5)?.parent, undefined);
	});

	it('measures indentation with tabs to the next multiple of four and block-quote marks as columns', () => {
		assert.equal(blockIndent('\t- a'), 4);
		assert.equal(blockIndent('  \t- a'), 4);
		assert.equal(blockIndent('> > - a'), 4);
		assert.equal(blockIndent('   '), -1);
	});
});

describe('roll-up', () => {
	const plan = [
		'## Phase',           // 0
		'- [ ] Parent',       // 1
		'  - [x] one',        // 2
		'  - [-] dropped',    // 3
		'  - [ ] two',        // 4
		'    - [ ] two a',    // 5
		'- [ ] Other',        // 6
	];

	it('is off unless asked for: only the toggled line changes', () => {
		assert.deepEqual(toggled(plan, [5], false), [...plan.slice(0, 5), '    - [x] two a', plan[6]]);
	});

	it('checking the last open child checks the parent, and on upwards', () => {
		const after = toggled(plan, [5], true);
		assert.equal(after[5], '    - [x] two a');
		assert.equal(after[4], '  - [x] two', 'two had one child: now all its children are done');
		assert.equal(after[1], '- [x] Parent', 'one done, dropped cancelled, two done: Parent is done');
		assert.equal(after[6], '- [ ] Other', 'a sibling of the parent is left alone');
	});

	it('does not check a parent while another child is still open', () => {
		const lines = ['- [ ] Parent', '  - [ ] a', '  - [ ] b'];
		assert.deepEqual(toggled(lines, [1], true), ['- [ ] Parent', '  - [x] a', '  - [ ] b']);
	});

	it('checks an active parent too', () => {
		const lines = ['- [/] Parent', '  - [x] a', '  - [ ] b'];
		assert.deepEqual(toggled(lines, [2], true), ['- [x] Parent', '  - [x] a', '  - [x] b']);
	});

	it('unchecking a child unchecks a checked parent, and on upwards', () => {
		const lines = ['- [x] Top', '  - [X] Middle', '    - [x] leaf', '  - [x] other'];
		assert.deepEqual(toggled(lines, [2], true), ['- [ ] Top', '  - [ ] Middle', '    - [ ] leaf', '  - [x] other']);
	});

	it('a new task under a checked parent unchecks it', () => {
		const lines = ['- [x] Parent', '  - [x] a', '  new idea'];
		assert.deepEqual(toggled(lines, [2], true), ['- [ ] Parent', '  - [x] a', '  - [ ] new idea']);
	});

	it('leaves a cancelled parent as it is and stops there', () => {
		const lines = ['- [ ] Top', '  - [-] Cancelled', '    - [ ] leaf'];
		assert.deepEqual(toggled(lines, [2], true), ['- [ ] Top', '  - [-] Cancelled', '    - [x] leaf']);
	});

	it('never overrides a line the user toggled in the same command', () => {
		const lines = ['- [x] Parent', '  - [x] a', '  - [x] b'];
		// Both selected: the parent is unchecked by the user, the child too; nothing flips back.
		assert.deepEqual(toggled(lines, [0, 1], true), ['- [ ] Parent', '  - [ ] a', '  - [x] b']);
	});

	it('checks the parent once when several children are checked by several cursors', () => {
		const lines = ['- [ ] Parent', '  - [ ] a', '  - [ ] b'];
		const edits = toggleTaskEdits(lines.join('\n'), [1, 2], { rollUp: true });
		assert.deepEqual(edits.map(edit => edit.line), [0, 1, 2]);
		assert.deepEqual(applyReplacements(lines, edits), ['- [x] Parent', '  - [x] a', '  - [x] b']);
	});

	it('rolls up in CRLF documents and in numbered, tab-indented lists', () => {
		const text = '1. [ ] Parent\r\n\t- [ ] only child\r\n';
		const edits = toggleTaskEdits(text, [1], { rollUp: true });
		assert.equal(applyReplacements(splitLines(text), edits).join('\r\n'), '1. [x] Parent\r\n\t- [x] only child\r\n');
	});
});

describe('roll-up into a parent whose checkbox stands on the line after its marker', () => {
	it('flips the checkbox where it is written', () => {
		const lines = ['-', '  [ ] Parent', '  - [ ] only child'];
		assert.deepEqual(toggled(lines, [2], true), ['-', '  [x] Parent', '  - [x] only child']);
	});

	it('takes that task as the parent of items indented under its checkbox line', () => {
		const lines = ['-', '  [ ] Parent', '    - [ ] only child'];
		assert.deepEqual(toggled(lines, [2], true), ['-', '  [x] Parent', '    - [x] only child']);
	});
});
