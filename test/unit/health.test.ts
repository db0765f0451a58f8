// Stream health rules, one by one: fixtures that trigger each rule, and near misses that must not.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFieldEdits } from '../../src/core/header/fieldEdits';
import { checkStream, HealthFinding, HealthInput, HealthReport } from '../../src/core/health/health';
import { fixEdits } from '../../src/core/health/healthFixes';
import { fileSystemReader, readHealthTexts } from '../../src/core/health/healthInputs';
import { healthMessageText } from '../../src/core/health/healthMessages';
import { StreamIndex } from '../../src/core/model/streamIndex';
import { fillTemplate } from '../../src/core/templates/templates';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const ROOT = '.project/streams';
const TODAY = '2026-03-01';
const BUNDLED_TEMPLATES = join(__dirname, '..', '..', '..', 'templates');

type Options = Partial<Omit<HealthInput, 'stream' | 'texts' | 'streams'>> & { readonly stream?: string };

/**
 * Checks one stream of a repository given as files relative to the stream root (`alpha/README.md`). The
 * stream checked is the folder of the first file, unless `options.stream` names another.
 */
async function check(files: Record<string, string>, options: Options = {}): Promise<HealthReport> {
	const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([path, text]) => [`${ROOT}/${path}`, text])));
	const index = new StreamIndex([{ source: 'repo', workspaceFolder: 'repo', fs }], { roots: [ROOT], maxFileSize: 1_000_000 });
	await index.indexAll();
	const name = options.stream ?? Object.keys(files)[0].split('/')[0];
	const stream = index.get('repo', `${ROOT}/${name}`);
	assert.ok(stream, `stream ${name}`);
	const { texts, modified } = await readHealthTexts(fileSystemReader(fs, { maxFileSize: 1_000_000 }), stream);
	return checkStream({
		stream,
		texts,
		streams: index.all,
		modified: options.modified ?? modified,
		requiredDocuments: options.requiredDocuments,
		severities: options.severities,
		templateDependencies: options.templateDependencies,
	});
}

async function findings(files: Record<string, string>, options: Options = {}): Promise<HealthFinding[]> {
	return [...(await check(files, options)).findings];
}

function byRule(all: readonly HealthFinding[], rule: string): HealthFinding[] {
	return all.filter(finding => finding.rule === rule);
}

/** `document:line:start-end rule` for compact assertions (0-based as in the findings). */
function where(finding: HealthFinding): string {
	return `${finding.document}:${finding.line}:${finding.startColumn}-${finding.endColumn} ${finding.rule}`;
}

const PLAN_OPEN = '# Plan\n\n## Phase 1 - Build\n\n- [x] one\n- [ ] two\n- [/] three\n';
const PLAN_DONE = '# Plan\n\n## Phase 1 - Build\n\n- [x] one\n- [x] two\n- [-] dropped\n';
const PLAN_NONE_DONE = '# Plan\n\n## Phase 1 - Build\n\n- [ ] one\n- [ ] two\n';

function readme(status: string, extra = ''): string {
	return `# Alpha Stream\n\n**Status:** ${status}\n\n**Created:** 2026-01-14 **Owner:** alice **Priority:** High\n${extra}`;
}

