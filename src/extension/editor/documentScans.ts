// One scan per version of an open markdown buffer, shared by the model, the decorations and the commands,
// so typing in PLAN.md parses the text once per keystroke however many features listen.

import * as vscode from 'vscode';
import { PlanScan, scanPlan } from '../../core';

const scans = new WeakMap<vscode.TextDocument, { version: number; scan: PlanScan }>();

export function scanOf(document: vscode.TextDocument): PlanScan {
	const cached = scans.get(document);
	if (cached && cached.version === document.version) {
		return cached.scan;
	}
	const scan = scanPlan(document.getText());
	scans.set(document, { version: document.version, scan });
	return scan;
}
