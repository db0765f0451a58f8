// The nine operations of DESIGN.md §7 over a repository on disk, by name, shared by the CLI commands and the
// MCP server so both do exactly the same: reads decide on the model and the files as they are; writes go
// through `NodeRepository.run` (locks, re-decision, atomic writes).

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	addNote, AddNoteInput, createStream, fail, listStreams, ListStreamsInput, lintStreams, LintStreamsInput, nextTasks, NextTasksInput,
	OperationOutcome, setField, SetFieldInput, setTask, SetTaskInput, showStream, ShowStreamInput, writeHandoff, WriteHandoffInput,
} from '../core';
import { NodeRepository } from './nodeRepository';

export type OperationName = 'list' | 'show' | 'next' | 'setTask' | 'setField' | 'addNote' | 'writeHandoff' | 'create' | 'lint';

export interface CreateInput {
	readonly name: string;
	readonly priority?: string;
	readonly owner?: string;
	readonly template?: string;
}

export interface OperationInputs {
	list: ListStreamsInput;
	show: ShowStreamInput;
	next: NextTasksInput;
	setTask: SetTaskInput;
	setField: SetFieldInput;
	addNote: AddNoteInput;
	writeHandoff: WriteHandoffInput;
	create: CreateInput;
	lint: LintStreamsInput;
}

export async function runOperation<N extends OperationName>(repository: NodeRepository, name: N, input: OperationInputs[N]): Promise<OperationOutcome<unknown>> {
	const given = input as never;
	switch (name) {
		case 'list': return listStreams(repository.context(), given);
		case 'show': return showStream(repository.context(), given);
		case 'next': return nextTasks(repository.context(), given);
		case 'lint': return lintStreams(repository.context(), given, {
			severities: repository.settings.diagnosticsRules,
			requiredDocuments: repository.settings.requiredDocuments,
			templatesFolder: repository.settings.templatesFolder,
		});
		case 'setTask': return repository.run(context => setTask(context, given));
		case 'setField': return repository.run(context => setField(context, given));
		case 'addNote': return repository.run(context => addNote(context, given));
		case 'writeHandoff': return repository.run(context => writeHandoff(context, given));
		case 'create': return create(repository, input as CreateInput);
	}
	return fail('invalid-input', `unknown operation ${String(name)}`);
}

/** New Stream in the first stream root; a folder of that name, even one holding no documents, is never reused. */
async function create(repository: NodeRepository, input: CreateInput): Promise<OperationOutcome<unknown>> {
	const root = repository.roots[0];
	if (root === undefined) {
		return fail('invalid-input', 'the repository has no stream root (streams.roots is empty)');
	}
	const decide = (context: ReturnType<NodeRepository['context']>) => createStream(context, { ...input, source: repository.source, root });
	const first = await decide(repository.context());
	if (first.ok) {
		const folder = path.join(repository.folder, ...first.result.id.split('/'));
		if (fs.existsSync(folder)) {
			return fail('exists', `${first.result.id} already exists; nothing was created`);
		}
		fs.mkdirSync(path.join(repository.folder, ...root.split('/')), { recursive: true });
	}
	return first.ok ? repository.run(decide) : first;
}
