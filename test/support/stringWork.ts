// Counts the characters a piece of code looks at through String.prototype while it runs: the operation
// count behind "linear time" tests, which must not assert on timings. A search counts the characters it
// passed over (to the end of the text when it finds nothing), a character read counts one.

type Search = (this: string, needle: string, position?: number) => number;
type Read = (this: string, index: number) => number;
type Prefix = (this: string, needle: string, position?: number) => boolean;

/** Runs `work` and returns how many characters it examined through the string methods a scanner uses. */
export function charactersExamined(work: () => void): number {
	const prototype = String.prototype;
	const originalIndexOf = prototype.indexOf as Search;
	const originalLastIndexOf = prototype.lastIndexOf as Search;
	const originalCharCodeAt = prototype.charCodeAt as Read;
	const originalStartsWith = prototype.startsWith as Prefix;
	let examined = 0;
	prototype.indexOf = function (this: string, needle: string, position?: number): number {
		const from = Math.max(0, Math.min(position ?? 0, this.length));
		const found = originalIndexOf.call(this, needle, position);
		examined += (found < 0 ? this.length : found + needle.length) - from;
		return found;
	};
	prototype.lastIndexOf = function (this: string, needle: string, position?: number): number {
		const from = Math.max(0, Math.min(position ?? this.length, this.length));
		const found = originalLastIndexOf.call(this, needle, position);
		examined += from - (found < 0 ? 0 : found);
		return found;
	};
	prototype.charCodeAt = function (this: string, index: number): number {
		examined++;
		return originalCharCodeAt.call(this, index);
	};
	prototype.startsWith = function (this: string, needle: string, position?: number): boolean {
		examined += needle.length;
		return originalStartsWith.call(this, needle, position);
	};
	try {
		work();
	} finally {
		prototype.indexOf = originalIndexOf;
		prototype.lastIndexOf = originalLastIndexOf;
		prototype.charCodeAt = originalCharCodeAt;
		prototype.startsWith = originalStartsWith;
	}
	return examined;
}
