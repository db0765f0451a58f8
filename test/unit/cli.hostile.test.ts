// The command line against repositories built to hang it or mislead it: FIFOs and devices where documents,
// templates or settings belong (git can store a symlink to /dev/zero), settings files VS Code accepts but
// JSON.parse does not, and output into a closed pipe or a full disk.

import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DirectoryEntry } from '../../src/core/fileSystem';
import { StreamIndex } from '../../src/core/model/streamIndex';
import { NodeFileSystem } from '../../src/node/nodeFileSystem';
import { MemoryFileSystem } from '../support/memoryFileSystem';
import { readRepositorySettings } from '../../src/node/workspaceSettings';
import { repository, run } from '../support/cliRun';

const STREAM = {
	'.project/streams/search/README.md': '# Search\n\n**Status:** 🟡 In Progress\n',
	'.project/streams/search/PLAN.md': '# Plan\n\n## Phase 1\n\n- [x] index\n- [ ] rank\n',
};

function fifo(root: string, file: string): void {
	fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
	execFileSync('mkfifo', [path.join(root, file)]);
}

function link(root: string, file: string, target: string): void {
	fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
	fs.symlinkSync(target, path.join(root, file));
}

describe('streams on FIFOs and devices', () => {
	it('lints a repository whose .vscode/settings.json is a FIFO, and says it did not read it', async () => {
		const root = repository(STREAM);
		fifo(root, '.vscode/settings.json');
		const result = await run('lint', root);
		assert.equal(result.code, 0);
		assert.match(result.stderr, /settings\.json is not a regular file/);
	});

	it('does not read .vscode/settings.json through a link to /dev/zero or /dev/stdin', async () => {
		for (const device of ['/dev/zero', '/dev/stdin']) {
			const root = repository(STREAM);
			link(root, '.vscode/settings.json', device);
			const result = await run('lint', root);
			assert.match(result.stderr, /settings\.json is not a regular file/, device);
		}
	});

	it('refuses a settings file over the size limit instead of reading it whole', async () => {
		const root = repository({ ...STREAM, '.vscode/settings.json': `{ "streams.roots": ["${'x'.repeat(3 * 1024 * 1024)}"] }` });
		const read = await readRepositorySettings(root);
		assert.equal(read.ok, false);
		assert.match(read.ok ? '' : read.message, /over the limit/);
	});

	it('lints a repository whose team template is a FIFO', async () => {
		const root = repository(STREAM);
		fifo(root, '.project/templates/README.md');
		const result = await run('lint', root);
		assert.equal(result.code, 0);
	});

	it('reads a stream whose document is a FIFO or a link to /dev/zero, leaving those out', async () => {
		const root = repository(STREAM);
		fifo(root, '.project/streams/search/NOTES.md');
		link(root, '.project/streams/search/STATUS.md', '/dev/zero');
		const result = await run('status', root, '--json');
		assert.equal(result.code, 0);
		assert.equal(JSON.parse(result.stdout).streams[0].progress.done, 1);
		assert.doesNotMatch(result.stdout, /STATUS\.md|NOTES\.md/, 'lists neither as a document');
	});

	it('refuses a FIFO in the asynchronous reads of the MCP server too', async () => {
		const root = repository(STREAM);
		fifo(root, '.project/streams/search/NOTES.md');
		await assert.rejects(new NodeFileSystem(root).readFile('.project/streams/search/NOTES.md', 1024), /not a regular file/);
	});
});

describe('streams lint on settings files VS Code accepts', () => {
	const cases: readonly [string, string][] = [
		['with a byte-order mark', '\uFEFF{ "streams.roots": ["docs/streams"] }'],
		['with comments and trailing commas', '// team settings\n{\n  /* where streams live */\n  "streams.roots": ["docs/streams",],\n}\n'],
	];
	for (const [name, text] of cases) {
		it(`reads a settings file ${name}`, async () => {
			const root = repository({ '.vscode/settings.json': text, 'docs/streams/search/README.md': '# Search\n' });
			const read = await readRepositorySettings(root);
			assert.equal(read.ok, true, read.ok ? '' : read.message);
			assert.deepEqual(read.settings.roots, ['docs/streams']);
		});
	}

	for (const [name, text] of [['empty', ''], ['only a comment', '// nothing yet\n'], ['only a BOM and white space', '\uFEFF \n']]) {
		it(`takes a settings file that is ${name} as no settings, without a message`, async () => {
			const root = repository({ ...STREAM, '.vscode/settings.json': text });
			const result = await run('lint', root);
			assert.equal(result.stderr, '');
		});
	}

	it('still says when a settings file is not JSON at all, and where', async () => {
		const root = repository({ ...STREAM, '.vscode/settings.json': '{ "streams.roots": [ }' });
		const read = await readRepositorySettings(root);
		assert.equal(read.ok, false);
		assert.match(read.ok ? '' : read.message, /settings\.json.*line 1/);
	});
});

