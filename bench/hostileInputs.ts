// The "hostile inputs" section of `npm run bench`: documents built to make a markdown reader slow (issue 13),
// each read at two sizes, one twice the other. A reader linear in its input takes about twice as long on the
// larger one; a quadratic step shows as ×4. Growth above ×2.5 is a missed target.

import { readDocumentHeader } from '../src/core/header/headerFields';
import { namesBlocker } from '../src/core/health/rules/statusVsPlan';
import { frontMatterLineCount } from '../src/core/markdown/frontMatterFences';
import { scanPlan } from '../src/core/markdown/planScanner';
import { pairedFigure, record } from './figures';
import { timePair } from './measure';

interface Family {
	readonly name: string;
	/** A document of about `size` characters. */
	readonly document: (size: number) => string;
	readonly read: (text: string) => unknown;
}

function repeat(unit: string, size: number): string {
	return unit.repeat(Math.ceil(size / unit.length));
}

function readme(text: string): unknown {
	return readDocumentHeader('README.md', text);
}

/** A header read and a plan scan: what the index does with every document. */
function everything(text: string): unknown {
	return [readDocumentHeader('README.md', text), scanPlan(text), frontMatterLineCount(text)];
}

const FAMILIES: readonly Family[] = [
	{ name: 'brackets: README of `[`', document: size => '# T\n\n' + repeat('[', size), read: readme },
	{ name: 'emphasis runs: `# ` + `**x ` × n', document: size => '# ' + repeat('**x ', size), read: readme },
	{ name: 'image openers: `## ` + `![(` × n', document: size => '# T\n\n## ' + repeat('![(', size), read: readme },
	{ name: 'heading spaces: `# a` + spaces + `b`', document: size => '# a' + ' '.repeat(size) + 'b\n', read: readme },
	{ name: 'link openers: STATUS blockers `[a](` × n', document: size => '# Status\n\n## Blockers\n\n- ' + repeat('[a](', size) + '\n', read: namesBlocker },
	{
		name: 'many YAML keys: front matter',
		document: size => '---\n' + Array.from({ length: Math.ceil(size / 12) }, (_, index) => `key${index}: v\n`).join('') + '---\n# T\n',
		read: readme,
	},
	{ name: 'lone CR: `- [ ] a\\r` × n', document: size => repeat('- [ ] a\r', size), read: everything },
	{ name: 'lone CR in front matter', document: size => '---\ntitle: x\n---\n' + repeat('a\r', size), read: everything },
	{ name: 'one long line', document: size => '# ' + repeat('word ', size), read: everything },
];

export async function benchHostileInputs(tiny: boolean): Promise<void> {
	const size = tiny ? 10_000 : 100_000;
	for (const family of FAMILIES) {
		const small = family.document(size);
		const large = family.document(2 * size);
		// In turns, so that a burst of load on a shared machine hits both sizes alike.
		const paired = await timePair(() => family.read(small), () => family.read(large), tiny ? 3 : 9);
		record(pairedFigure(`hostile ${family.name}, ${Math.round(2 * size / 1000)} KB`, `${Math.round(size / 1000)} KB`, paired, { text: '≤ ×2.5', maxRatio: 2.5 }));
	}
}
