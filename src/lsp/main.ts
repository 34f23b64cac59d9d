/**
 * `ramlint lsp --stdio`: the language server over standard input and output.
 * Loaded only for this subcommand, so linting from the command line does not
 * pay for the protocol library.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { packageVersion } from '../cli/version';
import { guardServerExit } from './exit-guard';
import { claimStdout } from './protocol-stdout';
import { startServer } from './server';

const USAGE = 'Usage: ramlint lsp --stdio\n\nStarts the ramlint language server on standard input and output.\n';

export async function runLanguageServer(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!argv.includes('--stdio')) {
    process.stderr.write(`ramlint lsp: only --stdio is supported\n\n${USAGE}`);
    return 2;
  }
  // process.exit from a plugin is refused (exit-guard.ts). Set up before the connection, whose own listeners on
  // the input call process.exit when the client closes it: these run first and let that exit through.
  let log: (message: string) => void = (message) => process.stderr.write(`${message}\n`);
  const exitGuard = guardServerExit((message) => log(message));
  process.stdin.once('end', exitGuard.allow);
  process.stdin.once('close', exitGuard.allow);
  // Streams given explicitly rather than read from process.argv, which differs when the server is bundled.
  // The library exits the process when the client closes the input stream. stdout is the protocol's alone:
  // what anything else writes there (a plugin on this thread) goes to the client's log (protocol-stdout.ts).
  let divert: (line: string) => void = (line) => process.stderr.write(`${line}\n`);
  const protocolOut = claimStdout((line) => divert(line));
  const connection = createConnection(ProposedFeatures.all, process.stdin, protocolOut);
  log = (message) => connection.console.error(message);
  divert = (line) => connection.console.log(line);
  // The exit notification: the library calls process.exit right after this handler.
  connection.onExit(exitGuard.allow);
  // stdout carries the protocol: anything a plugin prints goes to the client's log instead.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  // The server stays up whatever happens: a stray failure is reported to the client, not fatal.
  process.on('unhandledRejection', (reason) => connection.console.error(`ramlint: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  process.on('uncaughtException', (error) => connection.console.error(`ramlint: uncaught exception: ${error.stack ?? error.message}`));
  startServer(connection, { version: packageVersion(), onClientProcess: exitGuard.watchClient });
  // The process lives until the client sends exit or closes the stream.
  return new Promise<number>(() => undefined);
}
