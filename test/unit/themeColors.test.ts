import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { THEME_COLOR_IDS } from '../../src/extension/status/themeColors';

describe('theme colours', () => {
	it('names exactly the colours the manifest contributes, so themes can restyle every one', () => {
		const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
		const contributed = (manifest.contributes.colors as { id: string }[]).map(color => color.id).filter(id => /^streams\.(status|progress)\./.test(id));
		assert.deepEqual([...THEME_COLOR_IDS].sort(), contributed.sort());
	});
});
