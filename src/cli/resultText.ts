// How the agent commands print their results for people (without `--json`): a few plain lines each.

import { AddNoteResult, CreateStreamResult, ListStreamsResult, NextTasksResult, SetFieldResult, SetTaskResult, ShowStreamResult, TaskCounts, WriteHandoffResult } from '../core';
import { OperationName } from '../node/streamOperations';

function progress(counts: TaskCounts): string {
	return `${counts.done}/${counts.total} done (${counts.percent}%)`;
}

export function formatResult(operation: OperationName, result: unknown): string {
	switch (operation) {
		case 'list': {
			const { streams } = result as ListStreamsResult;
			return streams.length === 0 ? 'No streams.\n' : streams.map(stream =>
				`${stream.id}  ${stream.status ?? '-'}  ${stream.priority ?? '-'}  ${stream.owner ?? '-'}  ${progress(stream.progress)}${stream.phase ? `  ${stream.phase}` : ''}\n`).join('');
		}
		case 'show': {
			const shown = result as ShowStreamResult;
			const lines = [
				`${shown.title} (${shown.id})`,
				`Status: ${shown.status ?? '-'}  Priority: ${shown.priority ?? '-'}  Owner: ${shown.owner ?? '-'}  ${progress(shown.progress)}`,
			];
			if (shown.summary) {
				lines.push('', shown.summary);
			}
			if (shown.blockers.length > 0) {
				lines.push('', 'Blockers:', ...shown.blockers.map(item => `  - ${item}`));
			}
			if (shown.tasks.length > 0) {
				lines.push('', 'Tasks (line state text):', ...shown.tasks.map(task => `  ${task.line} ${task.state} ${task.text}`));
			}
			if (shown.nextSteps.length > 0) {
				lines.push('', 'Next steps:', ...shown.nextSteps.map((item, index) => `  ${index + 1}. ${item}`));
			}
			return lines.join('\n') + '\n';
		}
		case 'next': {
			const { tasks } = result as NextTasksResult;
			return tasks.length === 0 ? 'Nothing to do: no open tasks in ready or in-progress streams.\n'
				: tasks.map(task => `${task.stream}:${task.line} ${task.state} ${task.text}\n`).join('');
		}
		case 'setTask': {
			const set = result as SetTaskResult;
			return `${set.path}:${set.line}\n- ${set.before.trim()}\n+ ${set.after.trim()}\n${progress(set.progress)}\n`;
		}
		case 'setField': {
			const set = result as SetFieldResult;
			return `${set.path}: ${set.field} is ${set.value}\n`;
		}
		case 'addNote': {
			const note = result as AddNoteResult;
			return `${note.path}:${note.line} note added under ${note.date}${note.created ? ' (NOTES.md created)' : ''}\n`;
		}
		case 'writeHandoff': {
			const handoff = result as WriteHandoffResult;
			return `${handoff.path}: ${handoff.sections.join(', ')} rewritten${handoff.created ? ' (HANDOFF.md created)' : ''}\n`;
		}
		case 'create': {
			const created = result as CreateStreamResult;
			return `Created ${created.id} from the ${created.template} templates:\n${created.files.map(file => `  ${file}\n`).join('')}`;
		}
		case 'lint':
			return JSON.stringify(result, null, 2) + '\n';
	}
}
