// The `streams.*` settings as one typed model: their defaults and the one normalization of raw values, fed by
// the editor (from VS Code's configuration) and by the CLI (from a repository's `.vscode/settings.json` and its
// flags), so CI judges exactly as the editor does.

import type { RuleSetting } from '../health/healthFindings';
import type { Grouping } from '../model/streamGrouping';
import type { ProgressStyle } from '../tasks/progressText';
import { LAYOUT_IDS, LayoutId } from '../layouts/streamLayout';

export interface StreamSettings {
	readonly roots: readonly string[];
	/** `streams.layouts` (DESIGN.md §8): the layouts read; by default all, so every layout whose folder exists shows. */
	readonly layouts: readonly LayoutId[];
	readonly templatesFolder: string;
	readonly groupBy: Grouping;
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
	readonly diagnosticsRules: Readonly<Record<string, RuleSetting>>;
	/** `streams.requiredDocuments`: document names every stream must have. */
	readonly requiredDocuments: readonly string[];
	/** `streams.staleDays`: a stream whose documents nobody changed for this many days is stale (the board). */
	readonly staleDays: number;
}

/** The setting keys below `streams.` that the model reads. */
export type SettingKey =
	| 'roots' | 'layouts' | 'templatesFolder' | 'groupBy' | 'defaultOwner' | 'newStream.openDocument' | 'followActiveEditor'
	| 'maxFileSize' | 'badges.enabled' | 'badges.progress' | 'progress.enabled' | 'progress.style' | 'progress.files'
	| 'toggleTask.rollUp' | 'diagnostics.rules' | 'requiredDocuments' | 'staleDays';

export const SETTINGS_SECTION = 'streams';
export const DEFAULT_ROOTS: readonly string[] = ['.project/streams'];
export const DEFAULT_TEMPLATES_FOLDER = '.project/templates';
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
export const DEFAULT_STALE_DAYS = 14;
const MIN_MAX_FILE_SIZE = 1024;
const RULE_SETTINGS: readonly string[] = ['error', 'warning', 'information', 'off'];

/**
 * The settings from raw values as a host found them (`undefined` when unset; anything else may be of the
 * wrong type, as a hand-edited settings file can hold): wrong types and values fall back to the default.
 */
export function normalizeSettings(raw: (key: SettingKey) => unknown): StreamSettings {
	const roots = raw('roots');
	return {
		roots: Array.isArray(roots) ? normalizeRoots(roots) : DEFAULT_ROOTS,
		layouts: layoutList(raw('layouts')),
		templatesFolder: folderPath(raw('templatesFolder')) || DEFAULT_TEMPLATES_FOLDER,
		groupBy: oneOf(raw('groupBy'), ['status', 'priority', 'layout', 'none'] as const, 'status'),
		defaultOwner: text(raw('defaultOwner'), ''),
		newStreamOpenDocument: text(raw('newStream.openDocument'), 'README.md'),
		followActiveEditor: flag(raw('followActiveEditor'), false),
		maxFileSize: maxFileSize(raw('maxFileSize')),
		badges: {
			enabled: flag(raw('badges.enabled'), true),
			progress: flag(raw('badges.progress'), false),
		},
		progress: {
			enabled: flag(raw('progress.enabled'), true),
			style: oneOf(raw('progress.style'), ['bar', 'fraction', 'percent'] as const, 'bar'),
			files: stringList(raw('progress.files') ?? ['**/PLAN.md']),
		},
		toggleTaskRollUp: flag(raw('toggleTask.rollUp'), false),
		diagnosticsRules: ruleSettings(raw('diagnostics.rules')),
		requiredDocuments: stringList(raw('requiredDocuments') ?? ['README.md', 'PLAN.md'])
			.map(name => name.trim())
			// Names of files in the stream folder, not paths.
			.filter(name => !/[\\/]/.test(name)),
		staleDays: staleDays(raw('staleDays')),
	};
}

/**
 * Stream roots as paths relative to their workspace folder, `/`-separated, without `.` segments or surrounding
 * slashes (`./docs/streams/`, `/docs/streams` and `docs\streams` are all `docs/streams`). A root that climbs out of
 * its folder (`..`) is ignored rather than followed, and so is one naming the folder itself (`.`): a stream root is
 * a folder inside the workspace folder. Duplicates go.
 */
export function normalizeRoots(roots: readonly unknown[]): string[] {
	const cleaned = roots
		.filter((root): root is string => typeof root === 'string' && root.trim() !== '')
		.map(root => root.trim().replace(/\\/g, '/').split('/'))
		.filter(segments => !segments.includes('..'))
		.map(segments => segments.filter(segment => segment !== '' && segment !== '.').join('/'))
		.filter(root => root !== '');
	return [...new Set(cleaned)];
}

/** The layouts named, in their usual order; anything else (not a list, unknown names) reads every layout. */
function layoutList(value: unknown): readonly LayoutId[] {
	if (!Array.isArray(value)) {
		return LAYOUT_IDS;
	}
	return LAYOUT_IDS.filter(id => value.includes(id));
}

function folderPath(value: unknown): string {
	return typeof value === 'string' ? normalizeRoots([value])[0] ?? '' : '';
}

function maxFileSize(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) ? Math.max(MIN_MAX_FILE_SIZE, value) : DEFAULT_MAX_FILE_SIZE;
}

function staleDays(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : DEFAULT_STALE_DAYS;
}

function ruleSettings(value: unknown): Record<string, RuleSetting> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return {};
	}
	return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, RuleSetting] => RULE_SETTINGS.includes(entry[1] as string)));
}

function stringList(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}

function text(value: unknown, fallback: string): string {
	return typeof value === 'string' ? value.trim() : fallback;
}

function flag(value: unknown, fallback: boolean): boolean {
	return typeof value === 'boolean' ? value : fallback;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
	return allowed.includes(value as T) ? (value as T) : fallback;
}
