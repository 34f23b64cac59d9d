/**
 * The file-level API, modelled on ESLint's `ESLint` class: files, config per
 * file, plugins, waivers, processors and fix writing. Every client (the CLI,
 * the language server, scripts) goes through it; it reaches the file system
 * only through `options.fs`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chainKey, ConfigResolver, configMode, type FileConfig } from '../config/resolve';
import type { ConfigFile } from '../config/types';
import { validateConfig } from '../config/validate';
import type { Rule } from '../engine/rule';
import { today } from '../engine/waivers';
import { loadFormatter as formatterByName, type FormatContext } from '../formatters';
import type { Processor } from '../processors/types';
import { availableProcessors, chooseProcessors, validateProcessorIds } from './processor-choice';
import { outputFixes } from './output-fixes';
import { parseOverride } from './override-config';
import { noteMatchedWaivers, unusedConfigWaivers } from './unused-waivers';
import { applyBaselineFile, type BaselineRun, DEFAULT_BASELINE, updateBaselineFile } from './baseline-file';
import { emptyResult } from './results';
import { type FileSettings, lintFileText } from './lint-file';
import { builtinProcessors } from '../processors';
import { PrefetchedConfigFiles } from './config-files';
import { RuleSets } from './load-rules';
import { nodeFileSystem } from './node-fs';
import { validateOptions } from './options';
import { readPolicyFile } from './read';
import { repositoryRoot } from './repository';
import { expandPaths } from './targets';
import { cacheFilePath, ResultsCache } from './cache';
import { catalogueInfo } from '../engine/catalog/catalogue';
import { buildId, packageVersion } from '../package-info';
import type { FileLintResult, FileSystem, LintRun, LintTextOptions, RamLintApi, RamLintOptions } from './types';

/** A glob matched no file (and errorOnUnmatchedPattern is on); nothing was linted. */
export class NoFilesFoundError extends Error {
  constructor(
    readonly patterns: readonly string[],
    /** Notes gathered before the error (config and walk notes), for the user. */
    readonly notes: readonly string[],
  ) {
    super(patterns.map((p) => `no files match the pattern "${p}"`).join('\n'));
  }
}

/** Bare policies are read as .json/.jsonc; processors add the endings they claim. */
const POLICY_EXTENSIONS = ['.json', '.jsonc'];

export interface LoadedFormatter {
  /** Formats results; the context defaults to this RamLint's cwd, rules and the results' sources. */
  format(results: readonly FileLintResult[], context?: Partial<FormatContext>): string;
}

export class RamLint implements RamLintApi {
  private readonly options: RamLintOptions;
  private readonly cwd: string;
  private readonly fs: FileSystem;
  private readonly resolver: ConfigResolver;
  private readonly ruleSets: RuleSets;
  private readonly processors: readonly Processor[];
  /** Processors a config's "processors" may name. */
  private readonly available: readonly Processor[];
  private readonly configFiles: PrefetchedConfigFiles | undefined;
  /** One date for the whole run, so a run across midnight judges every waiver alike. */
  private readonly today = today();

  constructor(options: RamLintOptions = {}) {
    this.options = validateOptions(options);
    this.cwd = path.resolve(this.options.cwd ?? process.cwd());
    this.fs = this.options.fs ?? nodeFileSystem;
    // A FileSystem of the caller's own is the only way to the files, configs included.
    this.configFiles = this.options.fs ? new PrefetchedConfigFiles(this.options.fs) : undefined;
    this.resolver = new ConfigResolver(configMode(this.options.configFile), this.cwd, this.configFiles);
    if (this.options.overrideConfig) this.resolver.override = parseOverride(this.options.overrideConfig, this.cwd);
    const explicitConfig = typeof this.options.configFile === 'string' ? path.resolve(this.cwd, this.options.configFile) : undefined;
    this.ruleSets = new RuleSets(this.options.plugins ?? [], this.cwd, {
      allow: this.options.allowPlugins !== false,
      projectRoot: () => this.resolver.projectRoot,
      trustedConfigs: [explicitConfig, this.resolver.override?.file].filter((f): f is string => f !== undefined),
    });
    this.available = availableProcessors(this.options.processors);
    this.processors = chooseProcessors(this.options.processors, this.available);
  }

