/**
 * Command-line arguments. yargs parses; nothing here exits or prints: a usage
 * problem comes back as data so the caller can exit 2 (yargs alone exits 1,
 * which would look like "lint errors").
 */
import type yargsType from 'yargs';
import { FORMAT_NAMES } from '../formatters';
import { POLICY_KINDS, type PolicyKind } from '../engine/types';
import { versionText } from './version';
import { usageErrorText } from './error-line';

export interface CliOptions {
  paths: string[];
  format: string;
  stdin: boolean;
  stdinFilename: string | undefined;
  kind: PolicyKind | undefined;
  plugins: string[];
  maxWarnings: number;
  quiet: boolean;
  color: boolean | undefined;
  errorOnUnmatchedPattern: boolean;
  /** A config file to use instead of looking one up; false for --no-config. */
  config: string | false | undefined;
  printConfig: string | undefined;
  ignore: boolean;
  /** A baseline file; false for --no-baseline; undefined: DEFAULT_BASELINE when it exists. */
  baseline: string | false | undefined;
  updateBaseline: boolean;
  reportUnusedWaivers: boolean;
  /** false for --no-inline-config: inline directives waive nothing. */
  allowInlineConfig: boolean;
  fix: boolean;
  fixDryRun: boolean;
  outputFile: string | undefined;
  /** Pass over named files that do not look like policies, as a directory walk does. */
  policiesOnly: boolean;
  /** false for --no-plugins: no plugin loads, not even one a config names. */
  allowPlugins: boolean;
  /** --processor: the processors to use (undefined: all). */
  processors: string[] | undefined;
  /** --cache: serve unchanged files' results from the cache file. */
  cache: boolean;
  cacheLocation: string | undefined;
}

export { DEFAULT_BASELINE } from '../api/baseline-file';
import { DEFAULT_BASELINE } from '../api/baseline-file';
import { DEFAULT_CACHE_FILE } from '../api/cache';

export type ParsedArgs =
  | { ok: true; options: CliOptions }
  | { ok: false; exitCode: 0 | 2; stdout?: string; stderr?: string };

export const USAGE = `Usage: ramlint [options] [paths..]
       ramlint rules [--format json]
       ramlint can --action <action> --resource <resource> [--context k=v].. [--principal <p>] <paths..>
       ramlint diff <old> <new>   (or: ramlint diff --base <git-ref> [paths..])
       ramlint escalation <paths..>
       ramlint lsp --stdio

Lint Alibaba Cloud RAM policies: permission policies, role trust policies and
OSS bucket policies. Paths may be files, directories (searched recursively for
.json and .jsonc files that contain a top-level "Statement", and for the files
a processor claims) or globs. A named file that is JSON but no policy gets one
not-a-ram-policy note and is never changed by --fix.

Exit codes: 0 = no errors, and warnings within --max-warnings;
1 = lint errors, or too many warnings;
2 = usage error, invalid configuration, a report that cannot be written,
    or internal failure.`;

