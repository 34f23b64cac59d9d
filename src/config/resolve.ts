/**
 * Which configuration applies to a file. Configs are found by walking up from
 * the file's directory to the repository root (a directory with .git) or to a
 * config with "root": true, and merged from the outermost to the nearest, so
 * the nearest wins. Overrides apply in order, outer configs' first. Globs are
 * minimatch patterns (matched by glob-match.ts) relative to the directory of
 * the config file that declares them; with --config, relative to the working
 * directory (as ESLint does), so that `-c ci/ramlint.json` can cover
 * `policies/**`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RuleSetting } from '../engine/linter';
import type { PolicyKind } from '../engine/types';
import type { Waiver } from '../engine/waivers';
import { displayPath, relativeInside, toPosix } from '../paths';
import { builtinRules } from '../rules';
import { type CompiledGlob, compileGlob, type GlobMatchStats, GlobStepLimitError, splitPath } from './glob-match';
import { MAX_GLOB_STEPS } from './globs';
import { parseConfig } from './parse';
import { CONFIG_FILE_NAMES, ConfigError, type ConfigFile, type RuleEntry } from './types';

/** Chains are never changed once handed out, so a chain's key is computed once. */
const chainKeys = new WeakMap<readonly ConfigFile[], string>();

/** The files of a chain, as one string: what identifies the chain across calls (rule sets, validation). */
export function chainKey(chain: readonly ConfigFile[]): string {
  let key = chainKeys.get(chain);
  if (key === undefined) {
    key = chain.map((c) => c.file).join('\0');
    chainKeys.set(chain, key);
  }
  return key;
}

export type ConfigMode = { kind: 'lookup' } | { kind: 'explicit'; file: string } | { kind: 'none' };

/** --config <file>, --no-config (false), or neither (look configs up). */
export function configMode(config: string | false | undefined): ConfigMode {
  return config === false ? { kind: 'none' } : config ? { kind: 'explicit', file: config } : { kind: 'lookup' };
}

export interface FileConfig {
  /** Config files that apply, outermost first. */
  files: string[];
  settings: Record<string, RuleSetting>;
  kind?: PolicyKind;
  waivers: Waiver[];
  /** `ramlint.config.jsonc ("generated/**")` when an ignore pattern covers the file. */
  ignoredBy?: string;
  /** Processor ids named by the nearest config that names any; undefined: every processor. */
  processors?: string[];
}

/** The file's path relative to a directory, or undefined when it lies outside it. */
function relativeTo(dir: string, filePath: string): string | undefined {
  const rel = relativeInside(dir, filePath);
  return rel === undefined ? undefined : toPosix(rel);
}

/**
 * Compiled patterns by the list that holds them (a config's lists live as
 * long as the config), so a pattern is compiled once, not once per file.
 * Config patterns may come with an untrusted change: glob-match.ts matches
 * them in bounded time, and parse.ts has refused those beyond its limits.
 */
const compiledLists = new WeakMap<readonly string[], CompiledGlob[]>();

function compiled(patterns: readonly string[], ignores = false): CompiledGlob[] {
  let list = compiledLists.get(patterns);
  if (!list) {
    // An ignore pattern names a directory with or without its trailing slash.
    list = patterns.map((p) => compileGlob(ignores && p.endsWith('/') ? p.slice(0, -1) : p));
    compiledLists.set(patterns, list);
  }
  return list;
}

/** The override blocks and waivers (by index) and the ignore pattern of one config that match a file. */
interface ConfigMatch {
  blocks: number[];
  ignore: string | undefined;
  waivers: number[];
}

function matchKey(match: ConfigMatch | undefined): string {
  // JSON for the pattern: it may hold any character, the separators included.
  return match === undefined ? '-' : `${match.blocks.join(',')}|${match.waivers.join(',')}|${match.ignore === undefined ? '' : JSON.stringify(match.ignore)}`;
}

