import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { agentInstructionsBlock } from '../../src/core';
import { repository, run } from '../support/cliRun';

const PERSON = '# Agents\n\nRun `npm test` before you commit.\n';

describe('streams agents-md', () => {
	it('creates AGENTS.md with the same block as the editor command, naming the repository\'s stream roots', async () => {
		const root = repository({ '.vscode/settings.json': '{ "streams.roots": ["work/streams"] }', 'work/streams/a/README.md': '# A\n' });
		const result = await run('agents-md', root);
		assert.equal(result.code, 0, result.stderr);
		assert.equal(fs.readFileSync(path.join(root, 'AGENTS.md'), 'utf8'), agentInstructionsBlock({ roots: ['work/streams'] }) + '\n');
	});

	it('rewrites only its own block and leaves the person\'s text; a second run changes nothing', async () => {
		const root = repository({ 'AGENTS.md': `${PERSON}\n<!-- streams:agents:start -->\nold\n<!-- streams:agents:end -->\n\n## Mine\nKeep this.\n` });
		assert.equal((await run('agents-md', root)).code, 0);
		const text = fs.readFileSync(path.join(root, 'AGENTS.md'), 'utf8');
		assert.equal(text, `${PERSON}\n${agentInstructionsBlock({ roots: ['.project/streams'] })}\n\n## Mine\nKeep this.\n`);
		const again = await run('agents-md', root);
		assert.match(again.stdout, /already holds/);
		assert.equal(fs.readFileSync(path.join(root, 'AGENTS.md'), 'utf8'), text);
	});

	it('refuses unpaired markers with exit 1 and writes nothing', async () => {
		const broken = `${PERSON}<!-- streams:agents:start -->\nhalf\n`;
		const root = repository({ 'AGENTS.md': broken });
		const result = await run('agents-md', root);
		assert.equal(result.code, 1);
		assert.match(result.stderr, /without its <!-- streams:agents:end -->/);
		assert.equal(fs.readFileSync(path.join(root, 'AGENTS.md'), 'utf8'), broken);
	});

	it('exits 2 with the usage on a bad argument', async () => {
		const result = await run('agents-md', '--nope');
		assert.equal(result.code, 2);
		assert.match(result.stderr, /Usage: streams agents-md/);
	});
});
