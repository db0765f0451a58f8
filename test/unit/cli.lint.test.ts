import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSettingsText } from '../../src/node/workspaceSettings';
import { repository, run } from '../support/cliRun';

const HEALTHY = {
	'.project/streams/zeta-cleanup/README.md': '# Zeta Cleanup Stream\n\n**Status:** ✅ Complete\n\n**Created:** 2026-03-02 **Owner:** carol **Priority:** Low\n',
	'.project/streams/zeta-cleanup/PLAN.md': '# Plan\n\n## Phase 1 - Sweep\n- [x] one\n- [x] two\n',
};

const UNHEALTHY = {
	...HEALTHY,
	'.project/streams/alpha-api/README.md': [
		'# Alpha API Stream',
		'',
		'**Status:** ✅ Complete',
		'',
		'**Created:** YYYY-MM-DD **Owner:** dave **Priority:** High | Medium | Low',
		'',
		'## Dependencies',
		'',
		'### Requires',
		'',
		'- zeta-cleanup',
		'- ghost-stream (Phase 1)',
		'',
	].join('\n'),
	'.project/streams/alpha-api/PLAN.md': '# Plan\n\n## Phase 1 - Design\n- [x] sketch\n- [ ] review\n',
	'.project/streams/beta-docs/README.md': '---\nstatus: [ready\n---\n# Beta Docs\n',
};

