// YAML front matter of stream documents: which header keys it sets, where each value stands, and
// how a malformed block is reported instead of thrown.

import * as assert from 'node:assert/strict';
import { FrontMatterField, parseFrontMatter } from '../../src/core/markdown/frontMatter';

/** Replaces a field's range in its line, as an edit command would. */
function edit(text: string, field: FrontMatterField, replacement: string): string {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const line = lines[field.line];
	return line.slice(0, field.startColumn) + replacement + line.slice(field.endColumn);
}

const DOCUMENT = [
	'---',
	'title: "Depth Conditioning"',
	"status: '🔴 Blocked'",
	'Priority: P1',
	'owner: Ana Lima   # lead',
	'created: 2026-02-01',
	'last_updated: 2026-02-09',
	'tags: [controlnet, depth]',
	'---',
	'',
	'# Depth Stream',
].join('\n');

describe('parseFrontMatter', () => {
	it('returns undefined for a document without front matter', () => {
		assert.equal(parseFrontMatter('# Title\n\nstatus: ready\n'), undefined);
	});

	it('returns undefined for an unclosed --- (a thematic break, not front matter)', () => {
		assert.equal(parseFrontMatter('---\nstatus: ready\n\n# Title\n'), undefined);
	});

	it('reads the header keys case-insensitively, in order, ignoring other keys', () => {
		const frontMatter = parseFrontMatter(DOCUMENT);
		assert.ok(frontMatter);
		assert.deepEqual(frontMatter.fields.map(field => [field.key, field.value]), [
			['title', 'Depth Conditioning'],
			['status', '🔴 Blocked'],
			['priority', 'P1'],
			['owner', 'Ana Lima'],
			['created', '2026-02-01'],
			['last-updated', '2026-02-09'],
		]);
		assert.equal(frontMatter.title, 'Depth Conditioning');
		assert.equal(frontMatter.closingLine, 8);
		assert.equal(frontMatter.bodyStartLine, 9);
		assert.equal(frontMatter.problem, undefined);
	});

	it('locates a quoted value inside its quotes, so an edit keeps the quoting', () => {
		const status = parseFrontMatter(DOCUMENT)?.fields.find(field => field.key === 'status');
		assert.ok(status);
		assert.deepEqual([status.line, status.startColumn, status.endLine, status.endColumn, status.raw], [2, 9, 2, 19, '🔴 Blocked']);
		assert.equal(edit(DOCUMENT, status, '🟡 In Progress'), "status: '🟡 In Progress'");
	});

	it('locates a plain value without its trailing comment', () => {
		const owner = parseFrontMatter(DOCUMENT)?.fields.find(field => field.key === 'owner');
		assert.ok(owner);
		assert.equal(edit(DOCUMENT, owner, 'Maria Chen'), 'owner: Maria Chen   # lead');
	});

	it('gives dates and numbers as written, not as parsed values', () => {
		const frontMatter = parseFrontMatter('---\ncreated: 2026-01-14\npriority: 0\nstatus: true\n---\n');
		assert.deepEqual(frontMatter?.fields.map(field => field.value), ['2026-01-14', '0', 'true']);
	});

	it('gives the parsed text of a quoted value and its source as raw', () => {
		const owner = parseFrontMatter("---\nowner: 'O''Brien'\n---\n")?.fields[0];
		assert.deepEqual([owner?.value, owner?.raw], ["O'Brien", "O''Brien"]);
	});

	it('accepts last-updated spelled in every usual way', () => {
		for (const key of ['last-updated', 'last_updated', 'lastUpdated', 'Last Updated', 'LAST_UPDATED']) {
			const field = parseFrontMatter(`---\n${key}: 2026-02-09\n---\n`)?.fields[0];
			assert.equal(field?.key, 'last-updated', key);
		}
	});

	it('reports an empty value with an empty range where the value would go', () => {
		const text = '---\nowner: \nstatus:\n---\n';
		const [owner, status] = parseFrontMatter(text)?.fields ?? [];
		assert.deepEqual([owner.value, owner.line, owner.startColumn, owner.endColumn], ['', 1, 7, 7]);
		assert.deepEqual([status.value, status.line, status.startColumn, status.endColumn], ['', 2, 7, 7]);
	});

	it('spans several lines for a folded value', () => {
		const title = parseFrontMatter('---\ntitle: >\n  Depth\n  Conditioning\nstatus: ready\n---\n')?.fields[0];
		assert.deepEqual([title?.value, title?.line, title?.endLine, title?.endColumn], ['Depth Conditioning', 1, 3, 14]);
	});

	it('accepts ... as the closing fence', () => {
		const frontMatter = parseFrontMatter('---\nstatus: done\n...\n# Title\n');
		assert.deepEqual([frontMatter?.fields[0].value, frontMatter?.bodyStartLine], ['done', 3]);
	});

	it('does not count a BOM in line 0 or in columns, and ignores \\r of CRLF', () => {
		const text = '\uFEFF' + DOCUMENT.replace(/\n/g, '\r\n');
		const frontMatter = parseFrontMatter(text);
		const status = frontMatter?.fields.find(field => field.key === 'status');
		assert.ok(status);
		assert.deepEqual([status.line, status.startColumn, status.endColumn], [2, 9, 19]);
		assert.equal(edit(text, status, '✅ Complete'), "status: '✅ Complete'");
		const priority = frontMatter?.fields.find(field => field.key === 'priority');
		assert.deepEqual([priority?.raw, priority?.endColumn], ['P1', 12]);
		assert.equal(frontMatter?.bodyStartLine, 9);
	});

	it('reports malformed YAML with its file position and no fields, without throwing', () => {
		const frontMatter = parseFrontMatter('---\nstatus: ready\nowner: Ana: Lima\n---\n# Title\n');
		assert.ok(frontMatter?.problem);
		assert.match(frontMatter.problem.message, /mapping/i);
		assert.deepEqual([frontMatter.problem.line, frontMatter.problem.column], [2, 7]);
		assert.deepEqual(frontMatter.fields, []);
		assert.equal(frontMatter.bodyStartLine, 4);
	});

	it('reports duplicate keys as malformed', () => {
		const frontMatter = parseFrontMatter('---\nstatus: ready\nstatus: done\n---\n');
		assert.equal(frontMatter?.problem?.line, 2);
	});

	it('reports front matter that is not a mapping', () => {
		const frontMatter = parseFrontMatter('---\n- ready\n- done\n---\n');
		assert.match(frontMatter?.problem?.message ?? '', /mapping/);
		assert.equal(frontMatter?.problem?.line, 1);
	});

	it('treats an empty block as front matter without fields', () => {
		const frontMatter = parseFrontMatter('---\n---\n# Title\n');
		assert.deepEqual([frontMatter?.fields, frontMatter?.problem, frontMatter?.bodyStartLine], [[], undefined, 2]);
	});

	it('skips lists and maps under header keys', () => {
		assert.deepEqual(parseFrontMatter('---\nowner: [Ana, Bo]\nstatus: done\n---\n')?.fields.map(field => field.key), ['status']);
	});

	it('reads front matter of 80,000 keys (the duplicate-key check is linear), and still reports a duplicate', function () {
		// yaml's own check compares every key with every other: 10 s at 40,000 keys, four times that here. Ours
		// takes about a second, so even a machine loaded many times over stays inside this timeout.
		this.timeout(20_000);
		const keys = Array.from({ length: 80_000 }, (_, index) => `key${index}: value ${index}`);
		const many = parseFrontMatter(['---', 'status: ready', ...keys, '---', ''].join('\n'));
		assert.deepEqual([many?.problem, many?.fields.map(field => field.value)], [undefined, ['ready']]);
		const duplicated = parseFrontMatter(['---', 'status: ready', ...keys.slice(0, 100), 'key7: again', '---', ''].join('\n'));
		assert.equal(duplicated?.problem?.line, 102);
		assert.match(duplicated?.problem?.message ?? '', /key7.*more than once/);
	});

	it('reports duplicate keys in a nested mapping too', () => {
		const frontMatter = parseFrontMatter('---\nstatus: ready\nlinks:\n  a: 1\n  a: 2\n---\n');
		assert.equal(frontMatter?.problem?.line, 4);
	});

	it('says front matter nested too deeply is nested too deeply, not that a stack overflowed', () => {
		const frontMatter = parseFrontMatter('---\nstatus: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n---\n');
		assert.match(frontMatter?.problem?.message ?? '', /nested too deeply/);
		assert.doesNotMatch(frontMatter?.problem?.message ?? '', /stack/i);
	});

	it('counts brackets inside quotes as text, not as nesting', () => {
		const frontMatter = parseFrontMatter('---\nstatus: ready\nnote: "' + '['.repeat(5_000) + '"\n---\n');
		assert.equal(frontMatter?.problem, undefined);
		assert.deepEqual(frontMatter?.fields.map(field => field.value), ['ready']);
	});

	it('reads front matter whose lines end in a lone CR, as VS Code shows them', () => {
		const frontMatter = parseFrontMatter('---\rstatus: ready\rowner: Ann\r---\r# Title\r');
		assert.equal(frontMatter?.problem, undefined);
		assert.deepEqual(frontMatter?.fields.map(field => [field.key, field.value, field.line, field.startColumn]), [['status', 'ready', 1, 8], ['owner', 'Ann', 2, 7]]);
	});
});
