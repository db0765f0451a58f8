// Finds the tasks and headings of a markdown document in one pass (DESIGN.md §3), agreeing with
// markdown-it 14 (`html: true`, as VS Code's preview configures it) on what is a list-item task and what is
// a heading. It is a line-oriented state machine that replays markdown-it's block rules — including its
// quirks, because markdown-it is the oracle — without building tokens or strings: it runs on every
// keystroke in a PLAN.md of thousands of tasks.

import { TaskCounts, TaskState, Phase, makeCounts } from '../model/stream';
import { STANDARD_TASKS, TaskVocabulary } from '../tasks/taskVocabulary';
import { LineEnds } from './lineEnds';
import { NextOccurrence } from './nextOccurrence';

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
}

/**
 * Finds every task and heading of a markdown document, reading its checkboxes with `vocabulary` (DESIGN.md §3
 * unless a layout says otherwise). Never throws.
 */
export function scanPlan(text: string, vocabulary: TaskVocabulary = STANDARD_TASKS): PlanScan {
	const source = typeof text === 'string' ? text : '';
	try {
		return scanPlanOrThrow(source, vocabulary);
	} catch {
		// A bug must not take the tree view down with it: report the document as empty rather than throw.
		return assemble({ tasks: [], headings: [], countsBefore: [0, 0, 0, 0, 0], lineCount: countLines(source), vocabulary });
	}
}

