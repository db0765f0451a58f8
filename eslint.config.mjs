// Lint rules that protect the architecture: the core stays free of VS Code and Node.
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
	'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os',
	'path', 'process', 'stream', 'timers', 'url', 'util', 'worker_threads', 'zlib',
];

const coreInternals = {
	group: ['**/core/*', '!**/core/index'],
	message: 'Import the core through its façade (src/core/index.ts), not its internals.',
};

export default tseslint.config(
	{ ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'demo/**'] },
	...tseslint.configs.recommended,
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
	{
		// Hosts reach the core through its façade only (src/core/index.ts).
		files: ['src/cli/**/*.ts', 'src/node/**/*.ts', 'src/mcp/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [coreInternals] }],
		},
	},
	{
		files: ['src/extension/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				patterns: [
					coreInternals,
					{ group: ['fs', 'fs/*', 'node:*', 'path', 'os', 'child_process'], message: 'The extension runs in the web worker host too: use vscode.workspace.fs.' },
				],
			}],
		},
	},
	{
		files: ['src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				paths: [
					{ name: 'vscode', message: 'src/core must not depend on VS Code: pass what it needs in.' },
					...nodeBuiltins.flatMap(name => [
						{ name, message: 'src/core must not depend on Node: read files through StreamFileSystem.' },
						{ name: `node:${name}`, message: 'src/core must not depend on Node: read files through StreamFileSystem.' },
					]),
				],
			}],
			'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
		},
	},
);
