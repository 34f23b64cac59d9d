/**
 * The contract of the file-level API (`RamLint`), shared by every client: the
 * CLI, the language server and scripts. Modelled on ESLint's `ESLint` class.
 */
import type { LintMessage, LintResult, PolicyKind } from '../engine/types';

// LintMessage.document carries the label of the document a message is about in a host file.

/** The only way the API reaches the file system; tests and the editor server pass their own. */
export interface FileSystem {
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Optional: the file as UTF-8 text, invalid bytes read as U+FFFD (Node's
   * `readFile(path, 'utf8')`). When there, it is tried first, and `readFile`
   * is asked only for text the decoder might have changed or rejected.
   */
  readUtf8?(path: string): Promise<string>;
  /**
   * Optional: a file a directory walk found, read through one descriptor
   * that fstat judges first, so nothing is read from a file that is not
   * regular or is larger than `maxBytes`, and no more than the size fstat
   * gave is read. Without it, such a file is stat-ed before it is read.
   */
  readRegularFile?(path: string, maxBytes: number): Promise<RegularFileRead>;
  /** lstat semantics: symbolic links are reported as links, not followed. */
  lstat(path: string): Promise<FileStat>;
  stat(path: string): Promise<FileStat>;
  readdir(path: string): Promise<DirEntry[]>;
  realpath(path: string): Promise<string>;
  /** Replace a file's contents, keeping mode, owner and hard links (the API decides how). */
  writeFile(path: string, data: string): Promise<void>;
}

/** What `readRegularFile` found: the bytes and their UTF-8 reading (invalid bytes as U+FFFD), or why it read nothing. */
export type RegularFileRead =
  | { kind: 'read'; bytes: Uint8Array; text: string }
  | { kind: 'too-large'; size: number }
  | { kind: 'not-regular'; directory: boolean };

export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
  size: number;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
}

export interface DirEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
}

export interface RamLintOptions {
  /** Relative paths, config lookup and displayed paths start here. Default process.cwd(). */
  cwd?: string;
  /** A config file to use instead of looking one up (CLI `--config`); `false`: no config at all (`--no-config`). */
  configFile?: string | false;
  /** A config object (the config file's shape) applied over every resolved config. */
  overrideConfig?: Record<string, unknown>;
  /** Compute safe fixes (results carry `output`); `outputFixes` writes them. A function picks which messages to fix. */
  fix?: boolean | ((message: LintMessage) => boolean);
  /** Plugins to load, as `--plugin` names or paths. */
  plugins?: readonly string[];
  /** Load no plugins at all, not even those a config names (`--no-plugins`). */
  allowPlugins?: boolean;
  /** Overrides kind detection for every document. */
  kind?: PolicyKind;
  /** Honour config `ignores` (default true). */
  ignore?: boolean;
  /** The processors to use: ids of built-in ones, or processor objects of the caller's own; default every built-in processor. */
  processors?: readonly (string | import('../processors/types').Processor)[];
  reportUnusedWaivers?: boolean;
  /** false: inline `ramlint-disable…` comments waive nothing and are not checked (CLI `--no-inline-config`); default true. */
  allowInlineConfig?: boolean;
  /** Keep each file's text on its result (`source`), for formats that hash lines. */
  keepSources?: boolean;
  /** `lintFiles` throws NoFilesFoundError, before linting anything, when a glob matches no file (default true). */
  errorOnUnmatchedPattern?: boolean;
  /** Pass over named files that are not RAM policies quietly, as a directory walk does (CLI `--policies-only`). */
  policiesOnly?: boolean;
  /**
   * Keep results in a cache file and serve a file's result from it while its
   * text and everything else that decides the result are unchanged (CLI
   * `--cache`). Used by lintFiles only, and not when fixing.
   */
  cache?: boolean;
  /** The cache file, or a directory to keep `.ramlintcache` in; relative to cwd. Default `.ramlintcache` in cwd. */
  cacheLocation?: string;
  fs?: FileSystem;
}

/** What one `lintFilesReport` or `lintTextReport` produced, beside the results: lines for people, in order. */
export interface LintRun {
  results: FileLintResult[];
  /** Notes from reading configs and walking directories (a second config beside the first, a skipped link). */
  notes: string[];
  /** Paths (not globs) that do not exist; the files that do exist were linted. */
  missing: string[];
  /** Notes about files named by the user that were passed over (ignored by config). */
  fileNotes: string[];
  /** With reportUnusedWaivers: configuration waivers that matched nothing. */
  unusedWaivers: string[];
}

export interface LintTextOptions {
  /** Picks the config, the processor and comment handling; need not exist. */
  filePath?: string;
  /** Warn (as the CLI does) when the file is ignored by config. */
  warnIgnored?: boolean;
  /**
   * Lint the text as a file named on the command line (default true): linted
   * even when it does not look like a policy (`invalid-json` for a YAML file
   * no processor reads, `not-a-ram-policy` for other JSON). `false`: as a
   * directory walk finds the file: one the walk would pass over (package.json,
   * a YAML file that is not a ROS template, a blank YAML file) or that the
   * config ignores gives no result at all (an empty array), as an editor wants.
   */
  explicit?: boolean;
}

/** A result in host-file coordinates: every range, fix and suggestion is already mapped. */
export interface FileLintResult extends LintResult {
  /** The documents found in the file (one for a bare policy), with their labels and kinds. */
  documents?: { label: string; kind: PolicyKind | undefined; kindSource: 'detected' | 'configured' | 'host' }[];
  /** The file's text, when `keepSources` was set. */
  source?: string;
}


export interface RamLintApi {
  lintFiles(patterns: string | readonly string[]): Promise<FileLintResult[]>;
  lintText(text: string, options?: LintTextOptions): Promise<FileLintResult[]>;
  /** The rules that apply to a file (built-in plus the plugins its config loads). */
  getRulesForFile(filePath: string): Promise<ReadonlyMap<string, import('../engine/rule').Rule>>;
  /** The merged configuration that applies to a file (what `--print-config` prints). */
  calculateConfigForFile(filePath: string): Promise<unknown>;
  isPathIgnored(filePath: string): Promise<boolean>;
}
