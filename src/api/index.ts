/** The file-level API: `RamLint` and its contract. */
export { RamLint, NoFilesFoundError, type LoadedFormatter } from './ramlint';
export { BaselineError, type BaselineRun } from './baseline-file';
export { nodeFileSystem } from './node-fs';
export type { DirEntry, FileLintResult, FileStat, FileSystem, LintRun, LintTextOptions, RamLintApi, RamLintOptions } from './types';
