// Reads one stream folder into its parsed parts, and assembles a `Stream` from them, as the folder's layout
// (DESIGN.md §8) says: which documents are parsed, what the checkboxes mean, where the title and the status
// come from. The parts are kept by the index so a change to one file re-reads and re-parses that file only.

import { DocumentHeader, isPlaceholder, readDocumentHeader, resolveHeader } from '../header/headerFields';
import { toPlainText } from '../markdown/inlineText';
import { detachStrings } from './detachedStrings';
import { decodeDocument, FileTooLargeError } from '../markdown/documentText';
import { FileKind, joinPath, StreamFileSystem, baseName } from '../fileSystem';
import { PlanScan, phasesOf, scanPlan } from '../markdown/planScanner';
import { emptyCounts, HeaderField, Phase, ReadProblem, Stream, TaskCounts } from './stream';
import { findDocument, isDocument, isMarkdownFile } from './streamDocuments';
import { layoutOf } from '../layouts/layouts';
import { archivedName, statusFromProgress } from '../layouts/layoutStatus';
import { numberedPhases } from '../layouts/numberedPhases';
import { LayoutId, StreamLayout } from '../layouts/streamLayout';

export interface StreamLocation {
	/** Opaque key of the workspace folder (see `Stream.source`). */
	readonly source: string;
	readonly workspaceFolder: string;
	/** The stream root, relative to the workspace folder. */
	readonly root: string;
	/** The stream folder, relative to the workspace folder. */
	readonly path: string;
	readonly layout: LayoutId;
	/** True under OpenSpec's archive. */
	readonly archived: boolean;
}

export interface ReadOptions {
	readonly maxFileSize: number;
	/** How the user sets the limit, if they can (the command line cannot): named in the message. */
	readonly maxFileSizeSetting?: string;
	/** Told of a stream folder that was listed but cannot be read (no permission), so it does not vanish silently. */
	readonly onUnreadableFolder?: (path: string, error: unknown) => void;
	/** The text of an open editor buffer for a path, which wins over the file on disk. */
	readonly bufferText?: (path: string) => string | undefined;
	/**
	 * The model lives no longer than one read (a command-line run): its strings are not copied out of the texts,
	 * which only matters for a model kept in memory.
	 */
	readonly shortLived?: boolean;
	/**
	 * Read the documents the layout names while the folder is being listed, instead of after: for a file system
	 * where each call waits for a reply (VS Code's), that halves the waits per stream. A read the listing shows
	 * to be of no use (the file is missing, or named in another case) is dropped.
	 */
	readonly readAhead?: boolean;
}

/** What the plan contributes to its stream: the counts and phases, not every task (the model stays small). */
export interface PlanSummary {
	readonly counts: TaskCounts;
	readonly phases: readonly Phase[];
	/** The text of its first level-1 heading (Kiro's title is there). */
	readonly heading?: string;
}

/** The plan's counts and phases; `scan` must have been made with the layout's task vocabulary. */
export function summarizePlan(scan: PlanScan, text: string, layout: StreamLayout): PlanSummary {
	const headings = phasesOf(scan);
	const numbered = () => numberedPhases(scan, text.split(/\r\n|\r|\n/));
	let phases: Phase[];
	switch (layout.phases) {
		case 'headings':
			phases = headings;
			break;
		case 'headings-else-numbered-tasks':
			phases = headings.length > 0 ? headings : numbered();
			break;
		case 'numbered-tasks-else-headings': {
			const byNumber = numbered();
			phases = byNumber.length > 0 ? byNumber : headings;
			break;
		}
	}
	const heading = scan.headings.find(candidate => candidate.level === 1)?.text;
	return heading === undefined ? { counts: scan.counts, phases } : { counts: scan.counts, phases, heading };
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
	/** The parsed documents (the layout's header documents and plan) by their name in `documents`. */
	readonly parsed: ReadonlyMap<string, ParsedDocument>;
}

/** Lists the `.md` files of a folder, sorted; undefined when it is not a readable folder. Subfolders (Spec Kit's
 *  `contracts/`, OpenSpec's `specs/`) are the stream's too, but not its documents. */
