// Entry point of the extension-host tests in the Node extension host: VS Code loads this module (the payload's
// `extensionTestsPath`) and waits on `run()`, which runs every compiled `*.test.js` under this folder with mocha.
// The web-worker host has its own entry (web/index.ts), bundled by the harness.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { finishTests, mochaOptions, startTests } from './runner';

export async function run(): Promise<void> {
	const mocha = new Mocha({ ...mochaOptions(), reporter: 'spec' });
	for (const file of testFiles(__dirname)) {
		mocha.addFile(file);
	}
	await startTests();
	const failures = await new Promise<number>(resolve => mocha.run(resolve));
	finishTests(failures);
}

function testFiles(folder: string): string[] {
	return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter(name => name.endsWith('.test.js'))
		.sort()
		.map(name => path.join(folder, name));
}
