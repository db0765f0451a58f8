// The names a person reads for each layout (DESIGN.md §8), localizable with @vscode/l10n like the status names.

import * as l10n from '@vscode/l10n';
import { LayoutId } from './streamLayout';

/** The group heading and tooltip line for a layout: what its streams are called in their own tool. */
export function layoutLabel(layout: LayoutId): string {
	switch (layout) {
		case 'streams': return l10n.t('Streams');
		case 'kiro': return l10n.t('Kiro Specs');
		case 'speckit': return l10n.t('Spec Kit Features');
		case 'openspec': return l10n.t('OpenSpec Changes');
	}
}
