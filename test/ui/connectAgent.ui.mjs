// "Streams: Connect an Agent…" as a person runs it for Cursor in a repository that already has a `.cursor/mcp.json`
// with a server of its own: the palette, the list of agents, the question whether to write the file, and the file
// afterwards, holding the Streams server beside the one that was there. Run twice, it changes nothing.

import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const title = 'Connect an Agent for Cursor: picked from the palette, .cursor/mcp.json written with the Streams server beside the server already there';
export const timeout = 90_000;

const LIST_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';
const DIALOG = '.monaco-dialog-box';
// A toast once its fade-in is over (VS Code marks it so), for a picture of it in place.
const NOTIFICATION = '.notifications-toasts .notification-toast.notification-fade-in-done';

/** The user's own server, which the command must keep as written. */
const THEIR_SERVER = { command: 'npx', args: ['-y', 'their-issue-tracker-mcp'] };

/** Waits until the file parses as JSON that `accept`s, and returns it. */
async function waitForJson(page, path, accept, what, timeout = 15_000) {
	const deadline = Date.now() + timeout;
	for (;;) {
		let json;
		try {
			json = JSON.parse(readFileSync(path, 'utf8'));
		} catch {
			json = undefined;
		}
		if (json !== undefined && accept(json)) {
			return json;
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}; the file holds:\n${readFileSync(path, 'utf8')}`);
		}
		await page.waitForTimeout(50);
	}
}

async function connectCursor(workbench, page) {
	await workbench.runCommand('Streams: Connect an Agent…');
	const cursor = page.locator(LIST_ROWS, { hasText: 'Cursor' });
	await cursor.waitFor({ state: 'visible' });
	await page.locator(LIST_ROWS, { hasText: 'Claude Code' }).waitFor({ state: 'visible' });
	return cursor;
}

export async function run({ workbench, page, workspace }) {
	const file = join(workspace, '.cursor', 'mcp.json');
	mkdirSync(join(workspace, '.cursor'), { recursive: true });
	writeFileSync(file, JSON.stringify({ mcpServers: { tracker: THEIR_SERVER } }, null, 2) + '\n');

	await workbench.openStreamsView();
	await workbench.waitForTreeRows(rows => rows.some(row => row.label === 'Auth Refresh'), { what: 'the fixture streams' });

	// 1. The palette offers every agent; Cursor's setup is a workspace file.
	const cursor = await connectCursor(workbench, page);
	await workbench.screenshot('connect-agent-1-clients');
	await cursor.click();

	// 2. It asks before writing, and says the other servers are kept.
	const dialog = page.locator(DIALOG);
	await dialog.waitFor({ state: 'visible' });
	assert.match(await dialog.textContent(), /Write the Streams server into \.cursor\/mcp\.json\? Other servers in it are kept\./);
	await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
	await workbench.screenshot('connect-agent-2-ask');
	await dialog.locator('.monaco-button', { hasText: 'Write .cursor/mcp.json' }).click();
	await dialog.waitFor({ state: 'detached' });

	// 3. The file holds both servers; ours starts the extension's own bundled server on this folder.
	const written = await waitForJson(page, file, json => json.mcpServers?.streams !== undefined, 'the Streams server in .cursor/mcp.json');
	assert.deepEqual(written.mcpServers.tracker, THEIR_SERVER, 'their server is kept as written');
	const streams = written.mcpServers.streams;
	assert.ok(streams, `the Streams server is added:\n${readFileSync(file, 'utf8')}`);
	assert.ok(streams.args.some(arg => /dist[\\/]cli\.js$/.test(arg)), `it runs the bundled CLI: ${JSON.stringify(streams.args)}`);
	assert.ok(streams.args.includes('mcp'), 'as an MCP server');
	assert.ok(streams.args.includes('${workspaceFolder}'), 'on the folder as Cursor resolves it');
	await page.locator(NOTIFICATION, { hasText: 'Added the Streams server to .cursor/mcp.json.' }).waitFor({ state: 'visible' });
	await workbench.moveMouseAway();
	await workbench.screenshot('connect-agent-3-written');

	// 4. Again: nothing to change, and the file stays byte for byte.
	const before = readFileSync(file, 'utf8');
	await (await connectCursor(workbench, page)).click();
	await dialog.waitFor({ state: 'visible' });
	await dialog.locator('.monaco-button', { hasText: 'Write .cursor/mcp.json' }).click();
	await page.locator(NOTIFICATION, { hasText: 'already starts the Streams server' }).waitFor({ state: 'visible' });
	assert.equal(readFileSync(file, 'utf8'), before, 'a second run writes nothing');
}
