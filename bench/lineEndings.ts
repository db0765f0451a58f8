// The plan scanner on lone-CR line endings (old Mac files), timed in turns with the same plan written with
// `\n`, and against itself at twice the length: a scanner that searched on for `\n` from every line took
// seconds here (issue 13 item 5), so the growth must stay linear.

import { scanPlan } from '../src/core';
import { generatePlan } from '../test/support/planGenerator';
import { pairedFigure, record } from './figures';
import { timePair } from './measure';

export async function benchLineEndings(tiny: boolean): Promise<void> {
	const lf = generatePlan(tiny ? 20_000 : 350_000, 42);
	const cr = lf.replace(/\n/g, '\r');
	const crTwice = cr.repeat(2);
	if (scanPlan(cr).tasks.length !== scanPlan(lf).tasks.length) {
		throw new Error('the lone-CR plan and the same plan with \\n have different tasks');
	}
	const runs = tiny ? 5 : 60;
	const label = tiny ? '20 KB' : '350 KB';
	record(pairedFigure(`scan a lone-CR PLAN.md ${label}`, 'same with \\n',
		await timePair(() => scanPlan(lf), () => scanPlan(cr), runs), tiny ? undefined : { text: '≤ ×2', maxRatio: 2 }));
	record(pairedFigure('lone-CR PLAN.md twice as long', label,
		await timePair(() => scanPlan(cr), () => scanPlan(crTwice), runs), tiny ? undefined : { text: '≤ ×2.5', maxRatio: 2.5 }));
}
