// The names of the documents a stream folder holds, and which of them the model parses.

export const README = 'README.md';
export const PLAN = 'PLAN.md';
export const STATUS = 'STATUS.md';
export const HANDOFF = 'HANDOFF.md';
export const NOTES = 'NOTES.md';

/** The documents in the order New Stream writes them and the tree lists them. */
export const STANDARD_DOCUMENTS: readonly string[] = [README, PLAN, STATUS, HANDOFF, NOTES];

/** Documents whose content feeds the model; the rest are only listed. */
export const PARSED_DOCUMENTS: readonly string[] = [README, STATUS, PLAN];

export function isMarkdownFile(name: string): boolean {
	return name.length > 3 && name.slice(-3).toLowerCase() === '.md';
}

/**
 * Whether a file name is the document `wanted` (README.md, PLAN.md …). Names are compared ignoring case,
 * because `Readme.md` is a README to its authors; every comparison of document names goes through here.
 */
export function isDocument(name: string, wanted: string): boolean {
	return name.length === wanted.length && name.toLowerCase() === wanted.toLowerCase();
}

/** Finds `wanted` among a folder's documents, ignoring case (README.md vs Readme.md). */
export function findDocument(documents: readonly string[], wanted: string): string | undefined {
	if (documents.includes(wanted)) {
		return wanted;
	}
	return documents.find(name => isDocument(name, wanted));
}

/** Whether `name` is one of `wanted`, ignoring case. */
export function isAnyDocument(name: string, wanted: readonly string[]): boolean {
	return wanted.some(document => isDocument(name, document));
}

/** Orders document names for display: the standard documents first in their usual order, then the rest by name. */
export function documentsInDisplayOrder(names: readonly string[]): string[] {
	const rank = (name: string) => {
		const index = STANDARD_DOCUMENTS.findIndex(document => isDocument(name, document));
		return index < 0 ? STANDARD_DOCUMENTS.length : index;
	};
	return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
