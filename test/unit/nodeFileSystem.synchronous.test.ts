import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StreamIndex } from '../../src/core';
import { NodeFileSystem } from '../../src/node/nodeFileSystem';

const README = `# Café Rewrite Stream

**Status:** 🟡 In Progress

**Created:** 2026-01-14 **Owner:** Zoë Ångström **Priority:** High

## Overview

Rewrite the café's ordering flow 🚀 so that a long overview with 中文 survives being copied out of the file.
`;

const PLAN = `# Plan

## Phase 1 - Menu

- [x] List the drinks
- [ ] Price them
`;

async function indexWith(folder: string, synchronous: boolean) {
	const index = new StreamIndex([{ source: 'repo', workspaceFolder: 'repo', fs: new NodeFileSystem(folder, { synchronous }) }], { roots: ['.project/streams'], maxFileSize: 1024 * 1024 });
	await index.indexAll();
	return index.all;
}

describe('Node file system with synchronous reads (the CLI)', () => {
	let folder: string;
	beforeEach(() => {
		folder = fs.mkdtempSync(path.join(os.tmpdir(), 'streams-sync-'));
		const stream = path.join(folder, '.project', 'streams', 'cafe-rewrite');
		fs.mkdirSync(stream, { recursive: true });
		fs.writeFileSync(path.join(stream, 'README.md'), README);
		fs.writeFileSync(path.join(stream, 'PLAN.md'), PLAN);
	});
	afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

	it('reads the same streams as the callback reads, every value as written', async () => {
		const [synchronous] = await indexWith(folder, true);
		assert.deepEqual(synchronous, (await indexWith(folder, false))[0]);
		assert.equal(synchronous.title, 'Café Rewrite');
		assert.equal(synchronous.owner, 'Zoë Ångström');
		assert.equal(synchronous.status, 'in-progress');
		assert.match(synchronous.overview ?? '', /café's ordering flow 🚀 .* 中文 survives/);
		assert.deepEqual([synchronous.progress.done, synchronous.progress.total], [1, 2]);
	});

	it('refuses a FIFO instead of waiting for a writer', async function () {
		if (process.platform === 'win32') {
			this.skip();
		}
		const fifo = path.join(folder, '.project', 'streams', 'cafe-rewrite', 'STATUS.md');
		execFileSync('mkfifo', [fifo]);
		const fileSystem = new NodeFileSystem(folder, { synchronous: true });
		await assert.rejects(fileSystem.readFile('.project/streams/cafe-rewrite/STATUS.md'), /not a regular file/);
		// The stream is still read, without the FIFO.
		const [stream] = await indexWith(folder, true);
		assert.equal(stream.title, 'Café Rewrite');
	});
});
