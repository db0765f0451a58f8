// The files a health check read, kept for the next check of the same stream: typing in a PLAN.md re-checks its
// stream after every burst, and the other documents have not changed on disk in between, so reading them again
// (a round trip to the workbench per file in VS Code) is wasted. The host forgets a path when its watcher says the
// file changed, was created or deleted, and everything when it cannot know (settings, folders). Open buffers are
// never cached: the reader asks for them first, every time.

/** File texts and modification times by path relative to the workspace folder. */
export class HealthDocumentCache {
	private readonly texts = new Map<string, Promise<string | undefined>>();
	private readonly times = new Map<string, Promise<number | undefined>>();

	/** The cached text of `path`, read with `read` the first time (a failed read is cached as missing, like the file). */
	text(path: string, read: () => Promise<string | undefined>): Promise<string | undefined> {
		return remembered(this.texts, path, read);
	}

	/** The cached modification time of `path`, asked with `stat` the first time. */
	modifiedTime(path: string, stat: () => Promise<number | undefined>): Promise<number | undefined> {
		return remembered(this.times, path, stat);
	}

	/** The file at `path` changed on disk (or came or went): read it again next time. */
	forget(path: string): void {
		this.texts.delete(path);
		this.times.delete(path);
	}

	clear(): void {
		this.texts.clear();
		this.times.clear();
	}
}

function remembered<T>(cache: Map<string, Promise<T>>, path: string, load: () => Promise<T>): Promise<T> {
	let value = cache.get(path);
	if (value === undefined) {
		value = load();
		cache.set(path, value);
	}
	return value;
}
