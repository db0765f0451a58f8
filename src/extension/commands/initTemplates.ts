// `streams.initTemplates`: copies the bundled templates into the workspace's template folder so the team can
// make them its own. A file that is already there is never overwritten; the message lists what was skipped.

import * as vscode from 'vscode';
import { chooseWorkspaceFolder } from '../workspace/workspaceFolderChoice';
import { FeatureContext } from '../workspace/featureContext';
import { readSettings } from '../workspace/settings';
import { addCreateFile, exists, serialized } from './streamCreation';
import { bundledTemplates, readTemplates } from './templateSource';

export interface InitTemplatesResult {
	readonly folder: vscode.Uri;
	readonly copied: readonly string[];
	readonly skipped: readonly string[];
}

export function registerInitTemplates(context: FeatureContext): vscode.Disposable {
	return vscode.commands.registerCommand('streams.initTemplates', (argument?: unknown) => initTemplates(context, argument));
}

/** Copies what is missing; resolves to what was copied and skipped, or undefined when cancelled or refused. */
async function initTemplates(context: FeatureContext, argument: unknown): Promise<InitTemplatesResult | undefined> {
	const workspaceFolder = await chooseWorkspaceFolder(argument, vscode.l10n.t('Copy the bundled templates into which folder?'));
	if (!workspaceFolder) {
		if ((vscode.workspace.workspaceFolders ?? []).length === 0) {
			void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: templates are copied into the workspace.'));
		}
		return undefined;
	}
	const settings = readSettings();
	const relative = settings.templatesFolder;
	if (relative.split('/').includes('..')) {
		void vscode.window.showErrorMessage(vscode.l10n.t('The streams.templatesFolder setting ("{0}") leads out of the workspace folder; templates are only copied inside it.', relative));
		return undefined;
	}
	const bundled = await bundledTemplates(context.extension);
	const texts = await readTemplates(bundled, Number.MAX_SAFE_INTEGER);
	const folder = vscode.Uri.joinPath(workspaceFolder.uri, ...relative.split('/'));

	const result = await serialized(async (): Promise<InitTemplatesResult | 'failed'> => {
		const copied: string[] = [];
		const skipped: string[] = [];
		const edit = new vscode.WorkspaceEdit();
		for (const template of texts) {
			const uri = vscode.Uri.joinPath(folder, template.name);
			if (await exists(uri)) {
				skipped.push(template.name);
				continue;
			}
			addCreateFile(edit, { uri, text: template.text }, vscode.l10n.t('Copy Bundled Templates'));
			copied.push(template.name);
		}
		if (copied.length > 0 && !await vscode.workspace.applyEdit(edit)) {
			return 'failed';
		}
		return { folder, copied, skipped };
	});

	const where = vscode.workspace.asRelativePath(folder);
	if (result === 'failed') {
		void vscode.window.showErrorMessage(vscode.l10n.t('Could not copy the templates into {0}: a file appeared there meanwhile, or it cannot be written.', where));
		return undefined;
	}
	context.log.info(`Copied templates into ${where}: ${result.copied.join(', ') || 'none'}; skipped ${result.skipped.join(', ') || 'none'}`);
	if (result.copied.length === 0) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Every template is already in {0}; nothing was copied or changed.', where));
	} else if (result.skipped.length === 0) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Copied {0} templates into {1}. New streams in this workspace now start from them.', result.copied.length, where));
	} else {
		void vscode.window.showInformationMessage(vscode.l10n.t('Copied {0} into {1}. Skipped {2}: they already exist and were left as they are.', result.copied.join(', '), where, result.skipped.join(', ')));
	}
	return result;
}