export async function listDocuments(fs: StreamFileSystem, folder: string, onUnreadable?: (path: string, error: unknown) => void): Promise<string[] | undefined> {
	let entries;
	try {
		entries = await fs.readDirectory(folder);
	} catch (error) {
		onUnreadable?.(folder, error);
		return undefined;
	}
	return entries
		.filter(entry => entry.kind === FileKind.File && isMarkdownFile(entry.name))
		.map(entry => entry.name)
		.sort(compareNames);
}

/** The documents whose content the model reads, as they are named in this folder. */
export function parsedDocumentNames(documents: readonly string[], layout: StreamLayout): string[] {
	return [...layout.headerDocuments, layout.plan].map(name => findDocument(documents, name)).filter((name): name is string => name !== undefined);
}

/** Reads and parses one document of a stream. Never rejects: what goes wrong becomes a problem. */
export async function readDocument(fs: StreamFileSystem, path: string, layout: StreamLayout, options: ReadOptions): Promise<ParsedDocument> {
	const name = baseName(path);
	const buffered = options.bufferText?.(path);
	if (buffered !== undefined) {
		return parseDocument(name, buffered, layout, options);
	}
	let bytes: Uint8Array;
	try {
		bytes = await fs.readFile(path, options.maxFileSize);
	} catch (error) {
		if (error instanceof FileTooLargeError) {
			return { problems: [{ document: name, code: 'file-too-large', message: tooLarge(name, options) }] };
		}
		return { problems: [{ document: name, code: 'unreadable-file', message: `${name} could not be read: ${describe(error)}` }] };
	}
	if (bytes.length > options.maxFileSize) {
		return { problems: [{ document: name, code: 'file-too-large', message: tooLarge(name, options) }] };
	}
	const decoded = decodeDocument(bytes);
	if (!decoded.ok) {
		const message = decoded.reason === 'utf-16'
			? `${name} is encoded as UTF-16, which is not supported: save it as UTF-8`
			: `${name} is not a text file and was skipped`;
		return { problems: [{ document: name, code: 'binary-file', message }] };
	}
	return parseDocument(name, decoded.text, layout, options);
}

function tooLarge(name: string, options: ReadOptions): string {
	const setting = options.maxFileSizeSetting ? ` (${options.maxFileSizeSetting})` : '';
	return `${name} is larger than ${options.maxFileSize} bytes${setting} and was skipped`;
}

/** Parses a document's text as the model needs it: the plan for tasks, the header documents for fields. */
export function parseDocument(name: string, text: string, layout: StreamLayout, options: Pick<ReadOptions, 'shortLived'> = {}): ParsedDocument {
	const kept = options.shortLived ? <T>(value: T) => value : detachStrings;
	if (isDocument(name, layout.plan)) {
		return { plan: kept(summarizePlan(scanPlan(text, layout.tasks), text, layout)), problems: [] };
	}
	const first = isFirstHeaderDocument(name, layout);
	const header = kept(keptHeader(readDocumentHeader(name, text, { overview: first }), first));
	return { header, problems: header.problems };
}

/**
 * What the model keeps of a header: the title and overview come from the first header document only
 * (`assembleStream`), so the others' are not held for as long as the workspace is open.
 */
function keptHeader(header: DocumentHeader, first: boolean): DocumentHeader {
	if (first || (header.overview === undefined && header.firstHeading === undefined)) {
		return header;
	}
	const kept: { -readonly [K in keyof DocumentHeader]: DocumentHeader[K] } = { ...header };
	delete kept.overview;
	delete kept.firstHeading;
	return kept;
}

function isFirstHeaderDocument(name: string, layout: StreamLayout): boolean {
	const first = layout.headerDocuments[0];
	return first === undefined || isDocument(name, first);
}

/**
 * Whether a folder's documents make it a stream of the layout: some `.md` file, and the layout's identifying
 * document where it has one (a `specs/` folder without spec.md is not a Spec Kit feature).
 */
export function isStreamFolder(documents: readonly string[] | undefined, layout: StreamLayout): documents is readonly string[] {
	return documents !== undefined && documents.length > 0 &&
		(layout.identifyingDocument === undefined || findDocument(documents, layout.identifyingDocument) !== undefined);
}

