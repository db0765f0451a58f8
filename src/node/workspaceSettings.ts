// The `streams.*` settings a repository keeps in `.vscode/settings.json`, read by `streams lint` so CI applies
// the same roots, rule severities and required documents as the team's editors. The file is JSON with comments
// and trailing commas, as VS Code writes and accepts it.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { RuleSetting } from '../core';

export interface RepositorySettings {
	readonly roots?: string[];
	readonly templatesFolder?: string;
	readonly rules?: Record<string, RuleSetting>;
	readonly requiredDocuments?: string[];
}

export type SettingsRead =
	| { readonly ok: true; readonly settings: RepositorySettings }
	| { readonly ok: false; readonly message: string };

const RULE_SETTINGS: readonly string[] = ['error', 'warning', 'information', 'off'];

/** Reads `<folder>/.vscode/settings.json`; a folder without one has no settings. */
export async function readRepositorySettings(folder: string): Promise<SettingsRead> {
	const file = path.join(folder, '.vscode', 'settings.json');
	let text: string;
	try {
		text = await fs.readFile(file, 'utf8');
	} catch {
		return { ok: true, settings: {} };
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(withoutCommentsAndTrailingCommas(text));
	} catch (error) {
		return { ok: false, message: `${path.relative(folder, file) || file} is not valid JSON (${error instanceof Error ? error.message : String(error)}); its settings were ignored` };
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		return { ok: true, settings: {} };
	}
	const values = parsed as Record<string, unknown>;
	const strings = (value: unknown) => Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
	const rules = values['streams.diagnostics.rules'];
	const templatesFolder = values['streams.templatesFolder'];
	return {
		ok: true,
		settings: {
			roots: strings(values['streams.roots'])
				?.map(root => root.trim().replace(/\\/g, '/').replace(/^\.\/+|\/+$/g, ''))
				// As in the editor: a root that climbs out of the folder is ignored.
				.filter(root => root !== '' && !root.split('/').includes('..')),
			templatesFolder: typeof templatesFolder === 'string' ? templatesFolder : undefined,
			rules: typeof rules === 'object' && rules !== null
				? Object.fromEntries(Object.entries(rules).filter((entry): entry is [string, RuleSetting] => RULE_SETTINGS.includes(entry[1] as string)))
				: undefined,
			requiredDocuments: strings(values['streams.requiredDocuments']),
		},
	};
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