  /** Lints files, directories and globs. */
  async lintFiles(patterns: string | readonly string[]): Promise<FileLintResult[]> {
    return (await this.lintFilesReport(patterns)).results;
  }

  /** As lintFiles, with what a command line shows beside the results. Throws ConfigError, PluginError, NoFilesFoundError. */
  async lintFilesReport(patterns: string | readonly string[]): Promise<LintRun> {
    const results: FileLintResult[] = [];
    const run = await this.lintFilesStream(patterns, (result) => {
      results.push(result);
    });
    run.results = results;
    return run;
  }

  /**
   * As lintFilesReport, but each result goes to `onResult` as soon as it is
   * ready (in report order, awaited before the next file is read) and none is
   * kept: memory stays flat however many files there are. The returned run's
   * `results` is empty; `count` says how many results were handed over.
   */
  async lintFilesStream(patterns: string | readonly string[], onResult: (result: FileLintResult) => void | Promise<void>): Promise<LintRun & { count: number }> {
    const list = typeof patterns === 'string' ? [patterns] : patterns;
    if (!Array.isArray(list) || !list.every((p) => typeof p === 'string')) throw new TypeError('RamLint.lintFiles takes a path or glob, or an array of them');
    if (typeof onResult !== 'function') throw new TypeError('RamLint.lintFilesStream takes a function to call with each result');
    const extensions = [...POLICY_EXTENSIONS, ...this.processors.flatMap((p) => p.extensions)];
    const expansion = await expandPaths(list, this.cwd, this.fs, extensions);
    for (const t of expansion.targets) await this.prefetch(t.path);
    // Every config that applies is read, and every plugin loaded, before the first file is judged.
    const chains = expansion.targets.map((t) => this.resolver.chainFor(path.dirname(t.path)));
    const notes = [...this.takeNotes(), ...expansion.notes];
    if (expansion.unmatched.length > 0 && this.options.errorOnUnmatchedPattern !== false) throw new NoFilesFoundError(expansion.unmatched, notes);
    for (const chain of new Set(chains)) await this.rulesFor(chain);
    const run = { ...this.newRun(notes), count: 0 };
    for (const m of expansion.missing) run.missing.push(m);
    const covered = new Set<string>();
    const matched = new Set<string>();
    const hand = async (result: FileLintResult) => {
      run.count++;
      noteMatchedWaivers(matched, result);
      await onResult(result);
    };
    // Fixed results are never served from the cache: a cached result carries no proof that its fixes still apply.
    const cache = this.options.cache === true && !this.options.fix ? new ResultsCache(cacheFilePath(this.options.cacheLocation, this.cwd), { version: packageVersion(), build: buildId(), catalogue: catalogueInfo.date }, this.cwd) : undefined;
    for (const target of expansion.targets) {
      const read = await readPolicyFile(this.fs, target.path, target.regular);
      if (!read.ok) {
        await hand(read.result);
        continue;
      }
      const result = await this.lintOne(target.path, read.text, target.explicit, run, covered, true, target.byGlob, cache);
      if (result) await hand(result);
    }
    if (this.options.reportUnusedWaivers) {
      for (const w of unusedConfigWaivers(this.resolver, covered, matched)) run.unusedWaivers.push(w);
    }
    if (cache) {
      await cache.save(async (file) => {
        try {
          await this.fs.lstat(file);
          return true;
        } catch {
          return false;
        }
      });
      for (const n of cache.notes) run.notes.push(`note: ${n}`);
    }
    return run;
  }