function build(version: string) {
  // Loaded here, not at the top: the common `ramlint <paths..>` never needs it (see fastParse).
  const yargs = require('yargs') as typeof yargsType;
  return yargs()
    .scriptName('ramlint')
    .usage(USAGE)
    .command('$0 [paths..]', 'Lint the policies in the given files, directories and globs.', (y) =>
      y.positional('paths', { type: 'string', array: true, describe: 'Files, directories or globs' }),
    )
    .command('rules', 'List every rule with its category, default severity and description (ramlint rules --help).')
    .command('can', 'Evaluate a request against the policies: allow, explicit-deny, implicit-deny or conditional (ramlint can --help).')
    .command('diff', 'Prove that new policies grant nothing the old ones did not, or show what they add (ramlint diff --help).')
    .command('escalation', 'List privilege-escalation paths across the given policies (ramlint escalation --help).')
    .command('lsp', 'Run the language server for editors (ramlint lsp --stdio).')
    // No yargs defaults for these two: yargs gives the default for a flag left without its value
    // (`--max-warnings` at the end of a CI line), which would turn the gate off in silence.
    .option('format', { alias: 'f', type: 'string', choices: FORMAT_NAMES as string[], defaultDescription: '"stylish"', describe: 'Report format' })
    .option('stdin', { type: 'boolean', default: false, describe: 'Lint the policy read from standard input' })
    .option('stdin-filename', { type: 'string', describe: 'File name to show, and to choose the kind, the configuration and comment handling by, for --stdin' })
    .option('kind', { type: 'string', choices: POLICY_KINDS as string[], describe: 'Policy kind, instead of detecting it from the content' })
    // Not `array: true`: that would swallow the paths after it. Repeated, yargs collects the values.
    .option('plugin', { type: 'string', describe: 'Load rules from a plugin: a package name or a path to a module (repeatable)' })
    .option('plugins', { type: 'boolean', default: true, describe: 'Load plugins (--no-plugins: load none, not even those a config names; also RAMLINT_NO_PLUGINS=1), for CI on untrusted changes' })
    .option('processor', {
      type: 'string',
      describe: 'Read host files with only this processor (repeatable; "none" for bare .json/.jsonc policies only); default every processor',
    })
    .option('max-warnings', { type: 'number', defaultDescription: '-1', describe: 'Exit 1 when there are more warnings than this (-1: no limit)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'Report errors only' })
    .option('color', { type: 'boolean', describe: 'Force colour on or off (default: on for a terminal, off when NO_COLOR is set)' })
    .option('error-on-unmatched-pattern', { type: 'boolean', default: true, describe: 'Exit 2 when a glob matches no file' })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this config file instead of looking one up; its globs are relative to the working directory (--no-config: use none)' })
    .option('print-config', { type: 'string', describe: 'Print the configuration that applies to this file, and exit' })
    .option('ignore', { type: 'boolean', default: true, describe: 'Honour "ignores" from the config (--no-ignore lints ignored files too)' })
    .option('baseline', {
      type: 'string',
      describe: `Report only findings that are not in this baseline file (default: ${DEFAULT_BASELINE} when it exists, but not with --no-plugins or RAMLINT_NO_PLUGINS=1, where only a named baseline is read; --no-baseline: use none)`,
    })
    .option('update-baseline', { type: 'boolean', default: false, describe: `Write the current findings to the baseline file (--baseline, default ${DEFAULT_BASELINE})` })
    .option('report-unused-waivers', { type: 'boolean', default: false, describe: 'Report waivers and inline directives that matched no finding' })
    .option('inline-config', { type: 'boolean', default: true, describe: 'Honour inline ramlint-disable comments (--no-inline-config: they waive nothing, so every finding is reported)' })
    .option('fix', { type: 'boolean', default: false, describe: 'Apply safe fixes (those that cannot change who can do what) to the files' })
    .option('fix-dry-run', { type: 'boolean', default: false, describe: 'Show the safe fixes (a diff, or "output" in --format json) without writing' })
    .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to this file; the stylish report still goes to the terminal' })
    .option('cache', { type: 'boolean', default: false, describe: 'Keep results in a cache file and re-lint only files whose text or configuration changed (not with --fix)' })
    .option('cache-location', { type: 'string', describe: `The cache file, or a directory to keep ${DEFAULT_CACHE_FILE} in (default ${DEFAULT_CACHE_FILE} in the working directory)` })
    .option('policies-only', {
      type: 'boolean',
      default: false,
      describe: 'Pass over named files that are not RAM policies (no top-level "Statement"), as a directory walk does; for hooks that pass every staged .json file',
    })
    .example('ramlint policies/', 'Lint every policy file under policies/')
    .example('ramlint --format compact "**/*.json"', 'One line per finding, for editors and problem matchers')
    .example('cat p.json | ramlint --stdin --stdin-filename p.json', 'Lint an unsaved editor buffer')
    .example('ramlint --format sarif -o ramlint.sarif .', 'SARIF for GitHub code scanning, the stylish report on the terminal')
    .example('ramlint --baseline .ramlint-baseline.json .', 'Report only findings that are new since the baseline')
    .strict()
    // Kebab-case only: otherwise "Unknown arguments" names each unknown flag twice.
    // populate--: what follows "--" is kept apart (as paths), instead of being dropped.
    .parserConfiguration({ 'camel-case-expansion': false, 'populate--': true })
    .version(versionText(version))
    .help()
    .alias('h', 'help')
    .alias('v', 'version')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false);
}

/**
 * The common calls, `ramlint <paths..>` (every pre-commit hook and editor task)
 * and a CI job's few flags (`--format json`, `--cache`, `-o report.sarif`),
 * parsed without yargs, whose loading is a third of a one-file run. Anything
 * this does not know exactly as yargs reads it goes to yargs: other flags, a
 * flag given twice, `--`, a boolean followed by "true"/"false", a value that
 * looks like a flag or a command word. A test holds the two to the same
 * answers over every combination of these flags.
 */
const COMMAND_WORDS = new Set(['rules', 'help', 'version']);

type FastFlag = { option: 'format' | 'cacheLocation' | 'outputFile' | 'maxWarnings'; takesValue: true } | { option: 'cache' | 'quiet' | 'fix' | 'policiesOnly'; takesValue: false };

const FAST_FLAGS: ReadonlyMap<string, FastFlag> = new Map<string, FastFlag>([
  ['--format', { option: 'format', takesValue: true }],
  ['-f', { option: 'format', takesValue: true }],
  ['--cache-location', { option: 'cacheLocation', takesValue: true }],
  ['--output-file', { option: 'outputFile', takesValue: true }],
  ['-o', { option: 'outputFile', takesValue: true }],
  ['--max-warnings', { option: 'maxWarnings', takesValue: true }],
  ['--cache', { option: 'cache', takesValue: false }],
  ['--quiet', { option: 'quiet', takesValue: false }],
  ['--fix', { option: 'fix', takesValue: false }],
  ['--policies-only', { option: 'policiesOnly', takesValue: false }],
]);

/**
 * A value yargs takes as it is: not empty, not a command word, not a
 * boolean's "true"/"false", and (unless it came after "=") not a flag.
 */
function plainValue(value: string | undefined, afterEquals = false): value is string {
  return value !== undefined && value !== '' && (afterEquals || !value.startsWith('-')) && !COMMAND_WORDS.has(value) && value !== 'true' && value !== 'false';
}

/** Exported for the test that holds it to what yargs gives; undefined: ask yargs. */
export function fastParse(argv: readonly string[]): ParsedArgs | undefined {
  const paths: string[] = [];
  const values = new Map<FastFlag['option'], string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-')) {
      // yargs reads "rules", "help" and "version" as commands wherever they stand.
      if (!plainValue(arg)) return undefined;
      paths.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const flag = FAST_FLAGS.get(name);
    if (!flag || values.has(flag.option)) return undefined;
    if (!flag.takesValue) {
      if (eq !== -1) return undefined;
      values.set(flag.option, true);
      continue;
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (!plainValue(value, eq !== -1)) return undefined;
    values.set(flag.option, value);
  }
  if (paths.length === 0) return undefined;
  const format = values.get('format') ?? 'stylish';
  if (typeof format !== 'string' || !(FORMAT_NAMES as readonly string[]).includes(format)) return undefined;
  const maxWarnings = values.get('maxWarnings') ?? '-1';
  if (typeof maxWarnings !== 'string' || !/^(?:-1|0|[1-9][0-9]{0,8})$/.test(maxWarnings)) return undefined;
  const text = (option: 'cacheLocation' | 'outputFile') => values.get(option) as string | undefined;
  return {
    ok: true,
    options: {
      paths,
      format,
      stdin: false,
      stdinFilename: undefined,
      kind: undefined,
      plugins: [],
      maxWarnings: Number(maxWarnings),
      quiet: values.has('quiet'),
      color: undefined,
      errorOnUnmatchedPattern: true,
      config: undefined,
      printConfig: undefined,
      ignore: true,
      baseline: undefined,
      updateBaseline: false,
      reportUnusedWaivers: false,
      allowInlineConfig: true,
      fix: values.has('fix'),
      fixDryRun: false,
      outputFile: text('outputFile'),
      policiesOnly: values.has('policiesOnly'),
      allowPlugins: true,
      processors: undefined,
      cache: values.has('cache'),
      cacheLocation: text('cacheLocation'),
    },
  };
}

export function parseArgs(argv: readonly string[], version: string): ParsedArgs {
  return fastParse(argv) ?? parseWithYargs(argv, version);
}

/** True when `flag` (or `flag=value`) stands among the options, before any "--". */
function flagGiven(argv: readonly string[], flag: string): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === flag || a.startsWith(`${flag}=`)) return true;
  }
  return false;
}

