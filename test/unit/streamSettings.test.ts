import * as assert from 'node:assert/strict';
import { DEFAULT_MAX_FILE_SIZE, normalizeRoots, normalizeSettings, SettingKey } from '../../src/core/settings/streamSettings';

const from = (values: Partial<Record<SettingKey, unknown>>) => normalizeSettings(key => values[key]);

describe('the settings model', () => {
	it('gives every default when nothing is set', () => {
		const settings = from({});
		assert.deepEqual(settings.roots, ['.project/streams']);
		assert.equal(settings.templatesFolder, '.project/templates');
		assert.equal(settings.groupBy, 'status');
		assert.equal(settings.maxFileSize, DEFAULT_MAX_FILE_SIZE);
		assert.deepEqual(settings.progress, { enabled: true, style: 'bar', files: ['**/PLAN.md'] });
		assert.deepEqual(settings.requiredDocuments, ['README.md', 'PLAN.md']);
		assert.deepEqual(settings.diagnosticsRules, {});
	});

	it('writes every spelling of a root the same way, as a path inside the workspace folder', () => {
		assert.deepEqual(normalizeRoots(['./docs/streams/', '/docs/streams', 'docs\\streams', ' docs//streams ']), ['docs/streams']);
	});

	it('ignores roots that climb out of the folder or name the folder itself, and values that are not text', () => {
		assert.deepEqual(normalizeRoots(['..', '../outside', 'a/../../b', '.', '/', '', 42, null, 'work']), ['work']);
	});

	it('keeps an empty list of roots empty, as the editor does, rather than falling back to the default', () => {
		assert.deepEqual(from({ roots: ['../outside'] }).roots, []);
		assert.deepEqual(from({ roots: 'not a list' }).roots, ['.project/streams']);
	});

	it('falls back to the default for values of the wrong type or outside their choices', () => {
		const settings = from({ 'groupBy': 'colour', 'progress.style': 7, 'maxFileSize': 'big', 'badges.enabled': 'yes', 'defaultOwner': 3 });
		assert.equal(settings.groupBy, 'status');
		assert.equal(settings.progress.style, 'bar');
		assert.equal(settings.maxFileSize, DEFAULT_MAX_FILE_SIZE);
		assert.equal(settings.badges.enabled, true);
		assert.equal(settings.defaultOwner, '');
	});

	it('keeps only known rule severities, and only file names as required documents', () => {
		const settings = from({
			'diagnostics.rules': { 'stale-handoff': 'error', 'unknown-status': 'loud', 'missing-document': 'off' },
			'requiredDocuments': [' README.md ', 'docs/PLAN.md', 'a\\b.md', '', 5, 'NOTES.md'],
		});
		assert.deepEqual(settings.diagnosticsRules, { 'stale-handoff': 'error', 'missing-document': 'off' });
		assert.deepEqual(settings.requiredDocuments, ['README.md', 'NOTES.md']);
	});

	it('never lets the size limit drop below one kilobyte', () => {
		assert.equal(from({ maxFileSize: 10 }).maxFileSize, 1024);
	});
});

describe('streams.layouts and grouping by layout', () => {
	it('reads every layout by default and only the named ones when set, in their usual order', () => {
		assert.deepEqual(normalizeSettings(() => undefined).layouts, ['streams', 'kiro', 'speckit', 'openspec']);
		assert.deepEqual(normalizeSettings(key => key === 'layouts' ? ['openspec', 'kiro', 'jira'] : undefined).layouts, ['kiro', 'openspec']);
		assert.deepEqual(normalizeSettings(key => key === 'layouts' ? 'kiro' : undefined).layouts, ['streams', 'kiro', 'speckit', 'openspec']);
	});

	it('accepts layout as a grouping', () => {
		assert.equal(normalizeSettings(key => key === 'groupBy' ? 'layout' : undefined).groupBy, 'layout');
	});
});
