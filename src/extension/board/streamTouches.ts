// When each stream was last touched: the newest modification time of its documents, read with
// `vscode.workspace.fs.stat` (so it works in the web worker too) and kept until the stream changes. The
// board's overview counts the streams nobody touched for `streams.staleDays` days from these.

import * as vscode from 'vscode';
import { Stream, streamKey } from '../../core';
import { WorkspaceStreams } from '../workspace/workspaceStreams';

/** Streams whose documents are stat-ed at once: a workspace of thousands is not asked for all in one go. */
const STAT_CONCURRENCY = 16;

export class StreamTouches {
	private readonly touched = new Map<string, number | undefined>();

	constructor(private readonly streams: WorkspaceStreams) { }

	/** The newest mtime (ms) of a stream's documents, if known. */
	known(stream: Stream): number | undefined {
		return this.touched.get(streamKey(stream));
	}

	/** Forgets what was read for these streams (they changed, or went). */
	forget(keys: Iterable<string>): void {
		for (const key of keys) {
			this.touched.delete(key);
		}
	}

	/** Reads the mtimes of the streams not yet known; resolves to the keys whose time changed. */
	async read(streams: readonly Stream[]): Promise<string[]> {
		const queue = streams.filter(stream => !this.touched.has(streamKey(stream)));
		const changed: string[] = [];
		const worker = async () => {
			for (let stream = queue.shift(); stream !== undefined; stream = queue.shift()) {
				const key = streamKey(stream);
				const time = await this.newestMtime(stream);
				if (this.touched.get(key) !== time || !this.touched.has(key)) {
					changed.push(key);
				}
				this.touched.set(key, time);
			}
		};
		await Promise.all(Array.from({ length: Math.min(STAT_CONCURRENCY, queue.length) }, worker));
		return changed;
	}

	private async newestMtime(stream: Stream): Promise<number | undefined> {
		const times = await Promise.all(stream.documents.map(document =>
			Promise.resolve(vscode.workspace.fs.stat(this.streams.uriOf(stream, document))).then(stat => stat.mtime, () => undefined)));
		const known = times.filter((time): time is number => time !== undefined);
		return known.length > 0 ? Math.max(...known) : undefined;
	}
}
