// One scan per version of an open markdown buffer, shared by the model, the decorations and the commands,
// so typing in PLAN.md parses the text once per keystroke however many features listen. The scan reads the
// checkboxes with the meanings of the document's layout (Kiro's tasks.md: `[-]` active, `[ ]*` optional).

import * as vscode from 'vscode';
import { PlanScan, scanPlan, STANDARD_TASKS, TaskVocabulary } from '../../core';

const scans = new WeakMap<vscode.TextDocument, { version: number; scan: PlanScan }>();

export function scanOf(document: vscode.TextDocument, vocabulary: TaskVocabulary = STANDARD_TASKS): PlanScan {
	const cached = scans.get(document);
	if (cached && cached.version === document.version && cached.scan.vocabulary === vocabulary) {
		return cached.scan;
	}
	const scan = scanPlan(document.getText(), vocabulary);
	scans.set(document, { version: document.version, scan });
	return scan;
}
