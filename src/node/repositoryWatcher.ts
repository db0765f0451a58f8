// Keeps a long-running process's model (the MCP server's) in step with the disk: one watcher per stream root
// and one per stream folder, each change re-reading only the file it names. Writes never depend on this (they
// re-read under the lock); it keeps list and show current when people or other agents edit the files.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChange } from '../core';
import { NodeRepository } from './nodeRepository';

/** Changes arriving together are applied together, a moment after the burst. */
const SETTLE_MS = 5;

export class RepositoryWatcher {
	private readonly watchers = new Map<string, fs.FSWatcher>();
	private pending: FileChange[] = [];
	private timer: NodeJS.Timeout | undefined;
	private settled: Promise<void> = Promise.resolve();

	constructor(private readonly repository: NodeRepository) {
		for (const root of repository.roots) {
			this.watch(root);
		}
		this.watchStreams();
		repository.index.onDidChange(() => this.watchStreams());
	}

	/** Resolves once every change seen so far has reached the model. */
	async flush(): Promise<void> {
		if (this.timer) {
			clearTimeout(this.timer);
			this.timer = undefined;
			this.apply();
		}
		await this.settled;
	}

	dispose(): void {
		clearTimeout(this.timer);
		for (const watcher of this.watchers.values()) {
			watcher.close();
		}
		this.watchers.clear();
	}

	private watchStreams(): void {
		for (const stream of this.repository.index.all) {
			this.watch(stream.id);
		}
	}

	private watch(folder: string): void {
		if (this.watchers.has(folder)) {
			return;
		}
		try {
			const watcher = fs.watch(path.join(this.repository.folder, ...folder.split('/')), { persistent: false }, (_event, name) => {
				this.changed(name ? `${folder}/${name.toString()}` : folder);
			});
			watcher.on('error', () => {
				watcher.close();
				this.watchers.delete(folder);
			});
			this.watchers.set(folder, watcher);
		} catch {
			// Gone, or out of watches: the model of that folder is refreshed when it is written through us.
		}
	}

	private changed(file: string): void {
		const name = path.posix.basename(file);
		if (name.startsWith('.')) {
			return; // our lock and temporary files
		}
		this.pending.push({ path: file, kind: 'changed' });
		this.timer ??= setTimeout(() => {
			this.timer = undefined;
			this.apply();
		}, SETTLE_MS);
	}

	private apply(): void {
		const changes = this.pending;
		this.pending = [];
		if (changes.length > 0) {
			// 'changed' for a file that is gone, or a folder that appeared, is read as what it now is.
			this.settled = this.settled.then(() => this.repository.refresh(changes.map(change => ({
				path: change.path,
				kind: fs.existsSync(path.join(this.repository.folder, ...change.path.split('/'))) ? 'changed' : 'deleted',
			}))));
		}
	}
}
