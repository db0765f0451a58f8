// Bundles the extension for the Node host and the web-worker host, and the `streams` CLI, with esbuild.
// `--production` minifies and drops source maps; `--watch` rebuilds on change; `--outdir <dir>` writes elsewhere
// than dist/ (the benchmark measures a production build that way).
import * as esbuild from 'esbuild';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdirIndex = process.argv.indexOf('--outdir');
const outdir = outdirIndex > 0 ? process.argv[outdirIndex + 1] : 'dist';

const shared = {
	bundle: true,
	minify: production,
	sourcemap: !production,
	sourcesContent: false,
	logLevel: 'warning',
	target: 'es2022',
	legalComments: 'none',
	// jsonc-parser's `main` is a UMD build whose inner requires the bundler cannot follow: take its ES modules.
	alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

/** In the Node host, `yaml` is loaded on first use from its own file (see src/extension/workspace/lazyYaml.ts). */
const lazyYaml = {
	name: 'lazy-yaml',
	setup(build) {
		build.onResolve({ filter: /^yaml$/ }, args =>
			args.importer.endsWith('lazyYaml.ts') ? undefined : { path: path.resolve('src/extension/workspace/lazyYaml.ts') });
		build.onResolve({ filter: /^\.\/yaml\.js$/ }, () => ({ path: './yaml.js', external: true }));
	},
};

/**
 * The CLI reaches the MCP server through `import('../mcp/mcpCommand')`: bundled as dist/mcp.js of its own, so the
 * SDK (two thirds of the code) is neither parsed nor run by `streams status`, `lint` or the agent commands.
 */
const separateMcpServer = {
	name: 'separate-mcp-server',
	setup(build) {
		build.onResolve({ filter: /\/mcp\/mcpCommand$/ }, () => ({ path: './mcp.js', external: true }));
	},
};

const builds = [
	{
		...shared, entryPoints: ['src/extension/extension.ts'], outfile: `${outdir}/extension.js`, platform: 'node', format: 'cjs',
		external: ['vscode'], define: { EXTENSION_HOST: '"node"' }, plugins: [lazyYaml],
	},
	{ ...shared, entryPoints: ['node_modules/yaml/dist/index.js'], outfile: `${outdir}/yaml.js`, platform: 'node', format: 'cjs' },
	{
		...shared,
		entryPoints: ['src/extension/extension.ts'],
		outfile: `${outdir}/web/extension.js`,
		platform: 'browser',
		format: 'cjs',
		external: ['vscode'],
		// The web-worker host has no Node: any Node module reached from the extension must fail the build.
		define: { EXTENSION_HOST: '"web"', 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
		mainFields: ['browser', 'module', 'main'],
		// yaml's ES module build lets the bundler drop what front matter parsing never reaches.
		alias: { ...shared.alias, yaml: './node_modules/yaml/browser/index.js' },
	},
	// The board's webview script: plain DOM, no dependencies, loaded by the webview page under its CSP.
	{ ...shared, entryPoints: ['src/extension/board/webview/boardApp.ts'], outfile: `${outdir}/board/board.js`, platform: 'browser', format: 'iife', tsconfig: 'src/extension/board/webview/tsconfig.json' },
	{
		...shared, entryPoints: ['src/cli/cli.ts'], outfile: `${outdir}/cli.js`, platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' },
		// Packages' ES module builds where they have them (the shared alias already points jsonc-parser at its own).
		mainFields: ['module', 'main'],
		plugins: [separateMcpServer],
	},
	// `streams mcp` and the MCP SDK, loaded by dist/cli.js only for that command.
	{ ...shared, entryPoints: ['src/mcp/mcpCommand.ts'], outfile: `${outdir}/mcp.js`, platform: 'node', format: 'cjs', mainFields: ['module', 'main'] },
];

if (watch) {
	const contexts = await Promise.all(builds.map(options => esbuild.context(options)));
	await Promise.all(contexts.map(context => context.watch()));
	console.log('[build] watching for changes');
} else {
	await Promise.all(builds.map(options => esbuild.build(options)));
	console.log(`[build] ${production ? 'production' : 'development'} bundles written to ${outdir}/`);
}
