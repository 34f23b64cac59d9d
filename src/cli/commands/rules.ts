/**
 * `ramlint rules`: every rule (built-in, core diagnostic, and the rules of the
 * plugins loaded) as a table or as JSON. Its own parser, as for can, diff and
 * escalation, so that --help lists only the options it reads and a lint-only
 * option or format is a usage error instead of being ignored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RamLint } from '../../api/ramlint';
import { knownErrorLine, stderrLine } from '../error-line';
import type { Io } from '../io';
import { formatRuleList } from '../rules-list';
import { parseSubcommand, strings } from './parse-subcommand';

export const RULES_FORMATS = ['stylish', 'json'];

const USAGE = `Usage: ramlint rules [--format stylish|json] [--plugin <module>].. [--config <file>]

List every rule: the built-in rules, the core diagnostics (reported by the
engine itself; they cannot be turned off) and the rules of the plugins loaded
(--plugin, and the "plugins" of the configuration that applies in the working
directory), with category, default severity, autofix and description.

Exit codes: 0 = listed; 2 = usage error, invalid configuration or a plugin
that cannot be loaded.`;

export async function runRules(argv: readonly string[], io: Io): Promise<number> {
  const args = parseSubcommand('rules', argv, (y) =>
    y
      .usage(USAGE)
      // Checked below rather than with yargs' `choices`, whose message takes three lines.
      .option('format', { alias: 'f', type: 'string', requiresArg: true, default: 'stylish', describe: 'Output format: stylish (a table) or json' })
      // Not `array: true`, as in the main parser: repeated, yargs collects the values.
      .option('plugin', { type: 'string', describe: 'Load rules from a plugin: a package name or a path to a module (repeatable)' })
      .option('plugins', { type: 'boolean', default: true, describe: 'Load plugins (--no-plugins: load none, not even those a config names; also RAMLINT_NO_PLUGINS=1)' })
      .option('config', { alias: 'c', type: 'string', describe: 'Use this config file instead of looking one up (--no-config: use none)' })
      .example('ramlint rules --format json', 'Every rule with its metadata, as JSON')
      .example('ramlint rules --plugin ./ramlint-plugin-acme.js', "The built-in rules and the plugin's"),
  );
  if (!args.ok) {
    if (args.stdout) io.stdout(args.stdout);
    if (args.stderr) io.stderr(args.stderr);
    return args.exitCode;
  }
  const usage = (message: string) => (io.stderr(`${stderrLine(message, 'ramlint rules')}Run "ramlint rules --help" for usage.\n`), 2);
  const format = args.argv.format as unknown;
  if (typeof format !== 'string' || !RULES_FORMATS.includes(format)) {
    return usage(`--format takes ${RULES_FORMATS.join(' or ')}, not ${typeof format === 'string' ? JSON.stringify(format) : 'several values'}; the lint formats are for findings`);
  }
  const config = args.argv.config as string | boolean | undefined;
  if (config === true || config === '') return usage('--config needs a file name');
  try {
    const ramlint = new RamLint({
      cwd: io.cwd,
      configFile: config === false ? false : (config as string | undefined),
      plugins: strings(args.argv.plugin).filter((p) => p !== ''),
      allowPlugins: (args.argv.plugins as boolean) && io.env.RAMLINT_NO_PLUGINS !== '1',
    });
    const rules = await ramlint.getRulesForFile(path.join(io.cwd, '<stdin>'));
    for (const line of ramlint.takeNotes()) io.stderr(stderrLine(line));
    if (fs.existsSync(path.join(io.cwd, 'rules'))) io.stderr('ramlint: note: "rules" lists the rules; to lint the directory rules/, run ramlint ./rules\n');
    io.stdout(formatRuleList(rules, format));
    return 0;
  } catch (error) {
    // The same messages as a lint run gives for the same config or plugin, escaped the same way.
    const line = knownErrorLine(error, io.cwd);
    if (line === undefined) throw error;
    io.stderr(line);
    return 2;
  }
}
