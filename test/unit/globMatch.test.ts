import * as assert from 'node:assert/strict';
import { matchesAnyGlob, matchesGlob } from '../../src/core/settings/globMatch';

describe('glob matching for streams.progress.files', () => {
	it('matches PLAN.md in any folder with **/PLAN.md, at the root too', () => {
		assert.ok(matchesGlob('PLAN.md', '**/PLAN.md'));
		assert.ok(matchesGlob('.project/streams/alpha/PLAN.md', '**/PLAN.md'));
		assert.ok(matchesGlob('/home/me/repo/docs/PLAN.md', '**/PLAN.md'));
		assert.ok(!matchesGlob('docs/PLAN.md.bak', '**/PLAN.md'));
		assert.ok(!matchesGlob('docs/MYPLAN.md', '**/PLAN.md'));
	});

	it('ignores case, so Plan.md is a plan too', () => {
		assert.ok(matchesGlob('docs/Plan.md', '**/PLAN.md'));
	});

	it('keeps * and ? within one folder', () => {
		assert.ok(matchesGlob('docs/roadmap.md', 'docs/*.md'));
		assert.ok(!matchesGlob('docs/2026/roadmap.md', 'docs/*.md'));
		assert.ok(matchesGlob('docs/q1.md', 'docs/q?.md'));
		assert.ok(!matchesGlob('docs/q10.md', 'docs/q?.md'));
	});

	it('lets ** stand for any number of folders in the middle or at the end', () => {
		assert.ok(matchesGlob('plans/a/b/c.md', 'plans/**/*.md'));
		assert.ok(matchesGlob('plans/c.md', 'plans/**/*.md'));
		assert.ok(matchesGlob('plans/a/b', 'plans/**'));
	});

	it('understands {a,b} alternatives, nested, and character classes', () => {
		assert.ok(matchesGlob('docs/TODO.md', 'docs/{PLAN,TODO}.md'));
		assert.ok(matchesGlob('docs/roadmap-2026.md', 'docs/{PLAN,roadmap-{2025,2026}}.md'));
		assert.ok(!matchesGlob('docs/NOTES.md', 'docs/{PLAN,TODO}.md'));
		assert.ok(matchesGlob('phase1.md', 'phase[0-9].md'));
		assert.ok(!matchesGlob('phasex.md', 'phase[0-9].md'));
		assert.ok(matchesGlob('phasex.md', 'phase[!0-9].md'));
	});

	it('takes regular-expression characters literally', () => {
		assert.ok(matchesGlob('a+b (1).md', 'a+b (1).md'));
		assert.ok(!matchesGlob('aab (1).md', 'a+b (1).md'));
	});

	it('matches when any path matches any pattern', () => {
		assert.ok(matchesAnyGlob(['docs/plan.md', '/repo/docs/plan.md'], ['notes/*.md', 'docs/*.md']));
		assert.ok(!matchesAnyGlob(['docs/plan.md'], []));
	});
});
