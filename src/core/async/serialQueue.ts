// Runs asynchronous work one piece at a time, in the order it was asked for, so two changes to the same thing
// (the index's reads, two creations of one stream) never interleave. A failed piece does not stop the next one.

export class SerialQueue {
	private tail: Promise<unknown> = Promise.resolve();

	run<T>(work: () => Promise<T>): Promise<T> {
		const next = this.tail.then(work, work);
		this.tail = next.catch(() => undefined);
		return next;
	}
}
