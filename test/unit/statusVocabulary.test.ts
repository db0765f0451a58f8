// Status and priority words as people write them in stream headers, and how we write them back.

import * as assert from 'node:assert/strict';
import { formatPriority, formatStatus, listsAlternatives, parsePriority, parseStatus, STATUSES } from '../../src/core/header/statusVocabulary';
import { STATUS_ORDER } from '../../src/core/model/stream';

describe('statusVocabulary', () => {
	describe('STATUSES', () => {
		it('describes every status id once, in the model order, with emoji and English label', () => {
			assert.deepEqual(STATUSES.map(status => status.id), [...STATUS_ORDER]);
			assert.deepEqual(STATUSES.map(status => `${status.emoji} ${status.label}`), ['🟢 Ready', '🟡 In Progress', '🔴 Blocked', '⏸️ Paused', '✅ Complete']);
		});
	});

	describe('parseStatus', () => {
		it('accepts every word of the DESIGN.md table, in any case', () => {
			const table: [string, string][] = [
				['ready', 'ready'], ['Todo', 'ready'], ['PLANNED', 'ready'], ['Not Started', 'ready'],
				['In Progress', 'in-progress'], ['in-progress', 'in-progress'], ['WIP', 'in-progress'], ['active', 'in-progress'], ['Started', 'in-progress'],
				['Blocked', 'blocked'],
				['Paused', 'paused'], ['On Hold', 'paused'], ['on-hold', 'paused'],
				['Complete', 'complete'], ['completed', 'complete'], ['DONE', 'complete'],
			];
			for (const [value, id] of table) {
				assert.equal(parseStatus(value), id, value);
			}
		});

		it('reads the emoji with or without U+FE0F, and the emoji alone', () => {
			assert.equal(parseStatus('⏸️ Paused'), 'paused');
			assert.equal(parseStatus('\u23F8 Paused'), 'paused');
			assert.equal(parseStatus('⏸️'), 'paused');
			assert.equal(parseStatus('\u23F8'), 'paused');
			assert.equal(parseStatus('🟡'), 'in-progress');
			assert.equal(parseStatus('🟡\uFE0F In Progress'), 'in-progress');
			assert.equal(parseStatus('✅'), 'complete');
		});

		it('tolerates emphasis, code marks and extra whitespace', () => {
			assert.equal(parseStatus('  **🟡   In   Progress**  '), 'in-progress');
			assert.equal(parseStatus('_blocked_'), 'blocked');
			assert.equal(parseStatus('`done`'), 'complete');
			assert.equal(parseStatus('in_progress'), 'in-progress');
		});

		it('reads the status at the start of a longer note', () => {
			assert.equal(parseStatus('🔴 Blocked - waiting on the depth model licence'), 'blocked');
			assert.equal(parseStatus('Ready for review'), 'ready');
			assert.equal(parseStatus('Done ✅'), 'complete');
		});

		it('prefers "not started" to "started"', () => {
			assert.equal(parseStatus('not started'), 'ready');
		});

		it('lets the word win when the emoji disagrees with it', () => {
			assert.equal(parseStatus('🟢 Blocked'), 'blocked');
		});

		it('falls back to the emoji when the word is not one we know', () => {
			assert.equal(parseStatus('🟡 Doing'), 'in-progress');
		});

		it('treats an unfilled template listing the alternatives as unset', () => {
			assert.equal(parseStatus('🟢 Ready | 🟡 In Progress | 🔴 Blocked | ⏸️ Paused | ✅ Complete'), undefined);
			assert.equal(parseStatus('Ready | Blocked'), undefined);
		});

		it('treats two different statuses joined by a slash or a comma as unset', () => {
			assert.equal(parseStatus('Ready / Blocked'), undefined);
			assert.equal(parseStatus('in progress, blocked'), undefined);
		});

		it('returns undefined for unknown words, empty values and lookalikes', () => {
			assert.equal(parseStatus('Shipping'), undefined);
			assert.equal(parseStatus(''), undefined);
			assert.equal(parseStatus('Readyish'), undefined);
			assert.equal(parseStatus('see below'), undefined);
			assert.equal(parseStatus('🟢🔴'), undefined);
		});
	});

	describe('parsePriority', () => {
		it('reads high/medium/low and the P-scale', () => {
			assert.equal(parsePriority('High'), 'high');
			assert.equal(parsePriority('medium'), 'medium');
			assert.equal(parsePriority('LOW'), 'low');
			assert.equal(parsePriority('P0'), 'high');
			assert.equal(parsePriority('p1'), 'medium');
			assert.equal(parsePriority('P2'), 'low');
		});

		it('tolerates emphasis, a leading emoji and a trailing note', () => {
			assert.equal(parsePriority('**High**'), 'high');
			assert.equal(parsePriority('🔥 High'), 'high');
			assert.equal(parsePriority('High (customer-facing)'), 'high');
		});

		it('treats alternatives as unset', () => {
			assert.equal(parsePriority('High | Medium | Low'), undefined);
			assert.equal(parsePriority('High/Medium/Low'), undefined);
			assert.equal(parsePriority('Medium-High'), undefined);
		});

		it('returns undefined for unknown values', () => {
			assert.equal(parsePriority('Urgent'), undefined);
			assert.equal(parsePriority('P3'), undefined);
			assert.equal(parsePriority('Highest'), undefined);
		});
	});

	describe('listsAlternatives', () => {
		it('is true for the unfilled template lines', () => {
			assert.equal(listsAlternatives('🟢 Ready | 🟡 In Progress | 🔴 Blocked | ⏸️ Paused | Complete'), true);
			assert.equal(listsAlternatives('High | Medium | Low'), true);
		});

		it('is false for a single value, even with a stray pipe', () => {
			assert.equal(listsAlternatives('🟡 In Progress'), false);
			assert.equal(listsAlternatives('High |'), false);
			assert.equal(listsAlternatives('| **Blocked** |'), false);
		});
	});

	describe('formatStatus', () => {
		it('writes emoji and label when there is no previous value', () => {
			assert.equal(formatStatus('in-progress'), '🟡 In Progress');
			assert.equal(formatStatus('paused', ''), '⏸️ Paused');
		});

		it('keeps an emoji style, including the emoji on its own', () => {
			assert.equal(formatStatus('blocked', '🟡 In Progress'), '🔴 Blocked');
			assert.equal(formatStatus('complete', '\u23F8 Paused'), '✅ Complete');
			assert.equal(formatStatus('ready', '🔴'), '🟢');
		});

		it('replaces an unfilled template line in the template style', () => {
			assert.equal(formatStatus('in-progress', '🟢 Ready | 🟡 In Progress | 🔴 Blocked | ⏸️ Paused | ✅ Complete'), '🟡 In Progress');
			assert.equal(formatStatus('in-progress', 'Ready | In Progress | Blocked'), 'In Progress');
		});

		it('keeps lower-case, upper-case and title-case words', () => {
			assert.equal(formatStatus('in-progress', 'ready'), 'in-progress');
			assert.equal(formatStatus('paused', 'in-progress'), 'paused');
			assert.equal(formatStatus('in-progress', 'not started'), 'in progress');
			assert.equal(formatStatus('in-progress', 'BLOCKED'), 'IN PROGRESS');
			assert.equal(formatStatus('complete', 'Ready'), 'Complete');
		});

		it('writes what parseStatus reads back as the same status', () => {
			for (const status of STATUSES) {
				for (const style of [undefined, '🟢 Ready', 'ready', 'not started', 'READY', 'Ready', '🟢']) {
					assert.equal(parseStatus(formatStatus(status.id, style)), status.id, `${status.id} in the style of ${style}`);
				}
			}
		});
	});

	describe('formatPriority', () => {
		it('writes the label when there is no previous value', () => {
			assert.equal(formatPriority('high'), 'High');
		});

		it('keeps the P-scale, lower-case and upper-case styles', () => {
			assert.equal(formatPriority('high', 'P2'), 'P0');
			assert.equal(formatPriority('low', 'p0'), 'p2');
			assert.equal(formatPriority('medium', 'high'), 'medium');
			assert.equal(formatPriority('medium', 'HIGH'), 'MEDIUM');
			assert.equal(formatPriority('low', 'High | Medium | Low'), 'Low');
		});
	});
});