  /** Lints text as if it were the file `filePath` (which need not exist). */
  async lintText(text: string, options: LintTextOptions = {}): Promise<FileLintResult[]> {
    return (await this.lintTextReport(text, options)).results;
  }

  async lintTextReport(text: string, options: LintTextOptions = {}): Promise<LintRun> {
    if (typeof text !== 'string') throw new TypeError(`RamLint.lintText takes the text as a string, not ${text === null ? 'null' : typeof text}`);
    if (options === null || typeof options !== 'object') throw new TypeError('RamLint.lintText options must be an object');
    if (options.filePath !== undefined && (typeof options.filePath !== 'string' || options.filePath === '')) throw new TypeError('RamLint.lintText option "filePath" must be a non-empty string');
    if (options.explicit !== undefined && typeof options.explicit !== 'boolean') throw new TypeError('RamLint.lintText option "explicit" must be a boolean');
    const filePath = options.filePath !== undefined ? path.resolve(this.cwd, options.filePath) : '<stdin>';
    const anchor = this.anchor(filePath);
    await this.prefetch(anchor);
    await this.rulesFor(this.resolver.chainFor(path.dirname(anchor)));
    const run = this.newRun(this.takeNotes());
    const covered = new Set<string>();
    const explicit = options.explicit !== false;
    const result = await this.lintOne(filePath, text, explicit, run, covered, options.warnIgnored !== false);
    // Named, a file always has its result; found as a walk finds it, a file passed over has none.
    if (result || explicit) run.results.push(result ?? emptyResult(filePath));
    if (this.options.reportUnusedWaivers) {
      const matched = new Set<string>();
      for (const r of run.results) noteMatchedWaivers(matched, r);
      for (const w of unusedConfigWaivers(this.resolver, covered, matched)) run.unusedWaivers.push(w);
    }
    return run;
  }

  /**
   * Writes the `output` of fixed results to their files; a file that cannot
   * be written gets an `unwritable-file` finding instead (see output-fixes.ts).
   */
  static outputFixes(results: readonly FileLintResult[], fs: FileSystem = nodeFileSystem): Promise<FileLintResult[]> {
    return outputFixes(results, fs);
  }

  /**
   * Drops the findings a baseline file records (default `.ramlint-baseline.json`
   * in cwd); entries no longer found are reported in `notes` and counted in `stale`.
   * Throws BaselineError when the file cannot be read.
   */
  applyBaseline(results: FileLintResult[], baselineFile: string = DEFAULT_BASELINE): BaselineRun {
    return applyBaselineFile(path.resolve(this.cwd, baselineFile), results, this.cwd);
  }

  /** Writes the findings of `results` to the baseline file (keeping entries of files not in them) and applies it. */
  updateBaseline(results: FileLintResult[], baselineFile: string = DEFAULT_BASELINE): BaselineRun {
    return updateBaselineFile(path.resolve(this.cwd, baselineFile), results, this.cwd);
  }

  /** The rules that apply to a file: built-in, --plugin, and the plugins of the configs that cover it. */
  async getRulesForFile(filePath: string): Promise<ReadonlyMap<string, Rule>> {
    await this.prefetch(this.anchor(filePath));
    return this.rulesFor(this.resolver.chainFor(path.dirname(this.anchor(filePath))));
  }

