// A markdown-it plugin for VS Code's Markdown preview: the progress of each heading's section after the
// heading of a plan (the same text as in the editor), and the Status field of a stream's README.md or
// STATUS.md as a coloured pill.
//
// VS Code caches the token stream of a document and parses without knowing which document it is
// (`env.currentDocument` is set only when rendering), so parsing records what every document could show,
// and rendering decides, per document, what it does show.

import type MarkdownIt from 'markdown-it';
import { PlanScan, scanPlan } from '../markdown/planScanner';
import type { TaskVocabulary } from './taskVocabulary';
import { headingProgress, ProgressStyle, progressLevel, progressText } from './progressText';
import { readDocumentHeader } from '../header/headerFields';
import { parseStatus, STATUSES } from '../header/statusVocabulary';
import { HeaderField, StatusId, TaskCounts } from '../model/stream';

type Token = MarkdownIt.Token;
type TokenConstructor = MarkdownIt.StateCore['Token'];

export interface PreviewProgressOptions {
	/** How the document being rendered shows progress after its headings; undefined for none. */
	progressStyle(env: unknown): ProgressStyle | undefined;
	/** Whether the document being rendered shows its Status field as a pill. */
	showsStatus(env: unknown): boolean;
	/** The tooltip of a heading's progress: the breakdown by state. */
	describe(counts: TaskCounts): string;
	/** The label of a status whose value was written in front matter (inline values are shown as written). */
	statusLabel(status: StatusId): string;
	/** What the checkboxes of the document being rendered mean (its stream's layout); DESIGN.md §3 when undefined. */
	vocabulary?(env: unknown): TaskVocabulary | undefined;
}

const PROGRESS_META = 'streamsProgress';
const PILL_TOKEN = 'streams_status_pill';
const STATUS_BLOCK_TOKEN = 'streams_status_block';

/** Class of a status pill, e.g. `streams-status streams-status-in-progress`. */
export function statusClass(status: StatusId): string {
	return `streams-status streams-status-${status}`;
}

export function previewProgressPlugin(md: MarkdownIt, options: PreviewProgressOptions): void {
	const escape = md.utils.escapeHtml;

	md.core.ruler.push('streams_progress', state => {
		const scan = scanPlan(state.src, options.vocabulary?.(state.env));
		markHeadings(state.tokens, scan);
		markStatus(state.tokens, state.src, state.Token);
	});

	const previousClose = md.renderer.rules.heading_close;
	md.renderer.rules.heading_close = (tokens, index, renderOptions, env, self) => {
		const close = previousClose ? previousClose(tokens, index, renderOptions, env, self) : self.renderToken(tokens, index, renderOptions);
		const counts = tokens[index].meta?.[PROGRESS_META] as TaskCounts | undefined;
		const style = counts && options.progressStyle(env);
		if (!counts || !style) {
			return close;
		}
		const level = progressLevel(counts);
		const title = escape(options.describe(counts));
		return `<span class="streams-progress streams-progress-${level}" title="${title}" aria-label="${title}">${escape(progressText(counts, style))}</span>` + close;
	};

	md.renderer.rules[PILL_TOKEN] = (tokens, index, _options, env) => {
		const token = tokens[index];
		const text = escape(token.content);
		return options.showsStatus(env) ? `<span class="${statusClass(token.meta.status as StatusId)}">${text}</span>` : text;
	};

	md.renderer.rules[STATUS_BLOCK_TOKEN] = (tokens, index, _options, env) => {
		if (!options.showsStatus(env)) {
			return '';
		}
		const status = tokens[index].meta.status as StatusId;
		const emoji = STATUSES.find(info => info.id === status)?.emoji ?? '';
		return `<p class="streams-status-line"><span class="${statusClass(status)}">${escape(`${emoji} ${options.statusLabel(status)}`.trim())}</span></p>\n`;
	};
}

/** Puts each heading's counts on its closing token, which is where the progress is rendered. */
function markHeadings(tokens: Token[], scan: PlanScan): void {
	const byLine = new Map(headingProgress(scan).map(heading => [heading.line, heading.counts]));
	if (byLine.size === 0) {
		return;
	}
	for (let index = 0; index < tokens.length; index++) {
		const open = tokens[index];
		const counts = open.type === 'heading_open' && open.map ? byLine.get(open.map[0]) : undefined;
		if (!counts) {
			continue;
		}
		// The closing token follows the heading's one inline token.
		let close = index + 1;
		while (close < tokens.length && !(tokens[close].type === 'heading_close' && tokens[close].level === open.level)) {
			close++;
		}
		if (close < tokens.length) {
			tokens[close].meta = { ...(tokens[close].meta ?? {}), [PROGRESS_META]: counts };
		}
	}
}

/** The document's first Status field that names a known status. */
function statusField(src: string): { field: HeaderField; status: StatusId } | undefined {
	// Fields live near the top: a cheap look before the header parser runs over every previewed document.
	if (!/status/i.test(src.slice(0, 8192))) {
		return undefined;
	}
	for (const field of readDocumentHeader('', src).fields) {
		const status = field.key === 'status' ? parseStatus(field.value) : undefined;
		if (status) {
			return { field, status };
		}
	}
	return undefined;
}

/**
 * Wraps the Status value in a pill token: in place for an inline field; for a front-matter field (which the
 * preview hides or shows as a table), as a line after the title heading.
 */
function markStatus(tokens: Token[], src: string, TokenClass: TokenConstructor): void {
	const found = statusField(src);
	if (!found) {
		return;
	}
	const { field, status } = found;
	if (field.location.source === 'inline') {
		const line = field.location.line;
		const inline = tokens.find(token => token.type === 'inline' && token.map && token.map[0] <= line && line < token.map[1]);
		const children = inline?.children ?? [];
		const raw = field.location.raw;
		for (let index = 0; index < children.length; index++) {
			const child = children[index];
			const at = child.type === 'text' ? child.content.indexOf(raw) : -1;
			if (at < 0) {
				continue;
			}
			const pieces: Token[] = [];
			if (at > 0) {
				pieces.push(textToken(TokenClass, child.content.slice(0, at), child.level));
			}
			const pill = new TokenClass(PILL_TOKEN, 'span', 0);
			pill.content = raw;
			pill.level = child.level;
			pill.meta = { status };
			pieces.push(pill);
			if (at + raw.length < child.content.length) {
				pieces.push(textToken(TokenClass, child.content.slice(at + raw.length), child.level));
			}
			children.splice(index, 1, ...pieces);
			return;
		}
		return;
	}
	const block = new TokenClass(STATUS_BLOCK_TOKEN, '', 0);
	block.block = true;
	block.meta = { status };
	const titleOpen = tokens.findIndex(token => token.type === 'heading_open' && token.tag === 'h1');
	const titleClose = titleOpen < 0 ? -1 : tokens.findIndex((token, index) => index > titleOpen && token.type === 'heading_close');
	const frontMatter = tokens.findIndex(token => token.type === 'front_matter');
	tokens.splice(titleClose >= 0 ? titleClose + 1 : frontMatter + 1, 0, block);
}

function textToken(TokenClass: TokenConstructor, content: string, level: number): Token {
	const token = new TokenClass('text', '', 0);
	token.content = content;
	token.level = level;
	return token;
}
