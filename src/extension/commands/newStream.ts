// The New Stream commands: ask where, what name, which priority and who owns it, and which templates; the core's
// `createStream` operation fills them, and the extension's one applier (documentChanges.ts) creates the folder
// and its documents in one undoable edit that never overwrites anything; then show the stream.
//
// `streams.newStream`, `streams.newStreamFromTemplate` and `streams.newStreamHere` take optional arguments
// (`NewStreamArguments`) so scripts, keybindings and tests can skip any of the questions.

import * as vscode from 'vscode';
import { checkOwner, checkStreamName, createStream, findDocument, NameProblem, OperationContext, OwnerProblem, parsePriority, PRIORITY_ORDER, PriorityId, README, TemplateReadError, TemplateText } from '../../core';
import { FeatureContext } from '../workspace/featureContext';
import { readSettings } from '../workspace/settings';
import { priorityLabel } from '../status/statusPresentation';
import { registerUndoTidying } from './streamCreation';
import { applyDocumentChanges, uriInWorkspaceFolder } from '../workspace/documentChanges';
import { LiveOperationContext } from '../workspace/liveOperationContext';
import { defaultTemplates, readTemplates, TemplateChoice, templateChoices } from './templateSource';
import { WorkspaceStreams } from '../workspace/workspaceStreams';

/** Answers given up front; every one left out is asked for. */
export interface NewStreamArguments {
	readonly name?: string;
	/** `high`, `medium`, `low` (or `P0`…`P2`). */
	readonly priority?: string;
	readonly owner?: string;
	/** The stream root: its URI, or its path relative to the workspace folder (`.project/streams`). */
	readonly root?: vscode.Uri | string;
	/** The template set: `bundled`, `workspace`, or the name of a subfolder of the template folder. */
	readonly template?: string;
	/** Open the new stream's document and reveal it in the Streams view (default true). */
	readonly show?: boolean;
}

/** What the commands resolve to (for scripts and tests); undefined when the user cancelled. */
export type NewStreamResult =
	| { readonly ok: true; readonly folder: vscode.Uri; readonly files: readonly vscode.Uri[] }
	/** Refused: `message` is the error the user was shown; nothing was written. */
	| { readonly ok: false; readonly message: string };

function refuse(message: string): NewStreamResult {
	void vscode.window.showErrorMessage(message);
	return { ok: false, message };
}

/** Where the last owner typed is kept, per workspace. */
export const LAST_OWNER_KEY = 'streams.newStream.lastOwner';

interface StreamTarget {
	readonly workspaceFolder: vscode.WorkspaceFolder;
	/** The root as configured, relative to the workspace folder. */
	readonly root: string;
	readonly uri: vscode.Uri;
}

export function registerNewStream(context: FeatureContext): vscode.Disposable {
	const { streams } = context;
	return vscode.Disposable.from(
		vscode.commands.registerCommand('streams.newStream', (argument?: unknown) =>
			newStream(context, argumentsFrom(argument), false)),
		vscode.commands.registerCommand('streams.newStreamFromTemplate', (argument?: unknown) =>
			newStream(context, argumentsFrom(argument), true)),
		// The Explorer passes the clicked folder, which the menu's `when` clause limits to stream roots.
		vscode.commands.registerCommand('streams.newStreamHere', (argument?: unknown) =>
			newStream(context, argumentsFrom(argument), false)),
		registerUndoTidying(folder => void streams.reread([folder])),
	);
}

// ---- Arguments ------------------------------------------------------------------------------------

function argumentsFrom(argument: unknown): NewStreamArguments & { readonly workspaceFolderKey?: string; readonly suggestedPriority?: PriorityId } {
	if (argument instanceof vscode.Uri) {
		return { root: argument };
	}
	if (typeof argument !== 'object' || argument === null) {
		return {};
	}
	// A node of the Streams tree: a workspace folder or a group (whose priority, if any, is suggested).
	const node = argument as { kind?: unknown; source?: unknown; key?: { by?: unknown; priority?: unknown } };
	if (node.kind === 'folder' || node.kind === 'group') {
		return {
			...(typeof node.source === 'string' ? { workspaceFolderKey: node.source } : {}),
			...(node.key?.by === 'priority' && typeof node.key.priority === 'string' ? { suggestedPriority: node.key.priority as PriorityId } : {}),
		};
	}
	const given = argument as Record<string, unknown>;
	const text = (key: string) => typeof given[key] === 'string' ? given[key] as string : undefined;
	return {
		name: text('name'),
		priority: text('priority'),
		owner: text('owner'),
		root: given.root instanceof vscode.Uri ? given.root : text('root'),
		template: text('template'),
		show: given.show !== false,
	};
}

