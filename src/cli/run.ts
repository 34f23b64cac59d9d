/**
 * The command line: argv, configuration, files, plugins, baseline, output and
 * exit codes. The only layer that touches the outside world; the engine below
 * it is pure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver, ConfigReadError, type ConfigMode } from '../config/resolve';
import { ConfigError } from '../config/types';
import { validateConfig } from '../config/validate';
import { looksLikePolicy } from '../engine/detect';
import { fixText } from '../engine/fix';
import { lintText, summarize, type LintOptions } from '../engine/linter';
import type { Rule } from '../engine/rule';
import type { LintResult } from '../engine/types';
import { today } from '../engine/waivers';
import { formatters, type FormatContext } from '../formatters';
import { builtinRules } from '../rules';
import { parseArgs, type CliOptions } from './args';
import { applyBaselineFile, updateBaselineFile } from './baseline-file';
import { unifiedDiff } from './diff';
import { UsageError } from './errors';
import { type Io, useColor } from './io';
import { loadPlugin, PluginError } from './plugins';
import { printConfig } from './print-config';
import { decodeBytes, readPolicyFile } from './read';
import { formatRuleList } from './rules-list';
import { expandPaths, type Target } from './targets';
import { packageVersion } from './version';
import { writeFileAtomic } from './write';

export const EXIT_OK = 0;
export const EXIT_LINT_ERRORS = 1;
export const EXIT_FAILURE = 2;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const version = packageVersion();
  const parsed = parseArgs(argv, version);
  if (!parsed.ok) {
    if (parsed.stdout) io.stdout(parsed.stdout);
    if (parsed.stderr) io.stderr(parsed.stderr);
    return parsed.exitCode;
  }
  const display = (file: string) => {
    const rel = path.relative(io.cwd, file);
    return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
  };
  try {
    return await runCommand(parsed.options, io, version);
  } catch (error) {
    if (error instanceof ConfigError) io.stderr(`ramlint: ${error.format(display)}\n`);
    else if (error instanceof ConfigReadError) io.stderr(`ramlint: ${display(error.file)}: ${error.message}\n`);
    else if (error instanceof PluginError || error instanceof UsageError) io.stderr(`ramlint: ${error.message}\n`);
    else throw error;
    return EXIT_FAILURE;
  }
}

async function runCommand(options: CliOptions, io: Io, version: string): Promise<number> {
  const mode: ConfigMode = options.config === false ? { kind: 'none' } : options.config ? { kind: 'explicit', file: options.config } : { kind: 'lookup' };
  const resolver = new ConfigResolver(mode, io.cwd);

  // Find every config that applies before linting anything: plugins must load,
  // and every config must validate, before the first file is judged.
  const stdinPath = options.stdinFilename ? path.resolve(io.cwd, options.stdinFilename) : undefined;
  let expansion: ReturnType<typeof expandPaths> | undefined;
  if (options.command === 'lint' && !options.stdin && options.printConfig === undefined) {
    expansion = expandPaths(options.paths, io.cwd);
    for (const target of expansion.targets) resolver.chainFor(path.dirname(target.path));
  }
  const anchor = options.printConfig !== undefined ? path.resolve(io.cwd, options.printConfig) : (stdinPath ?? path.join(io.cwd, '<stdin>'));
  resolver.chainFor(path.dirname(anchor));

  const rules = await loadRules(options, resolver, io.cwd);
  for (const config of resolver.configs) validateConfig(config, rules);

  if (options.command === 'rules') {
    io.stdout(formatRuleList(rules, options.format));
    return EXIT_OK;
  }
  if (options.printConfig !== undefined) {
    io.stdout(printConfig(resolver, anchor, rules, options.kind));
    return EXIT_OK;
  }

  const run: RunContext = {
    options,
    resolver,
    rules,
    io,
    diffs: [],
    sources: options.format === 'sarif' ? new Map<string, string>() : undefined,
    coveredWaivers: new Set<string>(),
    today: today(),
  };
  const lintOne = (filePath: string, text: string, explicit: boolean) => lintFile(filePath, text, explicit, run);
  let results: LintResult[];
  if (options.stdin) {
    const filePath = stdinPath ?? '<stdin>';
    const read = decodeBytes(filePath, await io.readStdin());
    results = [read.ok ? (lintOne(filePath, read.text, true) ?? emptyResult(filePath)) : read.result];
  } else {
    const exp = expansion as ReturnType<typeof expandPaths>;
    for (const note of exp.notes) io.stderr(`ramlint: ${note}\n`);
    if (exp.unmatched.length > 0 && options.errorOnUnmatchedPattern) {
      throw new UsageError(exp.unmatched.map((p) => `no files match the pattern "${p}"`).join('\nramlint: '));
    }
    results = [];
    for (const target of exp.targets) {
      const result = lintTarget(target, lintOne);
      if (result) results.push(result);
    }
    if (results.length === 0) io.stderr(`ramlint: no RAM policy files found in ${options.paths.map((p) => `"${p}"`).join(', ')}\n`);
  }

  let extraWarnings = 0;
  if (options.updateBaseline || options.baseline !== undefined) {
    const outcome = options.updateBaseline ? updateBaselineFile(options, results, io) : applyBaselineFile(options, results, io);
    results = outcome.results;
    extraWarnings += outcome.stale;
  }
  if (options.reportUnusedWaivers) extraWarnings += reportUnusedConfigWaivers(resolver, run.coveredWaivers, results, io);

  const shown = options.quiet ? results.map(errorsOnly) : results;
  const context: FormatContext = { cwd: io.cwd, color: useColor(options.color, io), rules, version, repoRoot: repositoryRoot(io.cwd), sources: run.sources };
  const formatter = formatters.get(options.format) ?? (formatters.get('stylish') as NonNullable<ReturnType<typeof formatters.get>>);
  const report = formatter(shown, context);
  const terminalIsStylish = options.outputFile !== undefined || options.format === 'stylish';
  if (terminalIsStylish) for (const diff of run.diffs) io.stdout(diff);
  if (options.outputFile !== undefined) {
    const target = path.resolve(io.cwd, options.outputFile);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, report);
    io.stdout((formatters.get('stylish') as NonNullable<ReturnType<typeof formatters.get>>)(shown, { ...context, color: useColor(options.color, io) }));
  } else {
    io.stdout(report);
  }
  return exitCode(results, options.maxWarnings, extraWarnings);
}

function lintTarget(target: Target, lintOne: (filePath: string, text: string, explicit: boolean) => LintResult | undefined): LintResult | undefined {
  const read = readPolicyFile(target.path, target.regular);
  if (!read.ok) return read.result;
  // A directory walk passes over JSON that is not a policy (package.json, tsconfig.json).
  if (!target.explicit && !looksLikePolicy(read.text)) return undefined;
  return lintOne(target.path, read.text, target.explicit);
}

/** What one run shares between files. */
interface RunContext {
  options: CliOptions;
  resolver: ConfigResolver;
  rules: ReadonlyMap<string, Rule>;
  io: Io;
  /** Unified diffs of --fix-dry-run. */
  diffs: string[];
  /** File texts, kept only for formats that hash source lines (SARIF). */
  sources: Map<string, string> | undefined;
  /** Configuration waivers whose files were linted, for --report-unused-waivers. */
  coveredWaivers: Set<string>;
  /** One date for the whole run, so a run across midnight judges every waiver alike. */
  today: string;
}

