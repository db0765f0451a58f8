// A lock that our processes (the CLI, every MCP server) respect around one read-modify-write (DESIGN.md §6).
// The lock is a file created with exclusive create (`wx`) next to the document, holding the holder's pid and
// the time it was taken. A lock whose holder has died, or that is older than any write could take, is stale
// and taken over; nobody waits for a lock forever.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface LockOptions {
	/** A lock older than this is stale even when its holder seems alive (a hung or reused pid). */
	readonly staleMs?: number;
	/** Give up after waiting this long for a live holder. */
	readonly timeoutMs?: number;
}

export const DEFAULT_STALE_MS = 10_000;
export const DEFAULT_TIMEOUT_MS = 15_000;

interface LockContent {
	readonly pid: number;
	readonly host: string;
	readonly time: number;
}

export class LockTimeoutError extends Error {
	constructor(readonly lockPath: string, readonly holder: string) {
		super(`${path.basename(lockPath)} is held by ${holder}; gave up waiting`);
		this.name = 'LockTimeoutError';
	}
}

/** The lock file guarding `target`: `.<name>.lock` in the same folder, so it never reads as a stream document. */
export function lockPathOf(target: string): string {
	return path.join(path.dirname(target), `.${path.basename(target)}.lock`);
}

/** Takes the lock of every target (in a fixed order, so two processes never wait on each other), runs `work`, releases. */
export async function withLocks<T>(targets: readonly string[], work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
	const ordered = [...new Set(targets.map(lockPathOf))].sort();
	const held: Lock[] = [];
	try {
		for (const lockPath of ordered) {
			held.push(await acquire(lockPath, options));
		}
		return await work();
	} finally {
		for (const lock of held.reverse()) {
			lock.release();
		}
	}
}

interface Lock {
	release(): void;
}

async function acquire(lockPath: string, options: LockOptions): Promise<Lock> {
	const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
	const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
	const content = JSON.stringify({ pid: process.pid, host: os.hostname(), time: Date.now() } satisfies LockContent);
	for (let attempt = 0; ; attempt++) {
		try {
			fs.writeFileSync(lockPath, content, { flag: 'wx' });
			return { release: () => releaseIfOurs(lockPath, content) };
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}
		}
		const current = readLock(lockPath);
		if (current === undefined) {
			continue; // released between our attempt and our look
		}
		if (isStale(current.content, staleMs)) {
			takeOver(lockPath, current.raw);
			continue;
		}
		if (Date.now() > deadline) {
			throw new LockTimeoutError(lockPath, describe(current.content));
		}
		// Writes under the lock take milliseconds: poll quickly, with jitter so waiters do not march in step.
		await new Promise(resolve => setTimeout(resolve, Math.min(2 + attempt, 25) + Math.random() * 5));
	}
}

function readLock(lockPath: string): { raw: string; content: Partial<LockContent> | undefined } | undefined {
	let raw: string;
	try {
		raw = fs.readFileSync(lockPath, 'utf8');
	} catch {
		return undefined;
	}
	try {
		const parsed: unknown = JSON.parse(raw);
		return { raw, content: typeof parsed === 'object' && parsed !== null ? parsed as Partial<LockContent> : undefined };
	} catch {
		// Being written right now, or garbage: judge it by its age alone.
		return { raw, content: { time: fs.statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs } };
	}
}

function isStale(content: Partial<LockContent> | undefined, staleMs: number): boolean {
	if (!content || typeof content.time !== 'number' || Date.now() - content.time > staleMs) {
		return true;
	}
	if (typeof content.pid === 'number' && content.host === os.hostname()) {
		return !isAlive(content.pid);
	}
	return false;
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Moves a stale lock aside. Two processes may judge the same lock stale at once; the one that moves away a lock
 * another has just taken (its content differs from the stale one) puts it back, never removing a live lock.
 */
function takeOver(lockPath: string, staleRaw: string): void {
	const aside = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}.stale`;
	try {
		fs.renameSync(lockPath, aside);
	} catch {
		return;
	}
	try {
		if (fs.readFileSync(aside, 'utf8') !== staleRaw) {
			try {
				fs.linkSync(aside, lockPath);
			} catch {
				// Someone holds a newer lock already; theirs wins, and the one we moved is released for good.
			}
		}
	} finally {
		fs.rmSync(aside, { force: true });
	}
}

function releaseIfOurs(lockPath: string, content: string): void {
	try {
		if (fs.readFileSync(lockPath, 'utf8') === content) {
			fs.rmSync(lockPath, { force: true });
		}
	} catch {
		// Already gone (taken over after we were judged stale): nothing to release.
	}
}

function describe(content: Partial<LockContent> | undefined): string {
	const since = typeof content?.time === 'number' ? ` since ${new Date(content.time).toISOString()}` : '';
	return `process ${content?.pid ?? 'unknown'}${content?.host && content.host !== os.hostname() ? ` on ${content.host}` : ''}${since}`;
}
