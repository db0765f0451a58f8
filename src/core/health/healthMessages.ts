// The text of each health finding, written once: the editor shows it in its language (it loads its translations
// into @vscode/l10n), the command line and the MCP server in English.

import * as l10n from '@vscode/l10n';
import { HealthMessage } from './healthFindings';
import { priorityLabel, statusLabel } from '../header/statusNames';
import { PRIORITY_ORDER, STATUS_ORDER } from '../model/stream';

export function healthMessageText(message: HealthMessage): string {
	switch (message.kind) {
		case 'feature-name':
			return l10n.t('[Feature Name] is left from the template: write the stream\'s name');
		case 'date-placeholder':
			return l10n.t('YYYY-MM-DD is left from the template: fill in the date');
		case 'template-token':
			return l10n.t('{0} is a template token that was never filled in', message.token);
		case 'needs-clarification':
			return l10n.t('The spec still asks "{0}": answer it and remove the marker', message.question);
		case 'field-alternatives':
			return message.key === 'status'
				? l10n.t('Status still lists the template\'s choices: keep the one that applies')
				: l10n.t('Priority still lists the template\'s choices: keep the one that applies');
		case 'example-dependency':
			return l10n.t('"{0}" is the template\'s example: name a stream this one requires, or remove the line', message.name);
		case 'unknown-value':
			if (message.key === 'status') {
				return message.value.trim() === ''
					? l10n.t('Status has no value')
					: l10n.t('"{0}" is not a status: use {1}', message.value, STATUS_ORDER.map(statusLabel).join(', '));
			}
			return message.value.trim() === ''
				? l10n.t('Priority has no value')
				: l10n.t('"{0}" is not a priority: use {1} (or P0, P1, P2)', message.value, PRIORITY_ORDER.map(priorityLabel).join(', '));
		case 'malformed-front-matter':
			return l10n.t('The front matter is not valid YAML: {0}', message.detail);
		case 'complete-with-open-tasks':
			return l10n.t('Status is Complete, but {0} of {1} tasks in PLAN.md are not done', message.notDone, message.total);
		case 'ready-with-started-tasks':
			return l10n.t('Status is Ready, but {0} of {1} tasks in PLAN.md are done or under way', message.started, message.total);
		case 'all-tasks-done':
			return l10n.t('Status is {0}, but all {1} tasks in PLAN.md are done', statusLabel(message.status), message.total);
		case 'blocked-without-blockers':
			return message.hasStatusDocument
				? l10n.t('Status is Blocked, but STATUS.md does not say what blocks the work (add it under a Blockers heading)')
				: l10n.t('Status is Blocked, but there is no STATUS.md saying what blocks the work');
		case 'missing-document':
			return l10n.t('{0} is missing: every stream needs one (streams.requiredDocuments)', message.document);
		case 'unknown-dependency':
			return l10n.t('Requires "{0}", but no stream has that name', message.name);
		case 'dependency-not-complete':
			if (message.phase !== undefined) {
				return l10n.t('Status is Complete, but it requires "{0}" of {1}, which is not done', message.phase, message.name);
			}
			return message.status === undefined
				? l10n.t('Status is Complete, but it requires {0}, which has no status', message.name)
				: l10n.t('Status is Complete, but it requires {0}, which is {1}', message.name, statusLabel(message.status));
		case 'stale-handoff':
			return l10n.t('HANDOFF.md is older than the last change to PLAN.md: bring it up to date for whoever picks the work up');
	}
}