describe('streams lint', () => {
	it('prints nothing and exits 0 for healthy streams', async () => {
		const { code, stdout, stderr } = await run('lint', repository(HEALTHY));
		assert.equal(code, 0);
		assert.equal(stdout, '');
		assert.equal(stderr, '');
		const json = await run('lint', repository(HEALTHY), '--json');
		assert.equal(json.code, 0);
		assert.deepEqual(JSON.parse(json.stdout), { findings: [] });
	});

	it('prints one line per finding, path:line:column severity rule-id message, sorted, and exits 1 on an error', async () => {
		const { code, stdout } = await run('lint', repository(UNHEALTHY));
		assert.equal(code, 1);
		assert.deepEqual(stdout.trimEnd().split('\n'), [
			'.project/streams/alpha-api/README.md:3:13 warning status-vs-plan Status is Complete, but 1 of 2 tasks in PLAN.md are not done',
			'.project/streams/alpha-api/README.md:5:14 warning template-leftover YYYY-MM-DD is left from the template: fill in the date',
			'.project/streams/alpha-api/README.md:5:55 warning template-leftover Priority still lists the template\'s choices: keep the one that applies',
			'.project/streams/alpha-api/README.md:12:3 warning unknown-dependency Requires "ghost-stream", but no stream has that name',
			'.project/streams/beta-docs/README.md:1:1 error missing-document PLAN.md is missing: every stream needs one (streams.requiredDocuments)',
			'.project/streams/beta-docs/README.md:3:1 error malformed-front-matter The front matter is not valid YAML: ' + malformedDetail(stdout),
		]);
	});

	it('exits 0 when the findings are warnings and information only', async () => {
		const files = { ...UNHEALTHY } as Record<string, string>;
		delete files['.project/streams/beta-docs/README.md'];
		const { code, stdout } = await run('lint', repository(files));
		assert.equal(code, 0);
		assert.equal(stdout.trimEnd().split('\n').length, 4);
	});

	it('prints { "findings": [...] } with --json, with 1-based positions relative to the folder', async () => {
		const { code, stdout } = await run('lint', repository(UNHEALTHY), '--json');
		assert.equal(code, 1);
		const json = JSON.parse(stdout);
		assert.deepEqual(Object.keys(json), ['findings']);
		assert.equal(json.findings.length, 6);
		assert.deepEqual(json.findings[0], {
			path: '.project/streams/alpha-api/README.md',
			stream: '.project/streams/alpha-api',
			line: 3,
			column: 13,
			endColumn: 23,
			severity: 'warning',
			rule: 'status-vs-plan',
			message: 'Status is Complete, but 1 of 2 tasks in PLAN.md are not done',
		});
	});

	it('lints the current folder when none is given', async () => {
		const folder = repository(UNHEALTHY);
		const cwd = process.cwd();
		process.chdir(folder);
		try {
			const { code, stdout } = await run('lint');
			assert.equal(code, 1);
			assert.match(stdout, /^\.project\/streams\/alpha-api\/README\.md:3:13 /);
		} finally {
			process.chdir(cwd);
		}
	});

	it('applies the rule severities, required documents and roots of .vscode/settings.json', async () => {
		const folder = repository({
			'work/streams/one/README.md': '# One\n\n**Status:** Shipping\n',
			'work/streams/one/PLAN.md': '# Plan\n',
			'.vscode/settings.json': [
				'{',
				'\t// Streams live elsewhere in this repository.',
				'\t"streams.roots": ["./work/streams/", "../outside"],',
				'\t/* Unknown words fail the build. */',
				'\t"streams.diagnostics.rules": { "unknown-status": "error", "missing-document": "off", },',
				'\t"streams.requiredDocuments": ["README.md", "PLAN.md", "STATUS.md"],',
				'}',
			].join('\n'),
		});
		const { code, stdout } = await run('lint', folder);
		assert.equal(code, 1);
		assert.deepEqual(stdout.trimEnd().split('\n'), [
			'work/streams/one/README.md:3:13 error unknown-status "Shipping" is not a status: use Ready, In Progress, Blocked, Paused, Complete',
		]);
		const rooted = await run('lint', folder, '--root', 'nowhere');
		assert.equal(rooted.stdout, '', '--root wins over the settings file');
	});

	it('reads the team template\'s example dependencies as leftovers', async () => {
		const folder = repository({
			'.project/templates/README.md': '# [Feature Name] Stream\n\n## Dependencies\n\n### Requires\n\n- upstream-stream (Phase 1)\n',
			'.project/streams/one/README.md': '# One\n\n**Status:** 🟢 Ready\n\n## Dependencies\n\n### Requires\n\n- upstream-stream (Phase 1)\n',
			'.project/streams/one/PLAN.md': '# Plan\n',
		});
		const { stdout } = await run('lint', folder);
		assert.match(stdout, /README\.md:9:3 warning template-leftover "upstream-stream" is the template's example/);
	});

	it('warns about a settings file that is not JSON, and lints with the defaults', async () => {
		const folder = repository({ ...HEALTHY, '.vscode/settings.json': '{ "streams.roots": [ }' });
		const { code, stderr } = await run('lint', folder);
		assert.equal(code, 0);
		assert.match(stderr, /settings\.json is not valid JSON/);
	});

	it('exits 2 for a folder that does not exist, or a bad argument', async () => {
		const missing = await run('lint', path.join(os.tmpdir(), 'no-such-streams-folder'));
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, /is not a folder/);
		const extra = await run('lint', '.', 'another');
		assert.equal(extra.code, 2);
		assert.match(extra.stderr, /unexpected argument another/);
		const option = await run('lint', '--fix');
		assert.equal(option.code, 2);
		assert.match(option.stderr, /unknown option --fix/);
	});
});

describe('settings.json with comments', () => {
	it('keeps strings that look like comments or trailing commas', () => {
		const text = '{\n  "a": "// not a comment, }", // a comment\n  "b": [1, 2,],\n  /* block */ "c": "/* kept */",\n}';
		assert.deepEqual(parseSettingsText(text), { ok: true, values: { a: '// not a comment, }', b: [1, 2], c: '/* kept */' } });
	});
});

/** The YAML library's own words for the error, taken from the output so the test does not pin them. */
function malformedDetail(stdout: string): string {
	return /malformed-front-matter The front matter is not valid YAML: (.*)/.exec(stdout)?.[1] ?? '';
}
