// The `streams.*` settings a repository keeps in `.vscode/settings.json`, read by `streams lint` so CI applies
// the same roots, rule severities and required documents as the team's editors. The file is JSON with comments
// and trailing commas, as VS Code writes and accepts it.

import * as path from 'node:path';
import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import { normalizeSettings, SETTINGS_SECTION, StreamSettings } from '../core';
import { readRegularFileSync } from './nodeFileSystem';

export type SettingsRead =
	| { readonly ok: true; readonly settings: StreamSettings }
	| { readonly ok: false; readonly message: string; readonly settings: StreamSettings };

/** A settings file is a few kilobytes; one far larger is not a settings file, and is not read whole. */
const SETTINGS_MAX_BYTES = 1024 * 1024;

/** Reads `<folder>/.vscode/settings.json` through the core's settings model; a folder without one has the defaults. */
export async function readRepositorySettings(folder: string): Promise<SettingsRead> {
	const relative = path.join('.vscode', 'settings.json');
	const defaults = normalizeSettings(() => undefined);
	let text: string;
	try {
		// Only a regular file: a FIFO or a link to /dev/stdin would wait for ever, /dev/zero would never end.
		text = new TextDecoder().decode(readRegularFileSync(path.join(folder, relative), relative, SETTINGS_MAX_BYTES));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return { ok: true, settings: defaults };
		}
		return { ok: false, settings: defaults, message: `${error instanceof Error ? error.message : String(error)}; its settings were ignored` };
	}
	const parsed = parseSettingsText(text);
	if (!parsed.ok) {
		return { ok: false, settings: defaults, message: `${relative} is not valid JSON (${parsed.error}); its settings were ignored` };
	}
	return { ok: true, settings: normalizeSettings(key => parsed.values[`${SETTINGS_SECTION}.${key}`]) };
}

/**
 * A settings file's values, read as VS Code reads it: JSON with comments and trailing commas, a byte-order
 * mark allowed, and an empty file (or one of only comments) meaning no settings.
 */
export function parseSettingsText(text: string): { ok: true; values: Record<string, unknown> } | { ok: false; error: string } {
	const errors: ParseError[] = [];
	const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const parsed: unknown = parse(source, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
	if (errors.length > 0) {
		const { error, offset } = errors[0];
		const before = source.slice(0, offset).split(/\r\n|\r|\n/);
		return { ok: false, error: `${printParseErrorCode(error)} at line ${before.length}, column ${before[before.length - 1].length + 1}` };
	}
	const values = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed as Record<string, unknown> : {};
	return { ok: true, values };
}
