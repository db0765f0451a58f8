// A small seeded pseudo-random generator for reproducible generated test documents (mulberry32).

export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability `p`. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Picks an item with probability proportional to its weight. */
	weighted<T>(choices: readonly (readonly [number, T])[]): T {
		let total = 0;
		for (const [weight] of choices) {
			total += weight;
		}
		let r = this.next() * total;
		for (const [weight, item] of choices) {
			r -= weight;
			if (r < 0) {
				return item;
			}
		}
		return choices[choices.length - 1][1];
	}
}

/** A seed derived from a base seed and an index, so that document `i` can be regenerated on its own. */
export function seedFor(base: number, index: number): number {
	let h = (base ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
	return (h ^ (h >>> 16)) >>> 0;
}
