// Where the lines of a markdown text end: markdown-it splits lines at `\n`, `\r\n` and a lone `\r`. The ends
// are found with one remembered search per character, so that the work stays linear in the text's length
// whatever mix of line endings it has.

import { Char } from './blocks/characters';
import { NextOccurrence } from './nextOccurrence';

export class LineEnds {
	/** Whether the text has a `\r` at all; most do not, and then a line ends at the next `\n`. */
	readonly hasCarriageReturn: boolean;
	private readonly lineFeeds: NextOccurrence;
	private readonly carriageReturns: NextOccurrence;

	constructor(private readonly text: string) {
		this.hasCarriageReturn = text.indexOf('\r') >= 0;
		this.lineFeeds = new NextOccurrence(text, '\n');
		this.carriageReturns = new NextOccurrence(text, '\r');
	}

	/** The end of the line that starts at `lineStart` (the index of its line break, or the text's length). */
	endOf(lineStart: number): number {
		const lf = this.lineFeeds.after(lineStart);
		if (!this.hasCarriageReturn) {
			return lf;
		}
		const cr = this.carriageReturns.after(lineStart);
		return lf < cr ? lf : cr;
	}

	/** Where the line after the one ending at `lineEnd` starts (the text's length after the last line). */
	nextLineStart(lineEnd: number): number {
		const text = this.text;
		if (lineEnd >= text.length) {
			return text.length;
		}
		return text.charCodeAt(lineEnd) === Char.CarriageReturn && text.charCodeAt(lineEnd + 1) === Char.LineFeed ? lineEnd + 2 : lineEnd + 1;
	}
}
