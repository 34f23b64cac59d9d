/**
 * Process entry point. Sets process.exitCode instead of calling exit(), so
 * that a large report piped to another program is flushed completely.
 */
import { terminalSafe } from '../formatters/terminal';
import { processIo } from './io';
import { EXIT_FAILURE, run } from './run';
import { StdoutError } from './stdout';

export function main(argv: readonly string[] = process.argv.slice(2)): void {
  run(argv, processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof StdoutError) {
        process.stderr.write(`ramlint: ${error.message}\n`);
        process.exitCode = EXIT_FAILURE;
        return;
      }
      // A bug in ramlint itself: say so plainly; the stack only on request. The message may quote
      // a file or a config, so each line is escaped like every other stderr line.
      const detail = process.env.RAMLINT_DEBUG ? `\n${String((error as Error)?.stack ?? error).split('\n').map(terminalSafe).join('\n')}` : '';
      process.stderr.write(`ramlint: internal error: ${terminalSafe((error as Error)?.message ?? String(error))}${detail}\nPlease report this at https://github.com/ramlint/ramlint/issues\n`);
      process.exitCode = EXIT_FAILURE;
    },
  );
}
