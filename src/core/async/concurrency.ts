// Bounded concurrency: at most `limit` pieces of work in flight over a list, so reading thousands of files
// neither runs them one by one nor opens them all at once.

export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			await work(items[next++]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
}
