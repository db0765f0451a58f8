import * as assert from 'node:assert/strict';
import { addNote, createStream, decideField, listStreams, lintStreams, nextTasks, OperationOutcome, setField, setTask, showStream, writeHandoff } from '../../src/core';
import { OperationWorkspace, SOURCE, TODAY } from '../support/operationWorkspace';

const ROOT = '.project/streams';
const AUTH = `${ROOT}/auth-refresh`;

const AUTH_README = `# Auth Refresh Stream

**Status:** 🟡 In Progress

**Created:** 2026-01-14 **Owner:** alice **Priority:** High

## Overview

Refresh tokens rotate on every use.
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

const AUTH_STATUS = `# Auth Refresh - Status

**Last Updated:** 2026-03-01

## Summary

Rotation works in staging; revocation is next.

## Blockers

- Waiting for the security review (Dana)
`;

const AUTH_HANDOFF = `# Auth Refresh - Handoff

**Last Updated:** 2026-02-20, after the review

## Context

Old context.

## What Was Done

- Token store

## Next Steps

1. Build the revocation list
2. Wire the dashboards

## Gotchas

- Clock skew matters
`;

const AUTH_NOTES = `# Auth Refresh - Notes

## Log

### 2026-03-09

- Chose Redis for the token store.

## Decisions

