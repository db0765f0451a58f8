// Rules `unknown-status`, `unknown-priority` and `malformed-front-matter`: header values the reader could not
// understand, so the stream shows no status or priority although its author wrote one.
//
// A value still listing the template's alternatives is a template leftover, not an unknown value. Front matter
// that does not parse is reported where the YAML parser stopped, in every document that has some.

import type { HealthFix, HealthInput, RuleFinding } from '../healthFindings';
import { parseFrontMatter } from '../../markdown/frontMatter';
import { HeaderField, PRIORITY_ORDER, STATUS_ORDER } from '../../model/stream';
import { listsAlternatives, parsePriority, parseStatus } from '../../header/statusVocabulary';
import { isAnyDocument } from '../../model/streamDocuments';
import { layoutOf } from '../../layouts/layouts';
import { textOf, visibleSpan } from './streamTexts';

export function checkHeaderValues(input: HealthInput): RuleFinding[] {
	return [
		...input.stream.fields.flatMap(field => unknownValue(input, field)),
		...malformedFrontMatter(input),
	];
}

function unknownValue(input: HealthInput, field: HeaderField): RuleFinding[] {
	if (field.key !== 'status' && field.key !== 'priority') {
		return [];
	}
	const key = field.key;
	const known = key === 'status' ? parseStatus(field.value) : parsePriority(field.value);
	if (known !== undefined || listsAlternatives(field.value)) {
		return [];
	}
	const { document, line, startColumn, endColumn } = field.location;
	const fixes: HealthFix[] = key === 'status'
		? STATUS_ORDER.map(status => ({ kind: 'set-status', status, preferred: false }))
		: PRIORITY_ORDER.map(priority => ({ kind: 'set-priority', priority }));
	return [{
		rule: key === 'status' ? 'unknown-status' : 'unknown-priority',
		document,
		line,
		...visibleSpan(textOf(input, document)?.text, line, startColumn, endColumn),
		message: { kind: 'unknown-value', key, value: field.value },
		fixes,
	}];
}

function malformedFrontMatter(input: HealthInput): RuleFinding[] {
	const findings: RuleFinding[] = [];
	// README.md and STATUS.md were parsed with the stream; the model kept what went wrong.
	for (const problem of input.stream.problems) {
		if (problem.code === 'malformed-front-matter') {
			findings.push(at(input, problem.document, problem.line ?? 0, problem.column ?? 0, problem.message));
		}
	}
	// The other documents' front matter is read by nobody else, so it is parsed here.
	const layout = layoutOf(input.stream.layout);
	for (const wanted of layout.healthDocuments.filter(name => !isAnyDocument(name, [...layout.headerDocuments, layout.plan]))) {
		const document = textOf(input, wanted);
		const problem = document && parseFrontMatter(document.text)?.problem;
		if (document && problem) {
			findings.push(at(input, document.name, problem.line, problem.column, problem.message));
		}
	}
	return findings;
}

/** From the column the parser stopped at to the end of that line, or the whole line when it stopped at its end. */
function at(input: HealthInput, document: string, line: number, column: number, detail: string): RuleFinding {
	const text = textOf(input, document)?.text;
	const span = visibleSpan(text, line, column, column);
	const lineEnd = span.endColumn;
	return {
		rule: 'malformed-front-matter',
		document,
		line,
		...(column < lineEnd ? { startColumn: column, endColumn: lineEnd } : span),
		message: { kind: 'malformed-front-matter', detail },
		fixes: [],
	};
}
