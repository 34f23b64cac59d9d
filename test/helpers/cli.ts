/**
 * End-to-end helpers: run the built CLI (bin/ramlint.js → dist/, built by the
 * Jest global setup) as a user would, in a scratch directory.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'ramlint.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
}

/** Runs `ramlint <args>`; colour is off unless the test turns it on. */
export function ramlint(args: readonly string[], options: CliOptions = {}): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.FORCE_COLOR;
  if (options.env && 'FORCE_COLOR' in options.env) env.FORCE_COLOR = options.env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh scratch directory, removed by the returned cleanup. */
export function scratch(prefix = 'ramlint-e2e-'): { dir: string; write(rel: string, content: string | Buffer): string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    write(rel, content) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      return file;
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Findings of a `--format json` report as `file line:col ruleId` strings, for compact assertions. */
export function findings(stdout: string, dir = ''): string[] {
  const report = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
  return report.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath) || r.filePath} ${m.line}:${m.column} ${m.ruleId}`));
}

/**
 * Runs `ramlint <args>` in this process, through `run(argv, io)`: the same
 * code path as the binary after argv is read, without a process start. For
 * what only a process shows (exit status, signals, real stdio), use ramlint().
 */
export async function ramlintInProcess(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const { run } = require('../../src/cli/run') as typeof import('../../src/cli/run');
  let stdout = '';
  let stderr = '';
  const input = options.input === undefined ? Buffer.alloc(0) : Buffer.from(options.input);
  const code = await run(args, {
    cwd: options.cwd ?? ROOT,
    env: { NO_COLOR: '1', ...options.env },
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: false,
    readStdin: async () => input,
  });
  return { code, stdout, stderr };
}
