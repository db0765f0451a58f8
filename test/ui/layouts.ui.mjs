// The Streams view on a multi-root workspace holding every layout (DESIGN.md §8): a repository with our streams,
// a Kiro spec, a Spec Kit feature and an OpenSpec change all named "search-filters", and one repository per
// other format. Grouped by layout (the workspace's setting), each stream sits under its layout with its own
// progress; the tooltip of a Kiro spec names its layout and its optional tasks.

import * as assert from 'node:assert/strict';
import { formatRows } from './workbench.mjs';

export const title = 'the Streams view shows Kiro specs, Spec Kit features and OpenSpec changes beside streams, grouped by layout';
export const fixture = 'layouts';
export const workspaceFile = 'layouts.code-workspace';

/** test/fixtures/layouts/mixed-app: the same folder name in four layouts, four streams. */
const MIXED = [
	{ title: 'Search Filters', group: 'Streams', progress: '1/3' },
	{ title: 'Search Filters in the App', group: 'Kiro Specs', progress: '2/5' },
	{ title: 'Saved Searches', group: 'Spec Kit Features', progress: '2/2' },
	{ title: 'Filter the public API\'s search', group: 'OpenSpec Changes', progress: '0/1' },
];

/** The other three repositories, with the mixed one collapsed. */
const OTHERS = [
	{ title: 'Profile Photos', folder: 'kiro-app', group: 'Kiro Specs', progress: '2/8' },
	{ title: 'audit-trail', folder: 'kiro-app', group: 'Kiro Specs', progress: '6/6' },
	{ title: 'Team Invitations', folder: 'speckit-app', group: 'Spec Kit Features', progress: '3/8' },
	{ title: 'CSV export of the member list', folder: 'openspec-app', group: 'OpenSpec Changes', progress: '2/3' },
];

function check(rows, streams) {
	const shown = `\n${formatRows(rows)}`;
	for (const stream of streams) {
		const index = rows.findIndex(row => row.label === stream.title);
		assert.ok(index >= 0, `"${stream.title}" is in the tree:${shown}`);
		const row = rows[index];
		const group = rows.slice(0, index).reverse().find(candidate => candidate.level === row.level - 1);
		assert.equal(group?.label, stream.group, `"${stream.title}" is grouped under its layout:${shown}`);
		if (stream.folder) {
			const folder = rows.slice(0, index).reverse().find(candidate => candidate.level === row.level - 2);
			assert.equal(folder?.label, stream.folder, `"${stream.title}" is under its workspace folder:${shown}`);
		}
		assert.equal(row.description.split('·')[0].trim(), stream.progress, `"${stream.title}" shows done/total, optional tasks left out:${shown}`);
	}
}

export async function run({ workbench, page }) {
	await workbench.openStreamsView();
	await workbench.setSideBarWidth(460);
	const rows = await workbench.waitForTreeRows(
		shown => MIXED.every(stream => shown.some(row => row.label === stream.title)),
		{ what: 'a row for each of the four "search-filters" streams' },
	);
	await workbench.screenshot('layouts-tree');
	check(rows, MIXED);
	// Four folders named alike, four streams: none hides another.
	assert.equal(rows.filter(row => MIXED.some(stream => stream.title === row.label)).length, 4);

	await workbench.row('mixed-app').locator('.monaco-tl-twistie').click();
	const others = await workbench.waitForTreeRows(
		shown => OTHERS.every(stream => shown.some(row => row.label === stream.title)),
		{ what: 'the streams of the Kiro, Spec Kit and OpenSpec repositories' },
	);
	await workbench.moveMouseAway();
	await workbench.screenshot('layouts-tree-formats');
	check(others, OTHERS);
	// A specs/ folder without spec.md, steering files and capability specs are not streams.
	for (const label of ['load-fixtures', 'product', 'exports']) {
		assert.ok(!others.some(row => row.label === label), `"${label}" is not a stream:\n${formatRows(others)}`);
	}

	await workbench.row('Profile Photos').hover();
	const hover = page.locator('.monaco-hover:visible, .workbench-hover:visible').filter({ hasText: 'Kiro Specs' }).first();
	await hover.waitFor({ timeout: 15_000 });
	const text = await hover.innerText();
	assert.match(text, /Layout:\s+Kiro\s+Specs/, `the tooltip names the layout:\n${text}`);
	assert.match(text, /Status\s+\(from\s+progress\):\s+In\s+Progress/, `the tooltip says where the status comes from:\n${text}`);
	assert.match(text, /2\s+optional/, `the tooltip counts the optional tasks:\n${text}`);
	await workbench.screenshot('layouts-tree-tooltip');
}
