// The names a person reads for each status and priority, written once and localizable with @vscode/l10n: the
// extension loads its translations into that package, the CLI and the MCP server speak English. (The words
// written into documents are the vocabulary's English labels, statusVocabulary.ts: files are not translated.)

import * as l10n from '@vscode/l10n';
import { PriorityId, StatusId } from '../model/stream';

export function statusLabel(status: StatusId | undefined): string {
	switch (status) {
		case 'ready': return l10n.t('Ready');
		case 'in-progress': return l10n.t('In Progress');
		case 'blocked': return l10n.t('Blocked');
		case 'paused': return l10n.t('Paused');
		case 'complete': return l10n.t('Complete');
		default: return l10n.t('No Status');
	}
}

export function priorityLabel(priority: PriorityId | undefined): string {
	switch (priority) {
		case 'high': return l10n.t('High');
		case 'medium': return l10n.t('Medium');
		case 'low': return l10n.t('Low');
		default: return l10n.t('No Priority');
	}
}
