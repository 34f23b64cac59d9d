/**
 * Why a file could not be linted, as the editor shows it: a configuration or
 * plugin error says which file and where, as the command line's error line
 * does (src/cli/error-line.ts), and is logged in one line, without a stack
 * (it is the user's input, not a bug). The lint worker sends these errors as
 * data; they are made again on this side, so they read the same whichever
 * thread linted the file. (A URI that names no local file is the server's
 * own UnusableUriError, said in one line there too.)
 */
import { PluginError } from '../api/plugins';
import { ConfigReadError } from '../config/resolve';
import { ConfigError, type Origin } from '../config/types';
import { displayPath } from '../paths';

export interface Failure {
  /** One line: `ramlint.config.jsonc:4:5: unknown rule "x"` for a config error. */
  message: string;
  /** The error alone, without its place (for the related information at that place). */
  reason: string;
  /** Where in a config file the error is. */
  at?: Origin;
  /** A known error of the user's input (config, plugin), not a bug: no stack in the log. */
  known: boolean;
}

/** Paths relative to `cwd` (the folder the file is linted from); absolute without one. */
export function describeFailure(error: unknown, cwd?: string): Failure {
  const display = (file: string) => (cwd === undefined ? file : displayPath(file, cwd));
  if (error instanceof ConfigError) return { message: error.format(display), reason: error.message, at: error.origin, known: true };
  if (error instanceof ConfigReadError) return { message: `${display(error.file)}: ${error.message}`, reason: error.message, known: true };
  if (error instanceof PluginError) return { message: error.message, reason: error.message, known: true };
  const message = error instanceof Error ? error.message : String(error);
  return { message, reason: message, known: false };
}

/** A known error as plain data, to cross from the worker to the server. */
export type SerializedError =
  | { kind: 'config'; origin: Origin; message: string }
  | { kind: 'config-read'; file: string; message: string }
  | { kind: 'plugin'; message: string }
  | { kind: 'other'; message: string };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof ConfigError) return { kind: 'config', origin: { file: error.origin.file, line: error.origin.line, column: error.origin.column }, message: error.message };
  if (error instanceof ConfigReadError) return { kind: 'config-read', file: error.file, message: error.message };
  if (error instanceof PluginError) return { kind: 'plugin', message: error.message };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

export function deserializeError(error: SerializedError): Error {
  switch (error.kind) {
    case 'config':
      return new ConfigError(error.origin, error.message);
    case 'config-read':
      return new ConfigReadError(error.file, error.message);
    case 'plugin':
      return new PluginError(error.message);
    default:
      return new Error(error.message);
  }
}
