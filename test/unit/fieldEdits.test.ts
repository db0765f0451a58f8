// Setting a stream's status or priority rewrites only the value, in the style the header is written in:
// the seed template's one-line fields, bold keys, front matter, missing fields, CRLF files.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFieldEdits, DocumentText, FieldChange, fieldDocument, fieldEdits } from '../../src/core/header/fieldEdits';
import { readDocumentHeader, resolveHeader } from '../../src/core/header/headerFields';
import { PRIORITY_ORDER, STATUS_ORDER } from '../../src/core/model/stream';

const HEADER_FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'headers');

const TODAY = '2026-03-01';

interface Case {
	readonly name: string;
	readonly before: string;
	readonly change: FieldChange;
	readonly after: string;
	readonly document?: string;
}

const blocked: FieldChange = { key: 'status', value: 'blocked' };
const inProgress: FieldChange = { key: 'status', value: 'in-progress' };

function lines(...text: string[]): string {
	return text.join('\n');
}

const CASES: readonly Case[] = [
	// The seed README template, as its text rendering shows it: unfilled one-line fields.
	{
		name: 'fills the seed template\'s unfilled status with emoji and label, like its first alternative',
		before: lines('[Feature Name] Stream', '', 'Status: 🟢 Ready | 🟡 In Progress | 🔴 Blocked | ⏸️ Paused | Complete', '', 'Created: YYYY-MM-DD Owner: The Collective Priority: High | Medium | Low', ''),
		change: inProgress,
		after: lines('[Feature Name] Stream', '', 'Status: 🟡 In Progress', '', 'Created: YYYY-MM-DD Owner: The Collective Priority: High | Medium | Low', ''),
	},
	{
		name: 'fills the seed template\'s unfilled priority and leaves the other fields on its line alone',
		before: lines('Status: 🟢 Ready', '', 'Created: YYYY-MM-DD Owner: The Collective Priority: High | Medium | Low', ''),
		change: { key: 'priority', value: 'low' },
		after: lines('Status: 🟢 Ready', '', 'Created: YYYY-MM-DD Owner: The Collective Priority: Low', ''),
	},
	{
		name: 'changes a priority among pipe-separated fields',
		before: lines('# Search', '', 'Created: 2026-01-14 | Owner: The Collective | Priority: High', ''),
		change: { key: 'priority', value: 'medium' },
		after: lines('# Search', '', 'Created: 2026-01-14 | Owner: The Collective | Priority: Medium', ''),
	},
	// Bold keys, as the bundled templates write them.
	{
		name: 'keeps the bold key and the emoji style',
		before: lines('# Auth Refresh Stream', '', '**Status:** 🟡 In Progress', '', '**Created:** 2026-01-14 **Owner:** alice **Priority:** High', ''),
		change: blocked,
		after: lines('# Auth Refresh Stream', '', '**Status:** 🔴 Blocked', '', '**Created:** 2026-01-14 **Owner:** alice **Priority:** High', ''),
	},
	{
		name: 'changes the priority in the middle of a bold one-line header without touching its neighbours',
		before: lines('**Created:** 2026-01-14 **Owner:** alice **Priority:** High **Status:** Ready', ''),
		change: { key: 'priority', value: 'low' },
		after: lines('**Created:** 2026-01-14 **Owner:** alice **Priority:** Low **Status:** Ready', ''),
	},
	{
		name: 'keeps the colon outside the bold key, a lower-case word and a list bullet',
		before: lines('- **Status**: wip', '- **Owner**: bob', ''),
		change: { key: 'status', value: 'paused' },
		after: lines('- **Status**: paused', '- **Owner**: bob', ''),
	},
	{
		name: 'keeps emphasis around the value',
		before: lines('**Status:** _Ready_', ''),
		change: { key: 'status', value: 'complete' },
		after: lines('**Status:** _Complete_', ''),
	},
	{
		name: 'keeps emphasis that spans key and value',
		before: lines('**Status: Ready**', ''),
		change: { key: 'status', value: 'complete' },
		after: lines('**Status: Complete**', ''),
	},
	{
		name: 'keeps an emoji that stands alone',
		before: lines('Status: ⏸️', ''),
		change: { key: 'status', value: 'complete' },
		after: lines('Status: ✅', ''),
	},
	{
		name: 'keeps upper case and the P-scale',
		before: lines('STATUS: BLOCKED | PRIORITY: P2', ''),
		change: { key: 'priority', value: 'high' },
		after: lines('STATUS: BLOCKED | PRIORITY: P0', ''),
	},
	{
		name: 'replaces a word it does not know with emoji and label',
		before: lines('Status: TBD', ''),
		change: inProgress,
		after: lines('Status: 🟡 In Progress', ''),
	},
	{
		name: 'fills an empty inline value with a space after the colon',
		before: lines('# T', '', '**Status:**', ''),
		change: inProgress,
		after: lines('# T', '', '**Status:** 🟡 In Progress', ''),
	},
	// Words after the value are the author's: only the recognised words and emoji change (DESIGN.md §6).
	{
		name: 'keeps the words after a status, emoji and all',
		before: lines('**Status:** 🟢 Ready — see notes', ''),
		change: blocked,
		after: lines('**Status:** 🔴 Blocked — see notes', ''),
	},
	{
		name: 'keeps the words after a status written without an emoji',
		before: lines('**Status:** Ready — see notes', ''),
		change: blocked,
		after: lines('**Status:** Blocked — see notes', ''),
	},
	{
		name: 'keeps the closing emphasis and the words after a status in bold with its key',
		before: lines('**Status: Ready** (since May)', ''),
		change: blocked,
		after: lines('**Status: Blocked** (since May)', ''),
	},
	{
		name: 'keeps the words after a priority',
		before: lines('**Priority:** High (customer ask)', ''),
		change: { key: 'priority', value: 'low' },
		after: lines('**Priority:** Low (customer ask)', ''),
	},
	{
		name: 'keeps an emoji that is not a status and emphasis between the emoji and the word',
		before: lines('Status: ⚠️ **Blocked** by the API review', ''),
		change: { key: 'status', value: 'in-progress' },
		after: lines('Status: ⚠️ **In Progress** by the API review', ''),
	},
	{
		name: 'keeps the case of the recognised words, not of the words after them',
		before: lines('Status: paused Since May', ''),
		change: inProgress,
		after: lines('Status: in-progress Since May', ''),
	},
	{
		name: 'changes nothing when the status already says so, words after it included',
		before: lines('**Status:** Blocked — see notes', ''),
		change: blocked,
		after: lines('**Status:** Blocked — see notes', ''),
	},
	{
		name: 'keeps the words after a front-matter status',
		before: lines('---', 'status: ready (waiting on legal)', '---', ''),
		change: blocked,
		after: lines('---', 'status: blocked (waiting on legal)', '---', ''),
	},
	{
		name: 'writes an empty quoted front-matter value between its quotes',
		before: lines('---', 'status: ""', 'priority: \'\'', '---', ''),
		change: blocked,
		after: lines('---', 'status: "blocked"', 'priority: \'\'', '---', ''),
	},
	{
		name: 'writes an empty single-quoted front-matter priority between its quotes',
		before: lines('---', 'priority: \'\'', '---', ''),
		change: { key: 'priority', value: 'medium' },
		after: lines('---', 'priority: \'medium\'', '---', ''),
	},
	// Front matter.
	{
		name: 'rewrites a plain front-matter value in its own style',
		before: lines('---', 'title: API Rate Limits', 'status: paused', 'priority: P1', '---', '', '# Rate limiting', ''),
		change: inProgress,
		after: lines('---', 'title: API Rate Limits', 'status: in-progress', 'priority: P1', '---', '', '# Rate limiting', ''),
	},
	{
		name: 'keeps the P-scale of a front-matter priority',
		before: lines('---', 'status: paused', 'priority: P1', '---', ''),
		change: { key: 'priority', value: 'high' },
		after: lines('---', 'status: paused', 'priority: P0', '---', ''),
	},
	{
		name: 'keeps double quotes around a front-matter value',
		before: lines('---', 'Status: "🟢 Ready"', '---', ''),
		change: blocked,
		after: lines('---', 'Status: "🔴 Blocked"', '---', ''),
	},
	{
		name: 'keeps single quotes around a front-matter value',
		before: lines('---', 'status: \'In Progress\'', '---', ''),
		change: { key: 'status', value: 'complete' },
		after: lines('---', 'status: \'Complete\'', '---', ''),
	},
	{
		name: 'fills an empty front-matter value with the plain id',
		before: lines('---', 'status:', 'owner: erin', '---', ''),
		change: inProgress,
		after: lines('---', 'status: in-progress', 'owner: erin', '---', ''),
	},
	{
		name: 'prefers the front-matter value over an inline field of the same document',
		before: lines('---', 'status: ready', '---', '', 'Status: Blocked', ''),
		change: inProgress,
		after: lines('---', 'status: in-progress', '---', '', 'Status: Blocked', ''),
	},
	{
		name: 'adds a missing key to front matter that holds header fields, in its key casing',
		before: lines('---', 'Title: API Rate Limits', 'Owner: erin', '---', '', '# Rate limiting', ''),
		change: { key: 'priority', value: 'high' },
		after: lines('---', 'Title: API Rate Limits', 'Owner: erin', 'Priority: high', '---', '', '# Rate limiting', ''),
	},
	// Missing fields.
	{
		name: 'inserts a missing status as a bold field under the title',
		before: lines('# Auth Refresh Stream', '', '## Overview', '', 'Short-lived tokens.', ''),
		change: inProgress,
		after: lines('# Auth Refresh Stream', '', '**Status:** 🟡 In Progress', '', '## Overview', '', 'Short-lived tokens.', ''),
	},
	{
		name: 'separates the inserted field from text right under the title',
		before: lines('# Auth', 'Short-lived tokens.', ''),
		change: inProgress,
		after: lines('# Auth', '', '**Status:** 🟡 In Progress', '', 'Short-lived tokens.', ''),
	},
	{
		name: 'inserts a missing status in the key style of the document\'s other fields',
		before: lines('# Search', '', 'Created: 2026-02-03 | Owner: carol', ''),
		change: { key: 'status', value: 'ready' },
		after: lines('# Search', '', 'Status: 🟢 Ready', '', 'Created: 2026-02-03 | Owner: carol', ''),
	},
	{
		name: 'inserts a missing status at the top when there is no title',
		before: lines('Notes on the search index.', ''),
		change: blocked,
		after: lines('**Status:** 🔴 Blocked', '', 'Notes on the search index.', ''),
	},
	{
		name: 'inserts a missing status after front matter without header fields',
		before: lines('---', 'tags: [search]', '---', 'Notes.', ''),
		change: blocked,
		after: lines('---', 'tags: [search]', '---', '**Status:** 🔴 Blocked', '', 'Notes.', ''),
	},
	{
		name: 'writes a status into an empty document',
		before: '',
		change: blocked,
		after: lines('**Status:** 🔴 Blocked', ''),
	},
	{
		name: 'appends a missing priority to the line holding creation date and owner, in its style',
		before: lines('# Billing Export Stream', '', '**Status:** 🔴 Blocked', '', '**Created:** 2026-01-05 **Owner:** bob', ''),
		change: { key: 'priority', value: 'medium' },
		after: lines('# Billing Export Stream', '', '**Status:** 🔴 Blocked', '', '**Created:** 2026-01-05 **Owner:** bob **Priority:** Medium', ''),
	},
	{
		name: 'appends a missing priority to pipe-separated fields, before a hard break',
		before: lines('Created: 2026-01-14 | Owner: The Collective\\', 'More text', ''),
		change: { key: 'priority', value: 'high' },
		after: lines('Created: 2026-01-14 | Owner: The Collective | Priority: High\\', 'More text', ''),
	},
	{
		name: 'adds a missing priority as a paragraph after a status paragraph',
		before: lines('# T', '', '**Status:** 🟢 Ready', '', '## Overview', ''),
		change: { key: 'priority', value: 'low' },
		after: lines('# T', '', '**Status:** 🟢 Ready', '', '**Priority:** Low', '', '## Overview', ''),
	},
	{
		name: 'adds a missing priority right after consecutive field lines, even after an empty one',
		before: lines('Status: paused', 'Owner:', '', 'Text.', ''),
		change: { key: 'priority', value: 'low' },
		after: lines('Status: paused', 'Owner:', 'Priority: Low', '', 'Text.', ''),
	},
	{
		name: 'adds list items to a bulleted list of fields',
		before: lines('# T', '', '- **Owner:** bob', '- **Created:** 2026-01-01', ''),
		change: inProgress,
		after: lines('# T', '', '- **Status:** 🟡 In Progress', '- **Owner:** bob', '- **Created:** 2026-01-01', ''),
	},
	{
		name: 'adds a missing priority to a bulleted list after its owner',
		before: lines('# T', '', '- **Owner:** bob', '- **Status:** Ready', ''),
		change: { key: 'priority', value: 'high' },
		after: lines('# T', '', '- **Owner:** bob', '- **Priority:** High', '- **Status:** Ready', ''),
	},
	{
		name: 'ignores a status written inside a code fence and adds a real one',
		before: lines('# T', '', '```', 'Status: Ready', '```', ''),
		change: blocked,
		after: lines('# T', '', '**Status:** 🔴 Blocked', '', '```', 'Status: Ready', '```', ''),
	},
	// Last Updated.
	{
		name: 'stamps "Last Updated" with today\'s date',
		document: 'STATUS.md',
		before: lines('# Status', '', '**Status:** 🟡 In Progress', '', '**Last Updated:** 2026-02-10', ''),
		change: blocked,
		after: lines('# Status', '', '**Status:** 🔴 Blocked', '', `**Last Updated:** ${TODAY}`, ''),
	},
	{
		name: 'stamps an unfilled "Last Updated" and keeps words after a date',
		before: lines('**Status:** Ready | **Last Updated:** YYYY-MM-DD', '', '---', 'last-updated: 2026-01-01 (kickoff)', ''),
		change: blocked,
		after: lines('**Status:** Blocked | **Last Updated:** 2026-03-01', '', '---', 'last-updated: 2026-01-01 (kickoff)', ''),
	},
	{
		name: 'stamps a front-matter last_updated',
		before: lines('---', 'status: ready', 'last_updated: "2026-01-01"', '---', ''),
		change: blocked,
		after: lines('---', 'status: blocked', `last_updated: "${TODAY}"`, '---', ''),
	},
	{
		name: 'changes nothing, "Last Updated" included, when the field already says so',
		before: lines('**Status:** 🔴 Blocked', '**Last Updated:** 2026-02-10', ''),
		change: blocked,
		after: lines('**Status:** 🔴 Blocked', '**Last Updated:** 2026-02-10', ''),
	},
];

