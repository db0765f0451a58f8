// Which workspace folder a command means: the one holding a URI it was given, the only one, or the one picked.

import * as vscode from 'vscode';

export async function chooseWorkspaceFolder(argument: unknown, placeHolder: string): Promise<vscode.WorkspaceFolder | undefined> {
	const folders = vscode.workspace.workspaceFolders ?? [];
	if (argument instanceof vscode.Uri) {
		const folder = vscode.workspace.getWorkspaceFolder(argument);
		if (folder) {
			return folder;
		}
	}
	if (folders.length <= 1) {
		return folders[0];
	}
	return vscode.window.showWorkspaceFolderPick({ placeHolder });
}
