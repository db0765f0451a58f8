// The Streams view as a person sees it on the fixture workspace: streams grouped by status, each row with its
// progress, priority and owner; a stream expands into its phases and documents; a phase opens PLAN.md there.
// The smoke test of every mode (scripts/test-ui.mjs --web, --untrusted): it also proves, as a person would see
// it, where it ran — "Developer: Show Running Extensions" names the extension's host, and the Restricted Mode
// indicators show exactly when the folder is untrusted.

import * as assert from 'node:assert/strict';
import { formatRows } from './workbench.mjs';

export const title = 'the Streams view lists the streams by status, expands a stream, opens a phase in PLAN.md';

/** The package name: what "Developer: Show Running Extensions" labels the extension's row with. */
const PACKAGE_NAME = 'feature-streams';

/** What the fixture's streams show (test/fixtures/workspace/.project/streams). */
const STREAMS = [
	{ title: 'Auth Refresh', group: 'In Progress', progress: '4/12', priority: 'High', owner: 'alice' },
	{ title: 'Billing Export', group: 'Blocked', progress: '3/6', priority: 'Medium', owner: 'bob' },
	// Its README still lists "High | Medium | Low": no priority is shown.
	{ title: 'Search v2', group: 'Ready', progress: '0/5', priority: undefined, owner: 'carol' },
	{ title: 'Onboarding Tour', group: 'Complete', progress: '4/4', priority: 'Low', owner: 'dana' },
	// Title, status, priority (P1) and owner from YAML front matter.
	{ title: 'API Rate Limits', group: 'Paused', progress: '2/5', priority: 'Medium', owner: 'erin' },
];

export async function run({ workbench, mode = 'node' }) {
	await workbench.openStreamsView();
	await workbench.setSideBarWidth(420);
	const rows = await workbench.waitForTreeRows(
		shown => STREAMS.every(stream => shown.some(row => row.label === stream.title)),
		{ what: 'a row for every fixture stream' },
	);
	await workbench.screenshot('streams-tree');
	const shown = `\n${formatRows(rows)}`;

	assert.ok(!rows.some(row => row.label.includes('Legacy Login')), `a folder under _archive is not a stream:${shown}`);
	for (const stream of STREAMS) {
		const index = rows.findIndex(row => row.label === stream.title);
		const row = rows[index];
		assert.equal(row.level, 2, `"${stream.title}" sits under a group:${shown}`);
		assert.equal(row.expanded, false, `"${stream.title}" starts collapsed and can expand:${shown}`);
		const group = rows.slice(0, index).reverse().find(candidate => candidate.level === 1);
		assert.equal(group?.label, stream.group, `"${stream.title}" is grouped under its status:${shown}`);

		const parts = row.description.split('·').map(part => part.trim());
		assert.equal(parts[0], stream.progress, `"${stream.title}" shows done/total first:${shown}`);
		if (stream.priority) {
			assert.ok(parts.includes(stream.priority), `"${stream.title}" shows its priority ${stream.priority}:${shown}`);
		} else {
			assert.ok(!parts.some(part => /^(High|Medium|Low)$/.test(part)), `"${stream.title}" shows no priority:${shown}`);
		}
		assert.ok(parts.includes(stream.owner), `"${stream.title}" shows its owner ${stream.owner}:${shown}`);
	}

	const expanded = await workbench.expandRow('Auth Refresh');
	await workbench.screenshot('streams-tree-expanded');
	const start = expanded.findIndex(row => row.label === 'Auth Refresh');
	const children = [];
	for (const row of expanded.slice(start + 1)) {
		if (row.level <= expanded[start].level) {
			break;
		}
		children.push(row);
	}
	const childText = `\n${formatRows(children)}`;
	const phases = children.filter(row => row.label.startsWith('Phase '));
	const documents = children.filter(row => row.label.endsWith('.md'));
	assert.deepEqual(phases.map(row => row.label), ['Phase 1 - Token rotation', 'Phase 2 - Client integration', 'Phase 3 - Rollout'],
		`the PLAN.md phases, in order:${childText}`);
	// Phase 2 rolls up its "Edge cases" sub-section; the cancelled task is left out.
	assert.deepEqual(phases.map(row => row.description.split('·')[0].trim()), ['3/4', '1/5', '0/3'], `each phase's done/total:${childText}`);
	assert.deepEqual([...documents.map(row => row.label)].sort(), ['HANDOFF.md', 'NOTES.md', 'PLAN.md', 'README.md', 'STATUS.md'],
		`every document of the stream:${childText}`);
	assert.ok(children.indexOf(phases.at(-1)) < children.indexOf(documents[0]), `phases come before documents:${childText}`);

	// A phase opens PLAN.md at its heading.
	await workbench.row('Phase 2 - Client integration').click();
	await workbench.page.locator('.tabs-container .tab.active', { hasText: 'PLAN.md' }).waitFor();
	await workbench.page.waitForFunction(() => [...document.querySelectorAll('.editor-group-container.active .view-line')]
		.some(line => line.textContent?.replace(/\u00a0/g, ' ').includes('## Phase 2 - Client integration')));
	await workbench.moveMouseAway();
	const lines = await workbench.editorLines();
	assert.ok(lines.some(line => line === '## Phase 2 - Client integration'), `PLAN.md shows the phase heading:\n${lines.join('\n')}`);
	// The heading is line 10 of the fixture's PLAN.md; the status bar shows where the cursor went.
	const cursor = await workbench.page.locator('.part.statusbar').getByText(/Ln \d+, Col \d+/).first().textContent();
	assert.equal(cursor?.trim(), 'Ln 10, Col 1', 'the cursor is on the phase heading');
	await workbench.screenshot('phase-opens-plan');

	await assertTrust(workbench, mode);
	await assertHost(workbench, mode);
}

/** Restricted Mode shows in the status bar and in the banner when, and only when, the folder is untrusted. */
async function assertTrust(workbench, mode) {
	const indicators = await workbench.restrictedModeIndicators();
	if (mode === 'untrusted') {
		assert.equal(indicators.statusBar, 'Restricted Mode', 'the status bar says the window is in Restricted Mode');
		assert.match(indicators.banner ?? '', /Restricted Mode is intended for safe code browsing/, 'the banner explains Restricted Mode');
	} else {
		assert.deepEqual(indicators, { statusBar: undefined, banner: undefined }, 'a trusted folder shows no Restricted Mode indicator');
	}
}

/** The host the extension really runs in, as "Developer: Show Running Extensions" lists it. */
async function assertHost(workbench, mode) {
	const extension = await workbench.runningExtension(PACKAGE_NAME);
	await workbench.screenshot('running-extensions');
	const shown = `; its row reads "${extension.name}: ${extension.message}" (icons: ${extension.icons.join(', ') || 'none'})`;
	assert.match(extension.activation, /Activation: \d+ms/, `the extension was activated${shown}`);
	if (mode === 'web') {
		assert.match(extension.message, /\bweb worker\b/, `the extension runs in the browser's web-worker extension host${shown}`);
		assert.ok(extension.icons.includes('globe'), `the web worker's globe icon is shown${shown}`);
	} else {
		assert.doesNotMatch(extension.message, /web worker/, `the extension does not run in the web worker${shown}`);
		// The server's Node host, named like the other extensions running there: the workbench's host and port.
		const server = new URL(workbench.page.url()).host;
		assert.ok(extension.icons.includes('remote'), `the extension runs in the remote (server's Node) extension host${shown}`);
		assert.equal(extension.message, server, `the remote host is this workbench's server, ${server}${shown}`);
	}
}