| Date | Decision | Why |
`;

function repository(extra: Record<string, string> = {}): OperationWorkspace {
	return new OperationWorkspace({
		[`${AUTH}/README.md`]: AUTH_README,
		[`${AUTH}/PLAN.md`]: AUTH_PLAN,
		[`${AUTH}/STATUS.md`]: AUTH_STATUS,
		[`${AUTH}/HANDOFF.md`]: AUTH_HANDOFF,
		[`${AUTH}/NOTES.md`]: AUTH_NOTES,
		[`${ROOT}/billing-export/README.md`]: '# Billing Export\n\n**Status:** Ready\n**Priority:** Medium\n\n## Dependencies\n\n### Requires\n\n- auth-refresh\n',
		[`${ROOT}/billing-export/PLAN.md`]: '# Plan\n\n## Phase 1\n- [ ] Export CSV\n',
		[`${ROOT}/search/README.md`]: '# Search\n\n**Status:** Ready\n**Priority:** Low\n',
		[`${ROOT}/search/PLAN.md`]: '# Plan\n\n## Phase 1 - Index\n- [x] Schema\n\n## Phase 2 - Query\n- [ ] Ranking\n- [ ] Facets\n\n## Phase 3\n- [ ] Later\n',
		[`${ROOT}/old-ui/README.md`]: '# Old UI\n\n**Status:** Paused\n',
		[`${ROOT}/old-ui/PLAN.md`]: '# Plan\n\n- [/] Half done\n',
		...extra,
	});
}

function refused<R>(outcome: OperationOutcome<R>, code: string, pattern: RegExp): void {
	assert.equal(outcome.ok, false, 'expected a refusal');
	if (!outcome.ok) {
		assert.equal(outcome.error.code, code, outcome.error.message);
		assert.match(outcome.error.message, pattern);
	}
}

describe('operations', () => {
	describe('setTask', () => {
		it('checks off the task at the line streams_show gave, and returns the lines and the new progress', async () => {
			const repo = repository();
			const result = repo.apply(await setTask(await repo.context(), { stream: 'auth-refresh', line: 6, text: 'Revocation list', state: 'done' }));
			assert.deepEqual({ line: result.line, before: result.before, after: result.after }, { line: 6, before: '- [ ] Revocation list', after: '- [x] Revocation list' });
			assert.deepEqual(result.progress, { done: 3, open: 1, active: 1, cancelled: 1, total: 5, percent: 60 });
			assert.equal(repo.read(`${AUTH}/PLAN.md`), AUTH_PLAN.replace('- [ ] Revocation list', '- [x] Revocation list'));
		});

		it('finds the task by its text when a person inserted lines above it since the agent read the plan', async () => {
			const repo = repository();
			const context = await repo.context();
			repo.fs.write(`${AUTH}/PLAN.md`, AUTH_PLAN.replace('## Phase 1 - Foundation\n', '## Phase 1 - Foundation\n- [ ] Added by a person\n'));
			const result = repo.apply(await setTask(context, { stream: AUTH, line: 6, text: 'Revocation list', state: 'active' }));
			assert.equal(result.line, 7);
			assert.match(repo.read(`${AUTH}/PLAN.md`)!, /- \[ \] Added by a person\n- \[x\] Token store\n- \[x\] Rotation endpoint\n- \[\/\] Revocation list/);
		});

		it('refuses a task that was deleted, listing the open tasks as they are now, and changes nothing', async () => {
			const repo = repository();
			const outcome = await setTask(await repo.context(), { stream: 'Auth Refresh', line: 6, text: 'Revocation lists', state: 'done' });
			refused(outcome, 'task-not-found', /line 6 now holds the task "Revocation list", and no task reads "Revocation lists".*Open tasks now: line 6 \[open\] Revocation list; line 9 \[active\] Feature flag; line 10 \[open\] Dashboards/);
			assert.equal(repo.read(`${AUTH}/PLAN.md`), AUTH_PLAN);
		});

		it('refuses a text that names several tasks when the line does not hold it', async () => {
			const repo = repository({ [`${ROOT}/search/PLAN.md`]: '# Plan\n\n## A\n- [ ] Tests\n\n## B\n- [ ] Tests\n' });
			refused(await setTask(await repo.context(), { stream: 'search', line: 1, text: 'Tests', state: 'done' }), 'ambiguous-task', /2 tasks read "Tests" \(lines 4, 7\)/);
		});

		it('refuses unknown states, bad lines, empty text, unknown streams and paths out of the roots', async () => {
			const context = await repository().context();
			refused(await setTask(context, { stream: 'auth-refresh', line: 6, text: 'Revocation list', state: 'finished' as never }), 'invalid-input', /open, active, done, cancelled/);
			refused(await setTask(context, { stream: 'auth-refresh', line: 0, text: 'Revocation list', state: 'done' }), 'invalid-input', /line/);
			refused(await setTask(context, { stream: 'auth-refresh', line: 6, text: '  ', state: 'done' }), 'invalid-input', /text is required/);
			refused(await setTask(context, { stream: 'payments', line: 6, text: 'x', state: 'done' }), 'unknown-stream', /no stream "payments"; the streams are: auth-refresh, billing-export, old-ui, search/);
			refused(await setTask(context, { stream: '../../etc', line: 1, text: 'x', state: 'done' }), 'outside-roots', /outside the stream roots/);
			refused(await setTask(context, { stream: '/etc/passwd', line: 1, text: 'x', state: 'done' }), 'outside-roots', /outside the stream roots/);
		});

		it('refuses a stream without a plan, naming the documents it has', async () => {
			const repo = repository({ [`${ROOT}/draft/README.md`]: '# Draft\n' });
			refused(await setTask(await repo.context(), { stream: 'draft', line: 1, text: 'x', state: 'done' }), 'missing-document', /has no PLAN.md; its documents are: README.md/);
		});

		it('changes nothing when the task already has that state', async () => {
			const outcome = await setTask(await repository().context(), { stream: 'auth-refresh', line: 4, text: 'Token store', state: 'done' });
			assert.ok(outcome.ok);
			assert.deepEqual(outcome.changes, []);
		});
	});

	describe('setField', () => {
		it('sets the status where the README says it, in its style', async () => {
			const repo = repository();
			const result = repo.apply(await setField(await repo.context(), { stream: 'auth-refresh', field: 'status', value: 'blocked' }));
			assert.equal(result.path, `${AUTH}/README.md`);
			assert.match(repo.read(`${AUTH}/README.md`)!, /\*\*Status:\*\* 🔴 Blocked\n/);
		});

		it('sets the priority and the owner on the shared field line', async () => {
			const repo = repository();
			repo.apply(await setField(await repo.context(), { stream: 'auth-refresh', field: 'priority', value: 'P2' }));
			repo.apply(await setField(await repo.context(), { stream: 'auth-refresh', field: 'owner', value: 'Bob Stone' }));
			assert.match(repo.read(`${AUTH}/README.md`)!, /\*\*Created:\*\* 2026-01-14 \*\*Owner:\*\* Bob Stone \*\*Priority:\*\* Low\n/);
		});

		it('adds an owner to a stream whose README has none', async () => {
			const repo = repository();
			repo.apply(await setField(await repo.context(), { stream: 'search', field: 'owner', value: 'carol' }));
			assert.equal((await repo.context()).streams.find(stream => stream.name === 'search')!.owner, 'carol');
		});

		it('refuses values outside the vocabulary and unknown fields, and changes nothing', async () => {
			const repo = repository();
			const context = await repo.context();
			refused(await setField(context, { stream: 'auth-refresh', field: 'status', value: 'finished' }), 'invalid-input', /"finished" is not a status; use one of ready, in-progress, blocked, paused, complete/);
			refused(await setField(context, { stream: 'auth-refresh', field: 'priority', value: 'urgent' }), 'invalid-input', /not a priority/);
			refused(await setField(context, { stream: 'auth-refresh', field: 'title' as never, value: 'x' }), 'invalid-input', /status, priority, owner/);
			refused(await setField(context, { stream: 'auth-refresh', field: 'owner', value: 'a\nb' }), 'invalid-input', /one line/);
			assert.equal(repo.read(`${AUTH}/README.md`), AUTH_README);
		});

		it('refuses a README whose front matter is malformed', async () => {
			const repo = repository({ [`${ROOT}/broken/README.md`]: '---\nstatus: [ready\n---\n# Broken\n' });
			refused(await setField(await repo.context(), { stream: 'broken', field: 'status', value: 'done' }), 'refused', /front matter is not valid YAML/);
		});

		it('decides a refusal as data, naming the document and the line, for the editor to say in its words and open there', async () => {
			const repo = repository({ [`${ROOT}/broken/README.md`]: '---\nstatus: [ready\n---\n# Broken\n' });
			const context = await repo.context();
			const broken = context.streams.find(stream => stream.name === 'broken')!;
			assert.deepEqual(await decideField(context, broken, { key: 'status', value: 'blocked' }), {
				ok: false,
				refusal: { kind: 'edit-refused', reason: 'malformed-front-matter', document: 'README.md', path: `${ROOT}/broken/README.md`, line: 2 },
			});
		});

		it('decides nothing to change when the document already says it', async () => {
			const repo = repository();
			const context = await repo.context();
			const auth = context.streams.find(stream => stream.name === 'auth-refresh')!;
			const decided = await decideField(context, auth, { key: 'status', value: 'in-progress' });
			assert.ok(decided.ok);
			assert.deepEqual(decided.changes, []);
		});
	});

	describe('listStreams and showStream', () => {
		it('lists the streams with their current phase, filtered by status, owner and text', async () => {
			const context = await repository().context();
			const all = await listStreams(context, {});
			assert.ok(all.ok);
			assert.deepEqual(all.result.streams.map(stream => [stream.folder, stream.status, stream.phase]), [
				['auth-refresh', 'in-progress', 'Phase 1 - Foundation'],
				['billing-export', 'ready', 'Phase 1'],
				['old-ui', 'paused', null],
				['search', 'ready', 'Phase 2 - Query'],
			]);
			const ready = await listStreams(context, { status: 'Ready', text: 'search' });
			assert.ok(ready.ok);
			assert.deepEqual(ready.result.streams.map(stream => stream.folder), ['search']);
			const alice = await listStreams(context, { owner: 'ALICE' });
			assert.ok(alice.ok && alice.result.streams.length === 1);
			refused(await listStreams(context, { status: 'someday' }), 'invalid-input', /not a status/);
		});

		it('shows a stream with its open tasks, summary, blockers and next steps', async () => {
			const outcome = await showStream(await repository().context(), { stream: 'auth-refresh' });
			assert.ok(outcome.ok);
			const shown = outcome.result;
			assert.equal(shown.status, 'in-progress');
			assert.deepEqual(shown.tasks, [
				{ line: 6, state: 'open', text: 'Revocation list', phase: 'Phase 1 - Foundation' },
				{ line: 9, state: 'active', text: 'Feature flag', phase: 'Phase 2 - Rollout' },
				{ line: 10, state: 'open', text: 'Dashboards', phase: 'Phase 2 - Rollout' },
			]);
			assert.equal(shown.summary, 'Rotation works in staging; revocation is next.');
			assert.deepEqual(shown.blockers, ['Waiting for the security review (Dana)']);
			assert.deepEqual(shown.nextSteps, ['Build the revocation list', 'Wire the dashboards']);
			const all = await showStream(await repository().context(), { stream: 'auth-refresh', tasks: 'all' });
			assert.ok(all.ok && all.result.tasks.length === 6);
		});
	});

	describe('nextTasks', () => {
		it('offers active tasks first, then the first unfinished phase, never from paused streams or ones waiting on Requires', async () => {
			const outcome = await nextTasks(await repository().context(), { limit: 10 });
			assert.ok(outcome.ok);
			assert.deepEqual(outcome.result.tasks.map(task => `${task.stream.split('/').pop()}:${task.line} ${task.text}`), [
				'auth-refresh:9 Feature flag',
				'auth-refresh:6 Revocation list',
				'search:7 Ranking',
				'search:8 Facets',
			]);
		});

		it('offers the work of a stream once what it requires is complete', async () => {
			const repo = repository();
			repo.fs.write(`${AUTH}/README.md`, AUTH_README.replace('🟡 In Progress', '✅ Complete'));
			const outcome = await nextTasks(await repo.context(), { stream: 'billing-export' });
			assert.ok(outcome.ok);
			assert.deepEqual(outcome.result.tasks.map(task => task.text), ['Export CSV']);
		});

		it('says why a stream offers no work', async () => {
			const context = await repository().context();
			refused(await nextTasks(context, { stream: 'billing-export' }), 'not-workable', /requires \.project\/streams\/auth-refresh \(in-progress\)/);
			refused(await nextTasks(context, { stream: 'old-ui' }), 'not-workable', /is paused/);
			refused(await nextTasks(context, { limit: 0 }), 'invalid-input', /limit/);
		});
	});

	describe('addNote', () => {
		it('adds today\'s dated entry above the older ones in the Log', async () => {
			const repo = repository();
			const result = repo.apply(await addNote(await repo.context(), { stream: 'auth-refresh', text: 'Revocation uses a bloom filter.' }));
			assert.equal(repo.read(`${AUTH}/NOTES.md`), AUTH_NOTES.replace('### 2026-03-09', `### ${TODAY}\n\n- Revocation uses a bloom filter.\n\n### 2026-03-09`));
			assert.equal(result.line, 7);
		});

		it('adds further notes of the day under the same heading', async () => {
			const repo = repository();
			repo.apply(await addNote(await repo.context(), { stream: 'auth-refresh', text: 'First.' }));
			const result = repo.apply(await addNote(await repo.context(), { stream: 'auth-refresh', text: 'Second.' }));
			assert.match(repo.read(`${AUTH}/NOTES.md`)!, new RegExp(`### ${TODAY}\\n\\n- First\\.\\n- Second\\.\\n\\n### 2026-03-09`));
			assert.equal(result.line, 8);
		});

		it('creates NOTES.md from the template when the stream has none', async () => {
			const repo = repository();
			const result = repo.apply(await addNote(await repo.context(), { stream: 'search', text: 'Started.' }));
			assert.equal(result.created, true);
			const notes = repo.read(`${ROOT}/search/NOTES.md`)!;
			assert.match(notes, new RegExp(`^# Search - Notes[\\s\\S]*## Log\\n\\n### ${TODAY}\\n\\n- Started\\.\\n[\\s\\S]*## Decisions`));
			assert.doesNotMatch(notes, /Stream created/);
		});

		it('refuses empty and enormous notes', async () => {
			const context = await repository().context();
			refused(await addNote(context, { stream: 'auth-refresh', text: '' }), 'invalid-input', /empty/);
			refused(await addNote(context, { stream: 'auth-refresh', text: 'x'.repeat(5000) }), 'invalid-input', /5000 characters long; at most 4000/);
		});
	});

	describe('writeHandoff', () => {
		it('rewrites the named sections, keeps the others and dates Last Updated keeping the words after the date', async () => {
			const repo = repository();
			const result = repo.apply(await writeHandoff(await repo.context(), { stream: 'auth-refresh', summary: ['New context.'], next: ['Ship it', 'Watch the graphs'], questions: ['Who owns the dashboards?'] }));
			assert.deepEqual(result.sections, ['Context', 'Next Steps', 'Open Questions']);
			assert.equal(repo.read(`${AUTH}/HANDOFF.md`), `# Auth Refresh - Handoff

**Last Updated:** ${TODAY}, after the review

## Context

New context.

## What Was Done

- Token store

## Next Steps

1. Ship it
2. Watch the graphs

## Gotchas

- Clock skew matters

## Open Questions

- Who owns the dashboards?
`);
		});

		it('creates HANDOFF.md from the template when it is missing', async () => {
			const repo = repository();
			repo.apply(await writeHandoff(await repo.context(), { stream: 'search', done: ['Schema'] }));
			const handoff = repo.read(`${ROOT}/search/HANDOFF.md`)!;
			assert.match(handoff, new RegExp(`\\*\\*Last Updated:\\*\\* ${TODAY}`));
			assert.match(handoff, /## What Was Done\n\n- Schema\n\n## State of the Code/);
		});

		it('refuses an empty hand-off and bad items', async () => {
			const context = await repository().context();
			refused(await writeHandoff(context, { stream: 'auth-refresh' }), 'invalid-input', /nothing to write/);
			refused(await writeHandoff(context, { stream: 'auth-refresh', next: ['ok', ''] }), 'invalid-input', /next\[1\] is empty/);
		});
	});

	describe('createStream', () => {
		it('creates the documents from the templates, filled in', async () => {
			const repo = repository();
			const result = repo.apply(await createStream(await repo.context(), { name: 'Payments API', priority: 'high', owner: 'erin', source: SOURCE, root: ROOT }));
			assert.equal(result.id, `${ROOT}/payments-api`);
			assert.deepEqual(result.files.map(file => file.split('/').pop()), ['HANDOFF.md', 'NOTES.md', 'PLAN.md', 'README.md', 'STATUS.md']);
			const stream = (await repo.context()).streams.find(candidate => candidate.name === 'payments-api')!;
			assert.deepEqual([stream.title, stream.status, stream.priority, stream.owner, stream.created], ['Payments API', 'ready', 'high', 'erin', TODAY]);
		});

		it('never overwrites: an existing stream or file is an error that names it', async () => {
			const repo = repository({ [`${ROOT}/payments-api/PLAN.md`]: '# Mine\n' });
			const context = await repo.context();
			refused(await createStream(context, { name: 'Auth Refresh', source: SOURCE, root: ROOT }), 'exists', /\.project\/streams\/auth-refresh already exists/);
			refused(await createStream(context, { name: 'Payments API', source: SOURCE, root: ROOT }), 'exists', /payments-api/);
			assert.equal(repo.read(`${ROOT}/payments-api/PLAN.md`), '# Mine\n');
			refused(await createStream(context, { name: '../evil', source: SOURCE, root: ROOT }), 'invalid-input', /path separators|\.\./);
			refused(await createStream(context, { name: 'Ok', priority: 'urgent', source: SOURCE, root: ROOT }), 'invalid-input', /not a priority/);
			refused(await createStream(context, { name: 'Ok', template: 'nope', source: SOURCE, root: ROOT }), 'invalid-input', /no template set "nope"/);
		});
	});

	describe('lintStreams', () => {
		it('reports the health findings of one stream or all, as lint --json', async () => {
			const repo = repository({ [`${ROOT}/draft/README.md`]: '# Draft\n\n**Status:** Someday\n' });
			const outcome = await lintStreams(await repo.context(), { stream: 'draft' });
			assert.ok(outcome.ok);
			assert.deepEqual(outcome.result.findings.map(finding => [finding.path, finding.rule, finding.severity]), [
				[`${ROOT}/draft/README.md`, 'unknown-status', 'warning'],
				[`${ROOT}/draft/README.md`, 'missing-document', 'error'],
			].sort());
		});

		it('reports the team README template\'s example Requires entries copied into a stream, read through its context', async () => {
			const template = '# [Feature Name] Stream\n\n## Dependencies\n\n### Requires\n\n- upstream-stream (Phase 1)\n';
			const copied = '# Copied Stream\n\n**Status:** 🟢 Ready\n\n## Dependencies\n\n### Requires\n\n- upstream-stream (Phase 1)\n';
			const repo = repository({ '.project/templates/README.md': template, [`${ROOT}/copied/README.md`]: copied });
			const leftovers = async (templatesFolder?: string) => {
				const outcome = await lintStreams(await repo.context(), { stream: 'copied' }, { templatesFolder });
				assert.ok(outcome.ok);
				return outcome.result.findings.filter(finding => finding.rule === 'template-leftover').map(finding => finding.message);
			};
			assert.deepEqual(await leftovers('.project/templates'), ['"upstream-stream" is the template\'s example: name a stream this one requires, or remove the line']);
			assert.deepEqual(await leftovers('.project/no-templates'), [], 'no template, no example to find');
			assert.deepEqual(await leftovers(undefined), []);
		});
	});
});
