// Gathers what the health rules read about one stream besides the model: the text of its layout's documents
// and the modification times of its plan and HANDOFF.md, through a reader each host provides: the editor's over
// its file system with open buffers winning, the operations' over their context (disk under the lock, or live
// buffers), so every host reads a stream for health the same way.

import { decodeDocument } from '../markdown/documentText';
import { joinPath, StreamFileSystem } from '../fileSystem';
import { Stream } from '../model/stream';
import { findDocument, HANDOFF, isAnyDocument } from '../model/streamDocuments';
import { layoutOf } from '../layouts/layouts';
import { HealthDocumentCache } from './healthDocumentCache';

export interface HealthReadOptions {
	readonly maxFileSize: number;
	/** The text of an open editor buffer for a path relative to the workspace folder. */
	readonly bufferText?: (path: string) => string | undefined;
	/** Files read by earlier checks, when the host forgets the paths that change on disk. */
	readonly cache?: HealthDocumentCache;
}

/** How the health check reads a document (a path relative to the workspace folder); never rejects. */
export interface HealthDocumentReader {
	/** The text, or undefined when the document is missing or cannot be read as text (binary, too large). */
	readText(path: string): Promise<string | undefined>;
	/** Modification time in milliseconds; without it, rules comparing documents' ages find nothing. */
	modifiedTime?(path: string): Promise<number | undefined>;
}

/** A reader over a StreamFileSystem, where an open editor buffer wins over the file. */
export function fileSystemReader(fs: StreamFileSystem, options: HealthReadOptions): HealthDocumentReader {
	const readFile = async (path: string): Promise<string | undefined> => {
		try {
			const decoded = decodeDocument(await fs.readFile(path, options.maxFileSize));
			return decoded.ok ? decoded.text : undefined;
		} catch {
			// Unreadable or too large: the model already reports it.
			return undefined;
		}
	};
	const statFile = async (path: string): Promise<number | undefined> => {
		try {
			return (await fs.stat(path)).mtime;
		} catch {
			// Gone since it was listed.
			return undefined;
		}
	};
	const { cache } = options;
	return {
		readText: async path => {
			const buffered = options.bufferText?.(path);
			if (buffered !== undefined) {
				return buffered;
			}
			return cache ? cache.text(path, () => readFile(path)) : readFile(path);
		},
		modifiedTime: path => cache ? cache.modifiedTime(path, () => statFile(path)) : statFile(path),
	};
}

export interface HealthTexts {
	readonly texts: Record<string, string>;
	readonly modified: Record<string, number>;
}

/** Never rejects: a document that cannot be read (gone, binary, too large) is left out. */
export async function readHealthTexts(reader: HealthDocumentReader, stream: Stream): Promise<HealthTexts> {
	const texts: Record<string, string> = {};
	const modified: Record<string, number> = {};
	await Promise.all(healthDocumentsOf(stream).map(async name => {
		const path = joinPath(stream.id, name);
		const text = await reader.readText(path);
		if (text !== undefined) {
			texts[name] = text;
		}
		const time = isTimedDocument(stream, name) ? await reader.modifiedTime?.(path) : undefined;
		if (time !== undefined) {
			modified[name] = time;
		}
	}));
	return { texts, modified };
}

/** The documents of a stream the health rules read, as its folder names them: its layout's. */
export function healthDocumentsOf(stream: Stream): string[] {
	return layoutOf(stream.layout).healthDocuments
		.map(wanted => findDocument(stream.documents, wanted))
		.filter((name): name is string => name !== undefined);
}

/** Whether `stale-handoff` wants the document's modification time: the plan and HANDOFF.md. */
export function isTimedDocument(stream: Stream, name: string): boolean {
	return isAnyDocument(name, stream.plan === undefined ? [HANDOFF] : [stream.plan, HANDOFF]);
}
