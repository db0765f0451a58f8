import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repository, run } from '../support/cliRun';

const ROOT = '.project/streams';
const PLAN = '# Plan\n\n## Phase 1 - Design\n- [x] Sketch\n- [ ] Review\n\n## Phase 2 - Build\n- [ ] Code\n';

function repo(): string {
	return repository({
		[`${ROOT}/alpha-api/README.md`]: '# Alpha API Stream\n\n**Status:** 🟢 Ready\n\n**Created:** 2026-03-02 **Owner:** dave **Priority:** High\n',
		[`${ROOT}/alpha-api/PLAN.md`]: PLAN,
	});
}

describe('streams agent commands', () => {
	it('list, show and next print what the MCP tools return with --json', async () => {
		const folder = repo();
		const listed = await run('list', folder, '--json');
		assert.equal(listed.code, 0, listed.stderr);
		assert.deepEqual(JSON.parse(listed.stdout).streams.map((stream: { folder: string; phase: string }) => [stream.folder, stream.phase]), [['alpha-api', 'Phase 1 - Design']]);
		const shown = await run('show', 'alpha-api', '--folder', folder, '--json');
		assert.deepEqual(JSON.parse(shown.stdout).tasks, [
			{ line: 5, state: 'open', text: 'Review', phase: 'Phase 1 - Design' },
			{ line: 8, state: 'open', text: 'Code', phase: 'Phase 2 - Build' },
		]);
		const next = await run('next', '--folder', folder);
		assert.equal(next.stdout, `${ROOT}/alpha-api:5 open Review\n`);
	});

	it('task, set, note and handoff write the documents', async () => {
		const folder = repo();
		const task = await run('task', 'alpha-api', '5', 'done', 'Review', '--folder', folder);
		assert.equal(task.code, 0, task.stderr);
		assert.equal(task.stdout, `${ROOT}/alpha-api/PLAN.md:5\n- - [ ] Review\n+ - [x] Review\n2/3 done (66%)\n`);
		assert.equal((await run('set', 'alpha-api', 'status', 'in progress', '--folder', folder)).code, 0);
		assert.match(fs.readFileSync(path.join(folder, ROOT, 'alpha-api', 'README.md'), 'utf8'), /\*\*Status:\*\* 🟡 In Progress/);
		assert.equal((await run('note', 'alpha-api', 'Reviewed with Dana.', '--folder', folder)).code, 0);
		assert.match(fs.readFileSync(path.join(folder, ROOT, 'alpha-api', 'NOTES.md'), 'utf8'), /## Log\n\n### \d{4}-\d{2}-\d{2}\n\n- Reviewed with Dana\./);
		assert.equal((await run('handoff', 'alpha-api', '--next', 'Write the code', '--next', 'Ship', '--folder', folder)).code, 0);
		assert.match(fs.readFileSync(path.join(folder, ROOT, 'alpha-api', 'HANDOFF.md'), 'utf8'), /## Next Steps\n\n1\. Write the code\n2\. Ship\n/);
	});

	it('new creates a stream and refuses to overwrite one', async () => {
		const folder = repo();
		const created = await run('new', 'Beta Jobs', '--priority', 'low', '--owner', 'erin', '--folder', folder, '--json');
		assert.equal(created.code, 0, created.stderr);
		assert.equal(JSON.parse(created.stdout).id, `${ROOT}/beta-jobs`);
		const again = await run('new', 'Beta Jobs', '--folder', folder);
		assert.equal(again.code, 1);
		assert.match(again.stderr, /beta-jobs already exists/);
	});

	it('exits 1 with the reason when an edit is refused, and writes nothing', async () => {
		const folder = repo();
		const refused = await run('task', 'alpha-api', '5', 'done', 'Deploy', '--folder', folder);
		assert.equal(refused.code, 1);
		assert.match(refused.stderr, /no task reads "Deploy".*Open tasks now: line 5 \[open\] Review; line 8 \[open\] Code/);
		assert.equal(fs.readFileSync(path.join(folder, ROOT, 'alpha-api', 'PLAN.md'), 'utf8'), PLAN);
		const unknown = await run('set', 'alpha-api', 'status', 'someday', '--folder', folder);
		assert.equal(unknown.code, 1);
		assert.match(unknown.stderr, /"someday" is not a status/);
	});

	it('exits 2 with the command\'s usage on a bad argument, and prints it for --help', async () => {
		for (const args of [['task', 'alpha-api'], ['task', 'alpha-api', 'five', 'done', 'Review'], ['show'], ['list', '--bogus'], ['next', '--limit', 'x']]) {
			const result = await run(...args);
			assert.equal(result.code, 2, args.join(' '));
			assert.match(result.stderr, new RegExp(`^streams ${args[0]}: .*\\n\\nUsage: streams ${args[0]}`));
		}
		const help = await run('handoff', '--help');
		assert.equal(help.code, 0);
		assert.match(help.stdout, /^Usage: streams handoff <stream>/);
		const top = await run('--help');
		assert.match(top.stdout, /task +Set a task to open, active, done or cancelled/);
		assert.match(top.stdout, /mcp \[folder\]/);
	});
});
