import * as assert from 'node:assert/strict';
import { forEachConcurrently } from '../../src/core/async/concurrency';
import { Delayer } from '../../src/core/async/delayer';
import { SerialQueue } from '../../src/core/async/serialQueue';

/** A promise with its resolve function, to let a test decide when work finishes. */
function gate(): { promise: Promise<void>; open: () => void } {
	let open!: () => void;
	const promise = new Promise<void>(resolve => { open = resolve; });
	return { promise, open };
}

describe('the lifecycle helpers', () => {
	it('runs a burst of triggers once, with the latest task', async () => {
		const delayer = new Delayer(5);
		const ran: string[] = [];
		const done = gate();
		delayer.trigger(() => ran.push('first'));
		delayer.trigger(() => ran.push('second'));
		delayer.trigger(() => { ran.push('third'); done.open(); });
		await done.promise;
		assert.deepEqual(ran, ['third']);
		assert.equal(delayer.isTriggered, false);
	});

	it('runs a pending task at once when flushed, and a cancelled one never', () => {
		const delayer = new Delayer(60_000);
		const ran: string[] = [];
		delayer.trigger(() => ran.push('flushed'));
		delayer.flush();
		delayer.trigger(() => ran.push('cancelled'));
		delayer.dispose();
		delayer.flush();
		assert.deepEqual(ran, ['flushed']);
	});

	it('runs queued work one piece at a time in order, and goes on after a failure', async () => {
		const queue = new SerialQueue();
		const events: string[] = [];
		const first = gate();
		const a = queue.run(async () => { events.push('a starts'); await first.promise; events.push('a ends'); });
		const b = queue.run(async () => { events.push('b starts'); throw new Error('b fails'); });
		const c = queue.run(async () => { events.push('c runs'); return 3; });
		await Promise.resolve();
		assert.deepEqual(events, ['a starts'], 'b waits for a');
		first.open();
		await a;
		await assert.rejects(b, /b fails/);
		assert.equal(await c, 3);
		assert.deepEqual(events, ['a starts', 'a ends', 'b starts', 'c runs']);
	});

	it('keeps at most the limit of pieces in flight, and does every piece', async () => {
		let inFlight = 0;
		let most = 0;
		const seen: number[] = [];
		await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async item => {
			inFlight++;
			most = Math.max(most, inFlight);
			await new Promise(resolve => setImmediate(resolve));
			seen.push(item);
			inFlight--;
		});
		assert.equal(most, 3);
		assert.deepEqual(seen.sort(), [1, 2, 3, 4, 5, 6, 7]);
	});
});
