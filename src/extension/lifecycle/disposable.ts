// A base for the glue's long-lived objects: what they register is disposed with them, in reverse order, once,
// so no class keeps its own array of listeners and none is forgotten.

import * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
	private readonly registered: { dispose(): unknown }[] = [];
	private disposedAlready = false;

	protected get isDisposed(): boolean {
		return this.disposedAlready;
	}

	/** Keeps `disposable` until this object is disposed (at once, if it already is). */
	protected _register<T extends { dispose(): unknown }>(disposable: T): T {
		if (this.disposedAlready) {
			disposable.dispose();
		} else {
			this.registered.push(disposable);
		}
		return disposable;
	}

	dispose(): void {
		if (this.disposedAlready) {
			return;
		}
		this.disposedAlready = true;
		for (const disposable of this.registered.splice(0).reverse()) {
			disposable.dispose();
		}
	}
}

/** Disposables that are replaced together, such as the file watchers of the current stream roots. */
export class DisposableStore implements vscode.Disposable {
	private readonly held: { dispose(): unknown }[] = [];

	add<T extends { dispose(): unknown }>(disposable: T): T {
		this.held.push(disposable);
		return disposable;
	}

	/** Disposes what is held now; the store can be filled again. */
	clear(): void {
		for (const disposable of this.held.splice(0).reverse()) {
			disposable.dispose();
		}
	}

	dispose(): void {
		this.clear();
	}
}
