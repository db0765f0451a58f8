// One typed view of the `streams.*` settings, so no feature reads configuration by string.

import * as vscode from 'vscode';

export type GroupBy = 'status' | 'priority' | 'none';
export type ProgressStyle = 'bar' | 'fraction' | 'percent';
export type RuleSeverity = 'error' | 'warning' | 'information' | 'off';

export interface Settings {
	readonly roots: readonly string[];
	readonly templatesFolder: string;
	readonly groupBy: GroupBy;
	readonly defaultOwner: string;
	/** `streams.newStream.openDocument`: the document New Stream opens; empty to open none. */
	readonly newStreamOpenDocument: string;
	readonly followActiveEditor: boolean;
	readonly maxFileSize: number;
	/** `streams.badges.*`: status badges on stream folders, and a percentage badge on PLAN.md. */
	readonly badges: {
		readonly enabled: boolean;
		readonly progress: boolean;
	};
	/** Progress after PLAN.md headings, in editors and in the Markdown preview. */
	readonly progress: {
		readonly enabled: boolean;
		readonly style: ProgressStyle;
		/** Globs (workspace-relative) of further files that show progress, besides streams' PLAN.md. */
		readonly files: readonly string[];
	};
	/** `streams.toggleTask.rollUp`: toggling a child checks or unchecks its parent task. */
	readonly toggleTaskRollUp: boolean;
	/** `streams.diagnostics.rules`: severity per health rule id; rules not named keep their default. */
	readonly diagnosticsRules: Readonly<Record<string, RuleSeverity>>;
	/** `streams.requiredDocuments`: document names every stream must have. */
	readonly requiredDocuments: readonly string[];
}

export const SECTION = 'streams';

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
	const config = vscode.workspace.getConfiguration(SECTION, scope);
	return {
		roots: cleanRoots(config.get<string[]>('roots', ['.project/streams'])),
		templatesFolder: trimSlashes(config.get<string>('templatesFolder', '.project/templates')) || '.project/templates',
		groupBy: oneOf(config.get<string>('groupBy'), ['status', 'priority', 'none'] as const, 'status'),
		defaultOwner: config.get<string>('defaultOwner', '').trim(),
		newStreamOpenDocument: config.get<string>('newStream.openDocument', 'README.md').trim(),
		followActiveEditor: config.get<boolean>('followActiveEditor', false),
		maxFileSize: Math.max(1024, config.get<number>('maxFileSize', 2 * 1024 * 1024)),
		badges: {
			enabled: config.get<boolean>('badges.enabled', true),
			progress: config.get<boolean>('badges.progress', false),
		},
		progress: {
			enabled: config.get<boolean>('progress.enabled', true),
			style: oneOf(config.get<string>('progress.style'), ['bar', 'fraction', 'percent'] as const, 'bar'),
			files: stringList(config.get<unknown>('progress.files', ['**/PLAN.md'])),
		},
		toggleTaskRollUp: config.get<boolean>('toggleTask.rollUp', false),
		diagnosticsRules: ruleSeverities(config.get<unknown>('diagnostics.rules', {})),
		requiredDocuments: stringList(config.get<unknown>('requiredDocuments', ['README.md', 'PLAN.md']))
			.map(name => name.trim())
			// Names of files in the stream folder, not paths.
			.filter(name => !/[\\/]/.test(name)),
	};
}

/** True when a configuration change touches `streams.<key>` for any of the keys. */
export function affectsSetting(event: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
	return keys.some(key => event.affectsConfiguration(`${SECTION}.${key}`));
}

function cleanRoots(roots: unknown): string[] {
	if (!Array.isArray(roots)) {
		return ['.project/streams'];
	}
	const cleaned = roots
		.filter((root): root is string => typeof root === 'string')
		.map(root => trimSlashes(root.replace(/\\/g, '/')))
		// A root that climbs out of its workspace folder is ignored rather than followed.
		.filter(root => root.length > 0 && !root.split('/').includes('..'));
	return [...new Set(cleaned)];
}

function ruleSeverities(value: unknown): Record<string, RuleSeverity> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return {};
	}
	const allowed: readonly string[] = ['error', 'warning', 'information', 'off'];
	return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, RuleSeverity] => allowed.includes(entry[1] as string)));
}

function stringList(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}

function trimSlashes(path: string): string {
	return path.trim().replace(/^\.\/+/, '').replace(/^\/+|\/+$/g, '');
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
	return allowed.includes(value as T) ? (value as T) : fallback;
}
