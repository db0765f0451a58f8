// Generates a repository of streams on disk for the indexing benchmarks, from a fixed seed, in two shapes:
// `light` (short documents, 30-task plans) and `heavy` (1 KB READMEs and 48-task plans in 4 phases with code
// fences, inline code and links, like the plans agents write).

import * as fs from 'node:fs';
import * as path from 'node:path';

const STATUSES = ['🟢 Ready', '🟡 In Progress', '🔴 Blocked', '⏸️ Paused', '✅ Complete'];
const PRIORITIES = ['High', 'Medium', 'Low'];
const OWNERS = ['alice', 'bob', 'carol', 'dana', 'erin', 'The Collective'];
const WORDS = ['token', 'export', 'index', 'cache', 'review', 'rollout', 'schema', 'metrics', 'retry', 'queue', 'docs', 'audit'];

/** A small deterministic generator (mulberry32), so every run writes the same repository. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pick<T>(next: () => number, items: readonly T[]): T {
	return items[Math.floor(next() * items.length)];
}

function sentence(next: () => number, words: number): string {
	return Array.from({ length: words }, () => pick(next, WORDS)).join(' ');
}

function readme(next: () => number, name: string): string {
	return `# ${name} Stream

**Status:** ${pick(next, STATUSES)}

**Created:** 2026-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 10)} **Owner:** ${pick(next, OWNERS)} **Priority:** ${pick(next, PRIORITIES)}

## Overview

${sentence(next, 40)}.

## Goals

- ${sentence(next, 8)}
- ${sentence(next, 8)}

## Architecture

${sentence(next, 60)}.
`;
}

function plan(next: () => number): string {
	let text = '# Plan\n\n';
	for (let phase = 1; phase <= 3; phase++) {
		text += `## Phase ${phase} - ${sentence(next, 2)}\n\n**Goal:** ${sentence(next, 6)}\n\n`;
		for (let task = 0; task < 10; task++) {
			text += `- [${pick(next, [' ', ' ', 'x', 'x', '/', '-'])}] ${sentence(next, 5)}\n`;
		}
		text += '\n';
	}
	return text;
}

/** A README of about 1 KB: header lines, an overview with inline code and a link, goals, a longer architecture. */
function heavyReadme(next: () => number, name: string): string {
	return `# ${name} Stream

**Status:** ${pick(next, STATUSES)}

**Created:** 2026-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 10)} **Owner:** ${pick(next, OWNERS)} **Priority:** ${pick(next, PRIORITIES)}

## Overview

${sentence(next, 30)} \`${pick(next, WORDS)}.ts\` ${sentence(next, 12)} [the design](../../docs/${pick(next, WORDS)}.md).

## Goals

- ${sentence(next, 10)}
- ${sentence(next, 10)} \`${pick(next, WORDS)}\`
- ${sentence(next, 10)}

## Architecture

${sentence(next, 50)}.

${sentence(next, 30)} [issue](https://example.com/issues/${Math.floor(next() * 1000)}).
`;
}

/** 48 tasks in 4 phases of 12, with inline code, links and a code fence per phase (its lines are no tasks). */
function heavyPlan(next: () => number): string {
	let text = '# Plan\n\n';
	for (let phase = 1; phase <= 4; phase++) {
		text += `## Phase ${phase} - ${sentence(next, 3)}\n\n**Goal:** ${sentence(next, 8)} \`${pick(next, WORDS)}\`\n\n`;
		for (let task = 0; task < 12; task++) {
			const extra = task % 4 === 0 ? ` in \`src/${pick(next, WORDS)}.ts\`` : task % 4 === 1 ? ` ([spec](../docs/${pick(next, WORDS)}.md))` : '';
			text += `- [${pick(next, [' ', ' ', 'x', 'x', '/', '-'])}] ${sentence(next, 6)}${extra}\n`;
			if (task === 5) {
				text += `\n\`\`\`ts\n// - [ ] not a task: inside a fence\nexport function ${pick(next, WORDS)}() {\n\treturn '${sentence(next, 3)}';\n}\n\`\`\`\n\n`;
			}
		}
		text += '\n';
	}
	return text;
}

export type RepositoryShape = 'light' | 'heavy';

export interface GeneratedRepository {
	readonly folder: string;
	readonly files: readonly string[];
}

/** Writes `count` streams of five documents each under `<folder>/.project/streams/`. */
export function writeRepository(folder: string, count: number, seed = 7, shape: RepositoryShape = 'light'): GeneratedRepository {
	const next = random(seed);
	const files: string[] = [];
	const write = (file: string, content: string) => {
		fs.writeFileSync(file, content);
		files.push(file);
	};
	for (let i = 0; i < count; i++) {
		const name = `stream-${String(i).padStart(5, '0')}`;
		const streamFolder = path.join(folder, '.project', 'streams', name);
		fs.mkdirSync(streamFolder, { recursive: true });
		write(path.join(streamFolder, 'README.md'), shape === 'heavy' ? heavyReadme(next, name) : readme(next, name));
		write(path.join(streamFolder, 'PLAN.md'), shape === 'heavy' ? heavyPlan(next) : plan(next));
		write(path.join(streamFolder, 'STATUS.md'), `# Status\n\n**Last Updated:** 2026-02-0${1 + (i % 9)}\n\n${sentence(next, 20)}.\n`);
		write(path.join(streamFolder, 'HANDOFF.md'), `# Handoff\n\n${sentence(next, 30)}.\n`);
		write(path.join(streamFolder, 'NOTES.md'), `# Notes\n\n## 2026-02-01\n\n${sentence(next, 30)}.\n`);
	}
	return { folder, files };
}
