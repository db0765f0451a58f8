// The health findings of each stream, as the Problems panel shows them, kept for the views that summarise
// them per stream (the tree's warning mark and tooltip, the board's cards). Health diagnostics write here;
// the views listen. A change is announced only for the streams whose findings really changed.

import * as vscode from 'vscode';
import { HealthSeverity } from '../../core';

/** One finding as a person reads it: where, how bad, and the localized message. */
export interface StreamFinding {
	readonly document: string;
	readonly line: number;
	readonly severity: HealthSeverity;
	readonly message: string;
}

const NONE: readonly StreamFinding[] = [];

export class StreamFindings implements vscode.Disposable {
	private readonly byStream = new Map<string, readonly StreamFinding[]>();
	private readonly changeEmitter = new vscode.EventEmitter<readonly string[]>();
	/** Fires with the keys (`streamKey`) of the streams whose findings changed. */
	readonly onDidChange = this.changeEmitter.event;

	/** A stream's findings, by its key; empty when it has none (or was not checked yet). */
	of(key: string): readonly StreamFinding[] {
		return this.byStream.get(key) ?? NONE;
	}

	set(key: string, findings: readonly StreamFinding[]): void {
		const previous = this.byStream.get(key) ?? NONE;
		if (sameFindings(previous, findings)) {
			return;
		}
		if (findings.length === 0) {
			this.byStream.delete(key);
		} else {
			this.byStream.set(key, findings);
		}
		this.changeEmitter.fire([key]);
	}

	delete(key: string): void {
		this.set(key, NONE);
	}

	dispose(): void {
		this.changeEmitter.dispose();
	}
}

function sameFindings(a: readonly StreamFinding[], b: readonly StreamFinding[]): boolean {
	return a.length === b.length && a.every((finding, index) => {
		const other = b[index];
		return finding.document === other.document && finding.line === other.line
			&& finding.severity === other.severity && finding.message === other.message;
	});
}
