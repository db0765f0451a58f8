// `streams lint`: the editor's stream health rules over a repository on disk, for CI. One line per finding,
// `path:line:column severity rule-id message` (1-based, path relative to the folder), or `{ "findings": [...] }`
// with `--json`; the caller exits 1 when any finding is an error.

import { fileSystemReader, LintFinding, lintStreams, localToday, OperationContext, RuleSetting, Stream, StreamFileSystem } from '../core';

export interface LintOptions {
	readonly maxFileSize: number;
	readonly severities?: Readonly<Record<string, RuleSetting | undefined>>;
	readonly requiredDocuments?: readonly string[];
	/** Folder of the team's templates, relative to the repository: its README's example Requires entries are leftovers. */
	readonly templatesFolder: string;
}

/** The shape of `lint --json`, shared with the agents' lint tool. */
export type { LintFinding };

/** The health findings of every stream read from disk: the core's lint operation, the agents' lint tool's own. */
export async function lintRepository(fs: StreamFileSystem, streams: readonly Stream[], options: LintOptions): Promise<LintFinding[]> {
	const reader = fileSystemReader(fs, { maxFileSize: options.maxFileSize });
	const context: OperationContext = {
		streams,
		today: localToday(),
		readText: (_source, path) => reader.readText(path),
		modifiedTime: (_source, path) => reader.modifiedTime?.(path) ?? Promise.resolve(undefined),
	};
	const outcome = await lintStreams(context, {}, {
		severities: options.severities,
		requiredDocuments: options.requiredDocuments,
		templatesFolder: options.templatesFolder,
	});
	// Linting every stream has no input to refuse.
	return outcome.ok ? outcome.result.findings : [];
}

export function formatLintLines(findings: readonly LintFinding[]): string {
	return findings.map(finding => `${finding.path}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule} ${finding.message}\n`).join('');
}

export function lintJson(findings: readonly LintFinding[]): { findings: LintFinding[] } {
	return { findings: [...findings] };
}

export function hasErrors(findings: readonly LintFinding[]): boolean {
	return findings.some(finding => finding.severity === 'error');
}
