// Finds the tasks and headings of a markdown document in one pass (DESIGN.md §3), agreeing with
// markdown-it 14 (`html: true`, as VS Code's preview configures it) on what is a list-item task and what is
// a heading. It is a line-oriented state machine that replays markdown-it's block rules — including its
// quirks, because markdown-it is the oracle — without building tokens or strings: it runs on every
// keystroke in a PLAN.md of thousands of tasks.

import { TaskCounts, TaskState, Phase, makeCounts } from '../model/stream';
import { STANDARD_TASKS, TaskVocabulary } from '../tasks/taskVocabulary';
import { frontMatterLineCount } from './frontMatterFences';
import { LineEnds } from './lineEnds';
import { NextOccurrence } from './nextOccurrence';
import { atxHeadingLevel, atxHeadingText } from './blocks/atxHeading';
import { asciiTrim, Char, isDigit, isSpace, skipJsWhitespace, skipJsWhitespaceBack } from './blocks/characters';
import { closesFence, fenceOpeningLength } from './blocks/fence';
import { htmlBlockEnd, htmlBlockKind } from './blocks/htmlBlock';
import { ContinuationLines, referenceDefinitionLines, referenceMayStart } from './blocks/linkReferenceDefinition';
import { bulletMarkerEnd, orderedMarkerEnd, orderedMarkerIsOne } from './blocks/listMarker';
import { setextUnderlineLevel } from './blocks/setextHeading';
import { cellCount, delimiterRowColumns } from './blocks/table';
import { isThematicBreak } from './blocks/thematicBreak';
import { MarkdownOutline, OutlineBlock, OutlineBlockKind, OutlineHeading } from './markdownOutline';

export interface ScannedTask {
	/** 0-based line. */
	readonly line: number;
	readonly state: TaskState;
	/** UTF-16 column of the `[` of the checkbox. */
	readonly checkboxColumn: number;
	/** UTF-16 column of the list marker (`-`, `*`, `+`, `1.`, `1)`) on that line. */
	readonly markerColumn: number;
	/**
	 * 0-based line of the checkbox, present only when it is not `line`: an item whose first line holds
	 * nothing but the marker starts its paragraph (and so its checkbox) on the next line.
	 */
	readonly checkboxLine?: number;
	/** Present, and true, on an optional task (`[ ]*`, where the vocabulary has them). */
	readonly optional?: true;
}

export interface ScannedHeading {
	/** 0-based line of the heading (for setext headings: the text line). */
	readonly line: number;
	/** 1–6. */
	readonly level: number;
	/** Heading text without `#` marks or closing sequence, trimmed. */
	readonly text: string;
	/** 0-based exclusive end line of the section: the next heading of the same or a higher level, or the line count. */
	readonly endLine: number;
	/** Rolled-up counts of every task in the section, sub-headings included. */
	readonly counts: TaskCounts;
}

export interface PlanScan {
	readonly tasks: readonly ScannedTask[];
	readonly headings: readonly ScannedHeading[];
	/** Counts over the whole document. */
	readonly counts: TaskCounts;
	readonly lineCount: number;
	/** The checkbox meanings the document was read with. */
	readonly vocabulary: TaskVocabulary;
	/** Every leaf block, when asked for (`{ outline: true }`): the header reader and the health rules read it. */
	readonly outline?: MarkdownOutline;
}

export interface ScanOptions {
	/** Also record the document's leaf blocks (a little slower: the plan path on every keystroke does not need them). */
	readonly outline?: boolean;
}

/**
 * Finds every task and heading of a markdown document, reading its checkboxes with `vocabulary` (DESIGN.md §3
 * unless a layout says otherwise). Never throws.
 */
export function scanPlan(text: string, vocabulary: TaskVocabulary = STANDARD_TASKS, options: ScanOptions = {}): PlanScan {
	const source = typeof text === 'string' ? text : '';
	try {
		return scanPlanOrThrow(source, vocabulary, options);
	} catch {
		// A bug must not take the tree view down with it: report the document as empty rather than throw.
		const lineCount = countLines(source);
		return assemble({
			tasks: [], headings: [], countsBefore: [0, 0, 0, 0, 0], lineCount, vocabulary,
			outline: options.outline ? [] : undefined, frontMatterLines: 0,
		});
	}
}

/** scanPlan without the safety net, so that tests see a scanner bug as the exception it is. */
export function scanPlanOrThrow(text: string, vocabulary: TaskVocabulary = STANDARD_TASKS, options: ScanOptions = {}): PlanScan {
	const scanner = new BlockScanner(text, vocabulary, options.outline === true);
	scanner.run();
	return assemble(scanner);
}

/** The leaf blocks of a document (its tasks read with the standard checkboxes, and not returned). */
export function outlineOf(text: string): MarkdownOutline {
	return scanPlan(text, STANDARD_TASKS, { outline: true }).outline as MarkdownOutline;
}

/** The level-2 headings, in order, each with its rolled-up counts. */
export function phasesOf(scan: PlanScan): Phase[] {
	const phases: Phase[] = [];
	for (const heading of scan.headings) {
		if (heading.level === 2) {
			phases.push({ title: heading.text, line: heading.line, counts: heading.counts });
		}
	}
	return phases;
}

/** Lines as an editor counts them: line breaks (`\n`, `\r\n`, lone `\r`) plus one. */
function countLines(text: string): number {
	let count = 1;
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
		count++;
	}
	for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
		if (text.charCodeAt(i + 1) !== Char.LineFeed) {
			count++;
		}
	}
	return count;
}

// ---------------------------------------------------------------------------------------------------------
// Assembling the result: sections and counts.

interface RawHeading {
	line: number;
	level: number;
	text: string;
}

interface RawScan {
	readonly tasks: ScannedTask[];
	readonly headings: RawHeading[];
	/** Done, open, active, cancelled and optional counts before each heading, then after the last task. */
	readonly countsBefore: readonly number[];
	readonly lineCount: number;
	readonly vocabulary: TaskVocabulary;
	/** The leaf blocks in line order, when recorded. */
	readonly outline: readonly OutlineBlock[] | undefined;
	readonly frontMatterLines: number;
}

function assemble(found: RawScan): PlanScan {
	const raw = found.headings;
	const before = found.countsBefore;
	// A section ends at the next heading of the same or a higher level; index raw.length stands for the end.
	const ends = new Array<number>(raw.length).fill(raw.length);
	const stack: number[] = [];
	for (let i = 0; i < raw.length; i++) {
		while (stack.length > 0 && raw[stack[stack.length - 1]].level >= raw[i].level) {
			ends[stack.pop() as number] = i;
		}
		stack.push(i);
	}
	const countsBetween = (from: number, to: number): TaskCounts => makeCounts(
		before[5 * to] - before[5 * from], before[5 * to + 1] - before[5 * from + 1],
		before[5 * to + 2] - before[5 * from + 2], before[5 * to + 3] - before[5 * from + 3],
		found.vocabulary.optionalMarker ? before[5 * to + 4] - before[5 * from + 4] : undefined);
	const headings: ScannedHeading[] = raw.map((heading, i) => ({
		line: heading.line,
		level: heading.level,
		text: heading.text,
		endLine: ends[i] < raw.length ? raw[ends[i]].line : found.lineCount,
		counts: countsBetween(i, ends[i]),
	}));
	// After the per-heading snapshots comes the one after the last task.
	const last = raw.length;
	return {
		tasks: found.tasks,
		headings,
		counts: makeCounts(before[5 * last], before[5 * last + 1], before[5 * last + 2], before[5 * last + 3],
			found.vocabulary.optionalMarker ? before[5 * last + 4] : undefined),
		lineCount: found.lineCount,
		vocabulary: found.vocabulary,
		...(found.outline ? { outline: { blocks: found.outline, frontMatterLines: found.frontMatterLines } } : {}),
	};
}

