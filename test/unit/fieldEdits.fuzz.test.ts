// Setting a field and setting its old value back gives the document back byte for byte, on thousands of
// generated headers: bold keys or plain, emoji or not, words after the value, several fields on a line,
// front matter with quotes and comments, CRLF. Whatever an edit touches beyond the recognised words is data loss.

import * as assert from 'node:assert/strict';
import { applyFieldEdits, FieldChange, fieldEdits } from '../../src/core/header/fieldEdits';
import { readDocumentHeader, resolveHeader } from '../../src/core/header/headerFields';
import { formatPriority, formatStatus } from '../../src/core/header/statusVocabulary';
import { PRIORITY_ORDER, PriorityId, STATUS_ORDER, StatusId } from '../../src/core/model/stream';
import { Random } from '../support/random';

const TODAY = '2026-03-01';
const DOCUMENTS = 3000;

// Styles a value can be written in that Set Status itself writes, so writing the old value back can restore it.
const STATUS_STYLES = ['Ready', 'READY', 'ready', '🟢 Ready', '🟢 READY', '🟢 ready', '🟢'];
const PRIORITY_STYLES = ['High', 'HIGH', 'high', 'P0', 'p0'];
const AFTER_VALUE = ['', ' — see notes', ' (since May)', ' for review', ', after the API review', ' 🚧 waiting on legal'];

interface Generated {
	readonly text: string;
	readonly status: StatusId;
	readonly priority: PriorityId;
}

function inlineField(random: Random, key: string, value: string): string {
	const after = random.pick(AFTER_VALUE);
	switch (random.int(0, 4)) {
		case 0:
			return `${key}: ${value}${after}`;
		case 1:
			return `**${key}:** ${value}${after}`;
		case 2:
			return `**${key}**: ${value}${after}`;
		case 3:
			return `**${key}: ${value}**${after}`;
		default:
			return `${key}: _${value}_${after}`;
	}
}

function frontMatterValue(random: Random, value: string): string {
	const after = random.pick(AFTER_VALUE.filter(words => !words.startsWith(',')));
	switch (random.int(0, 3)) {
		case 0:
			return `"${value}${after}"`;
		case 1:
			return `'${value}${after}'`;
		case 2:
			return `${value}${after} # set by the team`;
		default:
			return `${value}${after}`;
	}
}

function generate(random: Random): Generated {
	const status = random.pick(STATUS_ORDER);
	const priority = random.pick(PRIORITY_ORDER);
	const statusValue = formatStatus(status, random.pick(STATUS_STYLES));
	const priorityValue = formatPriority(priority, random.pick(PRIORITY_STYLES));
	const lines: string[] = [];
	if (random.chance(0.3)) {
		lines.push('---', `title: Search ${random.int(1, 99)}`, `status: ${frontMatterValue(random, statusValue)}`);
		lines.push(`priority: ${frontMatterValue(random, priorityValue)}`, 'tags: [search]', '---');
	}
	lines.push(random.pick(['# Search Index Stream', '# Auth Refresh', 'Search Index Stream']), '');
	const statusField = inlineField(random, random.pick(['Status', 'STATUS', 'status']), statusValue);
	const priorityField = inlineField(random, 'Priority', priorityValue);
	const owner = `**Owner:** ${random.pick(['alice', 'The Collective', 'Ann (on leave)'])}`;
	const bullet = random.pick(['', '- ', '* ']);
	switch (random.int(0, 2)) {
		case 0:
			lines.push(bullet + statusField, bullet + priorityField, bullet + owner);
			break;
		case 1:
			lines.push(statusField, '', `**Created:** 2026-01-14 ${owner} ${priorityField}`);
			break;
		default:
			lines.push(`${statusField} | ${priorityField} | ${owner}`);
	}
	if (random.chance(0.3)) {
		lines.push(`**Last Updated:** ${TODAY}`);
	}
	lines.push('', '## Overview', '', 'Makes search fast.', '');
	const text = lines.join(random.chance(0.3) ? '\r\n' : '\n');
	return { text: random.chance(0.05) ? '\uFEFF' + text : text, status, priority };
}

function apply(text: string, change: FieldChange): string {
	const outcome = fieldEdits('README.md', text, change, TODAY);
	assert.equal(outcome.kind, 'edits', `refused on:\n${text}`);
	return outcome.kind === 'edits' ? applyFieldEdits(text, outcome.replacements) : text;
}

describe('fieldEdits, fuzzed', () => {
	it(`restores ${DOCUMENTS} generated headers byte for byte after setting a field and setting it back`, function () {
		this.timeout(60_000);
		const random = new Random(13);
		for (let index = 0; index < DOCUMENTS; index++) {
			const { text, status, priority } = generate(random);
			const read = resolveHeader(readDocumentHeader('README.md', text), undefined, 'folder');
			assert.equal(read.status, status, `reads the status of:\n${text}`);
			assert.equal(read.priority, priority, `reads the priority of:\n${text}`);
			const changes: [FieldChange, FieldChange][] = [
				[{ key: 'status', value: random.pick(STATUS_ORDER.filter(id => id !== status)) }, { key: 'status', value: status }],
				[{ key: 'priority', value: random.pick(PRIORITY_ORDER.filter(id => id !== priority)) }, { key: 'priority', value: priority }],
			];
			for (const [change, back] of changes) {
				const changed = apply(text, change);
				const reread = resolveHeader(readDocumentHeader('README.md', changed), undefined, 'folder');
				assert.equal(reread[change.key], change.value, `sets ${change.key} ${change.value} in:\n${text}\ngiving:\n${changed}`);
				assert.equal(changed.split(/\r\n|\r|\n/).length, text.split(/\r\n|\r|\n/).length, `adds no line to:\n${text}`);
				assert.equal(apply(changed, back), text, `restores after ${change.key} ${change.value}:\n${text}\nvia:\n${changed}`);
			}
		}
	});
});
