/**
 * yargs for a subcommand, the way the main parser runs it: nothing exits or
 * prints; --help comes back as text (exit 0) and a usage problem as a
 * one-line message (exit 2).
 */
import yargs, { type Argv } from 'yargs';
import { usageErrorText } from '../error-line';

export type SubcommandArgs = { ok: true; argv: Record<string, unknown> } | { ok: false; exitCode: 0 | 2; stdout?: string; stderr?: string };

export function parseSubcommand(name: string, argv: readonly string[], configure: (y: Argv) => Argv): SubcommandArgs {
  let failure: string | undefined;
  let output = '';
  let parsed: Record<string, unknown> | undefined;
  configure(yargs().scriptName(`ramlint ${name}`))
    .strict()
    .parserConfiguration({ 'camel-case-expansion': false })
    .version(false)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      failure = msg || err?.message || 'invalid arguments';
    })
    .parse([...argv], {}, (err, out, text) => {
      if (err && !failure) failure = err.message;
      output = text;
      parsed = out as Record<string, unknown>;
    });
  if (failure) return { ok: false, exitCode: 2, stderr: `ramlint ${name}: ${usageErrorText(failure)}\nRun "ramlint ${name} --help" for usage.\n` };
  if (!parsed) return { ok: false, exitCode: 2, stderr: `ramlint ${name}: could not read the arguments\n` };
  if (parsed.help) return { ok: false, exitCode: 0, stdout: output.endsWith('\n') ? output : `${output}\n` };
  return { ok: true, argv: parsed };
}

/** A repeatable string option as a list ("--action a --action b"). */
export function strings(value: unknown): string[] {
  return ([] as unknown[]).concat(value ?? []).map(String);
}
