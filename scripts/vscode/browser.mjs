// Launches the Chromium that drives the workbench: the system's own (Debian's `chromium`), never a browser
// downloaded by a test tool. CHROMIUM_PATH points elsewhere when needed.

import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function chromiumPath() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (!existsSync(fromEnv)) {
			throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
		}
		return fromEnv;
	}
	const found = candidates.find(path => existsSync(path));
	if (!found) {
		throw new Error('Chromium not found: install it (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH');
	}
	return found;
}

export async function launchBrowser({ headless = process.env.HEADFUL !== '1' } = {}) {
	return chromium.launch({
		executablePath: chromiumPath(),
		headless,
		timeout: 60_000,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
		],
	});
}
