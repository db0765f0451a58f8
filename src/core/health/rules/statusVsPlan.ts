// Rules `status-vs-plan` and `blocked-without-blockers`: the status a stream claims against what its plan and
// its STATUS.md say.
//
// - Complete, while PLAN.md still has open or active tasks: suggests In Progress.
// - Ready, while tasks are already done or under way (`[x]`, `[/]`): suggests In Progress, or Complete when
//   every task is done.
// - Ready or In Progress with every task done: suggests Complete.
// - Blocked, and STATUS.md names no blocker. A blocker is written when STATUS.md has a section whose heading
//   speaks of blockers ("Blockers", "Current blockers") or a `Blockers:` / `Blocked by:` line, with something in
//   it that is not "None", a placeholder, or a ticked checkbox (a blocker that is resolved).
//
// Findings point at the status value the stream's status is read from, so the fix rewrites exactly that.

import type { HealthInput, RuleFinding } from '../healthFindings';
import { isPlaceholder } from '../../header/headerFields';
import { STATUS } from '../../model/streamDocuments';
import { listItem, plainWords, ProseLine, proseLines, sections } from './proseLines';
import { textOf, visibleSpan } from './streamTexts';

export function checkStatusAgainstPlan(input: HealthInput): RuleFinding[] {
	const { stream } = input;
	const source = stream.fieldSources.status;
	if (!stream.status || !source) {
		return [];
	}
	const { document, line, startColumn, endColumn } = source.location;
	const at = { document, line, ...visibleSpan(textOf(input, document)?.text, line, startColumn, endColumn) };
	const { done, open, active, total } = stream.progress;
	const findings: RuleFinding[] = [];
	if (stream.status === 'complete' && open + active > 0) {
		findings.push({
			rule: 'status-vs-plan', ...at,
			message: { kind: 'complete-with-open-tasks', notDone: open + active, total },
			fixes: [{ kind: 'set-status', status: 'in-progress', preferred: true }],
		});
	} else if ((stream.status === 'ready' || stream.status === 'in-progress') && total > 0 && done === total) {
		findings.push({
			rule: 'status-vs-plan', ...at,
			message: { kind: 'all-tasks-done', status: stream.status, total },
			fixes: [{ kind: 'set-status', status: 'complete', preferred: true }],
		});
	} else if (stream.status === 'ready' && done + active > 0) {
		findings.push({
			rule: 'status-vs-plan', ...at,
			message: { kind: 'ready-with-started-tasks', started: done + active, total },
			fixes: [{ kind: 'set-status', status: 'in-progress', preferred: true }],
		});
	}
	if (stream.status === 'blocked') {
		const statusDocument = textOf(input, STATUS);
		if (!statusDocument || !namesBlocker(statusDocument.text)) {
			findings.push({
				rule: 'blocked-without-blockers', ...at,
				message: { kind: 'blocked-without-blockers', hasStatusDocument: statusDocument !== undefined },
				fixes: [],
			});
		}
	}
	return findings;
}

const BLOCKERS_HEADING = /\bblock(?:ers?|ing|ed by)\b/i;
const BLOCKERS_LABEL = /^(?:[-*+]\s+)?[*_]*\s*(?:current\s+)?(?:blockers?|blocked by)\s*[*_]*\s*:\s*[*_]*\s*(.*)$/i;
const NOTHING = /^(?:none|nothing|no blockers?|not blocked|n\/a)\b/i;

/** True when STATUS.md says what blocks the work. */
export function namesBlocker(text: string): boolean {
	const lines = proseLines(text);
	for (const section of sections(lines, BLOCKERS_HEADING)) {
		if (section.lines.some(isBlockerLine)) {
			return true;
		}
	}
	for (let index = 0; index < lines.length; index++) {
		const label = BLOCKERS_LABEL.exec(lines[index].visible.trim());
		if (!label || lines[index].frontMatter || lines[index].code) {
			continue;
		}
		if (isBlocker(label[1])) {
			return true;
		}
		// `**Blockers:**` on a line of its own, the list under it.
		for (let next = index + 1; next < lines.length && listItem(lines[next].visible); next++) {
			if (isBlockerLine(lines[next])) {
				return true;
			}
		}
	}
	return false;
}

function isBlockerLine(line: ProseLine): boolean {
	if (line.code) {
		return line.raw.trim() !== '' && !/^[ \t]*(?:`{3,}|~{3,})/.test(line.raw);
	}
	const item = listItem(line.visible);
	let content = item ? line.visible.slice(item.contentStart) : line.visible;
	const checkbox = /^\[([ xX/-])\][ \t]+/.exec(content);
	if (checkbox) {
		if (checkbox[1] !== ' ' && checkbox[1] !== '/') {
			// Ticked or cancelled: a blocker that no longer blocks.
			return false;
		}
		content = content.slice(checkbox[0].length);
	}
	return isBlocker(content);
}

function isBlocker(content: string): boolean {
	const words = plainWords(content).replace(/^[^\p{L}\p{N}[<]+/u, '');
	return words !== '' && !/^#{1,6}\s/.test(content.trim()) && !isPlaceholder(words) && !NOTHING.test(words);
}
