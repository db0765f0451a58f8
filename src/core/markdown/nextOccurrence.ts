// Where a character next stands at or after a position, for a scanner that asks line after line. One search
// answers every question between the position it started from and the character it found, so a character
// that is rare in the text (a `\n` in a file of lone-CR line endings, the one stray `\r` in a `\n` file) is
// searched for once, not once per line. Looking ahead and coming back costs at most one more search per
// occurrence (the questions asked between two occurrences only move back once), so the work stays linear.

export class NextOccurrence {
	/** `at` is the first occurrence at or after `validFrom` (the text's length when there is none). */
	private validFrom = 0;
	private at = -1;

	constructor(private readonly text: string, private readonly char: string) { }

	/** The index of the next `char` at or after `position`, or the text's length when there is none. */
	after(position: number): number {
		if (position < this.validFrom || position > this.at) {
			const found = this.text.indexOf(this.char, position);
			this.validFrom = position;
			this.at = found < 0 ? this.text.length : found;
		}
		return this.at;
	}
}
