// The `streams.*` settings as VS Code holds them, through the core's one settings model, so no feature reads
// configuration by string and the editor normalizes exactly as the CLI does.

import * as vscode from 'vscode';
import { normalizeSettings, SETTINGS_SECTION, StreamSettings } from '../../core';

export type Settings = StreamSettings;

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
	const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
	return normalizeSettings(key => config.get(key));
}

/** True when a configuration change touches `streams.<key>` for any of the keys. */
export function affectsSetting(event: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
	return keys.some(key => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`));
}
