// What a new stream may be called, and the folder name (slug) its name becomes. The slug is lowercase ASCII
// kebab-case so the folder reads the same on every file system, in URLs and in shells.

import { readDocumentHeader } from '../header/headerFields';
import type { HeaderKey } from '../model/stream';

/** Longest name accepted, in characters (code points), so titles stay readable in the tree and in tabs. */
export const MAX_NAME_LENGTH = 80;

/** Longest slug written; a longer one is cut at a word boundary. */
export const MAX_SLUG_LENGTH = 64;

/** Why text typed for a header line (a name, an owner) is not one line of reasonable length. */
export type LineProblem =
	| { readonly kind: 'empty' }
	| { readonly kind: 'too-long'; readonly length: number; readonly max: number }
	| { readonly kind: 'control-character' };

/** Why a name cannot be used. The glue turns each into a localized message. */
export type NameProblem =
	| LineProblem
	| { readonly kind: 'path-separator'; readonly character: string }
	| { readonly kind: 'parent-reference' }
	| { readonly kind: 'no-letters' }
	| { readonly kind: 'reserved'; readonly slug: string }
	| { readonly kind: 'taken'; readonly slug: string };

export type NameCheck =
	| { readonly ok: true; readonly name: string; readonly slug: string }
	| { readonly ok: false; readonly problem: NameProblem };

// Letters that Unicode does not decompose into a base letter and marks, spelled the way they are usually
// transliterated.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
	'ß': 'ss', 'ẞ': 'ss', 'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'Œ': 'oe', 'ø': 'o', 'Ø': 'o', 'đ': 'd', 'Đ': 'd',
	'ð': 'd', 'Ð': 'd', 'þ': 'th', 'Þ': 'th', 'ł': 'l', 'Ł': 'l', 'ı': 'i', 'ħ': 'h', 'Ħ': 'h', 'ŧ': 't', 'Ŧ': 't',
	'ĸ': 'k', 'ŋ': 'ng', 'Ŋ': 'ng',
};

const COMBINING_MARKS = /\p{M}/gu;
// Apostrophes join the parts of a word ("don't" → "dont") instead of splitting it.
const APOSTROPHES = /['’ʼ`´]/g;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** Names Windows reserves for devices, in any case and with any extension: a folder cannot have them there. */
const WINDOWS_DEVICE_NAMES = new Set([
	'con', 'prn', 'aux', 'nul', 'conin$', 'conout$', 'clock$',
	...[...'0123456789'].flatMap(digit => [`com${digit}`, `lpt${digit}`]),
]);

/**
 * The folder name for a stream name: accents folded to their base letters, other symbols and emoji dropped,
 * runs of anything else that is not a letter or digit turned into one hyphen. Empty when nothing is left.
 */
export function slugify(name: string): string {
	const folded = [...name.normalize('NFKD').replace(COMBINING_MARKS, '')]
		.map(char => SPECIAL_LETTERS[char] ?? char)
		.join('')
		.toLowerCase()
		.replace(APOSTROPHES, '');
	const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
	return truncateSlug(slug);
}

function truncateSlug(slug: string): string {
	if (slug.length <= MAX_SLUG_LENGTH) {
		return slug;
	}
	const cut = slug.lastIndexOf('-', MAX_SLUG_LENGTH);
	return (cut > MAX_SLUG_LENGTH / 2 ? slug.slice(0, cut) : slug.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

/** True for names that Windows keeps for devices (`con`, `nul`, `com1`, …), whatever extension follows. */
export function isWindowsDeviceName(folderName: string): boolean {
	const stem = folderName.toLowerCase().replace(/[. ]+$/, '').split('.')[0].trimEnd();
	return WINDOWS_DEVICE_NAMES.has(stem);
}

/**
 * Checks a name as the user types it. `isTaken` says whether a slug already names a folder or file in the
 * chosen root (compare without case: many file systems ignore it).
 */
export function checkStreamName(input: string, isTaken: (slug: string) => boolean = () => false): NameCheck {
	const line = checkLine(input, MAX_NAME_LENGTH);
	if (!line.ok) {
		return line;
	}
	const name = line.text;
	const separator = /[/\\]/.exec(name);
	if (separator) {
		return { ok: false, problem: { kind: 'path-separator', character: separator[0] } };
	}
	if (name.includes('..')) {
		return { ok: false, problem: { kind: 'parent-reference' } };
	}
	const slug = slugify(name);
	if (slug.length === 0) {
		return { ok: false, problem: { kind: 'no-letters' } };
	}
	if (isWindowsDeviceName(slug)) {
		return { ok: false, problem: { kind: 'reserved', slug } };
	}
	if (isTaken(slug)) {
		return { ok: false, problem: { kind: 'taken', slug } };
	}
	return { ok: true, name, slug };
}

/** Longest owner accepted, in characters. */
export const MAX_OWNER_LENGTH = 100;

export type OwnerProblem =
	| LineProblem
	/** Written into a header line, the owner would read back as another field too (`Ann Priority: Low`). */
	| { readonly kind: 'header-field'; readonly field: HeaderKey };

/**
 * An owner is written into a header line, so it must be one line of reasonable length that reads back as the
 * owner alone: the header reader itself decides, so no second rule of what counts as a field is written here.
 */
export function checkOwner(input: string): { readonly ok: true; readonly owner: string } | { readonly ok: false; readonly problem: OwnerProblem } {
	const line = checkLine(input, MAX_OWNER_LENGTH);
	if (!line.ok) {
		return line;
	}
	const other = readDocumentHeader('README.md', `**Owner:** ${line.text}\n`).fields.find(field => field.key !== 'owner');
	return other ? { ok: false, problem: { kind: 'header-field', field: other.key } } : { ok: true, owner: line.text };
}

/** What is wrong with an owner, in the words of the agents' tools and the CLI (the editor says it localized). */
export function ownerProblemText(problem: OwnerProblem): string {
	switch (problem.kind) {
		case 'empty': return 'the owner is empty';
		case 'too-long': return `the owner is ${problem.length} characters long; at most ${problem.max}`;
		case 'control-character': return 'the owner must be one line of text';
		case 'header-field': return `the owner would read as a ${problem.field} field too ("${problem.field}:" inside it); write it without the colon`;
	}
}

/** The input trimmed, or the first reason it is not one line of at most `max` characters (code points). */
function checkLine(input: string, max: number): { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: LineProblem } {
	const text = input.trim();
	if (text.length === 0) {
		return { ok: false, problem: { kind: 'empty' } };
	}
	const length = [...text].length;
	if (length > max) {
		return { ok: false, problem: { kind: 'too-long', length, max } };
	}
	if (CONTROL.test(text)) {
		return { ok: false, problem: { kind: 'control-character' } };
	}
	return { ok: true, text };
}
