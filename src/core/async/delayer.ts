// Coalesces a burst of triggers into one run after a quiet moment (or after the first trigger, `fixed`), as
// VS Code's own Delayer does: file-change batches, tree redraws and health checks each run once per burst.

export class Delayer {
	private timer: ReturnType<typeof setTimeout> | undefined;
	private task: (() => void) | undefined;

	/**
	 * @param delay milliseconds to wait
	 * @param restart true: every trigger restarts the wait (run after the burst is over); false: the first
	 *   trigger of a burst starts it (run at most every `delay` while changes keep coming)
	 */
	constructor(private readonly delay: number, private readonly restart = true) { }

	/** Runs `task` (the latest one given) once the wait is over. */
	trigger(task: () => void): void {
		this.task = task;
		if (this.timer !== undefined && !this.restart) {
			return;
		}
		clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timer = undefined;
			const run = this.task;
			this.task = undefined;
			run?.();
		}, this.delay);
	}

	get isTriggered(): boolean {
		return this.timer !== undefined;
	}

	/** Runs the pending task now, if there is one. */
	flush(): void {
		if (this.timer !== undefined) {
			clearTimeout(this.timer);
			this.timer = undefined;
			const run = this.task;
			this.task = undefined;
			run?.();
		}
	}

	cancel(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.task = undefined;
	}

	dispose(): void {
		this.cancel();
	}
}
