/**
 * The command line: argv → API options → RamLint → formatter → exit code.
 * Files, configs, plugins, fixes and baselines are the API's business
 * (src/api); this layer turns its results and notes into output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openBaselineFile } from '../api/baseline-file';
import { NoFilesFoundError, RamLint } from '../api/ramlint';
import { decodeBytes, unreadable } from '../api/read';
import { MAX_FILE_BYTES } from '../engine/decode';
import { repositoryRoot } from '../api/repository';
import type { FileLintResult, LintRun } from '../api/types';
import { summarize } from '../engine/linter';
import type { LintResult } from '../engine/types';
import { type FormatContext, loadFormatter, loadStreamingFormat, type ReportStream, type StreamingFormat } from '../formatters';
import { addToTotals, emptyTotals } from '../formatters/streaming';
import { displayPath } from '../paths';
import { DEFAULT_BASELINE, parseArgs, type CliOptions } from './args';
import { unifiedDiff } from './diff';
import { UsageError } from './errors';
import { knownErrorLine, stderrLine } from './error-line';
import { type Io, useColor } from './io';
import { packageVersion } from './version';
import { type FileWriter, openFileAtomic, writeFileAtomic } from '../api/write';
import { withCommas } from '../engine/numbers';
import { heapKeeper } from './heap';

export const EXIT_OK = 0;
export const EXIT_LINT_ERRORS = 1;
export const EXIT_FAILURE = 2;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  // Subcommands load only when asked for: a plain lint does not pay for them.
  if (argv[0] === 'lsp') return (require('../lsp/main') as typeof import('../lsp/main')).runLanguageServer(argv.slice(1));
  if (argv[0] === 'can') return (require('./commands/can') as typeof import('./commands/can')).runCan(argv.slice(1), io);
  if (argv[0] === 'diff') return (require('./commands/diff') as typeof import('./commands/diff')).runDiff(argv.slice(1), io);
  if (argv[0] === 'rules') return (require('./commands/rules') as typeof import('./commands/rules')).runRules(argv.slice(1), io);
  if (argv[0] === 'escalation') return (require('./commands/escalation') as typeof import('./commands/escalation')).runEscalation(argv.slice(1), io);
  const version = packageVersion();
  const parsed = parseArgs(argv, version);
  if (!parsed.ok) {
    if (parsed.stdout) io.stdout(parsed.stdout);
    if (parsed.stderr) io.stderr(parsed.stderr);
    return parsed.exitCode;
  }
  try {
    return await runCommand(parsed.options, io, version);
  } catch (error) {
    const line = knownErrorLine(error, io.cwd);
    if (line === undefined) throw error;
    io.stderr(line);
    return EXIT_FAILURE;
  }
}

/** --no-plugins or RAMLINT_NO_PLUGINS=1: the run is set up for changes it does not trust (docs/security.md). */
function untrustedMode(options: CliOptions, io: Io): boolean {
  return !options.allowPlugins || io.env.RAMLINT_NO_PLUGINS === '1';
}

function apiFor(options: CliOptions, io: Io): RamLint {
  try {
    return newApi(options, io);
  } catch (error) {
    // The options come from argv, so a wrong one (an unknown --processor) is a usage error.
    if (error instanceof TypeError) throw new UsageError(error.message.replace(/^RamLint option "processors": /, '--processor: '));
    throw error;
  }
}

function newApi(options: CliOptions, io: Io): RamLint {
  return new RamLint({
    cwd: io.cwd,
    configFile: options.config,
    plugins: options.plugins,
    allowPlugins: !untrustedMode(options, io),
    kind: options.kind,
    ignore: options.ignore,
    fix: options.fix || options.fixDryRun,
    reportUnusedWaivers: options.reportUnusedWaivers,
    allowInlineConfig: options.allowInlineConfig,
    keepSources: options.format === 'sarif' || options.fixDryRun,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
    policiesOnly: options.policiesOnly,
    processors: options.processors,
    cache: options.cache,
    cacheLocation: options.cacheLocation,
  });
}

