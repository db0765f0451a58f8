// Filling a template for a new stream: the team's seed-style header, front matter, explicit tokens and CRLF
// files. What matters is what the header parser reads back, and that nothing around the values changes.

import * as assert from 'node:assert/strict';
import { readDocumentHeader, resolveHeader } from '../../src/core/header/headerFields';
import { parseFrontMatter } from '../../src/core/markdown/frontMatter';
import { fillTemplate, formatLocalDate, hasPlaceholders, TemplateValues } from '../../src/core/templates/templates';

const values: TemplateValues = { name: 'Offline Editing', slug: 'offline-editing', date: '2026-03-04', owner: 'Ana Lima', priority: 'high' };

function readBack(text: string, document = 'README.md') {
	return resolveHeader(readDocumentHeader(document, text), undefined, 'folder');
}

describe('fillTemplate', () => {
	describe('the seed-style header', () => {
		const seed = [
			'# [Feature Name] Stream',
			'',
			'**Status:** 🟢 Ready | 🟡 In Progress | 🔴 Blocked | ⏸️ Paused | ✅ Complete',
			'',
			'**Created:** YYYY-MM-DD **Owner:** The Collective **Priority:** High | Medium | Low',
			'',
			'## Overview',
			'',
			'[1-2 paragraphs]',
		].join('\n');
		const filled = fillTemplate(seed, values);
		const lines = filled.split('\n');

		it('puts the name in the title', () => assert.equal(lines[0], '# Offline Editing Stream'));
		it('sets the status to ready, keeping the bold key and the emoji style', () => assert.equal(lines[2], '**Status:** 🟢 Ready'));
		it('fills date, owner and priority on their shared line, formatting kept', () => {
			assert.equal(lines[4], '**Created:** 2026-03-04 **Owner:** Ana Lima **Priority:** High');
		});
		it('leaves the rest alone', () => assert.deepEqual(lines.slice(5), ['', '## Overview', '', '[1-2 paragraphs]']));
		it('reads back as a ready stream with the chosen values', () => {
			const header = readBack(filled);
			assert.deepEqual([header.title, header.status, header.priority, header.owner, header.created], ['Offline Editing', 'ready', 'high', 'Ana Lima', '2026-03-04']);
		});
	});

	it('fills fields written as a list with pipes, and the Last Updated line', () => {
		const text = '- Status: ready | in progress | done\n- Created: YYYY-MM-DD | Owner: [Owner] | Priority: P0 | P1 | P2\n- Last Updated: YYYY-MM-DD\n';
		assert.equal(fillTemplate(text, { ...values, priority: 'low' }),
			'- Status: ready\n- Created: 2026-03-04 | Owner: Ana Lima | Priority: P2\n- Last Updated: 2026-03-04\n');
	});

	it('writes the priority in the style the template offers', () => {
		const line = (priority: string) => fillTemplate(`**Priority:** ${priority}`, { ...values, priority: 'medium' });
		assert.equal(line('High | Medium | Low'), '**Priority:** Medium');
		assert.equal(line('high | medium | low'), '**Priority:** medium');
		assert.equal(line('P0 | P1 | P2'), '**Priority:** P1');
		assert.equal(line('HIGH/MEDIUM/LOW'), '**Priority:** Medium', 'an unreadable list gets the plain label');
		assert.equal(line('Low'), '**Priority:** Medium', 'a fixed priority is replaced by the one chosen');
	});

	it('keeps a definite status the team chose, and replaces a placeholder or unknown word', () => {
		assert.equal(fillTemplate('Status: Planned', values), 'Status: Planned');
		assert.equal(fillTemplate('Status: [Status]', values), 'Status: 🟢 Ready');
		assert.equal(fillTemplate('Status: Draft', values), 'Status: 🟢 Ready');
		assert.equal(fillTemplate('Status:', values), 'Status: 🟢 Ready');
		assert.equal(fillTemplate('**Status:**', values), '**Status:** 🟢 Ready');
	});

	it('leaves fields inside code blocks and below the header area alone', () => {
		const text = '# [Feature Name]\n\n```\nStatus: 🟢 Ready | 🟡 In Progress\n```\n';
		assert.equal(fillTemplate(text, values), '# Offline Editing\n\n```\nStatus: 🟢 Ready | 🟡 In Progress\n```\n');
	});

	describe('explicit tokens', () => {
		it('fills every token, in any case and with spaces inside the braces', () => {
			const text = '{{name}} / {{slug}} / {{date}} / {{owner}} / {{priority}} / {{status}} / {{ Name }} / {{SLUG}}';
			assert.equal(fillTemplate(text, values), 'Offline Editing / offline-editing / 2026-03-04 / Ana Lima / High / 🟢 Ready / Offline Editing / offline-editing');
		});

		it('fills tokens used as header values, and the result reads back', () => {
			const text = '# {{name}}\n\nStatus: {{status}}\nOwner: {{owner}} | Priority: {{priority}} | Created: {{date}}\n';
			const header = readBack(fillTemplate(text, values));
			assert.deepEqual([header.title, header.status, header.owner, header.priority, header.created], ['Offline Editing', 'ready', 'Ana Lima', 'high', '2026-03-04']);
		});

		it('keeps text after a filled value on the same line', () => {
			assert.equal(fillTemplate('Priority: {{priority}} · Folder: {{slug}}', values), 'Priority: High · Folder: offline-editing');
			assert.equal(fillTemplate('Owner: {{owner}} (lead)', values), 'Owner: Ana Lima (lead)');
			assert.equal(fillTemplate('Created: {{date}} at kickoff', values), 'Created: 2026-03-04 at kickoff');
			assert.equal(fillTemplate('Priority: **Low** for now', values), 'Priority: **High** for now', 'only the word changes');
		});

		it('leaves unknown tokens for the team to notice', () => {
			assert.equal(fillTemplate('{{sprint}} {{name}}', values), '{{sprint}} Offline Editing');
		});

		it('does not fill placeholders that arrive inside filled values', () => {
			const tricky = { ...values, name: 'Literal {{slug}} and YYYY-MM-DD', owner: '[Feature Name]' };
			assert.equal(fillTemplate('# {{name}}\nOwner: {{owner}}', tricky), '# Literal {{slug}} and YYYY-MM-DD\nOwner: [Feature Name]');
		});
	});

	describe('front matter', () => {
		const template = [
			'---',
			'title: "{{name}}"',
			'status: 🟢 Ready | 🟡 In Progress | 🔴 Blocked',
			'priority: high | medium | low',
			'owner: {{owner}}',
			'created: YYYY-MM-DD',
			'slug: {{slug}}',
			'tags: [stream, {{slug}}]',
			'aliases: [{{name}}]',
			'summary: |',
			'  {{name}}: what it is # not a comment here',
			'---',
			'',
			'# {{name}}',
		].join('\n');

		it('fills values in place, in the style of each', () => {
			assert.equal(fillTemplate(template, values), [
				'---',
				'title: "Offline Editing"',
				'status: 🟢 Ready',
				'priority: high',
				'owner: Ana Lima',
				'created: 2026-03-04',
				'slug: offline-editing',
				'tags: [stream, offline-editing]',
				'aliases: [Offline Editing]',
				'summary: |',
				'  Offline Editing: what it is # not a comment here',
				'---',
				'',
				'# Offline Editing',
			].join('\n'));
		});

		it('quotes values that YAML would otherwise misread, and the front matter still parses to them', () => {
			const awkward = { ...values, name: 'Sync: "fast" #1, [beta]', slug: 'sync-fast-1-beta', owner: "O'Brien: core team" };
			const filled = fillTemplate(template, awkward);
			const frontMatter = parseFrontMatter(filled);
			assert.equal(frontMatter?.problem, undefined, filled);
			const header = readBack(filled);
			assert.equal(header.title, awkward.name);
			assert.equal(header.owner, awkward.owner);
			assert.equal(header.status, 'ready');
			assert.equal(header.priority, 'high');
			assert.equal(header.created, '2026-03-04');
			assert.match(filled, /^tags: \[stream, sync-fast-1-beta\]$/m);
			assert.match(filled, /^aliases: \["Sync: \\"fast\\" #1, \[beta\]"\]$/m, 'a value with flow punctuation is quoted inside [ ]');
			assert.match(filled, /^ {2}Sync: "fast" #1, \[beta\]: what it is/m, 'a block scalar takes the text as it is');
		});

		it('escapes inside single quotes and fills an empty value after the colon', () => {
			const text = "---\ntitle: '[Feature Name]'\nowner:\n---\n";
			const filled = fillTemplate(text, { ...values, name: "Ana's Plan" });
			assert.equal(filled, "---\ntitle: 'Ana''s Plan'\nowner: Ana Lima\n---\n");
			assert.equal(readBack(filled).title, "Ana's Plan");
		});

		it('quotes a value that would read as a number or a boolean', () => {
			const filled = fillTemplate('---\ntitle: {{name}}\nowner: {{owner}}\n---\n', { ...values, name: '2026', owner: 'yes' });
			assert.equal(filled, '---\ntitle: "2026"\nowner: "yes"\n---\n');
		});
	});

	describe('line endings and BOM', () => {
		it('keeps CRLF line endings and fills the same as LF', () => {
			const lf = '# [Feature Name] Stream\n\n**Status:** 🟢 Ready | 🟡 In Progress\n\n**Created:** YYYY-MM-DD **Owner:** X **Priority:** High | Medium | Low\n';
			const crlf = lf.replace(/\n/g, '\r\n');
			const filled = fillTemplate(crlf, values);
			assert.equal(filled, fillTemplate(lf, values).replace(/\n/g, '\r\n'));
			assert.equal(filled.split('\r\n').length, 6);
			assert.doesNotMatch(filled.replace(/\r\n/g, ''), /[\r\n]/);
		});

		it('keeps CRLF in front matter', () => {
			const filled = fillTemplate('---\r\nowner: {{owner}}\r\nstatus: ready | done\r\n---\r\n# {{name}}\r\n', values);
			assert.equal(filled, '---\r\nowner: Ana Lima\r\nstatus: ready\r\n---\r\n# Offline Editing\r\n');
		});

		it('keeps a byte order mark', () => {
			assert.equal(fillTemplate('\uFEFFOwner: [Owner]\n', values), '\uFEFFOwner: Ana Lima\n');
		});
	});

	it('returns text without placeholders or fields unchanged', () => {
		const text = 'Just notes.\r\n\r\n- [ ] a task\n';
		assert.equal(fillTemplate(text, values), text);
	});
});

describe('hasPlaceholders', () => {
	it('finds each kind of placeholder', () => {
		assert.equal(hasPlaceholders('[Feature Name]'), true);
		assert.equal(hasPlaceholders('on YYYY-MM-DD'), true);
		assert.equal(hasPlaceholders('{{ owner }}'), true);
		assert.equal(hasPlaceholders('{{other}} [Owner] 2026-01-01'), false);
	});
});

describe('formatLocalDate', () => {
	it('writes the local calendar date with zero padding', () => {
		assert.equal(formatLocalDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
		assert.equal(formatLocalDate(new Date(2026, 11, 31, 0, 0)), '2026-12-31');
	});
});