describe('fieldEdits', () => {
	for (const { name, before, change, after, document } of CASES) {
		it(name, () => {
			const outcome = fieldEdits(document ?? 'README.md', before, change, TODAY);
			assert.equal(outcome.kind, 'edits');
			assert.equal(applyFieldEdits(before, outcome.replacements), after);
		});
	}

	it('keeps CRLF line endings and writes CRLF in what it inserts', () => {
		const crlf = (text: string) => text.replace(/\n/g, '\r\n');
		// An empty document has no line ending to follow.
		for (const { name, before, change, after, document } of CASES.filter(entry => entry.before.includes('\n'))) {
			const outcome = fieldEdits(document ?? 'README.md', crlf(before), change, TODAY);
			assert.equal(outcome.kind, 'edits', name);
			assert.equal(applyFieldEdits(crlf(before), outcome.replacements), crlf(after), name);
		}
	});

	it('keeps a byte-order mark and counts columns without it', () => {
		const before = '\uFEFF# T\n\n**Status:** Ready\n';
		const outcome = fieldEdits('README.md', before, blocked, TODAY);
		assert.equal(outcome.kind, 'edits');
		assert.deepEqual(outcome.replacements, [{ line: 2, startColumn: 12, endColumn: 17, text: 'Blocked' }]);
		assert.equal(applyFieldEdits(before, outcome.replacements), '\uFEFF# T\n\n**Status:** Blocked\n');
	});

	it('replaces only the value\'s characters, so an editor\'s change is as small as it can be', () => {
		const outcome = fieldEdits('README.md', '**Created:** 2026-01-14 **Owner:** alice **Priority:** High\n', { key: 'priority', value: 'low' }, TODAY);
		assert.deepEqual(outcome, { kind: 'edits', replacements: [{ line: 0, startColumn: 55, endColumn: 59, text: 'Low' }] });
	});

	it('refuses to edit a document whose front matter is malformed, and says where', () => {
		const outcome = fieldEdits('README.md', lines('---', 'status: [ready', '---', '# T', ''), blocked, TODAY);
		assert.equal(outcome.kind, 'refused');
		assert.equal(outcome.kind === 'refused' && outcome.reason, 'malformed-front-matter');
	});

	it('refuses to rewrite a front-matter value written over several lines', () => {
		const outcome = fieldEdits('README.md', lines('---', 'status: >', '  in progress', '---', ''), blocked, TODAY);
		assert.deepEqual(outcome, { kind: 'refused', reason: 'multi-line-value', line: 1 });
	});

	it('refuses to add a second key when the front-matter key holds a list', () => {
		const outcome = fieldEdits('README.md', lines('---', 'title: X', 'status:', '  - ready', '---', ''), blocked, TODAY);
		assert.deepEqual(outcome, { kind: 'refused', reason: 'not-a-scalar', line: 2 });
	});
});