/** How the resolver sees files. Synchronous, as resolution is; the API passes one filled from its FileSystem. */
export interface ConfigFiles {
  /** Anything at the path (a `.git` directory or file). */
  exists(path: string): boolean;
  isFile(path: string): boolean;
  /** Throws an error with a Node-style `code` ('ENOENT', 'EACCES') when it cannot. */
  readText(path: string): string;
}

export const nodeConfigFiles: ConfigFiles = {
  exists: (p) => fs.existsSync(p),
  isFile: (p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  },
  readText: (p) => fs.readFileSync(p, 'utf8'),
};

export class ConfigResolver {
  /** Things worth a note on stderr, such as a second config file that is not read. */
  readonly notes: string[] = [];
  private readonly chains = new Map<string, ConfigFile[]>();
  private readonly loaded = new Map<string, ConfigFile>();

  /** The nearest directory at or above cwd with .git or a "root": true config; cwd itself when there is none. */
  get projectRoot(): string {
    this.root ??= this.mode.kind === 'lookup' ? this.findProjectRoot() : this.cwd;
    return this.root;
  }

  private root: string | undefined;

  constructor(
    private readonly mode: ConfigMode,
    private readonly cwd: string,
    private readonly files: ConfigFiles = nodeConfigFiles,
  ) {}

  private findProjectRoot(): string {
    let current = this.cwd;
    for (;;) {
      if (this.isRepositoryRoot(current) || this.rootConfigIn(current)) return current;
      const parent = path.dirname(current);
      if (parent === current) return this.cwd;
      current = parent;
    }
  }

  /** Every config file read so far. */
  get configs(): ConfigFile[] {
    const all = [...this.loaded.values()];
    return this.override ? [...all, this.override] : all;
  }

  /** A config given as an object by the API's caller: applied after (over) every file's chain. */
  override: ConfigFile | undefined;

  /** Throws ConfigError for a config that cannot be read or is invalid. */
  chainFor(dir: string): readonly ConfigFile[] {
    const chain = this.lookupChain(dir);
    if (!this.override) return chain;
    // One array per chain, not one per file: callers key their memos by the chain's identity (chainKey).
    let extended = this.withOverride.get(chain);
    if (extended === undefined || extended[extended.length - 1] !== this.override) {
      extended = [...chain, this.override];
      this.withOverride.set(chain, extended);
    }
    return extended;
  }

  private readonly withOverride = new WeakMap<ConfigFile[], ConfigFile[]>();
  private readonly noChain: ConfigFile[] = [];
  private explicitChain: ConfigFile[] | undefined;

