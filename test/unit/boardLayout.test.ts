// What the Streams board shows, decided without VS Code: its columns, a card's column, which streams
// are stale, the overview's figures, which cards may move, and which webview messages are requests at all.

import * as assert from 'node:assert/strict';
import { boardColumns, boardOverview, columnOf, isStale, makeCounts, statusEditRefusal } from '../../src/core';
import { parseBoardRequest } from '../../src/extension/board/boardMessages';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 2, 1);

describe('board layout', () => {
	it('has a column per status in workflow order, and Unset last only while a stream has no status', () => {
		assert.deepEqual(boardColumns([{ status: 'blocked' }, { status: 'ready' }]), ['ready', 'in-progress', 'blocked', 'paused', 'complete']);
		assert.deepEqual(boardColumns([{ status: 'ready' }, { status: undefined }]), ['ready', 'in-progress', 'blocked', 'paused', 'complete', 'unset']);
		assert.equal(columnOf({ status: undefined }), 'unset');
		assert.equal(columnOf({ status: 'paused' }), 'paused');
	});

	it('counts a stream as stale once nobody touched it for the set number of days', () => {
		assert.equal(isStale(NOW - 14 * DAY, NOW, 14), true);
		assert.equal(isStale(NOW - 14 * DAY + 1, NOW, 14), false);
		assert.equal(isStale(undefined, NOW, 14), false, 'unknown times are not guessed at');
	});

	it('sums the overview: streams per column, tasks done of all, blocked, and stale streams that are not complete', () => {
		const overview = boardOverview([
			{ key: 'a', stream: { status: 'in-progress', progress: makeCounts(4, 8, 0, 0) }, lastTouched: NOW - DAY },
			{ key: 'b', stream: { status: 'blocked', progress: makeCounts(1, 4, 0, 0) }, lastTouched: NOW - 30 * DAY },
			{ key: 'c', stream: { status: 'complete', progress: makeCounts(6, 0, 0, 0) }, lastTouched: NOW - 300 * DAY },
			{ key: 'd', stream: { status: 'blocked', progress: makeCounts(0, 0, 0, 0) }, lastTouched: undefined },
		], NOW, 14);
		assert.deepEqual(overview.perColumn, [
			{ column: 'ready', count: 0 }, { column: 'in-progress', count: 1 }, { column: 'blocked', count: 2 },
			{ column: 'paused', count: 0 }, { column: 'complete', count: 1 },
		]);
		assert.deepEqual([overview.tasksDone, overview.tasksTotal, overview.blocked], [11, 23, 2]);
		assert.deepEqual(overview.stale, ['b'], 'a complete stream is never stale');
	});

	it('keeps the cards of layouts without a status field where they are, and moves every other', () => {
		assert.equal(statusEditRefusal({ layout: 'streams' }), undefined);
		assert.equal(statusEditRefusal({ layout: 'openspec' }), undefined, 'OpenSpec gets a status field inserted');
		assert.equal(statusEditRefusal({ layout: 'kiro' }), 'status-follows-progress');
		assert.equal(statusEditRefusal({ layout: 'speckit' }), 'status-follows-progress');
	});
});

describe('board messages from the webview', () => {
	it('accepts the three requests as they are sent', () => {
		assert.deepEqual(parseBoardRequest({ type: 'ready' }), { type: 'ready' });
		assert.deepEqual(parseBoardRequest({ type: 'move', key: 'file:///w\u0000s/a', column: 'blocked' }), { type: 'move', key: 'file:///w\u0000s/a', column: 'blocked' });
		assert.deepEqual(parseBoardRequest({ type: 'open', key: 'k' }), { type: 'open', key: 'k' });
	});

	it('refuses anything else: unknown types and statuses, missing, extra and mistyped fields, non-objects', () => {
		const forged: unknown[] = [
			undefined, null, 'ready', 42, [], ['move'],
			{ type: 'Ready' }, { type: 'ready', extra: 1 }, { type: 'exec', command: 'x' },
			{ type: 'move', key: 'k', column: 'unset' }, { type: 'move', key: 'k', column: 'done' }, { type: 'move', key: 'k', column: 'toString' },
			{ type: 'move', key: 'k' }, { type: 'move', column: 'ready' }, { type: 'move', key: 7, column: 'ready' }, { type: 'move', key: '', column: 'ready' },
			{ type: 'move', key: 'k'.repeat(5000), column: 'ready' }, { type: 'move', key: 'k', column: 'ready', then: 'x' },
			{ type: 'open' }, { type: 'open', key: { id: 'a' } },
		];
		for (const message of forged) {
			assert.equal(parseBoardRequest(message), undefined, JSON.stringify(message));
		}
	});
});
