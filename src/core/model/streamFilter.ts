// Which streams a filter lets through: free text over title, id, owner and overview, or an exact status or owner.

import { StatusId, Stream } from './stream';

export type StreamFilter =
	| { readonly kind: 'text'; readonly text: string }
	| { readonly kind: 'status'; readonly status: StatusId | undefined }
	| { readonly kind: 'owner'; readonly owner: string };

export function matchesFilter(stream: Stream, filter: StreamFilter | undefined): boolean {
	if (!filter) {
		return true;
	}
	switch (filter.kind) {
		case 'status':
			return stream.status === filter.status;
		case 'owner':
			return (stream.owner ?? '').toLowerCase() === filter.owner.toLowerCase();
		case 'text': {
			const words = filter.text.toLowerCase().split(/\s+/).filter(word => word.length > 0);
			const haystack = [stream.title, stream.id, stream.owner ?? '', stream.status ?? '', stream.priority ?? '', stream.overview ?? '']
				.join('\n').toLowerCase();
			return words.every(word => haystack.includes(word));
		}
	}
}
