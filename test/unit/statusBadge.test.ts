// The badge a stream folder shows in the Explorer and the tree, and the tooltip that explains it.

import * as assert from 'node:assert/strict';
import { badgeTooltip, progressBadge, STATUS_BADGES, statusBadge } from '../../src/core/header/statusBadge';
import { makeCounts, STATUS_ORDER } from '../../src/core/model/stream';

describe('statusBadge', () => {
	it('gives every status, unset included, its own badge of at most two characters', () => {
		const badges = [...STATUS_ORDER.map(status => statusBadge(status)), statusBadge(undefined)];
		assert.deepEqual(badges, ['R', 'IP', 'B', 'P', 'C', '?']);
		assert.equal(new Set(badges).size, badges.length, 'distinct');
		assert.ok(Object.values(STATUS_BADGES).every(badge => badge.length >= 1 && badge.length <= 2));
	});

	it('shows a plan\'s percentage in two characters, and a check mark only when every task is done', () => {
		assert.equal(progressBadge(makeCounts(0, 0, 0, 0)), '0');
		assert.equal(progressBadge(makeCounts(3, 9, 0, 0)), '25');
		assert.equal(progressBadge(makeCounts(199, 1, 0, 0)), '99');
		assert.equal(progressBadge(makeCounts(4, 0, 0, 2)), '✓');
		for (let done = 0; done <= 200; done++) {
			assert.ok(progressBadge(makeCounts(done, 200 - done, 0, 0)).length <= 2);
		}
	});

	it('spells out status and progress in the tooltip', () => {
		assert.equal(badgeTooltip('Stream: In Progress', makeCounts(3, 8, 1, 0), 'no tasks'), 'Stream: In Progress · 3/12 (25%)');
		assert.equal(badgeTooltip('Stream: Ready', makeCounts(0, 0, 0, 0), 'no tasks'), 'Stream: Ready · no tasks');
		assert.equal(badgeTooltip('Stream: Ready', makeCounts(0, 0, 0, 0), ''), 'Stream: Ready');
	});
});
