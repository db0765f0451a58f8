// Stream health: the rules that find where a stream's documents contradict themselves or still hold the
// template's text, for the editor's Problems panel and for `streams lint` in CI. The same findings feed both;
// the editor turns them into diagnostics and quick fixes, the command line into lines and an exit code.
//
// Every finding names its rule (a stable id users set severities by), a document of the stream and a precise
// range in it (0-based line, UTF-16 columns, as VS Code counts them), a message as data (the editor localizes
// it, the command line writes English: healthMessages.ts) and the fixes that would resolve it.

import { checkDependencies } from './rules/dependencies';
import { checkDocuments } from './rules/documents';
import { checkHeaderValues } from './rules/headerValues';
import { checkStatusAgainstPlan } from './rules/statusVsPlan';
import { checkTemplateLeftovers } from './rules/templateLeftovers';
import { compareFindings, HealthFinding, HealthInput, HealthReport, RuleFinding, ruleSeverity } from './healthFindings';
import { layoutOf } from '../layouts/layouts';

export * from './healthFindings';

/** Checks one stream. Never throws on odd input: a document that is missing or unreadable is simply not read. */
export function checkStream(input: HealthInput): HealthReport {
	const dependencies = checkDependencies(input);
	const found: RuleFinding[] = [
		...checkTemplateLeftovers(input),
		...checkHeaderValues(input),
		...checkStatusAgainstPlan(input),
		...checkDocuments(input),
		...dependencies.findings,
	];
	// Only the rules that make sense for the stream's layout: a Kiro spec has no README to miss.
	const { healthRules } = layoutOf(input.stream.layout);
	const findings: HealthFinding[] = [];
	for (const finding of found) {
		const severity = ruleSeverity(finding.rule, input.severities);
		if (severity !== 'off' && healthRules.has(finding.rule)) {
			findings.push({ ...finding, severity });
		}
	}
	findings.sort(compareFindings);
	return { findings, requires: dependencies.requires };
}
