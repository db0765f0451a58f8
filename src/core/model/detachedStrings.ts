// V8 keeps a whole file's text alive for as long as any substring sliced from it lives. The model holds a few
// short strings per document (field values, titles, phase names) for as long as the workspace is open, so it
// copies them out of the text: without this, 10,000 streams hold every document's full text in memory.

/** A deep copy of plain data in which every string is its own, detached from the text it was cut from. */
export function detachStrings<T>(value: T): T {
	return detach(value) as T;
}

function detach(value: unknown): unknown {
	if (typeof value === 'string') {
		// Concatenating and slicing makes V8 flatten the string into a fresh one.
		return value.length === 0 ? value : (' ' + value).slice(1);
	}
	if (Array.isArray(value)) {
		return value.map(detach);
	}
	if (value !== null && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, field] of Object.entries(value)) {
			copy[key] = detach(field);
		}
		return copy;
	}
	return value;
}
