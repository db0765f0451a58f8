// Bundles the extension for the Node host and the web-worker host, and the `streams` CLI, with esbuild.
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const shared = {
	bundle: true,
	minify: production,
	sourcemap: !production,
	sourcesContent: false,
	logLevel: 'warning',
	target: 'es2022',
	legalComments: 'none',
};

const builds = [
	{ ...shared, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'], define: { EXTENSION_HOST: '"node"' } },
	{
		...shared,
		entryPoints: ['src/extension.ts'],
		outfile: 'dist/web/extension.js',
		platform: 'browser',
		format: 'cjs',
		external: ['vscode'],
		// The web-worker host has no Node: any Node module reached from the extension must fail the build.
		define: { EXTENSION_HOST: '"web"', 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
		mainFields: ['browser', 'module', 'main'],
	},
	{ ...shared, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
	const contexts = await Promise.all(builds.map(options => esbuild.context(options)));
	await Promise.all(contexts.map(context => context.watch()));
	console.log('[build] watching for changes');
} else {
	await Promise.all(builds.map(options => esbuild.build(options)));
	console.log(`[build] ${production ? 'production' : 'development'} bundles written to dist/`);
}
