// A repository in memory for the operations' unit tests: the model indexed from it, an OperationContext over
// it, and the host's part (applying an outcome's changes) so a test can check what a user would find on disk.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyDocumentReplacements, decodeDocument, DocumentChange, OperationContext, OperationOutcome, StreamIndex, TemplateText } from '../../src/core';
import { MemoryFileSystem } from './memoryFileSystem';

export const SOURCE = 'repo';
export const TODAY = '2026-03-10';

export function bundledTemplateTexts(): TemplateText[] {
	const folder = path.join(__dirname, '..', '..', '..', 'templates');
	return fs.readdirSync(folder).filter(name => name.endsWith('.md')).sort().map(name => ({ name, text: fs.readFileSync(path.join(folder, name), 'utf8') }));
}

export class OperationWorkspace {
	readonly fs: MemoryFileSystem;
	private index: StreamIndex;

	constructor(files: Record<string, string>, private readonly roots: readonly string[] = ['.project/streams']) {
		this.fs = new MemoryFileSystem(files);
		this.index = this.newIndex();
	}

	private newIndex(): StreamIndex {
		return new StreamIndex([{ source: SOURCE, workspaceFolder: 'repo', fs: this.fs }], { roots: this.roots, maxFileSize: 1 << 20 });
	}

	/** Indexes the repository as it is now and returns a context over it. */
	async context(): Promise<OperationContext> {
		this.index = this.newIndex();
		await this.index.indexAll();
		const fs = this.fs;
		return {
			streams: this.index.all,
			today: TODAY,
			async readText(_source, file) {
				try {
					const decoded = decodeDocument(await fs.readFile(file));
					return decoded.ok ? decoded.text : undefined;
				} catch {
					return undefined;
				}
			},
			async templates(set) {
				return set === undefined || set === 'bundled' ? { id: 'bundled', texts: bundledTemplateTexts() } : undefined;
			},
		};
	}

	read(file: string): string | undefined {
		return this.fs.textOf(file);
	}

	/** What a host does with a successful outcome: every change written. */
	apply<R>(outcome: OperationOutcome<R>): R {
		if (!outcome.ok) {
			throw new Error(`expected success, got ${outcome.error.code}: ${outcome.error.message}`);
		}
		for (const change of outcome.changes) {
			this.write(change);
		}
		return outcome.result;
	}

	private write(change: DocumentChange): void {
		if (change.kind === 'create') {
			if (this.read(change.path) !== undefined) {
				throw new Error(`would overwrite ${change.path}`);
			}
			this.fs.write(change.path, change.text);
		} else {
			this.fs.write(change.path, applyDocumentReplacements(this.read(change.path)!, change.replacements));
		}
	}
}