// ---------------------------------------------------------------------------------------------------------
// The block scanner.

/** Container kinds on the stack. */
const BLOCKQUOTE = 1;
const ITEM = 2;

/** Leaf blocks that span lines. */
const NO_LEAF = 0;
const PARAGRAPH = 1;
const FENCE = 2;
const CODE = 3;
const HTML = 4;
const TABLE = 5;

/**
 * Which block rules may end the block being continued. markdown-it gives each rule a list of blocks it can
 * interrupt; these are the four sets that matter.
 */
const ENDS_PARAGRAPH = 0; // table, fence, blockquote, hr, list (restricted), html 1–6, heading
const ENDS_REFERENCE = 1; // the same, but any list item interrupts
const ENDS_BLOCKQUOTE = 2; // fence, blockquote, hr, list, html 1–6, heading (also ends table rows)
const ENDS_LIST = 3; // fence, blockquote, hr

/** Task states by index; index 4 counts optional tasks, whatever their state. */
const TASK_STATES: readonly TaskState[] = ['done', 'open', 'active', 'cancelled'];
const OPTIONAL = 4;
const markTables = new WeakMap<TaskVocabulary, Int8Array>();

/** The index of the state each mark character means (-1: not a task), built once per vocabulary. */
function stateOfMarkTable(vocabulary: TaskVocabulary): Int8Array {
	let table = markTables.get(vocabulary);
	if (!table) {
		table = new Int8Array(128).fill(-1);
		for (const [mark, state] of Object.entries(vocabulary.marks)) {
			if (mark.length === 1 && mark.charCodeAt(0) < 128) {
				table[mark.charCodeAt(0)] = TASK_STATES.indexOf(state);
			}
		}
		markTables.set(vocabulary, table);
	}
	return table;
}

/** A pending task in the paragraph being read. */
const NOT_A_TASK = 0;
const TASK = 1;
/** `[ ]` followed only by spaces: a task only if the paragraph goes on to a second line (markdown-it trims the end). */
const TASK_IF_CONTINUED = 2;

// Fields of a container in BlockScanner.box.
const STRIDE = 16;
const F_KIND = 0;
/** Item: content indent (markdown-it's blkIndent inside it). */
const F_INDENT = 1;
/** markdown-it's listIndent inside the container. */
const F_INNER_LIST_INDENT = 2;
/** Blockquote: blkIndent and listIndent of the context it was opened in (its lazy-line checks use them). */
const F_OUTER_INDENT = 3;
const F_OUTER_LIST_INDENT = 4;
/** Item: the marker character (`-`, `*`, `+`, or `.`/`)` for ordered lists); a list goes on only with the same. */
const F_MARKER = 5;
const F_ITEM_LINE = 6;
const F_MARKER_COLUMN = 7;
/** Item: 1 until its first block opens; that block decides whether the item is a task. */
const F_PENDING = 8;
/** Blockquote: whether its last `>` line was empty (a lazy line cannot follow it). */
const F_LAST_EMPTY = 9;
/** Item: the line at which an empty item closes (markdown-it's `-\n\n` workaround), or -1. */
const F_CLOSES_AT = 10;
/** markdown-it's token nesting level inside the container. */
const F_LEVEL = 11;
/** Index of the innermost blockquote at or above the container, or -1. */
const F_QUOTE_AT = 12;

/** markdown-it's `maxNesting`: past this many open containers it skips the rest of the container. */
const MAX_NESTING = 100;
/** markdown-it's cap on the empty cells a table may autocomplete. */
const MAX_AUTOCOMPLETED_CELLS = 0x10000;

/**
 * Reads the document line by line. For every line it first peels the open containers (block quotes strip
 * their `>`, list items need enough indent), then lets the open leaf block decide whether the line continues
 * it, and only then closes containers and starts new blocks — the order in which markdown-it's recursive
 * rules reach the same decisions. Columns follow markdown-it's bookkeeping (`sCount`/`bsCount`) so tabs
 * expand exactly as it expands them.
 */
class BlockScanner implements RawScan {
	readonly tasks: ScannedTask[] = [];
	readonly headings: RawHeading[] = [];
	readonly outline: OutlineBlock[] | undefined;
	frontMatterLines = 0;

	private readonly source: string;
	private readonly length: number;

	// The current line.
	private lineNo = 0;
	private lineStart = 0;
	private eol = 0;
	private next = 0;
	/** Lines still to skip because a link reference definition already consumed them. */
	private skipLines = 0;
	private swallowing = false;

	// Where lines end, and where the next `|` and tab stand: asked line after line, so each answer is kept.
	private readonly lineEnds: LineEnds;
	private readonly pipes: NextOccurrence;
	private readonly tabs: NextOccurrence;

	// The container stack: STRIDE int32 fields per container in one typed array, so that a list item costs
	// no allocation; the innermost container's context is cached in the top* fields.
	/** How many containers are open. */
	private depth = 0;
	private containers = new Int32Array(16 * STRIDE);
	/** markdown-it's blkIndent, listIndent and nesting level inside the innermost container (the document: 0, -1, 0). */
	private topIndent = 0;
	private topListIndent = -1;
	private topLevel = 0;
	/** Index of the innermost blockquote, or -1. */
	private topQuote = -1;

	// Running task counts by TASK_STATES index (then optional), and the counts before each heading (five per heading).
	private readonly stateCounts = new Int32Array(5);
	readonly countsBefore: number[] = [];
	lineCount = 1;

	// Result of classify(): the view of a line after peeling the containers that continue on it.
	/** Its first character that is not a space or tab (markdown-it's bMarks + tShift). */
	private viewFirst = 0;
	/** Its indent in columns, tabs expanded (markdown-it's sCount). */
	private viewIndent = 0;
	/** The column tab stops are counted from (markdown-it's bsCount). */
	private viewTabOrigin = 0;
	/** Where the line starts inside the last matched quote (markdown-it's bMarks). */
	private viewQuoteStart = 0;
	/** How many containers, from the outermost, continue on the line. */
	private viewMatched = 0;
	// Result of peel() and of pushItem(): the same view, inside the quote marker or list marker just stepped over.
	private innerFirst = 0;
	private innerQuoteStart = 0;
	private innerIndent = 0;
	private innerTabOrigin = 0;
	private innerBlank = false;
	/** The end of the line referenceContinuation last looked at. */
	private peekedLineEnd = 0;