  private lookupChain(dir: string): ConfigFile[] {
    if (this.mode.kind === 'none') return this.noChain;
    if (this.mode.kind === 'explicit') {
      const config = this.load(path.resolve(this.cwd, this.mode.file));
      if (this.explicitChain?.[0] !== config) this.explicitChain = [config];
      return this.explicitChain;
    }
    const cached = this.chains.get(dir);
    if (cached) return cached;
    const nearestFirst: ConfigFile[] = [];
    // Inside the project the walk stops at its root; a file outside it gets only the config beside it.
    const inProject = dir === this.projectRoot || relativeInside(this.projectRoot, dir) !== undefined;
    let current = dir;
    for (;;) {
      const found = this.configIn(current);
      if (found) nearestFirst.push(found);
      if (found?.root || this.isRepositoryRoot(current) || current === this.projectRoot || !inProject) break;
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    const chain = nearestFirst.reverse();
    this.chains.set(dir, chain);
    return chain;
  }

  /** The last file resolved: an editor re-lints the same file on every keystroke. One entry, so a run over 50k files keeps none. */
  private last: { file: string; config: FileConfig } | undefined;

  /** The configuration of one file. The result is shared: callers read it, never change it. */
  resolve(file: string): FileConfig {
    if (this.last?.file === file) return this.last.config;
    const config = this.resolveUncached(file);
    this.last = { file, config };
    return config;
  }

  /**
   * Configurations by what decides them: the chain, and per config the override
   * blocks, ignore pattern and waivers that match the file. A run of 10,000 files
   * has a few of these, so each file shares one instead of merging its own.
   * Bounded; the configs themselves are keyed by identity, so a reloaded config is a new key.
   */
  private readonly byMatch = new Map<string, FileConfig>();
  private readonly configIds = new WeakMap<ConfigFile, number>();

  private resolveUncached(file: string): FileConfig {
    // `<stdin>` without --stdin-filename: the working directory's configuration.
    const filePath = path.resolve(this.cwd, file);
    const chain = this.chainFor(path.dirname(filePath));
    // One budget for the file across its configs: it is the file's cost that must stay bounded.
    const budget: GlobMatchStats = { steps: 0, limit: MAX_GLOB_STEPS };
    const matches = chain.map((config) => this.matchIn(config, filePath, budget));
    let key = '';
    for (let i = 0; i < chain.length; i++) key += `${this.configId(chain[i] as ConfigFile)}:${matchKey(matches[i])};`;
    let config = this.byMatch.get(key);
    if (config === undefined) {
      config = this.merged(chain, matches);
      if (this.byMatch.size >= 1000) this.byMatch.clear();
      this.byMatch.set(key, config);
    }
    return config;
  }

  private configId(config: ConfigFile): number {
    let id = this.configIds.get(config);
    if (id === undefined) {
      id = this.nextConfigId++;
      this.configIds.set(config, id);
    }
    return id;
  }

  private nextConfigId = 0;

  /** What of one config applies to the file; undefined when the file lies outside the config's glob base. */
  private matchIn(config: ConfigFile, filePath: string, budget: GlobMatchStats): ConfigMatch | undefined {
    const rel = relativeTo(this.globBase(config), filePath);
    if (rel === undefined) return undefined;
    const segments = splitPath(rel);
    const tried = (glob: CompiledGlob, match: () => boolean): boolean => {
      try {
        return match();
      } catch (error) {
        if (error instanceof GlobStepLimitError) throw tooCostly(config, rel, glob, error.limit);
        throw error;
      }
    };
    const matchesAny = (patterns: readonly string[]) => compiled(patterns).some((g) => tried(g, () => g.matches(segments, budget)));
    const blocks: number[] = [];
    config.overrides.forEach((block, i) => {
      if (matchesAny(block.files) && !matchesAny(block.excludedFiles)) blocks.push(i);
    });
    const waivers: number[] = [];
    config.waivers.forEach((w, i) => {
      if (matchesAny(w.files)) waivers.push(i);
    });
    // An ignore pattern covers a file when it matches the file or any directory above it.
    const ignore = compiled(config.ignores, true).findIndex((g) => tried(g, () => g.matchesPathOrParent(segments, budget)));
    return { blocks, ignore: ignore === -1 ? undefined : config.ignores[ignore], waivers };
  }

  private merged(chain: readonly ConfigFile[], matches: readonly (ConfigMatch | undefined)[]): FileConfig {
    const settings: Record<string, RuleSetting> = {};
    const merge = (rules: Map<string, RuleEntry>) => {
      for (const [id, entry] of rules) {
        // A severity alone keeps the options configured further out, as ESLint does.
        settings[id] = { severity: entry.severity, options: entry.options ?? settings[id]?.options };
      }
    };
    let kind: PolicyKind | undefined;
    let ignoredBy: string | undefined;
    const waivers: Waiver[] = [];
    // Outermost first; each config's own overrides right after its base settings,
    // so a nearer config's base settings win over an outer config's overrides.
    let processors: string[] | undefined;
    chain.forEach((config, i) => {
      merge(config.rules);
      if (config.kind) kind = config.kind;
      if (config.processors) processors = config.processors.map((p) => p.id);
      const match = matches[i];
      if (match === undefined) return;
      for (const b of match.blocks) {
        const block = config.overrides[b] as ConfigFile['overrides'][number];
        merge(block.rules);
        if (block.kind) kind = block.kind;
      }
      if (match.ignore && !ignoredBy) ignoredBy = `${this.display(config.file)} ("${match.ignore}")`;
      for (const index of match.waivers) {
        const w = config.waivers[index] as ConfigFile['waivers'][number];
        waivers.push({ id: w.id, rule: w.rule, reason: w.reason, statement: w.statement, path: w.path, expires: w.expires, owner: w.owner });
      }
    });
    applyCatalogue(settings, chain);
    return { files: chain.map((c) => c.file), settings, kind, waivers, ignoredBy, processors };
  }

  /** A config named by --config: its globs are relative to the working directory. */
  get explicit(): boolean {
    return this.mode.kind === 'explicit';
  }

  /** The directory a config's globs are relative to. */
  globBase(config: ConfigFile): string {
    return this.explicit ? this.cwd : config.dir;
  }

  display(file: string): string {
    return displayPath(file, this.cwd);
  }


  /** A broken config above the working directory is not this run's business unless a file of the run is under it. */
  private rootConfigIn(dir: string): boolean {
    try {
      return this.configIn(dir)?.root === true;
    } catch {
      return false;
    }
  }

  private isRepositoryRoot(dir: string): boolean {
    return this.files.exists(path.join(dir, '.git'));
  }

  private configIn(dir: string): ConfigFile | undefined {
    const found = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).filter((file) => this.files.isFile(file));
    const [first, ...others] = found;
    if (!first) return undefined;
    if (others.length > 0) this.notes.push(`${this.display(first)} is used; ${others.map((o) => this.display(o)).join(' and ')} beside it ${others.length > 1 ? 'are' : 'is'} not read`);
    return this.load(first);
  }

