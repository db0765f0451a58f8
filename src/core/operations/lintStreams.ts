// `streams_lint` / `streams lint`: the stream health findings (the editor's Problems panel) as `lint --json`
// prints them: path relative to the workspace folder, 1-based line and columns, severity, rule and message.

import { joinPath } from '../fileSystem';
import { HealthFinding, RuleSetting } from '../health/healthFindings';
import { healthMessageText } from '../health/healthMessages';
import { Stream } from '../model/stream';
import { HealthDocumentReader } from '../health/healthInputs';
import { checkStreamHealth, readTemplateExamples } from '../health/streamHealth';
import { OperationContext, OperationOutcome, succeed } from './outcome';
import { resolveStream } from './streamResolution';

export interface LintStreamsInput {
	readonly stream?: string;
}

export interface LintSettings {
	readonly severities?: Readonly<Record<string, RuleSetting | undefined>>;
	readonly requiredDocuments?: readonly string[];
	/** The team's template folder (relative to each workspace folder): its README's example Requires entries are leftovers in a stream. */
	readonly templatesFolder?: string;
}

export interface LintFinding {
	/** Path of the document relative to the workspace folder, `/` separators. */
	readonly path: string;
	readonly stream: string;
	/** 1-based line and columns; `endColumn` is the column just after the range. */
	readonly line: number;
	readonly column: number;
	readonly endColumn: number;
	readonly severity: HealthFinding['severity'];
	readonly rule: HealthFinding['rule'];
	readonly message: string;
}

export interface LintStreamsResult {
	readonly findings: LintFinding[];
}

export async function lintStreams(context: OperationContext, input: LintStreamsInput = {}, settings: LintSettings = {}): Promise<OperationOutcome<LintStreamsResult>> {
	let streams: readonly Stream[] = context.streams;
	if (input.stream !== undefined) {
		const resolved = resolveStream(context.streams, input.stream);
		if (!resolved.ok) {
			return resolved;
		}
		streams = [resolved.result];
	}
	// Read once per workspace folder, however many of its streams are checked.
	const examples = new Map<string, Promise<string[]>>();
	const templateExamplesOf = (source: string): Promise<string[]> => {
		let read = examples.get(source);
		if (!read) {
			read = settings.templatesFolder === undefined ? Promise.resolve([]) : readTemplateExamples(contextReader(context, source), settings.templatesFolder);
			examples.set(source, read);
		}
		return read;
	};
	const findings: LintFinding[] = [];
	for (const stream of streams) {
		const report = await checkStreamHealth(contextReader(context, stream.source), stream, {
			streams: context.streams,
			requiredDocuments: settings.requiredDocuments,
			severities: settings.severities,
			templateDependencies: await templateExamplesOf(stream.source),
		});
		findings.push(...report.findings.map(finding => lintFinding(stream, finding)));
	}
	findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column);
	return succeed({ findings });
}

/** A finding as `lint` prints it: the document's path from the workspace folder, 1-based line and columns. */
function lintFinding(stream: Stream, finding: HealthFinding): LintFinding {
	return {
		path: joinPath(stream.id, finding.document),
		stream: stream.id,
		line: finding.line + 1,
		column: finding.startColumn + 1,
		endColumn: finding.endColumn + 1,
		severity: finding.severity,
		rule: finding.rule,
		message: healthMessageText(finding.message),
	};
}

/** The health check reads through the operation's context: live buffers in VS Code, the disk in Node. */
function contextReader(context: OperationContext, source: string): HealthDocumentReader {
	const modifiedTime = context.modifiedTime;
	return {
		readText: path => context.readText(source, path),
		modifiedTime: modifiedTime && (path => modifiedTime.call(context, source, path)),
	};
}
