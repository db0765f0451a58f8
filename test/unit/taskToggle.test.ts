import * as assert from 'node:assert/strict';
import { applyReplacements, splitLines, ToggleRefusal, toggleLines, toggleTaskEdits, toggleTaskOutcome } from '../../src/core/tasks/taskToggle';

/** Toggles the given lines of `text` and returns the text after, line endings as they were. */
function toggled(text: string, lines: number[], rollUp = false): string {
	const edits = toggleTaskEdits(text, lines, { rollUp });
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	return applyReplacements(splitLines(text), edits).join(eol);
}

describe('toggling tasks', () => {
	const table: [string, string, string][] = [
		['an open task is checked', '- [ ] write tests', '- [x] write tests'],
		['a done task is unchecked', '- [x] write tests', '- [ ] write tests'],
		['an upper-case done task is unchecked', '- [X] write tests', '- [ ] write tests'],
		['an active task is checked', '- [/] write tests', '- [x] write tests'],
		['a cancelled task is reopened', '- [-] write tests', '- [ ] write tests'],
		['a list item without a checkbox becomes an open task', '- write tests', '- [ ] write tests'],
		['a plain line becomes a task', 'write tests', '- [ ] write tests'],
		['a plain line keeps its indentation', '- parent\n    write tests', '- parent\n    - [ ] write tests'],
		['a numbered item is toggled', '12. [ ] write tests', '12. [x] write tests'],
		['a numbered item with a parenthesis gets a checkbox', '3) write tests', '3) [ ] write tests'],
		['star and plus markers are list items', '* [ ] a', '* [x] a'],
		['a nested item keeps its indentation', '- parent\n    + [x] nested', '- parent\n    + [ ] nested'],
		['a tab-indented item is toggled', '- parent\n\t- child\n\t\t- [ ] deep', '- parent\n\t- child\n\t\t- [x] deep'],
		['a tab after the marker is kept', '-\t[ ] tabbed', '-\t[x] tabbed'],
		['a tab-indented item without checkbox gets one after the marker', '- parent\n\t-\tthing', '- parent\n\t-\t[ ] thing'],
		['a task in a block quote is toggled', '> - [ ] quoted', '> - [x] quoted'],
		['a plain line in a block quote becomes a task inside the quote', '> quoted', '> - [ ] quoted'],
		['an empty list item becomes an empty task', '-', '- [ ] '],
		['brackets holding another character are not a checkbox', '- [?] unsure', '- [ ] [?] unsure'],
		['a checkbox at the end of the line is toggled', '- [ ]', '- [x]'],
		['only the checkbox character changes, text with brackets stays', '- [ ] see [x] here', '- [x] see [x] here'],
	];
	for (const [behaviour, before, after] of table) {
		// The line toggled is the last: the lines before it give it the list it sits in (four columns of
		// indentation with no list around them make indented code, where markdown reads no task).
		it(behaviour, () => assert.equal(toggled(before, [splitLines(before).length - 1]), after));
	}

	it('leaves blank lines and headings alone', () => {
		assert.deepEqual(toggleLines(['', '   ', '## Phase 1', '#Not a heading'], [0, 1, 2, 3]).map(change => change.line), [3]);
	});

	it('replaces one character per toggled checkbox and inserts without replacing otherwise', () => {
		const changes = toggleLines(['- [ ] a', '- b', 'c'], [0, 1, 2]);
		assert.deepEqual(changes.map(change => change.replacement), [
			{ line: 0, startColumn: 3, endColumn: 4, text: 'x' },
			{ line: 1, startColumn: 2, endColumn: 2, text: '[ ] ' },
			{ line: 2, startColumn: 0, endColumn: 0, text: '- [ ] ' },
		]);
		assert.deepEqual(changes.map(change => change.state), ['done', 'open', 'open']);
	});

	it('toggles each selected line once, whatever the order or duplicates of the cursors', () => {
		const text = '- [ ] one\n- [x] two\n- [ ] three';
		assert.equal(toggled(text, [2, 0, 2, 1, 0]), '- [x] one\n- [ ] two\n- [x] three');
		assert.equal(toggleTaskEdits(text, [2, 0, 2], { rollUp: false }).length, 2);
	});

	it('ignores lines out of range', () => {
		assert.deepEqual(toggleTaskEdits('- [ ] a', [-1, 5], { rollUp: false }), []);
	});

	it('keeps CRLF line endings and columns exact', () => {
		const text = '# Plan\r\n- [ ] one\r\n  - [X] two\r\nthree\r\n';
		assert.equal(toggled(text, [1, 2, 3]), '# Plan\r\n- [x] one\r\n  - [ ] two\r\n- [ ] three\r\n');
		for (const edit of toggleTaskEdits(text, [1, 2, 3], { rollUp: false })) {
			assert.ok(!edit.text.includes('\r') && edit.endColumn <= splitLines(text)[edit.line].length);
		}
	});

	it('toggles a mixed numbered and nested list line by line', () => {
		const text = [
			'1. [ ] first',
			'   - [x] nested done',
			'   - nested plain item',
			'2. [/] second',
			'\t- [-] dropped',
		].join('\n');
		assert.equal(toggled(text, [0, 1, 2, 3, 4]), [
			'1. [x] first',
			'   - [ ] nested done',
			'   - [ ] nested plain item',
			'2. [x] second',
			'\t- [ ] dropped',
		].join('\n'));
	});
});

describe('toggling the tasks markdown finds', () => {
	const table: [string, string, number, string][] = [
		['a task in a list item of a numbered list', '1. - [x] inner', 0, '1. - [ ] inner'],
		['a task in a list item of a list item', '- - [ ] a', 0, '- - [x] a'],
		['a task in a quote inside a list item', '- > - [x] a', 0, '- > - [ ] a'],
		['a checkbox on the line after its bullet, from the bullet line', '-\n  [ ] a', 0, '-\n  [x] a'],
		['a checkbox on the line after its bullet, from its own line', '-\n  [ ] a', 1, '-\n  [x] a'],
	];
	for (const [behaviour, before, line, after] of table) {
		it(`toggles ${behaviour}`, () => assert.equal(toggled(before, [line]), after));
	}
});

describe('toggling where markdown has no tasks', () => {
	const table: [string, string, number, ToggleRefusal][] = [
		['inside a fenced code block', '# Plan\n\n```md\n- [ ] sample\nsample text\n```\n', 3, 'code'],
		['on a plain line of a fenced code block', '# Plan\n\n```md\n- [ ] sample\nsample text\n```\n', 4, 'code'],
		['inside an HTML comment', '<!--\n- [ ] hidden\n-->\n', 1, 'comment'],
		['inside front matter', '---\ntitle: Plan\n---\n- [ ] a\n', 1, 'front-matter'],
		['in a table row', '| Task | Done |\n| --- | --- |\n| - [ ] a | no |\n', 2, 'table'],
		['in an indented code block', '# Plan\n\n    - [ ] sample\n', 2, 'code'],
		['inside a fence in a list item', '- step\n\n  ```\n  - [ ] sample\n  ```\n', 3, 'code'],
	];
	for (const [behaviour, text, line, reason] of table) {
		it(`changes nothing ${behaviour}, and says why`, () => {
			const outcome = toggleTaskOutcome(text, [line], { rollUp: false });
			assert.deepEqual(outcome, { replacements: [], refused: [{ line, reason }] });
		});
	}
});