	// The open leaf block.
	private leaf = NO_LEAF;
	private fenceMarker = 0;
	private fenceLength = 0;
	private htmlKind = 0;
	private htmlEndFrom = 0;
	private htmlEndAt = -1;
	private tableColumns = 0;
	private tableDelimiterLine = -1;
	private tableAutocompleted = 0;
	/** The line the open fence, indented code, HTML block or table began on (paragraphs keep paragraphLine). */
	private leafLine = 0;
	/** The line after the last non-blank line of the open indented code block: trailing blank lines are not code. */
	private codeEnd = 0;
	private paragraphLine = 0;
	private paragraphLines = 0;
	private readonly paragraphFirsts: number[] = [];
	private readonly paragraphEnds: number[] = [];
	private taskKind = NOT_A_TASK;
	/** Index into TASK_STATES. */
	private taskState = 0;
	private taskLine = 0;
	private taskMarkerColumn = 0;
	private taskCheckboxLine = 0;
	private taskCheckboxColumn = 0;
	private taskOptional = false;
	/** The vocabulary's state index per mark character, and whether `[c]*` is an optional task. */
	private readonly stateOfMark: Int8Array;
	private readonly optionalTasks: boolean;
	readonly vocabulary: TaskVocabulary;

	/** Whether the text has a `\r` at all; most do not, and then a line ends at the next `\n`. */
	private readonly hasCR: boolean;

	constructor(text: string, vocabulary: TaskVocabulary, recordOutline: boolean) {
		this.vocabulary = vocabulary;
		this.outline = recordOutline ? [] : undefined;
		this.stateOfMark = stateOfMarkTable(vocabulary);
		this.optionalTasks = vocabulary.optionalMarker;
		this.source = text;
		this.length = text.length;
		this.lineEnds = new LineEnds(text);
		this.pipes = new NextOccurrence(text, '|');
		this.tabs = new NextOccurrence(text, '\t');
		this.hasCR = this.lineEnds.hasCarriageReturn;
	}

	run(): void {
		const length = this.length;
		let pos = this.source.charCodeAt(0) === 0xfeff ? 1 : 0;
		const frontMatter = frontMatterLineCount(this.source);
		this.frontMatterLines = frontMatter;
		for (let i = 0; i < frontMatter; i++) {
			pos = this.nextStart(this.lineEndFrom(pos));
			this.lineNo++;
		}
		const source = this.source;
		const hasCR = this.hasCR;
		while (pos < length) {
			let eol: number;
			let next: number;
			if (hasCR) {
				eol = this.lineEndFrom(pos);
				next = this.nextStart(eol);
			} else {
				eol = source.indexOf('\n', pos);
				if (eol < 0) {
					eol = length;
				}
				next = eol + 1;
			}
			this.lineStart = pos;
			this.eol = eol;
			this.next = next;
			if (this.skipLines > 0) {
				this.skipLines--;
			} else {
				this.processLine();
			}
			pos = this.next;
			this.lineNo++;
		}
		if (this.outline && this.endsInSpaceOnlyLine()) {
			// markdown-it does not count a last line of only spaces and tabs: a block open at the end ends before it.
			this.lineNo--;
			this.closeLeaf();
			this.lineNo++;
		}
		this.closeLeaf();
		this.finishCounts();
		const last = length > 0 ? this.source.charCodeAt(length - 1) : 0;
		this.lineCount = this.lineNo + (last === Char.LineFeed || last === Char.CarriageReturn ? 1 : 0);
		if (this.lineCount === 0) {
			this.lineCount = 1;
		}
	}

	// --- lines -------------------------------------------------------------------------------------------

	/** Whether the text ends in a line of spaces and tabs with no line break after it. */
	private endsInSpaceOnlyLine(): boolean {
		let at = this.length;
		while (at > 0 && isSpace(this.source.charCodeAt(at - 1))) {
			at--;
		}
		const before = at > 0 ? this.source.charCodeAt(at - 1) : Char.LineFeed;
		return at < this.length && (before === Char.LineFeed || before === Char.CarriageReturn);
	}

	private lineEndFrom(pos: number): number {
		if (this.hasCR) {
			return this.lineEnds.endOf(pos);
		}
		// Without a `\r`, each search stops at its own line's end: no need to remember it.
		const lf = this.source.indexOf('\n', pos);
		return lf < 0 ? this.length : lf;
	}

	private nextStart(eol: number): number {
		if (eol >= this.length) {
			return this.length;
		}
		return this.hasCR && this.source.charCodeAt(eol) === Char.CarriageReturn && this.source.charCodeAt(eol + 1) === Char.LineFeed ? eol + 2 : eol + 1;
	}

	private hasPipe(from: number, to: number): boolean {
		return this.pipes.after(from) < to;
	}

	/**
	 * Peels the containers that continue on the line [start, eol): block quotes whose `>` is there and list
	 * items indented enough (blank lines keep items open). Sets the view* fields to the view of the line inside
	 * the last matched container, and viewMatched to the index of the first container that did not match.
	 */
	private classify(start: number, eol: number, commit: boolean): void {
		const source = this.source;
		let position = start;
		let lineIndent = 0;
		while (position < eol) {
			const code = source.charCodeAt(position);
			if (code === Char.Space) {
				lineIndent++;
			} else if (code === Char.Tab) {
				lineIndent += 4 - (lineIndent & 3);
			} else {
				break;
			}
			position++;
		}
		let tabOrigin = 0;
		let quoteStart = start;
		const depth = this.depth;
		let i = 0;
		for (; i < depth; i++) {
			if (this.containers[i * STRIDE + F_KIND] === ITEM) {
				if (position >= eol || lineIndent >= this.containers[i * STRIDE + F_INDENT]) {
					continue;
				}
				break;
			}
			if (position >= eol || source.charCodeAt(position) !== Char.GreaterThan) {
				break;
			}
			this.peel(position, lineIndent, tabOrigin, eol);
			position = this.innerFirst;
			lineIndent = this.innerIndent;
			tabOrigin = this.innerTabOrigin;
			quoteStart = this.innerQuoteStart;
			if (commit) {
				this.containers[i * STRIDE + F_LAST_EMPTY] = this.innerBlank ? 1 : 0;
			}
		}
		this.viewFirst = position;
		this.viewIndent = lineIndent;
		this.viewTabOrigin = tabOrigin;
		this.viewQuoteStart = quoteStart;
		this.viewMatched = i;
	}

	/** Steps over a `>` at `gt` (and one optional space) the way markdown-it's blockquote rule does. */
	private peel(gt: number, lineIndent: number, tabOrigin: number, eol: number): void {
		const source = this.source;
		let position = gt + 1;
		let initial = lineIndent + 1;
		let adjustTab = 0;
		let spaceAfter = 0;
		const code = position < eol ? source.charCodeAt(position) : -1;
		if (code === Char.Space) {
			position++;
			initial++;
			spaceAfter = 1;
		} else if (code === Char.Tab) {
			spaceAfter = 1;
			if (((tabOrigin + initial) & 3) === 3) {
				position++;
				initial++;
			} else {
				adjustTab = 1;
			}
		}
		this.innerQuoteStart = position;
		let offset = initial;
		while (position < eol) {
			const ch = source.charCodeAt(position);
			if (ch === Char.Tab) {
				offset += 4 - ((offset + tabOrigin + adjustTab) & 3);
			} else if (ch === Char.Space) {
				offset++;
			} else {
				break;
			}
			position++;
		}
		this.innerFirst = position;
		this.innerIndent = offset - initial;
		// markdown-it measures a quote's tab stops from the start of its parent's content, not of the line.
		this.innerTabOrigin = lineIndent + 1 + spaceAfter;
		this.innerBlank = position >= eol;
	}

