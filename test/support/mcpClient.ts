// Starts `streams mcp <folder>` from the built bundle (dist/cli.js) and connects the MCP SDK's own Client over
// stdio, so the tests talk to the server exactly as an agent's client does.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

export const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');

let built = false;

/** Builds dist/cli.js once per test run, so the tests exercise the bundle a user runs. */
export function buildCli(): void {
	if (!built) {
		execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: path.join(__dirname, '..', '..', '..'), stdio: 'ignore' });
		built = true;
	}
}

export interface ToolAnswer {
	readonly isError: boolean;
	readonly text: string;
	readonly structured: Record<string, unknown>;
}

export class StreamsClient {
	private constructor(readonly client: Client) { }

	static async start(folder: string): Promise<StreamsClient> {
		const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', folder], stderr: 'pipe' });
		const client = new Client({ name: 'streams-tests', version: '1.0.0' });
		await client.connect(transport);
		return new StreamsClient(client);
	}

	async call(name: string, args: Record<string, unknown>): Promise<ToolAnswer> {
		const result = await this.client.callTool({ name, arguments: args });
		const content = result.content as { type: string; text?: string }[];
		return { isError: result.isError === true, text: content.map(part => part.text ?? '').join(''), structured: (result.structuredContent ?? {}) as Record<string, unknown> };
	}

	/** A successful call's structured result; fails the test with the server's message otherwise. */
	async ok<T = Record<string, unknown>>(name: string, args: Record<string, unknown>): Promise<T> {
		const answer = await this.call(name, args);
		assert.equal(answer.isError, false, answer.text);
		assert.deepEqual(JSON.parse(answer.text), answer.structured, 'the text and the structured content carry the same JSON');
		return answer.structured as T;
	}

	/** A refused call's message. */
	async refused(name: string, args: Record<string, unknown>): Promise<string> {
		const answer = await this.call(name, args);
		assert.equal(answer.isError, true, `expected ${name} to be refused, got ${answer.text}`);
		return answer.text;
	}

	close(): Promise<void> {
		return this.client.close();
	}
}
