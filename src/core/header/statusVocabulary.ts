// The words and emoji people write for a stream's status and priority (DESIGN.md §2): reading them
// leniently from hand-written headers, and writing them back in the style the document already uses.

import { PriorityId, StatusId } from '../model/stream';

export interface StatusInfo {
	readonly id: StatusId;
	/** Canonical emoji, with U+FE0F where the emoji needs it to render as an emoji. */
	readonly emoji: string;
	/** English label as written in headers, e.g. "In Progress". */
	readonly label: string;
	/** Accepted words, lower-case; `-`, `_` and spaces are interchangeable when matching. */
	readonly words: readonly string[];
}

export interface PriorityInfo {
	readonly id: PriorityId;
	readonly label: string;
	/** The P-scale alias, e.g. "P0" for high. */
	readonly scale: string;
	readonly words: readonly string[];
}

export const STATUSES: readonly StatusInfo[] = [
	{ id: 'ready', emoji: '🟢', label: 'Ready', words: ['ready', 'todo', 'planned', 'not started'] },
	{ id: 'in-progress', emoji: '🟡', label: 'In Progress', words: ['in progress', 'in-progress', 'wip', 'active', 'started'] },
	{ id: 'blocked', emoji: '🔴', label: 'Blocked', words: ['blocked'] },
	{ id: 'paused', emoji: '⏸️', label: 'Paused', words: ['paused', 'on hold', 'on-hold'] },
	{ id: 'complete', emoji: '✅', label: 'Complete', words: ['complete', 'completed', 'done'] },
];

export const PRIORITIES: readonly PriorityInfo[] = [
	{ id: 'high', label: 'High', scale: 'P0', words: ['high', 'p0'] },
	{ id: 'medium', label: 'Medium', scale: 'P1', words: ['medium', 'p1'] },
	{ id: 'low', label: 'Low', scale: 'P2', words: ['low', 'p2'] },
];

const VARIATION_SELECTORS = /[\uFE0E\uFE0F]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

interface Phrase<T> {
	readonly id: T;
	/** Normalized: lower-case, words separated by single spaces. */
	readonly text: string;
}

/** Longest first, so "not started" wins over "started" and "completed" over "complete". */
function phrases<T>(entries: readonly { id: T; words: readonly string[] }[]): readonly Phrase<T>[] {
	return entries
		.flatMap(entry => entry.words.map(word => ({ id: entry.id, text: normalizeWords(word) })))
		.sort((a, b) => b.text.length - a.text.length);
}

const STATUS_PHRASES = phrases(STATUSES);
const PRIORITY_PHRASES = phrases(PRIORITIES);

/** Lower-case, with emphasis, code marks and word separators (`-`, `_`, whitespace) reduced to single spaces. */
function normalizeWords(value: string): string {
	return value
		.replace(VARIATION_SELECTORS, '')
		.replace(/[*`~]/g, '')
		.replace(/[-_\s]+/g, ' ')
		.trim()
		.toLowerCase();
}

function splitAlternatives(value: string): string[] {
	return value.split('|').map(part => part.replace(/[*_~`\s]+/g, ' ').trim()).filter(part => part !== '');
}

/**
 * True when the value still offers several choices separated by `|`, as an unfilled template does
 * ("🟢 Ready | 🟡 In Progress | …"). Such a value means "unset", and diagnostics say why.
 */
export function listsAlternatives(value: string): boolean {
	return splitAlternatives(value).length >= 2;
}

function phraseAt<T>(text: string, at: number, table: readonly Phrase<T>[]): Phrase<T> | undefined {
	for (const phrase of table) {
		if (text.startsWith(phrase.text, at)) {
			const next = text.charAt(at + phrase.text.length);
			// "Ready for review" counts as ready, but "Readyish" is not a word we know.
			if (next === '' || !LETTER_OR_DIGIT.test(next)) {
				return phrase;
			}
		}
	}
	return undefined;
}

/**
 * Reads the leading word of a value. Extra words after it are allowed ("Blocked by the API
 * review"), but a second word of the same vocabulary ("High / Low", "Medium-High") is ambiguous.
 */
