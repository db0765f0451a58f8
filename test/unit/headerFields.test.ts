// Header fields of stream documents as teams really write them: the seed README template filled and
// unfilled, bold keys, bullets, pipes, front matter, CRLF, BOM, and look-alikes that are not fields.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentHeader, readDocumentHeader, resolveHeader, scanFieldLine } from '../../src/core/header/headerFields';
import { HeaderField, HeaderKey } from '../../src/core/model/stream';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'headers');

function fixture(name: string): string {
	return readFileSync(join(FIXTURES, name), 'utf8');
}

function read(name: string, document = 'README.md'): DocumentHeader {
	return readDocumentHeader(document, fixture(name));
}

function field(header: DocumentHeader, key: HeaderKey, index = 0): HeaderField {
	const found = header.fields.filter(candidate => candidate.key === key)[index];
	assert.ok(found, `no ${key} field`);
	return found;
}

/** The field's line after replacing exactly the located characters, as "set status" would. */
function lineAfterEdit(text: string, located: HeaderField, replacement: string): string {
	const line = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)[located.location.line];
	assert.equal(line.slice(located.location.startColumn, located.location.endColumn), located.location.raw, 'range holds raw');
	return line.slice(0, located.location.startColumn) + replacement + line.slice(located.location.endColumn);
}

function summary(header: DocumentHeader): [HeaderKey, string, number][] {
	return header.fields.map(found => [found.key, found.value, found.location.line]);
}