/** scanPlan without the safety net, so that tests see a scanner bug as the exception it is. */
export function scanPlanOrThrow(text: string, vocabulary: TaskVocabulary = STANDARD_TASKS): PlanScan {
	const scanner = new BlockScanner(text, vocabulary);
	scanner.run();
	return assemble(scanner);
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

/**
 * The number of lines of YAML front matter at the top of `text` (the `---` line through the closing `---` or
 * `...` line), or 0 when there is none. Front matter is not markdown, so nothing in it is a task or heading.
 */
export function frontMatterLineCount(text: string): number {
	const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	if (!text.startsWith('---', start)) {
		return 0;
	}
	const lines = new LineEnds(text);
	let end = lines.endOf(start);
	if (!isDelimiterLine(text, start, end, DASH)) {
		return 0;
	}
	let pos = lines.nextLineStart(end);
	for (let line = 1; pos < text.length; line++) {
		end = lines.endOf(pos);
		if (isDelimiterLine(text, pos, end, DASH) || isDelimiterLine(text, pos, end, DOT)) {
			return line + 1;
		}
		pos = lines.nextLineStart(end);
	}
	return 0;
}

// ---------------------------------------------------------------------------------------------------------
// Character codes and small predicates.

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const BANG = 0x21;
const DQUOTE = 0x22;
const HASH = 0x23;
const SQUOTE = 0x27;
const LPAREN = 0x28;
const RPAREN = 0x29;
const STAR = 0x2a;
const PLUS = 0x2b;
const DASH = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const COLON = 0x3a;
const LT = 0x3c;
const EQUALS = 0x3d;
const GT = 0x3e;
const QUESTION = 0x3f;
const LBRACKET = 0x5b;
const BACKSLASH = 0x5c;
const RBRACKET = 0x5d;
const UNDERSCORE = 0x5f;
const BACKTICK = 0x60;
const PIPE = 0x7c;
const TILDE = 0x7e;

function isSpace(c: number): boolean {
	return c === SPACE || c === TAB;
}

function isDigit(c: number): boolean {
	return c >= 0x30 && c <= 0x39;
}

function isAsciiLetter(c: number): boolean {
	return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiAlnum(c: number): boolean {
	return isAsciiLetter(c) || isDigit(c);
}

/** JavaScript's `\s` and `String.prototype.trim` set, which markdown-it's regexps and trims use. */
function isJsWhitespace(c: number): boolean {
	return c === SPACE || (c >= TAB && c <= CR) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isDelimiterLine(text: string, start: number, end: number, marker: number): boolean {
	if (end - start < 3 || text.charCodeAt(start) !== marker || text.charCodeAt(start + 1) !== marker ||
		text.charCodeAt(start + 2) !== marker) {
		return false;
	}
	for (let i = start + 3; i < end; i++) {
		if (!isSpace(text.charCodeAt(i))) {
			return false;
		}
	}
	return true;
}

/** Lines as an editor counts them: line breaks (`\n`, `\r\n`, lone `\r`) plus one. */
function countLines(text: string): number {
	let count = 1;
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
		count++;
	}
	for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
		if (text.charCodeAt(i + 1) !== LF) {
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
	const n = raw.length;
	return {
		tasks: found.tasks,
		headings,
		counts: makeCounts(before[5 * n], before[5 * n + 1], before[5 * n + 2], before[5 * n + 3],
			found.vocabulary.optionalMarker ? before[5 * n + 4] : undefined),
		lineCount: found.lineCount,
		vocabulary: found.vocabulary,
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

const HTML_BLOCK_NAMES: readonly string[] = [
	'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup',
	'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
	'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend',
	'li', 'link', 'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param',
	'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul',
];
const HTML_RAW_NAMES: readonly string[] = ['script', 'pre', 'style', 'textarea'];

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

	private readonly s: string;
	private readonly len: number;

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
	private n = 0;
	private box = new Int32Array(16 * STRIDE);
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
	private cFirst = 0;
	private cSCount = 0;
	private cBs = 0;
	/** Where the line starts inside the last matched quote (markdown-it's bMarks). */
	private cBMark = 0;
	private cM = 0;
	// Result of peel() and of pushItem().
	private pFirst = 0;
	private pBMark = 0;
	private pSCount = 0;
	private pBs = 0;
	private pBlank = false;
	private peekEol = 0;

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

	constructor(text: string, vocabulary: TaskVocabulary) {
		this.vocabulary = vocabulary;
		this.stateOfMark = stateOfMarkTable(vocabulary);
		this.optionalTasks = vocabulary.optionalMarker;
		this.s = text;
		this.len = text.length;
		this.lineEnds = new LineEnds(text);
		this.pipes = new NextOccurrence(text, '|');
		this.tabs = new NextOccurrence(text, '\t');
		this.hasCR = this.lineEnds.hasCarriageReturn;
	}

	run(): void {
		const len = this.len;
		let pos = this.s.charCodeAt(0) === 0xfeff ? 1 : 0;
		const frontMatter = frontMatterLineCount(this.s);
		for (let i = 0; i < frontMatter; i++) {
			pos = this.nextStart(this.lineEndFrom(pos));
			this.lineNo++;
		}
		const s = this.s;
		const hasCR = this.hasCR;
		while (pos < len) {
			let eol: number;
			let next: number;
			if (hasCR) {
				eol = this.lineEndFrom(pos);
				next = this.nextStart(eol);
			} else {
				eol = s.indexOf('\n', pos);
				if (eol < 0) {
					eol = len;
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
		this.closeLeaf();
		this.finishCounts();
		const last = len > 0 ? this.s.charCodeAt(len - 1) : 0;
		this.lineCount = this.lineNo + (last === LF || last === CR ? 1 : 0);
		if (this.lineCount === 0) {
			this.lineCount = 1;
		}
	}

	// --- lines -------------------------------------------------------------------------------------------

	private lineEndFrom(pos: number): number {
		if (this.hasCR) {
			return this.lineEnds.endOf(pos);
		}
		// Without a `\r`, each search stops at its own line's end: no need to remember it.
		const lf = this.s.indexOf('\n', pos);
		return lf < 0 ? this.len : lf;
	}

	private nextStart(eol: number): number {
		if (eol >= this.len) {
			return this.len;
		}
		return this.hasCR && this.s.charCodeAt(eol) === CR && this.s.charCodeAt(eol + 1) === LF ? eol + 2 : eol + 1;
	}

	private hasPipe(from: number, to: number): boolean {
		return this.pipes.after(from) < to;
	}

	/**
	 * Peels the containers that continue on the line [start, eol): block quotes whose `>` is there and list
	 * items indented enough (blank lines keep items open). Sets cFirst/cSCount/cBs to the view of the line
	 * inside the last matched container and cM to the index of the first container that did not match.
	 */
	private classify(start: number, eol: number, commit: boolean): void {
		const s = this.s;
		let p = start;
		let sc = 0;
		while (p < eol) {
			const c = s.charCodeAt(p);
			if (c === SPACE) {
				sc++;
			} else if (c === TAB) {
				sc += 4 - (sc & 3);
			} else {
				break;
			}
			p++;
		}
		let bs = 0;
		let bmark = start;
		const n = this.n;
		let i = 0;
		for (; i < n; i++) {
			if (this.box[i * STRIDE + F_KIND] === ITEM) {
				if (p >= eol || sc >= this.box[i * STRIDE + F_INDENT]) {
					continue;
				}
				break;
			}
			if (p >= eol || s.charCodeAt(p) !== GT) {
				break;
			}
			this.peel(p, sc, bs, eol);
			p = this.pFirst;
			sc = this.pSCount;
			bs = this.pBs;
			bmark = this.pBMark;
			if (commit) {
				this.box[i * STRIDE + F_LAST_EMPTY] = this.pBlank ? 1 : 0;
			}
		}
		this.cFirst = p;
		this.cSCount = sc;
		this.cBs = bs;
		this.cBMark = bmark;
		this.cM = i;
	}

	/** Steps over a `>` at `gt` (and one optional space) the way markdown-it's blockquote rule does. */
	private peel(gt: number, sc: number, bs: number, eol: number): void {
		const s = this.s;
		let p = gt + 1;
		let initial = sc + 1;
		let adjustTab = 0;
		let spaceAfter = 0;
		const c = p < eol ? s.charCodeAt(p) : -1;
		if (c === SPACE) {
			p++;
			initial++;
			spaceAfter = 1;
		} else if (c === TAB) {
			spaceAfter = 1;
			if (((bs + initial) & 3) === 3) {
				p++;
				initial++;
			} else {
				adjustTab = 1;
			}
		}
		this.pBMark = p;
		let offset = initial;
		while (p < eol) {
			const ch = s.charCodeAt(p);
			if (ch === TAB) {
				offset += 4 - ((offset + bs + adjustTab) & 3);
			} else if (ch === SPACE) {
				offset++;
			} else {
				break;
			}
			p++;
		}
		this.pFirst = p;
		this.pSCount = offset - initial;
		// markdown-it measures a quote's tab stops from the start of its parent's content, not of the line.
		this.pBs = sc + 1 + spaceAfter;
		this.pBlank = p >= eol;
	}

	/**
	 * Whether a line that lacks the `>` of the blockquotes from `m` down is still inside them as a lazy line
	 * (markdown-it decides this when it opens each quote, looking for blocks that would end it).
	 */
	private lazyAccepts(m: number, first: number, eol: number, sc: number): boolean {
		if (first >= eol) {
			return false;
		}
		let seen = false;
		for (let i = m; i < this.n; i++) {
			if (this.box[i * STRIDE + F_KIND] !== BLOCKQUOTE) {
				continue;
			}
			if (this.box[i * STRIDE + F_LAST_EMPTY] === 1) {
				return false;
			}
			// Inside the first quote the line already counts as lazy: markdown-it gives it indent -1.
			if (this.isTerminator(ENDS_BLOCKQUOTE, first, eol, seen ? -1 : sc, this.box[i * STRIDE + F_OUTER_INDENT],
				this.box[i * STRIDE + F_OUTER_LIST_INDENT], 0)) {
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
		let m = this.cM;
		const first = this.cFirst;
		const sc = this.cSCount;
		const bs = this.cBs;
		const bmark = this.cBMark;
		const n = this.n;
		if (this.swallowing) {
			if (n === 0) {
				return;
			}
			if (m === n || this.lazyAccepts(m, first, eol, sc)) {
				return;
			}
			this.swallowing = false;
			this.unwind(m, first, sc, bs, bmark);
			return;
		}
		if (n > 0 && this.box[(n - 1) * STRIDE + F_CLOSES_AT] >= 0 && this.lineNo >= this.box[(n - 1) * STRIDE + F_CLOSES_AT] && m > n - 1) {
			m = n - 1;
		}
		if (this.leaf !== NO_LEAF) {
			if (this.leaf === PARAGRAPH && m < n && this.topQuote < m && this.nextItemOf(m, first, sc, bs, bmark)) {
				return;
			}
			if (this.leaf === PARAGRAPH && m === n && n > 0 && this.box[(n - 1) * STRIDE + F_KIND] === ITEM &&
				this.firstSubItem(first, sc, bs, bmark)) {
				return;
			}
			if (this.leafContinues(m, first, sc, eol)) {
				return;
			}
			this.closeLeaf();
		}
		if (m < n) {
			this.unwind(m, first, sc, bs, bmark);
		} else {
			this.blockStart(first, sc, bs, bmark);
		}
	}

	/**
	 * The commonest line of a plan: the next item of a list whose item `m` holds (perhaps through nested items)
	 * an open paragraph, and no blockquote is involved. The general path would reach the same result — the
	 * marker interrupts the paragraph (it is outdented, so no restriction applies), item `m` ends, and its
	 * list goes on — through several more checks. Returns false, having changed nothing, for anything else.
	 */
	private nextItemOf(m: number, first: number, sc: number, bs: number, bmark: number): boolean {
		const s = this.s;
		const eol = this.eol;
		if (first >= eol) {
			return false;
		}
		const box = this.box;
		const base = m * STRIDE;
		if (box[base + F_KIND] !== ITEM) {
			return false;
		}
		const markerChar = box[base + F_MARKER];
		const c = s.charCodeAt(first);
		let after: number;
		if (c === markerChar && markerChar !== DOT && markerChar !== RPAREN) {
			after = first + 1;
			if (after < eol && !isSpace(s.charCodeAt(after))) {
				return false;
			}
		} else if (isDigit(c) && (markerChar === DOT || markerChar === RPAREN)) {
			after = this.orderedMarkerEnd(first, eol);
			if (after < 0 || s.charCodeAt(after - 1) !== markerChar) {
				return false;
			}
		} else {
			return false;
		}
		// The paragraph's own context: markdown-it's listIndent quirk could keep the marker as text.
		const listIndent = this.topListIndent;
		if (listIndent >= 0 && sc - listIndent >= 4) {
			return false;
		}
		// Item m's list: same marker, not too indented, and not a thematic break (`- - -`, `* * *`).
		const itemListIndent = box[base + F_INNER_LIST_INDENT];
		if (sc < itemListIndent || sc - itemListIndent >= 4 || (c !== PLUS && !isDigit(c) && this.isHr(first, eol, c))) {
			return false;
		}
		if (m === this.n - 1 && this.nextTaskInPlace(m, first, sc, after, bmark)) {
			return true;
		}
		this.closeLeaf();
		this.popTo(m);
		if (this.pushItem(first, sc, bs, after, markerChar)) {
			this.itemContent(bmark);
		}
		return true;
	}

	/**
	 * The other common shape: the first sub-item under the item whose paragraph is open (all containers
	 * continue). In markdown-it the marker interrupts the paragraph — it has content, and an ordered one starts
	 * at 1 — and then starts a list in the item; no other rule can claim the line when it is neither a
	 * thematic break nor, for want of a `|`, a table header. Returns false, having changed nothing, otherwise.
	 */
	private firstSubItem(first: number, sc: number, bs: number, bmark: number): boolean {
		const s = this.s;
		const eol = this.eol;
		if (first >= eol || sc - this.topIndent >= 4 || this.topLevel >= MAX_NESTING) {
			return false;
		}
		const c = s.charCodeAt(first);
		let after: number;
		if (c === DASH || c === STAR || c === PLUS) {
			after = first + 1;
			if (after < eol && !isSpace(s.charCodeAt(after))) {
				return false;
			}
		} else if (isDigit(c)) {
			after = this.orderedMarkerEnd(first, eol);
			if (after < 0 || !this.orderedValueIsOne(first, after - 1)) {
				return false;
			}
		} else {
			return false;
		}
		let p = after;
		while (p < eol && isSpace(s.charCodeAt(p))) {
			p++;
		}
		if (p >= eol || (c !== PLUS && !isDigit(c) && this.isHr(first, eol, c)) || this.hasPipe(first, eol)) {
			return false;
		}
		this.closeLeaf();
		if (this.pushItem(first, sc, bs, after, s.charCodeAt(after - 1))) {
			this.itemContent(bmark);
		}
		return true;
	}

	/**
	 * Starts the blocks of a new item's first line (its view in pFirst/pSCount/pBs). A checkbox right after the
	 * marker can only start a paragraph — a reference label `[c]` needs a `:` after it (unless `\]` escapes the
	 * bracket) and a table needs a `|` — so blockStart's rule-by-rule search is skipped for it.
	 */
	private itemContent(bmark: number): void {
		const s = this.s;
		const eol = this.eol;
		const content = this.pFirst;
		if (content + 3 < eol && s.charCodeAt(content) === LBRACKET && s.charCodeAt(content + 2) === RBRACKET &&
			s.charCodeAt(content + 1) !== BACKSLASH && isSpace(s.charCodeAt(content + 3)) &&
			this.pSCount - this.topIndent < 4 && this.topLevel < MAX_NESTING && !this.hasPipe(content, eol)) {
			this.openParagraph(content, this.pBs, bmark);
		} else {
			this.blockStart(content, this.pSCount, this.pBs, bmark);
		}
	}

	/**
	 * nextItemOf when item `m` is the innermost container and the new item is a plain task — marker, one to four
	 * spaces, `[c] `, no tab or `|` on the line. The new item takes item m's place on the stack as is (same
	 * list, marker, level and quote); only its indent and position change. Checks everything before changing
	 * anything: false means the general path must run.
	 */
	private nextTaskInPlace(m: number, first: number, sc: number, after: number, bmark: number): boolean {
		const s = this.s;
		const eol = this.eol;
		let content = after;
		while (content < eol && s.charCodeAt(content) === SPACE) {
			content++;
		}
		const gap = content - after;
		if (gap === 0 || gap > 4 || content + 3 >= eol || s.charCodeAt(content) !== LBRACKET ||
			s.charCodeAt(content + 2) !== RBRACKET || !isSpace(s.charCodeAt(content + 3))) {
			return false;
		}
		const mark = s.charCodeAt(content + 1);
		const state = mark < 128 ? this.stateOfMark[mark] : -1;
		if (state < 0 || this.topLevel >= MAX_NESTING || this.hasTab(bmark, content) || this.hasPipe(content, eol)) {
			return false;
		}
		this.closeLeaf();
		const indent = sc + (after - first) + gap;
		const base = m * STRIDE;
		const box = this.box;
		box[base + F_INDENT] = indent;
		box[base + F_ITEM_LINE] = this.lineNo;
		box[base + F_MARKER_COLUMN] = first - this.lineStart;
		box[base + F_PENDING] = 0;
		this.topIndent = indent;
		this.leaf = PARAGRAPH;
		this.paragraphLine = this.lineNo;
		this.paragraphLines = 1;
		this.paragraphFirsts[0] = content;
		this.paragraphEnds[0] = eol;
		let q = content + 4;
		while (q < eol && isSpace(s.charCodeAt(q))) {
			q++;
		}
		this.taskKind = q < eol ? TASK : TASK_IF_CONTINUED;
		this.taskState = state;
		this.taskLine = this.lineNo;
		this.taskMarkerColumn = first - this.lineStart;
		this.taskCheckboxLine = this.lineNo;
		this.taskCheckboxColumn = content - this.lineStart;
		this.taskOptional = false;
		return true;
	}

	/** Closes the containers from `m` down; a list whose item ended may go on with a new item on this line. */
	private unwind(m: number, first: number, sc: number, bs: number, bmark: number): void {
		// Popped entries stay readable in the box until overwritten, so item m can still be consulted.
		this.popTo(m);
		if (this.box[m * STRIDE + F_KIND] === ITEM) {
			const after = this.listContinues(m, first, sc);
			if (after >= 0) {
				if (this.pushItem(first, sc, bs, after, this.box[m * STRIDE + F_MARKER])) {
					this.blockStart(this.pFirst, this.pSCount, this.pBs, bmark);
				}
				return;
			}
		}
		this.blockStart(first, sc, bs, bmark);
	}

	/** markdown-it's list loop: after item `m` ended on this line, does its list go on? Returns the position after the marker, or -1. */
	private listContinues(m: number, first: number, sc: number): number {
		const eol = this.eol;
		if (first >= eol) {
			return -1;
		}
		const listIndent = this.box[m * STRIDE + F_INNER_LIST_INDENT];
		if (sc < listIndent || sc - listIndent >= 4) {
			return -1;
		}
		if (this.isTerminator(ENDS_LIST, first, eol, sc, listIndent, -1, 0)) {
			return -1;
		}
		const markerChar = this.box[m * STRIDE + F_MARKER];
		if (markerChar === DOT || markerChar === RPAREN) {
			const after = this.orderedMarkerEnd(first, eol);
			return after >= 0 && this.s.charCodeAt(after - 1) === markerChar ? after : -1;
		}
		const after = this.bulletMarkerEnd(first, eol);
		return after >= 0 && this.s.charCodeAt(first) === markerChar ? after : -1;
	}

	private popTo(depth: number): void {
		this.n = depth;
		const top = depth - 1;
		if (top < 0) {
			this.topIndent = 0;
			this.topListIndent = -1;
			this.topLevel = 0;
			this.topQuote = -1;
			return;
		}
		const base = top * STRIDE;
		const box = this.box;
		this.topIndent = box[base + F_KIND] === ITEM ? box[base + F_INDENT] : 0;
		this.topListIndent = box[base + F_INNER_LIST_INDENT];
		this.topLevel = box[base + F_LEVEL];
		this.topQuote = box[base + F_QUOTE_AT];
	}

	/** The innermost item's first block has opened: it is a task only if that block is a paragraph. */
	private markFirstBlock(): void {
		if (this.n > 0) {
			this.box[(this.n - 1) * STRIDE + F_PENDING] = 0;
		}
	}

	private pushContainer(kind: number, indent: number): number {
		const i = this.n;
		if ((i + 1) * STRIDE > this.box.length) {
			const grown = new Int32Array(this.box.length * 2);
			grown.set(this.box);
			this.box = grown;
		}
		const box = this.box;
		const base = i * STRIDE;
		box[base + F_KIND] = kind;
		if (kind === ITEM) {
			box[base + F_INDENT] = indent;
			box[base + F_INNER_LIST_INDENT] = this.topIndent;
			box[base + F_CLOSES_AT] = -1;
			this.topListIndent = this.topIndent;
			this.topIndent = indent;
			this.topLevel += 2;
		} else {
			box[base + F_INDENT] = 0;
			box[base + F_INNER_LIST_INDENT] = this.topListIndent;
			box[base + F_OUTER_INDENT] = this.topIndent;
			box[base + F_OUTER_LIST_INDENT] = this.topListIndent;
			box[base + F_PENDING] = 0;
			box[base + F_LAST_EMPTY] = 0;
			box[base + F_CLOSES_AT] = -1;
			this.topIndent = 0;
			this.topLevel += 1;
			this.topQuote = i;
		}
		box[base + F_LEVEL] = this.topLevel;
		box[base + F_QUOTE_AT] = this.topQuote;
		this.n = i + 1;
		return i;
	}

	/**
	 * Opens a list item whose marker ends at `after`. Returns true with its content's view in
	 * pFirst/pSCount/pBs when the first line has content.
	 */
	private pushItem(first: number, sc: number, bs: number, after: number, markerChar: number): boolean {
		const s = this.s;
		const eol = this.eol;
		const initial = sc + (after - first);
		let offset = initial;
		let p = after;
		while (p < eol) {
			const c = s.charCodeAt(p);
			if (c === TAB) {
				offset += 4 - ((offset + bs) & 3);
			} else if (c === SPACE) {
				offset++;
			} else {
				break;
			}
			p++;
		}
		let indentAfterMarker = p >= eol ? 1 : offset - initial;
		if (indentAfterMarker > 4) {
			indentAfterMarker = 1;
		}
		this.markFirstBlock();
		const base = this.pushContainer(ITEM, initial + indentAfterMarker) * STRIDE;
		const box = this.box;
		box[base + F_MARKER] = markerChar;
		box[base + F_ITEM_LINE] = this.lineNo;
		box[base + F_MARKER_COLUMN] = first - this.lineStart;
		box[base + F_PENDING] = 1;
		if (p >= eol) {
			if (this.nextLineIsEmpty()) {
				// markdown-it closes an item that starts with an empty line followed by another empty line.
				box[base + F_CLOSES_AT] = this.lineNo + 2;
			}
			return false;
		}
		this.pFirst = p;
		this.pSCount = offset;
		this.pBs = bs;
		return true;
	}

	private nextLineIsEmpty(): boolean {
		const start = this.next;
		if (start >= this.len) {
			return true;
		}
		const eol = this.lineEndFrom(start);
		this.classify(start, eol, false);
		return this.cFirst >= eol;
	}

	/** Starts blocks on the current line inside the innermost container, the way markdown-it's rules are tried in order. */
	private blockStart(first: number, sc: number, bs: number, bmark: number): void {
		const s = this.s;
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
			const rel = sc - indent;
			if (rel < 4 && this.hasPipe(first, eol)) {
				const columns = this.tableColumnsAt(first, eol, indent, this.next);
				if (columns > 0) {
					this.markFirstBlock();
					this.leaf = TABLE;
					this.tableColumns = columns;
					this.tableDelimiterLine = this.lineNo + 1;
					this.tableAutocompleted = 0;
					return;
				}
			}
			if (rel >= 4) {
				this.markFirstBlock();
				this.leaf = CODE;
				return;
			}
			const c = s.charCodeAt(first);
			if (c === LBRACKET) {
				// Checked first only because a checkbox is by far the commonest start; the cases are disjoint.
				const extra = this.referenceMayStart(first, eol) ?
					this.tryReference(first, eol, indent, this.topListIndent) : -1;
				if (extra >= 0) {
					// A definition makes no token, so it does not decide whether an item is a task.
					this.skipLines = extra;
					return;
				}
			} else if (c === BACKTICK || c === TILDE) {
				const length = this.fenceOpening(first, eol);
				if (length > 0) {
					this.markFirstBlock();
					this.leaf = FENCE;
					this.fenceMarker = c;
					this.fenceLength = length;
					return;
				}
			} else if (c === GT) {
				this.markFirstBlock();
				const i = this.pushContainer(BLOCKQUOTE, 0);
				this.peel(first, sc, bs, eol);
				this.box[i * STRIDE + F_LAST_EMPTY] = this.pBlank ? 1 : 0;
				first = this.pFirst;
				sc = this.pSCount;
				bs = this.pBs;
				bmark = this.pBMark;
				continue;
			} else if (c === STAR || c === DASH || c === UNDERSCORE || c === PLUS || isDigit(c)) {
				if (c !== PLUS && !isDigit(c) && this.isHr(first, eol, c)) {
					this.markFirstBlock();
					return;
				}
				if (c !== UNDERSCORE) {
					let after = this.orderedMarkerEnd(first, eol);
					if (after < 0) {
						after = this.bulletMarkerEnd(first, eol);
					}
					if (after >= 0) {
						if (!this.pushItem(first, sc, bs, after, s.charCodeAt(after - 1))) {
							return;
						}
						first = this.pFirst;
						sc = this.pSCount;
						bs = this.pBs;
						continue;
					}
				}
			} else if (c === LT) {
				const kind = this.htmlBlockKind(first, eol, true);
				if (kind > 0) {
					this.markFirstBlock();
					this.leaf = HTML;
					this.htmlKind = kind;
					this.htmlEndFrom = 0;
					this.htmlEndAt = -1;
					if (kind <= 5 && this.htmlEndsOn(first, eol)) {
						this.leaf = NO_LEAF;
					}
					return;
				}
			} else if (c === HASH) {
				const level = this.atxLevel(first, eol);
				if (level > 0) {
					this.markFirstBlock();
					this.pushHeading(this.lineNo, level, this.atxText(first + level, eol));
					return;
				}
			}
			this.openParagraph(first, bs, bmark);
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

	private openParagraph(first: number, bs: number, bmark: number): void {
		const s = this.s;
		const eol = this.eol;
		this.leaf = PARAGRAPH;
		this.paragraphLine = this.lineNo;
		this.paragraphLines = 1;
		this.paragraphFirsts[0] = first;
		this.paragraphEnds[0] = eol;
		this.taskKind = NOT_A_TASK;
		const top = this.n - 1;
		if (top < 0 || this.box[top * STRIDE + F_PENDING] === 0) {
			return;
		}
		this.box[top * STRIDE + F_PENDING] = 0;
		if (this.box[top * STRIDE + F_ITEM_LINE] === this.lineNo && this.hasTab(bmark, first) &&
			this.contentStartOfFirstLine(first, bs, bmark) !== first) {
			return;
		}
		if (first + 3 >= eol || s.charCodeAt(first) !== LBRACKET || s.charCodeAt(first + 2) !== RBRACKET) {
			return;
		}
		// `[c]*` then a space: an optional task, where the vocabulary has them (Kiro).
		const optional = this.optionalTasks && s.charCodeAt(first + 3) === STAR;
		const after = optional ? first + 4 : first + 3;
		if (after >= eol || !isSpace(s.charCodeAt(after))) {
			return;
		}
		// A table instead of an if-chain: plans mix the states at random, which branches predict badly.
		const mark = s.charCodeAt(first + 1);
		const state = mark < 128 ? this.stateOfMark[mark] : -1;
		if (state < 0) {
			return;
		}
		let q = after + 1;
		while (q < eol && isSpace(s.charCodeAt(q))) {
			q++;
		}
		this.taskKind = q < eol ? TASK : TASK_IF_CONTINUED;
		this.taskState = state;
		this.taskLine = this.box[top * STRIDE + F_ITEM_LINE];
		this.taskMarkerColumn = this.box[top * STRIDE + F_MARKER_COLUMN];
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
	private contentStartOfFirstLine(first: number, bs: number, bmark: number): number {
		const s = this.s;
		const eol = this.eol;
		const indent = this.topIndent;
		let column = 0;
		let p = bmark;
		while (p < eol && column < indent) {
			const c = s.charCodeAt(p);
			if (c === TAB) {
				column += 4 - ((column + bs) & 3);
			} else if (c === SPACE || p < first) {
				column++;
			} else {
				break;
			}
			p++;
		}
		while (p < eol && isSpace(s.charCodeAt(p))) {
			p++;
		}
		return p;
	}

	private closeLeaf(): void {
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

	/** An optional task counts in `optional` only: it moves neither the percentage nor the status. */
	private pushOptionalTask(line: number, state: TaskState): void {
		this.tasks.push(this.taskCheckboxLine === line ?
			{ line, state, checkboxColumn: this.taskCheckboxColumn, markerColumn: this.taskMarkerColumn, optional: true } :
			{ line, state, checkboxColumn: this.taskCheckboxColumn, markerColumn: this.taskMarkerColumn,
				checkboxLine: this.taskCheckboxLine, optional: true });
		this.stateCounts[OPTIONAL]++;
	}

	/** Whether the open leaf block takes the current line (view at container `m`). */
	private leafContinues(m: number, first: number, sc: number, eol: number): boolean {
		const n = this.n;
		const indent = this.topIndent;
		const blank = first >= eol;
		if (this.leaf === PARAGRAPH) {
			if (blank) {
				return false;
			}
			if (m < n && this.topQuote >= m) {
				// Outside a quote's `>`: only a lazy continuation line keeps the paragraph going.
				if (!this.lazyAccepts(m, first, eol, sc)) {
					return false;
				}
				this.addParagraphLine(first, eol);
				return true;
			}
			if (sc - indent > 3) {
				this.addParagraphLine(first, eol);
				return true;
			}
			if (sc >= indent) {
				const level = this.setextLevel(first, eol);
				if (level > 0) {
					this.taskKind = NOT_A_TASK;
					this.pushHeading(this.paragraphLine, level, this.paragraphText());
					this.leaf = NO_LEAF;
					return true;
				}
			}
			if (this.isTerminator(ENDS_PARAGRAPH, first, eol, sc, indent, this.topListIndent, this.next)) {
				return false;
			}
			this.addParagraphLine(first, eol);
			return true;
		}
		if (m < n) {
			// Every other leaf ends where a container does; none takes lazy lines.
			return false;
		}
		const s = this.s;
		switch (this.leaf) {
			case FENCE: {
				if (blank) {
					return true;
				}
				if (sc < indent) {
					return false;
				}
				if (s.charCodeAt(first) === this.fenceMarker && sc - indent < 4) {
					let p = first;
					while (p < eol && s.charCodeAt(p) === this.fenceMarker) {
						p++;
					}
					if (p - first >= this.fenceLength) {
						while (p < eol && isSpace(s.charCodeAt(p))) {
							p++;
						}
						if (p >= eol) {
							this.leaf = NO_LEAF;
						}
					}
				}
				return true;
			}
			case CODE:
				return blank || sc - indent >= 4;
			case HTML: {
				const endsOnBlank = this.htmlKind >= 6;
				if (blank) {
					return !endsOnBlank;
				}
				if (sc < indent) {
					return false;
				}
				if (!endsOnBlank && this.htmlEndsOn(first, eol)) {
					this.leaf = NO_LEAF;
				}
				return true;
			}
			case TABLE: {
				if (this.lineNo === this.tableDelimiterLine) {
					return true;
				}
				if (blank || sc < indent) {
					return false;
				}
				if (this.isTerminator(ENDS_BLOCKQUOTE, first, eol, sc, indent, this.topListIndent, 0)) {
					return false;
				}
				let a = first;
				let b = eol;
				while (a < b && isJsWhitespace(s.charCodeAt(a))) {
					a++;
				}
				while (b > a && isJsWhitespace(s.charCodeAt(b - 1))) {
					b--;
				}
				if (a >= b || sc - indent >= 4) {
					return false;
				}
				this.tableAutocompleted += this.tableColumns - this.columnCount(a, b);
				return this.tableAutocompleted <= MAX_AUTOCOMPLETED_CELLS;
			}
		}
		return false;
	}

	/**
	 * Blocks close in line order — a heading ends any paragraph before it — so the tasks counted so far are
	 * exactly those above the heading; a section's counts are the difference of two such snapshots.
	 */
	private pushHeading(line: number, level: number, text: string): void {
		this.headings.push({ line, level, text });
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
			const part = asciiTrim(this.s, this.paragraphFirsts[i], this.paragraphEnds[i]);
			if (part.length > 0) {
				text = text.length > 0 ? text + ' ' + part : part;
			}
		}
		return text;
	}

	// --- block rules in validation mode -------------------------------------------------------------------

	/**
	 * Whether a block that may interrupt the given kind of block starts on the line. `sc` is the line's indent
	 * in the frame of the interrupted block's context (-1 for a lazy line inside a quote), `indent` and
	 * `listIndent` that context's blkIndent and listIndent; `nextStart` is where the following line starts
	 * (tables need it).
	 */
	private isTerminator(set: number, first: number, eol: number, sc: number, indent: number, listIndent: number,
		nextStart: number): boolean {
		if (first >= eol || sc - indent >= 4) {
			return false;
		}
		const c = this.s.charCodeAt(first);
		if (c === BACKTICK || c === TILDE) {
			if (this.fenceOpening(first, eol) > 0) {
				return true;
			}
		} else if (c === GT) {
			return true;
		} else if (c === STAR || c === DASH || c === UNDERSCORE || c === PLUS || isDigit(c)) {
			if (c !== PLUS && !isDigit(c) && this.isHr(first, eol, c)) {
				return true;
			}
			if (c !== UNDERSCORE && set !== ENDS_LIST && this.listInterrupts(set, first, eol, sc, indent, listIndent)) {
				return true;
			}
		} else if (c === LT) {
			if (set !== ENDS_LIST && this.htmlBlockKind(first, eol, false) > 0) {
				return true;
			}
		} else if (c === HASH) {
			if (set !== ENDS_LIST && this.atxLevel(first, eol) > 0) {
				return true;
			}
		}
		if ((set === ENDS_PARAGRAPH || set === ENDS_REFERENCE) && this.hasPipe(first, eol)) {
			return this.tableColumnsAt(first, eol, indent, nextStart) > 0;
		}
		return false;
	}

	private listInterrupts(set: number, first: number, eol: number, sc: number, indent: number,
		listIndent: number): boolean {
		// markdown-it: a marker indented 4+ past the enclosing list but short of the item's content is text.
		if (listIndent >= 0 && sc - listIndent >= 4 && sc < indent) {
			return false;
		}
		const interruptsParagraph = set === ENDS_PARAGRAPH && sc >= indent;
		let after = this.orderedMarkerEnd(first, eol);
		if (after >= 0) {
			if (interruptsParagraph && !this.orderedValueIsOne(first, after - 1)) {
				return false;
			}
		} else {
			after = this.bulletMarkerEnd(first, eol);
			if (after < 0) {
				return false;
			}
		}
		if (interruptsParagraph) {
			let p = after;
			while (p < eol && isSpace(this.s.charCodeAt(p))) {
				p++;
			}
			if (p >= eol) {
				return false;
			}
		}
		return true;
	}

	private orderedValueIsOne(first: number, end: number): boolean {
		const s = this.s;
		for (let p = first; p < end - 1; p++) {
			if (s.charCodeAt(p) !== 0x30) {
				return false;
			}
		}
		return s.charCodeAt(end - 1) === 0x31;
	}

	/** Position after `1.`/`1)` (1–9 digits) followed by a space, tab or the line end; -1 if none. */
	private orderedMarkerEnd(first: number, eol: number): number {
		const s = this.s;
		let p = first;
		if (p + 1 >= eol) {
			return -1;
		}
		let c = s.charCodeAt(p++);
		if (!isDigit(c)) {
			return -1;
		}
		for (;;) {
			if (p >= eol) {
				return -1;
			}
			c = s.charCodeAt(p++);
			if (isDigit(c)) {
				if (p - first >= 10) {
					return -1;
				}
				continue;
			}
			if (c === RPAREN || c === DOT) {
				break;
			}
			return -1;
		}
		if (p < eol && !isSpace(s.charCodeAt(p))) {
			return -1;
		}
		return p;
	}

	private bulletMarkerEnd(first: number, eol: number): number {
		const c = this.s.charCodeAt(first);
		if (c !== STAR && c !== DASH && c !== PLUS) {
			return -1;
		}
		const p = first + 1;
		if (p < eol && !isSpace(this.s.charCodeAt(p))) {
			return -1;
		}
		return p;
	}

	private isHr(first: number, eol: number, marker: number): boolean {
		const s = this.s;
		let count = 1;
		for (let p = first + 1; p < eol; p++) {
			const c = s.charCodeAt(p);
			if (c === marker) {
				count++;
			} else if (!isSpace(c)) {
				return false;
			}
		}
		return count >= 3;
	}

	/** Length of the opening fence on the line, or 0. */
	private fenceOpening(first: number, eol: number): number {
		if (first + 3 > eol) {
			return 0;
		}
		const s = this.s;
		const marker = s.charCodeAt(first);
		let p = first;
		while (p < eol && s.charCodeAt(p) === marker) {
			p++;
		}
		const length = p - first;
		if (length < 3) {
			return 0;
		}
		if (marker === BACKTICK) {
			for (; p < eol; p++) {
				if (s.charCodeAt(p) === BACKTICK) {
					return 0;
				}
			}
		}
		return length;
	}

	private atxLevel(first: number, eol: number): number {
		const s = this.s;
		let p = first + 1;
		let level = 1;
		while (p < eol && s.charCodeAt(p) === HASH && level <= 6) {
			level++;
			p++;
		}
		if (level > 6 || (p < eol && !isSpace(s.charCodeAt(p)))) {
			return 0;
		}
		return level;
	}

	/** Heading text after the `#`s, without a closing sequence, as markdown-it cuts it. */
	private atxText(from: number, eol: number): string {
		const s = this.s;
		let max = eol;
		while (max > from && isSpace(s.charCodeAt(max - 1))) {
			max--;
		}
		let hashes = max;
		while (hashes > from && s.charCodeAt(hashes - 1) === HASH) {
			hashes--;
		}
		if (hashes > from && isSpace(s.charCodeAt(hashes - 1))) {
			max = hashes;
		}
		return asciiTrim(s, from, max);
	}

	private setextLevel(first: number, eol: number): number {
		const s = this.s;
		const marker = s.charCodeAt(first);
		if (marker !== DASH && marker !== EQUALS) {
			return 0;
		}
		let p = first;
		while (p < eol && s.charCodeAt(p) === marker) {
			p++;
		}
		while (p < eol && isSpace(s.charCodeAt(p))) {
			p++;
		}
		if (p < eol) {
			return 0;
		}
		return marker === EQUALS ? 1 : 2;
	}

	// --- tables --------------------------------------------------------------------------------------------

	/**
	 * markdown-it's table rule: the line is a header row when the next line, inside the same containers, is a
	 * delimiter row with as many columns. Returns the column count, or 0.
	 */
	private tableColumnsAt(first: number, eol: number, indent: number, nextStart: number): number {
		if (nextStart >= this.len) {
			return 0;
		}
		const s = this.s;
		const eol2 = this.lineEndFrom(nextStart);
		this.classify(nextStart, eol2, false);
		if (this.cM !== this.n) {
			return 0;
		}
		const first2 = this.cFirst;
		const sc2 = this.cSCount;
		if (first2 >= eol2 || sc2 < indent || sc2 - indent >= 4) {
			return 0;
		}
		let p = first2;
		const c1 = s.charCodeAt(p++);
		if (c1 !== PIPE && c1 !== DASH && c1 !== COLON) {
			return 0;
		}
		if (p >= eol2) {
			return 0;
		}
		const c2 = s.charCodeAt(p++);
		if (c2 !== PIPE && c2 !== DASH && c2 !== COLON && !isSpace(c2)) {
			return 0;
		}
		if (c1 === DASH && isSpace(c2)) {
			return 0;
		}
		for (; p < eol2; p++) {
			const c = s.charCodeAt(p);
			if (c !== PIPE && c !== DASH && c !== COLON && !isSpace(c)) {
				return 0;
			}
		}
		// Delimiter cells: each `:?-+:?`; empty cells only first or last.
		let aligns = 0;
		let segment = 0;
		let previousEmpty = false;
		let start = first2;
		for (let q = first2; q <= eol2; q++) {
			if (q < eol2 && s.charCodeAt(q) !== PIPE) {
				continue;
			}
			if (previousEmpty) {
				return 0;
			}
			let a = start;
			let b = q;
			while (a < b && isSpace(s.charCodeAt(a))) {
				a++;
			}
			while (b > a && isSpace(s.charCodeAt(b - 1))) {
				b--;
			}
			if (a >= b) {
				previousEmpty = segment > 0;
			} else {
				if (s.charCodeAt(a) === COLON) {
					a++;
				}
				const dashes = a;
				while (a < b && s.charCodeAt(a) === DASH) {
					a++;
				}
				if (a === dashes) {
					return 0;
				}
				if (a < b && s.charCodeAt(a) === COLON) {
					a++;
				}
				if (a !== b) {
					return 0;
				}
				aligns++;
			}
			segment++;
			start = q + 1;
		}
		let a = first;
		let b = eol;
		while (a < b && isJsWhitespace(s.charCodeAt(a))) {
			a++;
		}
		while (b > a && isJsWhitespace(s.charCodeAt(b - 1))) {
			b--;
		}
		const columns = this.columnCount(a, b);
		return columns > 0 && columns === aligns ? columns : 0;
	}

	/** Cells in a trimmed row [a, b) as markdown-it's escapedSplit counts them, empty outer cells dropped. */
	private columnCount(a: number, b: number): number {
		const s = this.s;
		let pipes = 0;
		let escaped = false;
		for (let p = a; p < b; p++) {
			const c = s.charCodeAt(p);
			if (c === PIPE && !escaped) {
				pipes++;
			}
			escaped = c === BACKSLASH;
		}
		if (pipes === 0) {
			return a < b ? 1 : 0;
		}
		let count = pipes + 1;
		if (s.charCodeAt(a) === PIPE) {
			count--;
		}
		if (s.charCodeAt(b - 1) === PIPE && !(b - 2 >= a && s.charCodeAt(b - 2) === BACKSLASH)) {
			count--;
		}
		return count;
	}

	// --- HTML blocks ---------------------------------------------------------------------------------------

	/**
	 * markdown-it's HTML block kinds (CommonMark 1–7) for a line starting with `<`, or 0. Kind 7 (any complete
	 * tag alone on its line) cannot interrupt a paragraph, so callers checking for interruption skip it.
	 */
	private htmlBlockKind(first: number, eol: number, allowSeven: boolean): number {
		const s = this.s;
		const p = first + 1;
		if (p >= eol) {
			return 0;
		}
		const c = s.charCodeAt(p);
		if (c === BANG) {
			if (p + 2 < eol && s.charCodeAt(p + 1) === DASH && s.charCodeAt(p + 2) === DASH) {
				return 2;
			}
			if (p + 1 < eol && isAsciiLetter(s.charCodeAt(p + 1))) {
				return 4;
			}
			if (p + 7 < eol && s.startsWith('[CDATA[', p + 1)) {
				return 5;
			}
			return 0;
		}
		if (c === QUESTION) {
			return 3;
		}
		const closing = c === SLASH;
		const nameStart = closing ? p + 1 : p;
		let nameEnd = nameStart;
		while (nameEnd < eol && isAsciiAlnum(s.charCodeAt(nameEnd))) {
			nameEnd++;
		}
		if (nameEnd > nameStart) {
			const d = nameEnd < eol ? s.charCodeAt(nameEnd) : -1;
			if (!closing && (d === -1 || d === GT || isJsWhitespace(d)) && isOneOf(s, nameStart, nameEnd, HTML_RAW_NAMES)) {
				return 1;
			}
			if (isOneOf(s, nameStart, nameEnd, HTML_BLOCK_NAMES) && (d === -1 || d === GT || isJsWhitespace(d) ||
				(d === SLASH && nameEnd + 1 < eol && s.charCodeAt(nameEnd + 1) === GT))) {
				return 6;
			}
		}
		return allowSeven && this.isCompleteTagLine(first, eol) ? 7 : 0;
	}

	/**
	 * Whether the line is one open or closing tag followed only by whitespace (markdown-it's
	 * HTML_OPEN_CLOSE_TAG_RE + `\s*$`). An unquoted attribute value may contain Unicode spaces, which the
	 * regexp may also read as separators, so the possible ends of the attribute list are tracked as a set.
	 */
	private isCompleteTagLine(first: number, eol: number): boolean {
		const s = this.s;
		let p = first + 1;
		if (p < eol && s.charCodeAt(p) === SLASH) {
			p++;
			if (p >= eol || !isAsciiLetter(s.charCodeAt(p))) {
				return false;
			}
			while (p < eol && isTagNameChar(s.charCodeAt(p))) {
				p++;
			}
			p = skipJsWhitespace(s, p, eol);
			if (p >= eol || s.charCodeAt(p) !== GT) {
				return false;
			}
			return skipJsWhitespace(s, p + 1, eol) === eol;
		}
		if (p >= eol || !isAsciiLetter(s.charCodeAt(p))) {
			return false;
		}
		while (p < eol && isTagNameChar(s.charCodeAt(p))) {
			p++;
		}
		let ambiguous = false;
		for (let q = p; q < eol; q++) {
			const c = s.charCodeAt(q);
			if (c >= 0x80 && isJsWhitespace(c)) {
				ambiguous = true;
				break;
			}
		}
		if (!ambiguous) {
			return this.isOpenTagTail(p, eol);
		}
		const reachable = new Uint8Array(eol - p + 1);
		reachable[0] = 1;
		for (let r = p; r <= eol; r++) {
			if (reachable[r - p] === 0) {
				continue;
			}
			// The end: `\s* /? > \s* $`.
			let t = skipJsWhitespace(s, r, eol);
			if (t < eol && s.charCodeAt(t) === SLASH) {
				t++;
			}
			if (t < eol && s.charCodeAt(t) === GT && skipJsWhitespace(s, t + 1, eol) === eol) {
				return true;
			}
			// Another attribute: `\s+ name (\s* = \s* value)?`.
			if (r >= eol || !isJsWhitespace(s.charCodeAt(r))) {
				continue;
			}
			t = skipJsWhitespace(s, r, eol);
			if (t >= eol || !isAttributeNameStart(s.charCodeAt(t))) {
				continue;
			}
			t++;
			while (t < eol && isAttributeNameChar(s.charCodeAt(t))) {
				t++;
			}
			reachable[t - p] = 1;
			const u = skipJsWhitespace(s, t, eol);
			if (u >= eol || s.charCodeAt(u) !== EQUALS) {
				continue;
			}
			// After `=`, a Unicode space may be read as space or as the first character of an unquoted value.
			const valueFrom = skipJsWhitespace(s, u + 1, eol);
			for (let v = u + 1; v <= valueFrom && v < eol; v++) {
				const q = s.charCodeAt(v);
				if (v === valueFrom && (q === DQUOTE || q === SQUOTE)) {
					const close = s.indexOf(q === DQUOTE ? '"' : '\'', v + 1);
					if (close >= 0 && close < eol) {
						reachable[close + 1 - p] = 1;
					}
					continue;
				}
				if (!isUnquotedValueChar(q)) {
					continue;
				}
				let w = v;
				while (w < eol && isUnquotedValueChar(s.charCodeAt(w))) {
					w++;
					if (w === eol || isJsWhitespace(s.charCodeAt(w)) || s.charCodeAt(w) === SLASH) {
						reachable[w - p] = 1;
					}
				}
			}
		}
		return false;
	}

	/**
	 * The attributes and end of an open tag from `p`, when no Unicode space can split an unquoted value:
	 * then every choice the regexp could make is forced and one greedy pass decides.
	 */
	private isOpenTagTail(p: number, eol: number): boolean {
		const s = this.s;
		for (;;) {
			let t = skipJsWhitespace(s, p, eol);
			if (t < eol && s.charCodeAt(t) === SLASH) {
				t++;
			}
			if (t < eol && s.charCodeAt(t) === GT) {
				return skipJsWhitespace(s, t + 1, eol) === eol;
			}
			if (p >= eol || !isJsWhitespace(s.charCodeAt(p))) {
				return false;
			}
			t = skipJsWhitespace(s, p, eol);
			if (t >= eol || !isAttributeNameStart(s.charCodeAt(t))) {
				return false;
			}
			t++;
			while (t < eol && isAttributeNameChar(s.charCodeAt(t))) {
				t++;
			}
			let u = skipJsWhitespace(s, t, eol);
			if (u >= eol || s.charCodeAt(u) !== EQUALS) {
				p = t;
				continue;
			}
			u = skipJsWhitespace(s, u + 1, eol);
			if (u >= eol) {
				return false;
			}
			const q = s.charCodeAt(u);
			if (q === DQUOTE || q === SQUOTE) {
				const close = s.indexOf(q === DQUOTE ? '"' : '\'', u + 1);
				if (close < 0 || close >= eol) {
					return false;
				}
				p = close + 1;
				continue;
			}
			let w = u;
			while (w < eol && isUnquotedValueChar(s.charCodeAt(w))) {
				w++;
			}
			if (w === u) {
				return false;
			}
			p = w;
		}
	}

	/** Whether the end sequence of the open HTML block (kinds 1–5) occurs in [first, eol). */
	private htmlEndsOn(first: number, eol: number): boolean {
		if (first < this.htmlEndFrom || first > this.htmlEndAt) {
			this.htmlEndFrom = first;
			this.htmlEndAt = this.findHtmlEnd(first);
		}
		return this.htmlEndAt < eol;
	}

	private findHtmlEnd(from: number): number {
		const s = this.s;
		let at: number;
		switch (this.htmlKind) {
			case 1:
				for (let p = s.indexOf('</', from); p >= 0; p = s.indexOf('</', p + 2)) {
					let q = p + 2;
					while (q < this.len && isAsciiLetter(s.charCodeAt(q))) {
						q++;
					}
					if (q < this.len && s.charCodeAt(q) === GT && isOneOf(s, p + 2, q, HTML_RAW_NAMES)) {
						return p;
					}
				}
				return this.len;
			case 2:
				at = s.indexOf('-->', from);
				break;
			case 3:
				at = s.indexOf('?>', from);
				break;
			case 4:
				at = s.indexOf('>', from);
				break;
			default:
				at = s.indexOf(']]>', from);
				break;
		}
		return at < 0 ? this.len : at;
	}

	// --- link reference definitions ------------------------------------------------------------------------

	/**
	 * Where a reference definition may go on: the view start of the line at `start`, or -1 when it is empty,
	 * outside the enclosing quotes, or starts a block that ends a definition (markdown-it's getNextLinePos).
	 * Leaves the line's end in peekEol.
	 */
	private referenceContinuation(start: number, indent: number, listIndent: number): number {
		if (start >= this.len) {
			return -1;
		}
		const eol = this.lineEndFrom(start);
		this.peekEol = eol;
		this.classify(start, eol, false);
		const m = this.cM;
		const first = this.cFirst;
		const sc = this.cSCount;
		if (first >= eol) {
			return -1;
		}
		const n = this.n;
		if (m < n && this.topQuote >= m) {
			return this.lazyAccepts(m, first, eol, sc) ? first : -1;
		}
		if (sc - indent > 3) {
			return first;
		}
		const nextStart = this.nextStart(eol);
		if (this.isTerminator(ENDS_REFERENCE, first, eol, sc, indent, listIndent, nextStart)) {
			return -1;
		}
		return first;
	}

	/**
	 * A cheap first look at a line starting with `[`, so that a checkbox does not pay for the full rule:
	 * false when the label closes on this line without a `:` after it (or another `[` comes first).
	 */
	private referenceMayStart(first: number, eol: number): boolean {
		const s = this.s;
		for (let p = first + 1; p < eol; p++) {
			const c = s.charCodeAt(p);
			if (c === LBRACKET) {
				return false;
			}
			if (c === RBRACKET) {
				return p + 1 < eol && s.charCodeAt(p + 1) === COLON;
			}
			if (c === BACKSLASH) {
				p++;
			}
		}
		return true;
	}

	/**
	 * markdown-it's reference rule at a `[` starting the line: returns how many lines after this one the
	 * definition takes, or -1 when there is no valid definition.
	 */
	private tryReference(first: number, eol: number, indent: number, listIndent: number): number {
		const s = this.s;
		const len = this.len;
		let lineEol = eol;
		let max = lineEol < len ? lineEol + 1 : len;
		let extra = 0;
		// The character markdown-it would see: the line break is always `\n`, NUL became U+FFFD.
		const at = (p: number): number => {
			if (p === lineEol) {
				return p < len ? LF : NaN;
			}
			const c = s.charCodeAt(p);
			return c === 0 ? 0xfffd : c;
		};
		const nextLine = (): number => {
			const p = this.referenceContinuation(this.nextStart(lineEol), indent, listIndent);
			if (p >= 0) {
				lineEol = this.peekEol;
				max = lineEol < len ? lineEol + 1 : len;
				extra++;
			}
			return p;
		};

		// The label.
		let pos = first + 1;
		let segmentStart = pos;
		let rawLength = 0;
		let labelEnd = -1;
		let hasText = false;
		let pairs = 0;
		let previousHigh = false;
		while (pos < max) {
			if (rawLength + pos - segmentStart > 1998) {
				return -1;
			}
			let c = at(pos);
			if (c === LBRACKET) {
				return -1;
			}
			if (c === RBRACKET) {
				labelEnd = pos;
				break;
			}
			if (c === BACKSLASH) {
				hasText = true;
				previousHigh = false;
				c = at(++pos);
			}
			if (c === LF && pos < max) {
				rawLength += max - segmentStart;
				previousHigh = false;
				const p = nextLine();
				if (p < 0) {
					return -1;
				}
				pos = segmentStart = p;
				continue;
			}
			if (!isJsWhitespace(c)) {
				hasText = true;
			}
			if (previousHigh && c >= 0xdc00 && c <= 0xdfff) {
				pairs++;
				previousHigh = false;
			} else {
				previousHigh = c >= 0xd800 && c <= 0xdbff;
			}
			pos++;
		}
		if (labelEnd < 0 || labelEnd + 1 >= max || at(labelEnd + 1) !== COLON) {
			return -1;
		}
		rawLength += labelEnd - segmentStart;
		if (!hasText || (rawLength > 999 && rawLength - pairs > 999)) {
			return -1;
		}

		// Spaces, and at most one line break, before the destination.
		const skipSpacesAndBreak = (): void => {
			while (pos < max) {
				const c = at(pos);
				if (c === LF) {
					const p = nextLine();
					if (p < 0) {
						break;
					}
					pos = p;
				} else if (isSpace(c)) {
					pos++;
				} else {
					break;
				}
			}
		};
		pos = labelEnd + 2;
		skipSpacesAndBreak();

		// The destination.
		let destinationStart: number;
		let destinationEnd: number;
		if (pos < max && at(pos) === LT) {
			let p = pos + 1;
			destinationStart = p;
			destinationEnd = -1;
			while (p < max) {
				const c = at(p);
				if (c === LF || c === LT) {
					return -1;
				}
				if (c === GT) {
					destinationEnd = p;
					break;
				}
				if (c === BACKSLASH && p + 1 < max) {
					p += 2;
					continue;
				}
				p++;
			}
			if (destinationEnd < 0) {
				return -1;
			}
			pos = destinationEnd + 1;
		} else {
			let p = pos;
			let depth = 0;
			while (p < max) {
				const c = at(p);
				if (c === SPACE || c < 0x20 || c === 0x7f) {
					break;
				}
				if (c === BACKSLASH && p + 1 < max) {
					p += at(p + 1) === SPACE ? 1 : 2;
					continue;
				}
				if (c === LPAREN) {
					depth++;
					if (depth > 32) {
						return -1;
					}
				}
				if (c === RPAREN) {
					if (depth === 0) {
						break;
					}
					depth--;
				}
				p++;
			}
			if (p === pos || depth !== 0) {
				return -1;
			}
			destinationStart = pos;
			destinationEnd = p;
			pos = p;
		}
		if (isForbiddenLink(s.slice(destinationStart, destinationEnd))) {
			return -1;
		}
		const afterDestination = pos;
		const afterDestinationEol = lineEol;
		const afterDestinationMax = max;
		const afterDestinationExtra = extra;

		// The optional title, which may span lines.
		skipSpacesAndBreak();
		const titleStart = pos;
		let titleOk = false;
		let titleEmpty = true;
		if (pos < max) {
			let marker = at(pos);
			if (marker === DQUOTE || marker === SQUOTE || marker === LPAREN) {
				if (marker === LPAREN) {
					marker = RPAREN;
				}
				pos++;
				let start = pos;
				for (;;) {
					let closed = false;
					let broken = false;
					while (pos < max) {
						const c = at(pos);
						if (c === marker) {
							closed = true;
							break;
						}
						if (c === LPAREN && marker === RPAREN) {
							broken = true;
							break;
						}
						if (c === BACKSLASH && pos + 1 < max) {
							pos++;
						}
						pos++;
					}
					if (pos > start) {
						titleEmpty = false;
					}
					if (closed) {
						titleOk = true;
						pos++;
						break;
					}
					if (broken) {
						break;
					}
					const p = nextLine();
					if (p < 0) {
						break;
					}
					pos = start = p;
				}
			}
		}
		let titleUsed = titleStart !== afterDestination && titleOk;
		const rollBack = (): void => {
			pos = afterDestination;
			lineEol = afterDestinationEol;
			max = afterDestinationMax;
			extra = afterDestinationExtra;
		};
		if (!titleUsed) {
			rollBack();
		}
		while (pos < max && isSpace(at(pos))) {
			pos++;
		}
		if (pos < max && at(pos) !== LF && titleUsed && !titleEmpty) {
			// Garbage after the title: markdown-it retries without it.
			titleUsed = false;
			rollBack();
			while (pos < max && isSpace(at(pos))) {
				pos++;
			}
		}
		if (pos < max && at(pos) !== LF) {
			return -1;
		}
		return extra;
	}
}

/** Whether [start, end), a run of ASCII letters and digits, is one of the lower-case `names`, ignoring case. */
function isOneOf(s: string, start: number, end: number, names: readonly string[]): boolean {
	const length = end - start;
	for (let n = 0; n < names.length; n++) {
		const name = names[n];
		if (name.length !== length) {
			continue;
		}
		let i = 0;
		// Setting bit 0x20 lower-cases ASCII letters and leaves digits alone.
		while (i < length && (s.charCodeAt(start + i) | 0x20) === name.charCodeAt(i)) {
			i++;
		}
		if (i === length) {
			return true;
		}
	}
	return false;
}

function isTagNameChar(c: number): boolean {
	return isAsciiAlnum(c) || c === DASH;
}

function isAttributeNameStart(c: number): boolean {
	return isAsciiLetter(c) || c === UNDERSCORE || c === COLON;
}

function isAttributeNameChar(c: number): boolean {
	return isAsciiAlnum(c) || c === UNDERSCORE || c === COLON || c === DOT || c === DASH;
}

function isUnquotedValueChar(c: number): boolean {
	// NUL counts as U+FFFD, which markdown-it substitutes before parsing.
	return c === 0 || (c > SPACE && c !== DQUOTE && c !== SQUOTE && c !== EQUALS && c !== LT && c !== GT &&
		c !== BACKTICK);
}

function skipJsWhitespace(s: string, p: number, end: number): number {
	while (p < end && isJsWhitespace(s.charCodeAt(p))) {
		p++;
	}
	return p;
}

/** markdown-it's "light" trim: spaces, tabs and line breaks only. */
function asciiTrim(s: string, from: number, to: number): string {
	while (from < to && isAsciiTrimmable(s.charCodeAt(from))) {
		from++;
	}
	while (to > from && isAsciiTrimmable(s.charCodeAt(to - 1))) {
		to--;
	}
	return s.slice(from, to);
}

function isAsciiTrimmable(c: number): boolean {
	return c === SPACE || c === TAB || c === LF || c === CR;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { colon: ':', Tab: '\t', NewLine: '\n', nbsp: '\u00a0' };

/**
 * markdown-it refuses reference definitions whose destination is a `javascript:`, `vbscript:`, `file:` or
 * (non-image) `data:` link. It decodes escapes and entities first; of the named entities only those that can
 * spell such a scheme's prefix are decoded here.
 */
function isForbiddenLink(raw: string): boolean {
	let url = raw;
	if (url.indexOf('\\') >= 0 || url.indexOf('&') >= 0) {
		url = url.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])|&([a-z#][a-z0-9]{1,31});/gi,
			(match: string, escaped: string | undefined, entity: string | undefined) => {
				if (escaped) {
					return escaped;
				}
				return decodeEntity(match, entity ?? '');
			});
	}
	url = url.trim().toLowerCase();
	if (!/^(vbscript|javascript|file|data):/.test(url)) {
		return false;
	}
	return !/^data:image\/(gif|png|jpeg|webp);/.test(url);
}

function decodeEntity(match: string, name: string): string {
	if (name.charCodeAt(0) === HASH) {
		if (!/^#(x[a-f0-9]{1,8}|[0-9]{1,8})$/i.test(name)) {
			return match;
		}
		const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
		if ((code >= 0xd800 && code <= 0xdfff) || (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xffff) === 0xffff ||
			(code & 0xffff) === 0xfffe || code <= 0x08 || code === 0x0b || (code >= 0x0e && code <= 0x1f) ||
			(code >= 0x7f && code <= 0x9f) || code > 0x10ffff) {
			return match;
		}
		return String.fromCodePoint(code);
	}
	return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : match;
}
