// Progress after the headings of plans in the editor (`▰▰▰▱▱ 3/5 · 60%`), kept right with every keystroke in
// every visible editor of the document, and a hover on the heading line with the breakdown by state.
//
// The three decoration types (nothing done, partly done, all done) depend only on theme colours, which VS Code
// resolves live, so they are created once and disposed with the feature; the text of each heading is set per
// decoration. Scans come from `scanOf`, shared with the model, so a keystroke parses the buffer once.

import * as vscode from 'vscode';
import { PROGRESS_COLORS } from '../status/themeColors';
import { Disposable } from '../lifecycle/disposable';
import { baseName, HeadingProgress, headingProgress, progressLevel, ProgressLevel, progressText, TaskCounts, TaskVocabulary } from '../../core';
import { scanOf } from './documentScans';
import { FeatureContext } from '../workspace/featureContext';
import { showsProgress } from './progressDocuments';
import { affectsSetting, readSettings } from '../workspace/settings';

/** One heading's progress as last set in an editor (what tests read through the extension's API). */
export interface RenderedProgress {
	/** 0-based line of the heading. */
	readonly line: number;
	readonly heading: string;
	/** The after-line text, e.g. `▰▰▰▱▱ 3/5 · 60%`. */
	readonly text: string;
	readonly level: ProgressLevel;
	readonly counts: TaskCounts;
}

const LEVELS: readonly ProgressLevel[] = ['none', 'partial', 'complete'];

export class PlanDecorations extends Disposable {
	private readonly types: Readonly<Record<ProgressLevel, vscode.TextEditorDecorationType>>;
	private readonly shown = new WeakMap<vscode.TextEditor, readonly RenderedProgress[]>();
	/**
	 * The progress last computed for each document: a keystroke redraws on the text change and again on the model
	 * change it causes, and the second time the same version asks for the same headings.
	 */
	private readonly computed = new WeakMap<vscode.TextDocument, {
		readonly version: number; readonly style: string; readonly vocabulary: TaskVocabulary; readonly progress: RenderedProgress[];
	}>();
	/** Documents over `streams.maxFileSize` already reported, so the message comes once per document. */
	private readonly reportedLarge = new Set<string>();

	constructor(private readonly context: FeatureContext) {
		super();
		this.types = {
			none: createType(PROGRESS_COLORS.none),
			partial: createType(PROGRESS_COLORS.partial),
			complete: createType(PROGRESS_COLORS.complete),
		};
		Object.values(this.types).forEach(type => this._register(type));
		this._register(vscode.Disposable.from(
			vscode.workspace.onDidChangeTextDocument(event => {
				if (event.contentChanges.length > 0) {
					this.updateDocument(event.document);
				}
			}),
			vscode.window.onDidChangeVisibleTextEditors(editors => editors.forEach(editor => this.update(editor))),
			vscode.workspace.onDidChangeConfiguration(event => {
				if (affectsSetting(event, 'progress', 'maxFileSize', 'roots')) {
					this.updateAll();
				}
			}),
			// A PLAN.md can become a stream's (or stop being one) when streams come and go.
			context.streams.onDidChange(() => this.updateAll()),
			vscode.languages.registerHoverProvider({ language: 'markdown' }, { provideHover: (document, position) => this.hover(document, position) }),
		));
		this.updateAll();
	}

	/** Test-only: the progress this feature last set in an editor, heading by heading. */
	renderedFor(editor: vscode.TextEditor): readonly RenderedProgress[] {
		return this.shown.get(editor) ?? [];
	}

	private updateAll(): void {
		vscode.window.visibleTextEditors.forEach(editor => this.update(editor));
	}

	private updateDocument(document: vscode.TextDocument): void {
		for (const editor of vscode.window.visibleTextEditors) {
			if (editor.document === document) {
				this.update(editor);
			}
		}
	}

	private update(editor: vscode.TextEditor): void {
		const progress = this.progressOf(editor.document) ?? [];
		const previous = this.shown.get(editor);
		if (previous ? previous === progress || sameProgress(previous, progress) : progress.length === 0) {
			return;
		}
		this.shown.set(editor, progress);
		for (const level of LEVELS) {
			const options = progress
				.filter(heading => heading.level === level)
				.map(heading => {
					const end = editor.document.lineAt(heading.line).range.end;
					return { range: new vscode.Range(end, end), renderOptions: { after: { contentText: heading.text } } };
				});
			editor.setDecorations(this.types[level], options);
		}
	}

