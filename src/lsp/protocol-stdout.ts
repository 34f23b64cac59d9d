/**
 * Standard output carries the protocol, and only the protocol. Plugin and rule
 * code runs on the server's thread too (every document under the worker's
 * size, a plugin's module as it loads, hover and code actions reading the
 * rules): a `process.stdout.write` there, or a `console.dir` or `console.debug`
 * that writes through it, would put bytes between two messages and break the
 * client's reading of the stream. So the connection gets its own stream,
 * which writes with the original `write`, and `process.stdout.write` from then
 * on hands its text, line by line, to the client's log.
 *
 * What this cannot catch: code that writes to file descriptor 1 itself
 * (`fs.writeSync(1, …)`).
 */
import { Writable } from 'node:stream';

/** Takes stdout for the protocol; `divert` gets every line anything else writes there. */
export function claimStdout(divert: (line: string) => void, stdout: NodeJS.WriteStream = process.stdout): Writable {
  const write = stdout.write.bind(stdout) as (chunk: Uint8Array | string, callback: (error?: Error | null) => void) => boolean;
  const protocol = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      write(chunk, (error) => callback(error ?? null));
    },
  });
  // The connection learns of a closed stdout (the client gone) as it did from stdout itself.
  stdout.on('error', (error) => protocol.destroy(error));
  stdout.on('close', () => protocol.destroy());

  let partial = '';
  let flushing = false;
  const flush = () => {
    flushing = false;
    if (partial !== '') divert(partial);
    partial = '';
  };
  stdout.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    const done = typeof encoding === 'function' ? encoding : callback;
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    const lines = (partial + text).split(/\r?\n/);
    partial = lines.pop() ?? '';
    for (const line of lines) divert(line);
    // A line written in pieces is one line in the log; one never ended is said at the end of this turn.
    if (partial !== '' && !flushing) {
      flushing = true;
      setImmediate(flush);
    }
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  }) as typeof stdout.write;
  return protocol;
}
