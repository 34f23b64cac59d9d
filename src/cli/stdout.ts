/**
 * Standard output without `process.stdout` where Node would write
 * synchronously anyway. Creating `process.stdout` loads node:stream (and
 * node:net or node:tty), about 2 ms of a one-file run that is otherwise a
 * few milliseconds of work. Into a file, /dev/null or a blocking pipe,
 * `fs.writeSync(1)` is what `process.stdout` does underneath; the first time
 * the descriptor says EAGAIN (a non-blocking pipe) or is anything else,
 * everything from there on goes through `process.stdout`, in order.
 */
import fs from 'node:fs';

const STDOUT = 1;

type Kind = 'direct' | 'tty' | 'stream';

let kind: Kind | undefined;

/** What fd 1 is, decided once; a TTY costs the node:tty load it needs. */
function stdoutKind(): Kind {
  if (kind !== undefined) return kind;
  try {
    const stat = fs.fstatSync(STDOUT);
    if (stat.isFile() || stat.isFIFO()) kind = 'direct';
    else if (stat.isCharacterDevice()) kind = isDevNull(stat) ? 'direct' : isTty() ? 'tty' : 'direct';
    else kind = 'stream';
  } catch {
    kind = 'stream';
  }
  return kind;
}

/** /dev/null is a character device that is not a terminal; saying so needs no node:tty. */
function isDevNull(stat: fs.Stats): boolean {
  try {
    const devNull = fs.statSync('/dev/null');
    return devNull.isCharacterDevice() && devNull.rdev === stat.rdev;
  } catch {
    return false;
  }
}

function isTty(): boolean {
  return (require('node:tty') as typeof import('node:tty')).isatty(STDOUT);
}

export function stdoutIsTTY(): boolean {
  return stdoutKind() === 'tty';
}

/**
 * Writes all of `text`. A reader that went away (`ramlint … | head`) is not a
 * failure of the linter: the run ends there with the exit code it has.
 */
export function writeStdout(text: string): void {
  if (stdoutKind() !== 'direct') {
    streamWrite(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(STDOUT, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (code !== 'EAGAIN') throw new StdoutError(error as NodeJS.ErrnoException);
      kind = 'stream';
      streamWrite(bytes.subarray(offset));
      return;
    }
  }
}

/** The report could not be written (a full disk, a closed descriptor): the run fails, and says so plainly. */
export class StdoutError extends Error {
  constructor(cause: NodeJS.ErrnoException) {
    super(`cannot write the report to standard output: ${cause.code ?? cause.message}${cause.code ? ` (${cause.message.replace(/^[A-Z]+: /, '').replace(/, write$/, '')})` : ''}`);
  }
}

let listening = false;

function streamWrite(chunk: string | Uint8Array): void {
  if (!listening) {
    listening = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      process.stderr.write(`ramlint: ${new StdoutError(error).message}\n`);
      process.exit(2);
    });
  }
  process.stdout.write(chunk);
}