/** Exported for the test that holds fastParse to what yargs gives. */
export function parseWithYargs(argv: readonly string[], version: string): ParsedArgs {
  let failure: string | undefined;
  let output = '';
  let parsed: Record<string, unknown> | undefined;
  build(version)
    .fail((msg, err) => {
      failure = msg || err?.message || 'invalid arguments';
    })
    .parse([...argv], {}, (err, argvOut, out) => {
      if (err && !failure) failure = err.message;
      output = out;
      parsed = argvOut as Record<string, unknown>;
    });
  if (failure) return { ok: false, exitCode: 2, stderr: `ramlint: ${usageErrorText(failure)}\nRun "ramlint --help" for usage.\n` };
  if (!parsed) return { ok: false, exitCode: 2, stderr: 'ramlint: could not read the arguments\n' };
  if (parsed.help || parsed.version) return { ok: false, exitCode: 0, stdout: output.endsWith('\n') ? output : `${output}\n` };

  // `ramlint rules …` has its own parser (src/cli/commands/rules.ts), reached when "rules" comes
  // first, as for can, diff and escalation; after a flag, the lint options here would be taken and ignored.
  if (((parsed._ as (string | number)[]) ?? []).map(String)[0] === 'rules') {
    return { ok: false, exitCode: 2, stderr: 'ramlint: "rules" must come first, before its options: ramlint rules [--format json]\nRun "ramlint rules --help" for usage.\n' };
  }
  const positional = [...((parsed.paths as string[] | undefined) ?? []), ...((parsed['--'] as unknown[] | undefined) ?? [])].map(String);
  const maxWarnings = (parsed['max-warnings'] as number | undefined) ?? (flagGiven(argv, '--max-warnings') ? Number.NaN : -1);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) {
    return { ok: false, exitCode: 2, stderr: 'ramlint: --max-warnings takes a whole number, -1 or more\n' };
  }
  const paths = positional;
  const stdin = parsed.stdin as boolean;
  if (stdin && paths.length > 0) return { ok: false, exitCode: 2, stderr: 'ramlint: give either --stdin or paths, not both\n' };
  if (!stdin && parsed['stdin-filename'] !== undefined) return { ok: false, exitCode: 2, stderr: 'ramlint: --stdin-filename needs --stdin\n' };
  const config = parsed.config as string | boolean | undefined;
  if (config === true || config === '') return { ok: false, exitCode: 2, stderr: 'ramlint: --config needs a file name\n' };
  const baseline = parsed.baseline as string | boolean | undefined;
  if (baseline === true || baseline === '') return { ok: false, exitCode: 2, stderr: 'ramlint: --baseline needs a file name\n' };
  if (baseline === false && parsed['update-baseline']) return { ok: false, exitCode: 2, stderr: 'ramlint: use either --update-baseline or --no-baseline\n' };
  const fix = parsed.fix as boolean;
  const fixDryRun = parsed['fix-dry-run'] as boolean;
  if (fix && fixDryRun) return { ok: false, exitCode: 2, stderr: 'ramlint: use either --fix or --fix-dry-run\n' };
  if (fix && stdin) return { ok: false, exitCode: 2, stderr: 'ramlint: --fix cannot write to standard input; use --fix-dry-run --format json to get the fixed text\n' };
  const printConfig = parsed['print-config'] as string | undefined;
  if (printConfig === '') return { ok: false, exitCode: 2, stderr: 'ramlint: --print-config needs a file name\n' };
  const outputFile = parsed['output-file'] as string | undefined;
  const cacheLocation = parsed['cache-location'] as string | undefined;
  if (cacheLocation === '') return { ok: false, exitCode: 2, stderr: 'ramlint: --cache-location needs a file or directory name\n' };
  if (outputFile === '') return { ok: false, exitCode: 2, stderr: 'ramlint: --output-file needs a file name\n' };
  if (!stdin && paths.length === 0 && printConfig === undefined) {
    return { ok: false, exitCode: 2, stderr: 'ramlint: name the files or directories to lint (for example "ramlint policies/"), or use --stdin\nRun "ramlint --help" for usage.\n' };
  }
  return {
    ok: true,
    options: {
      paths,
      format: (parsed.format as string | undefined) ?? 'stylish',
      stdin,
      stdinFilename: parsed['stdin-filename'] as string | undefined,
      kind: parsed.kind as PolicyKind | undefined,
      plugins: ([] as unknown[]).concat(parsed.plugin ?? []).map(String).filter((p) => p !== ''),
      maxWarnings,
      quiet: parsed.quiet as boolean,
      color: parsed.color as boolean | undefined,
      errorOnUnmatchedPattern: parsed['error-on-unmatched-pattern'] as boolean,
      config: config === false ? false : (config as string | undefined),
      printConfig,
      ignore: parsed.ignore as boolean,
      baseline: baseline === false ? false : (baseline as string | undefined),
      updateBaseline: parsed['update-baseline'] as boolean,
      reportUnusedWaivers: parsed['report-unused-waivers'] as boolean,
      allowInlineConfig: parsed['inline-config'] as boolean,
      fix,
      fixDryRun,
      outputFile,
      policiesOnly: parsed['policies-only'] as boolean,
      allowPlugins: parsed.plugins as boolean,
      processors: processorList(parsed.processor),
      cache: parsed.cache as boolean,
      cacheLocation,
    },
  };
}

/** --processor a --processor b → ['a', 'b']; "none" → [] (bare policies only). */
function processorList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = ([] as unknown[]).concat(value).map(String).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  return ids.filter((id) => id !== 'none');
}
