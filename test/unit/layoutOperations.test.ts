// The agents' operations on the other layouts (DESIGN.md §7, §8): tasks set with the layout's checkbox
// meanings, fields written where the layout keeps them, and refusals where it has none.

import * as assert from 'node:assert/strict';
import { nextTasks, OperationOutcome, setField, setTask } from '../../src/core';
import { OperationWorkspace } from '../support/operationWorkspace';

const KIRO = '.kiro/specs/photo-upload';
const SPECKIT = 'specs/001-team-invites';
const OPENSPEC = 'openspec/changes/add-webhooks';

function repository(): OperationWorkspace {
	return new OperationWorkspace({
		[`${KIRO}/requirements.md`]: '# Requirements Document\n',
		[`${KIRO}/tasks.md`]: '# Implementation Plan: Profile Photos\n\n- [-] 1. Storage helpers\n  - [x] 1.1 Dated folders\n  - [ ] 1.2 File names\n  - [ ]* 1.3 Property tests\n',
		[`${SPECKIT}/spec.md`]: '# Feature Specification: Team Invitations\n\n**Created**: 2026-02-03\n\n**Status**: Draft\n',
		[`${SPECKIT}/tasks.md`]: '# Tasks: Team Invitations\n\n## Phase 1: Setup\n\n- [ ] T001 Create the module\n',
		[`${OPENSPEC}/proposal.md`]: '# Change: Outgoing webhooks\n\n## Why\n\nResults are copied by hand.\n',
		[`${OPENSPEC}/tasks.md`]: '## 1. Implementation\n- [x] 1.1 Subscriptions table\n- [ ] 1.2 Signed bodies\n',
	});
}

function errorOf(outcome: OperationOutcome<unknown>): string {
	assert.equal(outcome.ok, false);
	return outcome.ok ? '' : outcome.error.message;
}

describe('operations on Kiro, Spec Kit and OpenSpec streams', () => {
	it('marks a Kiro task active with [-], its own mark, and counts progress without the optional task', async () => {
		const repo = repository();
		const result = repo.apply(await setTask(await repo.context(), { stream: KIRO, line: 5, text: '1.2 File names', state: 'active' }));
		assert.equal(result.after, '  - [-] 1.2 File names');
		assert.deepEqual(result.progress, { done: 1, open: 0, active: 2, cancelled: 0, total: 3, percent: 33, optional: 1 });
	});

	it('refuses to cancel a Kiro task: its tasks.md has no cancelled state', async () => {
		const repo = repository();
		assert.match(errorOf(await setTask(await repo.context(), { stream: KIRO, line: 5, text: '1.2 File names', state: 'cancelled' })), /no cancelled tasks/);
		assert.match(repo.read(`${KIRO}/tasks.md`)!, /- \[ \] 1\.2 File names/);
	});

	it('offers the next tasks of a Kiro spec, reading [-] as the active one', async () => {
		const repo = repository();
		const result = repo.apply(await nextTasks(await repo.context(), { stream: KIRO }));
		assert.equal(result.tasks[0].state, 'active');
		assert.equal(result.tasks[0].line, 3);
	});

	it('refuses a status for Kiro and Spec Kit, whose status follows their progress, and changes nothing', async () => {
		const repo = repository();
		const context = await repo.context();
		assert.match(errorOf(await setField(context, { stream: KIRO, field: 'status', value: 'blocked' })), /follows its plan's progress/);
		assert.match(errorOf(await setField(context, { stream: SPECKIT, field: 'status', value: 'blocked' })), /follows its plan's progress/);
		assert.match(errorOf(await setField(context, { stream: KIRO, field: 'priority', value: 'high' })), /no header document/);
		assert.equal(repo.read(`${SPECKIT}/spec.md`), '# Feature Specification: Team Invitations\n\n**Created**: 2026-02-03\n\n**Status**: Draft\n');
	});

	it('writes a Spec Kit priority into spec.md, and an OpenSpec status into proposal.md where it had none', async () => {
		const repo = repository();
		repo.apply(await setField(await repo.context(), { stream: SPECKIT, field: 'priority', value: 'high' }));
		assert.match(repo.read(`${SPECKIT}/spec.md`)!, /Priority/);
		const result = repo.apply(await setField(await repo.context(), { stream: OPENSPEC, field: 'status', value: 'blocked' }));
		assert.equal(result.path, `${OPENSPEC}/proposal.md`);
		const streams = (await repo.context()).streams;
		assert.equal(streams.find(stream => stream.id === OPENSPEC)?.status, 'blocked');
		assert.equal(streams.find(stream => stream.id === SPECKIT)?.priority, 'high');
		// Spec Kit's own Status line stays the spec's.
		assert.equal(streams.find(stream => stream.id === SPECKIT)?.documentStatus, 'Draft');
	});
});
