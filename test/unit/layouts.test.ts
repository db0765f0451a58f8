// Kiro specs, Spec Kit features and OpenSpec changes as streams (DESIGN.md §8), read by `streams status --json`
// from fixture repositories shaped like real ones. Every stream's counts are checked against markdown-it's
// tokens read with the layout's checkbox meanings.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { layoutOf } from '../../src/core/layouts/layouts';
import type { LayoutId } from '../../src/core/layouts/streamLayout';
import type { StreamJson } from '../../src/core/model/streamJson';
import { markdownItPlan } from '../support/markdownItTasks';
import { run } from '../support/cliRun';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'layouts');

async function status(repository: string, ...options: string[]): Promise<StreamJson[]> {
	const { code, stdout, stderr } = await run('status', path.join(FIXTURES, repository), '--json', ...options);
	assert.equal(code, 0, stderr);
	return (JSON.parse(stdout) as { streams: StreamJson[] }).streams;
}

function byId(streams: readonly StreamJson[], id: string): StreamJson {
	const stream = streams.find(candidate => candidate.id === id);
	assert.ok(stream, `no stream ${id} among ${streams.map(s => s.id).join(', ')}`);
	return stream;
}

/** What markdown-it says the plan holds, under the layout's meanings, as `progress` would say it. */
function oracleProgress(repository: string, stream: StreamJson): Record<string, number> {
	const layout = layoutOf(stream.layout);
	const plan = stream.documents.find(name => name.toLowerCase() === layout.plan.toLowerCase());
	const text = plan ? fs.readFileSync(path.join(FIXTURES, repository, stream.id, plan), 'utf8') : '';
	const tasks = markdownItPlan(text, layout.tasks).tasks;
	const counted = tasks.filter(task => !task.optional);
	const count = (state: string) => counted.filter(task => task.state === state).length;
	const done = count('done');
	const total = done + count('open') + count('active');
	return {
		done, open: count('open'), active: count('active'), cancelled: count('cancelled'), total,
		percent: total === 0 ? 0 : Math.floor((100 * done) / total),
		...(layout.tasks.optionalMarker ? { optional: tasks.length - counted.length } : {}),
	};
}

