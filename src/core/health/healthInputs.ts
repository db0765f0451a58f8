// Gathers what the health rules read about one stream besides the model: the text of its standard documents
// (an open editor buffer wins over the file) and the modification times of PLAN.md and HANDOFF.md. The editor
// and the command line both read through here, each over its own file system.

import { decodeDocument } from '../markdown/documentText';
import { joinPath, StreamFileSystem } from '../fileSystem';
import { Stream } from '../model/stream';
import { findDocument, HANDOFF, isAnyDocument, PLAN, STANDARD_DOCUMENTS } from '../model/streamDocuments';

export interface HealthReadOptions {
	readonly maxFileSize: number;
	/** The text of an open editor buffer for a path relative to the workspace folder. */
	readonly bufferText?: (path: string) => string | undefined;
}

export interface HealthTexts {
	readonly texts: Record<string, string>;
	readonly modified: Record<string, number>;
}

/** Never rejects: a document that cannot be read (gone, binary, too large) is left out. */
export async function readHealthTexts(fs: StreamFileSystem, stream: Stream, options: HealthReadOptions): Promise<HealthTexts> {
	const texts: Record<string, string> = {};
	const modified: Record<string, number> = {};
	const names = STANDARD_DOCUMENTS
		.map(wanted => findDocument(stream.documents, wanted))
		.filter((name): name is string => name !== undefined);
	await Promise.all(names.map(async name => {
		const path = joinPath(stream.id, name);
		const buffered = options.bufferText?.(path);
		if (buffered !== undefined) {
			texts[name] = buffered;
		} else {
			try {
				const decoded = decodeDocument(await fs.readFile(path, options.maxFileSize));
				if (decoded.ok) {
					texts[name] = decoded.text;
				}
			} catch {
				// Unreadable or too large: the model already reports it.
			}
		}
		if (isAnyDocument(name, [PLAN, HANDOFF])) {
			try {
				modified[name] = (await fs.stat(path)).mtime;
			} catch {
				// Gone since it was listed.
			}
		}
	}));
	return { texts, modified };
}
