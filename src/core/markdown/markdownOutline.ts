// The leaf blocks of a markdown document as the scanner finds them (markdown-it's block rules): which lines are
// paragraphs, headings, code, HTML or tables, and whether each block stands at the top level or inside a list
// item or block quote. The header reader, the health rules and Toggle Task read a document through this one
// outline, so a fence, an HTML block or a heading ends at the same line for all of them and for the preview.

export type OutlineBlockKind = 'paragraph' | 'heading' | 'fence' | 'code' | 'html' | 'table';

export interface OutlineBlock {
	readonly kind: OutlineBlockKind;
	/** 0-based first line. */
	readonly line: number;
	/** 0-based line after the last: markdown-it's token map. */
	readonly endLine: number;
	/** Inside a list item or a block quote. */
	readonly nested: boolean;
}

export interface OutlineHeading extends OutlineBlock {
	readonly kind: 'heading';
	/** 1–6. */
	readonly level: number;
	/** The heading's text as markdown-it hands it to its inline rules (without `#` marks or underline), trimmed. */
	readonly text: string;
	/** Underlined with `=` or `-` rather than opened with `#`. */
	readonly setext: boolean;
}

export interface MarkdownOutline {
	/** Every leaf block in line order. Lines of no block are blank, thematic breaks, link reference definitions or front matter. */
	readonly blocks: readonly OutlineBlock[];
	/** Lines of YAML front matter at the top (its `---` fences included): no markdown block holds them. */
	readonly frontMatterLines: number;
}

export function isHeading(block: OutlineBlock): block is OutlineHeading {
	return block.kind === 'heading';
}