	/**
	 * Whether a line that lacks the `>` of the blockquotes from `matched` down is still inside them as a lazy line
	 * (markdown-it decides this when it opens each quote, looking for blocks that would end it).
	 */
	private lazyAccepts(matched: number, first: number, eol: number, lineIndent: number): boolean {
		if (first >= eol) {
			return false;
		}
		let seen = false;
		for (let i = matched; i < this.depth; i++) {
			if (this.containers[i * STRIDE + F_KIND] !== BLOCKQUOTE) {
				continue;
			}
			if (this.containers[i * STRIDE + F_LAST_EMPTY] === 1) {
				return false;
			}
			// Inside the first quote the line already counts as lazy: markdown-it gives it indent -1.
			if (this.isTerminator(ENDS_BLOCKQUOTE, first, eol, seen ? -1 : lineIndent, this.containers[i * STRIDE + F_OUTER_INDENT],
				this.containers[i * STRIDE + F_OUTER_LIST_INDENT], 0)) {
				return false;
			}
			seen = true;
		}
		return true;
	}

	// --- the per-line state machine ------------------------------------------------------------------------

	private processLine(): void {
		const eol = this.eol;
		this.classify(this.lineStart, eol, true);
		let matched = this.viewMatched;
		const first = this.viewFirst;
		const lineIndent = this.viewIndent;
		const tabOrigin = this.viewTabOrigin;
		const quoteStart = this.viewQuoteStart;
		const depth = this.depth;
		if (this.swallowing) {
			if (depth === 0) {
				return;
			}
			if (matched === depth || this.lazyAccepts(matched, first, eol, lineIndent)) {
				return;
			}
			this.swallowing = false;
			this.unwind(matched, first, lineIndent, tabOrigin, quoteStart);
			return;
		}
		if (depth > 0 && this.containers[(depth - 1) * STRIDE + F_CLOSES_AT] >= 0 && this.lineNo >= this.containers[(depth - 1) * STRIDE + F_CLOSES_AT] && matched > depth - 1) {
			matched = depth - 1;
		}
		if (this.leaf !== NO_LEAF) {
			if (this.leaf === PARAGRAPH && matched < depth && this.topQuote < matched && this.nextItemOf(matched, first, lineIndent, tabOrigin, quoteStart)) {
				return;
			}
			if (this.leaf === PARAGRAPH && matched === depth && depth > 0 && this.containers[(depth - 1) * STRIDE + F_KIND] === ITEM &&
				this.firstSubItem(first, lineIndent, tabOrigin, quoteStart)) {
				return;
			}
			if (this.leafContinues(matched, first, lineIndent, eol)) {
				return;
			}
			this.closeLeaf();
		}
		if (matched < depth) {
			this.unwind(matched, first, lineIndent, tabOrigin, quoteStart);
		} else {
			this.blockStart(first, lineIndent, tabOrigin, quoteStart);
		}
	}

	/**
	 * The commonest line of a plan: the next item of a list whose item `matched` holds (perhaps through nested items)
	 * an open paragraph, and no blockquote is involved. The general path would reach the same result — the
	 * marker interrupts the paragraph (it is outdented, so no restriction applies), item `matched` ends, and its
	 * list goes on — through several more checks. Returns false, having changed nothing, for anything else.
	 */
	private nextItemOf(matched: number, first: number, lineIndent: number, tabOrigin: number, quoteStart: number): boolean {
		const source = this.source;
		const eol = this.eol;
		if (first >= eol) {
			return false;
		}
		const containers = this.containers;
		const base = matched * STRIDE;
		if (containers[base + F_KIND] !== ITEM) {
			return false;
		}
		const markerChar = containers[base + F_MARKER];
		const code = source.charCodeAt(first);
		let after: number;
		if (code === markerChar && markerChar !== Char.Dot && markerChar !== Char.CloseParen) {
			after = first + 1;
			if (after < eol && !isSpace(source.charCodeAt(after))) {
				return false;
			}
		} else if (isDigit(code) && (markerChar === Char.Dot || markerChar === Char.CloseParen)) {
			after = orderedMarkerEnd(this.source, first, eol);
			if (after < 0 || source.charCodeAt(after - 1) !== markerChar) {
				return false;
			}
		} else {
			return false;
		}
		// The paragraph's own context: markdown-it's listIndent quirk could keep the marker as text.
		const listIndent = this.topListIndent;
		if (listIndent >= 0 && lineIndent - listIndent >= 4) {
			return false;
		}
		// Item `matched`'s list: same marker, not too indented, and not a thematic break (`- - -`, `* * *`).
		const itemListIndent = containers[base + F_INNER_LIST_INDENT];
		if (lineIndent < itemListIndent || lineIndent - itemListIndent >= 4 || (code !== Char.Plus && !isDigit(code) && isThematicBreak(this.source, first, eol, code))) {
			return false;
		}
		if (matched === this.depth - 1 && this.nextTaskInPlace(matched, first, lineIndent, after, quoteStart)) {
			return true;
		}
		this.closeLeaf();
		this.popTo(matched);
		if (this.pushItem(first, lineIndent, tabOrigin, after, markerChar)) {
			this.itemContent(quoteStart);
		}
		return true;
	}

	/**
	 * The other common shape: the first sub-item under the item whose paragraph is open (all containers
	 * continue). In markdown-it the marker interrupts the paragraph — it has content, and an ordered one starts
	 * at 1 — and then starts a list in the item; no other rule can claim the line when it is neither a
	 * thematic break nor, for want of a `|`, a table header. Returns false, having changed nothing, otherwise.
	 */
	private firstSubItem(first: number, lineIndent: number, tabOrigin: number, quoteStart: number): boolean {
		const source = this.source;
		const eol = this.eol;
		if (first >= eol || lineIndent - this.topIndent >= 4 || this.topLevel >= MAX_NESTING) {
			return false;
		}
		const code = source.charCodeAt(first);
		let after: number;
		if (code === Char.Dash || code === Char.Star || code === Char.Plus) {
			after = first + 1;
			if (after < eol && !isSpace(source.charCodeAt(after))) {
				return false;
			}
		} else if (isDigit(code)) {
			after = orderedMarkerEnd(this.source, first, eol);
			if (after < 0 || !orderedMarkerIsOne(this.source, first, after)) {
				return false;
			}
		} else {
			return false;
		}
		let position = after;
		while (position < eol && isSpace(source.charCodeAt(position))) {
			position++;
		}
		if (position >= eol || (code !== Char.Plus && !isDigit(code) && isThematicBreak(this.source, first, eol, code)) || this.hasPipe(first, eol)) {
			return false;
		}
		this.closeLeaf();
		if (this.pushItem(first, lineIndent, tabOrigin, after, source.charCodeAt(after - 1))) {
			this.itemContent(quoteStart);
		}
		return true;
	}

	/**
	 * Starts the blocks of a new item's first line (its view in the inner* fields). A checkbox right after the
	 * marker can only start a paragraph — a reference label `[c]` needs a `:` after it (unless `\]` escapes the
	 * bracket) and a table needs a `|` — so blockStart's rule-by-rule search is skipped for it.
	 */
	private itemContent(quoteStart: number): void {
		const source = this.source;
		const eol = this.eol;
		const content = this.innerFirst;
		if (content + 3 < eol && source.charCodeAt(content) === Char.OpenBracket && source.charCodeAt(content + 2) === Char.CloseBracket &&
			source.charCodeAt(content + 1) !== Char.Backslash && isSpace(source.charCodeAt(content + 3)) &&
			this.innerIndent - this.topIndent < 4 && this.topLevel < MAX_NESTING && !this.hasPipe(content, eol)) {
			this.openParagraph(content, this.innerTabOrigin, quoteStart);
		} else {
			this.blockStart(content, this.innerIndent, this.innerTabOrigin, quoteStart);
		}
	}