	/** The progress a document shows, or undefined when it shows none (off, not a plan, too large). */
	private progressOf(document: vscode.TextDocument): RenderedProgress[] | undefined {
		const settings = readSettings();
		if (!showsProgress(document.uri, this.context.streams, settings)) {
			return undefined;
		}
		if (isLargerThan(document, settings.maxFileSize)) {
			this.reportLarge(document, settings.maxFileSize);
			return undefined;
		}
		const vocabulary = this.context.streams.vocabularyOf(document.uri);
		const style = settings.progress.style;
		// What the headings' text depends on besides the document's version: the style and the checkbox meanings.
		const known = this.computed.get(document);
		if (known && known.version === document.version && known.style === style && known.vocabulary === vocabulary) {
			return known.progress;
		}
		const progress = headingProgress(scanOf(document, vocabulary)).map(heading => rendered(heading, style));
		this.computed.set(document, { version: document.version, style, vocabulary, progress });
		return progress;
	}

	private reportLarge(document: vscode.TextDocument, limit: number): void {
		const key = document.uri.toString();
		if (this.reportedLarge.has(key)) {
			return;
		}
		this.reportedLarge.add(key);
		this.context.log.info(`${document.uri.toString(true)} is over streams.maxFileSize (${limit} bytes): no progress decorations`);
		void vscode.window.showInformationMessage(vscode.l10n.t(
			'{0} is larger than the streams.maxFileSize setting ({1} bytes), so its headings show no progress.',
			baseName(document.uri.path), limit));
	}

	private hover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
		const editor = vscode.window.visibleTextEditors.find(candidate => candidate.document === document);
		// Only documents that show progress get the hover; a visible editor already knows which they are.
		const progress = editor ? this.shown.get(editor) : this.progressOf(document);
		const heading = progress?.find(candidate => candidate.line === position.line);
		if (!heading) {
			return undefined;
		}
		return new vscode.Hover(breakdown(heading), document.lineAt(heading.line).range);
	}
}

export function registerPlanDecorations(context: FeatureContext): PlanDecorations {
	return new PlanDecorations(context);
}

function createType(color: string): vscode.TextEditorDecorationType {
	return vscode.window.createTextEditorDecorationType({
		after: { color: new vscode.ThemeColor(color), margin: '0 0 0 1.5em' },
		rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
	});
}

function rendered(heading: HeadingProgress, style: Parameters<typeof progressText>[1]): RenderedProgress {
	return {
		line: heading.line,
		heading: heading.text,
		text: progressText(heading.counts, style),
		level: progressLevel(heading.counts),
		counts: heading.counts,
	};
}

function sameProgress(a: readonly RenderedProgress[], b: readonly RenderedProgress[]): boolean {
	return a.length === b.length && a.every((item, index) => item.line === b[index].line && item.text === b[index].text && item.level === b[index].level);
}

function breakdown(heading: RenderedProgress): vscode.MarkdownString {
	const { counts } = heading;
	const markdown = new vscode.MarkdownString();
	markdown.appendMarkdown(`**${escapeMarkdown(heading.heading)}** — ${escapeMarkdown(vscode.l10n.t('{0} of {1} tasks done ({2}%)', counts.done, counts.total, counts.percent))}\n\n`);
	markdown.appendMarkdown(`- ${vscode.l10n.t('Done: {0}', counts.done)}\n`);
	markdown.appendMarkdown(`- ${vscode.l10n.t('Active: {0}', counts.active)}\n`);
	markdown.appendMarkdown(`- ${vscode.l10n.t('Open: {0}', counts.open)}\n`);
	markdown.appendMarkdown(`- ${vscode.l10n.t('Cancelled: {0}', counts.cancelled)}\n`);
	if (counts.cancelled > 0) {
		markdown.appendMarkdown(`\n${escapeMarkdown(vscode.l10n.t('Cancelled tasks are left out of the percentage.'))}\n`);
	}
	return markdown;
}

function escapeMarkdown(text: string): string {
	// Only what can start markup in the middle of a line: the text never starts a line of its own.
	return text.replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

const sizes = new WeakMap<vscode.TextDocument, { version: number; limit: number; large: boolean }>();

/** UTF-8 size over the limit, worked out once per version and mostly from the length alone: typing stays cheap. */
function isLargerThan(document: vscode.TextDocument, limit: number): boolean {
	const cached = sizes.get(document);
	if (cached && cached.version === document.version && cached.limit === limit) {
		return cached.large;
	}
	const characters = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
	let large = characters > limit;
	if (!large && characters * 3 > limit) {
		// Between the bounds: count the bytes (UTF-16 surrogate pairs are 4 UTF-8 bytes, other BMP characters 1 to 3).
		const text = document.getText();
		let bytes = 0;
		for (let index = 0; index < text.length && !large; index++) {
			const code = text.charCodeAt(index);
			if (code >= 0xd800 && code <= 0xdbff) {
				bytes += 4;
				index++;
			} else {
				bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
			}
			large = bytes > limit;
		}
	}
	sizes.set(document, { version: document.version, limit, large });
	return large;
}
