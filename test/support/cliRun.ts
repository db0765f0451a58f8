// Runs the `streams` command line in-process over a real folder: a temporary repository written from a table of
// files, and `main()` with its output captured, as the CLI tests need them.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/cli';

/** Writes `files` (paths relative to the root, `/`-separated) into a fresh temporary folder and returns its path. */
export function repository(files: Record<string, string>): string {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'streams-cli-'));
	for (const [file, content] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		fs.writeFileSync(path.join(root, file), content);
	}
	return root;
}

/** `streams <args>` with its exit code and everything it printed. */
export async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const code = await main(args, text => { stdout += text; }, text => { stderr += text; });
	return { code, stdout, stderr };
}
