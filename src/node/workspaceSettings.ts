// The `streams.*` settings a repository keeps in `.vscode/settings.json`, read by `streams lint` so CI applies
// the same roots, rule severities and required documents as the team's editors. The file is JSON with comments
// and trailing commas, as VS Code writes and accepts it.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { normalizeSettings, SETTINGS_SECTION, StreamSettings } from '../core';

export type SettingsRead =
	| { readonly ok: true; readonly settings: StreamSettings }
	| { readonly ok: false; readonly message: string; readonly settings: StreamSettings };

/** Reads `<folder>/.vscode/settings.json` through the core's settings model; a folder without one has the defaults. */
export async function readRepositorySettings(folder: string): Promise<SettingsRead> {
	const file = path.join(folder, '.vscode', 'settings.json');
	const defaults = normalizeSettings(() => undefined);
	let text: string;
	try {
		text = await fs.readFile(file, 'utf8');
	} catch {
		return { ok: true, settings: defaults };
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(withoutCommentsAndTrailingCommas(text));
	} catch (error) {
		return { ok: false, settings: defaults, message: `${path.relative(folder, file) || file} is not valid JSON (${error instanceof Error ? error.message : String(error)}); its settings were ignored` };
	}
	const values = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed as Record<string, unknown> : {};
	return { ok: true, settings: normalizeSettings(key => values[`${SETTINGS_SECTION}.${key}`]) };
}

/** JSONC to JSON: drops line and block comments, then commas before a closing brace or bracket, leaving strings alone. */
export function withoutCommentsAndTrailingCommas(text: string): string {
	return outsideStrings(outsideStrings(text, (rest, at) => {
		if (rest.startsWith('//', at)) {
			const end = rest.indexOf('\n', at);
			return end < 0 ? rest.length : end;
		}
		if (rest.startsWith('/*', at)) {
			const end = rest.indexOf('*/', at + 2);
			return end < 0 ? rest.length : end + 2;
		}
		return undefined;
	}), (rest, at) => rest[at] === ',' && /^\s*[}\]]/.test(rest.slice(at + 1, at + 200)) ? at + 1 : undefined);
}

/** Copies `text`, letting `skip` drop a piece outside strings: it returns where the dropped piece ends. */
function outsideStrings(text: string, skip: (text: string, at: number) => number | undefined): string {
	let result = '';
	let at = 0;
	while (at < text.length) {
		if (text[at] === '"') {
			let end = at + 1;
			while (end < text.length && text[end] !== '"') {
				end += text[end] === '\\' ? 2 : 1;
			}
			result += text.slice(at, end + 1);
			at = end + 1;
			continue;
		}
		const end = skip(text, at);
		if (end === undefined) {
			result += text[at];
			at++;
		} else {
			at = end;
		}
	}
	return result;
}
