// `npm run bench` (in Chromium): the Streams board's webview script on 1,000 streams — its first render and one
// live update — timed with performance marks around the message that carries them, layout included (each
// sample ends by reading the page's layout, so the browser has laid the cards out). Baselines in the same run:
// for the first render, the same cards written as one innerHTML string (the cheapest way to build that DOM);
// for an update, the full redraw a board without patches would do. Merges its figures into bench/results.json.
//   --tiny   100 streams, fewer samples: a smoke run for `npm test`

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { launchBrowser } from '../scripts/vscode/browser.mjs';
import { repoRoot } from '../scripts/vscode/toolchain.mjs';

const tiny = process.argv.includes('--tiny');
const STREAMS = tiny ? 100 : 1000;
const LOADS = tiny ? 2 : 7;
const UPDATES = tiny ? 10 : 40;
const COLUMNS = ['ready', 'in-progress', 'blocked', 'paused', 'complete'];
const LABELS = { 'ready': 'Ready', 'in-progress': 'In Progress', 'blocked': 'Blocked', 'paused': 'Paused', 'complete': 'Complete' };

/** A card as the extension sends it (boardMessages.ts), for stream number `index`. */
function card(index, column = COLUMNS[index % COLUMNS.length], done = index % 13) {
	const id = `.project/streams/stream-${String(index).padStart(4, '0')}`;
	const total = 12 + (index % 7);
	const findings = index % 9 === 0 ? 2 : 0;
	return {
		key: `file:///workspace\u0000${id}`,
		streamRef: { source: 'file:///workspace', id },
		column,
		order: `0000/${id}`,
		title: `Stream ${index}: a feature with a longer name`,
		owner: ['alice', 'bob', 'carol', 'dana'][index % 4],
		priority: [{ id: 'high', label: 'High' }, { id: 'medium', label: 'Medium' }, { id: 'low', label: 'Low' }][index % 3],
		done,
		total,
		percent: Math.floor((100 * done) / total),
		phase: `Phase ${1 + (index % 4)} - Build the API`,
		findings,
		findingsText: findings ? 'Status still lists the template\'s choices (README.md:3)\nYYYY-MM-DD is left from the template (README.md:5)' : undefined,
		stale: index % 11 === 0,
		label: `Stream ${index}, ${LABELS[column]}, ${done} of ${total} tasks done`,
	};
}

function overview(cards) {
	return {
		perColumn: COLUMNS.map(column => ({ column, label: LABELS[column], count: cards.filter(candidate => candidate.column === column).length })),
		tasks: `${cards.reduce((sum, item) => sum + item.done, 0)} of ${cards.reduce((sum, item) => sum + item.total, 0)} tasks done`,
		blocked: `${cards.filter(item => item.column === 'blocked').length} streams blocked`,
		stale: `${cards.filter(item => item.stale).length} streams untouched for 14 days`,
		staleTitles: cards.filter(item => item.stale).map(item => item.title),
	};
}

const strings = {
	boardLabel: 'Streams by status', emptyColumn: 'No streams', keyboardHelp: 'Drag a card…', moved: '{0} moved to {1}',
	cannotMove: '{0} cannot move: {1}', staleMark: 'stale',
};

/** The page the extension writes (boardPanel.ts), with a stand-in for the webview's API. */
function page(css, script) {
	return `<!DOCTYPE html><html><head><meta charset="UTF-8"><style>${css}</style></head>
<body class="vscode-dark">
<header id="overview"></header><p id="filter" class="filter" hidden></p><p id="help" class="help"></p>
<main id="columns"></main><div id="announcer" class="visually-hidden" role="status" aria-live="polite"></div>
<script>window.acquireVsCodeApi = () => ({ postMessage: message => (window.posted ??= []).push(message), getState: () => undefined, setState: () => undefined });</script>
<script>${script}</script>
</body></html>`;
}

/** Runs `send` in the page and returns how long the message plus layout took, in ms. */
const timed = (board, message, baselineHtml) => board.evaluate(([data, html]) => {
	const started = performance.now();
	if (html !== null) {
		document.getElementById('columns').innerHTML = html;
	} else {
		window.dispatchEvent(new MessageEvent('message', { data }));
	}
	void document.body.offsetHeight;
	return performance.now() - started;
}, [message, baselineHtml]);

