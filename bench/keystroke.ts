// The whole keystroke path in a big plan: what the extension host does for one typed character in a PLAN.md
// of 10,000 tasks, driven through the same core calls the glue makes, in the order it makes them:
//   1. the shared scan of the buffer (editor/documentScans.ts `scanOf`);
//   2. the model follows the buffer with that scan (workspace/workspaceStreams.ts → `StreamIndex.setBufferText`),
//      whose change event redraws the stream's tree row and the status-bar item (their text: counts, title);
//   3. the heading decorations, computed once per version of the buffer (editor/planDecorations.ts:
//      `headingProgress` → `progressText` / `progressLevel`; the redraw on the model change finds them computed);
//   4. once the burst is over, the stream's health findings over the live texts
//      (health/healthDiagnostics.ts: `checkStreamHealth`, which runs the rules over the plan's buffer and the
//      other documents, read from disk by the first check and kept in a HealthDocumentCache until a watcher
//      reports a change; the LeftoverScreen, told of each edit, looks for template leftovers in the buffer
//      only where the edits since its last look fell).
// Against one scan of the same text (the floor: nothing can draw without it) and one markdown-it parse.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NodeFileSystem } from '../src/node/nodeFileSystem';
import {
	checkStreamHealth, fileSystemReader, HealthDocumentCache, headingProgress, IndexChange, joinPath, LeftoverScreen, progressLevel, progressText, scanPlan,
	StreamIndex,
} from '../src/core';
import { countTasksWithMarkdownIt } from '../test/support/markdownItTasks';
import { generatePlan } from '../test/support/planGenerator';
import { record } from './figures';
import { spread } from './measure';
import { writeRepository } from './streamFixtures';

/** A plan of at least `taskCount` tasks. */
function bigPlan(taskCount: number): string {
	let text = generatePlan(taskCount * 40, 7);
	while (scanPlan(text).tasks.length < taskCount) {
		text += generatePlan(20_000, text.length);
	}
	return text;
}

/**
 * The text as VS Code hands it over: `document.getText()` joins the buffer's lines into one flat string. A string
 * made with `+` is a rope that V8 flattens on its first read, and that copy would be paid by whichever timed
 * call came first (here, the baseline scan).
 */
function flat(text: string): string {
	text.indexOf('\0');
	return text;
}

export async function benchKeystroke(scratch: string, tiny: boolean): Promise<void> {
	const taskCount = tiny ? 500 : 10_000;
	const repository = writeRepository(path.join(scratch, 'keystroke'), 20, 3, 'heavy');
	const id = '.project/streams/stream-00000';
	const planPath = `${id}/PLAN.md`;
	let text = bigPlan(taskCount);
	fs.writeFileSync(path.join(repository.folder, id, 'PLAN.md'), text);
	const fileSystem = new NodeFileSystem(repository.folder);
	const index = new StreamIndex([{ source: 'bench', workspaceFolder: 'bench', fs: fileSystem }], { roots: ['.project/streams'], maxFileSize: 8 * 1024 * 1024 });
	await index.indexAll();
	const tasks = scanPlan(text).tasks.length;

	// What the views draw from a model change: the changed stream's row and the status-bar text.
	let views = '';
	const subscription = index.onDidChange((change: IndexChange) => {
		for (const stream of change.updated) {
			views = `${stream.title} ${stream.progress.done}/${stream.progress.total}`
				+ stream.phases.map(phase => `${phase.title} ${phase.counts.done}/${phase.counts.total}`).join('');
		}
	});
	const decorate = (scan: ReturnType<typeof scanPlan>) =>
		headingProgress(scan).map(heading => ({ line: heading.line, text: progressText(heading.counts, 'bar'), level: progressLevel(heading.counts) }));

	// The editor's cache of the files health checks read (the first keystroke's check fills it).
	const cache = new HealthDocumentCache();
	const screen = new LeftoverScreen();
	let version = 1;
	const whole: number[] = [];
	const immediate: number[] = [];
	const health: number[] = [];
	const scans: number[] = [];
	const markdownIt: number[] = [];
	const edits = tiny ? 10 : 60;
	let position = 0;
	for (let i = 0; i < edits; i++) {
		// Type one character somewhere in the plan, as a user would.
		position = (position + 7919 * (i + 1)) % text.length;
		text = flat(text.slice(0, position) + 'a' + text.slice(position));
		// What the glue tells the screen of each change event, outside the timing as VS Code's events are.
		screen.edited(planPath, ++version, [{ offset: position, removedLength: 0, insertedLength: 1 }]);

		let start = performance.now();
		scanPlan(text);
		scans.push(performance.now() - start);

		start = performance.now();
		const scan = scanPlan(text);
		index.setBufferText('bench', planPath, text, scan);
		const decorations = decorate(scan);
		const drawn = performance.now();
		const stream = index.get('bench', id)!;
		const reader = fileSystemReader(fileSystem, { maxFileSize: 8 * 1024 * 1024, bufferText: candidate => candidate === planPath ? text : undefined, cache });
		const report = await checkStreamHealth(reader, stream, {
			streams: index.all,
			// Only the plan is an open buffer, with a version; the other documents are files, looked at whole.
			mayHoldLeftover: (name, candidate) => {
				const documentPath = joinPath(id, name);
				return screen.mayHoldLeftover(documentPath, documentPath === planPath ? version : undefined, candidate);
			},
		});
		const end = performance.now();
		immediate.push(drawn - start);
		health.push(end - drawn);
		whole.push(end - start);
		if (decorations.length === 0 || views.length === 0 || !report) {
			throw new Error('the keystroke benchmark drew nothing');
		}

		if (i % (tiny ? 5 : 6) === 0) {
			start = performance.now();
			countTasksWithMarkdownIt(text);
			markdownIt.push(performance.now() - start);
		}
	}
	subscription.dispose();
	const path_ = spread(whole);
	const scan = spread(scans);
	const parse = spread(markdownIt);
	const ratio = spread(whole.map((value, i) => value / scans[i]));
	const faster = parse.median / path_.median;
	record({
		name: `keystroke path in a ${tasks}-task PLAN.md`,
		value: path_.median, min: path_.min, max: path_.max, runs: path_.runs, unit: 'ms',
		baseline: { name: 'one scan', value: scan.median, min: scan.min, max: scan.max, unit: 'ms' },
		ratio: ratio.median, ratioMin: ratio.min, ratioMax: ratio.max,
		target: tiny ? undefined : '≤ ×1.3 one scan',
		met: tiny ? undefined : ratio.median <= 1.3,
	});
	const drawn = spread(immediate);
	record({ name: '  of which decorations, model, tree row, status bar', value: drawn.median, min: drawn.min, max: drawn.max, unit: 'ms' });
	const checked = spread(health);
	record({ name: '  of which health findings (after the burst)', value: checked.median, min: checked.min, max: checked.max, unit: 'ms' });
	record({
		name: '  keystroke path against one markdown-it parse',
		value: faster, unit: '× faster',
		baseline: { name: 'markdown-it parse', value: parse.median, min: parse.min, max: parse.max, unit: 'ms' },
		target: tiny ? undefined : '≥ ×25 faster',
		met: tiny ? undefined : faster >= 25,
	});
	index.dispose();
}
