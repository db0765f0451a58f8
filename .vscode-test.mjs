// Configuration for @vscode/test-cli (`npx @vscode/test-cli`), for contributors whose machines can download
// VS Code: it runs the same extension-host tests in desktop VS Code. It is not a dependency of this repository;
// CI and machines without internet access use `npm run test:vscode` (code-server in Chromium) instead.
// Compile first: `npm run compile && npm run build`.

// The tool reads a default export.
export default {
	label: 'extension-host',
	files: 'out/test/vscode/**/*.test.js',
	workspaceFolder: './test/fixtures/workspace',
	// The tests expect a trusted workspace unless the user setting featureStreamsTest.trusted says otherwise.
	launchArgs: ['--disable-workspace-trust', '--disable-extensions'],
	mocha: {
		ui: 'bdd',
		timeout: 20000,
	},
};
