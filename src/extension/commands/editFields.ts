// `streams.setStatus` and `streams.setPriority`: pick a stream (or take it from the tree, the status bar or a
// script), pick a value, and rewrite the header field in the document that defines it. The edit is one
// WorkspaceEdit on the live buffer, so it is one undo step and never loses unsaved text; a document that was
// clean is saved afterwards, one with unsaved changes is left for its author to save.
//
// Scripts and tests may pass the value: `executeCommand('streams.setStatus', streamUriOrNode, 'blocked')`.

import * as vscode from 'vscode';
import { applyFieldEdits, FieldChange, fieldDocument, FieldEditRefusal, fieldEdits, findDocument, PRIORITY_ORDER, PriorityId, README, STATUS, STATUS_ORDER, StatusId, Stream } from '../../core';
import { FeatureContext } from '../workspace/featureContext';
import { priorityLabel, statusCodicon, statusLabel } from '../status/statusPresentation';
import { isStreamReference, pickStream } from './streamArguments';
import { WorkspaceStreams } from '../workspace/workspaceStreams';

const PRIORITY_ICONS: Readonly<Record<PriorityId, string>> = {
	high: 'arrow-up',
	medium: 'arrow-right',
	low: 'arrow-down',
};

/** The local calendar date, as people write "Last Updated". */
function today(): string {
	const now = new Date();
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** One of the fields the commands set: its values, how each looks in the picker, and what to say. */
interface ValueField<T extends string> {
	readonly key: FieldChange['key'];
	readonly values: readonly T[];
	current(stream: Stream): T | undefined;
	look(value: T): { icon: string; label: string };
	placeHolder(stream: Stream): string;
	unknownValue(value: string): string;
}

const STATUS_FIELD: ValueField<StatusId> = {
	key: 'status',
	values: STATUS_ORDER,
	current: stream => stream.status,
	look: id => ({ icon: statusCodicon(id), label: statusLabel(id) }),
	placeHolder: stream => vscode.l10n.t('Status of {0}', stream.title),
	unknownValue: value => vscode.l10n.t('Unknown status "{0}". Use one of: {1}.', value, STATUS_ORDER.join(', ')),
};

const PRIORITY_FIELD: ValueField<PriorityId> = {
	key: 'priority',
	values: PRIORITY_ORDER,
	current: stream => stream.priority,
	look: id => ({ icon: PRIORITY_ICONS[id], label: priorityLabel(id) }),
	placeHolder: stream => vscode.l10n.t('Priority of {0}', stream.title),
	unknownValue: value => vscode.l10n.t('Unknown priority "{0}". Use one of: {1}.', value, PRIORITY_ORDER.join(', ')),
};

type ValueItem<T> = vscode.QuickPickItem & { readonly value: T };

async function pickValue<T extends string>(values: readonly T[], current: T | undefined, look: (value: T) => { icon: string; label: string }, placeHolder: string): Promise<T | undefined> {
	const items: ValueItem<T>[] = values.map(value => {
		const { icon, label } = look(value);
		return {
			label: `$(${icon}) ${label}`,
			description: value === current ? vscode.l10n.t('current') : undefined,
			value,
		};
	});
	const picked = await vscode.window.showQuickPick(items, { placeHolder });
	return picked?.value;
}

function refusalMessage(reason: FieldEditRefusal, document: string, line: number): string {
	switch (reason) {
		case 'malformed-front-matter':
			return vscode.l10n.t('The front matter of {0} is not valid YAML (line {1}). Fix it first; nothing was changed.', document, line + 1);
		case 'multi-line-value':
			return vscode.l10n.t('The value on line {1} of {0} is written over several lines. Edit it by hand; nothing was changed.', document, line + 1);
		case 'not-a-scalar':
			return vscode.l10n.t('The front-matter key on line {1} of {0} holds a list or a mapping, not a value. Edit it by hand; nothing was changed.', document, line + 1);
	}
}

/**
 * Sets one header field of a stream. Resolves to true when the document now says what was asked (changed or
 * already so), false when nothing could be changed (the user was told why).
 */
export async function applyFieldChange(streams: WorkspaceStreams, stream: Stream, change: FieldChange): Promise<boolean> {
	const names = [README, STATUS]
		.map(name => findDocument(stream.documents, name))
		.filter((name): name is string => name !== undefined);
	// The live buffers, unsaved text included: never the file on disk, never the model's older locations.
	const documents = await Promise.all(names.map(name => vscode.workspace.openTextDocument(streams.uriOf(stream, name))));
	const target = fieldDocument(documents.map((document, index) => ({ name: names[index], text: document.getText() })), change.key);
	if (target === undefined) {
		return createReadme(streams, stream, change);
	}
	const document = documents[names.indexOf(target)];
	const wasDirty = document.isDirty;
	const outcome = fieldEdits(target, document.getText(), change, today());
	if (outcome.kind === 'refused') {
		// Not awaited: the command (and a script awaiting it) finishes now, the message stays until dismissed.
		const open = vscode.l10n.t('Open {0}', target);
		void vscode.window.showErrorMessage(refusalMessage(outcome.reason, target, outcome.line), open).then(answer => {
			if (answer === open) {
				const position = new vscode.Position(outcome.line, 0);
				void vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
			}
		});
		return false;
	}
	if (outcome.replacements.length === 0) {
		return true;
	}
	const edit = new vscode.WorkspaceEdit();
	for (const { line, startColumn, endColumn, text } of outcome.replacements) {
		edit.replace(document.uri, new vscode.Range(line, startColumn, line, endColumn), text);
	}
	const version = document.version;
	if (!await vscode.workspace.applyEdit(edit)) {
		void vscode.window.showErrorMessage(vscode.l10n.t('{0} changed while the edit was prepared; nothing was changed. Try again.', target));
		return false;
	}
	// Save only what was clean before and holds nothing but our edit: someone's unfinished text stays unsaved.
	if (!wasDirty && document.version === version + 1) {
		if (await document.save()) {
			await streams.reread([document.uri]);
		} else {
			void vscode.window.showWarningMessage(vscode.l10n.t('{0} was changed but could not be saved.', target));
		}
	}
	return true;
}

/** A stream without README.md and STATUS.md gets a README.md holding its title and the field. */
async function createReadme(streams: WorkspaceStreams, stream: Stream, change: FieldChange): Promise<boolean> {
	const uri = streams.uriOf(stream, README);
	const text = applyFieldEdits(`# ${stream.title}\n`, editsOrNothing(fieldEdits(README, `# ${stream.title}\n`, change, today())));
	const edit = new vscode.WorkspaceEdit();
	edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
	if (!await vscode.workspace.applyEdit(edit)) {
		void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0} in {1}.', README, stream.id));
		return false;
	}
	await streams.reread([uri]);
	return true;
}

