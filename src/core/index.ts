// The core's façade: everything a host (the VS Code extension, the CLI, the MCP server) may use of the core.
// Hosts import this module, never the files behind it, so the core can be reorganised without touching them.
// The core knows nothing of VS Code or Node: it reads through StreamFileSystem and returns outcomes as data.

export * from './fileSystem';
export * from './model/stream';
export * from './model/streamDocuments';
export * from './model/streamFilter';
export * from './model/streamGrouping';
export * from './model/streamIndex';
export * from './model/streamJson';
export * from './markdown/documentText';
export * from './markdown/planScanner';
export * from './header/fieldEdits';
export * from './header/statusBadge';
export * from './header/statusEditing';
export * from './header/statusNames';
export * from './header/statusVocabulary';
export * from './tasks/previewProgress';
export * from './tasks/progressText';
export * from './tasks/taskToggle';
export * from './templates/streamName';
export * from './templates/templateSets';
export * from './templates/templates';
export * from './health/health';
export * from './health/healthFixes';
export * from './health/healthInputs';
export * from './health/healthMessages';
export * from './health/streamHealth';
export * from './health/rules/dependencies';
export * from './settings/globMatch';
export * from './settings/streamSettings';
export * from './agents/agentInstructions';
export * from './operations/outcome';
export * from './operations/documentReplacements';
export * from './operations/streamResolution';
export * from './operations/planTasks';
export * from './operations/listStreams';
export * from './operations/showStream';
export * from './operations/nextTasks';
export * from './operations/setTask';
export * from './operations/setField';
export * from './operations/addNote';
export * from './operations/writeHandoff';
export * from './operations/createStream';
export * from './operations/lintStreams';
