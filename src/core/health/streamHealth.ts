// Stream health as one call for every host: read what the rules need of a stream (its documents' texts, an
// open buffer winning over the file, and their modification times), then run the rules. The editor's Problems
// panel, `streams lint` and the agents' lint tool all check a stream through here, so they cannot disagree.

import { joinPath } from '../fileSystem';
import { Stream } from '../model/stream';
import { README } from '../model/streamDocuments';
import { checkStream } from './health';
import { HealthInput, HealthReport } from './healthFindings';
import { HealthDocumentReader, readHealthTexts } from './healthInputs';
import { readDependencies } from './rules/dependencies';

export interface StreamHealthOptions {
	/** Every stream of the same workspace folder: Requires entries are looked up among them. */
	readonly streams: readonly Stream[];
	readonly requiredDocuments?: HealthInput['requiredDocuments'];
	readonly severities?: HealthInput['severities'];
	/** The example Requires entries of the team's README template (`readTemplateExamples`): leftovers when copied. */
	readonly templateDependencies?: readonly string[];
	/** The first look for template leftovers, by document name (see HealthInput). */
	readonly mayHoldLeftover?: HealthInput['mayHoldLeftover'];
}

/** Checks one stream as it is now. Never rejects on odd input: a document that cannot be read is left out. */
export async function checkStreamHealth(reader: HealthDocumentReader, stream: Stream, options: StreamHealthOptions): Promise<HealthReport> {
	const { texts, modified } = await readHealthTexts(reader, stream);
	return checkStream({
		stream,
		texts,
		modified,
		streams: options.streams,
		requiredDocuments: options.requiredDocuments,
		severities: options.severities,
		templateDependencies: options.templateDependencies,
		mayHoldLeftover: options.mayHoldLeftover,
	});
}

/**
 * The example entries of the Requires section in the team's own README template (in `templatesFolder`, relative
 * to the workspace folder the reader reads); none without one. The Problems panel, `streams lint` and the
 * agents' lint tool all read the examples here.
 */
export async function readTemplateExamples(reader: Pick<HealthDocumentReader, 'readText'>, templatesFolder: string): Promise<string[]> {
	const text = await reader.readText(joinPath(templatesFolder, README));
	return text === undefined ? [] : readDependencies(text).map(entry => entry.name);
}