function lintFile(filePath: string, text: string, explicit: boolean, run: RunContext): LintResult | undefined {
  const { options, resolver, rules, io, diffs, sources } = run;
  const config = resolver.resolve(filePath);
  if (config.ignoredBy && options.ignore) {
    // lint-staged and pre-commit pass ignored files by name: a note, not an error.
    if (explicit) io.stderr(`ramlint: ${resolver.display(filePath)}: ignored by ${config.ignoredBy}; use --no-ignore to lint it\n`);
    return undefined;
  }
  const lintOptions: LintOptions = {
    rules,
    settings: config.settings,
    filePath,
    kind: options.kind ?? config.kind,
    waivers: config.waivers,
    today: run.today,
    reportUnusedWaivers: options.reportUnusedWaivers,
  };
  sources?.set(filePath, text);
  for (const w of config.waivers) run.coveredWaivers.add(w.id);
  if (!options.fix && !options.fixDryRun) return lintText(text, lintOptions);
  const outcome = fixText(text, lintOptions);
  if (outcome.changed) {
    if (options.fix && path.isAbsolute(filePath)) {
      try {
        writeFileAtomic(filePath, outcome.output);
      } catch (error) {
        throw new UsageError(`${resolver.display(filePath)}: could not write the fixed file: ${(error as Error).message}`);
      }
    } else if (options.fixDryRun) {
      diffs.push(unifiedDiff(resolver.display(filePath), text, outcome.output));
    }
  }
  return outcome.result;
}

function reportUnusedConfigWaivers(resolver: ConfigResolver, covered: ReadonlySet<string>, results: readonly LintResult[], io: Io): number {
  const matched = new Set(results.flatMap((r) => r.waiversMatched ?? []));
  let count = 0;
  for (const config of resolver.configs) {
    for (const w of config.waivers) {
      // A waiver whose files were not linted in this run cannot be judged.
      if (!covered.has(w.id) || matched.has(w.id)) continue;
      io.stderr(`ramlint: warning: the waiver in ${w.id} (rule ${w.rule}) matched no finding in the files it covers; remove it\n`);
      count++;
    }
  }
  return count;
}

async function loadRules(options: CliOptions, resolver: ConfigResolver, cwd: string): Promise<Map<string, Rule>> {
  const rules = new Map<string, Rule>(builtinRules);
  const specs: { spec: string; base: string; where?: ConfigError['origin'] }[] = options.plugins.map((spec) => ({ spec, base: cwd }));
  for (const config of resolver.configs) for (const p of config.plugins) specs.push({ spec: p.spec, base: config.dir, where: p.origin });
  const loadedFiles = new Set<string>();
  for (const { spec, base, where } of specs) {
    try {
      const plugin = await loadPlugin(spec, base);
      if (loadedFiles.has(plugin.file)) continue;
      loadedFiles.add(plugin.file);
      for (const [id, rule] of plugin.rules) rules.set(id, rule);
    } catch (error) {
      const message = error instanceof PluginError ? error.message : `cannot load plugin "${spec}": ${(error as Error).message}`;
      if (where) throw new ConfigError(where, message);
      throw new PluginError(message);
    }
  }
  return rules;
}

function emptyResult(filePath: string): LintResult {
  return summarize({ filePath, kind: undefined, messages: [], suppressedMessages: [] });
}

function errorsOnly(result: LintResult): LintResult {
  return summarize({ ...result, messages: result.messages.filter((m) => m.severity === 'error') });
}

/** The nearest directory above cwd with .git; SARIF and CI formats make paths relative to it. */
function repositoryRoot(cwd: string): string {
  let dir = cwd;
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return cwd;
    dir = parent;
  }
}

export function exitCode(results: readonly LintResult[], maxWarnings: number, extraWarnings = 0): number {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, extraWarnings);
  if (errors > 0) return EXIT_LINT_ERRORS;
  if (maxWarnings >= 0 && warnings > maxWarnings) return EXIT_LINT_ERRORS;
  return EXIT_OK;
}
