// The `streams.*` settings as VS Code holds them, through the core's one settings model, so no feature reads
// configuration by string and the editor normalizes exactly as the CLI does.

import * as vscode from 'vscode';
import { normalizeSettings, SETTINGS_SECTION, StreamSettings } from '../../core';

export type Settings = StreamSettings;

/**
 * Every `streams.*` setting applies to the whole window (package.json gives none a `scope`), so none is read for
 * a resource: VS Code would give the same value and log a warning per key read (thousands in one index's health
 * checks, half a second of a 10,000-stream workspace's re-read).
 */
export function readSettings(): Settings {
	const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
	return normalizeSettings(key => config.get(key));
}

/** True when a configuration change touches `streams.<key>` for any of the keys. */
export function affectsSetting(event: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
	return keys.some(key => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`));
}
