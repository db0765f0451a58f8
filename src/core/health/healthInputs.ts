// Gathers what the health rules read about one stream besides the model: the text of its standard documents
// (an open editor buffer wins over the file) and the modification times of PLAN.md and HANDOFF.md. The editor
// and the command line both read through here, each over its own file system.

import { decodeDocument } from '../markdown/documentText';
import { joinPath, StreamFileSystem } from '../fileSystem';
import { Stream } from '../model/stream';
import { findDocument, HANDOFF, isAnyDocument } from '../model/streamDocuments';
import { layoutOf } from '../layouts/layouts';

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
	const names = healthDocumentsOf(stream);
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
		if (isTimedDocument(stream, name)) {
			try {
				modified[name] = (await fs.stat(path)).mtime;
			} catch {
				// Gone since it was listed.
			}
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
