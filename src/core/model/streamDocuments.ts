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

/** Finds `wanted` among a folder's documents, ignoring case (README.md vs Readme.md). */
export function findDocument(documents: readonly string[], wanted: string): string | undefined {
	if (documents.includes(wanted)) {
		return wanted;
	}
	const lower = wanted.toLowerCase();
	return documents.find(name => name.toLowerCase() === lower);
}

/** Orders document names for display: the standard documents first in their usual order, then the rest by name. */
export function documentsInDisplayOrder(names: readonly string[]): string[] {
	const rank = (name: string) => {
		const index = STANDARD_DOCUMENTS.indexOf(name.toUpperCase().replace(/\.MD$/, '.md'));
		return index < 0 ? STANDARD_DOCUMENTS.length : index;
	};
	return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
