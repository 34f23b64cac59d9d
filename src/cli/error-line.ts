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

/** The line for a configuration, plugin, baseline or usage error, paths shown relative to cwd; undefined for any other error (a bug: rethrown). */
export function knownErrorLine(error: unknown, cwd: string): string | undefined {
  const display = (file: string) => displayPath(file, cwd);
  if (error instanceof ConfigError) return stderrLine(error.format(display));
  if (error instanceof ConfigReadError) return stderrLine(`${display(error.file)}: ${error.message}`);
  if (error instanceof PluginError || error instanceof UsageError || error instanceof BaselineError) return stderrLine(error.message);
  return undefined;
}
