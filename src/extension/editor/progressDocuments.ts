// Which documents show progress after their headings: every stream's plan (PLAN.md, or the tasks.md of a
// Kiro spec, Spec Kit feature or OpenSpec change), and the files matching `streams.progress.files`. One rule
// for the editor decorations and the Markdown preview.

import * as vscode from 'vscode';
import { matchesAnyGlob } from '../../core';
import { Settings } from '../workspace/settings';
import { WorkspaceStreams } from '../workspace/workspaceStreams';

export function showsProgress(uri: vscode.Uri, streams: WorkspaceStreams, settings: Settings): boolean {
	if (!settings.progress.enabled) {
		return false;
	}
	if (streams.isPlan(uri)) {
		return true;
	}
	return matchesAnyGlob(pathsToMatch(uri), settings.progress.files);
}

/** The workspace-relative path (patterns are written relative to the folder) and the absolute one. */
function pathsToMatch(uri: vscode.Uri): string[] {
	const folder = vscode.workspace.getWorkspaceFolder(uri);
	if (!folder) {
		return [uri.path];
	}
	const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
	return uri.path.startsWith(base) ? [uri.path.slice(base.length), uri.path] : [uri.path];
}

/** A URI as the Markdown preview hands it over in `env.currentDocument` (a `vscode.Uri`, or its JSON form). */
export function uriFromPreviewEnv(env: unknown): vscode.Uri | undefined {
	const document = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
	if (document instanceof vscode.Uri) {
		return document;
	}
	if (document && typeof document === 'object') {
		const { scheme, authority, path } = document as { scheme?: unknown; authority?: unknown; path?: unknown };
		if (typeof scheme === 'string' && typeof path === 'string') {
			return vscode.Uri.from({ scheme, authority: typeof authority === 'string' ? authority : '', path });
		}
	}
	return undefined;
}
