// Wires the core's markdown-it plugin (`previewProgressPlugin`) into VS Code's Markdown preview, which calls
// `extendMarkdownIt` from the object `activate` returns (`markdown.markdownItPlugins` in package.json). The
// plugin asks, per rendered document, whether it shows progress (the same rule as the editor) and a status pill
// (a stream's README.md or STATUS.md); open previews are refreshed when those settings change.

import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { Disposable } from '../lifecycle/disposable';
import { baseName, isAnyDocument, PreviewProgressOptions, previewProgressPlugin, README, STATUS } from '../../core';
import { FeatureContext } from '../workspace/featureContext';
import { showsProgress, uriFromPreviewEnv } from './progressDocuments';
import { affectsSetting, readSettings } from '../workspace/settings';
import { statusLabel } from '../status/statusPresentation';

const STATUS_DOCUMENTS = [README, STATUS];

export class PreviewPlugin extends Disposable {
	private readonly options: PreviewProgressOptions;

	constructor(context: FeatureContext) {
		super();
		const { streams } = context;
		this.options = {
			progressStyle: env => {
				const uri = uriFromPreviewEnv(env);
				const settings = readSettings();
				return uri && showsProgress(uri, streams, settings) ? settings.progress.style : undefined;
			},
			showsStatus: env => {
				const uri = uriFromPreviewEnv(env);
				return !!uri && isAnyDocument(baseName(uri.path), STATUS_DOCUMENTS) && streams.streamFor(uri) !== undefined;
			},
			describe: counts => vscode.l10n.t('{0} done · {1} active · {2} open · {3} cancelled', counts.done, counts.active, counts.open, counts.cancelled),
			statusLabel: status => statusLabel(status),
			vocabulary: env => {
				const uri = uriFromPreviewEnv(env);
				return uri && streams.vocabularyOf(uri);
			},
		};
		this._register(vscode.workspace.onDidChangeConfiguration(event => {
			if (affectsSetting(event, 'progress', 'roots')) {
				// Previews re-render only when their document changes; the plugin reads settings per render.
				void vscode.commands.executeCommand('markdown.preview.refresh');
			}
		}));
	}

	/** Called by VS Code's Markdown preview with its markdown-it instance. */
	readonly extendMarkdownIt = (md: MarkdownIt): MarkdownIt => md.use(previewProgressPlugin, this.options);
}

export function registerPreviewPlugin(context: FeatureContext): PreviewPlugin {
	return new PreviewPlugin(context);
}
