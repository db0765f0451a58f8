// `npm run screenshots`: retakes the README's pictures on the demo workspace, in a real VS Code (code-server)
// driven by Chromium, with the extension loaded from dist/ (run `npm run build` first).

import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench, Workbench } from '../test/ui/workbench.mjs';
import { launchBrowser } from './vscode/browser.mjs';
import { startServer } from './vscode/server.mjs';
import { repoRoot } from './vscode/toolchain.mjs';

const imagesDir = join(repoRoot, 'docs', 'images');

async function main() {
	const workspace = mkdtempSync(join(tmpdir(), 'streams-demo-'));
	cpSync(join(repoRoot, 'demo'), workspace, { recursive: true });
	mkdirSync(imagesDir, { recursive: true });
	const server = await startServer({ log: () => undefined });
	const browser = await launchBrowser();
	try {
		const page = await (await browser.newContext({ viewport: { width: 1280, height: 760 } })).newPage();
		page.setDefaultTimeout(30_000);
		await openWorkbench(page, server.url({ folder: workspace, payload: server.developmentPayload() }));
		const workbench = new Workbench(page);
		await workbench.openStreamsView();
		await workbench.setSideBarWidth(480);
		await workbench.waitForTreeRows(rows => rows.some(row => row.label === 'Incident Timeline'));
		await workbench.expandRow('Incident Timeline');
		await workbench.waitForTreeRows(rows => rows.some(row => row.label.startsWith('Phase 1')));
		await workbench.moveMouseAway();
		await page.screenshot({ path: join(imagesDir, 'streams-view.png') });

		// A phase row opens PLAN.md at its heading, with the progress after every heading.
		await workbench.row('Phase 2 - Admin and public page').click();
		await page.locator('.editor-instance .view-line').first().waitFor();
		await page.waitForFunction(() => [...document.querySelectorAll('.editor-instance .view-line span')]
			.some(span => getComputedStyle(span, '::after').content.includes('▰') || getComputedStyle(span, '::after').content.includes('▱')));
		await workbench.moveMouseAway();
		await page.screenshot({ path: join(imagesDir, 'plan-progress.png') });

		// The board, in the editor area: every stream as a card in its status's column.
		await workbench.runCommand('View: Close All Editors');
		await workbench.runCommand('View: Toggle Primary Side Bar Visibility');
		await workbench.runCommand('Streams: Open Board');
		const board = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
		await board.locator('.card', { hasText: 'Incident Timeline' }).waitFor();
		await board.locator('.overview-stale').waitFor();
		await workbench.moveMouseAway();
		await page.screenshot({ path: join(imagesDir, 'board.png') });
		console.log(`[screenshots] written to ${imagesDir}`);
	} finally {
		await browser.close();
		await server.stop();
		rmSync(workspace, { recursive: true, force: true });
	}
}

main().catch(error => {
	console.error(error);
	process.exitCode = 1;
});