/** Reads a whole stream folder; undefined when it is not a stream of its layout. */
export async function readStreamParts(fs: StreamFileSystem, location: StreamLocation, options: ReadOptions): Promise<StreamParts | undefined> {
	const layout = layoutOf(location.layout);
	const read = (name: string) => readDocument(fs, joinPath(location.path, name), layout, options);
	// readDocument never rejects, so a read ahead that is dropped leaves no unhandled rejection behind.
	const ahead = options.readAhead ? new Map([...layout.headerDocuments, layout.plan].map(name => [name, read(name)])) : undefined;
	const documents = await listDocuments(fs, location.path, options.onUnreadableFolder);
	if (!isStreamFolder(documents, layout)) {
		return undefined;
	}
	const names = parsedDocumentNames(documents, layout);
	const parsed = await Promise.all(names.map(name => ahead?.get(name) ?? read(name)));
	return { location, documents, parsed: new Map(names.map((name, i) => [name, parsed[i]])) };
}

export function assembleStream(parts: StreamParts): Stream {
	const { location, documents, parsed } = parts;
	const layout = layoutOf(location.layout);
	const name = baseName(location.path);
	const archived = location.archived ? archivedName(name) : undefined;
	const headers = layout.headerDocuments.map(document => parsed.get(findDocument(documents, document) ?? '')?.header);
	const [first, second] = headers.map(header => header && layout.statusFieldIsDocumentState ? withoutStatus(header) : header);
	const planName = findDocument(documents, layout.plan);
	const plan = parsed.get(planName ?? '')?.plan;
	const header = resolveHeader(first, second, archived?.name ?? name);
	const problems: ReadProblem[] = [];
	for (const document of parsed.values()) {
		problems.push(...document.problems);
	}
	const progress = plan ? plan.counts : layout.tasks.optionalMarker ? { ...emptyCounts(), optional: 0 } : emptyCounts();
	const documentStatus = layout.statusFieldIsDocumentState ? headers[0]?.fields.find(field => field.key === 'status')?.value : undefined;
	return {
		id: location.path,
		source: location.source,
		workspaceFolder: location.workspaceFolder,
		root: location.root,
		layout: layout.id,
		name,
		title: layoutTitle(layout, header.title, headers[0], plan, archived?.name ?? name),
		status: archived ? 'complete' : streamStatus(layout, header.status, plan?.counts),
		priority: header.priority,
		owner: header.owner,
		created: header.created,
		lastUpdated: header.lastUpdated ?? archived?.date,
		...(archived ? { archived: archived.date } : {}),
		...(documentStatus !== undefined ? { documentStatus } : {}),
		documents,
		plan: planName,
		progress,
		phases: plan ? plan.phases : [],
		overview: header.overview,
		fields: header.fields,
		fieldSources: header.sources,
		problems,
	};
}

function streamStatus(layout: StreamLayout, fromHeader: Stream['status'], counts: TaskCounts | undefined): Stream['status'] {
	switch (layout.status) {
		case 'header':
			return fromHeader;
		case 'progress':
			return statusFromProgress(counts);
		case 'header-else-progress':
			return fromHeader ?? statusFromProgress(counts);
	}
}

/**
 * Our layout's title is the header's (§2). The others take the title document's level-1 heading without the
 * format's prefix (`Feature Specification: `), unless that leaves a placeholder or nothing: then the folder name.
 */
function layoutTitle(layout: StreamLayout, headerTitle: string, header: DocumentHeader | undefined, plan: PlanSummary | undefined, folder: string): string {
	if (layout.title === 'header') {
		return headerTitle;
	}
	const heading = isDocument(layout.title.document, layout.plan) ? plan?.heading : header?.firstHeading?.text;
	if (heading === undefined) {
		return folder;
	}
	const text = toPlainText(heading);
	const prefix = layout.title.prefixes?.exec(text);
	const title = (prefix && prefix.index === 0 ? text.slice(prefix[0].length) : text).trim();
	// A heading that is only the prefix's words ("Implementation Plan") names the document, not the work.
	const bare = layout.title.prefixes?.test(`${text}: `) && prefix === null;
	return title === '' || bare || isPlaceholder(title) ? folder : title;
}

/** The header without its Status fields: Spec Kit's `**Status**: Draft` is the spec document's state. */
function withoutStatus(header: DocumentHeader): DocumentHeader {
	const fields: HeaderField[] = header.fields.filter(field => field.key !== 'status');
	return fields.length === header.fields.length ? header : { ...header, fields };
}

export function compareNames(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
