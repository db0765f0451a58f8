// What an operation may look at in VS Code (core OperationContext), for the agents' tools and the commands alike:
// the extension's model of the streams and the live text of each document: an open buffer wins over the file on
// disk, unsaved text included. Every text handed out is remembered, so the applier can tell whether a document
// still holds what the decision was made on (documentChanges.ts).

import * as vscode from 'vscode';
import { formatLocalDate, OperationContext, Stream, TemplateSetTexts } from '../../core';
import { LiveTexts, uriInWorkspaceFolder } from './documentChanges';
import { readLiveText } from './liveText';
import { readSettings } from './settings';
import { templateChoices, readTemplates } from '../commands/templateSource';
import { WorkspaceStreams } from './workspaceStreams';

export class LiveOperationContext implements OperationContext, LiveTexts {
	readonly streams: readonly Stream[];
	readonly today = formatLocalDate(new Date());
	private readonly given = new Map<string, string>();

	/** Without `extension`, there are no templates to offer (a decision that makes no new documents from them). */
	constructor(model: WorkspaceStreams, private readonly extension?: vscode.ExtensionContext) {
		this.streams = model.all;
	}

	// Arrow functions: operations pass these on detached from the context (`readStreamDocument(context.readText, …)`).
	readonly readText = async (source: string, path: string): Promise<string | undefined> => {
		const uri = uriInWorkspaceFolder(source, path);
		if (!uri) {
			return undefined;
		}
		const text = await readLiveText(uri, readSettings().maxFileSize);
		if (text !== undefined) {
			this.given.set(uri.toString(), text);
		}
		return text;
	};

	textGiven(uri: vscode.Uri): string | undefined {
		return this.given.get(uri.toString());
	}

	readonly modifiedTime = async (source: string, path: string): Promise<number | undefined> => {
		const uri = uriInWorkspaceFolder(source, path);
		try {
			return uri && (await vscode.workspace.fs.stat(uri)).mtime;
		} catch {
			return undefined;
		}
	};

	/** The template set of the first workspace folder: its own (or a named set of it), else the bundled one. */
	readonly templates = async (set?: string): Promise<TemplateSetTexts | undefined> => {
		const folder = vscode.workspace.workspaceFolders?.[0];
		if (!folder || !this.extension) {
			return undefined;
		}
		const choices = await templateChoices(this.extension, folder);
		const choice = set === undefined
			? choices.find(candidate => candidate.id === 'workspace') ?? choices[choices.length - 1]
			: choices.find(candidate => candidate.id === set);
		return choice && { id: choice.id, texts: await readTemplates(choice, readSettings().maxFileSize) };
	};
}