describe('streams writing into a closed pipe or a full disk', function () {
	// Each test starts a Node process, which takes seconds on a loaded machine.
	this.timeout(30_000);
	const cli = path.join(__dirname, '..', '..', 'src', 'cli', 'cli.js');

	it('ends quietly with exit code 0 when the reader of its output goes away (| head -1)', () => {
		const root = repository(Object.fromEntries(Array.from({ length: 400 }, (_, index) => [`.project/streams/s${index}/README.md`, `# Stream ${index}\n`])));
		const result = spawnSync('bash', ['-c', `set -o pipefail; node "${cli}" status --json "${root}" | head -1`], { encoding: 'utf8' });
		assert.equal(result.stdout, '{\n');
		assert.equal(result.stderr, '');
		assert.equal(result.status, 0);
	});

	it('says in one line that the disk is full, exit code 1 (> /dev/full)', () => {
		const root = repository(STREAM);
		const result = spawnSync('sh', ['-c', `node "${cli}" status --json "${root}" > /dev/full; echo "exit $?" >&2`], { encoding: 'utf8' });
		assert.match(result.stderr, /^streams: cannot write the output: no space left on the device\nexit 1\n$/);
	});
});

describe('streams on files it cannot read as text', () => {
	it('says a document over the size limit was skipped, naming no setting the command line cannot set', async () => {
		const root = repository({ ...STREAM, '.project/streams/search/STATUS.md': 'x'.repeat(3 * 1024 * 1024) });
		const result = await run('status', root);
		assert.match(result.stderr, /STATUS\.md is larger than 2097152 bytes and was skipped/);
		assert.doesNotMatch(result.stderr, /streams\.maxFileSize/);
	});

	it('says a UTF-16 document is UTF-16, which is not supported, rather than "not a text file"', async () => {
		const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Notes\n', 'utf16le')]);
		const root = repository(STREAM);
		fs.writeFileSync(path.join(root, '.project/streams/search/STATUS.md'), utf16);
		const result = await run('status', root);
		assert.match(result.stderr, /STATUS\.md is encoded as UTF-16, which is not supported: save it as UTF-8/);
	});

	it('prints control characters of folder names escaped in the status table', async () => {
		const root = repository({ '.project/streams/evil\u001b[31mred/README.md': '# Evil\n' });
		const result = await run('status', root);
		assert.doesNotMatch(result.stdout, /\u001b/);
		assert.match(result.stdout, /evil\\u001b\[31mred/);
	});
});

/** A file system where some folders exist but cannot be listed, as `chmod 000` makes them for a user who is not root. */
class NoPermissionFileSystem extends MemoryFileSystem {
	constructor(files: Record<string, string>, private readonly locked: readonly string[]) {
		super(files);
	}

	override async readDirectory(path: string): Promise<readonly DirectoryEntry[]> {
		if (this.locked.includes(path)) {
			throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
		}
		return super.readDirectory(path);
	}
}

describe('streams whose folders cannot be read', () => {
	const files = {
		'.project/streams/search/README.md': '# Search\n',
		'.project/streams/billing/README.md': '# Billing\n',
	};

	for (const [what, locked] of [['a stream root', '.project/streams'], ['a stream folder', '.project/streams/billing']]) {
		it(`names ${what} it cannot read instead of showing fewer streams without a word`, async () => {
			const index = new StreamIndex([{ source: 'repo', workspaceFolder: 'repo', fs: new NoPermissionFileSystem(files, [locked]) }], { roots: ['.project/streams'], maxFileSize: 1024 * 1024 });
			await index.indexAll();
			assert.deepEqual(index.unreadableFolders.map(problem => problem.message), [`${locked} could not be read (permission denied); its streams are missing`]);
		});
	}

	it('fails lint on a stream folder whose name is not valid UTF-8, and says why', async () => {
		const root = repository(STREAM);
		fs.mkdirSync(Buffer.concat([Buffer.from(path.join(root, '.project/streams/')), Buffer.from([0x62, 0xff, 0x61, 0x64])]));
		fs.writeFileSync(Buffer.concat([Buffer.from(path.join(root, '.project/streams/')), Buffer.from([0x62, 0xff, 0x61, 0x64]), Buffer.from('/README.md')]), '# Bad\n');
		const result = await run('lint', root);
		assert.equal(result.code, 1);
		assert.match(result.stderr, /name is not valid UTF-8, so it was skipped/);
	});
});

describe('streams lint on double braces in ordinary text', () => {
	it('flags only our own {{…}} tokens as template leftovers, not {{articleTitle}} in a code-free sentence', async () => {
		const root = repository({ ...STREAM, '.project/streams/search/NOTES.md': '# Notes\n\nThe page shows {{articleTitle}} from the CMS; owner {{owner}}.\n' });
		const result = await run('lint', root);
		assert.doesNotMatch(result.stdout, /articleTitle/);
		assert.match(result.stdout, /NOTES\.md:3:\d+ warning template-leftover .*\{\{owner\}\}/);
	});
});
