// A minimal typed event emitter, so the core can announce changes without depending on VS Code.

export interface Subscription {
	dispose(): void;
}

export type Listener<T> = (event: T) => void;

export class Emitter<T> {
	private readonly listeners = new Set<Listener<T>>();

	readonly event = (listener: Listener<T>): Subscription => {
		this.listeners.add(listener);
		return { dispose: () => this.listeners.delete(listener) };
	};

	fire(event: T): void {
		for (const listener of [...this.listeners]) {
			listener(event);
		}
	}

	dispose(): void {
		this.listeners.clear();
	}
}
