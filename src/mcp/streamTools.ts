// The nine tools of DESIGN.md §7 as MCP tools: names, short descriptions and input schemas (the whole
// `tools/list` answer stays under 16,000 characters), each calling the operation the CLI command of the same
// name calls. Results are JSON, in `structuredContent` and as text; a refusal is an `isError` result whose
// message says what is wrong and what is there now.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { OperationOutcome } from '../core';
import { OperationInputs, OperationName } from '../node/streamOperations';

const stream = z.string().describe('Stream id, folder name or exact title');
const lines = z.array(z.string()).optional();

interface ToolDefinition {
	readonly name: string;
	readonly operation: OperationName;
	readonly description: string;
	readonly inputSchema: z.ZodRawShape;
	readonly readOnly: boolean;
}

export const STREAM_TOOLS: readonly ToolDefinition[] = [
	{
		name: 'streams_list', operation: 'list', readOnly: true,
		description: 'List the feature streams (.project/streams/*) with status, priority, owner, progress and current phase.',
		inputSchema: {
			status: z.enum(['ready', 'in-progress', 'blocked', 'paused', 'complete']).optional(),
			owner: z.string().optional(),
			text: z.string().optional().describe('Words to find in title, id, owner or overview'),
		},
	},
	{
		name: 'streams_show', operation: 'show', readOnly: true,
		description: 'One stream: fields, progress, phases, tasks with their PLAN.md line, STATUS.md summary and blockers, HANDOFF.md next steps.',
		inputSchema: { stream, tasks: z.enum(['open', 'all']).optional().describe('open (default): open and active tasks') },
	},
	{
		name: 'streams_next', operation: 'next', readOnly: true,
		description: 'What to work on now: active tasks, then the current phase\'s open tasks of in-progress and ready streams, by priority.',
		inputSchema: { stream: stream.optional(), limit: z.number().int().min(1).max(100).optional().describe('Default 5') },
	},
	{
		name: 'streams_set_task', operation: 'setTask', readOnly: false,
		description: 'Set one PLAN.md task\'s state. Give line and text as streams_show gave them; if the line moved, the task is found by its text.',
		inputSchema: {
			stream,
			line: z.number().int().min(1),
			text: z.string(),
			state: z.enum(['open', 'active', 'done', 'cancelled']),
		},
	},
	{
		name: 'streams_set_field', operation: 'setField', readOnly: false,
		description: 'Set a stream\'s status (ready, in-progress, blocked, paused, complete), priority (high, medium, low) or owner.',
		inputSchema: { stream, field: z.enum(['status', 'priority', 'owner']), value: z.string() },
	},
	{
		name: 'streams_add_note', operation: 'addNote', readOnly: false,
		description: 'Add a note under today\'s date in the stream\'s NOTES.md Log.',
		inputSchema: { stream, text: z.string() },
	},
	{
		name: 'streams_write_handoff', operation: 'writeHandoff', readOnly: false,
		description: 'Rewrite the given sections of HANDOFF.md (others kept) and date it: summary=Context, done, state, next, questions, gotchas, verify.',
		inputSchema: { stream, summary: lines, done: lines, state: lines, next: lines, questions: lines, gotchas: lines, verify: lines },
	},
	{
		name: 'streams_create', operation: 'create', readOnly: false,
		description: 'Create a stream from the templates. Never overwrites anything.',
		inputSchema: {
			name: z.string(),
			priority: z.enum(['high', 'medium', 'low']).optional(),
			owner: z.string().optional(),
			template: z.string().optional().describe('A named template set'),
		},
	},
	{
		name: 'streams_lint', operation: 'lint', readOnly: true,
		description: 'Health findings of one stream or all (template leftovers, unknown status, status vs. plan, dependencies, …).',
		inputSchema: { stream: stream.optional() },
	},
];

export type ToolRunner = <N extends OperationName>(operation: N, input: OperationInputs[N]) => Promise<OperationOutcome<unknown>>;

/** The JSON text of results the runner hands out again unchanged (a list of an unchanged model), written once. */
const texts = new WeakMap<object, string>();

function jsonText(result: Record<string, unknown>): string {
	let text = texts.get(result);
	if (text === undefined) {
		text = JSON.stringify(result);
		texts.set(result, text);
	}
	return text;
}

/** `registerTool` without its deep generic inference over our schemas, which only slows the compiler down. */
type RegisterTool = (name: string, config: { description: string; inputSchema: z.ZodRawShape; annotations: Record<string, boolean> },
	handler: (input: Record<string, unknown>) => Promise<CallToolResult>) => void;

export function registerStreamTools(server: McpServer, run: ToolRunner): void {
	const register = server.registerTool.bind(server) as unknown as RegisterTool;
	for (const tool of STREAM_TOOLS) {
		register(tool.name, {
			description: tool.description,
			inputSchema: tool.inputSchema,
			annotations: { readOnlyHint: tool.readOnly, destructiveHint: false, idempotentHint: tool.readOnly },
		}, async input => {
			const outcome = await run(tool.operation, input as never);
			if (!outcome.ok) {
				return { isError: true, content: [{ type: 'text' as const, text: `${outcome.error.code}: ${outcome.error.message}` }], structuredContent: { error: outcome.error } };
			}
			const result = outcome.result as Record<string, unknown>;
			return { content: [{ type: 'text' as const, text: jsonText(result) }], structuredContent: result };
		});
	}
}
