// Which stream an agent or a command line means: its id, its folder name or its exact title (DESIGN.md §7).
// Only streams of the model answer, so a name can never lead outside the stream roots; a reference that tries
// to (`..`, an absolute path) is refused as such rather than reported as merely unknown.

import { Stream } from '../model/stream';
import { fail, OperationOutcome, succeed } from './outcome';

/** How many stream ids an "unknown stream" message lists, so it stays readable over 1,000 streams. */
const LISTED = 20;

export function resolveStream(streams: readonly Stream[], reference: unknown): OperationOutcome<Stream> {
	if (typeof reference !== 'string' || reference.trim() === '') {
		return fail('invalid-input', 'stream is required: give a stream\'s id, folder name or title');
	}
	const wanted = reference.trim().replace(/\\/g, '/').replace(/\/+$/, '');
	if (isOutside(wanted)) {
		return fail('outside-roots', `"${reference}" is outside the stream roots; give a stream's id, folder name or title (${listed(streams)})`);
	}
	const matches = [
		(stream: Stream) => stream.id === wanted,
		(stream: Stream) => stream.name === wanted,
		(stream: Stream) => stream.title === wanted,
		(stream: Stream) => stream.name.toLowerCase() === wanted.toLowerCase(),
	];
	for (const match of matches) {
		const found = streams.filter(match);
		if (found.length === 1) {
			return succeed(found[0]);
		}
		if (found.length > 1) {
			return fail('ambiguous-stream', `"${reference}" names ${found.length} streams: ${found.map(stream => stream.id).join(', ')}; give the id`);
		}
	}
	return fail('unknown-stream', `no stream "${reference}"; the streams are: ${listed(streams)}`);
}

/** `..` segments, absolute paths (`/x`, `C:/x`, `//server`) and `~` climb out of the folder. */
export function isOutside(path: string): boolean {
	return path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.startsWith('~') || path.split('/').includes('..') || path.includes('\0');
}

function listed(streams: readonly Stream[]): string {
	if (streams.length === 0) {
		return 'none yet';
	}
	const names = streams.slice(0, LISTED).map(stream => stream.name);
	return names.join(', ') + (streams.length > LISTED ? ` and ${streams.length - LISTED} more` : '');
}
