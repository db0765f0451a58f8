// The MCP server warm, as an agent uses it: one `streams mcp` process over 1,000 streams, the SDK's own Client
// over stdio, and the latency of streams_list, streams_show and streams_set_task calls (median and p95), against
// `streams status --json` over the same repository as a whole process in the same run: what an agent with only
// a shell pays per question. Also the start-up cost of loading the MCP SDK, which only `streams mcp` pays.

import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { record } from './figures';
import { spread, timeProcess } from './measure';
import { writeRepository } from './streamFixtures';

function percentile(samples: readonly number[], fraction: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

export async function benchMcpServer(scratch: string, cli: string, tiny: boolean): Promise<void> {
	const count = tiny ? 50 : 1_000;
	const calls = tiny ? 10 : 200;
	const repository = writeRepository(path.join(scratch, 'mcp'), count, 17);
	const options = { cwd: repository.folder, maxBuffer: 256 * 1024 * 1024 };
	const status = () => timeProcess(process.execPath, [cli, 'status', '--json'], options);
	status();
	const statusRuns = spread(Array.from({ length: tiny ? 2 : 7 }, status));

	const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', repository.folder], stderr: 'ignore' });
	const client = new Client({ name: 'streams-bench', version: '1.0.0' });
	await client.connect(transport);
	try {
		const call = async (name: string, args: Record<string, unknown>) => {
			const result = await client.callTool({ name, arguments: args });
			if (result.isError) {
				throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
			}
			return result.structuredContent as Record<string, unknown>;
		};
		const streamAt = (i: number) => `stream-${String((i * 37) % count).padStart(5, '0')}`;
		const shown = await call('streams_show', { stream: streamAt(1), tasks: 'all' }) as { tasks: { line: number; text: string; state: string }[] };
		const task = shown.tasks[0];
		const measure = async (name: string, args: (i: number) => Record<string, unknown>) => {
			for (let i = 0; i < 5; i++) {
				await call(name, args(i)); // warm: the JIT and the page cache, as in a session of an agent
			}
			const samples: number[] = [];
			for (let i = 0; i < calls; i++) {
				const start = performance.now();
				await call(name, args(i));
				samples.push(performance.now() - start);
			}
			const measured = spread(samples);
			const p95 = percentile(samples, 0.95);
			record({
				name: `MCP ${name}, warm, ${count} streams (p95 ${p95.toFixed(1)} ms)`,
				value: measured.median, min: measured.min, max: measured.max, runs: samples.length, unit: 'ms',
				baseline: { name: 'status --json process', value: statusRuns.median, min: statusRuns.min, max: statusRuns.max, unit: 'ms' },
				ratio: measured.median / statusRuns.median,
				target: tiny ? undefined : '≤ 20 ms median',
				met: tiny ? undefined : measured.median <= 20,
			});
		};
		await measure('streams_list', () => ({}));
		await measure('streams_show', i => ({ stream: streamAt(i) }));
		await measure('streams_set_task', i => ({ stream: streamAt(1), line: task.line, text: task.text, state: i % 2 === 0 ? 'done' : 'open' }));
	} finally {
		await client.close();
	}

	// What `streams mcp` pays at start-up for the SDK, and what every other command does not.
	const help = () => timeProcess(process.execPath, [cli, '--help'], options);
	const mcpHelp = () => timeProcess(process.execPath, [cli, 'mcp', '--help'], options);
	help();
	mcpHelp();
	const helps: number[] = [];
	const mcps: number[] = [];
	for (let run = 0; run < (tiny ? 2 : 9); run++) {
		helps.push(help());
		mcps.push(mcpHelp());
	}
	const withSdk = spread(mcps);
	const without = spread(helps);
	record({
		name: 'streams mcp --help process (loads the MCP SDK)',
		value: withSdk.median, min: withSdk.min, max: withSdk.max, runs: withSdk.runs, unit: 'ms',
		baseline: { name: 'streams --help process', value: without.median, min: without.min, max: without.max, unit: 'ms' },
		ratio: withSdk.median / without.median,
	});
}