// ---- The command ----------------------------------------------------------------------------------

/** Creates a stream; resolves to what was created or why not, or to undefined when the user cancelled. */
async function newStream(
	context: FeatureContext,
	options: ReturnType<typeof argumentsFrom>,
	pickTemplate: boolean,
): Promise<NewStreamResult | undefined> {
	const { streams, extension, log } = context;
	const target = await chooseTarget(streams, options);
	if (!target || 'refused' in target) {
		return target && refuse(target.refused);
	}
	const templates = pickTemplate || options.template !== undefined
		? await chooseTemplates(extension, target.workspaceFolder, options.template)
		: await defaultTemplates(extension, target.workspaceFolder);
	if (!templates || 'refused' in templates) {
		return templates && refuse(templates.refused);
	}

	const taken = await takenNames(streams, target);
	const isTaken = (slug: string) => taken.has(slug.toLowerCase());
	let name: string;
	let slug: string;
	if (options.name !== undefined) {
		const checked = checkStreamName(options.name, isTaken);
		if (!checked.ok) {
			return refuse(nameProblemMessage(checked.problem, target));
		}
		({ name, slug } = checked);
	} else {
		const asked = await askName(target, isTaken);
		if (!asked) {
			return undefined;
		}
		({ name, slug } = asked);
	}

	let priority: PriorityId | undefined;
	if (options.priority !== undefined) {
		priority = parsePriority(options.priority);
		if (!priority) {
			return refuse(vscode.l10n.t('"{0}" is not a priority: use high, medium or low.', options.priority));
		}
	} else {
		priority = await askPriority(options.suggestedPriority ?? 'medium');
		if (!priority) {
			return undefined;
		}
	}

	let owner: string | undefined;
	if (options.owner !== undefined) {
		const checked = checkOwner(options.owner);
		if (!checked.ok) {
			return refuse(ownerProblemMessage(checked.problem));
		}
		owner = checked.owner;
	} else {
		const settings = readSettings();
		owner = await askOwner(settings.defaultOwner || extension.workspaceState.get<string>(LAST_OWNER_KEY, ''));
		if (owner === undefined) {
			return undefined;
		}
	}
	await extension.workspaceState.update(LAST_OWNER_KEY, owner);

	const settings = readSettings();
	let texts: TemplateText[];
	try {
		texts = await readTemplates(templates, settings.maxFileSize);
	} catch (error) {
		return refuse(templateProblemMessage(error, templates));
	}
	// The core makes the stream's documents from the templates chosen here; the one applier creates them.
	const live = new LiveOperationContext(streams);
	const operationContext: OperationContext = {
		streams: live.streams,
		today: live.today,
		readText: live.readText,
		templates: () => Promise.resolve({ id: templates.id, texts }),
	};
	const source = target.workspaceFolder.uri.toString();
	const folder = vscode.Uri.joinPath(target.uri, slug);
	const outcome = await createStream(operationContext, { name, priority, owner, source, root: target.root });
	if (!outcome.ok) {
		return refuse(outcome.error.code === 'exists'
			? vscode.l10n.t('Cannot create the stream "{0}": {1} already exists. Nothing was written.', name, vscode.workspace.asRelativePath(folder))
			: vscode.l10n.t('Cannot create the stream "{0}": {1}', name, outcome.error.message));
	}
	const applied = await applyDocumentChanges(outcome.changes, {
		label: vscode.l10n.t('New Stream "{0}"', name),
		newFolder: { source, path: outcome.result.id },
	});
	if (!applied.ok) {
		const where = uriInWorkspaceFolder(source, applied.error.path);
		return refuse(applied.error.code === 'exists'
			? vscode.l10n.t('Cannot create the stream "{0}": {1} already exists. Nothing was written.', name, where ? vscode.workspace.asRelativePath(where) : applied.error.path)
			: vscode.l10n.t('Cannot create the stream "{0}": {1}', name, applied.error.message));
	}
	const files = applied.documents.map(document => document.uri);
	log.info(`Created stream ${vscode.workspace.asRelativePath(folder)} from ${outcome.result.template} templates (${files.length} files)`);

	// Read the new folder now rather than when the watcher reports it, so the tree can reveal it at once.
	await streams.reread([folder]);
	if (options.show !== false) {
		await vscode.commands.executeCommand('streams.revealInTree', folder);
		const open = documentToOpen(files, settings.newStreamOpenDocument);
		if (open) {
			await vscode.window.showTextDocument(open, { preview: false });
		}
	}
	return { ok: true, folder, files };
}

