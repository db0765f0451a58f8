// Glob patterns such as `**/PLAN.md` or `docs/{plans,roadmap}/*.md`, matched against `/`-separated paths.
// A small matcher of our own so the same rule decides in the editor, in the Markdown preview (which knows
// only a URI) and in the web-worker host (which has no Node).
//
// Syntax: `**` any number of folders, `*` and `?` within one path segment, `[abc]` / `[!abc]` character
// classes, `{a,b}` alternatives (nesting allowed). Matching ignores case: `Plan.md` is a plan too.

const cache = new Map<string, RegExp>();

function escape(char: string): string {
	return /[\\^$.*+?()[\]{}|/]/.test(char) ? '\\' + char : char;
}

/** The regular expression source of `glob` from `start`, up to an unmatched `}` or `,` when inside braces. */
function translate(glob: string, start: number, inBraces: boolean): { source: string; end: number } {
	let source = '';
	let at = start;
	while (at < glob.length) {
		const char = glob[at];
		if (inBraces && (char === '}' || char === ',')) {
			break;
		}
		if (char === '*') {
			if (glob[at + 1] === '*') {
				const segmentStart = at === 0 || glob[at - 1] === '/';
				const next = glob[at + 2];
				if (segmentStart && next === '/') {
					source += '(?:[^/]*/)*';
					at += 3;
					continue;
				}
				if (segmentStart && next === undefined) {
					source += '.*';
					at += 2;
					continue;
				}
				// `a**b` is just two stars within a segment.
				source += '[^/]*';
				at += 2;
				continue;
			}
			source += '[^/]*';
		} else if (char === '?') {
			source += '[^/]';
		} else if (char === '[') {
			const close = glob.indexOf(']', at + 2);
			if (close < 0) {
				source += '\\[';
			} else {
				let body = glob.slice(at + 1, close);
				const negated = body.startsWith('!') || body.startsWith('^');
				if (negated) {
					body = body.slice(1);
				}
				source += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
				at = close;
			}
		} else if (char === '{') {
			const alternatives: string[] = [];
			let next = at + 1;
			for (;;) {
				const part = translate(glob, next, true);
				alternatives.push(part.source);
				next = part.end;
				if (glob[next] !== ',') {
					break;
				}
				next++;
			}
			if (glob[next] === '}') {
				source += `(?:${alternatives.join('|')})`;
				at = next;
			} else {
				// Unclosed brace: taken literally.
				source += '\\{';
			}
		} else {
			source += escape(char);
		}
		at++;
	}
	return { source, end: at };
}

export function globToRegExp(glob: string): RegExp {
	let regExp = cache.get(glob);
	if (!regExp) {
		const pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '');
		regExp = new RegExp(`^${translate(pattern, 0, false).source}$`, 'i');
		cache.set(glob, regExp);
	}
	return regExp;
}

export function matchesGlob(path: string, glob: string): boolean {
	return globToRegExp(glob).test(path);
}

/** True when any of the paths (say, workspace-relative and absolute) matches any of the patterns. */
export function matchesAnyGlob(paths: readonly string[], globs: readonly string[]): boolean {
	return globs.some(glob => paths.some(path => matchesGlob(path, glob)));
}