  /** The configuration that applies to a file, as `--print-config` prints it. */
  async calculateConfigForFile(filePath: string): Promise<unknown> {
    const file = this.anchor(filePath);
    const rules = await this.getRulesForFile(file);
    const resolved = this.resolver.resolve(file);
    const effective: Record<string, unknown> = {};
    for (const [id, rule] of [...rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const setting = resolved.settings[id];
      const severity = setting?.severity ?? rule.meta.defaultSeverity;
      effective[id] = setting?.options ? [severity, setting.options] : severity;
    }
    return {
      file: this.resolver.display(file),
      configFiles: resolved.files.map((f) => this.resolver.display(f)),
      kind: this.options.kind ?? resolved.kind ?? 'detected from the content',
      ignored: resolved.ignoredBy ?? false,
      rules: effective,
      waivers: resolved.waivers,
    };
  }

  async isPathIgnored(filePath: string): Promise<boolean> {
    const file = this.anchor(filePath);
    await this.getRulesForFile(file);
    return this.options.ignore !== false && this.resolver.resolve(file).ignoredBy !== undefined;
  }

  /** Config notes not yet reported (a second config file beside the one used), as lines for people. */
  takeNotes(): string[] {
    return this.resolver.notes.splice(0).map((n) => `note: ${n}`);
  }

  /** Every rule loaded so far (built-in and plugins), for reports that describe rules. */
  get loadedRules(): ReadonlyMap<string, Rule> {
    return this.ruleSets.all;
  }

  /** A formatter by name (stylish, json, compact, sarif, github, junit, checkstyle, gitlab). */
  async loadFormatter(name = 'stylish'): Promise<LoadedFormatter> {
    if (typeof name !== 'string') throw new TypeError('RamLint.loadFormatter takes a format name');
    let formatter: ReturnType<typeof formatterByName>;
    try {
      formatter = formatterByName(name);
    } catch {
      throw new TypeError(`RamLint.loadFormatter: unknown format "${name}"`);
    }
    return {
      format: (results, context = {}) => {
        const sources = new Map<string, string>();
        for (const r of results) if (r.source !== undefined) sources.set(r.filePath, r.source);
        return formatter(results, { cwd: this.cwd, color: false, rules: this.ruleSets.all, version: '', repoRoot: repositoryRoot(this.cwd), sources, ...context });
      },
    };
  }

  /** With the caller's FileSystem: read what resolving this file's config may look at, before resolving it. */
  private async prefetch(filePath: string): Promise<void> {
    if (!this.configFiles) return;
    await this.configFiles.prefetchFrom(this.cwd);
    if (typeof this.options.configFile === 'string') await this.configFiles.prefetchFile(path.resolve(this.cwd, this.options.configFile));
    await this.configFiles.prefetchFrom(path.dirname(filePath));
  }

  private anchor(filePath: string): string {
    if (typeof filePath !== 'string' || filePath === '') throw new TypeError('RamLint: a file path must be a non-empty string');
    return filePath === '<stdin>' ? path.join(this.cwd, '<stdin>') : path.resolve(this.cwd, filePath);
  }

  private newRun(notes: string[]): LintRun {
    return { results: [], notes, missing: [], fileNotes: [], unusedWaivers: [] };
  }

  /** Chains (by their files) whose configs were validated against their rules: once each, not once per file. */
  private readonly validated = new Set<string>();

  private async rulesFor(chain: readonly ConfigFile[]): Promise<ReadonlyMap<string, Rule>> {
    const rules = await this.ruleSets.forChain(chain);
    const key = chainKey(chain);
    if (this.validated.has(key)) return rules;
    for (const config of chain) {
      validateConfig(config, rules, this.options.allowPlugins === false);
      validateProcessorIds(config, this.available);
    }
    this.validated.add(key);
    return rules;
  }

  private async lintOne(
    filePath: string,
    text: string,
    explicit: boolean,
    run: LintRun,
    covered: Set<string>,
    warnIgnored = true,
    byGlob = false,
    cache?: ResultsCache,
  ): Promise<FileLintResult | undefined> {
    const anchor = this.anchor(filePath);
    const chain = this.resolver.chainFor(path.dirname(anchor));
    const rules = await this.rulesFor(chain);
    const config = this.resolver.resolve(anchor);
    if (config.ignoredBy && this.options.ignore !== false) {
      // lint-staged and pre-commit pass ignored files by name: a note, not an error.
      if (explicit && warnIgnored) run.fileNotes.push(`${this.resolver.display(filePath)}: ignored by ${config.ignoredBy}; use --no-ignore to lint it`);
      return undefined;
    }
    for (const w of config.waivers) covered.add(w.id);
    const fix = this.options.fix;
    const settings: FileSettings = {
      rules,
      settings: config.settings,
      kind: this.options.kind ?? config.kind,
      waivers: config.waivers,
      today: this.today,
      reportUnusedWaivers: this.options.reportUnusedWaivers,
      allowInlineConfig: this.options.allowInlineConfig,
      // --processor wins; else the nearest config that names processors; else every processor.
      processors: this.options.processors || !config.processors ? this.processors : chooseProcessors(config.processors, this.available),
      fix: typeof fix === 'function' ? fix : fix ? () => true : false,
      explicit,
      policiesOnly: this.options.policiesOnly === true,
      byGlob,
    };
    let key: string | undefined;
    let result: FileLintResult | undefined;
    if (cache) {
      key = cache.keyOf(text, this.cacheContextFor(config, settings, chain));
      const cached = cache.get(anchor, key);
      if (cached !== undefined) result = cached ?? undefined;
      else {
        result = await lintFileText(filePath, text, settings);
        cache.set(anchor, key, result);
      }
    } else {
      result = await lintFileText(filePath, text, settings);
    }
    if (result && this.options.keepSources) result.source = text;
    return result;
  }

  /** Plugin files by path: their size and time of change, read once per run. */
  private readonly pluginStamps = new Map<string, string>();
  /** Processor lists by identity, as the text that identifies them. */
  private readonly processorStamps = new WeakMap<readonly Processor[], string>();

  /**
   * cacheContext by configuration: files that share a FileConfig (the resolver
   * hands out one per chain and matching overrides and waivers) share their
   * chain, plugins and processors, and the rest is this instance's options;
   * only `explicit` and `byGlob` differ per file.
   */
  private readonly contexts = new WeakMap<FileConfig, (string | undefined)[]>();

  private cacheContextFor(config: FileConfig, settings: FileSettings, chain: readonly ConfigFile[]): string {
    let byFlags = this.contexts.get(config);
    if (byFlags === undefined) {
      byFlags = [];
      this.contexts.set(config, byFlags);
    }
    const slot = (settings.explicit ? 2 : 0) + (settings.byGlob === true ? 1 : 0);
    return (byFlags[slot] ??= this.cacheContext(settings, this.ruleSets.pluginFiles(chain)));
  }

  /**
   * Everything beside the text that decides a file's result, for the cache key:
   * the resolved configuration, the plugins (by file, size and mtime), the
   * processors (a caller's own by their code), the options that change what is
   * reported, and today's date when a waiver has an expiry date.
   */
  private cacheContext(settings: FileSettings, pluginFiles: readonly string[]): string {
    const plugins = pluginFiles.map((file) => {
      let stamp = this.pluginStamps.get(file);
      if (stamp === undefined) {
        try {
          const s = fs.statSync(file);
          stamp = `${file}\0${s.size}\0${s.mtimeMs}`;
        } catch {
          stamp = `${file}\0?`;
        }
        this.pluginStamps.set(file, stamp);
      }
      return stamp;
    });
    let processors = this.processorStamps.get(settings.processors);
    if (processors === undefined) {
      processors = JSON.stringify(settings.processors.map((p) => [p.id, p.extensions, builtinProcessors.includes(p) ? '' : `${String(p.recognizes)}\0${String(p.preprocess)}`]));
      this.processorStamps.set(settings.processors, processors);
    }
    const expires = settings.waivers?.some((w) => w.expires !== undefined) === true;
    return JSON.stringify([
      settings.settings,
      settings.kind ?? null,
      settings.waivers ?? [],
      expires ? settings.today : '',
      settings.reportUnusedWaivers === true,
      settings.allowInlineConfig !== false,
      settings.explicit,
      settings.policiesOnly,
      settings.byGlob === true,
      plugins,
      processors,
    ]);
  }

}
