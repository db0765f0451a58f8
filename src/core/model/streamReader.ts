// Reads one stream folder into its parsed parts, and assembles a `Stream` from them. The parts are kept by
// the index so a change to one file re-reads and re-parses that file only.

import { DocumentHeader, readDocumentHeader, resolveHeader } from '../header/headerFields';
import { detachStrings } from './detachedStrings';
import { decodeDocument, FileTooLargeError } from '../markdown/documentText';
import { FileKind, joinPath, StreamFileSystem, baseName } from '../fileSystem';
import { PlanScan, phasesOf, scanPlan } from '../markdown/planScanner';
import { emptyCounts, Phase, ReadProblem, Stream, TaskCounts } from './stream';
import { findDocument, isDocument, isMarkdownFile, PLAN, README, STATUS } from './streamDocuments';

export interface StreamLocation {
	/** Opaque key of the workspace folder (see `Stream.source`). */
	readonly source: string;
	readonly workspaceFolder: string;
	/** The stream root, relative to the workspace folder. */
	readonly root: string;
	/** The stream folder, relative to the workspace folder. */
	readonly path: string;
}

export interface ReadOptions {
	readonly maxFileSize: number;
	/** The text of an open editor buffer for a path, which wins over the file on disk. */
	readonly bufferText?: (path: string) => string | undefined;
}

/** What PLAN.md contributes to its stream: the counts and phases, not every task (the model stays small). */
export interface PlanSummary {
	readonly counts: TaskCounts;
	readonly phases: readonly Phase[];
}

export function summarizePlan(scan: PlanScan): PlanSummary {
	return { counts: scan.counts, phases: phasesOf(scan) };
}

/** What one parsed document contributes to its stream. */
export interface ParsedDocument {
	readonly header?: DocumentHeader;
	readonly plan?: PlanSummary;
	readonly problems: readonly ReadProblem[];
}

export interface StreamParts {
	readonly location: StreamLocation;
	/** Every `.md` file name in the folder, sorted. */
	readonly documents: readonly string[];
	/** Parsed README.md, STATUS.md and PLAN.md by their name in `documents`. */
	readonly parsed: ReadonlyMap<string, ParsedDocument>;
}

/** Lists the `.md` files of a folder, sorted; undefined when it is not a readable folder. */
export async function listDocuments(fs: StreamFileSystem, folder: string): Promise<string[] | undefined> {
	let entries;
	try {
		entries = await fs.readDirectory(folder);
	} catch {
		return undefined;
	}
	return entries
		.filter(entry => entry.kind === FileKind.File && isMarkdownFile(entry.name))
		.map(entry => entry.name)
		.sort(compareNames);
}

/** The documents whose content the model reads, as they are named in this folder. */
export function parsedDocumentNames(documents: readonly string[]): string[] {
	return [README, STATUS, PLAN].map(name => findDocument(documents, name)).filter((name): name is string => name !== undefined);
}

/** Reads and parses one document of a stream. Never rejects: what goes wrong becomes a problem. */
export async function readDocument(fs: StreamFileSystem, path: string, options: ReadOptions): Promise<ParsedDocument> {
	const name = baseName(path);
	const buffered = options.bufferText?.(path);
	if (buffered !== undefined) {
		return parseDocument(name, buffered);
	}
	let bytes: Uint8Array;
	try {
		bytes = await fs.readFile(path, options.maxFileSize);
	} catch (error) {
		if (error instanceof FileTooLargeError) {
			return { problems: [{ document: name, code: 'file-too-large', message: `${name} is larger than ${options.maxFileSize} bytes (streams.maxFileSize) and was skipped` }] };
		}
		return { problems: [{ document: name, code: 'unreadable-file', message: `${name} could not be read: ${describe(error)}` }] };
	}
	if (bytes.length > options.maxFileSize) {
		return { problems: [{ document: name, code: 'file-too-large', message: `${name} is larger than ${options.maxFileSize} bytes (streams.maxFileSize) and was skipped` }] };
	}
	const decoded = decodeDocument(bytes);
	if (!decoded.ok) {
		return { problems: [{ document: name, code: 'binary-file', message: `${name} is not a text file and was skipped` }] };
	}
	return parseDocument(name, decoded.text);
}

/** Parses a document's text as the model needs it: PLAN.md for tasks, README.md and STATUS.md for the header. */
export function parseDocument(name: string, text: string): ParsedDocument {
	if (isDocument(name, PLAN)) {
		return { plan: detachStrings(summarizePlan(scanPlan(text))), problems: [] };
	}
	const header = detachStrings(readDocumentHeader(name, text));
	return { header, problems: header.problems };
}

/** Reads a whole stream folder; undefined when it is not a stream (not a folder, or no `.md` file). */
export async function readStreamParts(fs: StreamFileSystem, location: StreamLocation, options: ReadOptions): Promise<StreamParts | undefined> {
	const documents = await listDocuments(fs, location.path);
	if (!documents || documents.length === 0) {
		return undefined;
	}
	const names = parsedDocumentNames(documents);
	const parsed = await Promise.all(names.map(name => readDocument(fs, joinPath(location.path, name), options)));
	return { location, documents, parsed: new Map(names.map((name, i) => [name, parsed[i]])) };
}

export function assembleStream(parts: StreamParts): Stream {
	const { location, documents, parsed } = parts;
	const name = baseName(location.path);
	const readme = parsed.get(findDocument(documents, README) ?? '');
	const status = parsed.get(findDocument(documents, STATUS) ?? '');
	const plan = parsed.get(findDocument(documents, PLAN) ?? '')?.plan;
	const header = resolveHeader(readme?.header, status?.header, name);
	const problems: ReadProblem[] = [];
	for (const document of parsed.values()) {
		problems.push(...document.problems);
	}
	return {
		id: location.path,
		source: location.source,
		workspaceFolder: location.workspaceFolder,
		root: location.root,
		name,
		title: header.title,
		status: header.status,
		priority: header.priority,
		owner: header.owner,
		created: header.created,
		lastUpdated: header.lastUpdated,
		documents,
		progress: plan ? plan.counts : emptyCounts(),
		phases: plan ? plan.phases : [],
		overview: header.overview,
		fields: header.fields,
		fieldSources: header.sources,
		problems,
	};
}

export function compareNames(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