describe('readDocumentHeader', () => {
	describe('the seed README template, filled in', () => {
		const text = fixture('readme-filled.md');
		const header = readDocumentHeader('README.md', text);

		it('reads the bold status line and the three fields sharing one line', () => {
			assert.deepEqual(summary(header), [
				['status', '🟡 In Progress', 2],
				['created', '2026-01-14', 4],
				['owner', 'The Collective', 4],
				['priority', 'High', 4],
			]);
			assert.ok(header.fields.every(found => found.location.source === 'inline' && found.location.document === 'README.md'));
		});

		it('locates the status so that replacing it keeps the bold key', () => {
			assert.equal(lineAfterEdit(text, field(header, 'status'), '🔴 Blocked'), '**Status:** 🔴 Blocked');
		});

		it('locates each of several fields on one line without touching the others', () => {
			assert.equal(lineAfterEdit(text, field(header, 'owner'), 'Ana Lima'), '**Created:** 2026-01-14 **Owner:** Ana Lima **Priority:** High');
			assert.equal(lineAfterEdit(text, field(header, 'priority'), 'Low'), '**Created:** 2026-01-14 **Owner:** The Collective **Priority:** Low');
			assert.equal(lineAfterEdit(text, field(header, 'created'), '2026-02-01'), '**Created:** 2026-02-01 **Owner:** The Collective **Priority:** High');
		});

		it('ignores fields inside code fences and in prose below the first 40 lines', () => {
			assert.ok(header.fields.every(found => found.location.line < 6));
		});

		it('finds the title heading and the overview as plain text', () => {
			assert.deepEqual(header.firstHeading, { text: 'ControlNet Foundation Stream', line: 0 });
			assert.equal(header.overview,
				'ControlNet Foundation provides the core integration layer for using ControlNet models with SDXL generation. ' +
				'It enables precise control over image composition through pose, segmentation and depth conditioning.');
			assert.deepEqual(header.problems, []);
		});

		it('leaves the overview out when asked to, and nothing else', () => {
			const { overview, ...rest } = header;
			assert.ok(overview);
			assert.deepEqual(readDocumentHeader('README.md', text, { overview: false }), rest);
		});
	});

	describe('the seed README template, unfilled', () => {
		const text = fixture('readme-template-unfilled.md');
		const header = readDocumentHeader('README.md', text);

		it('keeps every alternative of the template line as the value', () => {
			assert.equal(field(header, 'status').value, '🟢 Ready | 🟡 In Progress | 🔴 Blocked | ⏸️ Paused | ✅ Complete');
			assert.equal(field(header, 'priority').value, 'High | Medium | Low');
			assert.equal(field(header, 'created').value, 'YYYY-MM-DD');
			assert.equal(field(header, 'owner').value, '[Owner]');
		});

		it('locates the whole template line, so choosing a status replaces all alternatives', () => {
			assert.equal(lineAfterEdit(text, field(header, 'status'), '🟡 In Progress'), '**Status:** 🟡 In Progress');
			assert.equal(lineAfterEdit(text, field(header, 'priority'), 'High'), '**Created:** YYYY-MM-DD **Owner:** [Owner] **Priority:** High');
		});

		it('skips the placeholder and the sample text in Overview', () => {
			assert.equal(header.overview, undefined);
		});

		it('does not read the footer "Last Updated" far below the header', () => {
			assert.equal(header.fields.some(found => found.key === 'last-updated'), false);
		});
	});

	describe('keys, bullets, quotes and separators', () => {
		const text = fixture('readme-bullets-pipes.md');
		const header = readDocumentHeader('README.md', text);

		it('reads keys after a block quote, after bullets, with pipes between fields and bold or underscored keys', () => {
			assert.deepEqual(summary(header), [
				['status', '✅ Done', 2],
				['created', '2026-01-20', 4],
				['owner', 'Team Garment', 4],
				['priority', 'P0', 4],
				['last-updated', '2026-03-02 (after the review)', 5],
				['owner', 'Maria Chen', 6],
			]);
		});

		it('keeps the pipes around a value when it is replaced', () => {
			assert.equal(lineAfterEdit(text, field(header, 'owner'), 'Ana Lima'), '- Created: 2026-01-20 | Owner: Ana Lima | Priority: P0');
			assert.equal(lineAfterEdit(text, field(header, 'status'), '🟡 In Progress'), '> **Status**: 🟡 In Progress');
		});

		it('strips emphasis around a value and leaves a trailing HTML comment out of it', () => {
			assert.equal(lineAfterEdit(text, field(header, 'owner', 1), 'Ana Lima'), '- **Owner:** _Ana Lima_ <!-- one person, not a team -->');
		});

		it('reduces emphasis, strikethrough and reference links in the overview', () => {
			assert.equal(header.overview, 'Clothing control lets users pick garments by description; see the old design notes.');
		});
	});

	describe('key forms on a single line', () => {
		function values(line: string): [HeaderKey, string][] {
			return scanFieldLine(line).map(range => [range.key, line.slice(range.start, range.end)]);
		}

		it('accepts the colon inside or outside bold or underscore emphasis', () => {
			assert.deepEqual(values('**Status:** Ready'), [['status', 'Ready']]);
			assert.deepEqual(values('**Status**: Ready'), [['status', 'Ready']]);
			assert.deepEqual(values('__Status:__ Ready'), [['status', 'Ready']]);
			assert.deepEqual(values('__Status__: Ready'), [['status', 'Ready']]);
			assert.deepEqual(values('*Priority:* High'), [['priority', 'High']]);
			assert.deepEqual(values('status: ready'), [['status', 'ready']]);
			assert.deepEqual(values('LAST UPDATED: 2026-01-02'), [['last-updated', '2026-01-02']]);
		});

		it('reads a value whose bold runs from the key to the end of the line', () => {
			assert.deepEqual(values('**Status: Blocked**'), [['status', 'Blocked']]);
		});

		it('ends a value at the next key with or without a pipe, and keeps pipes between alternatives', () => {
			assert.deepEqual(values('Created: YYYY-MM-DD Owner: The Collective Priority: High | Medium | Low'), [
				['created', 'YYYY-MM-DD'], ['owner', 'The Collective'], ['priority', 'High | Medium | Low'],
			]);
			assert.deepEqual(values('Created: 2026-01-14 |Owner: Bo| Priority: Low |'), [['created', '2026-01-14'], ['owner', 'Bo'], ['priority', 'Low']]);
		});

		it('reports an empty value as an empty range right after the key', () => {
			const line = '**Owner:** **Priority:** High';
			assert.deepEqual(scanFieldLine(line), [{ key: 'owner', start: 11, end: 11 }, { key: 'priority', start: 25, end: 29 }]);
		});

		it('does not take a key in the middle of prose, or a longer word, as a field', () => {
			assert.deepEqual(values('The Status: see below'), []);
			assert.deepEqual(values('Co-Owner: Bo'), []);
			assert.deepEqual(values('Statuses: many'), []);
			assert.deepEqual(values('| Status | Ready |'), []);
		});

		it('counts columns in UTF-16 units, so emoji with and without U+FE0F are located exactly', () => {
			const withSelector = '**Status:** ⏸️ Paused **Owner:** Bo';
			const without = '**Status:** \u23F8 Paused **Owner:** Bo';
			const astral = '**Status:** 🟡 In Progress **Owner:** Bo';
			assert.deepEqual(scanFieldLine(withSelector).map(range => [range.start, range.end]), [[12, 21], [33, 35]]);
			assert.deepEqual(scanFieldLine(without).map(range => [range.start, range.end]), [[12, 20], [32, 34]]);
			assert.deepEqual(scanFieldLine(astral).map(range => [range.start, range.end]), [[12, 26], [38, 40]]);
		});
	});

	describe('look-alikes that are not fields', () => {
		const header = read('readme-fenced-fields.md');

		it('ignores fields in ``` and ~~~ fences, HTML comments, indented code and headings', () => {
			assert.deepEqual(summary(header), [['priority', 'Medium', 23]]);
		});

		it('does not take a heading inside a fence as the title', () => {
			assert.deepEqual(readDocumentHeader('README.md', '```\n# Not The Title\n```\n\n# Real Title\n').firstHeading, { text: 'Real Title', line: 4 });
		});
	});

	// What markdown-it (the preview) reads as HTML, code or a list is read as such here too: one reading of markdown.
	describe('blocks as the preview reads them', () => {
		it('does not take a heading inside an HTML block as the title', () => {
			const header = readDocumentHeader('README.md', '<div align="center">\n# Banner\n</div>\n\n# Real Title\n');
			assert.deepEqual(header.firstHeading, { text: 'Real Title', line: 4 });
		});

		it('takes no field from an HTML block, and fields again after it ends', () => {
			const header = readDocumentHeader('README.md', '# T\n\n<details>\n**Status:** Blocked\n</details>\n\n**Status:** Ready\n');
			assert.deepEqual(summary(header), [['status', 'Ready', 6]]);
		});

		it('does not let a fence inside a list item hide the fields after it', () => {
			const header = readDocumentHeader('README.md', '# T\n\n- step\n\n  ```\n  **Owner:** sample\n  ```\n\n**Owner:** Ana\n');
			assert.deepEqual(summary(header), [['owner', 'Ana', 8]]);
		});

		it('takes a field from a list item indented four columns under its parent, but not from indented code', () => {
			const header = readDocumentHeader('README.md', '# T\n\n- Header\n    - **Owner:** Ana\n\n    **Priority:** Low\n');
			assert.deepEqual(summary(header), [['owner', 'Ana', 3], ['priority', 'Low', 5]]);
			const code = readDocumentHeader('README.md', '# T\n\nIntro.\n\n    **Priority:** Low\n');
			assert.deepEqual(summary(code), []);
		});

		it('reads a paragraph over its lines as the overview, up to the list that interrupts it', () => {
			const header = readDocumentHeader('README.md', '# T\n\n## Overview\n\nOne line\nand its continuation.\n- a list\n');
			assert.equal(header.overview, 'One line and its continuation.');
		});

		it('ends a section at a setext heading', () => {
			const header = readDocumentHeader('README.md', '# T\n\nOverview\n--------\n\nThe point of it all.\n\nNext\n----\n\nOther.\n');
			assert.equal(header.overview, 'The point of it all.');
		});

		it('blanks a comment that spans the lines of a paragraph, but not past its end', () => {
			const header = readDocumentHeader('README.md', '# T\n\nShown <!-- hidden\nstill hidden --> shown too.\n');
			assert.equal(header.overview, 'Shown shown too.');
		});
	});

	describe('front matter', () => {
		const text = fixture('readme-front-matter.md');
		const header = readDocumentHeader('README.md', text);

		it('lists front-matter fields before inline ones', () => {
			assert.deepEqual(header.fields.map(found => [found.key, found.location.source]), [
				['title', 'front-matter'], ['status', 'front-matter'], ['priority', 'front-matter'], ['owner', 'front-matter'],
				['created', 'front-matter'], ['last-updated', 'front-matter'], ['status', 'inline'], ['owner', 'inline'],
			]);
			assert.equal(header.frontMatterTitle, 'Depth Conditioning');
			assert.equal(header.bodyStartLine, 9);
		});

		it('locates a front-matter value in the file, inside its quotes', () => {
			assert.equal(lineAfterEdit(text, field(header, 'status'), '🟡 In Progress'), "status: '🟡 In Progress'");
		});

		it('reports malformed front matter and still reads the inline fields', () => {
			const malformed = read('readme-front-matter-malformed.md');
			assert.equal(malformed.problems.length, 1);
			assert.equal(malformed.problems[0].document, 'README.md');
			assert.equal(malformed.problems[0].code, 'malformed-front-matter');
			assert.equal(typeof malformed.problems[0].line, 'number');
			assert.deepEqual(summary(malformed), [['status', '🟡 In Progress', 7], ['priority', 'Low', 8]]);
			assert.deepEqual(malformed.firstHeading, { text: 'Pose Preprocessor Stream', line: 5 });
		});

		it('does not read the front matter lines as inline fields', () => {
			const plain = readDocumentHeader('README.md', '---\nstatus: done\n---\n\nSome text.\n');
			assert.deepEqual(plain.fields.map(found => found.location.source), ['front-matter']);
		});
	});

	describe('line endings and byte order mark', () => {
		const lf = fixture('readme-filled.md');
		const expected = readDocumentHeader('README.md', lf).fields.map(found => found.location);

		it('gives the same lines and columns for CRLF', () => {
			const crlf = lf.replace(/\n/g, '\r\n');
			const header = readDocumentHeader('README.md', crlf);
			assert.deepEqual(header.fields.map(found => found.location), expected);
			assert.equal(lineAfterEdit(crlf, field(header, 'priority'), 'Low'), '**Created:** 2026-01-14 **Owner:** The Collective **Priority:** Low');
		});

		it('does not count a BOM in the columns of the first line', () => {
			const withBom = '\uFEFFStatus: paused\r\nOwner: Bo\r\n';
			const header = readDocumentHeader('README.md', withBom);
			assert.deepEqual(header.fields.map(found => [found.location.line, found.location.startColumn, found.location.endColumn]), [[0, 8, 14], [1, 7, 9]]);
			assert.equal(lineAfterEdit(withBom, field(header, 'status'), 'done'), 'Status: done');
		});

		it('reads front matter after a BOM', () => {
			const header = readDocumentHeader('README.md', '\uFEFF' + fixture('readme-front-matter.md').replace(/\n/g, '\r\n'));
			assert.equal(field(header, 'status').value, '🔴 Blocked');
			assert.deepEqual([field(header, 'status').location.line, field(header, 'status').location.startColumn], [2, 9]);
		});
	});

	describe('overview', () => {
		it('falls back to the first paragraph after the title, skipping the field lines', () => {
			const header = readDocumentHeader('README.md', '# Upscaler Stream\n\n**Status:** paused\n\nUpscales *everything* by 4x.\n\n## Goals\n\nNot this.\n');
			assert.equal(header.overview, 'Upscales everything by 4x.');
		});

		it('reads a paragraph before the first heading when there is no title', () => {
			assert.equal(read('readme-no-title.md').overview,
				'Work on the upscaler has been paused until the new GPUs arrive. It picks up where the prototype left off.');
		});

		it('finds the Overview section at any level, with an emoji or a number before it', () => {
			const header = readDocumentHeader('README.md', '# T\n\nIntro.\n\n### 📋 1. Overview:\n\n[Describe it]\n\nThe real overview.\n');
			assert.equal(header.overview, 'The real overview.');
		});

		it('cuts a long overview at a word boundary, within 400 characters', () => {
			const long = 'word '.repeat(200).trim();
			const overview = readDocumentHeader('README.md', `# T\n\n## Overview\n\n${long}\n`).overview ?? '';
			assert.ok(overview.length <= 400, String(overview.length));
			assert.match(overview, /^word( word)+…$/);
		});

		it('does not take the intro of a list, quote, table or code block as the overview', () => {
			const header = readDocumentHeader('README.md', '# T\n\n- a list\n\n> a quote\n\n| a | b |\n| - | - |\n\n    code\n\n## Next\n\nLater.\n');
			assert.equal(header.overview, undefined);
		});
	});

	it('never throws on odd input', () => {
		for (const text of ['', '\uFEFF', '---', '---\n', '```', '<!--', '**Status:**', '\r\n\r\n', '# ']) {
			assert.doesNotThrow(() => readDocumentHeader('README.md', text), JSON.stringify(text));
		}
	});
});

