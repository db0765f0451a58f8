// `streams agents-md [folder]`: writes the agent instructions block into the repository's AGENTS.md, the same
// block and the same rule as the editor's Streams: Add Agent Instructions (core agentInstructions.ts): the
// file is created if missing, only the marked block is ever rewritten, and unpaired markers are refused.
// The write is read-modify-write under the lock every `streams` process respects, atomic (temporary + rename).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { AGENTS_FILE, agentInstructionsEdit, normalizeRoots } from '../core';
import { createFile, replaceFile } from '../node/atomicWrite';
import { withLocks } from '../node/fileLock';
import { readRepositorySettings } from '../node/workspaceSettings';

export const AGENTS_MD_USAGE = `Usage: streams agents-md [folder] [--root <path>]...

Writes the agent instructions (the stream layout, the streams_* tools and these commands) into the repository's
${AGENTS_FILE}, between <!-- streams:agents:start --> and <!-- streams:agents:end -->. Creates the file when it
is missing; rewrites only that block, never the rest of the file.

  --root <path>     A stream root relative to the folder (repeatable; default from .vscode/settings.json).
  -h, --help        Show this help.
`;

export async function runAgentsMd(args: readonly string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
	const positional: string[] = [];
	const roots: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '-h' || arg === '--help') {
			out(AGENTS_MD_USAGE);
			return 0;
		}
		if (arg === '--root') {
			const [root] = normalizeRoots([args[++i]]);
			if (root === undefined) {
				err(`streams agents-md: --root needs a folder inside the repository\n\n${AGENTS_MD_USAGE}`);
				return 2;
			}
			roots.push(root);
		} else if (arg.startsWith('-') || positional.length > 0) {
			err(`streams agents-md: unexpected argument ${arg}\n\n${AGENTS_MD_USAGE}`);
			return 2;
		} else {
			positional.push(arg);
		}
	}
	const folder = path.resolve(positional[0] ?? '.');
	if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
		err(`streams agents-md: ${positional[0]} is not a folder\n`);
		return 2;
	}
	const settings = await readRepositorySettings(folder);
	const file = path.join(folder, AGENTS_FILE);
	return withLocks([file], async () => {
		let existing: string | undefined;
		try {
			existing = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
				err(`streams agents-md: cannot read ${AGENTS_FILE}: ${(error as Error).message}\n`);
				return 1;
			}
		}
		const edit = agentInstructionsEdit(existing, { roots: roots.length > 0 ? roots : settings.settings.roots });
		switch (edit.kind) {
			case 'refused':
				err(`streams agents-md: ${edit.message}\n`);
				return 1;
			case 'unchanged':
				out(`${AGENTS_FILE} already holds the current agent instructions.\n`);
				return 0;
			case 'create':
				createFile(file, edit.text);
				out(`Created ${AGENTS_FILE} with the agent instructions.\n`);
				return 0;
			case 'edit':
				replaceFile(file, edit.text);
				out(edit.action === 'updated'
					? `Updated the agent instructions in ${AGENTS_FILE}; the rest of the file is as it was.\n`
					: `Added the agent instructions to the end of ${AGENTS_FILE}.\n`);
				return 0;
		}
	});
}
