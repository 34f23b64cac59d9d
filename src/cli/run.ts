/**
 * The command line: argv, configuration, files, plugins, baseline, output and
 * exit codes. The only layer that touches the outside world; the engine below
 * it is pure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver, ConfigReadError, configMode } from '../config/resolve';
import { ConfigError } from '../config/types';
import { validateConfig } from '../config/validate';
import { summarize } from '../engine/linter';
import type { LintResult } from '../engine/types';
import { today } from '../engine/waivers';
import { type FormatContext, loadFormatter } from '../formatters';
import { parseArgs, type CliOptions } from './args';
import { applyBaselineFile, baselineWanted, updateBaselineFile } from './baseline-file';
import { UsageError } from './errors';
import { displayPath } from '../paths';
import { type Io, useColor } from './io';
import { emptyBatch, type FileBatch, type FileRun, lintFile, lintTargets } from './lint-files';
import { loadRules } from './load-rules';
import { PluginError } from './plugins';
import { printConfig } from './print-config';
import { decodeBytes } from './read';
import { formatRuleList } from './rules-list';
import { expandPaths } from './targets';
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
  const display = (file: string) => displayPath(file, io.cwd);
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
  const resolver = new ConfigResolver(configMode(options.config), io.cwd);

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

  const rules = await loadRules(options.plugins, resolver, io.cwd);
  for (const note of resolver.notes) io.stderr(`ramlint: note: ${note}\n`);
  for (const config of resolver.configs) validateConfig(config, rules);

  if (options.command === 'rules') {
    if (fs.existsSync(path.join(io.cwd, 'rules'))) io.stderr('ramlint: note: "rules" lists the rules; to lint the directory rules/, run ramlint ./rules\n');
    io.stdout(formatRuleList(rules, options.format));
    return EXIT_OK;
  }
  if (options.printConfig !== undefined) {
    io.stdout(printConfig(resolver, anchor, rules, options.kind));
    return EXIT_OK;
  }

  const run: FileRun = { options, resolver, rules, today: today(), keepSources: options.format === 'sarif' };
  let batch: FileBatch;
  if (options.stdin) {
    const filePath = stdinPath ?? '<stdin>';
    const read = decodeBytes(filePath, await io.readStdin());
    batch = emptyBatch();
    const result = read.ok ? lintFile(filePath, read.text, true, run, batch, new Set()) : read.result;
    batch.results.push(result ?? emptyResult(filePath));
  } else {
    const exp = expansion as ReturnType<typeof expandPaths>;
    for (const note of exp.notes) io.stderr(`ramlint: ${note}\n`);
    if (exp.unmatched.length > 0 && options.errorOnUnmatchedPattern) {
      throw new UsageError(exp.unmatched.map((p) => `no files match the pattern "${p}"`).join('\nramlint: '));
    }
    // A path that does not exist is a usage error (exit 2), but the files that do exist are still linted.
    for (const missing of exp.missing) io.stderr(`ramlint: no such file or directory: "${missing}"\n`);
    batch = lintTargets(exp.targets, run);
    if (batch.results.length === 0 && batch.notes.length === 0 && exp.missing.length === 0) {
      io.stderr(`ramlint: no RAM policy files found in ${options.paths.map((p) => `"${p}"`).join(', ')}\n`);
    }
  }
  for (const note of batch.notes) io.stderr(`ramlint: ${note}\n`);
  if (batch.fixed.length > 0) io.stderr(`ramlint: applied safe fixes to ${batch.fixed.length} file${batch.fixed.length === 1 ? '' : 's'}\n`);
  let results = batch.results;

  let extraWarnings = 0;
  if (baselineWanted(options, io)) {
    const outcome = options.updateBaseline ? updateBaselineFile(options, results, io) : applyBaselineFile(options, results, io);
    results = outcome.results;
    extraWarnings += outcome.stale;
  }
  if (options.reportUnusedWaivers) extraWarnings += reportUnusedConfigWaivers(resolver, new Set(batch.coveredWaivers), results, io);

  const shown = options.quiet ? results.map(errorsOnly) : results;
  const sources = run.keepSources ? new Map(batch.sources) : undefined;
  const context: FormatContext = { cwd: io.cwd, color: useColor(options.color, io), rules, version, repoRoot: repositoryRoot(io.cwd), sources };
  const formatter = loadFormatter(options.format);
  const report = formatter(shown, context);
  const terminalIsStylish = options.outputFile !== undefined || options.format === 'stylish';
  if (terminalIsStylish) for (const diff of batch.diffs) io.stdout(diff);
  if (options.outputFile !== undefined) {
    const target = path.resolve(io.cwd, options.outputFile);
    try {
      writeFileAtomic(target, report);
    } catch (error) {
      throw new UsageError(`cannot write the report to ${options.outputFile}: ${(error as Error).message}`);
    }
    io.stdout(loadFormatter('stylish')(shown, context));
  } else {
    io.stdout(report);
  }
  if (expansion && expansion.missing.length > 0) return EXIT_FAILURE;
  const code = exitCode(results, options.maxWarnings, extraWarnings);
  const warnings = results.reduce((n, r) => n + r.warningCount, extraWarnings);
  if (code === EXIT_LINT_ERRORS && results.every((r) => r.errorCount === 0)) {
    io.stderr(`ramlint: too many warnings (${warnings}); --max-warnings allows ${options.maxWarnings}\n`);
  }
  return code;
}

/**
 * --report-unused-waivers, for configuration waivers: one that covered linted
 * files but matched no finding there, and one whose files globs matched no
 * linted file at all (in a partial run, such as a hook's, that is expected;
 * this option is meant for full runs).
 */
function reportUnusedConfigWaivers(resolver: ConfigResolver, covered: ReadonlySet<string>, results: readonly LintResult[], io: Io): number {
  const matched = new Set(results.flatMap((r) => r.waiversMatched ?? []));
  let count = 0;
  for (const config of resolver.configs) {
    for (const w of config.waivers) {
      if (matched.has(w.id)) continue;
      const why = covered.has(w.id)
        ? 'matched no finding in the files it covers; check its rule, statement and path, or remove it if the risk is gone'
        : `covers no file linted in this run; check its files globs (relative to ${resolver.explicit ? 'the working directory, as the config came from --config' : "the config file's directory"})`;
      io.stderr(`ramlint: warning: the waiver in ${w.id} (rule ${w.rule}) ${why}\n`);
      count++;
    }
  }
  return count;
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
