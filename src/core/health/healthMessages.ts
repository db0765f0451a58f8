// The English text of each health finding, for the command line. The editor says the same through
// `vscode.l10n.t` (healthDiagnostics.ts), so keep the two in step when a message changes.

import { HealthMessage } from './healthFindings';
import { PRIORITIES, STATUSES } from '../header/statusVocabulary';
import { StatusId } from '../model/stream';

function statusName(status: StatusId | undefined): string {
	return STATUSES.find(info => info.id === status)?.label ?? 'without a status';
}

export function englishMessage(message: HealthMessage): string {
	switch (message.kind) {
		case 'feature-name':
			return '[Feature Name] is left from the template: write the stream\'s name';
		case 'date-placeholder':
			return 'YYYY-MM-DD is left from the template: fill in the date';
		case 'template-token':
			return `${message.token} is a template token that was never filled in`;
		case 'field-alternatives':
			return message.key === 'status'
				? 'Status still lists the template\'s choices: keep the one that applies'
				: 'Priority still lists the template\'s choices: keep the one that applies';
		case 'example-dependency':
			return `"${message.name}" is the template's example: name a stream this one requires, or remove the line`;
		case 'unknown-value':
			if (message.key === 'status') {
				return message.value.trim() === ''
					? 'Status has no value'
					: `"${message.value}" is not a status: use ${STATUSES.map(info => info.label).join(', ')}`;
			}
			return message.value.trim() === ''
				? 'Priority has no value'
				: `"${message.value}" is not a priority: use ${PRIORITIES.map(info => info.label).join(', ')} (or P0, P1, P2)`;
		case 'malformed-front-matter':
			return `The front matter is not valid YAML: ${message.detail}`;
		case 'complete-with-open-tasks':
			return `Status is Complete, but ${message.notDone} of ${message.total} tasks in PLAN.md are not done`;
		case 'ready-with-started-tasks':
			return `Status is Ready, but ${message.started} of ${message.total} tasks in PLAN.md are done or under way`;
		case 'all-tasks-done':
			return `Status is ${statusName(message.status)}, but all ${message.total} tasks in PLAN.md are done`;
		case 'blocked-without-blockers':
			return message.hasStatusDocument
				? 'Status is Blocked, but STATUS.md does not say what blocks the work (add it under a Blockers heading)'
				: 'Status is Blocked, but there is no STATUS.md saying what blocks the work';
		case 'missing-document':
			return `${message.document} is missing: every stream needs one (streams.requiredDocuments)`;
		case 'unknown-dependency':
			return `Requires "${message.name}", but no stream has that name`;
		case 'dependency-not-complete':
			if (message.phase !== undefined) {
				return `Status is Complete, but it requires "${message.phase}" of ${message.name}, which is not done`;
			}
			return message.status === undefined
				? `Status is Complete, but it requires ${message.name}, which has no status`
				: `Status is Complete, but it requires ${message.name}, which is ${statusName(message.status)}`;
		case 'stale-handoff':
			return 'HANDOFF.md is older than the last change to PLAN.md: bring it up to date for whoever picks the work up';
	}
}