  private load(file: string): ConfigFile {
    const cached = this.loaded.get(file);
    if (cached) return cached;
    let text: string;
    try {
      text = this.files.readText(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ConfigReadError(file, code === 'ENOENT' ? 'the config file does not exist' : `cannot read the config file (${code ?? String(error)})`);
    }
    const config = parseConfig(file, text, this.display(file));
    this.loaded.set(file, config);
    return config;
  }
}

/** The config error for a file whose matching ran out of steps (MAX_GLOB_STEPS): the run stops rather than hang. */
function tooCostly(config: ConfigFile, rel: string, glob: CompiledGlob, limit: number): ConfigError {
  const cut = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);
  return new ConfigError(
    { file: config.file, line: 1, column: 1 },
    `matching the glob patterns of the configs that apply to "${cut(rel)}" took more than ${limit.toLocaleString('en-US')} steps, the limit for one file, at "${cut(glob.source)}" in this config; patterns with long runs of text after a "*" cost the most against long names`,
  );
}

export class ConfigReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** The rules that read the action catalogue, and so take the "catalogue" block as options. */
export const CATALOGUE_RULE_IDS: readonly string[] = ['action-resource-mismatch', 'unknown-action', 'unknown-condition-key'];

/**
 * The "catalogue" blocks of the chain, outermost first, become the `actions`
 * and `ignoreServices` options of every catalogue rule (added to the rule's
 * own options), so that one block configures all of them.
 */
function applyCatalogue(settings: Record<string, RuleSetting>, chain: readonly ConfigFile[]): void {
  const blocks = chain.map((c) => c.catalogue).filter((c) => c !== undefined);
  if (blocks.length === 0) return;
  const actions = blocks.flatMap((b) => b.actions);
  const ignoreServices = blocks.flatMap((b) => b.ignoreServices);
  for (const id of CATALOGUE_RULE_IDS) {
    const rule = builtinRules.get(id);
    if (!rule) continue;
    const own = settings[id];
    const options = own?.options ?? {};
    settings[id] = {
      severity: own?.severity ?? rule.meta.defaultSeverity,
      options: {
        ...options,
        actions: [...actions, ...((options.actions as string[] | undefined) ?? [])],
        ignoreServices: [...ignoreServices, ...((options.ignoreServices as string[] | undefined) ?? [])],
      },
    };
  }
}
