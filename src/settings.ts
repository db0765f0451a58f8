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
	readonly followActiveEditor: boolean;
	readonly maxFileSize: number;
}

export const SECTION = 'streams';

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
	const config = vscode.workspace.getConfiguration(SECTION, scope);
	return {
		roots: cleanRoots(config.get<string[]>('roots', ['.project/streams'])),
		templatesFolder: trimSlashes(config.get<string>('templatesFolder', '.project/templates')) || '.project/templates',
		groupBy: oneOf(config.get<string>('groupBy'), ['status', 'priority', 'none'] as const, 'status'),
		defaultOwner: config.get<string>('defaultOwner', '').trim(),
		followActiveEditor: config.get<boolean>('followActiveEditor', false),
		maxFileSize: Math.max(1024, config.get<number>('maxFileSize', 2 * 1024 * 1024)),
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

function trimSlashes(path: string): string {
	return path.trim().replace(/^\.\/+/, '').replace(/^\/+|\/+$/g, '');
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
	return allowed.includes(value as T) ? (value as T) : fallback;
}
