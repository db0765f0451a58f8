// Toggle Task and its roll-up with a layout's checkbox meanings (DESIGN.md §8): in Kiro's tasks.md `[-]` is a
// task in progress and `[ ]*` an optional one.

import * as assert from 'node:assert/strict';
import { applyReplacements, splitLines, toggleTaskEdits } from '../../src/core/tasks/taskToggle';
import { KIRO_TASKS } from '../../src/core/tasks/taskVocabulary';

function toggled(text: string, lines: number[], rollUp = false): string {
	const edits = toggleTaskEdits(text, lines, { rollUp, vocabulary: KIRO_TASKS });
	return applyReplacements(splitLines(text), edits).join('\n');
}

describe('Toggle Task in a Kiro tasks.md', () => {
	it('finishes a task in progress ([-] → [x]) instead of reopening it as a cancelled one', () => {
		assert.equal(toggled('- [-] 2. Build the storage helpers', [0]), '- [x] 2. Build the storage helpers');
	});

	it('toggles an optional task and keeps its * marker', () => {
		assert.equal(toggled('  - [ ]* 2.3 Write property tests', [0]), '  - [x]* 2.3 Write property tests');
		assert.equal(toggled('  - [x]* 2.3 Write property tests', [0]), '  - [ ]* 2.3 Write property tests');
	});

	it('checks the parent when its last required sub-task is done, however many optional ones stay open', () => {
		const plan = '- [-] 2. Build the storage helpers\n  - [x] 2.1 Folder helper\n  - [ ] 2.2 Name generator\n  - [ ]* 2.3 Property tests';
		assert.equal(toggled(plan, [2], true),
			'- [x] 2. Build the storage helpers\n  - [x] 2.1 Folder helper\n  - [x] 2.2 Name generator\n  - [ ]* 2.3 Property tests');
	});

	it('leaves our own meanings alone elsewhere: [-] is cancelled and reopens', () => {
		const edits = toggleTaskEdits('- [-] dropped', [0], { rollUp: false });
		assert.equal(applyReplacements(['- [-] dropped'], edits)[0], '- [ ] dropped');
	});
});
