import * as assert from 'node:assert/strict';
import { AGENTS_BLOCK_END, AGENTS_BLOCK_START, agentInstructionsBlock, agentInstructionsEdit } from '../../src/core';

const options = { roots: ['.project/streams'] };
const block = agentInstructionsBlock(options);

/** The file after the edit, as an editor would apply its range (checked against the edit's own `text`). */
function applied(existing: string | undefined): string {
	const edit = agentInstructionsEdit(existing, options);
	if (edit.kind === 'create') {
		return edit.text;
	}
	if (edit.kind === 'unchanged') {
		return existing!;
	}
	assert.equal(edit.kind, 'edit', edit.kind === 'refused' ? edit.message : '');
	if (edit.kind !== 'edit') {
		throw new Error('unreachable');
	}
	const lines = existing!.split(/\r\n|\r|\n/);
	const eol = existing!.includes('\r\n') ? '\r\n' : '\n';
	const before = lines.slice(0, edit.start.line).concat(lines[edit.start.line].slice(0, edit.start.column)).join(eol);
	const after = [lines[edit.end.line].slice(edit.end.column)].concat(lines.slice(edit.end.line + 1)).join(eol);
	const result = before + edit.replacement + after;
	assert.equal(result, edit.text, 'the range and the whole text agree');
	return result;
}

const PERSON = [
	'# Agents',
	'',
	'Run `npm test` before you commit. Never push to main.',
	'',
].join('\n');

describe('agent instructions in AGENTS.md', () => {
	it('creates AGENTS.md holding only the block when there is none', () => {
		const edit = agentInstructionsEdit(undefined, options);
		assert.equal(edit.kind, 'create');
		assert.equal(applied(undefined), block + '\n');
	});

	it('names the stream roots, every document and the tools', () => {
		const text = agentInstructionsBlock({ roots: ['.project/streams', 'work/streams'] });
		assert.ok(text.startsWith(AGENTS_BLOCK_START) && text.endsWith(AGENTS_BLOCK_END));
		for (const word of ['`.project/streams/<name>/`', '`work/streams/<name>/`', 'PLAN.md', 'HANDOFF.md', 'streams_next', 'streams_set_task', 'streams_write_handoff', 'streams mcp', '--json']) {
			assert.ok(text.includes(word), word);
		}
	});

	it('appends the block after a blank line, keeping every line a person wrote', () => {
		const result = applied(PERSON);
		assert.equal(result, PERSON + '\n' + block + '\n');
	});

	it('ends a last line that had no line break before appending', () => {
		assert.equal(applied('# Agents\nBe careful.'), '# Agents\nBe careful.\n\n' + block + '\n');
	});

	it('rewrites only its own block, in place, leaving the text above and below as it was', () => {
		const old = [AGENTS_BLOCK_START, '## Feature streams', 'an older version of the instructions', AGENTS_BLOCK_END].join('\n');
		const file = PERSON + old + '\n\n## Afterwards\nA person\'s section below the block.\n';
		const result = applied(file);
		assert.equal(result, PERSON + block + '\n\n## Afterwards\nA person\'s section below the block.\n');
		const edit = agentInstructionsEdit(file, options);
		assert.equal(edit.kind === 'edit' && edit.action, 'updated');
	});

	it('leaves a file whose block is current unchanged', () => {
		assert.equal(agentInstructionsEdit(PERSON + block + '\n', options).kind, 'unchanged');
	});

	it('keeps Windows line endings in the block it writes', () => {
		const file = '# Agents\r\nRules.\r\n';
		const result = applied(file);
		assert.ok(!/[^\r]\n/.test(result), 'no bare \\n');
		assert.equal(agentInstructionsEdit(result, options).kind, 'unchanged');
	});

	describe('refuses markers that do not pair up, and changes nothing', () => {
		const table: [string, string, number][] = [
			['a start without an end', `${PERSON}${AGENTS_BLOCK_START}\nhalf a block\n`, 3],
			['an end without a start', `${PERSON}${AGENTS_BLOCK_END}\n`, 3],
			['two blocks', `${AGENTS_BLOCK_START}\n${AGENTS_BLOCK_END}\n${AGENTS_BLOCK_START}\n${AGENTS_BLOCK_END}\n`, 2],
		];
		for (const [name, file, line] of table) {
			it(name, () => {
				const edit = agentInstructionsEdit(file, options);
				assert.equal(edit.kind, 'refused');
				if (edit.kind === 'refused') {
					assert.equal(edit.line, line);
					assert.match(edit.message, /Nothing was changed/);
					assert.match(edit.message, new RegExp(`line ${line + 1}`));
				}
			});
		}
	});
});
