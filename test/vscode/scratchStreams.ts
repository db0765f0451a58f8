// Scratch streams for extension-host tests that change stream documents: written under the fixture's stream
// root so the model indexes them, removed afterwards so the fixture streams other tests read stay as they are.

import * as vscode from 'vscode';
import type { Stream } from '../../src/core/model/stream';
import { api, closeAllEditorsWithoutSaving, waitFor, workspaceUri } from './support';

export const STREAM_ROOT = '.project/streams';

export function streamUri(name: string, document?: string): vscode.Uri {
	return document ? workspaceUri(STREAM_ROOT, name, document) : workspaceUri(STREAM_ROOT, name);
}

export async function streamNamed(name: string): Promise<Stream | undefined> {
	const { streams } = await api();
	return streams.all.find(stream => stream.id === `${STREAM_ROOT}/${name}`);
}

/** Writes a stream folder with the given documents and waits until the model has read it. */
export async function createScratchStream(name: string, documents: Record<string, string>): Promise<Stream> {
	const { streams } = await api();
	for (const [document, text] of Object.entries(documents)) {
		await vscode.workspace.fs.writeFile(streamUri(name, document), new TextEncoder().encode(text));
	}
	await streams.reread([streamUri(name)]);
	return waitFor(`the model to read ${name}`, () => streamNamed(name));
}

/** Reverts and closes every editor, deletes the scratch streams and waits until the model has dropped them. */
export async function removeScratchStreams(...names: string[]): Promise<void> {
	await closeAllEditorsWithoutSaving();
	const { streams } = await api();
	for (const name of names) {
		try {
			await vscode.workspace.fs.delete(streamUri(name), { recursive: true, useTrash: false });
		} catch {
			// Never written.
		}
	}
	await streams.reread(names.map(name => streamUri(name)));
	for (const name of names) {
		await waitFor(`the model to drop ${name}`, async () => (await streamNamed(name)) === undefined);
	}
}

/** The local date as the commands write "Last Updated". */
export function localToday(): string {
	const now = new Date();
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
