// Turns what a command was invoked with (a tree node, a URI from the Explorer or an editor, nothing)
// into the stream it means.

import * as vscode from 'vscode';
import { Stream } from '../../core';
import { WorkspaceStreams } from '../workspace/workspaceStreams';

/** Anything that names a stream: tree nodes implement it. */
export interface StreamReference {
	readonly streamRef: { readonly source: string; readonly id: string };
}

export function isStreamReference(value: unknown): value is StreamReference {
	return typeof value === 'object' && value !== null && 'streamRef' in value;
}

/** The stream an argument means; with no argument, the stream of the active editor. */
export function streamFromArgument(streams: WorkspaceStreams, argument: unknown): Stream | undefined {
	if (isStreamReference(argument)) {
		return streams.get(argument.streamRef.source, argument.streamRef.id);
	}
	if (argument instanceof vscode.Uri) {
		return streams.streamFor(argument);
	}
	const active = vscode.window.activeTextEditor?.document.uri;
	return active ? streams.streamFor(active) : undefined;
}

/** The stream an argument means, or one the user picks (the active editor's stream first). */
export async function pickStream(streams: WorkspaceStreams, argument: unknown, placeHolder: string): Promise<Stream | undefined> {
	if (argument !== undefined && (isStreamReference(argument) || argument instanceof vscode.Uri)) {
		return streamFromArgument(streams, argument);
	}
	const active = streamFromArgument(streams, undefined);
	const items = streams.all.map(stream => ({
		label: stream.title,
		description: stream.id,
		stream,
	}));
	if (active) {
		const index = items.findIndex(item => item.stream === active);
		items.unshift(...items.splice(index, 1));
	}
	const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true });
	return picked?.stream;
}
