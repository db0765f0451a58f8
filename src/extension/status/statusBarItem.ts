// The status-bar item: while the active editor shows a file of a stream, the stream's status icon, title and
// done/total tasks; a click sets its status. Hidden for every other file.

import * as vscode from 'vscode';
import { Stream } from '../../core';
import { FeatureContext } from '../workspace/featureContext';
import { statusCodicon, statusLabel } from './statusPresentation';

const ITEM_ID = 'streams.status';

/** Text from a file must not turn into icons: `$(…)` in a title is shown as written. */
function escapeIcons(text: string): string {
	return text.replace(/\$\(/g, '\\$(');
}

export function registerStatusBarItem(context: FeatureContext): vscode.Disposable {
	const { streams } = context;
	const item = vscode.window.createStatusBarItem(ITEM_ID, vscode.StatusBarAlignment.Left, 10);
	item.name = vscode.l10n.t('Stream Status');

	const show = (stream: Stream) => {
		const { done, total } = stream.progress;
		const status = statusLabel(stream.status);
		item.text = `$(${statusCodicon(stream.status)}) ${escapeIcons(stream.title)} ${done}/${total}`;
		item.tooltip = vscode.l10n.t('{0} — {1}, {2} of {3} tasks done. Click to set the status.', stream.title, status, done, total);
		item.accessibilityInformation = {
			label: vscode.l10n.t('Stream {0}, {1}, {2} of {3} tasks done', stream.title, status, done, total),
			role: 'button',
		};
		item.command = {
			command: 'streams.setStatus',
			title: vscode.l10n.t('Set Status…'),
			arguments: [streams.uriOf(stream)],
		};
		item.show();
	};

	const update = () => {
		const uri = vscode.window.activeTextEditor?.document.uri;
		const stream = uri && streams.streamFor(uri);
		if (stream) {
			show(stream);
		} else {
			item.hide();
		}
	};

	update();
	return vscode.Disposable.from(
		item,
		vscode.window.onDidChangeActiveTextEditor(update),
		// Any model change may touch the shown stream, or make the active file part of a new one.
		streams.onDidChange(update),
	);
}
