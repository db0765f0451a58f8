// Differential test of the plan scanner under Kiro's checkbox meanings (DESIGN.md §8: `[-]` active, `[c]*`
// optional) against markdown-it's tokens read with the same meanings, on generated documents whose checkboxes
// are sprinkled with optional markers.

import assert from 'node:assert/strict';
import { scanPlanOrThrow } from '../../src/core/markdown/planScanner';
import { KIRO_TASKS } from '../../src/core/tasks/taskVocabulary';
import { markdownItPlan } from '../support/markdownItTasks';
import { generateDocument } from '../support/planGenerator';
import { Random, seedFor } from '../support/random';

const BASE_SEED = Number(process.env.PLAN_SCANNER_SEED ?? 0x4b1e0);
const DOCUMENTS = Number(process.env.PLAN_SCANNER_DOCUMENTS ?? 2000);

/** A generated document with some of its `]` followed by Kiro's optional `*`. */
function kiroDocument(seed: number): string {
	const random = new Random(seed);
	return generateDocument(seed).replace(/\](?=[ \t])/g, bracket => random.int(0, 2) === 0 ? ']*' : bracket);
}

function disagreement(text: string): string | undefined {
	const scan = scanPlanOrThrow(text, KIRO_TASKS);
	const oracle = markdownItPlan(text, KIRO_TASKS);
	const describe = (tasks: readonly { line: number; state: string; optional?: boolean }[]) =>
		tasks.map(task => `${task.line}:${task.state}${task.optional ? '*' : ''}`).join(' ');
	if (describe(scan.tasks) !== describe(oracle.tasks)) {
		return `scanner     [${describe(scan.tasks)}]\nmarkdown-it [${describe(oracle.tasks)}]`;
	}
	const required = oracle.tasks.filter(task => !task.optional);
	const expected = [
		required.filter(task => task.state === 'done').length, required.filter(task => task.state === 'open').length,
		required.filter(task => task.state === 'active').length, 0, oracle.tasks.length - required.length,
	];
	const { done, open, active, cancelled, optional } = scan.counts;
	if ([done, open, active, cancelled, optional].join() !== expected.join()) {
		return `counts ${[done, open, active, cancelled, optional].join()}, expected ${expected.join()}`;
	}
	return undefined;
}

describe('plan scanner with Kiro meanings against markdown-it', function () {
	this.timeout(600_000);

	it(`finds the same tasks, optional ones included, as markdown-it in ${DOCUMENTS} generated documents`, () => {
		const failures: string[] = [];
		let optional = 0;
		for (let index = 0; index < DOCUMENTS && failures.length < 5; index++) {
			const text = kiroDocument(seedFor(BASE_SEED, index));
			optional += markdownItPlan(text, KIRO_TASKS).tasks.filter(task => task.optional).length;
			const problem = disagreement(text);
			if (problem) {
				failures.push(`document ${index}: ${JSON.stringify(text)}\n${problem}`);
			}
		}
		assert.equal(failures.length, 0, `\n${failures.join('\n\n')}`);
		// The documents must exercise what is tested.
		assert.ok(optional > 100, `only ${optional} optional tasks were generated`);
	});

	it('reads `[-]` as active and leaves `[/]` out, as Kiro does', () => {
		const scan = scanPlanOrThrow('- [-] 1. Building\n- [/] 2. Not a Kiro checkbox\n- [x]* 3. Optional, done\n', KIRO_TASKS);
		assert.deepEqual(scan.tasks.map(task => [task.line, task.state, task.optional ?? false]), [[0, 'active', false], [2, 'done', true]]);
		assert.deepEqual(scan.counts, { done: 0, open: 0, active: 1, cancelled: 0, total: 1, percent: 0, optional: 1 });
	});
});
