// The templates shipped in `templates/`: each one, filled for a new stream, reads back through the header
// parser as a ready stream with the chosen priority and owner, today's date and no placeholder left over.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocumentHeader, resolveHeader } from '../../src/core/header/headerFields';
import { scanPlan } from '../../src/core/markdown/planScanner';
import { STANDARD_DOCUMENTS } from '../../src/core/model/streamDocuments';
import { fillTemplate, hasPlaceholders, TemplateValues } from '../../src/core/templates/templates';

const TEMPLATES = join(__dirname, '..', '..', '..', 'templates');
const values: TemplateValues = { name: 'Offline Editing', slug: 'offline-editing', date: '2026-03-04', owner: 'Ana Lima', priority: 'low' };

function template(name: string): string {
	return readFileSync(join(TEMPLATES, name), 'utf8');
}

function filled(name: string): string {
	return fillTemplate(template(name), values, name);
}

describe('bundled templates', () => {
	it('are the five standard documents', () => {
		assert.deepEqual(readdirSync(TEMPLATES).sort(), [...STANDARD_DOCUMENTS].sort());
	});

	for (const name of STANDARD_DOCUMENTS) {
		describe(name, () => {
			it('has placeholders to fill before, and none after filling', () => {
				assert.ok(hasPlaceholders(template(name)), 'the name at least');
				const text = filled(name);
				assert.ok(!hasPlaceholders(text), text.split('\n').find(line => hasPlaceholders(line)));
				assert.doesNotMatch(text, /\{\{|\}\}/);
			});

			it('starts with a title naming the stream', () => {
				assert.match(filled(name).split('\n')[0], /^# Offline Editing\b/);
			});

			it('has no header field left with alternatives or an unparseable value', () => {
				for (const field of readDocumentHeader(name, filled(name)).fields) {
					assert.doesNotMatch(field.value, /\|/, `${field.key} on line ${field.location.line + 1}`);
				}
			});
		});
	}

	it('README.md reads back as a ready stream with the chosen priority, owner and today\'s date', () => {
		const header = resolveHeader(readDocumentHeader('README.md', filled('README.md')), readDocumentHeader('STATUS.md', filled('STATUS.md')), 'offline-editing');
		assert.deepEqual(
			{ title: header.title, status: header.status, priority: header.priority, owner: header.owner, created: header.created, lastUpdated: header.lastUpdated },
			{ title: 'Offline Editing', status: 'ready', priority: 'low', owner: 'Ana Lima', created: '2026-03-04', lastUpdated: '2026-03-04' },
		);
		assert.deepEqual(header.problems, []);
	});

	it('README.md has no overview until someone writes one (the sample text is not taken for it)', () => {
		assert.equal(readDocumentHeader('README.md', filled('README.md')).overview, undefined);
	});

	it('STATUS.md alone says ready, as README.md does', () => {
		const header = resolveHeader(undefined, readDocumentHeader('STATUS.md', filled('STATUS.md')), 'offline-editing');
		assert.equal(header.status, 'ready');
		assert.equal(header.lastUpdated, '2026-03-04');
	});

	it('every priority and owner reads back as chosen', () => {
		for (const priority of ['high', 'medium', 'low'] as const) {
			const text = fillTemplate(template('README.md'), { ...values, priority, owner: `Team ${priority}` });
			const header = resolveHeader(readDocumentHeader('README.md', text), undefined, 'x');
			assert.equal(header.priority, priority);
			assert.equal(header.owner, `Team ${priority}`);
		}
	});

	it('PLAN.md has phases as "## Phase N - Name" with open tasks, and a closing checklist', () => {
		const scan = scanPlan(filled('PLAN.md'));
		const phases = scan.headings.filter(heading => heading.level === 2).map(heading => heading.text);
		assert.deepEqual(phases, ['Phase 1 - Foundation', 'Phase 2 - Completion', 'Phase 3 - Release', 'Closing Checklist']);
		for (const heading of scan.headings.filter(candidate => candidate.level === 2)) {
			assert.ok(heading.counts.open > 0, `${heading.text} has tasks`);
			assert.equal(heading.counts.done, 0);
		}
		assert.equal(scan.counts.done + scan.counts.active + scan.counts.cancelled, 0, 'a new plan starts with every task open');
	});

	it('PLAN.md gives every phase a goal, a duration and a dependency line', () => {
		const sections = filled('PLAN.md').split(/^## /m).filter(section => section.startsWith('Phase'));
		assert.equal(sections.length, 3);
		for (const section of sections) {
			assert.match(section, /\*\*Goal:\*\* \S/);
			assert.match(section, /\*\*Duration:\*\* \S/);
			assert.match(section, /\*\*Depends on:\*\* \S/);
		}
	});

	it('README.md follows the seed\'s sections, in order', () => {
		const headings = filled('README.md').split('\n').filter(line => /^## /.test(line)).map(line => line.slice(3));
		assert.deepEqual(headings, [
			'Overview', 'Goals', 'Architecture', 'Technical Approach', 'Implementation Phases', 'Dependencies',
			'Testing Strategy', 'Performance Considerations', 'Documentation Requirements', 'Risks and Mitigations',
			'Success Metrics', 'References',
		]);
	});

	it('HANDOFF.md, STATUS.md and NOTES.md have the sections the next person looks for', () => {
		const sections = (name: string) => filled(name).split('\n').filter(line => /^## /.test(line)).map(line => line.slice(3));
		assert.deepEqual(sections('STATUS.md'), ['Summary', 'Progress', 'Blockers', 'Recent Changes', 'Next Steps']);
		assert.deepEqual(sections('HANDOFF.md'), ['Context', 'What Was Done', 'State of the Code', 'Next Steps', 'Open Questions', 'Gotchas', 'How to Verify']);
		assert.deepEqual(sections('NOTES.md'), ['Log', 'Decisions', 'Learnings']);
	});
});
