// V8 keeps a whole file's text alive for as long as any substring sliced from it lives. The model holds a few
// short strings per document (field values, titles, phase names) for as long as the workspace is open, so it
// copies them out of the text: without this, 10,000 streams hold every document's full text in memory.
//
// The copies are made as small as the engine allows, since 10,000 streams hold a few hundred thousand of them:
// a string shorter than a slice can be is kept as it is (it already is a copy, or a constant such as a
// document name shared by every stream); equal strings within one document share one copy (a field's value
// and its raw text); a longer copy of ASCII text takes one byte a character even when the file had
// an emoji somewhere (which makes V8 hold its whole text, and every slice of it, at two bytes a character);
// and every empty array is one frozen array.

/** V8 copies substrings shorter than this instead of slicing them (SlicedString::kMinLength). */
const SHORTEST_SLICE = 13;
const EMPTY: readonly never[] = Object.freeze([]);
/** Strings at least this long are worth one byte a character (titles, phases, overviews; most values are shorter). */
const LONG = 20;
const ASCII = /^[\x00-\x7f]*$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A deep copy of plain data in which every string is its own, detached from the text it was cut from. */
export function detachStrings<T>(value: T): T {
	return detach(value, new Map()) as T;
}

function detach(value: unknown, copies: Map<string, string>): unknown {
	if (typeof value === 'string') {
		return detachString(value, copies);
	}
	if (Array.isArray(value)) {
		return value.length === 0 ? EMPTY : value.map(item => detach(item, copies));
	}
	if (value !== null && typeof value === 'object') {
		// An object with nothing to detach (task counts) is kept as it is.
		let copy: Record<string, unknown> | undefined;
		for (const key in value) {
			const field = (value as Record<string, unknown>)[key];
			// (Strings compare by content: a string is replaced when it is long enough to be a slice.)
			const replaced = typeof field === 'string' ? field.length >= SHORTEST_SLICE : field !== null && typeof field === 'object';
			const detached = replaced ? detach(field, copies) : field;
			if (replaced && (typeof field === 'string' || detached !== field)) {
				// A spread copy keeps the properties in the object itself; adding them one by one to `{}` would
				// move all but the first four to a separate array.
				copy ??= { ...value };
				copy[key] = detached;
			}
		}
		return copy ?? value;
	}
	return value;
}

function detachString(value: string, copies: Map<string, string>): string {
	if (value.length < SHORTEST_SLICE) {
		return value;
	}
	let copy = copies.get(value);
	if (copy === undefined) {
		copy = freshCopy(value);
		copies.set(value, copy);
	}
	return copy;
}

/**
 * A string of its own. Concatenating makes V8 flatten the text into a fresh string, which the slice keeps; a
 * long ASCII string (an overview) goes through UTF-8 and back instead, which costs a few microseconds more but
 * comes back at one byte a character.
 */
function freshCopy(value: string): string {
	if (value.length >= LONG && ASCII.test(value)) {
		return decoder.decode(encoder.encode(value));
	}
	return (' ' + value).slice(1);
}
