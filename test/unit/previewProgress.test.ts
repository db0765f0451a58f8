import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { previewProgressPlugin, PreviewProgressOptions } from '../../src/core/tasks/previewProgress';
import { ProgressStyle } from '../../src/core/tasks/progressText';

interface TestEnv { currentDocument?: string }

/** Documents named like a plan show progress; README.md and STATUS.md show their status; as the glue decides. */
function markdown(style: ProgressStyle = 'bar'): MarkdownIt {
	const md = new MarkdownIt({ html: true });
	const options: PreviewProgressOptions = {
		progressStyle: env => ((env as TestEnv).currentDocument?.endsWith('PLAN.md') ? style : undefined),
		showsStatus: env => /(?:README|STATUS)\.md$/.test((env as TestEnv).currentDocument ?? ''),
		describe: counts => `${counts.done} done, ${counts.active} active, ${counts.open} open, ${counts.cancelled} cancelled`,
		statusLabel: status => `label:${status}`,
	};
	md.use(previewProgressPlugin, options);
	return md;
}

/** A front-matter block rule like the one VS Code's preview adds, so the plugin sees the same tokens. */
function withFrontMatter(md: MarkdownIt): MarkdownIt {
	md.block.ruler.before('fence', 'front_matter', (state, startLine, _endLine, silent) => {
		if (startLine !== 0 || state.src.slice(0, 4) !== '---\n') {
			return false;
		}
		const end = state.src.indexOf('\n---', 3);
		if (end < 0) {
			return false;
		}
		if (!silent) {
			const lines = state.src.slice(0, end + 4).split('\n').length;
			const token = state.push('front_matter', '', 0);
			token.hidden = true;
			token.map = [0, lines];
			state.line = lines;
		}
		return true;
	});
	md.renderer.rules.front_matter = () => '';
	return md;
}

const plan = [
	'# Plan',
	'',
	'## Phase 1 - Design',
	'- [x] sketch',
	'- [ ] review',
	'- [/] spike',
	'',
	'## Notes',
	'Nothing here.',
	'',
	'## Phase 2 - Done',
	'* [x] ship',
	'',
].join('\n');

describe('Markdown preview progress', () => {
	it('adds the progress after each heading of a plan whose section holds tasks', () => {
		const html = markdown().render(plan, { currentDocument: '/repo/.project/streams/a/PLAN.md' });
		assert.match(html, /<h1>Plan<span class="streams-progress streams-progress-partial" title="2 done, 1 active, 1 open, 0 cancelled" aria-label="[^"]*">▰▰▱▱▱ 2\/4 · 50%<\/span><\/h1>/);
		assert.match(html, /<h2>Phase 1 - Design<span class="streams-progress streams-progress-partial"[^>]*>▰▱▱▱▱ 1\/3 · 33%<\/span><\/h2>/);
		assert.match(html, /<h2>Notes<\/h2>/, 'a section without tasks has no progress');
		assert.match(html, /<h2>Phase 2 - Done<span class="streams-progress streams-progress-complete"[^>]*>▰▰▰▰▰ 1\/1 · 100%<\/span><\/h2>/);
	});

	it('uses the configured style', () => {
		const html = markdown('fraction').render(plan, { currentDocument: 'PLAN.md' });
		assert.match(html, /<h1>Plan<span[^>]*>2\/4<\/span><\/h1>/);
		const percent = markdown('percent').render(plan, { currentDocument: 'PLAN.md' });
		assert.match(percent, /<h1>Plan<span[^>]*>50%<\/span><\/h1>/);
	});

	it('colours a plan with nothing done as none', () => {
		const html = markdown().render('# Plan\n- [ ] a\n', { currentDocument: 'PLAN.md' });
		assert.match(html, /streams-progress-none[^>]*>▱▱▱▱▱ 0\/1 · 0%</);
	});

	it('leaves other documents as markdown-it renders them', () => {
		const md = markdown();
		const plain = new MarkdownIt({ html: true });
		assert.equal(md.render(plan, { currentDocument: '/repo/NOTES.md' }), plain.render(plan));
		assert.equal(md.render(plan, {}), plain.render(plan));
	});

	it('decides per render, so one parsed token stream serves every document', () => {
		const md = markdown();
		const tokens = md.parse(plan, {});
		assert.match(md.renderer.render(tokens, md.options, { currentDocument: 'PLAN.md' }), /streams-progress/);
		assert.doesNotMatch(md.renderer.render(tokens, md.options, { currentDocument: 'OTHER.md' }), /streams-progress/);
	});

	it('escapes the breakdown text', () => {
		const md = new MarkdownIt();
		md.use(previewProgressPlugin, {
			progressStyle: () => 'fraction',
			showsStatus: () => false,
			describe: () => '"<done>"',
			statusLabel: () => '',
		});
		assert.match(md.render('# P\n- [ ] a\n'), /title="&quot;&lt;done&gt;&quot;"/);
	});
});

describe('Markdown preview status pill', () => {
	it('wraps an inline Status value in a pill coloured by its status', () => {
		const html = markdown().render('# Alpha Stream\n\n**Status:** 🟡 In Progress\n\nBody.\n', { currentDocument: '/s/alpha/README.md' });
		assert.match(html, /<p><strong>Status:<\/strong> <span class="streams-status streams-status-in-progress">🟡 In Progress<\/span><\/p>/);
	});

	it('finds the value among other fields on the same line', () => {
		const html = markdown().render('# A\n\nStatus: 🔴 Blocked | Owner: dave\n', { currentDocument: 'STATUS.md' });
		assert.match(html, /<p>Status: <span class="streams-status streams-status-blocked">🔴 Blocked<\/span> \| Owner: dave<\/p>/);
	});

	it('wraps an emphasised value inside its emphasis', () => {
		const html = markdown().render('**Status**: **Done**\n', { currentDocument: 'README.md' });
		assert.match(html, /<strong><span class="streams-status streams-status-complete">Done<\/span><\/strong>/);
	});

	it('shows no pill for an unfilled template or an unknown word', () => {
		const md = markdown();
		assert.doesNotMatch(md.render('Status: 🟢 Ready | 🟡 In Progress | 🔴 Blocked\n', { currentDocument: 'README.md' }), /streams-status/);
		assert.doesNotMatch(md.render('Status: Sleeping\n', { currentDocument: 'README.md' }), /streams-status/);
	});

	it('shows no pill in other documents', () => {
		assert.equal(markdown().render('Status: Ready\n', { currentDocument: 'NOTES.md' }), '<p>Status: Ready</p>\n');
	});

	it('ignores a Status line inside fenced code', () => {
		assert.doesNotMatch(markdown().render('```\nStatus: Ready\n```\n', { currentDocument: 'README.md' }), /streams-status/);
	});

	it('shows a front-matter status as a pill line under the title', () => {
		const md = withFrontMatter(markdown());
		const html = md.render('---\nstatus: paused\nowner: eve\n---\n# Beta Stream\n\nText.\n', { currentDocument: 'README.md' });
		assert.match(html, /<h1>Beta Stream<\/h1>\n<p class="streams-status-line"><span class="streams-status streams-status-paused">⏸️ label:paused<\/span><\/p>\n<p>Text.<\/p>/);
	});
});