	/**
	 * nextItemOf when item `matched` is the innermost container and the new item is a plain task — marker, one to four
	 * spaces, `[c] `, no tab or `|` on the line. The new item takes item `matched`'s place on the stack as is (same
	 * list, marker, level and quote); only its indent and position change. Checks everything before changing
	 * anything: false means the general path must run.
	 */
	private nextTaskInPlace(matched: number, first: number, lineIndent: number, after: number, quoteStart: number): boolean {
		const source = this.source;
		const eol = this.eol;
		let content = after;
		while (content < eol && source.charCodeAt(content) === Char.Space) {
			content++;
		}
		const gap = content - after;
		if (gap === 0 || gap > 4 || content + 3 >= eol || source.charCodeAt(content) !== Char.OpenBracket ||
			source.charCodeAt(content + 2) !== Char.CloseBracket || !isSpace(source.charCodeAt(content + 3))) {
			return false;
		}
		const mark = source.charCodeAt(content + 1);
		const state = mark < 128 ? this.stateOfMark[mark] : -1;
		if (state < 0 || this.topLevel >= MAX_NESTING || this.hasTab(quoteStart, content) || this.hasPipe(content, eol)) {
			return false;
		}
		this.closeLeaf();
		const indent = lineIndent + (after - first) + gap;
		const base = matched * STRIDE;
		const containers = this.containers;
		containers[base + F_INDENT] = indent;
		containers[base + F_ITEM_LINE] = this.lineNo;
		containers[base + F_MARKER_COLUMN] = first - this.lineStart;
		containers[base + F_PENDING] = 0;
		this.topIndent = indent;
		this.leaf = PARAGRAPH;
		this.paragraphLine = this.lineNo;
		this.paragraphLines = 1;
		this.paragraphFirsts[0] = content;
		this.paragraphEnds[0] = eol;
		let textStart = content + 4;
		while (textStart < eol && isSpace(source.charCodeAt(textStart))) {
			textStart++;
		}
		this.taskKind = textStart < eol ? TASK : TASK_IF_CONTINUED;
		this.taskState = state;
		this.taskLine = this.lineNo;
		this.taskMarkerColumn = first - this.lineStart;
		this.taskCheckboxLine = this.lineNo;
		this.taskCheckboxColumn = content - this.lineStart;
		this.taskOptional = false;
		return true;
	}

	/** Closes the containers from `matched` down; a list whose item ended may go on with a new item on this line. */
	private unwind(matched: number, first: number, lineIndent: number, tabOrigin: number, quoteStart: number): void {
		// Popped entries stay readable in the containers until overwritten, so item `matched` can still be consulted.
		this.popTo(matched);
		if (this.containers[matched * STRIDE + F_KIND] === ITEM) {
			const after = this.listContinues(matched, first, lineIndent);
			if (after >= 0) {
				if (this.pushItem(first, lineIndent, tabOrigin, after, this.containers[matched * STRIDE + F_MARKER])) {
					this.blockStart(this.innerFirst, this.innerIndent, this.innerTabOrigin, quoteStart);
				}
				return;
			}
		}
		this.blockStart(first, lineIndent, tabOrigin, quoteStart);
	}

	/** markdown-it's list loop: after item `matched` ended on this line, does its list go on? Returns the position after the marker, or -1. */
	private listContinues(matched: number, first: number, lineIndent: number): number {
		const eol = this.eol;
		if (first >= eol) {
			return -1;
		}
		const listIndent = this.containers[matched * STRIDE + F_INNER_LIST_INDENT];
		if (lineIndent < listIndent || lineIndent - listIndent >= 4) {
			return -1;
		}
		if (this.isTerminator(ENDS_LIST, first, eol, lineIndent, listIndent, -1, 0)) {
			return -1;
		}
		const markerChar = this.containers[matched * STRIDE + F_MARKER];
		if (markerChar === Char.Dot || markerChar === Char.CloseParen) {
			const after = orderedMarkerEnd(this.source, first, eol);
			return after >= 0 && this.source.charCodeAt(after - 1) === markerChar ? after : -1;
		}
		const after = bulletMarkerEnd(this.source, first, eol);
		return after >= 0 && this.source.charCodeAt(first) === markerChar ? after : -1;
	}

	private popTo(depth: number): void {
		this.depth = depth;
		const top = depth - 1;
		if (top < 0) {
			this.topIndent = 0;
			this.topListIndent = -1;
			this.topLevel = 0;
			this.topQuote = -1;
			return;
		}
		const base = top * STRIDE;
		const containers = this.containers;
		this.topIndent = containers[base + F_KIND] === ITEM ? containers[base + F_INDENT] : 0;
		this.topListIndent = containers[base + F_INNER_LIST_INDENT];
		this.topLevel = containers[base + F_LEVEL];
		this.topQuote = containers[base + F_QUOTE_AT];
	}

	/** The innermost item's first block has opened: it is a task only if that block is a paragraph. */
	private markFirstBlock(): void {
		if (this.depth > 0) {
			this.containers[(this.depth - 1) * STRIDE + F_PENDING] = 0;
		}
	}

	private pushContainer(kind: number, indent: number): number {
		const i = this.depth;
		if ((i + 1) * STRIDE > this.containers.length) {
			const grown = new Int32Array(this.containers.length * 2);
			grown.set(this.containers);
			this.containers = grown;
		}
		const containers = this.containers;
		const base = i * STRIDE;
		containers[base + F_KIND] = kind;
		if (kind === ITEM) {
			containers[base + F_INDENT] = indent;
			containers[base + F_INNER_LIST_INDENT] = this.topIndent;
			containers[base + F_CLOSES_AT] = -1;
			this.topListIndent = this.topIndent;
			this.topIndent = indent;
			this.topLevel += 2;
		} else {
			containers[base + F_INDENT] = 0;
			containers[base + F_INNER_LIST_INDENT] = this.topListIndent;
			containers[base + F_OUTER_INDENT] = this.topIndent;
			containers[base + F_OUTER_LIST_INDENT] = this.topListIndent;
			containers[base + F_PENDING] = 0;
			containers[base + F_LAST_EMPTY] = 0;
			containers[base + F_CLOSES_AT] = -1;
			this.topIndent = 0;
			this.topLevel += 1;
			this.topQuote = i;
		}
		containers[base + F_LEVEL] = this.topLevel;
		containers[base + F_QUOTE_AT] = this.topQuote;
		this.depth = i + 1;
		return i;
	}

