// `streams.setStatus` and `streams.setPriority`: pick a stream (or take it from the tree, the status bar or a
// script), pick a value, and set the header field through `setStreamField` (fieldChange.ts), which the board
// uses too; the command only presents its outcome.
//
// Scripts and tests may pass the value: `executeCommand('streams.setStatus', streamUriOrNode, 'blocked')`.

import * as vscode from 'vscode';
import { FieldChange, PRIORITY_ORDER, PriorityId, STATUS_ORDER, StatusId, Stream } from '../../core';
import { FeatureContext } from '../workspace/featureContext';
import { presentFieldChange, setStreamField } from './fieldChange';
import { priorityLabel, statusCodicon, statusLabel } from '../status/statusPresentation';
import { isStreamReference, pickStream } from './streamArguments';
import { WorkspaceStreams } from '../workspace/workspaceStreams';

const PRIORITY_ICONS: Readonly<Record<PriorityId, string>> = {
	high: 'arrow-up',
	medium: 'arrow-right',
	low: 'arrow-down',
};

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
	return chosen !== undefined && presentFieldChange(await setStreamField(streams, stream, { key: field.key, value: chosen } as FieldChange));
}

export function registerFieldCommands(context: FeatureContext): vscode.Disposable {
	const { streams } = context;
	// From the tree, VS Code passes (node, selectedNodes): only a string second argument is a value.
	return vscode.Disposable.from(
		vscode.commands.registerCommand('streams.setStatus', (target?: unknown, value?: unknown) => setField(streams, STATUS_FIELD, target, value)),
		vscode.commands.registerCommand('streams.setPriority', (target?: unknown, value?: unknown) => setField(streams, PRIORITY_FIELD, target, value)),
	);
}