function leadingWord<T>(text: string, table: readonly Phrase<T>[]): T | 'ambiguous' | undefined {
	const first = phraseAt(text, 0, table);
	if (!first) {
		return undefined;
	}
	const rest = /^(?:[\s/,;&+]|or\b|and\b)*/.exec(text.slice(first.text.length));
	const afterSeparators = first.text.length + (rest ? rest[0].length : 0);
	const second = afterSeparators > first.text.length ? phraseAt(text, afterSeparators, table) : undefined;
	return second && second.id !== first.id ? 'ambiguous' : first.id;
}

/** Drops leading symbols (other emoji, bullets, brackets) so the word after them can be read. */
function stripLeadingSymbols(text: string): string {
	let at = 0;
	while (at < text.length) {
		const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
		if (LETTER_OR_DIGIT.test(char)) {
			break;
		}
		at += char.length;
	}
	return text.slice(at);
}

function statusOfEmoji(value: string): StatusId | 'ambiguous' | undefined {
	const plain = value.replace(VARIATION_SELECTORS, '');
	const found = new Set<StatusId>();
	for (const status of STATUSES) {
		if (plain.includes(status.emoji.replace(VARIATION_SELECTORS, ''))) {
			found.add(status.id);
		}
	}
	if (found.size > 1) {
		return 'ambiguous';
	}
	return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The status a header value names, or undefined when it names none or several. Case-insensitive;
 * the emoji is optional and enough on its own. When the emoji and the word disagree
 * ("🟢 Blocked"), the word wins: it is what a reader of the raw text takes as the meaning.
 */
export function parseStatus(value: string): StatusId | undefined {
	if (listsAlternatives(value)) {
		return undefined;
	}
	const byEmoji = statusOfEmoji(value);
	const byWord = leadingWord(stripLeadingSymbols(normalizeWords(value)), STATUS_PHRASES);
	if (byWord === 'ambiguous') {
		return undefined;
	}
	if (byWord) {
		return byWord;
	}
	return byEmoji === 'ambiguous' ? undefined : byEmoji;
}

/** high/medium/low or P0/P1/P2; undefined when unknown or when several are offered. */
export function parsePriority(value: string): PriorityId | undefined {
	if (listsAlternatives(value)) {
		return undefined;
	}
	const byWord = leadingWord(stripLeadingSymbols(normalizeWords(value)), PRIORITY_PHRASES);
	return byWord === 'ambiguous' ? undefined : byWord;
}

/** Where a value's recognised words and emoji stand, in UTF-16 offsets of the value as written. */
export interface RecognisedWords {
	/** The status emoji (with its variation selector), when the value has one before its words. */
	readonly emoji?: { readonly start: number; readonly end: number };
	/** The vocabulary phrase ("In Progress", "P1"), when the value has one. */
	readonly words?: { readonly start: number; readonly end: number };
}

/** Case-insensitive match of a normalized phrase at `at`: a space in it stands for a run of `-`, `_` or whitespace. */
function phraseEnd(value: string, at: number, phrase: string): number | undefined {
	let position = at;
	for (let index = 0; index < phrase.length; index++) {
		if (phrase[index] === ' ') {
			const start = position;
			while (position < value.length && /[-_\s]/.test(value[position])) {
				position++;
			}
			if (position === start) {
				return undefined;
			}
		} else if (value[position]?.toLowerCase() === phrase[index]) {
			position++;
		} else {
			return undefined;
		}
	}
	return position < value.length && LETTER_OR_DIGIT.test(value[position]) ? undefined : position;
}

function recognisedIn<T>(value: string, table: readonly Phrase<T>[], id: T, withEmoji: boolean): RecognisedWords | undefined {
	let emoji: RecognisedWords['emoji'];
	let at = 0;
	// The symbols before the words, as parseStatus skips them; among them the status emoji.
	while (at < value.length) {
		const char = String.fromCodePoint(value.codePointAt(at) ?? 0);
		if (LETTER_OR_DIGIT.test(char)) {
			break;
		}
		if (withEmoji && emoji === undefined && STATUSES.some(status => status.emoji.replace(VARIATION_SELECTORS, '') === char)) {
			const end = /[\uFE0E\uFE0F]/.test(value[at + char.length] ?? '') ? at + char.length + 1 : at + char.length;
			emoji = { start: at, end };
		}
		at += char.length;
	}
	for (const phrase of table) {
		if (phrase.id !== id) {
			continue;
		}
		const end = phraseEnd(value, at, phrase.text);
		if (end !== undefined) {
			return { ...(emoji ? { emoji } : {}), words: { start: at, end } };
		}
	}
	// An emoji alone names the status only when the words after it name none ("🟢 — see notes").
	return emoji && parseStatus(value.slice(emoji.end)) === undefined ? { emoji } : undefined;
}

/**
 * The words and emoji in a status value that name its status (`🟢 Ready` in `🟢 Ready — see notes`), so Set
 * Status can replace them and keep everything the author wrote around them. Undefined when the value names
 * no status, or when its words are not where the reader found them (then the whole value is replaced).
 */
export function recognisedStatus(value: string): RecognisedWords | undefined {
	const id = parseStatus(value);
	return id === undefined ? undefined : recognisedIn(value, STATUS_PHRASES, id, true);
}

/** The words in a priority value that name its priority (`High` in `High (customer ask)`). */
export function recognisedPriority(value: string): RecognisedWords | undefined {
	const id = parsePriority(value);
	return id === undefined ? undefined : recognisedIn(value, PRIORITY_PHRASES, id, false);
}

type LetterCase = 'lower' | 'upper' | 'title' | 'none';

function letterCase(text: string): LetterCase {
	const letters = text.replace(/[^\p{L}]/gu, '');
	if (letters === '') {
		return 'none';
	}
	if (letters === letters.toLowerCase()) {
		return 'lower';
	}
	// A single capital ("P1") says nothing about upper-case style.
	if (letters.length > 1 && letters === letters.toUpperCase()) {
		return 'upper';
	}
	return 'title';
}

/** The first alternative of an unfilled template is the best sample of the style it wants. */
function styleSample(styleOf: string | undefined): string | undefined {
	if (styleOf === undefined) {
		return undefined;
	}
	const sample = styleOf.split('|').map(part => part.trim()).find(part => part !== '');
	return sample;
}

/**
 * The text to write for a status, in the style of the value it replaces:
 * - no previous value (or an empty one): emoji and label, "🟡 In Progress", as the team template does;
 * - previous value has an emoji: emoji and label, or the emoji alone if it stood alone;
 * - previous value is lower-case: the id, "in-progress", unless it separated words with spaces
 *   ("not started"), then the lower-case label, "in progress";
 * - previous value is upper-case: "IN PROGRESS"; otherwise the label, "In Progress".
 * The result is also a valid plain YAML scalar, so it can replace a front-matter value.
 */
export function formatStatus(id: StatusId, styleOf?: string): string {
	const info = STATUSES.find(status => status.id === id) ?? STATUSES[0];
	const sample = styleSample(styleOf);
	if (sample === undefined) {
		return `${info.emoji} ${info.label}`;
	}
	const hasEmoji = statusOfEmoji(sample) !== undefined || PICTOGRAPH.test(sample.replace(/[\p{L}\p{N}\s]/gu, ''));
	const words = sample.replace(/[^\p{L}\p{N}\s-]/gu, '').trim();
	let label: string;
	switch (letterCase(words)) {
		case 'none':
			return hasEmoji ? info.emoji : `${info.emoji} ${info.label}`;
		case 'lower':
			label = /\p{L}\s+\p{L}/u.test(words) ? info.label.toLowerCase() : info.id;
			break;
		case 'upper':
			label = info.label.toUpperCase();
			break;
		case 'title':
			label = info.label;
			break;
	}
	return hasEmoji ? `${info.emoji} ${label}` : label;
}

/**
 * The text to write for a priority, in the style of the value it replaces: "P1" (or "p1") when
 * the previous value used the P-scale, "medium" when it was lower-case, "MEDIUM" when upper-case,
 * else "Medium" (also when there is no previous value).
 */
export function formatPriority(id: PriorityId, styleOf?: string): string {
	const info = PRIORITIES.find(priority => priority.id === id) ?? PRIORITIES[0];
	const sample = styleSample(styleOf);
	if (sample === undefined) {
		return info.label;
	}
	const words = sample.replace(/[^\p{L}\p{N}\s-]/gu, '').trim();
	if (/^p\d$/i.test(words)) {
		return words.startsWith('p') ? info.scale.toLowerCase() : info.scale;
	}
	switch (letterCase(words)) {
		case 'lower':
			return info.label.toLowerCase();
		case 'upper':
			return info.label.toUpperCase();
		default:
			return info.label;
	}
}
