// `streams.toggleTask`: toggles the task on every line that holds a cursor or selection, through the editor's
// own edit — one undo step, the unsaved buffer and never the file on disk. The edits come from the core
// (`toggleTaskOutcome`), which also works out the roll-up to parent tasks when `streams.toggleTask.rollUp` is on.

import * as vscode from 'vscode';
import { TaskVocabulary, ToggleRefusal, toggleTaskOutcome } from '../../core';
import { FeatureContext } from '../workspace/featureContext';
import { readSettings } from '../workspace/settings';

export const TOGGLE_TASK_COMMAND = 'streams.toggleTask';

/** For extension-host tests: what Toggle Task told the user. */
export interface ToggleTaskTesting {
	/** The information messages shown, oldest first. */
	readonly shown: readonly string[];
}

export function registerToggleTask(context: FeatureContext): { readonly testing: ToggleTaskTesting; readonly disposable: vscode.Disposable } {
	const shown: string[] = [];
	const tell = (message: string) => {
		if (context.extension.extensionMode === vscode.ExtensionMode.Test) {
			shown.push(message);
		}
		void vscode.window.showInformationMessage(message);
	};
	const disposable = vscode.commands.registerCommand(TOGGLE_TASK_COMMAND, () =>
		toggleTask(vscode.window.activeTextEditor, context.streams.vocabularyOf.bind(context.streams), tell));
	return { testing: { shown }, disposable };
}

/**
 * Resolves to whether the document changed. The checkboxes mean what the document's layout says (Kiro's
 * `[-]` is a task in progress, so toggling finishes it); other documents follow DESIGN.md §3. A line where
 * markdown reads no task is left alone, and `tell` says why.
 */
export async function toggleTask(
	editor: vscode.TextEditor | undefined,
	vocabularyOf: ((uri: vscode.Uri) => TaskVocabulary) | undefined,
	tell: (message: string) => void,
): Promise<boolean> {
	if (!editor) {
		return false;
	}
	const document = editor.document;
	const { replacements: edits, refused } = toggleTaskOutcome(document.getText(), selectedLines(editor.selections), {
		rollUp: readSettings().toggleTaskRollUp,
		vocabulary: vocabularyOf?.(document.uri),
	});
	if (edits.length === 0) {
		if (refused.length > 0) {
			tell(refusalMessage(refused[0].reason));
		}
		return false;
	}
	return editor.edit(builder => {
		for (const edit of edits) {
			builder.replace(new vscode.Range(edit.line, edit.startColumn, edit.line, edit.endColumn), edit.text);
		}
	});
}

/**
 * The lines the selections cover. A selection that ends at the very start of a line does not take that line
 * (as VS Code's own line commands do): selecting three whole lines with the mouse toggles three tasks, not four.
 */
export function selectedLines(selections: readonly vscode.Selection[]): number[] {
	const lines = new Set<number>();
	for (const selection of selections) {
		const last = selection.end.line > selection.start.line && selection.end.character === 0 ? selection.end.line - 1 : selection.end.line;
		for (let line = selection.start.line; line <= last; line++) {
			lines.add(line);
		}
	}
	return [...lines];
}

/** Why Toggle Task left a line alone, in the user's terms: markdown reads no task there. */
function refusalMessage(reason: ToggleRefusal): string {
	switch (reason) {
		case 'code':
			return vscode.l10n.t('This line is inside a code block, where a checkbox is not a task: nothing was toggled.');
		case 'comment':
			return vscode.l10n.t('This line is inside an HTML comment, where a checkbox is not a task: nothing was toggled.');
		case 'front-matter':
			return vscode.l10n.t('This line is in the front matter, where a checkbox is not a task: nothing was toggled.');
		case 'table':
			return vscode.l10n.t('This line is a table row, where a checkbox is not a task: nothing was toggled.');
	}
}
