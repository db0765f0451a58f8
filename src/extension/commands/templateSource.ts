// Which templates a new stream is made from: the workspace's template folder (`streams.templatesFolder`) when it
// holds `.md` files, its subfolders as named sets, and otherwise the templates bundled with the extension.
// Everything is read through `vscode.workspace.fs`, so this works in VS Code for the Web too.

import * as vscode from 'vscode';
import { findTemplateSets, readTemplateSet, StreamFileSystem, TemplateSet, TemplateText } from '../../core';
import { readSettings } from '../workspace/settings';
import { WorkspaceFileSystem } from '../workspace/workspaceFileSystem';

/** Folder of the bundled templates inside the extension. */
export const BUNDLED_TEMPLATES_FOLDER = 'templates';

export interface TemplateChoice {
	/** `bundled`, `workspace` (the template folder's own files) or the name of a subfolder set. */
	readonly id: string;
	readonly label: string;
	/** Where the files come from, for people: the workspace-relative folder, or "bundled with Feature Streams". */
	readonly location: string;
	readonly set: TemplateSet;
	readonly fs: StreamFileSystem;
	/** The folder's URI, to name files in messages. */
	readonly uri: vscode.Uri;
}

export function bundledFileSystem(extension: vscode.ExtensionContext): WorkspaceFileSystem {
	return new WorkspaceFileSystem(extension.extensionUri);
}

/** The bundled template set (README.md, PLAN.md, STATUS.md, HANDOFF.md, NOTES.md). */
export async function bundledTemplates(extension: vscode.ExtensionContext): Promise<TemplateChoice> {
	const fs = bundledFileSystem(extension);
	const { topLevel } = await findTemplateSets(fs, BUNDLED_TEMPLATES_FOLDER);
	if (!topLevel) {
		throw new Error(`The bundled templates are missing from ${fs.uriOf(BUNDLED_TEMPLATES_FOLDER).toString()}`);
	}
	return {
		id: 'bundled',
		label: vscode.l10n.t('Bundled templates'),
		location: vscode.l10n.t('bundled with Feature Streams'),
		set: topLevel,
		fs,
		uri: fs.uriOf(BUNDLED_TEMPLATES_FOLDER),
	};
}

/** Every set on offer for a workspace folder: the template folder's own files, its named sets, then the bundled set. */
export async function templateChoices(extension: vscode.ExtensionContext, folder: vscode.WorkspaceFolder): Promise<TemplateChoice[]> {
	const templatesFolder = readSettings().templatesFolder;
	const fs = new WorkspaceFileSystem(folder.uri);
	const found = await findTemplateSets(fs, templatesFolder);
	const choices: TemplateChoice[] = [];
	if (found.topLevel) {
		choices.push({
			id: 'workspace',
			label: vscode.l10n.t('Workspace templates'),
			location: templatesFolder,
			set: found.topLevel,
			fs,
			uri: fs.uriOf(found.topLevel.folder),
		});
	}
	for (const set of found.named) {
		choices.push({ id: set.name, label: set.name, location: set.folder, set, fs, uri: fs.uriOf(set.folder) });
	}
	choices.push(await bundledTemplates(extension));
	return choices;
}

/** What `streams.newStream` uses: the workspace's own top-level templates when there are any, else the bundled ones. */
export async function defaultTemplates(extension: vscode.ExtensionContext, folder: vscode.WorkspaceFolder): Promise<TemplateChoice> {
	const choices = await templateChoices(extension, folder);
	return choices.find(choice => choice.id === 'workspace') ?? choices[choices.length - 1];
}

export function readTemplates(choice: TemplateChoice, maxBytes: number): Promise<TemplateText[]> {
	return readTemplateSet(choice.fs, choice.set, maxBytes);
}
