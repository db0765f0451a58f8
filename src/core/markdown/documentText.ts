// Turns a file's bytes into text the parsers can trust, or says why it cannot.

export type DecodedText =
	| { readonly ok: true; readonly text: string }
	| { readonly ok: false; readonly reason: 'binary-file' | 'utf-16' };

const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
const BINARY_SNIFF_BYTES = 8192;

export function decodeDocument(bytes: Uint8Array): DecodedText {
	// UTF-16 text is full of NUL bytes, but it is text: say what it is, not that it is binary.
	if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
		return { ok: false, reason: 'utf-16' };
	}
	// A NUL byte near the start is how git and most editors tell binary from text.
	if (bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) >= 0) {
		return { ok: false, reason: 'binary-file' };
	}
	// The decoder drops a leading BOM, as VS Code's text documents do.
	return { ok: true, text: decoder.decode(bytes) };
}

/** Thrown by a `StreamFileSystem` when a file is larger than the size a caller allowed. */
export class FileTooLargeError extends Error {
	constructor(readonly path: string, readonly size: number, readonly limit: number) {
		super(`${path} is ${size} bytes, over the limit of ${limit}`);
		this.name = 'FileTooLargeError';
	}
}
