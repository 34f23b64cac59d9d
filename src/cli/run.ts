/**
 * The command line: argv, files, plugins, output, exit codes. The only layer
 * that touches the outside world; the engine below it is pure.
 */
import * as path from 'node:path';
import { looksLikePolicy } from '../engine/detect';
import { lintText, summarize } from '../engine/linter';
import type { Rule } from '../engine/rule';
import type { LintResult } from '../engine/types';
import { formatters } from '../formatters';
import { builtinRules } from '../rules';
import { parseArgs, type CliOptions } from './args';
import { type Io, useColor } from './io';
import { loadPlugin, PluginError } from './plugins';
import { decodeBytes, readPolicyFile } from './read';
import { formatRuleList } from './rules-list';
import { expandPaths } from './targets';
import { packageVersion } from './version';

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
  const options = parsed.options;

  const rules = new Map<string, Rule>(builtinRules);
  for (const spec of options.plugins) {
    try {
      const plugin = await loadPlugin(spec, io.cwd);
      for (const [id, rule] of plugin.rules) rules.set(id, rule);
    } catch (error) {
      io.stderr(`ramlint: ${error instanceof PluginError ? error.message : `cannot load plugin "${spec}": ${(error as Error).message}`}\n`);
      return EXIT_FAILURE;
    }
  }

  if (options.command === 'rules') {
    io.stdout(formatRuleList(rules, options.format));
    return EXIT_OK;
  }

  const results = options.stdin ? [await lintStdin(options, rules, io)] : lintPaths(options, rules, io);
  if (results === undefined) return EXIT_FAILURE;

  const shown = options.quiet ? results.map(errorsOnly) : results;
  const formatter = formatters.get(options.format) ?? (formatters.get('stylish') as NonNullable<ReturnType<typeof formatters.get>>);
  io.stdout(formatter(shown, { cwd: io.cwd, color: useColor(options.color, io), rules, version }));
  return exitCode(results, options.maxWarnings);
}

async function lintStdin(options: CliOptions, rules: ReadonlyMap<string, Rule>, io: Io): Promise<LintResult> {
  const filePath = options.stdinFilename ? path.resolve(io.cwd, options.stdinFilename) : '<stdin>';
  const read = decodeBytes(filePath, await io.readStdin());
  if (!read.ok) return read.result;
  return lintText(read.text, { rules, filePath, kind: options.kind });
}

function lintPaths(options: CliOptions, rules: ReadonlyMap<string, Rule>, io: Io): LintResult[] | undefined {
  const expansion = expandPaths(options.paths, io.cwd);
  for (const note of expansion.notes) io.stderr(`ramlint: ${note}\n`);
  if (expansion.unmatched.length > 0 && options.errorOnUnmatchedPattern) {
    for (const pattern of expansion.unmatched) io.stderr(`ramlint: no files match the pattern "${pattern}"\n`);
    return undefined;
  }
  const results: LintResult[] = [];
  for (const target of expansion.targets) {
    const read = readPolicyFile(target.path);
    if (!read.ok) {
      results.push(read.result);
      continue;
    }
    // A directory walk passes over JSON that is not a policy (package.json, tsconfig.json).
    if (!target.explicit && !looksLikePolicy(read.text)) continue;
    results.push(lintText(read.text, { rules, filePath: target.path, kind: options.kind }));
  }
  if (results.length === 0) io.stderr(`ramlint: no RAM policy files found in ${options.paths.map((p) => `"${p}"`).join(', ')}\n`);
  return results;
}

function errorsOnly(result: LintResult): LintResult {
  return summarize({ ...result, messages: result.messages.filter((m) => m.severity === 'error') });
}

export function exitCode(results: readonly LintResult[], maxWarnings: number): number {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return EXIT_LINT_ERRORS;
  if (maxWarnings >= 0 && warnings > maxWarnings) return EXIT_LINT_ERRORS;
  return EXIT_OK;
}