describe('stream health', () => {
	describe('template-leftover', () => {
		it('finds [Feature Name], YYYY-MM-DD and {{tokens}} at their exact columns', async () => {
			const all = await findings({
				'alpha/README.md': '# [Feature Name] Stream\n\n**Status:** 🟢 Ready\n\n**Created:** YYYY-MM-DD **Owner:** {{ owner }}\n',
				'alpha/PLAN.md': PLAN_NONE_DONE,
			});
			assert.deepEqual(byRule(all, 'template-leftover').map(where), [
				'README.md:0:2-16 template-leftover',
				'README.md:4:13-23 template-leftover',
				'README.md:4:35-46 template-leftover',
			]);
			const [name, date, token] = byRule(all, 'template-leftover');
			assert.equal(name.message.kind, 'feature-name');
			assert.deepEqual(date.fixes, [{ kind: 'fill-date' }]);
			assert.deepEqual(token.message, { kind: 'template-token', token: '{{ owner }}' });
			assert.equal(date.severity, 'warning');
		});

		it('looks in STATUS.md, PLAN.md, HANDOFF.md and NOTES.md too', async () => {
			const all = await findings({
				'alpha/README.md': readme('🟢 Ready'),
				'alpha/PLAN.md': '# [Feature Name] - Plan\n\n**Last Updated:** YYYY-MM-DD\n',
				'alpha/STATUS.md': '# Status\n\n**Last Updated:** YYYY-MM-DD\n',
				'alpha/HANDOFF.md': '# Handoff\n\nWritten {{date}}.\n',
				'alpha/NOTES.md': '# Notes\n\n### YYYY-MM-DD\n',
			});
			assert.deepEqual(byRule(all, 'template-leftover').map(finding => `${finding.document}:${finding.line}`), [
				'HANDOFF.md:2', 'NOTES.md:2', 'PLAN.md:0', 'PLAN.md:2', 'STATUS.md:2',
			]);
		});

		it('leaves code blocks, inline code, HTML comments and look-alikes alone', async () => {
			const all = await findings({
				'alpha/README.md': readme('🟢 Ready', [
					'',
					'Dates are written as `YYYY-MM-DD`; templates use `{{name}}`.',
					'<!-- Replace [Feature Name] and YYYY-MM-DD when you copy this. -->',
					'```text',
					'Created: YYYY-MM-DD',
					'{{ owner }}',
					'```',
					'The format yyyy-mm-dd, a YYYY-MM-DDThh:mm timestamp, and a [Feature] link.',
					'',
				].join('\n')),
				'alpha/PLAN.md': PLAN_NONE_DONE,
			});
			assert.deepEqual(byRule(all, 'template-leftover'), []);
		});

		it('keeps a code block open past a fence line with more than spaces after it, as the preview renders it', async () => {
			const all = await findings({
				'alpha/README.md': readme('🟢 Ready', [
					'',
					'```text',
					'Created: YYYY-MM-DD',
					'```\u00a0',
					'{{ owner }}',
					'```',
					'',
				].join('\n')),
				'alpha/PLAN.md': PLAN_NONE_DONE,
			});
			assert.deepEqual(byRule(all, 'template-leftover'), []);
		});

		it('offers the listed statuses for a Status field that still lists the template\'s alternatives', async () => {
			const all = await findings({
				'alpha/README.md': '# Alpha Stream\n\n**Status:** 🟢 Ready | 🟡 In Progress | 🔴 Blocked\n\n**Created:** 2026-01-14 **Owner:** alice **Priority:** High | Medium | Low\n',
				'alpha/PLAN.md': PLAN_NONE_DONE,
			});
			const [status, priority] = byRule(all, 'template-leftover');
			assert.equal(where(status), 'README.md:2:12-50 template-leftover');
			assert.deepEqual(status.message, { kind: 'field-alternatives', key: 'status' });
			assert.deepEqual(status.fixes.map(fix => fix.kind === 'set-status' && fix.status), ['ready', 'in-progress', 'blocked']);
			assert.deepEqual(priority.message, { kind: 'field-alternatives', key: 'priority' });
			assert.deepEqual(priority.fixes.map(fix => fix.kind === 'set-priority' && fix.priority), ['high', 'medium', 'low']);
			assert.deepEqual(byRule(all, 'unknown-status'), [], 'alternatives are a leftover, not an unknown word');
		});

		it('reads the seed template\'s one-line fields, five alternatives and all', async () => {
			const seed = '[Feature Name] Stream\n\nStatus: 🟢 Ready | 🟡 In Progress | 🔴 Blocked | ⏸️ Paused | Complete\n\nCreated: YYYY-MM-DD Owner: The Collective Priority: High | Medium | Low\n';
			const all = await findings({ 'alpha/README.md': seed, 'alpha/PLAN.md': PLAN_NONE_DONE });
			const leftovers = byRule(all, 'template-leftover');
			assert.deepEqual(leftovers.map(finding => finding.message.kind), ['feature-name', 'field-alternatives', 'date-placeholder', 'field-alternatives']);
			assert.equal(leftovers[1].fixes.length, 5);
		});

		it('finds nothing left in a stream filled from the bundled templates but the example dependencies', async () => {
			const values = { name: 'Offline Editing', slug: 'offline-editing', date: TODAY, owner: 'alice', priority: 'high' as const };
			const files: Record<string, string> = {};
			for (const name of readdirSync(BUNDLED_TEMPLATES).filter(file => file.endsWith('.md'))) {
				files[`offline-editing/${name}`] = fillTemplate(readFileSync(join(BUNDLED_TEMPLATES, name), 'utf8'), values, name);
			}
			const all = await findings(files, { stream: 'offline-editing' });
			assert.deepEqual(all.map(finding => `${where(finding)} ${healthMessageText(finding.message)}`).filter(line => !/template's example/.test(line)), []);
			assert.deepEqual(all.map(finding => finding.message.kind === 'example-dependency' && finding.message.name), ['other-stream-name', 'another-stream']);
		});
	});

	describe('unknown-status and unknown-priority', () => {
		it('reports a status word it does not know, over the value, with every status as a fix', async () => {
			const all = await findings({ 'alpha/README.md': readme('Shipping soon'), 'alpha/PLAN.md': PLAN_NONE_DONE });
			const [finding] = byRule(all, 'unknown-status');
			assert.equal(where(finding), 'README.md:2:12-25 unknown-status');
			assert.deepEqual(finding.message, { kind: 'unknown-value', key: 'status', value: 'Shipping soon' });
			assert.equal(finding.fixes.length, 5);
			assert.equal(healthMessageText(finding.message), '"Shipping soon" is not a status: use Ready, In Progress, Blocked, Paused, Complete');
		});

		it('accepts every word, emoji and case the vocabulary knows', async () => {
			for (const status of ['🟡 In Progress', 'WIP', 'done', '✅', 'Blocked by the API review', '⏸ on hold', 'NOT STARTED']) {
				const all = await findings({ 'alpha/README.md': readme(status), 'alpha/PLAN.md': PLAN_NONE_DONE, 'alpha/STATUS.md': '## Blockers\n- legal\n' });
				assert.deepEqual(byRule(all, 'unknown-status'), [], status);
			}
		});

		it('reports an empty Status over its whole line', async () => {
			const all = await findings({ 'alpha/README.md': '# Alpha\n\n**Status:**\n', 'alpha/PLAN.md': PLAN_NONE_DONE });
			const [finding] = byRule(all, 'unknown-status');
			assert.equal(where(finding), 'README.md:2:0-11 unknown-status');
			assert.equal(healthMessageText(finding.message), 'Status has no value');
		});

		it('reports an unknown priority in front matter, and accepts P0–P2', async () => {
			const all = await findings({ 'alpha/README.md': '---\nstatus: ready\npriority: urgent\n---\n# Alpha\n', 'alpha/PLAN.md': PLAN_NONE_DONE });
			assert.deepEqual(byRule(all, 'unknown-priority').map(where), ['README.md:2:10-16 unknown-priority']);
			assert.deepEqual(byRule(all, 'unknown-priority')[0].fixes.map(fix => fix.kind === 'set-priority' && fix.priority), ['high', 'medium', 'low']);
			const fine = await findings({ 'alpha/README.md': '---\nstatus: ready\npriority: P0\n---\n# Alpha\n', 'alpha/PLAN.md': PLAN_NONE_DONE });
			assert.deepEqual(byRule(fine, 'unknown-priority'), []);
		});

		it('checks STATUS.md\'s status as well as README.md\'s', async () => {
			const all = await findings({
				'alpha/README.md': readme('🟢 Ready'),
				'alpha/PLAN.md': PLAN_NONE_DONE,
				'alpha/STATUS.md': '# Status\n\n**Status:** Shipping\n',
			});
			assert.deepEqual(byRule(all, 'unknown-status').map(where), ['STATUS.md:2:12-20 unknown-status']);
		});
	});

	describe('malformed-front-matter', () => {
		it('is an error at the position YAML stopped, in README.md and in documents the model does not read', async () => {
			const all = await findings({
				'alpha/README.md': '---\nstatus: [ready\n---\n# Alpha\n',
				'alpha/PLAN.md': PLAN_NONE_DONE,
				'alpha/HANDOFF.md': '---\nowner: a: b\n---\n# Handoff\n',
			});
			const malformed = byRule(all, 'malformed-front-matter');
			assert.deepEqual(malformed.map(finding => `${finding.document}:${finding.line} ${finding.severity}`), ['HANDOFF.md:1 error', 'README.md:2 error']);
			assert.ok(malformed.every(finding => finding.startColumn < finding.endColumn || finding.startColumn === 0));
			assert.match(healthMessageText(malformed[0].message), /^The front matter is not valid YAML: /);
		});

		it('says nothing about valid front matter or a document without any', async () => {
			const all = await findings({
				'alpha/README.md': '---\ntitle: Alpha\nstatus: ready\n---\n# Alpha\n',
				'alpha/PLAN.md': '---\nowner: alice\n---\n' + PLAN_NONE_DONE,
				'alpha/HANDOFF.md': '# Handoff\n\n---\n\nA rule, not front matter.\n',
			});
			assert.deepEqual(byRule(all, 'malformed-front-matter'), []);
		});
	});

	describe('status-vs-plan', () => {
		it('Complete with open or active tasks suggests In Progress, on the status value', async () => {
			const all = await findings({ 'alpha/README.md': readme('✅ Complete'), 'alpha/PLAN.md': PLAN_OPEN });
			const [finding] = byRule(all, 'status-vs-plan');
			assert.equal(where(finding), 'README.md:2:12-22 status-vs-plan');
			assert.deepEqual(finding.message, { kind: 'complete-with-open-tasks', notDone: 2, total: 3 });
			assert.deepEqual(finding.fixes, [{ kind: 'set-status', status: 'in-progress', preferred: true }]);
		});

		it('Complete with every task done or cancelled is fine', async () => {
			assert.deepEqual(byRule(await findings({ 'alpha/README.md': readme('✅ Complete'), 'alpha/PLAN.md': PLAN_DONE }), 'status-vs-plan'), []);
		});

		it('Ready with tasks done or under way suggests In Progress', async () => {
			const all = await findings({ 'alpha/README.md': readme('🟢 Ready'), 'alpha/PLAN.md': PLAN_OPEN });
			assert.deepEqual(byRule(all, 'status-vs-plan').map(finding => finding.message), [{ kind: 'ready-with-started-tasks', started: 2, total: 3 }]);
			const active = await findings({ 'alpha/README.md': readme('🟢 Ready'), 'alpha/PLAN.md': '## P\n- [/] started\n- [ ] next\n' });
			assert.equal(byRule(active, 'status-vs-plan').length, 1, 'an active task has started too');
		});

		it('Ready with nothing started, or with no tasks at all, is fine', async () => {
			assert.deepEqual(byRule(await findings({ 'alpha/README.md': readme('🟢 Ready'), 'alpha/PLAN.md': PLAN_NONE_DONE }), 'status-vs-plan'), []);
			assert.deepEqual(byRule(await findings({ 'alpha/README.md': readme('🟢 Ready'), 'alpha/PLAN.md': '# Plan\n\n- [-] dropped\n' }), 'status-vs-plan'), []);
		});

		it('Ready or In Progress with every task done suggests Complete', async () => {
			for (const status of ['🟢 Ready', '🟡 In Progress']) {
				const all = await findings({ 'alpha/README.md': readme(status), 'alpha/PLAN.md': PLAN_DONE });
				const [finding] = byRule(all, 'status-vs-plan');
				assert.equal(finding?.message.kind, 'all-tasks-done', status);
				assert.deepEqual(finding.fixes, [{ kind: 'set-status', status: 'complete', preferred: true }]);
			}
		});

		it('In Progress with work left, Paused and Blocked are never against the plan', async () => {
			for (const [status, plan] of [['🟡 In Progress', PLAN_OPEN], ['⏸️ Paused', PLAN_DONE], ['🔴 Blocked', PLAN_DONE]]) {
				const all = await findings({ 'alpha/README.md': readme(status), 'alpha/PLAN.md': plan, 'alpha/STATUS.md': '## Blockers\n\n- Legal review\n' });
				assert.deepEqual(byRule(all, 'status-vs-plan'), [], status);
			}
		});

		it('points at STATUS.md when that is where the status is read from', async () => {
			const all = await findings({
				'alpha/README.md': '# Alpha Stream\n\nNo fields here.\n',
				'alpha/STATUS.md': '# Status\n\nStatus: done\n',
				'alpha/PLAN.md': PLAN_OPEN,
			});
			assert.deepEqual(byRule(all, 'status-vs-plan').map(where), ['STATUS.md:2:8-12 status-vs-plan']);
		});
	});

	describe('blocked-without-blockers', () => {
		const blocked = (status: string | undefined) => ({
			'alpha/README.md': readme('🔴 Blocked'),
			'alpha/PLAN.md': PLAN_OPEN,
			...(status === undefined ? {} : { 'alpha/STATUS.md': status }),
		});

		it('is information when there is no STATUS.md', async () => {
			const [finding] = byRule(await findings(blocked(undefined)), 'blocked-without-blockers');
			assert.equal(where(finding), 'README.md:2:12-22 blocked-without-blockers');
			assert.equal(finding.severity, 'information');
			assert.deepEqual(finding.message, { kind: 'blocked-without-blockers', hasStatusDocument: false });
		});

		it('reports a Blockers section that says none, holds the template text, or only ticked boxes', async () => {
			for (const text of [
				'# Status\n\n## Summary\n\nWaiting.\n',
				'# Status\n\n## Blockers\n\n- None yet. When something stops the work, say what it is.\n\n## Next Steps\n\n1. Wait\n',
				'# Status\n\n## Blockers\n\n- [Who or what blocks the work]\n',
				'# Status\n\n## Blockers\n\n- [x] Credentials (arrived 2026-02-01)\n',
				'# Status\n\n## Blockers\n\n```\n```\n\n## Notes\n\n- the API is down\n',
				'# Status\n\n## Blockers\n\n<!-- Say what blocks the work, who can unblock it, and since when. -->\n',
				'# Status\n\n```\nBlocked by: an example in a code block\n```\n',
			]) {
				assert.equal(byRule(await findings(blocked(text)), 'blocked-without-blockers').length, 1, text);
			}
		});

		it('is satisfied by a blocker under a Blockers heading or after a Blockers: or Blocked by: label', async () => {
			for (const text of [
				'# Status\n\n## Blockers\n\n- Waiting for SFTP credentials (ticket ACC-2291)\n',
				'# Status\n\n### Current blockers\n\nLegal has not approved the data export.\n',
				'# Status\n\n**Blocked by:** the platform team\'s Redis migration\n',
				'# Status\n\n**Blockers:**\n- [ ] Security review\n',
				'# Status\n\n## Blockers\n\n- `api-gateway` rejects the new scope\n',
			]) {
				assert.deepEqual(byRule(await findings(blocked(text)), 'blocked-without-blockers'), [], text);
			}
		});

		it('says nothing when the stream is not blocked', async () => {
			const all = await findings({ 'alpha/README.md': readme('🟡 In Progress'), 'alpha/PLAN.md': PLAN_OPEN });
			assert.deepEqual(byRule(all, 'blocked-without-blockers'), []);
		});
	});

	describe('missing-document', () => {
		it('is an error on README.md\'s first line for each required document that is missing', async () => {
			const [finding] = byRule(await findings({ 'alpha/README.md': readme('🟢 Ready') }), 'missing-document');
			assert.equal(where(finding), 'README.md:0:0-14 missing-document');
			assert.equal(finding.severity, 'error');
			assert.deepEqual(finding.fixes, [{ kind: 'create-document', document: 'PLAN.md' }]);
			assert.equal(healthMessageText(finding.message), 'PLAN.md is missing: every stream needs one (streams.requiredDocuments)');
		});

		it('goes on the folder\'s first document when README.md is the one missing', async () => {
			const all = await findings({ 'alpha/PLAN.md': PLAN_OPEN, 'alpha/NOTES.md': '# Notes\n' });
			assert.deepEqual(byRule(all, 'missing-document').map(where), ['NOTES.md:0:0-7 missing-document']);
		});

		it('follows streams.requiredDocuments and ignores the case of names', async () => {
			const files = { 'alpha/README.md': readme('🟢 Ready'), 'alpha/plan.md': PLAN_NONE_DONE };
			assert.deepEqual(byRule(await findings(files), 'missing-document'), []);
			const all = await findings(files, { requiredDocuments: ['README.md', 'PLAN.md', 'STATUS.md', 'HANDOFF.md'] });
			assert.deepEqual(byRule(all, 'missing-document').map(finding => finding.message.kind === 'missing-document' && finding.message.document), ['STATUS.md', 'HANDOFF.md']);
			assert.deepEqual(byRule(await findings(files, { requiredDocuments: [] }), 'missing-document'), []);
		});
	});

	describe('dependencies', () => {
		const others = {
			'beta/README.md': '# Beta Stream\n\n**Status:** 🟡 In Progress\n',
			'beta/PLAN.md': '# Plan\n\n## Phase 1 - Core\n\n- [x] a\n- [x] b\n\n## Phase 2 - More\n\n- [ ] c\n',
			'gamma-api/README.md': '# Gamma API Stream\n\n**Status:** ✅ Complete\n',
		};

		function withDependencies(status: string, section: string): Record<string, string> {
			return { 'alpha/README.md': readme(status, `\n## Dependencies\n\n${section}`), 'alpha/PLAN.md': PLAN_DONE, ...others };
		}

		it('reports a Requires entry that names no stream, over the name', async () => {
			const all = await findings(withDependencies('🟡 In Progress', '### Requires (this stream waits for these)\n\n- delta-search (Phase 1 complete)\n- beta\n'));
			const [finding] = byRule(all, 'unknown-dependency');
			assert.equal(where(finding), 'README.md:10:2-14 unknown-dependency');
			assert.equal(healthMessageText(finding.message), 'Requires "delta-search", but no stream has that name');
			assert.equal(finding.severity, 'warning');
		});

		it('finds streams by folder name, id, title, in backticks, bold or as a link', async () => {
			const report = await check(withDependencies('🟡 In Progress', [
				'### Requires',
				'',
				'- beta (Phase 1 complete)',
				'- `gamma-api` — for the API',
				'- **.project/streams/beta**',
				'- [Gamma API](../gamma-api/README.md)',
				'- streams/gamma-api: its client',
				'- [ ] beta',
				'- None',
				'',
			].join('\n')));
			assert.deepEqual(byRule([...report.findings], 'unknown-dependency'), []);
			assert.deepEqual(report.requires.map(entry => [entry.name, entry.note]), [
				['beta', 'Phase 1 complete'],
				['gamma-api', 'for the API'],
				['.project/streams/beta', undefined],
				['Gamma API', undefined],
				['streams/gamma-api', 'its client'],
				['beta', undefined],
			]);
		});

		it('does not read Blocks and Related lists, nested notes, or code as requirements', async () => {
			const report = await check(withDependencies('🟡 In Progress', [
				'### Requires',
				'',
				'- beta',
				'  - nobody-knows-this (a note on beta)',
				'',
				'```',
				'- in-a-code-block',
				'```',
				'',
				'### Blocks (these streams wait for this one)',
				'',
				'- dependent-stream (needs the API contract)',
				'',
				'**Related:**',
				'- related-stream',
				'',
			].join('\n')));
			assert.deepEqual(report.requires.map(entry => entry.name), ['beta']);
			assert.deepEqual(byRule([...report.findings], 'unknown-dependency'), []);
		});

		it('reads items right under Dependencies, and skips prose there that names no stream', async () => {
			const report = await check(withDependencies('🟡 In Progress', '- `beta` (Phase 1: the refresh endpoint)\n- The payments team signing off the contract\n- `missing-one`\n'));
			assert.deepEqual(byRule([...report.findings], 'unknown-dependency').map(finding => finding.message.kind === 'unknown-dependency' && finding.message.name), ['missing-one']);
		});

		it('takes the templates\' example entries for template leftovers, not unknown streams', async () => {
			const all = await findings(withDependencies('🟡 In Progress', '### Requires\n\n- other-stream-name (Phase 1 complete)\n- another-stream (Full completion)\n'));
			assert.deepEqual(byRule(all, 'unknown-dependency'), []);
			assert.deepEqual(byRule(all, 'template-leftover').map(where), ['README.md:10:2-19 template-leftover', 'README.md:11:2-16 template-leftover']);
			const custom = await findings(withDependencies('🟡 In Progress', '### Requires\n\n- some-stream\n'), { templateDependencies: ['some-stream'] });
			assert.deepEqual(byRule(custom, 'template-leftover').map(finding => finding.message.kind), ['example-dependency']);
		});

		it('reports a Complete stream that requires one not complete', async () => {
			const all = await findings(withDependencies('✅ Complete', '### Requires\n\n- beta\n- gamma-api\n'));
			const [finding] = byRule(all, 'dependency-not-complete');
			assert.equal(where(finding), 'README.md:10:2-6 dependency-not-complete');
			assert.equal(healthMessageText(finding.message), 'Status is Complete, but it requires beta, which is In Progress');
		});

		it('is satisfied when the note asks only for a phase that is done', async () => {
			const done = await findings(withDependencies('✅ Complete', '### Requires\n\n- beta (Phase 1 complete)\n'));
			assert.deepEqual(byRule(done, 'dependency-not-complete'), []);
			const notDone = await findings(withDependencies('✅ Complete', '### Requires\n\n- beta (Phase 2)\n'));
			assert.equal(healthMessageText(byRule(notDone, 'dependency-not-complete')[0].message), 'Status is Complete, but it requires "Phase 2 - More" of beta, which is not done');
		});

		it('says nothing about dependencies of a stream that is not complete', async () => {
			assert.deepEqual(byRule(await findings(withDependencies('🟡 In Progress', '### Requires\n\n- beta\n')), 'dependency-not-complete'), []);
		});
	});

	describe('stale-handoff', () => {
		const files = { 'alpha/README.md': readme('🟡 In Progress'), 'alpha/PLAN.md': PLAN_OPEN, 'alpha/HANDOFF.md': '# Handoff\n\nPick up phase 2.\n' };
		const hour = 60 * 60 * 1000;

		it('is information on HANDOFF.md when PLAN.md changed after it', async () => {
			const [finding] = byRule(await findings(files, { modified: { 'HANDOFF.md': 0, 'PLAN.md': 2 * hour } }), 'stale-handoff');
			assert.equal(where(finding), 'HANDOFF.md:0:0-9 stale-handoff');
			assert.equal(finding.severity, 'information');
		});

		it('allows a minute between the two, and says nothing when the handoff is newer or absent', async () => {
			assert.deepEqual(byRule(await findings(files, { modified: { 'HANDOFF.md': 0, 'PLAN.md': 30_000 } }), 'stale-handoff'), []);
			assert.deepEqual(byRule(await findings(files, { modified: { 'HANDOFF.md': hour, 'PLAN.md': 0 } }), 'stale-handoff'), []);
			const withoutHandoff = { 'alpha/README.md': files['alpha/README.md'], 'alpha/PLAN.md': files['alpha/PLAN.md'] };
			assert.deepEqual(byRule(await findings(withoutHandoff, { modified: { 'PLAN.md': hour } }), 'stale-handoff'), []);
		});
	});

	describe('severities', () => {
		const files = { 'alpha/README.md': '# [Feature Name] Stream\n\n**Status:** Shipping\n', 'alpha/PLAN.md': PLAN_OPEN };

		it('follows the per-rule setting, turns a rule off, and ignores values it does not know', async () => {
			const all = await findings(files, { severities: { 'template-leftover': 'error', 'unknown-status': 'off', 'missing-document': 'loud' as never } });
			assert.deepEqual(all.map(finding => `${finding.rule} ${finding.severity}`), ['template-leftover error']);
			const defaults = await findings({ 'alpha/README.md': files['alpha/README.md'] });
			assert.deepEqual(defaults.map(finding => `${finding.rule} ${finding.severity}`), ['missing-document error', 'template-leftover warning', 'unknown-status warning']);
		});
	});

	describe('fixes', () => {
		it('fills today\'s date over YYYY-MM-DD, and refuses when the text moved on', async () => {
			const text = '# Alpha\n\n**Created:** YYYY-MM-DD\n';
			const [finding] = byRule(await findings({ 'alpha/README.md': text, 'alpha/PLAN.md': PLAN_OPEN }), 'template-leftover');
			const edits = fixEdits(finding, { kind: 'fill-date' }, text, TODAY);
			assert.equal(edits.kind, 'edits');
			assert.equal(applyFieldEdits(text, edits.kind === 'edits' ? edits.replacements : []), '# Alpha\n\n**Created:** 2026-03-01\n');
			assert.deepEqual(fixEdits(finding, { kind: 'fill-date' }, '# Alpha\n\n**Created:** 2026-02-02\n', TODAY), { kind: 'stale' });
		});

		it('sets the chosen status in the style of the template, and the finding goes', async () => {
			const files = { 'alpha/README.md': '# Alpha Stream\n\n**Status:** 🟢 Ready | 🟡 In Progress | 🔴 Blocked\n', 'alpha/PLAN.md': PLAN_OPEN };
			const [finding] = byRule(await findings(files), 'template-leftover');
			const edits = fixEdits(finding, finding.fixes[1], files['alpha/README.md'], TODAY);
			assert.equal(edits.kind, 'edits');
			const after = applyFieldEdits(files['alpha/README.md'], edits.kind === 'edits' ? edits.replacements : []);
			assert.equal(after, '# Alpha Stream\n\n**Status:** 🟡 In Progress\n');
			assert.deepEqual(await findings({ ...files, 'alpha/README.md': after }), []);
		});

		it('applies the suggested status of status-vs-plan and stamps Last Updated in the same document', async () => {
			const text = '# Status\n\n**Status:** ✅ Complete\n\n**Last Updated:** 2026-01-01\n';
			const files = { 'alpha/README.md': '# Alpha Stream\n', 'alpha/STATUS.md': text, 'alpha/PLAN.md': PLAN_OPEN };
			const [finding] = byRule(await findings(files), 'status-vs-plan');
			assert.equal(finding.document, 'STATUS.md');
			const edits = fixEdits(finding, finding.fixes[0], text, TODAY);
			const after = applyFieldEdits(text, edits.kind === 'edits' ? edits.replacements : []);
			assert.equal(after, '# Status\n\n**Status:** 🟡 In Progress\n\n**Last Updated:** 2026-03-01\n');
			assert.deepEqual(byRule(await findings({ ...files, 'alpha/STATUS.md': after }), 'status-vs-plan'), []);
		});

		it('rewrites the unknown value the finding points at, even when another status line reads fine', async () => {
			const text = '# Status\n\n**Status:** 🟢 Ready\n\n- Status: Shipping\n';
			const files = { 'alpha/README.md': '# Alpha Stream\n', 'alpha/STATUS.md': text, 'alpha/PLAN.md': PLAN_NONE_DONE };
			const [finding] = byRule(await findings(files), 'unknown-status');
			const edits = fixEdits(finding, { kind: 'set-status', status: 'paused', preferred: false }, text, TODAY);
			assert.equal(applyFieldEdits(text, edits.kind === 'edits' ? edits.replacements : []), '# Status\n\n**Status:** 🟢 Ready\n\n- Status: ⏸️ Paused\n');
		});
	});
});