	/**
	 * Opens a list item whose marker ends at `after`. Returns true with its content's view in
	 * innerFirst/innerIndent/innerTabOrigin when the first line has content.
	 */
	private pushItem(first: number, lineIndent: number, tabOrigin: number, after: number, markerChar: number): boolean {
		const source = this.source;
		const eol = this.eol;
		const initial = lineIndent + (after - first);
		let offset = initial;
		let position = after;
		while (position < eol) {
			const code = source.charCodeAt(position);
			if (code === Char.Tab) {
				offset += 4 - ((offset + tabOrigin) & 3);
			} else if (code === Char.Space) {
				offset++;
			} else {
				break;
			}
			position++;
		}
		let indentAfterMarker = position >= eol ? 1 : offset - initial;
		if (indentAfterMarker > 4) {
			indentAfterMarker = 1;
		}
		this.markFirstBlock();
		const base = this.pushContainer(ITEM, initial + indentAfterMarker) * STRIDE;
		const containers = this.containers;
		containers[base + F_MARKER] = markerChar;
		containers[base + F_ITEM_LINE] = this.lineNo;
		containers[base + F_MARKER_COLUMN] = first - this.lineStart;
		containers[base + F_PENDING] = 1;
		if (position >= eol) {
			if (this.nextLineIsEmpty()) {
				// markdown-it closes an item that starts with an empty line followed by another empty line.
				containers[base + F_CLOSES_AT] = this.lineNo + 2;
			}
			return false;
		}
		this.innerFirst = position;
		this.innerIndent = offset;
		this.innerTabOrigin = tabOrigin;
		return true;
	}

	private nextLineIsEmpty(): boolean {
		const start = this.next;
		if (start >= this.length) {
			return true;
		}
		const eol = this.lineEndFrom(start);
		this.classify(start, eol, false);
		return this.viewFirst >= eol;
	}

	/** Starts blocks on the current line inside the innermost container, the way markdown-it's rules are tried in order. */
	private blockStart(first: number, lineIndent: number, tabOrigin: number, quoteStart: number): void {
		const source = this.source;
		const eol = this.eol;
		for (;;) {
			if (first >= eol) {
				return;
			}
			if (this.topLevel >= MAX_NESTING) {
				this.startSwallowing();
				return;
			}
			const indent = this.topIndent;
			const rel = lineIndent - indent;
			if (rel < 4 && this.hasPipe(first, eol)) {
				const columns = this.tableColumnsAt(first, eol, indent, this.next);
				if (columns > 0) {
					this.markFirstBlock();
					this.leaf = TABLE;
					this.leafLine = this.lineNo;
					this.tableColumns = columns;
					this.tableDelimiterLine = this.lineNo + 1;
					this.tableAutocompleted = 0;
					return;
				}
			}
			if (rel >= 4) {
				this.markFirstBlock();
				this.leaf = CODE;
				this.leafLine = this.lineNo;
				this.codeEnd = this.lineNo + 1;
				return;
			}
			const code = source.charCodeAt(first);
			if (code === Char.OpenBracket) {
				// Checked first only because a checkbox is by far the commonest start; the cases are disjoint.
				const extra = referenceMayStart(this.source, first, eol) ?
					referenceDefinitionLines(this.source, first, eol, this.continuationLines(indent, this.topListIndent)) : -1;
				if (extra >= 0) {
					// A definition makes no token, so it does not decide whether an item is a task.
					this.skipLines = extra;
					return;
				}
			} else if (code === Char.Backtick || code === Char.Tilde) {
				const length = fenceOpeningLength(this.source, first, eol);
				if (length > 0) {
					this.markFirstBlock();
					this.leaf = FENCE;
					this.leafLine = this.lineNo;
					this.fenceMarker = code;
					this.fenceLength = length;
					return;
				}
			} else if (code === Char.GreaterThan) {
				this.markFirstBlock();
				const i = this.pushContainer(BLOCKQUOTE, 0);
				this.peel(first, lineIndent, tabOrigin, eol);
				this.containers[i * STRIDE + F_LAST_EMPTY] = this.innerBlank ? 1 : 0;
				first = this.innerFirst;
				lineIndent = this.innerIndent;
				tabOrigin = this.innerTabOrigin;
				quoteStart = this.innerQuoteStart;
				continue;
			} else if (code === Char.Star || code === Char.Dash || code === Char.Underscore || code === Char.Plus || isDigit(code)) {
				if (code !== Char.Plus && !isDigit(code) && isThematicBreak(this.source, first, eol, code)) {
					this.markFirstBlock();
					return;
				}
				if (code !== Char.Underscore) {
					let after = orderedMarkerEnd(this.source, first, eol);
					if (after < 0) {
						after = bulletMarkerEnd(this.source, first, eol);
					}
					if (after >= 0) {
						if (!this.pushItem(first, lineIndent, tabOrigin, after, source.charCodeAt(after - 1))) {
							return;
						}
						first = this.innerFirst;
						lineIndent = this.innerIndent;
						tabOrigin = this.innerTabOrigin;
						continue;
					}
				}
			} else if (code === Char.LessThan) {
				const kind = htmlBlockKind(this.source, first, eol, true);
				if (kind > 0) {
					this.markFirstBlock();
					this.leaf = HTML;
					this.leafLine = this.lineNo;
					this.htmlKind = kind;
					this.htmlEndFrom = 0;
					this.htmlEndAt = -1;
					if (kind <= 5 && this.htmlEndsOn(first, eol)) {
						this.leaf = NO_LEAF;
						this.recordBlock('html', this.lineNo, this.lineNo + 1);
					}
					return;
				}
			} else if (code === Char.Hash) {
				const level = atxHeadingLevel(this.source, first, eol);
				if (level > 0) {
					this.markFirstBlock();
					this.pushHeading(this.lineNo, level, atxHeadingText(this.source, first + level, eol), false);
					return;
				}
			}
			this.openParagraph(first, tabOrigin, quoteStart);
			return;
		}
	}

	/** markdown-it stops parsing a container nested too deep and skips to the end of the enclosing quote. */
	private startSwallowing(): void {
		const quote = this.topQuote;
		this.popTo(quote + 1);
		this.swallowing = true;
	}

	// --- leaf blocks ---------------------------------------------------------------------------------------

	private openParagraph(first: number, tabOrigin: number, quoteStart: number): void {
		const source = this.source;
		const eol = this.eol;
		this.leaf = PARAGRAPH;
		this.paragraphLine = this.lineNo;
		this.paragraphLines = 1;
		this.paragraphFirsts[0] = first;
		this.paragraphEnds[0] = eol;
		this.taskKind = NOT_A_TASK;
		const top = this.depth - 1;
		if (top < 0 || this.containers[top * STRIDE + F_PENDING] === 0) {
			return;
		}
		this.containers[top * STRIDE + F_PENDING] = 0;
		if (this.containers[top * STRIDE + F_ITEM_LINE] === this.lineNo && this.hasTab(quoteStart, first) &&
			this.contentStartOfFirstLine(first, tabOrigin, quoteStart) !== first) {
			return;
		}
		if (first + 3 >= eol || source.charCodeAt(first) !== Char.OpenBracket || source.charCodeAt(first + 2) !== Char.CloseBracket) {
			return;
		}
		// `[c]*` then a space: an optional task, where the vocabulary has them (Kiro).
		const optional = this.optionalTasks && source.charCodeAt(first + 3) === Char.Star;
		const after = optional ? first + 4 : first + 3;
		if (after >= eol || !isSpace(source.charCodeAt(after))) {
			return;
		}
		// A table instead of an if-chain: plans mix the states at random, which branches predict badly.
		const mark = source.charCodeAt(first + 1);
		const state = mark < 128 ? this.stateOfMark[mark] : -1;
		if (state < 0) {
			return;
		}
		let textStart = after + 1;
		while (textStart < eol && isSpace(source.charCodeAt(textStart))) {
			textStart++;
		}
		this.taskKind = textStart < eol ? TASK : TASK_IF_CONTINUED;
		this.taskState = state;
		this.taskLine = this.containers[top * STRIDE + F_ITEM_LINE];
		this.taskMarkerColumn = this.containers[top * STRIDE + F_MARKER_COLUMN];
		this.taskCheckboxLine = this.lineNo;
		this.taskCheckboxColumn = first - this.lineStart;
		this.taskOptional = optional;
	}

