// Documents built to make a markdown reader slow: runs of brackets, emphasis openers, image openers, spaces
// inside a heading, link openers in STATUS.md. The reader runs on every README and STATUS on every keystroke,
// so each must read in time linear in its size; these read 100 KB or more and would take minutes if a step
// were quadratic (mocha's timeout fails them). `npm run bench` measures the growth ("hostile inputs").

import * as assert from 'node:assert/strict';
import { readDocumentHeader } from '../../src/core/header/headerFields';
import { namesBlocker } from '../../src/core/health/rules/statusVsPlan';
import { toPlainText } from '../../src/core/markdown/inlineText';

const SIZE = 100_000;

function repeat(unit: string, length = SIZE): string {
	return unit.repeat(Math.ceil(length / unit.length));
}

describe('the header reader on hostile documents', () => {
	it('reads a README of nothing but opening brackets as an overview of brackets', () => {
		const header = readDocumentHeader('README.md', '# Title\n\n' + repeat('['));
		assert.equal(header.firstHeading?.text, 'Title');
		assert.equal(header.overview?.startsWith('[[[['), true);
	});

	it('reads a title of unclosed bold openers', () => {
		const header = readDocumentHeader('README.md', '# ' + repeat('**x '));
		assert.equal(header.firstHeading?.text.startsWith('**x **x'), true);
	});

	it('reads a section heading of image openers', () => {
		const header = readDocumentHeader('README.md', '# T\n\n## ' + repeat('![(') + '\n\nText.\n');
		assert.equal(header.overview, undefined);
	});

	it('reads a title with a long run of spaces before its last word', () => {
		const header = readDocumentHeader('README.md', '# a' + ' '.repeat(SIZE) + 'b\n');
		assert.equal(header.firstHeading?.text, 'a' + ' '.repeat(SIZE) + 'b');
	});

	it('reads a section heading with a long run of spaces before its last word', () => {
		const header = readDocumentHeader('README.md', '# T\n\nIntroduction.\n\n## Overview' + ' '.repeat(SIZE) + 'x\n\nText.\n');
		assert.equal(header.overview, 'Introduction.');
	});

	it('reads an overview of underscores, tildes, stars, code ticks and angle brackets', () => {
		for (const unit of ['_a ', '~~a ', '*a ', '`` ` ', '<a', '<http:x', '[a][', '[a](', '\\']) {
			const header = readDocumentHeader('README.md', '# T\n\nText ' + repeat(unit) + '\n');
			assert.notEqual(header.overview, undefined, unit);
		}
	});

	it('finds no blocker in a STATUS.md whose Blockers section holds only link openers', () => {
		assert.equal(namesBlocker('# Status\n\n## Blockers\n\n- ' + repeat('[a](') + '\n'), true);
		assert.equal(namesBlocker('# Status\n\n## Blockers' + ' '.repeat(SIZE) + 'x\n\nNone\n'), false);
	});
});

describe('toPlainText', () => {
	const cases: readonly [string, string][] = [
		['**Auth** refresh', 'Auth refresh'],
		['`a **b**` and **c**', 'a **b** and c'],
		['``code with ` tick``', 'code with ` tick'],
		['`` unclosed', '`` unclosed'],
		['[link](https://x) and ![img](a.png) and [ref][1]', 'link and img and ref'],
		['<https://example.com> and <b>bold</b>', 'https://example.com and bold'],
		['snake_case_word and _em_', 'snake_case_word and em'],
		['~~gone~~ *it* \\*kept\\*', 'gone it *kept*'],
		['** not bold **', '** not bold **'],
	];
	for (const [markdown, plain] of cases) {
		it(`reads ${JSON.stringify(markdown)} as ${JSON.stringify(plain)}`, () => {
			assert.equal(toPlainText(markdown), plain);
		});
	}
});