async function runCommand(options: CliOptions, io: Io, version: string): Promise<number> {
  const ramlint = apiFor(options, io);
  // Notes name files and quote configs from the tree: escaped, so none can forge a line on the terminal.
  const note = (lines: readonly string[]) => lines.forEach((l) => io.stderr(stderrLine(l)));
  const stdinPath = options.stdinFilename ? path.resolve(io.cwd, options.stdinFilename) : undefined;
  const anchor = options.printConfig !== undefined ? path.resolve(io.cwd, options.printConfig) : (stdinPath ?? path.join(io.cwd, '<stdin>'));

  if (options.printConfig !== undefined) {
    await ramlint.getRulesForFile(anchor);
    note(ramlint.takeNotes());
    io.stdout(`${JSON.stringify(await ramlint.calculateConfigForFile(anchor), null, 2)}\n`);
    return EXIT_OK;
  }

  const context: FormatContext = { cwd: io.cwd, color: useColor(options.color, io), rules: ramlint.loadedRules, version, repoRoot: repositoryRoot(io.cwd), sources: new Map() };
  // --baseline <file>, --update-baseline, or a baseline at the default location (as ESLint reads its suppressions file); --no-baseline: none.
  const baselineFile = path.resolve(io.cwd, typeof options.baseline === 'string' ? options.baseline : DEFAULT_BASELINE);
  let implicitBaseline = options.baseline === undefined && !options.updateBaseline && fs.existsSync(baselineFile);
  if (implicitBaseline && untrustedMode(options, io)) {
    // Plugins off means the tree may come from someone else: a baseline in it, like a results cache in it,
    // could hide any finding its author chose. Only one named with --baseline is used.
    implicitBaseline = false;
    io.stderr(
      `ramlint: ${DEFAULT_BASELINE} is not used: plugins are off (--no-plugins or RAMLINT_NO_PLUGINS=1), so the checkout may be untrusted and a baseline is read only when --baseline names it (the base branch's copy, or --no-baseline to silence this)\n`,
    );
  }
  const baselineWanted = options.updateBaseline || typeof options.baseline === 'string' || implicitBaseline;
  // Read before any file is linted, so a bad baseline stops the run before it prints anything.
  const baseline = baselineWanted && !options.updateBaseline ? openBaselineFile(baselineFile, io.cwd) : undefined;
  // Results are printed as they come unless something needs all of them first: a format built whole
  // (SARIF, JUnit), the dry-run diffs printed before the report, or a baseline being rewritten.
  const streaming = options.fixDryRun || options.updateBaseline ? undefined : loadStreamingFormat(options.format);
  const report = streaming ? openReport(streaming, options, io, context) : undefined;
  const buffered: FileLintResult[] = [];
  const totals = { errors: 0, warnings: 0 };
  let fixed = 0;
  const heap = heapKeeper();
  const take = async (result: FileLintResult) => {
    heap.fileDone();
    let r = result;
    if (options.fix) {
      r = (await RamLint.outputFixes([r]))[0] as FileLintResult;
      if (r.output !== undefined) fixed++;
    }
    if (baseline) r = baseline.apply(r) as FileLintResult;
    if (!report) {
      buffered.push(r);
      return;
    }
    totals.errors += r.errorCount;
    totals.warnings += r.warningCount;
    report.file(options.quiet ? errorsOnly(r) : r);
  };

  let lintRun: LintRun & { count: number };
  try {
    if (options.stdin) {
      // Config errors are reported before standard input is read.
      await ramlint.getRulesForFile(anchor);
      note(ramlint.takeNotes());
      const bytes = await io.readStdin(MAX_FILE_BYTES);
      const read =
        bytes.length > MAX_FILE_BYTES
          ? { ok: false as const, result: unreadable(stdinPath ?? '<stdin>', `Standard input is more than ${withCommas(MAX_FILE_BYTES)} bytes, the limit for a policy file; it was not read further.`) }
          : decodeBytes(stdinPath ?? '<stdin>', bytes);
      const textRun = read.ok ? await ramlint.lintTextReport(read.text, { filePath: options.stdinFilename }) : { results: [read.result], notes: [], missing: [], fileNotes: [], unusedWaivers: [] };
      for (const r of textRun.results) await take(r);
      lintRun = { ...textRun, results: [], count: textRun.results.length };
    } else {
      try {
        lintRun = await ramlint.lintFilesStream(options.paths, take);
      } catch (error) {
        if (!(error instanceof NoFilesFoundError)) throw error;
        note(error.notes);
        // A line per pattern, each escaped: a pattern with a newline in it is not two lines.
        note(error.patterns.map((p) => `no files match the pattern "${p}"`));
        report?.abort();
        return EXIT_FAILURE;
      }
      note(lintRun.notes);
      // A path that does not exist is a usage error (exit 2), but the files that do exist are still linted.
      // Paths come from the command line, which a hook fills with file names from the tree: escaped too.
      note(lintRun.missing.map((missing) => `no such file or directory: "${missing}"`));
      if (lintRun.count === 0 && lintRun.fileNotes.length === 0 && lintRun.missing.length === 0) {
        note([`no RAM policy files found in ${options.paths.map((p) => `"${p}"`).join(', ')}`]);
      }
    }
  } catch (error) {
    report?.abort();
    throw error;
  }
  note(lintRun.fileNotes);
  if (fixed > 0) io.stderr(`ramlint: applied safe fixes to ${fixed} file${fixed === 1 ? '' : 's'}\n`);

  let extraWarnings = 0;
  if (baseline) {
    const outcome = baseline.finish();
    note(outcome.notes);
    extraWarnings += outcome.stale;
  }
  let results = buffered;
  const diffs: string[] = [];
  if (!report) {
    if (options.fixDryRun) {
      for (const r of results) if (r.output !== undefined && r.source !== undefined) diffs.push(unifiedDiff(displayPath(r.filePath, io.cwd), r.source, r.output));
    }
    if (options.updateBaseline) {
      const outcome = ramlint.updateBaseline(results, baselineFile);
      note(outcome.notes);
      results = outcome.results;
    }
    for (const r of results) {
      totals.errors += r.errorCount;
      totals.warnings += r.warningCount;
    }
  }
  note(lintRun.unusedWaivers);
  extraWarnings += lintRun.unusedWaivers.length;

  if (report) report.end();
  else writeWholeReport(results, diffs, options, io, context);
  if (lintRun.missing.length > 0) return EXIT_FAILURE;
  const warnings = totals.warnings + extraWarnings;
  if (totals.errors > 0) return EXIT_LINT_ERRORS;
  // --max-warnings -1: no limit.
  if (options.maxWarnings < 0 || warnings <= options.maxWarnings) return EXIT_OK;
  io.stderr(`ramlint: too many warnings (${warnings}); --max-warnings allows ${options.maxWarnings}\n`);
  return EXIT_LINT_ERRORS;
}