describe('resolveHeader', () => {
	const readme = read('readme-filled.md');

	it('resolves the filled README', () => {
		const resolved = resolveHeader(readme, undefined, 'controlnet-foundation');
		assert.deepEqual(
			[resolved.title, resolved.status, resolved.priority, resolved.owner, resolved.created, resolved.lastUpdated],
			['ControlNet Foundation', 'in-progress', 'high', 'The Collective', '2026-01-14', undefined],
		);
		assert.equal(resolved.overview, readme.overview);
		assert.equal(resolved.sources.status, field(readme, 'status'));
	});

	it('leaves every field of the unfilled template unset and titles it by its folder', () => {
		const resolved = resolveHeader(read('readme-template-unfilled.md'), undefined, 'image-pipeline');
		assert.deepEqual(
			[resolved.title, resolved.status, resolved.priority, resolved.owner, resolved.created, resolved.overview],
			['image-pipeline', undefined, undefined, undefined, undefined, undefined],
		);
		assert.deepEqual(resolved.sources, {});
	});

	it('lets STATUS.md fill in only what README.md lacks', () => {
		const status = read('status-fills-gaps.md', 'STATUS.md');
		const unfilled = read('readme-template-unfilled.md');
		const resolved = resolveHeader(unfilled, status, 'image-pipeline');
		assert.deepEqual(
			[resolved.status, resolved.priority, resolved.owner, resolved.lastUpdated],
			['blocked', 'low', 'Someone Else', '2026-02-03'],
		);
		assert.equal(resolved.sources.status?.location.document, 'STATUS.md');

		const withReadme = resolveHeader(readme, status, 'controlnet-foundation');
		assert.deepEqual(
			[withReadme.status, withReadme.priority, withReadme.owner, withReadme.lastUpdated],
			['in-progress', 'high', 'The Collective', '2026-02-03'],
		);
		assert.deepEqual(withReadme.fields.map(found => found.location.document), [
			'README.md', 'README.md', 'README.md', 'README.md', 'STATUS.md', 'STATUS.md', 'STATUS.md', 'STATUS.md',
		]);
	});

	it('prefers front matter to inline fields and takes the front-matter title', () => {
		const resolved = resolveHeader(read('readme-front-matter.md'), undefined, 'depth');
		assert.deepEqual(
			[resolved.title, resolved.status, resolved.priority, resolved.owner, resolved.created, resolved.lastUpdated],
			['Depth Conditioning', 'blocked', 'medium', 'Ana Lima', '2026-02-01', '2026-02-09'],
		);
		assert.equal(resolved.sources.title?.location.source, 'front-matter');
	});

	it('falls back to the folder name without a README title, and reads an empty owner as unset', () => {
		const resolved = resolveHeader(read('readme-no-title.md'), undefined, 'upscaler');
		assert.deepEqual([resolved.title, resolved.status, resolved.owner], ['upscaler', 'paused', undefined]);
	});

	it('takes the title from README only, keeping a title that is just "Stream"', () => {
		const status = readDocumentHeader('STATUS.md', '# Status Report\n');
		assert.equal(resolveHeader(undefined, status, 'folder').title, 'folder');
		assert.equal(resolveHeader(readDocumentHeader('README.md', '# Stream\n'), undefined, 'folder').title, 'Stream');
		assert.equal(resolveHeader(readDocumentHeader('README.md', '# **Pose** Stream\n'), undefined, 'folder').title, 'Pose');
	});

	it('accepts only real YYYY-MM-DD dates for Created', () => {
		const created = (value: string) => resolveHeader(readDocumentHeader('README.md', `Created: ${value}\n`), undefined, 'f').created;
		assert.equal(created('2026-01-14'), '2026-01-14');
		assert.equal(created('YYYY-MM-DD'), undefined);
		assert.equal(created('2026-02-30'), undefined);
		assert.equal(created('14/01/2026'), undefined);
		assert.equal(created('2026-01-14 (kickoff)'), undefined);
	});

	it('collects the problems of both documents', () => {
		const malformed = read('readme-front-matter-malformed.md');
		assert.equal(resolveHeader(malformed, undefined, 'pose').problems.length, 1);
	});
});
