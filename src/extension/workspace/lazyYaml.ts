// Stands in for the `yaml` package in the Node host's bundle (scripts/build.mjs points `yaml` here), so its
// hundred kilobytes load the first time a document has front matter rather than every time VS Code starts.
// The web-worker bundle, which cannot load a second file, keeps `yaml` inline.

import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

function yaml(): typeof Yaml {
	// Resolved next to dist/extension.js, where the build writes the package as one file.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	loaded ??= require('./yaml.js') as typeof Yaml;
	return loaded;
}

export const parseDocument: typeof Yaml.parseDocument = ((source: string, options?: Yaml.DocumentOptions & Yaml.ParseOptions & Yaml.SchemaOptions) =>
	yaml().parseDocument(source, options)) as typeof Yaml.parseDocument;

export const isMap: typeof Yaml.isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;

export const isSeq: typeof Yaml.isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;

export const isScalar: typeof Yaml.isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;

export type Scalar<T = unknown> = Yaml.Scalar<T>;