/** The report of a run that kept every result: formats built whole, and dry-run diffs before the report. */
function writeWholeReport(results: readonly FileLintResult[], diffs: readonly string[], options: CliOptions, io: Io, context: FormatContext): void {
  const shown = options.quiet ? results.map(errorsOnly) : results;
  const sources = new Map<string, string>();
  if (options.format === 'sarif') for (const r of results) if (r.source !== undefined) sources.set(r.filePath, r.source);
  const withSources = { ...context, sources };
  const text = loadFormatter(options.format)(shown, withSources);
  const terminalIsStylish = options.outputFile !== undefined || options.format === 'stylish';
  if (terminalIsStylish) for (const diff of diffs) io.stdout(diff);
  if (options.outputFile !== undefined) {
    try {
      writeFileAtomic(path.resolve(io.cwd, options.outputFile), text, io.cwd);
    } catch (error) {
      throw new UsageError(`cannot write the report to ${options.outputFile}: ${(error as Error).message}`);
    }
    io.stdout(loadFormatter('stylish')(shown, withSources));
  } else {
    io.stdout(text);
  }
}

/** Report text gathered into writes of about 64 KiB: a write per file costs a system call per file. */
const WRITE_CHUNK = 64 * 1024;

function coalesced(write: (text: string) => void): (text: string, last?: boolean) => void {
  let pending = '';
  return (text, last = false) => {
    pending += text;
    if (pending.length >= WRITE_CHUNK || (last && pending !== '')) {
      const chunk = pending;
      pending = '';
      write(chunk);
    }
  };
}

interface OpenReport {
  file(result: FileLintResult): void;
  end(): void;
  abort(): void;
}

/**
 * A report printed as the results come: to stdout, or with -o to the file
 * (through a temp file, renamed into place at the end) with stylish on stdout.
 */
function openReport(format: StreamingFormat, options: CliOptions, io: Io, context: FormatContext): OpenReport {
  const totals = emptyTotals();
  const sinks: { stream: ReportStream; write: (text: string, last?: boolean) => void }[] = [];
  let file: FileWriter | undefined;
  if (options.outputFile !== undefined) {
    const target = options.outputFile;
    try {
      file = openFileAtomic(path.resolve(io.cwd, target), io.cwd);
    } catch (error) {
      throw new UsageError(`cannot write the report to ${target}: ${(error as Error).message}`);
    }
    const writer = file;
    sinks.push({
      stream: format(context),
      write: coalesced((text) => {
        try {
          writer.write(text);
        } catch (error) {
          throw new UsageError(`cannot write the report to ${target}: ${(error as Error).message}`);
        }
      }),
    });
    sinks.push({ stream: (loadStreamingFormat('stylish') as StreamingFormat)(context), write: coalesced(io.stdout) });
  } else {
    sinks.push({ stream: format(context), write: coalesced(io.stdout) });
  }
  return {
    file(result) {
      addToTotals(totals, result);
      for (const sink of sinks) sink.write(sink.stream.file(result));
    },
    end() {
      for (const sink of sinks) sink.write(sink.stream.end(totals), true);
      try {
        file?.commit();
      } catch (error) {
        throw new UsageError(`cannot write the report to ${options.outputFile}: ${(error as Error).message}`);
      }
    },
    abort() {
      file?.abort();
    },
  };
}

function errorsOnly(result: LintResult): LintResult {
  return summarize({ ...result, messages: result.messages.filter((m) => m.severity === 'error') });
}