function documentToOpen(created: readonly vscode.Uri[], setting: string): vscode.Uri | undefined {
	if (setting === '') {
		return undefined;
	}
	const names = created.map(uri => uri.path.slice(uri.path.lastIndexOf('/') + 1));
	const wanted = findDocument(names, setting) ?? findDocument(names, README) ?? names[0];
	return created[names.indexOf(wanted)];
}

// ---- Where ----------------------------------------------------------------------------------------

function allTargets(streams: WorkspaceStreams): StreamTarget[] {
	return (vscode.workspace.workspaceFolders ?? []).flatMap(workspaceFolder => streams.roots.map(root => ({
		workspaceFolder,
		root,
		uri: vscode.Uri.joinPath(workspaceFolder.uri, ...root.split('/')),
	})));
}

/** Refused: the message says why. */
interface Refusal {
	readonly refused: string;
}

async function chooseTarget(streams: WorkspaceStreams, options: ReturnType<typeof argumentsFrom>): Promise<StreamTarget | Refusal | undefined> {
	let targets = allTargets(streams);
	if (targets.length === 0) {
		return { refused: vscode.l10n.t('Open a folder first: streams are created inside the workspace.') };
	}
	if (options.workspaceFolderKey !== undefined) {
		targets = targets.filter(target => target.workspaceFolder.uri.toString() === options.workspaceFolderKey);
	}
	const root = options.root;
	if (root instanceof vscode.Uri) {
		const exact = targets.filter(target => target.uri.toString() === root.toString());
		// A workspace folder stands for its roots.
		const inFolder = targets.filter(target => target.workspaceFolder.uri.toString() === root.toString());
		targets = exact.length > 0 ? exact : inFolder;
		if (targets.length === 0) {
			return { refused: vscode.l10n.t('{0} is not a stream root. Stream roots are set by the streams.roots setting.', vscode.workspace.asRelativePath(root)) };
		}
	} else if (typeof root === 'string') {
		const wanted = root.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/^\/+|\/+$/g, '');
		targets = targets.filter(target => target.root === wanted);
		if (targets.length === 0) {
			return { refused: vscode.l10n.t('"{0}" is not a stream root. Stream roots are set by the streams.roots setting.', root) };
		}
	}
	if (targets.length === 1) {
		return targets[0];
	}
	const multiRoot = new Set(targets.map(target => target.workspaceFolder.uri.toString())).size > 1;
	const picked = await vscode.window.showQuickPick(targets.map(target => ({
		label: target.root,
		description: multiRoot ? target.workspaceFolder.name : undefined,
		target,
	})), { title: vscode.l10n.t('New Stream'), placeHolder: vscode.l10n.t('Where should the new stream go?') });
	return picked?.target;
}

/** Lower-cased names already used in a root: every entry on disk, and every stream the model knows there. */
async function takenNames(streams: WorkspaceStreams, target: StreamTarget): Promise<Set<string>> {
	const names = new Set<string>();
	try {
		for (const [name] of await vscode.workspace.fs.readDirectory(target.uri)) {
			names.add(name.toLowerCase());
		}
	} catch {
		// The root does not exist yet: the first stream creates it.
	}
	for (const stream of streams.all) {
		if (stream.source === target.workspaceFolder.uri.toString() && stream.root === target.root) {
			names.add(stream.id.slice(stream.root.length + 1).toLowerCase());
		}
	}
	return names;
}

// ---- Which templates ------------------------------------------------------------------------------

async function chooseTemplates(extension: vscode.ExtensionContext, folder: vscode.WorkspaceFolder, wanted: string | undefined): Promise<TemplateChoice | Refusal | undefined> {
	const choices = await templateChoices(extension, folder);
	if (wanted !== undefined) {
		const found = choices.find(choice => choice.id.toLowerCase() === wanted.toLowerCase());
		return found ?? { refused: vscode.l10n.t('There is no template set named "{0}". Template sets are the subfolders of {1}.', wanted, readSettings().templatesFolder) };
	}
	if (choices.length === 1) {
		return choices[0];
	}
	const picked = await vscode.window.showQuickPick(choices.map(choice => ({
		label: choice.label,
		description: choice.location,
		detail: choice.set.files.join(' · '),
		choice,
	})), { title: vscode.l10n.t('New Stream from Template'), placeHolder: vscode.l10n.t('Which templates should the new stream start from?'), matchOnDetail: true });
	return picked?.choice;
}

function templateProblemMessage(error: unknown, templates: TemplateChoice): string {
	if (!(error instanceof TemplateReadError)) {
		return vscode.l10n.t('Cannot read the templates: {0}', error instanceof Error ? error.message : String(error));
	}
	const file = error.path.slice(error.path.lastIndexOf('/') + 1);
	const where = templates.id === 'bundled' ? file : vscode.workspace.asRelativePath(vscode.Uri.joinPath(templates.uri, file));
	switch (error.problem) {
		case 'binary-file': return vscode.l10n.t('The template {0} is not a text file. Nothing was created.', where);
		case 'too-large': return vscode.l10n.t('The template {0} is larger than the streams.maxFileSize setting allows. Nothing was created.', where);
		case 'unreadable': return vscode.l10n.t('The template {0} cannot be read. Nothing was created.', where);
	}
}

