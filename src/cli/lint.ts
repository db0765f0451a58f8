// `streams lint`: the editor's stream health rules over a repository on disk, for CI. One line per finding,
// `path:line:column severity rule-id message` (1-based, path relative to the folder), or `{ "findings": [...] }`
// with `--json`; the caller exits 1 when any finding is an error.

import { checkStreamHealth, LintFinding, healthMessageText, joinPath, readTemplateExamples, RuleSetting, Stream, StreamFileSystem } from '../core';

export interface LintOptions {
	readonly maxFileSize: number;
	readonly severities?: Readonly<Record<string, RuleSetting | undefined>>;
	readonly requiredDocuments?: readonly string[];
	/** Folder of the team's templates, relative to the repository: its README's example Requires entries are leftovers. */
	readonly templatesFolder: string;
}

/** The shape of `lint --json`, shared with the agents' lint tool. */
export type { LintFinding };

export async function lintStreams(fs: StreamFileSystem, streams: readonly Stream[], options: LintOptions): Promise<LintFinding[]> {
	const templateDependencies = await readTemplateExamples(fs, options.templatesFolder, options.maxFileSize);
	const findings: LintFinding[] = [];
	for (const stream of streams) {
		const report = await checkStreamHealth(fs, stream, {
			maxFileSize: options.maxFileSize,
			streams,
			requiredDocuments: options.requiredDocuments,
			severities: options.severities,
			templateDependencies,
		});
		for (const finding of report.findings) {
			findings.push({
				path: joinPath(stream.id, finding.document),
				stream: stream.id,
				line: finding.line + 1,
				column: finding.startColumn + 1,
				endColumn: finding.endColumn + 1,
				severity: finding.severity,
				rule: finding.rule,
				message: healthMessageText(finding.message),
			});
		}
	}
	return findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column);
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
