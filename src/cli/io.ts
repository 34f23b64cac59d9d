import { stdoutIsTTY, writeStdout } from './stdout';

/** Everything the CLI touches in the outside world, so tests can run it in-process. */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  /** Standard input, or its first `limit` + 1 bytes when it is longer (the caller reports it too large). */
  readStdin(limit?: number): Promise<Uint8Array>;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: writeStdout,
    stderr: (text) => void process.stderr.write(text),
    // A getter: only a report that might be coloured asks.
    get stdoutIsTTY() {
      return stdoutIsTTY();
    },
    readStdin: (limit = Infinity) =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const onData = (c: Buffer) => {
          chunks.push(c);
          size += c.length;
          // `cat /dev/zero | ramlint --stdin` must not grow without bound: stop reading past the limit.
          if (size > limit) {
            process.stdin.off('data', onData);
            process.stdin.pause();
            resolve(Buffer.concat(chunks).subarray(0, limit + 1));
          }
        };
        process.stdin.on('data', onData);
        process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
        process.stdin.on('error', reject);
      }),
  };
}

/** Colour for people, never for pipes: --color/--no-color, then NO_COLOR/FORCE_COLOR, then the TTY. */
export function useColor(flag: boolean | undefined, io: Io): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY;
}
