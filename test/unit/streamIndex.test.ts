import * as assert from 'node:assert/strict';
import { StreamFileSystem } from '../../src/core/fileSystem';
import { StreamIndex, IndexChange } from '../../src/core/model/streamIndex';
import { scanPlan } from '../../src/core/markdown/planScanner';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const ROOT = '.project/streams';

const AUTH_README = `# Auth Refresh Stream

**Status:** 🟡 In Progress

**Created:** 2026-01-14 **Owner:** alice **Priority:** High

## Overview

Refresh tokens rotate on every use so a stolen token is worth one request.

## Goals
- [ ] not a plan task: README tasks do not count
`;

const AUTH_PLAN = `# Auth Refresh — Plan

## Phase 1 - Foundation
- [x] Token store
- [x] Rotation endpoint
- [ ] Revocation list

## Phase 2 - Rollout
- [/] Feature flag
- [ ] Dashboards
- [-] Email campaign

\`\`\`md
- [ ] inside a fence: not a task
\`\`\`
`;

const BILLING_README = `---
title: Billing Export
status: blocked
owner: bob
priority: P2
created: 2026-02-01
---

# Something Else

Exports invoices as CSV.
`;

function workspace(): MemoryFileSystem {
	return new MemoryFileSystem({
		[`${ROOT}/auth-refresh/README.md`]: AUTH_README,
		[`${ROOT}/auth-refresh/PLAN.md`]: AUTH_PLAN,
		[`${ROOT}/auth-refresh/NOTES.md`]: '# Notes\n',
		[`${ROOT}/billing-export/README.md`]: BILLING_README,
		[`${ROOT}/_archive/README.md`]: '# Archived\n',
		[`${ROOT}/.hidden/README.md`]: '# Hidden\n',
		[`${ROOT}/empty-folder/image.png`]: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
		[`${ROOT}/loose-file.md`]: '# Not a stream: a file directly in the root\n',
		'docs/README.md': '# Not under a root\n',
	});
}

function indexOf(fs: MemoryFileSystem, options: Partial<{ roots: string[]; maxFileSize: number; shortLived: boolean }> = {}): StreamIndex {
	return new StreamIndex([{ source: 'ws', workspaceFolder: 'repo', fs }], { roots: [ROOT], maxFileSize: 2 * 1024 * 1024, ...options });
}

function changesOf(index: StreamIndex): IndexChange[] {
	const changes: IndexChange[] = [];
	index.onDidChange(change => changes.push(change));
	return changes;
}