	/** Without a tab before the content, getLines' column count lands exactly on it. */
	private hasTab(from: number, to: number): boolean {
		return this.tabs.after(from) < to;
	}

	/**
	 * Where markdown-it's paragraph text begins when the paragraph starts on its item's marker line: getLines
	 * skips blkIndent columns from the quote's line start, counting marker characters as one column and
	 * expanding tabs from its own (inside nested quotes, different) tab stops — so it can stop short of the
	 * content, and then the text starts with the marker.
	 */
	private contentStartOfFirstLine(first: number, tabOrigin: number, quoteStart: number): number {
		const source = this.source;
		const eol = this.eol;
		const indent = this.topIndent;
		let column = 0;
		let position = quoteStart;
		while (position < eol && column < indent) {
			const code = source.charCodeAt(position);
			if (code === Char.Tab) {
				column += 4 - ((column + tabOrigin) & 3);
			} else if (code === Char.Space || position < first) {
				column++;
			} else {
				break;
			}
			position++;
		}
		while (position < eol && isSpace(source.charCodeAt(position))) {
			position++;
		}
		return position;
	}

	private closeLeaf(): void {
		if (this.outline && this.leaf !== NO_LEAF) {
			this.recordClosingLeaf();
		}
		if (this.leaf === PARAGRAPH && this.taskKind !== NOT_A_TASK &&
			(this.taskKind === TASK || this.paragraphLines >= 2)) {
			const line = this.taskLine;
			const state = TASK_STATES[this.taskState];
			if (this.taskOptional) {
				this.pushOptionalTask(line, state);
			} else {
				// Two literal shapes rather than adding checkboxLine later, so every task object keeps a fixed shape.
				this.tasks.push(this.taskCheckboxLine === line ?
					{ line, state, checkboxColumn: this.taskCheckboxColumn, markerColumn: this.taskMarkerColumn } :
					{ line, state, checkboxColumn: this.taskCheckboxColumn, markerColumn: this.taskMarkerColumn,
						checkboxLine: this.taskCheckboxLine });
				this.stateCounts[this.taskState]++;
			}
		}
		this.leaf = NO_LEAF;
		this.taskKind = NOT_A_TASK;
	}

	/** Records the open leaf block, which ends before the current line. */
	private recordClosingLeaf(): void {
		switch (this.leaf) {
			case PARAGRAPH:
				this.recordBlock('paragraph', this.paragraphLine, this.paragraphLine + this.paragraphLines);
				break;
			case FENCE:
				this.recordBlock('fence', this.leafLine, this.lineNo);
				break;
			case CODE:
				this.recordBlock('code', this.leafLine, this.codeEnd);
				break;
			case HTML:
				this.recordBlock('html', this.leafLine, this.lineNo);
				break;
			case TABLE:
				this.recordBlock('table', this.leafLine, this.lineNo);
				break;
		}
	}

	private recordBlock(kind: OutlineBlockKind, line: number, endLine: number): void {
		this.outline?.push({ kind, line, endLine, nested: this.depth > 0 });
	}

	/** An optional task counts in `optional` only: it moves neither the percentage nor the status. */
	private pushOptionalTask(line: number, state: TaskState): void {
		this.tasks.push(this.taskCheckboxLine === line ?
			{ line, state, checkboxColumn: this.taskCheckboxColumn, markerColumn: this.taskMarkerColumn, optional: true } :
			{ line, state, checkboxColumn: this.taskCheckboxColumn, markerColumn: this.taskMarkerColumn,
				checkboxLine: this.taskCheckboxLine, optional: true });
		this.stateCounts[OPTIONAL]++;
	}

	/** Whether the open leaf block takes the current line (its view at container `matched`). */
	private leafContinues(matched: number, first: number, lineIndent: number, eol: number): boolean {
		const depth = this.depth;
		const indent = this.topIndent;
		const blank = first >= eol;
		if (this.leaf === PARAGRAPH) {
			if (blank) {
				return false;
			}
			if (matched < depth && this.topQuote >= matched) {
				// Outside a quote's `>`: only a lazy continuation line keeps the paragraph going.
				if (!this.lazyAccepts(matched, first, eol, lineIndent)) {
					return false;
				}
				this.addParagraphLine(first, eol);
				return true;
			}
			if (lineIndent - indent > 3) {
				this.addParagraphLine(first, eol);
				return true;
			}
			if (lineIndent >= indent) {
				const level = setextUnderlineLevel(this.source, first, eol);
				if (level > 0) {
					this.taskKind = NOT_A_TASK;
					this.pushHeading(this.paragraphLine, level, this.paragraphText(), true);
					this.leaf = NO_LEAF;
					return true;
				}
			}
			if (this.isTerminator(ENDS_PARAGRAPH, first, eol, lineIndent, indent, this.topListIndent, this.next)) {
				return false;
			}
			this.addParagraphLine(first, eol);
			return true;
		}
		if (matched < depth) {
			// Every other leaf ends where a container does; none takes lazy lines.
			return false;
		}
		const source = this.source;
		switch (this.leaf) {
			case FENCE: {
				if (blank) {
					return true;
				}
				if (lineIndent < indent) {
					return false;
				}
				if (source.charCodeAt(first) === this.fenceMarker && lineIndent - indent < 4 &&
					closesFence(source, first, eol, this.fenceMarker, this.fenceLength)) {
					this.leaf = NO_LEAF;
					this.recordBlock('fence', this.leafLine, this.lineNo + 1);
				}
				return true;
			}
			case CODE:
				if (blank) {
					return true;
				}
				if (lineIndent - indent >= 4) {
					this.codeEnd = this.lineNo + 1;
					return true;
				}
				return false;
			case HTML: {
				const endsOnBlank = this.htmlKind >= 6;
				if (blank) {
					return !endsOnBlank;
				}
				if (lineIndent < indent) {
					return false;
				}
				if (!endsOnBlank && this.htmlEndsOn(first, eol)) {
					this.leaf = NO_LEAF;
					this.recordBlock('html', this.leafLine, this.lineNo + 1);
				}
				return true;
			}
			case TABLE: {
				if (this.lineNo === this.tableDelimiterLine) {
					return true;
				}
				if (blank || lineIndent < indent) {
					return false;
				}
				if (this.isTerminator(ENDS_BLOCKQUOTE, first, eol, lineIndent, indent, this.topListIndent, 0)) {
					return false;
				}
				const rowStart = skipJsWhitespace(source, first, eol);
				const rowEnd = skipJsWhitespaceBack(source, rowStart, eol);
				if (rowStart >= rowEnd || lineIndent - indent >= 4) {
					return false;
				}
				this.tableAutocompleted += this.tableColumns - cellCount(source, rowStart, rowEnd);
				return this.tableAutocompleted <= MAX_AUTOCOMPLETED_CELLS;
			}
		}
		return false;
	}

