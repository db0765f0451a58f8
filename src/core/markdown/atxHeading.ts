// One line read as an ATX heading (`## Phase 1 ##`): its level and its text without the `#` marks. Shared by the
// header reader and the health rules, and linear in the line: a closing sequence is found by walking back from
// the end, not by a pattern that rescans every run of spaces (`# a` + 100,000 spaces + `b` took seconds).

const ATX_OPENING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;

export interface AtxHeading {
	/** 1–6. */
	readonly level: number;
	/** The text as written between the `#` marks, trimmed. */
	readonly text: string;
}

/** The heading a line holds, or undefined when it is no ATX heading. */
export function atxHeading(line: string): AtxHeading | undefined {
	const match = ATX_OPENING.exec(line);
	return match ? { level: match[1].length, text: withoutClosingSequence(line.slice(match[0].length).trim()) } : undefined;
}

/** A trimmed heading text without its optional closing `#`s (`Title ##` → `Title`; `C#` keeps its `#`). */
function withoutClosingSequence(text: string): string {
	let start = text.length;
	while (start > 0 && text[start - 1] === '#') {
		start--;
	}
	if (start === text.length || (start > 0 && text[start - 1] !== ' ' && text[start - 1] !== '\t')) {
		return text;
	}
	return text.slice(0, start).trim();
}
