import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createFile, replaceFile } from '../../src/node/atomicWrite';
import { lockPathOf, LockTimeoutError, withLocks } from '../../src/node/fileLock';
import { writableFile } from '../../src/node/streamPaths';

function folder(): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'streams-lock-'));
}

/** The pid of a process that has exited, so a lock it held is stale. */
function deadPid(): number {
	return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('cross-process lock and atomic writes', () => {
	it('serializes writers of one file: each read-modify-write sees the previous one', async () => {
		const file = path.join(folder(), 'PLAN.md');
		fs.writeFileSync(file, '');
		await Promise.all(Array.from({ length: 20 }, (_, index) => withLocks([file], async () => {
			const text = fs.readFileSync(file, 'utf8');
			await new Promise(resolve => setTimeout(resolve, 1));
			replaceFile(file, text + `${index}\n`);
		})));
		assert.equal(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length, 20);
		assert.equal(fs.existsSync(lockPathOf(file)), false, 'the lock is released');
	});

	it('takes over the lock of a process that died holding it', async () => {
		const file = path.join(folder(), 'PLAN.md');
		fs.writeFileSync(lockPathOf(file), JSON.stringify({ pid: deadPid(), host: os.hostname(), time: Date.now() }));
		assert.equal(await withLocks([file], async () => 'ran'), 'ran');
	});

	it('takes over a lock older than the stale limit, whoever holds it', async () => {
		const file = path.join(folder(), 'PLAN.md');
		fs.writeFileSync(lockPathOf(file), JSON.stringify({ pid: process.pid, host: os.hostname(), time: Date.now() - 60_000 }));
		assert.equal(await withLocks([file], async () => 'ran', { staleMs: 10_000 }), 'ran');
	});

	it('gives up on a live holder after the timeout, naming it, instead of waiting forever', async () => {
		const file = path.join(folder(), 'PLAN.md');
		fs.writeFileSync(lockPathOf(file), JSON.stringify({ pid: process.pid, host: os.hostname(), time: Date.now() }));
		await assert.rejects(withLocks([file], async () => 'ran', { timeoutMs: 50 }), (error: unknown) =>
			error instanceof LockTimeoutError && new RegExp(`held by process ${process.pid} since`).test(error.message));
	});

	it('keeps a file\'s permissions when replacing it, and never overwrites when creating one', () => {
		const base = folder();
		const file = path.join(base, 'PLAN.md');
		fs.writeFileSync(file, 'old', { mode: 0o640 });
		replaceFile(file, 'new');
		assert.equal(fs.readFileSync(file, 'utf8'), 'new');
		assert.equal(fs.statSync(file).mode & 0o777, 0o640);
		assert.throws(() => createFile(file, 'other'), /EEXIST/);
		assert.equal(fs.readFileSync(file, 'utf8'), 'new');
		assert.deepEqual(fs.readdirSync(base), ['PLAN.md'], 'no temporary file is left behind');
	});

	it('allows writes inside a stream root only', () => {
		const base = folder();
		const outside = folder();
		fs.mkdirSync(path.join(base, '.project', 'streams', 'a'), { recursive: true });
		fs.symlinkSync(outside, path.join(base, '.project', 'streams', 'out'));
		fs.writeFileSync(path.join(outside, 'target.md'), '');
		fs.symlinkSync(path.join(outside, 'target.md'), path.join(base, '.project', 'streams', 'a', 'NOTES.md'));
		const roots = ['.project/streams'];
		assert.equal(writableFile(base, roots, '.project/streams/a/PLAN.md').ok, true);
		for (const [relative, message] of [
			['.project/streams/../../x.md', /outside the stream roots/],
			['/etc/passwd', /outside the stream roots/],
			['src/index.md', /outside the stream roots/],
			['.project/streams/out/PLAN.md', /through a symbolic link/],
			['.project/streams/a/NOTES.md', /symbolic link to a file outside/],
		] as const) {
			const checked = writableFile(base, roots, relative);
			assert.ok(!checked.ok && message.test(checked.message), `${relative}: ${JSON.stringify(checked)}`);
		}
	});
});