describe('other layouts as streams (streams status --json)', () => {
	for (const repository of ['kiro-app', 'speckit-app', 'openspec-app', 'mixed-app']) {
		it(`counts the tasks of every stream in ${repository} as markdown-it does under its layout's meanings`, async () => {
			const streams = await status(repository);
			assert.ok(streams.length > 0);
			for (const stream of streams) {
				assert.deepEqual(stream.progress, oracleProgress(repository, stream), stream.id);
			}
		});
	}

	describe('Kiro', () => {
		it('reads [-] as active and leaves optional tasks out of the total, in progress and in phases', async () => {
			const upload = byId(await status('kiro-app'), '.kiro/specs/photo-upload');
			assert.equal(upload.layout, 'kiro');
			assert.equal(upload.title, 'Profile Photos');
			assert.equal(upload.status, 'in-progress');
			assert.deepEqual(upload.progress, { done: 2, open: 4, active: 2, cancelled: 0, total: 8, percent: 25, optional: 2 });
			assert.deepEqual(upload.documents, ['design.md', 'requirements.md', 'tasks.md']);
		});

		it('makes a phase of each whole-numbered task, nested sub-tasks counted under it, headings ignored', async () => {
			const upload = byId(await status('kiro-app'), '.kiro/specs/photo-upload');
			assert.deepEqual(upload.phases.map(phase => [phase.title, phase.line, phase.done, phase.open, phase.active, phase.optional]), [
				['1. Add the image library and its types', 7, 1, 0, 0, 0],
				['2. Build the storage helpers', 11, 1, 0, 1, 1],
				['3. Resize on upload', 22, 0, 2, 0, 1],
				['4. Checkpoint - make sure every test passes, ask the user if questions arise', 30, 0, 1, 0, 0],
			]);
		});

		it('makes phases of flat numbered tasks too, and is complete when every counted task is done', async () => {
			const audit = byId(await status('kiro-app'), '.kiro/specs/audit-trail');
			// "# Implementation Plan" alone names the document, not the work: the folder name is the title.
			assert.equal(audit.title, 'audit-trail');
			assert.equal(audit.status, 'complete');
			assert.deepEqual(audit.phases.map(phase => [phase.title, phase.done, phase.total, phase.optional]), [
				['1. Record every settings change with its author', 2, 2, 1],
				['2. Show the trail to administrators', 2, 2, 0],
			]);
		});

		it('shows a spec without tasks.md as ready with no tasks, and steering files as nothing', async () => {
			const streams = await status('kiro-app');
			assert.deepEqual(streams.map(stream => stream.id), ['.kiro/specs/audit-trail', '.kiro/specs/dark-mode', '.kiro/specs/photo-upload']);
			const dark = byId(streams, '.kiro/specs/dark-mode');
			assert.equal(dark.status, 'ready');
			assert.deepEqual(dark.progress, { done: 0, open: 0, active: 0, cancelled: 0, total: 0, percent: 0, optional: 0 });
		});
	});

	describe('Spec Kit', () => {
		it('reads tasks.md under its Phase headings, the title and Created from spec.md, and the status from progress', async () => {
			const invites = byId(await status('speckit-app'), 'specs/001-team-invites');
			assert.equal(invites.layout, 'speckit');
			assert.equal(invites.title, 'Team Invitations');
			assert.equal(invites.created, '2026-02-03');
			// spec.md says "Status: Draft": the spec document's state, not the work's.
			assert.equal(invites.status, 'in-progress');
			assert.deepEqual(invites.progress, { done: 3, open: 5, active: 0, cancelled: 1, total: 8, percent: 37 });
			assert.deepEqual(invites.phases.filter(phase => phase.total > 0).map(phase => [phase.title, phase.done, phase.total]), [
				['Phase 1: Setup (Shared Infrastructure)', 2, 2],
				['Phase 2: Foundational (Blocking Prerequisites)', 1, 2],
				['Phase 3: User Story 1 - Captain sends an invitation (Priority: P1) 🎯 MVP', 0, 3],
				['Phase 4: Polish & Cross-Cutting Concerns', 0, 1],
			]);
		});

		it('is not fooled by a specs/ folder without spec.md, nor by an unfilled title', async () => {
			const streams = await status('speckit-app');
			assert.deepEqual(streams.map(stream => stream.id), ['specs/001-team-invites', 'specs/002-billing-page']);
			const billing = byId(streams, 'specs/002-billing-page');
			assert.equal(billing.title, '002-billing-page');
			assert.equal(billing.created, null);
			assert.equal(billing.status, 'ready');
		});
	});

	describe('OpenSpec', () => {
		it('reads a change: proposal.md for the title and fields, tasks.md\'s numbered sections as phases', async () => {
			const streams = await status('openspec-app');
			const hooks = byId(streams, 'openspec/changes/add-webhooks');
			assert.equal(hooks.layout, 'openspec');
			assert.equal(hooks.title, 'Outgoing webhooks for match results');
			assert.equal(hooks.priority, 'high');
			assert.equal(hooks.owner, 'priya');
			assert.equal(hooks.status, 'in-progress');
			assert.deepEqual(hooks.phases.map(phase => [phase.title, phase.line, phase.done, phase.total]), [['1. Implementation', 1, 2, 4], ['2. Documentation', 7, 0, 1]]);
			assert.equal(byId(streams, 'openspec/changes/tidy-error-codes').title, 'tidy-error-codes');
		});

		it('shows an archived change as complete, open tasks and all, titled without its date', async () => {
			const streams = await status('openspec-app');
			const csv = byId(streams, 'openspec/changes/archive/2026-01-20-add-csv-export');
			assert.equal(csv.status, 'complete');
			assert.equal(csv.title, 'CSV export of the member list');
			assert.equal(csv.progress.open, 1);
			// The capability specs (openspec/specs/, and specs/ inside a change) are not streams.
			assert.deepEqual(streams.map(stream => stream.id), [
				'openspec/changes/add-webhooks', 'openspec/changes/archive/2026-01-20-add-csv-export', 'openspec/changes/tidy-error-codes',
			]);
		});
	});

	describe('all four layouts in one repository', () => {
		it('gives the same folder name in each layout a stream of its own, with distinct ids', async () => {
			const streams = await status('mixed-app');
			assert.deepEqual(streams.map(stream => [stream.id, stream.layout, stream.title, stream.status]), [
				['.kiro/specs/search-filters', 'kiro', 'Search Filters in the App', 'in-progress'],
				['.project/streams/search-filters', 'streams', 'Search Filters', 'in-progress'],
				['openspec/changes/search-filters', 'openspec', 'Filter the public API\'s search', 'paused'],
				['specs/search-filters', 'speckit', 'Saved Searches', 'complete'],
			]);
			assert.equal(new Set(streams.map(stream => stream.id)).size, 4);
			assert.equal(byId(streams, '.project/streams/search-filters').progress.optional, undefined);
		});

		it('reads only the layouts --layout names', async () => {
			const streams = await status('mixed-app', '--layout', 'kiro', '--layout', 'openspec');
			assert.deepEqual(streams.map(stream => stream.layout), ['kiro', 'openspec']);
		});

		it('refuses an unknown --layout with the list of layouts, reading nothing', async () => {
			const { code, stdout, stderr } = await run('status', path.join(FIXTURES, 'mixed-app'), '--layout', 'jira');
			assert.equal(code, 2);
			assert.equal(stdout, '');
			assert.match(stderr, /unknown layout jira \(layouts: streams, kiro, speckit, openspec\)/);
		});
	});

	describe('health per layout (streams lint)', () => {
		async function lint(repository: string): Promise<{ rule: string; path: string; message: string }[]> {
			const { stdout } = await run('lint', path.join(FIXTURES, repository), '--json');
			return (JSON.parse(stdout) as { findings: { rule: string; path: string; message: string }[] }).findings;
		}

		it('finds nothing missing in Kiro specs, which have no README, STATUS or PLAN to miss', async () => {
			assert.deepEqual(await lint('kiro-app'), []);
		});

		it('reports Spec Kit\'s unfilled markers, and never spec.md\'s "Status: Draft" as an unknown status', async () => {
			const findings = await lint('speckit-app');
			assert.deepEqual(findings.map(finding => [finding.rule, finding.path, finding.message]), [
				['template-leftover', 'specs/001-team-invites/spec.md', 'The spec still asks "how many days?": answer it and remove the marker'],
				['template-leftover', 'specs/002-billing-page/spec.md', '[Feature Name] is left from the template: write the stream\'s name'],
				['template-leftover', 'specs/002-billing-page/spec.md', '[DATE] is a template token that was never filled in'],
			]);
		});

		it('finds OpenSpec changes and the mixed repository healthy', async () => {
			assert.deepEqual(await lint('openspec-app'), []);
			assert.deepEqual(await lint('mixed-app'), []);
		});
	});

	it('names every layout the same way in the core and in these tests', () => {
		const ids: LayoutId[] = ['streams', 'kiro', 'speckit', 'openspec'];
		assert.deepEqual(ids.map(id => layoutOf(id).id), ids);
	});
});
