// Entry point of the extension-host tests in the browser's web-worker extension host, where there is no Node
// and no file system to find tests in. scripts/test-vscode.mjs bundles this module with every `*.test.ts`
// into one file whose `run()` calls `runInWebWorker` with a loader per test file.

// Mocha's browser build: defines the global `mocha`.
import 'mocha/mocha.js';
import { finishTests, mochaOptions, startTests } from '../runner';

/** A test file, loaded only after mocha has defined `describe` and `it`. */
export interface TestFileLoader {
	readonly name: string;
	readonly load: () => void;
}

export async function runInWebWorker(files: readonly TestFileLoader[]): Promise<void> {
	mocha.setup({ ...mochaOptions(), reporter: 'spec' });
	await startTests();
	for (const file of files) {
		try {
			file.load();
		} catch (error) {
			// A file that cannot load here (it needs Node, say) fails visibly instead of vanishing.
			describe(file.name, () => {
				it('loads in the web-worker extension host', () => {
					throw error;
				});
			});
		}
	}
	const failures = await new Promise<number>(resolve => mocha.run(resolve));
	finishTests(failures);
}
