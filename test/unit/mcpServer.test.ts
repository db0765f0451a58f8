import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repository } from '../support/cliRun';
import { buildCli, StreamsClient } from '../support/mcpClient';

const ROOT = '.project/streams';

const PLAN = `# Search - Plan

## Phase 1 - Index
- [ ] Schema
- [ ] Tokenizer
- [ ] Stemming
- [ ] Stop words

## Phase 2 - Query
- [ ] Ranking
- [ ] Facets
- [ ] Highlighting
- [ ] Paging
`;

function searchRepository(): string {
	return repository({
		[`${ROOT}/search/README.md`]: '# Search Stream\n\n**Status:** 🟡 In Progress — see the notes\n\n**Created:** 2026-01-14 **Owner:** alice **Priority:** High\n',
		[`${ROOT}/search/PLAN.md`]: PLAN,
		[`${ROOT}/search/STATUS.md`]: '# Search - Status\n\n## Summary\n\nIndexing first.\n\n## Blockers\n\n- None yet.\n',
	});
}

describe('streams mcp, through the MCP SDK\'s Client against dist/cli.js', function () {
	this.timeout(60_000);
	before(buildCli);

	it('lists the nine tools of DESIGN.md §7, with input schemas, in under 16,000 characters', async () => {
		const client = await StreamsClient.start(searchRepository());
		try {
			const listed = await client.client.listTools();
			assert.deepEqual(listed.tools.map(tool => tool.name), [
				'streams_list', 'streams_show', 'streams_next', 'streams_set_task', 'streams_set_field',
				'streams_add_note', 'streams_write_handoff', 'streams_create', 'streams_lint',
			]);
			for (const tool of listed.tools) {
				assert.equal(tool.inputSchema.type, 'object');
			}
			const size = JSON.stringify(listed).length;
			assert.ok(size < 16_000, `tools/list is ${size} characters`);
		} finally {
			await client.close();
		}
	});

	it('runs a whole stream from Ready to Complete with nothing a person wrote lost', async () => {
		const folder = repository({ [`${ROOT}/.keep`]: '' });
		const client = await StreamsClient.start(folder);
		try {
			const created = await client.ok<{ id: string; files: string[] }>('streams_create', { name: 'Offline Sync', priority: 'high', owner: 'agent-7' });
			assert.equal(created.id, `${ROOT}/offline-sync`);
			const readme = path.join(folder, ROOT, 'offline-sync', 'README.md');
			// A person adds a line of their own while the agent works.
			fs.appendFileSync(readme, '\nA line the product owner wrote.\n');
			const listed = await client.ok<{ streams: { folder: string; status: string }[] }>('streams_list', { status: 'ready' });
			assert.deepEqual(listed.streams.map(stream => stream.folder), ['offline-sync']);
			await client.ok('streams_set_field', { stream: 'Offline Sync', field: 'status', value: 'in-progress' });
			const relisted = await client.ok<{ streams: { folder: string; status: string }[] }>('streams_list', { status: 'ready' });
			assert.deepEqual(relisted.streams, [], 'the list follows the edit at once');
			let shown = await client.ok<{ tasks: { line: number; text: string; state: string }[]; progress: { percent: number } }>('streams_show', { stream: 'offline-sync' });
			assert.ok(shown.tasks.length > 0);
			while (shown.tasks.length > 0) {
				const next = await client.ok<{ tasks: { line: number; text: string; stream: string }[] }>('streams_next', { stream: 'offline-sync', limit: 1 });
				const task = next.tasks[0];
				await client.ok('streams_set_task', { stream: task.stream, line: task.line, text: task.text, state: 'active' });
				const done = await client.ok<{ after: string }>('streams_set_task', { stream: task.stream, line: task.line, text: task.text, state: 'done' });
				assert.match(done.after, /\[x\]/);
				shown = await client.ok('streams_show', { stream: 'offline-sync' });
			}
			await client.ok('streams_add_note', { stream: 'offline-sync', text: 'Every task done; conflict resolution uses vector clocks.' });
			await client.ok('streams_write_handoff', { stream: 'offline-sync', summary: ['Offline sync shipped.'], done: ['All phases'], next: ['Nothing left'] });
			await client.ok('streams_set_field', { stream: 'offline-sync', field: 'status', value: 'complete' });
			const final = await client.ok<{ status: string; progress: { percent: number; open: number }; tasks: unknown[]; nextSteps: string[] }>('streams_show', { stream: 'offline-sync', tasks: 'all' });
			assert.equal(final.status, 'complete');
			assert.equal(final.progress.percent, 100);
			assert.deepEqual(final.nextSteps, ['Nothing left']);
			assert.match(fs.readFileSync(readme, 'utf8'), /A line the product owner wrote\./);
			assert.match(fs.readFileSync(path.join(folder, ROOT, 'offline-sync', 'NOTES.md'), 'utf8'), /- Every task done; conflict resolution uses vector clocks\./);
			const lint = await client.ok<{ findings: { rule: string }[] }>('streams_lint', { stream: 'offline-sync' });
			assert.ok(!lint.findings.some(finding => finding.rule === 'status-vs-plan'), JSON.stringify(lint.findings));
			const next = await client.ok<{ tasks: unknown[] }>('streams_next', {});
			assert.deepEqual(next.tasks, []);
		} finally {
			await client.close();
		}
	});

	it('lands every edit of four servers changing different tasks of one PLAN.md at the same moment', async () => {
		const folder = searchRepository();
		const clients = await Promise.all([0, 1, 2, 3].map(() => StreamsClient.start(folder)));
		try {
			const tasks = ['Schema', 'Tokenizer', 'Stemming', 'Stop words', 'Ranking', 'Facets', 'Highlighting', 'Paging'];
			const lines = [4, 5, 6, 7, 10, 11, 12, 13];
			await Promise.all(tasks.map((text, index) => clients[index % 4].ok('streams_set_task', { stream: 'search', line: lines[index], text, state: 'done' })));
			const plan = fs.readFileSync(path.join(folder, ROOT, 'search', 'PLAN.md'), 'utf8');
			assert.equal(plan, PLAN.replace(/- \[ \]/g, '- [x]'));
			const shown = await clients[0].ok<{ progress: { percent: number } }>('streams_show', { stream: 'search' });
			assert.equal(shown.progress.percent, 100);
			assert.deepEqual(fs.readdirSync(path.join(folder, ROOT, 'search')).filter(name => name.startsWith('.')), [], 'no lock or temporary file is left behind');
		} finally {
			await Promise.all(clients.map(client => client.close()));
		}
	});

	it('finds the task by its text after a person inserted a line above it, and refuses a deleted one writing nothing', async () => {
		const folder = searchRepository();
		const plan = path.join(folder, ROOT, 'search', 'PLAN.md');
		const client = await StreamsClient.start(folder);
		try {
			const shown = await client.ok<{ tasks: { line: number; text: string }[] }>('streams_show', { stream: 'search' });
			const ranking = shown.tasks.find(task => task.text === 'Ranking')!;
			fs.writeFileSync(plan, PLAN.replace('## Phase 2 - Query\n', '## Phase 2 - Query\n- [ ] Query parser (added by a person)\n'));
			const set = await client.ok<{ line: number }>('streams_set_task', { stream: 'search', line: ranking.line, text: 'Ranking', state: 'done' });
			assert.equal(set.line, ranking.line + 1);
			assert.match(fs.readFileSync(plan, 'utf8'), /- \[ \] Query parser \(added by a person\)\n- \[x\] Ranking\n/);
			const before = PLAN.replace('- [ ] Facets\n', '');
			fs.writeFileSync(plan, before);
			const message = await client.refused('streams_set_task', { stream: 'search', line: 11, text: 'Facets', state: 'done' });
			assert.match(message, /no task reads "Facets".*Open tasks now: line 4 \[open\] Schema/);
			assert.equal(fs.readFileSync(plan, 'utf8'), before);
		} finally {
			await client.close();
		}
	});

	it('refuses bad input with a message that says what is there, and writes nothing', async () => {
		const folder = searchRepository();
		const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'streams-outside-'));
		fs.writeFileSync(path.join(outside, 'PLAN.md'), '# Plan\n\n- [ ] Secret\n');
		fs.writeFileSync(path.join(outside, 'README.md'), '# Elsewhere\n\n**Status:** Ready\n');
		fs.symlinkSync(outside, path.join(folder, ROOT, 'linked'));
		fs.mkdirSync(path.join(folder, ROOT, 'bare'));
		fs.writeFileSync(path.join(folder, ROOT, 'bare', 'README.md'), '# Bare\n');
		const snapshot = () => JSON.stringify([fs.readFileSync(path.join(folder, ROOT, 'search', 'PLAN.md'), 'utf8'), fs.readFileSync(path.join(outside, 'PLAN.md'), 'utf8'), fs.readdirSync(path.join(folder, ROOT, 'bare'))]);
		const before = snapshot();
		const client = await StreamsClient.start(folder);
		try {
			assert.match(await client.refused('streams_show', { stream: 'payments' }), /unknown-stream: no stream "payments"; the streams are: bare, linked, search/);
			assert.match(await client.refused('streams_set_task', { stream: '../../etc', line: 1, text: 'x', state: 'done' }), /outside-roots/);
			assert.match(await client.refused('streams_set_task', { stream: '/etc/passwd', line: 1, text: 'x', state: 'done' }), /outside-roots/);
			assert.match(await client.refused('streams_set_task', { stream: 'linked', line: 3, text: 'Secret', state: 'done' }), /symbolic link/);
			assert.match(await client.refused('streams_set_task', { stream: 'search', line: 4, text: 'Schema', state: 'finished' }), /state/);
			assert.match(await client.refused('streams_set_field', { stream: 'search', field: 'status', value: 'someday' }), /"someday" is not a status; use one of ready, in-progress, blocked, paused, complete/);
			assert.match(await client.refused('streams_set_field', { stream: 'search', field: 'colour', value: 'red' }), /field/);
			assert.match(await client.refused('streams_set_task', { stream: 'search', line: 9, text: 'Schema (old)', state: 'done' }), /line 9 holds no task, and no task reads "Schema \(old\)"/);
			assert.match(await client.refused('streams_add_note', { stream: 'search', text: '' }), /empty/);
			assert.match(await client.refused('streams_add_note', { stream: 'search', text: 'x'.repeat(100_000) }), /at most 4000/);
			assert.match(await client.refused('streams_set_task', { stream: 'bare', line: 1, text: 'x', state: 'done' }), /missing-document: .*bare has no PLAN\.md; its documents are: README\.md/);
			assert.match(await client.refused('streams_create', { name: 'search' }), /exists: .*search already exists/);
			assert.equal(snapshot(), before);
		} finally {
			await client.close();
		}
	});
});