describe('StreamIndex', () => {
	it('lists every subfolder of a root that holds markdown, skipping dot and underscore folders', async () => {
		const index = indexOf(workspace());
		await index.indexAll();
		assert.deepEqual(index.all.map(stream => stream.id), [`${ROOT}/auth-refresh`, `${ROOT}/billing-export`]);
	});

	it('reads the header, progress and phases of a seed-style stream', async () => {
		const index = indexOf(workspace());
		await index.indexAll();
		const auth = index.get('ws', `${ROOT}/auth-refresh`)!;
		assert.equal(auth.title, 'Auth Refresh');
		assert.equal(auth.status, 'in-progress');
		assert.equal(auth.priority, 'high');
		assert.equal(auth.owner, 'alice');
		assert.equal(auth.created, '2026-01-14');
		assert.deepEqual(auth.documents, ['NOTES.md', 'PLAN.md', 'README.md']);
		assert.deepEqual(auth.progress, { done: 2, open: 2, active: 1, cancelled: 1, total: 5, percent: 40 });
		assert.deepEqual(auth.phases.map(phase => [phase.title, phase.line, phase.counts.done, phase.counts.total]), [
			['Phase 1 - Foundation', 2, 2, 3],
			['Phase 2 - Rollout', 7, 0, 2],
		]);
		assert.match(auth.overview ?? '', /Refresh tokens rotate/);
	});

	it('reads the same model for a one-shot run, which keeps its strings attached to the texts', async () => {
		const kept = indexOf(workspace());
		const shortLived = indexOf(workspace(), { shortLived: true });
		await Promise.all([kept.indexAll(), shortLived.indexAll()]);
		assert.ok(kept.all.length > 0);
		assert.deepEqual(shortLived.all, kept.all);
	});

	it('prefers front matter and maps P2 to low priority', async () => {
		const index = indexOf(workspace());
		await index.indexAll();
		const billing = index.get('ws', `${ROOT}/billing-export`)!;
		assert.equal(billing.title, 'Billing Export');
		assert.equal(billing.status, 'blocked');
		assert.equal(billing.priority, 'low');
		assert.equal(billing.owner, 'bob');
		assert.equal(billing.created, '2026-02-01');
		assert.deepEqual(billing.progress.total, 0);
		assert.deepEqual(billing.phases, []);
	});

	it('re-reads only the file that changed and announces only its stream', async () => {
		const fs = workspace();
		const index = indexOf(fs);
		await index.indexAll();
		const changes = changesOf(index);
		fs.reads.length = 0;
		fs.write(`${ROOT}/auth-refresh/PLAN.md`, AUTH_PLAN.replace('- [ ] Revocation list', '- [x] Revocation list'));
		await index.applyChanges('ws', [{ path: `${ROOT}/auth-refresh/PLAN.md`, kind: 'changed' }]);
		assert.deepEqual(fs.reads, [`${ROOT}/auth-refresh/PLAN.md`]);
		assert.equal(changes.length, 1);
		assert.deepEqual(changes[0].updated.map(stream => stream.id), [`${ROOT}/auth-refresh`]);
		assert.equal(index.get('ws', `${ROOT}/auth-refresh`)!.progress.done, 3);
	});

	it('follows a stream folder created and deleted on disk', async () => {
		const fs = workspace();
		const index = indexOf(fs);
		await index.indexAll();
		const changes = changesOf(index);
		fs.write(`${ROOT}/search-v2/README.md`, '# Search V2 Stream\n\nStatus: Ready\n');
		await index.applyChanges('ws', [{ path: `${ROOT}/search-v2`, kind: 'created' }]);
		assert.equal(index.get('ws', `${ROOT}/search-v2`)?.status, 'ready');
		assert.equal(index.get('ws', `${ROOT}/search-v2`)?.title, 'Search V2');

		fs.delete(`${ROOT}/auth-refresh`);
		await index.applyChanges('ws', [{ path: `${ROOT}/auth-refresh`, kind: 'deleted' }]);
		assert.equal(index.get('ws', `${ROOT}/auth-refresh`), undefined);
		assert.deepEqual(changes.at(-1)!.removed.map(stream => stream.id), [`${ROOT}/auth-refresh`]);
	});

	it('keeps a stream whose last markdown file went away out of the list', async () => {
		const fs = workspace();
		const index = indexOf(fs);
		await index.indexAll();
		fs.delete(`${ROOT}/billing-export/README.md`);
		await index.applyChanges('ws', [{ path: `${ROOT}/billing-export/README.md`, kind: 'deleted' }]);
		assert.equal(index.get('ws', `${ROOT}/billing-export`), undefined);
	});

	it('counts an unsaved PLAN.md buffer instead of the file, and the file again once released', async () => {
		const fs = workspace();
		const index = indexOf(fs);
		await index.indexAll();
		const path = `${ROOT}/auth-refresh/PLAN.md`;
		index.setBufferText('ws', path, '## Phase 1\n- [x] a\n- [x] b\n');
		assert.deepEqual(index.get('ws', `${ROOT}/auth-refresh`)!.progress, { done: 2, open: 0, active: 0, cancelled: 0, total: 2, percent: 100 });
		index.setBufferText('ws', path, undefined);
		await index.applyChanges('ws', []);
		assert.equal(index.get('ws', `${ROOT}/auth-refresh`)!.progress.total, 5);
	});

	it('takes the scan the editor already made of a PLAN.md buffer instead of scanning the text again', async () => {
		const index = indexOf(workspace());
		await index.indexAll();
		const text = '## Phase 1\n- [ ] a\n- [ ] b\n';
		// The editor hands over its own scan of the buffer; a second scan of `text` would count 0 of 2 done.
		const editorScan = scanPlan('## Phase 1\n- [x] a\n- [x] b\n');
		index.setBufferText('ws', `${ROOT}/auth-refresh/PLAN.md`, text, editorScan);
		assert.equal(index.get('ws', `${ROOT}/auth-refresh`)!.progress.done, 2);
	});

	it('keeps an unsaved buffer that changed while a read of the file was under way', async () => {
		const fs = workspace();
		let gated = false;
		let readStarted!: () => void;
		let release!: () => void;
		const started = new Promise<void>(resolve => { readStarted = resolve; });
		const gate = new Promise<void>(resolve => { release = resolve; });
		// A file system whose reads wait until the test lets them finish, as a slow disk would.
		const slow: StreamFileSystem = {
			readDirectory: path => fs.readDirectory(path),
			stat: path => fs.stat(path),
			readFile: async (path, maxBytes) => {
				if (gated) {
					readStarted();
					await gate;
				}
				return fs.readFile(path, maxBytes);
			},
		};
		const index = new StreamIndex([{ source: 'ws', workspaceFolder: 'repo', fs: slow }], { roots: [ROOT], maxFileSize: 2 * 1024 * 1024 });
		await index.indexAll();
		gated = true;
		const path = `${ROOT}/auth-refresh/README.md`;
		const reading = index.applyChanges('ws', [{ path, kind: 'changed' }]);
		await started;
		index.setBufferText('ws', path, AUTH_README.replace('🟡 In Progress', '🔴 Blocked'));
		assert.equal(index.get('ws', `${ROOT}/auth-refresh`)!.status, 'blocked');
		release();
		await reading;
		assert.equal(index.get('ws', `${ROOT}/auth-refresh`)!.status, 'blocked', 'the read of the older file text does not win');
	});

	it('skips a file over the size limit and reports it, still listing the stream', async () => {
		const fs = workspace();
		fs.write(`${ROOT}/auth-refresh/PLAN.md`, '- [ ] x\n'.repeat(400));
		const index = indexOf(fs, { maxFileSize: 1024 });
		await index.indexAll();
		const auth = index.get('ws', `${ROOT}/auth-refresh`)!;
		assert.equal(auth.progress.total, 0);
		assert.deepEqual(auth.problems.map(problem => [problem.document, problem.code]), [['PLAN.md', 'file-too-large']]);
	});

	it('skips binary and unreadable documents without failing the stream', async () => {
		const fs = workspace();
		fs.write(`${ROOT}/auth-refresh/PLAN.md`, new Uint8Array([0x2d, 0x20, 0x00, 0x01, 0x02]));
		fs.makeUnreadable(`${ROOT}/auth-refresh/README.md`);
		const index = indexOf(fs);
		await index.indexAll();
		const auth = index.get('ws', `${ROOT}/auth-refresh`)!;
		assert.equal(auth.title, 'auth-refresh');
		assert.deepEqual(auth.problems.map(problem => problem.code).sort(), ['binary-file', 'unreadable-file']);
	});

	it('survives a missing or unreadable root', async () => {
		const fs = workspace();
		fs.makeUnreadable(ROOT);
		const index = indexOf(fs, { roots: [ROOT, 'no/such/root'] });
		await index.indexAll();
		assert.deepEqual(index.all, []);
	});

	it('announces streams in batches while a large workspace is read', async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 120; i++) {
			files[`${ROOT}/stream-${String(i).padStart(3, '0')}/README.md`] = `# Stream ${i}\n\nStatus: WIP\n`;
		}
		const index = new StreamIndex([{ source: 'ws', workspaceFolder: 'repo', fs: new MemoryFileSystem(files) }], { roots: [ROOT], maxFileSize: 1 << 20, batchSize: 50 });
		const changes = changesOf(index);
		const progress: number[] = [];
		await index.indexAll(step => progress.push(step.read));
		assert.deepEqual(changes.map(change => change.updated.length), [50, 50, 20]);
		assert.equal(progress.at(-1), 120);
		assert.equal(index.all.length, 120);
		assert.ok(index.all.every(stream => stream.status === 'in-progress'));
	});

	it('announces streams at most once per interval, however many batches are read meanwhile', async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 120; i++) {
			files[`${ROOT}/stream-${String(i).padStart(3, '0')}/README.md`] = `# Stream ${i}\n\nStatus: WIP\n`;
		}
		const index = new StreamIndex([{ source: 'ws', workspaceFolder: 'repo', fs: new MemoryFileSystem(files) }], { roots: [ROOT], maxFileSize: 1 << 20, batchSize: 50, batchInterval: 60_000 });
		const changes = changesOf(index);
		await index.indexAll();
		// The first batch goes at once, so the tree fills in; the rest wait for the interval or the end.
		assert.deepEqual(changes.map(change => change.updated.length), [50, 70]);
		assert.equal(index.all.length, 120);
	});

	it('reads a stream the same when its documents are read while its folder is listed', async () => {
		const files = {
			[`${ROOT}/auth-refresh/README.md`]: AUTH_README,
			[`${ROOT}/auth-refresh/PLAN.md`]: AUTH_PLAN,
			[`${ROOT}/auth-refresh/NOTES.md`]: '# Notes\n',
			// Named in another case: the read ahead of README.md finds nothing, Readme.md is read once listed.
			[`${ROOT}/billing-export/Readme.md`]: BILLING_README,
			[`${ROOT}/billing-export/STATUS.md`]: '# Status\n\n**Last Updated:** 2026-02-03\n',
		};
		const plain = indexOf(new MemoryFileSystem(files));
		await plain.indexAll();
		const fs = new MemoryFileSystem(files);
		const calls: string[] = [];
		const listing = fs.readDirectory.bind(fs);
		fs.readDirectory = async path => {
			const entries = await listing(path);
			calls.push(`listed ${path}`);
			return entries;
		};
		const reading = fs.readFile.bind(fs);
		fs.readFile = (path, maxBytes) => {
			calls.push(`read ${path}`);
			return reading(path, maxBytes);
		};
		const ahead = new StreamIndex([{ source: 'ws', workspaceFolder: 'repo', fs }], { roots: [ROOT], maxFileSize: 1 << 20, readAhead: true });
		await ahead.indexAll();
		assert.ok(calls.indexOf(`read ${ROOT}/auth-refresh/PLAN.md`) < calls.indexOf(`listed ${ROOT}/auth-refresh`), calls.join('\n'));
		assert.deepEqual(ahead.all, plain.all);
		assert.equal(ahead.get('ws', `${ROOT}/billing-export`)!.title, 'Billing Export');
		assert.equal(ahead.get('ws', `${ROOT}/billing-export`)!.lastUpdated, '2026-02-03');
		// Each document the model keeps is read once; NOTES.md is only listed.
		assert.deepEqual(fs.reads.filter(path => path.endsWith('NOTES.md')), []);
		assert.equal(fs.reads.filter(path => path === `${ROOT}/auth-refresh/PLAN.md`).length, 1);
	});

	it('reads the streams a branch switch touched several at a time, announcing them in one change', async () => {
		const fs = workspace();
		const index = indexOf(fs);
		await index.indexAll();
		const names = Array.from({ length: 20 }, (_, i) => `switched-${String(i).padStart(2, '0')}`);
		for (const name of names) {
			fs.write(`${ROOT}/${name}/README.md`, `# ${name}\n\n**Status:** 🟢 Ready\n`);
		}
		let inFlight = 0;
		let most = 0;
		const listing = fs.readDirectory.bind(fs);
		fs.readDirectory = async path => {
			most = Math.max(most, ++inFlight);
			await new Promise(resolve => setTimeout(resolve, 1));
			inFlight--;
			return listing(path);
		};
		const changes = changesOf(index);
		await index.applyChanges('ws', names.map(name => ({ path: `${ROOT}/${name}`, kind: 'created' as const })));
		assert.ok(most > 1, `at most ${most} folder read at a time`);
		assert.equal(changes.length, 1);
		assert.deepEqual(changes[0].updated.map(stream => stream.name), names);
	});

	it('finds the stream a file belongs to', async () => {
		const index = indexOf(workspace());
		await index.indexAll();
		assert.equal(index.streamAt('ws', `${ROOT}/auth-refresh/PLAN.md`)?.id, `${ROOT}/auth-refresh`);
		assert.equal(index.streamAt('ws', 'docs/README.md'), undefined);
	});
});