function baselineHtml(cards) {
	const escape = text => String(text).replace(/[&<>"]/g, char => `&#${char.charCodeAt(0)};`);
	return COLUMNS.map(column => `<section class="column" data-column="${column}"><h2 class="column-title"><span class="column-dot status-${column}"></span><span class="column-label">${LABELS[column]}</span><span class="column-count">0</span></h2><ul class="column-cards">${cards.filter(item => item.column === column).map(item => `<li class="card" tabindex="-1" draggable="true" aria-label="${escape(item.label)}"><div class="card-title">${escape(item.title)}</div><div class="card-meta"><span class="priority">${item.priority.label}</span><span class="owner">${item.owner}</span></div><div class="card-progress"><progress max="${item.total}" value="${item.done}"></progress><span class="card-count">${item.done}/${item.total}</span></div><div class="card-phase">${escape(item.phase)}</div></li>`).join('')}</ul></section>`).join('');
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
	const scratch = mkdtempSync(join(tmpdir(), 'streams-bench-board-'));
	const browser = await launchBrowser();
	const figures = [];
	try {
		const bundle = join(scratch, 'board.js');
		await esbuild.build({ entryPoints: [join(repoRoot, 'src/extension/board/webview/boardApp.ts')], outfile: bundle, bundle: true, minify: true, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'warning', tsconfig: join(repoRoot, 'src/extension/board/webview/tsconfig.json') });
		const script = readFileSync(bundle, 'utf8');
		const file = join(scratch, 'board.html');
		writeFileSync(file, page(readFileSync(join(repoRoot, 'media/board.css'), 'utf8'), script));
		const cards = Array.from({ length: STREAMS }, (_, index) => card(index));
		const reset = { type: 'reset', columns: COLUMNS.map(id => ({ id, label: LABELS[id] })), cards, overview: overview(cards), strings };
		const html = baselineHtml(cards);

		const firstRenders = [];
		const baselineRenders = [];
		const updates = [];
		const fullRedraws = [];
		for (let load = 0; load < LOADS; load++) {
			const board = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
			await board.goto(pathToFileURL(file).href);
			await board.waitForFunction(() => window.posted?.some(message => message.type === 'ready'));
			// Alternate which goes first, so neither always meets a cold page.
			if (load % 2 === 0) {
				firstRenders.push(await timed(board, reset, null));
			}
			const baselinePage = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
			await baselinePage.goto(pathToFileURL(file).href);
			baselineRenders.push(await timed(baselinePage, null, html));
			await baselinePage.close();
			if (load % 2 === 1) {
				firstRenders.push(await timed(board, reset, null));
			}
			// One live update: a card changes column and progress, as a drop or a saved PLAN.md does.
			for (let update = 0; update < UPDATES / LOADS; update++) {
				const index = (update * 37 + load) % STREAMS;
				const changed = card(index, COLUMNS[(index + 1 + update) % COLUMNS.length], (index + update) % 12);
				const next = cards.map(item => item.key === changed.key ? changed : item);
				updates.push(await timed(board, { type: 'patch', cards: [changed], removed: [], overview: overview(next) }, null));
				fullRedraws.push(await timed(board, { ...reset, cards: next, overview: overview(next) }, null));
			}
			const measured = await board.evaluate(() => performance.getEntriesByType('measure').map(entry => entry.name));
			if (!measured.includes('board:reset') || !measured.includes('board:patch')) {
				throw new Error(`the board script set no performance marks: ${measured.join(', ')}`);
			}
			await board.close();
		}
		const first = median(firstRenders);
		const baseline = median(baselineRenders);
		const update = median(updates);
		const redraw = median(fullRedraws);
		figures.push({
			name: `board first render, ${STREAMS} streams (Chromium)`, value: round(first), unit: 'ms median', samples: firstRenders.map(round),
			baseline: { name: 'the same cards as one innerHTML string', value: round(baseline), unit: 'ms' }, ratio: round(first / baseline),
			target: tiny ? undefined : '≤ 300 ms', met: tiny ? undefined : first <= 300,
		});
		figures.push({
			name: `board one live update, ${STREAMS} streams (Chromium)`, value: round(update), unit: 'ms median', runs: updates.length,
			baseline: { name: 'a full redraw of the board', value: round(redraw), unit: 'ms' }, ratio: round(redraw / update),
			target: tiny ? undefined : '≤ 16 ms', met: tiny ? undefined : update <= 16,
		});
		const bundleBytes = Buffer.byteLength(script);
		figures.push({ name: 'board webview script, minified', value: Math.round(bundleBytes / 102.4) / 10, unit: 'KB' });
	} finally {
		await browser.close();
		rmSync(scratch, { recursive: true, force: true });
	}
	for (const figure of figures) {
		const baseline = figure.baseline ? `${figure.baseline.value} ${figure.baseline.unit} (${figure.baseline.name})` : '';
		const ratio = figure.ratio !== undefined ? `×${figure.ratio}` : '';
		const verdict = figure.met === undefined ? '' : figure.met ? 'met' : 'MISSED';
		console.log(`${figure.name.padEnd(44)} ${`${figure.value} ${figure.unit}`.padEnd(16)} ${baseline.padEnd(50)} ${ratio.padEnd(9)} ${(figure.target ?? '').padEnd(10)} ${verdict}`);
	}
	const resultsFile = join(repoRoot, 'bench', tiny ? 'results.tiny.json' : 'results.json');
	if (existsSync(resultsFile)) {
		const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
		results.figures.push(...figures);
		writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
	}
}

function round(value) {
	return Math.round(value * 100) / 100;
}

main().catch(error => {
	console.error(error);
	process.exitCode = 1;
});
