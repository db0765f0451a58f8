// The editor's cheaper first look for template leftovers: following a buffer's edits, it must answer exactly
// as a look at the whole text would, whatever the edits make or break, and look at the whole text whenever it
// cannot be sure it saw every edit.

import * as assert from 'node:assert/strict';
import { BufferEdit, LeftoverScreen } from '../../src/core';
import { mayHoldLeftover } from '../../src/core/health/rules/templateLeftovers';
import { Random } from '../support/random';

/** Applies one edit to a text, as an editor would. */
function apply(text: string, offset: number, removedLength: number, inserted: string): { text: string; edit: BufferEdit } {
	return {
		text: text.slice(0, offset) + inserted + text.slice(offset + removedLength),
		edit: { offset, removedLength, insertedLength: inserted.length },
	};
}

describe('LeftoverScreen', () => {
	it('answers as a look at the whole text would, over thousands of random edits that make and break leftover words', () => {
		const random = new Random(2026);
		// Pieces of the words, so edits complete, split and join them; and the plain text around them.
		const wordPieces = ['[feature name]', '[feature name', ']', 'yyyy-mm-d', 'd', '[Feature', ' Name]', 'yyyy-mm-dd', 'YYYY-', 'MM-DD', '{', '{{', '}}', 'e]', '-dd'];
		// Plain text more often, long runs too, so an edit moves the stretch changed before it well beyond a word's length.
		const plainPieces = ['x', '- [ ] task\n', ' ', '\n', 'plain '.repeat(12)];
		const piece = () => random.pick(random.chance(0.3) ? wordPieces : plainPieces);
		const screen = new LeftoverScreen();
		let agreements = 0;
		let cleanAnswers = 0;
		for (let round = 0; round < 40; round++) {
			const key = `plan-${round}`;
			let text = '# Plan\n\n' + '- [ ] a task\n'.repeat(random.int(0, 30));
			let version = 1;
			for (let step = 0; step < 150; step++) {
				if (random.chance(0.3)) {
					const answer = screen.mayHoldLeftover(key, version, text);
					assert.equal(answer, mayHoldLeftover(text), `round ${round}, step ${step}: ${JSON.stringify(text)}`);
					agreements++;
					cleanAnswers += answer ? 0 : 1;
				}
				const offset = random.int(0, text.length);
				const removed = random.chance(0.4) ? random.int(0, Math.min(random.pick([16, 80]), text.length - offset)) : 0;
				let inserted = '';
				for (let count = random.chance(0.8) ? random.int(1, 3) : 0; count > 0; count--) {
					inserted += piece();
				}
				const next = apply(text, offset, removed, inserted);
				text = next.text;
				version++;
				screen.edited(key, version, [next.edit]);
			}
		}
		assert.ok(agreements > 1000 && cleanAnswers > 100, `${agreements} answers, ${cleanAnswers} of them clean`);
	});

	it('finds a word an edit completes by its last character or its first, a whole word\'s length from the edit', () => {
		const filler = '- [ ] a task\n'.repeat(50);
		const cases = [
			{ before: `${filler}[feature name${filler}`, at: filler.length + '[feature name'.length, typed: ']' },
			{ before: `${filler}feature name]${filler}`, at: filler.length, typed: '[' },
			{ before: `yyyy-mm-d${filler}`, at: 'yyyy-mm-d'.length, typed: 'd' },
			{ before: `${filler}yyy-mm-dd`, at: filler.length, typed: 'Y' },
		];
		for (const { before, at, typed } of cases) {
			const screen = new LeftoverScreen();
			assert.equal(screen.mayHoldLeftover('plan', 1, before), false, before);
			const { text, edit } = apply(before, at, 0, typed);
			screen.edited('plan', 2, [edit]);
			assert.equal(screen.mayHoldLeftover('plan', 2, text), true, `typing ${typed}`);
		}
	});

	it('finds a word a deletion joins', () => {
		const screen = new LeftoverScreen();
		const before = `${'- [ ] a task\n'.repeat(200)}yyyy-mm-XXdd\n${'- [ ] a task\n'.repeat(200)}`;
		assert.equal(screen.mayHoldLeftover('plan', 7, before), false);
		const { text, edit } = apply(before, before.indexOf('XX'), 2, '');
		screen.edited('plan', 8, [edit]);
		assert.equal(screen.mayHoldLeftover('plan', 8, text), true);
	});

	it('looks at the whole text after an edit it did not see, several changes at once, or a buffer forgotten', () => {
		const screen = new LeftoverScreen();
		const clean = '- [ ] a task\n'.repeat(100);
		// A leftover far from the one edit the screen is told of: only a whole look finds it.
		const held = `{{${clean.slice(2)}`;
		const check = (setUp: () => void, version: number) => {
			assert.equal(screen.mayHoldLeftover('plan', 1, clean), false);
			setUp();
			assert.equal(screen.mayHoldLeftover('plan', version, held), true);
		};
		check(() => screen.edited('plan', 3, [{ offset: 500, removedLength: 0, insertedLength: 0 }]), 3);
		check(() => screen.edited('plan', 2, [{ offset: 500, removedLength: 0, insertedLength: 0 }, { offset: 600, removedLength: 0, insertedLength: 0 }]), 2);
		check(() => screen.forget('plan'), 1);
		check(() => screen.edited('plan', 2, [{ offset: 500, removedLength: 0, insertedLength: 0 }]), 5);
	});

	it('keeps following through an event that only changed the dirty state', () => {
		const screen = new LeftoverScreen();
		const text = '- [ ] a task\n'.repeat(100);
		assert.equal(screen.mayHoldLeftover('plan', 4, text), false);
		screen.edited('plan', 4, []);
		const { text: typed, edit } = apply(text, 13, 0, '{{');
		screen.edited('plan', 5, [edit]);
		assert.equal(screen.mayHoldLeftover('plan', 5, typed), true);
	});
});
