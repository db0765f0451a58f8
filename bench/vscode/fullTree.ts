// Runs inside VS Code's Node extension host, loaded as the payload's extensionTestsPath by bench/activation.mjs
// (so the extension runs in ExtensionMode.Test and hands out its testing API). It times a full re-read of the
// workspace's streams (the Refresh command: the same index as the first one after activation) until the last
// stream is in the model and until the tree, asked for its rows the way VS Code asks after each change event,
// holds every stream; meanwhile it samples the host's event-loop delay. Writes its figures to
// <workspace>/.bench/fullTree.json, which bench/activation.mjs reads. With a file <workspace>/.bench-profile naming
// where, it also writes a CPU profile of the host during one more re-read, not counted (`activation.mjs --profile=DIR`).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/extension';
import type { StreamsTreeNode, StreamsTreeProvider } from '../../src/extension/tree/streamsTree';

const RUNS = Number(process.env.STREAMS_BENCH_RUNS ?? 3);

/** The stream rows the tree shows, walking folders and groups as the view would when expanded. */
function streamRows(tree: StreamsTreeProvider, node?: StreamsTreeNode): number {
	let rows = 0;
	for (const child of tree.getChildren(node)) {
		rows += child.kind === 'stream' ? 1 : child.kind === 'folder' || child.kind === 'group' ? streamRows(tree, child) : 0;
	}
	return rows;
}

/** Posts one inspector command and resolves with its result. */
function post<T>(session: Session, method: string, params?: object): Promise<T> {
	return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => error ? reject(error) : resolve(result as T)));
}

async function startProfile(): Promise<Session> {
	const session = new Session();
	session.connect();
	await post(session, 'Profiler.enable');
	await post(session, 'Profiler.setSamplingInterval', { interval: 500 });
	await post(session, 'Profiler.start');
	return session;
}

async function stopProfile(session: Session, file: string): Promise<void> {
	const { profile } = await post<{ profile: object }>(session, 'Profiler.stop');
	session.disconnect();
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, JSON.stringify(profile));
}

export async function run(): Promise<void> {
	const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
	const out = path.join(folder, '.bench', 'fullTree.json');
	const profileFile = path.join(folder, '.bench-profile');
	const profileTo = fs.existsSync(profileFile) ? fs.readFileSync(profileFile, 'utf8').trim() : undefined;
	// The first index is under way already or starts with activate(): profiled from here to its end.
	const first = profileTo ? await startProfile() : undefined;
	const extension = vscode.extensions.getExtension<ExtensionApi>('feature-streams.feature-streams')!;
	const testing = (await extension.activate()).testing!;
	await testing.streams.ready;
	if (first) {
		await stopProfile(first, profileTo!.replace(/\.cpuprofile$/, '-first.cpuprofile'));
	}
	const expected = testing.streams.all.length;
	if (fs.existsSync(path.join(folder, '.bench-view'))) {
		await vscode.commands.executeCommand('workbench.view.extension.streams');
	}
	const runs: { modelMs: number; treeMs: number; delayP99Ms: number; delayMaxMs: number }[] = [];
	for (let run = 0; run < RUNS + (profileTo ? 1 : 0); run++) {
		const delay = monitorEventLoopDelay({ resolution: 10 });
		let treeMs: number | undefined;
		const start = performance.now();
		const treeFull = new Promise<void>(resolve => {
			const subscription = testing.tree.onDidChangeTreeData(node => {
				// VS Code asks again for what a change event names; a whole-tree event means every row.
				if (node === undefined && treeMs === undefined && streamRows(testing.tree) === expected && modelDone) {
					treeMs = performance.now() - start;
					subscription.dispose();
					resolve();
				}
			});
		});
		let modelDone = false;
		const session = run === RUNS ? await startProfile() : undefined;
		delay.enable();
		await testing.streams.refresh();
		modelDone = true;
		const modelMs = performance.now() - start;
		// A refresh that regroups nothing redraws rows one by one; then the rows are full with the model.
		if (streamRows(testing.tree) === expected && treeMs === undefined) {
			treeMs = performance.now() - start;
		}
		await Promise.race([treeFull, new Promise(resolve => setTimeout(resolve, 2000))]);
		delay.disable();
		if (session) {
			await stopProfile(session, profileTo!);
			continue;
		}
		runs.push({ modelMs, treeMs: treeMs ?? Number.NaN, delayP99Ms: delay.percentile(99) / 1e6, delayMaxMs: delay.max / 1e6 });
	}
	fs.mkdirSync(path.dirname(out), { recursive: true });
	fs.writeFileSync(out, JSON.stringify({ streams: expected, runs }, null, 2));
}