describe('fieldEdits over the header fixtures', () => {
	const fixtures = readdirSync(HEADER_FIXTURES).filter(name => name.endsWith('.md') && !name.includes('malformed'));
	const changes: FieldChange[] = [
		...STATUS_ORDER.map(value => ({ key: 'status', value }) as FieldChange),
		...PRIORITY_ORDER.map(value => ({ key: 'priority', value }) as FieldChange),
	];

	for (const name of fixtures) {
		it(`${name}: reads back every status and priority it writes, other fields unchanged`, () => {
			const before = readFileSync(join(HEADER_FIXTURES, name), 'utf8');
			const original = resolveHeader(readDocumentHeader('README.md', before), undefined, 'folder');
			for (const change of changes) {
				const outcome = fieldEdits('README.md', before, change, TODAY);
				assert.equal(outcome.kind, 'edits', `${change.key} ${change.value}`);
				const after = applyFieldEdits(before, outcome.replacements);
				const read = resolveHeader(readDocumentHeader('README.md', after), undefined, 'folder');
				assert.equal(read[change.key], change.value, `${change.key} ${change.value}`);
				const other = change.key === 'status' ? 'priority' : 'status';
				assert.equal(read[other], original[other], `${other} after setting ${change.key}`);
				assert.equal(read.owner, original.owner);
				assert.equal(read.created, original.created);
				assert.equal(read.title, original.title);
				assert.equal(after.split(/\r\n|\r|\n/).length - before.split(/\r\n|\r|\n/).length <= 4, true, 'adds at most a paragraph');
			}
		});
	}
});

