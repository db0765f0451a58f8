// Finding template sets in a team's template folder and reading them: top-level files, named subfolder sets,
// hidden folders, and files that cannot be used.

import * as assert from 'node:assert/strict';
import { findTemplateSets, readTemplateSet, TemplateReadError } from '../../src/core/templates/templateSets';
import { MemoryFileSystem } from '../support/memoryFileSystem';

const FOLDER = '.project/templates';

describe('findTemplateSets', () => {
	it('offers nothing when the folder does not exist', async () => {
		assert.deepEqual(await findTemplateSets(new MemoryFileSystem({ 'README.md': '# x' }), FOLDER), { topLevel: undefined, named: [] });
	});

	it('takes every top-level .md file, standard documents first, and the team\'s own after them', async () => {
		const fs = new MemoryFileSystem({
			[`${FOLDER}/NOTES.md`]: '', [`${FOLDER}/README.md`]: '', [`${FOLDER}/DECISIONS.md`]: '', [`${FOLDER}/PLAN.md`]: '',
			[`${FOLDER}/logo.png`]: 'png', [`${FOLDER}/.draft.md`]: '',
		});
		const found = await findTemplateSets(fs, FOLDER);
		assert.deepEqual(found.topLevel, { name: '', folder: FOLDER, files: ['README.md', 'PLAN.md', 'NOTES.md', 'DECISIONS.md'] });
		assert.deepEqual(found.named, []);
	});

	it('offers each subfolder with .md files as a named set, skipping hidden and empty ones', async () => {
		const fs = new MemoryFileSystem({
			[`${FOLDER}/spike/README.md`]: '', [`${FOLDER}/spike/NOTES.md`]: '',
			[`${FOLDER}/bugfix/README.md`]: '',
			[`${FOLDER}/_old/README.md`]: '', [`${FOLDER}/.git/README.md`]: '',
			[`${FOLDER}/images/logo.png`]: '',
		});
		const found = await findTemplateSets(fs, FOLDER);
		assert.equal(found.topLevel, undefined, 'no top-level files: New Stream uses the bundled set');
		assert.deepEqual(found.named, [
			{ name: 'bugfix', folder: `${FOLDER}/bugfix`, files: ['README.md'] },
			{ name: 'spike', folder: `${FOLDER}/spike`, files: ['README.md', 'NOTES.md'] },
		]);
	});
});

describe('readTemplateSet', () => {
	const set = { name: '', folder: FOLDER, files: ['README.md', 'PLAN.md'] };

	it('reads each file as text', async () => {
		const fs = new MemoryFileSystem({ [`${FOLDER}/README.md`]: '# [Feature Name]', [`${FOLDER}/PLAN.md`]: '- [ ] task' });
		assert.deepEqual(await readTemplateSet(fs, set, 1000), [{ name: 'README.md', text: '# [Feature Name]' }, { name: 'PLAN.md', text: '- [ ] task' }]);
	});

	it('refuses a binary file, naming it', async () => {
		const fs = new MemoryFileSystem({ [`${FOLDER}/README.md`]: '# x', [`${FOLDER}/PLAN.md`]: new Uint8Array([0x50, 0, 0x4e, 0x47]) });
		await assert.rejects(readTemplateSet(fs, set, 1000), (error: unknown) =>
			error instanceof TemplateReadError && error.path === `${FOLDER}/PLAN.md` && error.problem === 'binary-file');
	});

	it('refuses a file over the size limit', async () => {
		const fs = new MemoryFileSystem({ [`${FOLDER}/README.md`]: 'x'.repeat(2000), [`${FOLDER}/PLAN.md`]: '' });
		await assert.rejects(readTemplateSet(fs, set, 1000), (error: unknown) => error instanceof TemplateReadError && error.problem === 'too-large');
	});

	it('refuses a file that vanished since the folder was listed', async () => {
		const fs = new MemoryFileSystem({ [`${FOLDER}/README.md`]: '' });
		await assert.rejects(readTemplateSet(fs, set, 1000), (error: unknown) => error instanceof TemplateReadError && error.problem === 'unreadable');
	});
});