	/**
	 * Blocks close in line order — a heading ends any paragraph before it — so the tasks counted so far are
	 * exactly those above the heading; a section's counts are the difference of two such snapshots.
	 */
	private pushHeading(line: number, level: number, rawText: string, setext: boolean): void {
		// markdown-it reads NUL as U+FFFD (a title must not carry a control character the preview never shows).
		const text = rawText.indexOf('\0') < 0 ? rawText : rawText.replace(/\0/g, '\ufffd');
		this.headings.push({ line, level, text });
		if (this.outline) {
			const heading: OutlineHeading = { kind: 'heading', line, endLine: this.lineNo + 1, nested: this.depth > 0, level, text, setext };
			this.outline.push(heading);
		}
		const counts = this.stateCounts;
		this.countsBefore.push(counts[0], counts[1], counts[2], counts[3], counts[4]);
	}

	/** The counts after the last task, appended after the per-heading snapshots. */
	finishCounts(): void {
		const counts = this.stateCounts;
		this.countsBefore.push(counts[0], counts[1], counts[2], counts[3], counts[4]);
	}

	private addParagraphLine(first: number, eol: number): void {
		const i = this.paragraphLines++;
		this.paragraphFirsts[i] = first;
		this.paragraphEnds[i] = eol;
	}

	private paragraphText(): string {
		let text = '';
		for (let i = 0; i < this.paragraphLines; i++) {
			const part = asciiTrim(this.source, this.paragraphFirsts[i], this.paragraphEnds[i]);
			if (part.length > 0) {
				text = text.length > 0 ? text + ' ' + part : part;
			}
		}
		return text;
	}

	// --- block rules in validation mode -------------------------------------------------------------------

	/**
	 * Whether a block that may interrupt the given kind of block starts on the line. `lineIndent` is the line's indent
	 * in the frame of the interrupted block's context (-1 for a lazy line inside a quote), `indent` and
	 * `listIndent` that context's blkIndent and listIndent; `nextStart` is where the following line starts
	 * (tables need it).
	 */
	private isTerminator(set: number, first: number, eol: number, lineIndent: number, indent: number, listIndent: number,
		nextStart: number): boolean {
		if (first >= eol || lineIndent - indent >= 4) {
			return false;
		}
		const code = this.source.charCodeAt(first);
		if (code === Char.Backtick || code === Char.Tilde) {
			if (fenceOpeningLength(this.source, first, eol) > 0) {
				return true;
			}
		} else if (code === Char.GreaterThan) {
			return true;
		} else if (code === Char.Star || code === Char.Dash || code === Char.Underscore || code === Char.Plus || isDigit(code)) {
			if (code !== Char.Plus && !isDigit(code) && isThematicBreak(this.source, first, eol, code)) {
				return true;
			}
			if (code !== Char.Underscore && set !== ENDS_LIST && this.listInterrupts(set, first, eol, lineIndent, indent, listIndent)) {
				return true;
			}
		} else if (code === Char.LessThan) {
			if (set !== ENDS_LIST && htmlBlockKind(this.source, first, eol, false) > 0) {
				return true;
			}
		} else if (code === Char.Hash) {
			if (set !== ENDS_LIST && atxHeadingLevel(this.source, first, eol) > 0) {
				return true;
			}
		}
		if ((set === ENDS_PARAGRAPH || set === ENDS_REFERENCE) && this.hasPipe(first, eol)) {
			return this.tableColumnsAt(first, eol, indent, nextStart) > 0;
		}
		return false;
	}

	private listInterrupts(set: number, first: number, eol: number, lineIndent: number, indent: number,
		listIndent: number): boolean {
		// markdown-it: a marker indented 4+ past the enclosing list but short of the item's content is text.
		if (listIndent >= 0 && lineIndent - listIndent >= 4 && lineIndent < indent) {
			return false;
		}
		const interruptsParagraph = set === ENDS_PARAGRAPH && lineIndent >= indent;
		let after = orderedMarkerEnd(this.source, first, eol);
		if (after >= 0) {
			if (interruptsParagraph && !orderedMarkerIsOne(this.source, first, after)) {
				return false;
			}
		} else {
			after = bulletMarkerEnd(this.source, first, eol);
			if (after < 0) {
				return false;
			}
		}
		if (interruptsParagraph) {
			let position = after;
			while (position < eol && isSpace(this.source.charCodeAt(position))) {
				position++;
			}
			if (position >= eol) {
				return false;
			}
		}
		return true;
	}

	// --- tables --------------------------------------------------------------------------------------------

	/**
	 * markdown-it's table rule: the line is a header row when the next line, inside the same containers, is a
	 * delimiter row with as many columns. Returns the column count, or 0.
	 */
	private tableColumnsAt(first: number, eol: number, indent: number, nextStart: number): number {
		if (nextStart >= this.length) {
			return 0;
		}
		const source = this.source;
		const nextEol = this.lineEndFrom(nextStart);
		this.classify(nextStart, nextEol, false);
		if (this.viewMatched !== this.depth) {
			return 0;
		}
		const nextFirst = this.viewFirst;
		const nextIndent = this.viewIndent;
		if (nextFirst >= nextEol || nextIndent < indent || nextIndent - indent >= 4) {
			return 0;
		}
		const delimiterColumns = delimiterRowColumns(source, nextFirst, nextEol);
		if (delimiterColumns === 0) {
			return 0;
		}
		const rowStart = skipJsWhitespace(source, first, eol);
		const columns = cellCount(source, rowStart, skipJsWhitespaceBack(source, rowStart, eol));
		return columns === delimiterColumns ? columns : 0;
	}

	// --- HTML blocks ---------------------------------------------------------------------------------------

	/** Whether the end sequence of the open HTML block (kinds 1–5) occurs in [first, eol). */
	private htmlEndsOn(first: number, eol: number): boolean {
		if (first < this.htmlEndFrom || first > this.htmlEndAt) {
			this.htmlEndFrom = first;
			this.htmlEndAt = htmlBlockEnd(this.source, this.htmlKind, first);
		}
		return this.htmlEndAt < eol;
	}

	// --- link reference definitions ------------------------------------------------------------------------

	/**
	 * Where a reference definition may go on: the view start of the line at `start`, or -1 when it is empty,
	 * outside the enclosing quotes, or starts a block that ends a definition (markdown-it's getNextLinePos).
	 * Leaves the line's end in peekedLineEnd.
	 */
	private referenceContinuation(start: number, indent: number, listIndent: number): number {
		if (start >= this.length) {
			return -1;
		}
		const eol = this.lineEndFrom(start);
		this.peekedLineEnd = eol;
		this.classify(start, eol, false);
		const matched = this.viewMatched;
		const first = this.viewFirst;
		const lineIndent = this.viewIndent;
		if (first >= eol) {
			return -1;
		}
		const depth = this.depth;
		if (matched < depth && this.topQuote >= matched) {
			return this.lazyAccepts(matched, first, eol, lineIndent) ? first : -1;
		}
		if (lineIndent - indent > 3) {
			return first;
		}
		const nextStart = this.nextStart(eol);
		if (this.isTerminator(ENDS_REFERENCE, first, eol, lineIndent, indent, listIndent, nextStart)) {
			return -1;
		}
		return first;
	}

	/** The lines a reference definition may go on to, inside the containers of its first line. */
	private continuationLines(indent: number, listIndent: number): ContinuationLines {
		return {
			contentAfter: (lineEnd: number): number => this.referenceContinuation(this.nextStart(lineEnd), indent, listIndent),
			acceptedLineEnd: (): number => this.peekedLineEnd,
		};
	}
}
