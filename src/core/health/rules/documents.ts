// Rules `missing-document` and `stale-handoff`: which documents a stream has, and whether its handoff kept up.
//
// A missing document has no file to carry its finding, so the finding goes on the first line of README.md, or
// of the folder's first document when README.md is the one missing. HANDOFF.md is stale when PLAN.md changed
// more than a minute after it (file modification times; a minute, because checkouts write files in any order).

import { DEFAULT_REQUIRED_DOCUMENTS, HealthInput, RuleFinding, STALE_HANDOFF_TOLERANCE_MS } from '../healthFindings';
import { findDocument, HANDOFF, README } from '../../model/streamDocuments';
import { layoutOf } from '../../layouts/layouts';
import { lineSpan, textOf } from './streamTexts';

export function checkDocuments(input: HealthInput): RuleFinding[] {
	return [...missingDocuments(input), ...staleHandoff(input)];
}

function missingDocuments(input: HealthInput): RuleFinding[] {
	const { documents } = input.stream;
	const host = findDocument(documents, README) ?? documents[0];
	if (host === undefined) {
		return [];
	}
	const span = lineSpan(input.texts[host], 0);
	// Our layout follows `streams.requiredDocuments`; the others need what their own tools need.
	const required = layoutOf(input.stream.layout).requiredDocuments ?? input.requiredDocuments ?? DEFAULT_REQUIRED_DOCUMENTS;
	const missing = [...new Set(required.map(name => name.trim()).filter(name => name !== ''))]
		.filter(name => findDocument(documents, name) === undefined);
	return missing.map(document => ({
		rule: 'missing-document',
		document: host,
		line: 0,
		...span,
		message: { kind: 'missing-document', document },
		fixes: [{ kind: 'create-document', document }],
	}));
}

function staleHandoff(input: HealthInput): RuleFinding[] {
	const { documents } = input.stream;
	const handoff = findDocument(documents, HANDOFF);
	const plan = input.stream.plan;
	const handoffTime = handoff === undefined ? undefined : input.modified?.[handoff];
	const planTime = plan === undefined ? undefined : input.modified?.[plan];
	if (handoff === undefined || handoffTime === undefined || planTime === undefined || planTime - handoffTime <= STALE_HANDOFF_TOLERANCE_MS) {
		return [];
	}
	return [{
		rule: 'stale-handoff',
		document: handoff,
		line: 0,
		...lineSpan(textOf(input, HANDOFF)?.text, 0),
		message: { kind: 'stale-handoff' },
		fixes: [],
	}];
}
