// `streams_create` / `streams new`: a new stream folder filled from a template set (New Stream's rules,
// DESIGN.md §6): the name must make a usable folder name, and nothing that exists is ever overwritten. The
// host says where (workspace folder and root) and supplies the templates; the changes are file creations, which
// a host applies only where nothing is yet.

import { joinPath } from '../fileSystem';
import { parsePriority, PRIORITIES } from '../header/statusVocabulary';
import { PriorityId } from '../model/stream';
import { checkOwner, checkStreamName, NameProblem, ownerProblemText } from '../templates/streamName';
import { fillTemplate } from '../templates/templates';
import { DocumentChange, fail, OperationContext, OperationOutcome, succeed } from './outcome';

export interface CreateStreamInput {
	readonly name: string;
	readonly priority?: string;
	readonly owner?: string;
	/** A named template set of the team's template folder; the default set otherwise. */
	readonly template?: string;
	/** Where the stream goes: the workspace folder's key and the root inside it (the host chooses). */
	readonly source: string;
	readonly root: string;
}

export interface CreateStreamResult {
	readonly id: string;
	readonly folder: string;
	readonly title: string;
	/** The documents written, relative to the workspace folder. */
	readonly files: string[];
	/** The template set used. */
	readonly template: string;
}

export async function createStream(context: OperationContext, input: CreateStreamInput): Promise<OperationOutcome<CreateStreamResult>> {
	if (typeof input.name !== 'string') {
		return fail('invalid-input', 'name is required');
	}
	const taken = new Set(context.streams.filter(stream => stream.source === input.source && stream.root === input.root).map(stream => stream.name.toLowerCase()));
	const name = checkStreamName(input.name, slug => taken.has(slug.toLowerCase()));
	if (!name.ok) {
		return fail(name.problem.kind === 'taken' ? 'exists' : 'invalid-input', nameProblem(name.problem, input.root));
	}
	let priority: PriorityId = 'medium';
	if (input.priority !== undefined && input.priority !== '') {
		const parsed = parsePriority(String(input.priority));
		if (!parsed) {
			return fail('invalid-input', `"${input.priority}" is not a priority; use one of ${PRIORITIES.map(entry => entry.id).join(', ')}`);
		}
		priority = parsed;
	}
	let owner = '';
	if (input.owner !== undefined && input.owner !== '') {
		const checked = checkOwner(String(input.owner));
		if (!checked.ok) {
			return fail('invalid-input', ownerProblemText(checked.problem));
		}
		owner = checked.owner;
	}
	const set = await context.templates?.(input.template);
	if (!set) {
		return fail('invalid-input', input.template === undefined ? 'no templates to create a stream from' : `no template set "${input.template}"`);
	}
	const folder = joinPath(input.root, name.slug);
	for (const template of set.texts) {
		const path = joinPath(folder, template.name);
		if (await context.readText(input.source, path) !== undefined) {
			return fail('exists', `${path} already exists; nothing was created`);
		}
	}
	const values = { name: name.name, slug: name.slug, date: context.today, owner, priority };
	const changes: DocumentChange[] = set.texts.map(template => ({
		kind: 'create', source: input.source, path: joinPath(folder, template.name), text: fillTemplate(template.text, values, template.name),
	}));
	return succeed({ id: folder, folder: name.slug, title: name.name, files: changes.map(change => change.path), template: set.id }, changes);
}

function nameProblem(problem: NameProblem, root: string): string {
	switch (problem.kind) {
		case 'empty': return 'name is empty';
		case 'too-long': return `name is ${problem.length} characters long; at most ${problem.max}`;
		case 'control-character': return 'name must be one line of text';
		case 'path-separator': return `name holds "${problem.character}": a stream is one folder, give its name without path separators`;
		case 'parent-reference': return 'name holds "..": a stream is one folder inside the stream root';
		case 'no-letters': return 'name needs letters or digits to make a folder name';
		case 'reserved': return `"${problem.slug}" cannot be a folder name on Windows; choose another name`;
		case 'taken': return `${root}/${problem.slug} already exists; choose another name (nothing was created)`;
	}
}
