// Reads one command's arguments by its declared shape: positionals (required, then optional) and options
// (`--name value`, repeatable lists, flags). A wrong argument is a `UsageError`: the command line prints the
// command's usage and exits 2.

export class UsageError extends Error { }

export type OptionKind = 'string' | 'list' | 'flag' | 'number';

export interface CommandShape {
	/** Positional names; a trailing `?` marks an optional one. */
	readonly positionals: readonly string[];
	readonly options: Readonly<Record<string, OptionKind>>;
}

export interface ParsedArguments {
	readonly positionals: Readonly<Record<string, string | undefined>>;
	readonly strings: Readonly<Record<string, string | undefined>>;
	readonly lists: Readonly<Record<string, string[] | undefined>>;
	readonly flags: ReadonlySet<string>;
	readonly help: boolean;
}

export function parseCommandArguments(args: readonly string[], shape: CommandShape): ParsedArguments {
	const values: string[] = [];
	const strings: Record<string, string> = {};
	const lists: Record<string, string[]> = {};
	const flags = new Set<string>();
	let help = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '-h' || arg === '--help') {
			help = true;
			continue;
		}
		if (arg === '--') {
			values.push(...args.slice(i + 1));
			break;
		}
		if (!arg.startsWith('--') || arg.length === 2) {
			values.push(arg);
			continue;
		}
		const [name, inline] = splitOption(arg.slice(2));
		const kind = shape.options[name];
		if (kind === undefined) {
			throw new UsageError(`unknown option --${name}`);
		}
		if (kind === 'flag') {
			flags.add(name);
			continue;
		}
		const value = inline ?? args[++i];
		if (value === undefined) {
			throw new UsageError(`--${name} needs a value`);
		}
		if (kind === 'number' && !/^\d+$/.test(value)) {
			throw new UsageError(`--${name} needs a whole number, not ${value}`);
		}
		if (kind === 'list') {
			(lists[name] ??= []).push(value);
		} else {
			strings[name] = value;
		}
	}
	const positionals: Record<string, string | undefined> = {};
	if (!help) {
		const required = shape.positionals.filter(name => !name.endsWith('?'));
		if (values.length < required.length) {
			throw new UsageError(`missing <${required[values.length]}>`);
		}
		if (values.length > shape.positionals.length) {
			throw new UsageError(`unexpected argument ${values[shape.positionals.length]}`);
		}
		shape.positionals.forEach((name, index) => { positionals[name.replace(/\?$/, '')] = values[index]; });
	}
	return { positionals, strings, lists, flags, help };
}

function splitOption(text: string): [string, string | undefined] {
	const equals = text.indexOf('=');
	return equals < 0 ? [text, undefined] : [text.slice(0, equals), text.slice(equals + 1)];
}
