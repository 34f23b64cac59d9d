/**
 * The one place the commands turn a known error into its line on stderr.
 * Such a line quotes text from the tree: a configuration's values, a plugin
 * name, a file name. Every line is escaped with the formatters' terminalSafe
 * (control characters, line separators, bidi overrides), so no config can
 * colour the terminal or start a line of its own (a GitHub Actions
 * `::error` annotation).
 */
import { BaselineError } from '../api/baseline-file';
import { PluginError } from '../api/plugins';
import { ConfigReadError } from '../config/resolve';
import { ConfigError } from '../config/types';
import { terminalSafe } from '../formatters/terminal';
import { displayPath } from '../paths';
import { UsageError } from './errors';

/** `<prefix>: <message>\n`, the message escaped. */
export function stderrLine(message: string, prefix = 'ramlint'): string {
  return `${prefix}: ${terminalSafe(message)}\n`;
}

/**
 * A usage error from yargs, which quotes the arguments as given ("Unknown
 * argument: …"): each of its lines escaped, so an argument (a file name a hook
 * passes) cannot colour the terminal. yargs keeps its own line breaks and cuts
 * an argument at a line break, so escaping line by line forges no line.
 */
export function usageErrorText(failure: string): string {
  return failure.split('\n').map((line) => terminalSafe(line)).join('\n');
}

/** The line for a configuration, plugin, baseline or usage error, paths shown relative to cwd; undefined for any other error (a bug: rethrown). */
export function knownErrorLine(error: unknown, cwd: string): string | undefined {
  const display = (file: string) => displayPath(file, cwd);
  if (error instanceof ConfigError) return stderrLine(error.format(display));
  if (error instanceof ConfigReadError) return stderrLine(`${display(error.file)}: ${error.message}`);
  if (error instanceof PluginError || error instanceof UsageError || error instanceof BaselineError) return stderrLine(error.message);
  return undefined;
}