function editsOrNothing(outcome: ReturnType<typeof fieldEdits>) {
	return outcome.kind === 'edits' ? outcome.replacements : [];
}

/** The stream a command means; undefined (after telling the user) when there is none. */
async function streamFor(streams: WorkspaceStreams, target: unknown): Promise<Stream | undefined> {
	const given = target !== undefined && (isStreamReference(target) || target instanceof vscode.Uri);
	if (!given && streams.all.length === 0) {
		void vscode.window.showInformationMessage(vscode.l10n.t('This workspace has no streams yet.'));
		return undefined;
	}
	const stream = await pickStream(streams, given ? target : undefined, vscode.l10n.t('Choose a stream'));
	if (!stream && given) {
		void vscode.window.showWarningMessage(vscode.l10n.t('That stream no longer exists.'));
	}
	return stream;
}

/** Sets a field to `value` when a script gave one, else to what the user picks. */
async function setField<T extends string>(streams: WorkspaceStreams, field: ValueField<T>, target: unknown, value: unknown): Promise<boolean> {
	const isValue = (candidate: unknown): candidate is T => typeof candidate === 'string' && (field.values as readonly string[]).includes(candidate);
	if (typeof value === 'string' && !isValue(value)) {
		void vscode.window.showErrorMessage(field.unknownValue(value));
		return false;
	}
	const stream = await streamFor(streams, target);
	if (!stream) {
		return false;
	}
	const chosen = isValue(value) ? value : await pickValue(field.values, field.current(stream), field.look, field.placeHolder(stream));
	return chosen !== undefined && applyFieldChange(streams, stream, { key: field.key, value: chosen } as FieldChange);
}

export function registerFieldCommands(context: FeatureContext): vscode.Disposable {
	const { streams } = context;
	// From the tree, VS Code passes (node, selectedNodes): only a string second argument is a value.
	return vscode.Disposable.from(
		vscode.commands.registerCommand('streams.setStatus', (target?: unknown, value?: unknown) => setField(streams, STATUS_FIELD, target, value)),
		vscode.commands.registerCommand('streams.setPriority', (target?: unknown, value?: unknown) => setField(streams, PRIORITY_FIELD, target, value)),
	);
}