// ---- Questions ------------------------------------------------------------------------------------

async function askName(target: StreamTarget, isTaken: (slug: string) => boolean): Promise<{ name: string; slug: string } | undefined> {
	const input = await vscode.window.showInputBox({
		title: vscode.l10n.t('New Stream'),
		prompt: vscode.l10n.t('Name of the stream, e.g. "Offline Editing". Its folder name is made from it.'),
		placeHolder: vscode.l10n.t('Stream name'),
		ignoreFocusOut: true,
		validateInput: value => {
			const checked = checkStreamName(value, isTaken);
			if (!checked.ok) {
				return checked.problem.kind === 'empty' ? undefined : nameProblemMessage(checked.problem, target);
			}
			return {
				message: vscode.l10n.t('Creates {0}', `${target.root}/${checked.slug}`),
				severity: vscode.InputBoxValidationSeverity.Info,
			};
		},
	});
	if (input === undefined) {
		return undefined;
	}
	const checked = checkStreamName(input, isTaken);
	if (!checked.ok) {
		void vscode.window.showErrorMessage(nameProblemMessage(checked.problem, target));
		return undefined;
	}
	return checked;
}

function askPriority(suggested: PriorityId): Promise<PriorityId | undefined> {
	return new Promise(resolve => {
		const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { priority: PriorityId }>();
		pick.title = vscode.l10n.t('New Stream');
		pick.placeholder = vscode.l10n.t('Priority of the stream');
		pick.ignoreFocusOut = true;
		pick.items = PRIORITY_ORDER.map(priority => ({ label: priorityLabel(priority), priority }));
		pick.activeItems = pick.items.filter(item => item.priority === suggested);
		let chosen: PriorityId | undefined;
		pick.onDidAccept(() => {
			chosen = pick.selectedItems[0]?.priority ?? pick.activeItems[0]?.priority;
			pick.hide();
		});
		pick.onDidHide(() => {
			pick.dispose();
			resolve(chosen);
		});
		pick.show();
	});
}

async function askOwner(suggested: string): Promise<string | undefined> {
	const input = await vscode.window.showInputBox({
		title: vscode.l10n.t('New Stream'),
		prompt: vscode.l10n.t('Owner of the stream: a person or a team.'),
		placeHolder: vscode.l10n.t('Owner'),
		value: suggested,
		ignoreFocusOut: true,
		validateInput: value => {
			const checked = checkOwner(value);
			return checked.ok ? undefined : ownerProblemMessage(checked.problem);
		},
	});
	if (input === undefined) {
		return undefined;
	}
	const checked = checkOwner(input);
	return checked.ok ? checked.owner : undefined;
}

// ---- Messages -------------------------------------------------------------------------------------

function nameProblemMessage(problem: NameProblem, target: StreamTarget): string {
	switch (problem.kind) {
		case 'empty': return vscode.l10n.t('Enter a name for the stream.');
		case 'too-long': return vscode.l10n.t('The name is {0} characters long; use at most {1}.', problem.length, problem.max);
		case 'control-character': return vscode.l10n.t('A stream name cannot contain line breaks, tabs or other control characters.');
		case 'path-separator': return vscode.l10n.t('A stream name cannot contain "{0}": it names one folder, not a path.', problem.character);
		case 'parent-reference': return vscode.l10n.t('A stream name cannot contain "..".');
		case 'no-letters': return vscode.l10n.t('The name needs at least one letter A-Z or digit 0-9 to make a folder name from.');
		case 'reserved': return vscode.l10n.t('"{0}" cannot be a folder name on Windows; choose another name.', problem.slug);
		case 'taken': return vscode.l10n.t('{0} already exists; choose another name.', `${target.root}/${problem.slug}`);
	}
}

function ownerProblemMessage(problem: OwnerProblem): string {
	switch (problem.kind) {
		case 'empty': return vscode.l10n.t('Enter an owner: a person or a team.');
		case 'too-long': return vscode.l10n.t('The owner is {0} characters long; use at most {1}.', problem.length, problem.max);
		case 'control-character': return vscode.l10n.t('An owner cannot contain line breaks, tabs or other control characters.');
		case 'header-field': return vscode.l10n.t('The owner would also read as a {0} field ("{0}:" inside it): write it without the colon.', problem.field);
	}
}