describe('fieldDocument', () => {
	const readme = (text: string): DocumentText => ({ name: 'README.md', text });
	const status = (text: string): DocumentText => ({ name: 'STATUS.md', text });

	it('edits the document the current value is read from', () => {
		assert.equal(fieldDocument([readme('**Status:** Ready\n'), status('**Status:** Blocked\n')], 'status'), 'README.md');
		assert.equal(fieldDocument([readme('# T\n'), status('**Status:** Blocked\n')], 'status'), 'STATUS.md');
	});

	it('passes over an unfilled template in README.md when STATUS.md says what the status is', () => {
		assert.equal(fieldDocument([readme('Status: 🟢 Ready | 🟡 In Progress\n'), status('Status: Blocked\n')], 'status'), 'STATUS.md');
	});

	it('fills in an unfilled field before adding one anywhere', () => {
		assert.equal(fieldDocument([readme('# T\n'), status('Priority: High | Low\n')], 'priority'), 'STATUS.md');
	});

	it('adds a field to README.md, else to STATUS.md, and has nowhere to put it without either', () => {
		assert.equal(fieldDocument([status('# S\n'), readme('# T\n')], 'priority'), 'README.md');
		assert.equal(fieldDocument([{ name: 'Readme.md', text: '# T\n' }], 'priority'), 'Readme.md');
		assert.equal(fieldDocument([status('# S\n')], 'status'), 'STATUS.md');
		assert.equal(fieldDocument([], 'status'), undefined);
	});
});
