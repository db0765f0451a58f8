// Stream names and the folder names made from them: what people really type (accents, emoji, other
// scripts, very long names, names Windows cannot store) and what each becomes or why it is refused.

import * as assert from 'node:assert/strict';
import { checkOwner, checkStreamName, isWindowsDeviceName, MAX_SLUG_LENGTH, NameProblem, slugify } from '../../src/core/templates/streamName';

describe('slugify', () => {
	const cases: [string, string, string][] = [
		['plain words', 'Offline Editing', 'offline-editing'],
		['already a slug', 'auth-refresh', 'auth-refresh'],
		['accents folded', 'Café Crème Brûlée', 'cafe-creme-brulee'],
		['letters without a decomposition', 'Straße Øresund Łódź Æsir', 'strasse-oresund-lodz-aesir'],
		['symbols dropped', 'C++ & Rust: 2.0!', 'c-rust-2-0'],
		['apostrophes join words', "Don't Panic", 'dont-panic'],
		['curly apostrophe', 'Ana’s Dashboard', 'anas-dashboard'],
		['emoji dropped', '🚀 Launch Pad 🎉', 'launch-pad'],
		['emoji with skin tone and ZWJ', '👩🏽‍💻 Dev Portal', 'dev-portal'],
		['runs of separators collapse', '  API --- v2 __ beta  ', 'api-v2-beta'],
		['trailing dots', 'Release 1.0...', 'release-1-0'],
		['trailing spaces and dots', 'Notes. . . ', 'notes'],
		['full-width letters folded', 'ＡＰＩ Ｖ２', 'api-v2'],
		['superscript digits folded', 'Phase²', 'phase2'],
		['other scripts alone give nothing', 'Поиск 検索', ''],
		['mixed scripts keep the Latin part', 'Поиск Search', 'search'],
		['only emoji', '🚀🎉', ''],
		['digits only', '2026', '2026'],
	];
	for (const [what, name, slug] of cases) {
		it(`${what}: ${JSON.stringify(name)} → ${JSON.stringify(slug)}`, () => {
			assert.equal(slugify(name), slug);
		});
	}

	it('never yields anything but lowercase ASCII kebab-case', () => {
		for (const [, name] of cases) {
			assert.match(slugify(name), /^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
		}
	});

	it('cuts a long slug at a word boundary', () => {
		const name = 'a very long stream name that goes on and on about what it will deliver one day';
		const slug = slugify(name);
		assert.ok(slug.length <= MAX_SLUG_LENGTH, `${slug.length} > ${MAX_SLUG_LENGTH}`);
		assert.ok(name.replace(/ /g, '-').startsWith(slug), slug);
		assert.doesNotMatch(slug, /-$/);
	});
});

describe('isWindowsDeviceName', () => {
	for (const name of ['con', 'CON', 'prn', 'aux', 'nul', 'com1', 'COM9', 'lpt1', 'lpt0', 'nul.txt', 'con.', 'aux ']) {
		it(`refuses ${JSON.stringify(name)}`, () => assert.equal(isWindowsDeviceName(name), true));
	}
	for (const name of ['console', 'con-1', 'com10', 'null', 'auxiliary', 'lpt']) {
		it(`allows ${JSON.stringify(name)}`, () => assert.equal(isWindowsDeviceName(name), false));
	}
});

describe('checkStreamName', () => {
	const refused: [string, string, NameProblem['kind']][] = [
		['empty', '', 'empty'],
		['only spaces', '   ', 'empty'],
		['200 characters', 'x'.repeat(200), 'too-long'],
		['81 characters', 'y'.repeat(81), 'too-long'],
		['a slash', 'auth/refresh', 'path-separator'],
		['a backslash', 'auth\\refresh', 'path-separator'],
		['a parent reference', '..', 'parent-reference'],
		['dots inside', 'a..b', 'parent-reference'],
		['a line break', 'two\nlines', 'control-character'],
		['a tab', 'tab\there', 'control-character'],
		['a NUL', 'nul\u0000byte', 'control-character'],
		['only emoji', '🚀', 'no-letters'],
		['only other scripts', '検索', 'no-letters'],
		['only symbols', '!!! ???', 'no-letters'],
		['a Windows device name', 'CON', 'reserved'],
		['a device name after folding', 'Nul!', 'reserved'],
		['a numbered port', 'COM1', 'reserved'],
		['a taken slug', 'Auth Refresh', 'taken'],
		['a taken slug in other case', 'AUTH refresh', 'taken'],
	];
	const taken = (slug: string) => slug === 'auth-refresh';
	for (const [what, name, kind] of refused) {
		it(`refuses ${what}`, () => {
			const checked = checkStreamName(name, taken);
			assert.equal(checked.ok, false);
			assert.equal(!checked.ok && checked.problem.kind, kind);
		});
	}

	it('says how long a name is and how long it may be', () => {
		const checked = checkStreamName('x'.repeat(200));
		assert.deepEqual(!checked.ok && checked.problem, { kind: 'too-long', length: 200, max: 80 });
	});

	it('counts characters, not UTF-16 units: 80 emoji-laden characters are accepted', () => {
		const name = 'Rocket 🚀'.repeat(10);
		assert.equal([...name].length, 80);
		assert.equal(checkStreamName(name).ok, true);
	});

	const accepted: [string, string, string, string][] = [
		['trims spaces', '  Offline Editing  ', 'Offline Editing', 'offline-editing'],
		['keeps a trailing dot in the name, not in the folder', 'Release 1.0.', 'Release 1.0.', 'release-1-0'],
		['keeps accents in the name', 'Café Menu', 'Café Menu', 'cafe-menu'],
		['keeps emoji in the name', '🚀 Launch', '🚀 Launch', 'launch'],
		['keeps other scripts beside Latin', 'Поиск Search', 'Поиск Search', 'search'],
		['a device name inside a longer name is fine', 'Con Artist', 'Con Artist', 'con-artist'],
		['exactly 80 characters', 'z'.repeat(80), 'z'.repeat(80), 'z'.repeat(MAX_SLUG_LENGTH)],
	];
	for (const [what, input, name, slug] of accepted) {
		it(`accepts: ${what}`, () => {
			assert.deepEqual(checkStreamName(input, taken), { ok: true, name, slug });
		});
	}
});

describe('checkOwner', () => {
	it('trims the owner', () => assert.deepEqual(checkOwner('  The Collective '), { ok: true, owner: 'The Collective' }));
	it('refuses an empty owner', () => assert.deepEqual(checkOwner('  '), { ok: false, problem: { kind: 'empty' } }));
	it('refuses a line break', () => assert.equal(checkOwner('a\nb').ok, false));
	it('refuses an owner that would read back as another header field, so filling a template injects none', () => {
		assert.deepEqual(checkOwner('Ann Priority: Low'), { ok: false, problem: { kind: 'header-field', field: 'priority' } });
		assert.deepEqual(checkOwner('Ann | **Status:** done'), { ok: false, problem: { kind: 'header-field', field: 'status' } });
	});
	it('keeps owners whose words only look like keys', () => {
		assert.deepEqual(checkOwner('Priority Team'), { ok: true, owner: 'Priority Team' });
		assert.deepEqual(checkOwner('Team: Payments'), { ok: true, owner: 'Team: Payments' });
	});
	it('refuses 101 characters', () => assert.equal(checkOwner('o'.repeat(101)).ok, false));
	it('accepts unicode and punctuation', () => assert.equal(checkOwner('Zoë O’Brien (@zoe)').ok, true));
});
