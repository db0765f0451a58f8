import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repository, run } from '../support/cliRun';

const repo = repository({
	'.project/streams/zeta-cleanup/README.md': '# Zeta Cleanup Stream\n\n**Status:** ✅ Complete\n\n**Created:** 2026-03-02 **Owner:** carol **Priority:** Low\n',
	'.project/streams/zeta-cleanup/PLAN.md': '# Plan\n\n## Phase 1 - Sweep\n- [x] one\n- [x] two\n',
	'.project/streams/alpha-api/README.md': '# Alpha API Stream\n\nStatus: 🔴 Blocked | Owner: dave\n\nPriority: High | Medium | Low\n',
	'.project/streams/alpha-api/PLAN.md': '# Plan\n\n## Phase 1 - Design\n- [x] sketch\n- [ ] review\n- [-] dropped\n\n### Details\n- [/] spike\n\n## Phase 2 - Build\n- [ ] code\n',
	'.project/streams/alpha-api/HANDOFF.md': '# Handoff\n',
});

describe('streams CLI', () => {
	it('prints the JSON contract, sorted by id, with unset fields as null', async () => {
		const { code, stdout } = await run('status', repo, '--json');
		assert.equal(code, 0);
		const json = JSON.parse(stdout);
		assert.deepEqual(json, {
			streams: [
				{
					id: '.project/streams/alpha-api',
					folder: 'alpha-api',
					layout: 'streams',
					title: 'Alpha API',
					status: 'blocked',
					priority: null,
					owner: 'dave',
					created: null,
					documents: ['HANDOFF.md', 'PLAN.md', 'README.md'],
					progress: { done: 1, open: 2, active: 1, cancelled: 1, total: 4, percent: 25 },
					phases: [
						{ title: 'Phase 1 - Design', line: 3, done: 1, open: 1, active: 1, cancelled: 1, total: 3, percent: 33 },
						{ title: 'Phase 2 - Build', line: 11, done: 0, open: 1, active: 0, cancelled: 0, total: 1, percent: 0 },
					],
				},
				{
					id: '.project/streams/zeta-cleanup',
					folder: 'zeta-cleanup',
					layout: 'streams',
					title: 'Zeta Cleanup',
					status: 'complete',
					priority: 'low',
					owner: 'carol',
					created: '2026-03-02',
					documents: ['PLAN.md', 'README.md'],
					progress: { done: 2, open: 0, active: 0, cancelled: 0, total: 2, percent: 100 },
					phases: [{ title: 'Phase 1 - Sweep', line: 3, done: 2, open: 0, active: 0, cancelled: 0, total: 2, percent: 100 }],
				},
			],
		});
	});

	it('prints a readable table without --json', async () => {
		const { code, stdout } = await run('status', repo);
		assert.equal(code, 0);
		const lines = stdout.trimEnd().split('\n');
		assert.match(lines[0], /^STREAM\s+STATUS\s+PRIORITY\s+OWNER\s+PROGRESS\s+TITLE$/);
		assert.match(lines[1], /^\.project\/streams\/alpha-api\s+blocked\s+-\s+dave\s+1\/4\s+25%\s+Alpha API$/);
		assert.match(lines[2], /^\.project\/streams\/zeta-cleanup\s+complete\s+low\s+carol\s+2\/2\s+100%\s+Zeta Cleanup$/);
	});

	it('reads other roots with --root', async () => {
		const other = repository({ 'work/streams/one/README.md': '# One\n\nStatus: paused\n' });
		const { stdout } = await run('status', other, '--root', 'work/streams', '--json');
		assert.deepEqual(JSON.parse(stdout).streams.map((s: { id: string; status: string }) => [s.id, s.status]), [['work/streams/one', 'paused']]);
	});

	it('writes --root as the editor writes streams.roots, so ids never look absolute or start with ./', async () => {
		const other = repository({ 'work/streams/one/README.md': '# One\n\nStatus: paused\n' });
		for (const spelling of ['/work/streams', './work/streams/', 'work\\streams']) {
			const { stdout } = await run('status', other, '--root', spelling, '--json');
			assert.deepEqual(JSON.parse(stdout).streams.map((s: { id: string }) => s.id), ['work/streams/one'], spelling);
		}
	});

	it('refuses a --root outside the repository or naming the repository itself, with the usage', async () => {
		for (const root of ['..', '../elsewhere', '.']) {
			const { code, stdout, stderr } = await run('status', repo, '--root', root);
			assert.equal(code, 2, root);
			assert.equal(stdout, '');
			assert.match(stderr, new RegExp(`--root ${root.replace(/\./g, '\\.')} is not a folder inside the repository`));
		}
	});

	it('prints an empty list for a folder without streams', async () => {
		const empty = repository({ 'README.md': '# Just a repo\n' });
		assert.deepEqual(JSON.parse((await run('status', empty, '--json')).stdout), { streams: [] });
	});

	it('reads a symlinked stream folder once and does not loop on links back to the root', async () => {
		const linked = repository({
			'elsewhere/shared-stream/README.md': '# Shared Stream\n\nStatus: active\n',
			'.project/streams/real/README.md': '# Real\n\nStatus: done\n',
		});
		const streams = path.join(linked, '.project', 'streams');
		fs.symlinkSync(path.join(linked, 'elsewhere', 'shared-stream'), path.join(streams, 'shared'));
		fs.symlinkSync(streams, path.join(streams, 'loop'));
		fs.symlinkSync(path.join(linked, 'missing'), path.join(streams, 'dangling'));
		const { code, stdout } = await run('status', linked, '--json');
		assert.equal(code, 0);
		assert.deepEqual(JSON.parse(stdout).streams.map((s: { id: string; status: string }) => [s.id, s.status]), [
			['.project/streams/real', 'complete'],
			['.project/streams/shared', 'in-progress'],
		]);
	});

	it('exits 2 with a message on stderr for a folder that does not exist', async () => {
		const { code, stdout, stderr } = await run('status', path.join(repo, 'no-such-folder'), '--json');
		assert.equal(code, 2);
		assert.equal(stdout, '');
		assert.match(stderr, /no-such-folder is not a folder/);
	});

	it('exits 2 with usage for an unknown command or option', async () => {
		assert.equal((await run('frobnicate')).code, 2);
		const { code, stderr } = await run('status', '--yaml');
		assert.equal(code, 2);
		assert.match(stderr, /unknown option --yaml/);
	});
});
