/**
 * End-to-end helpers: run the built CLI (dist/, built by the
 * Jest global setup) as a user would, in a scratch directory.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runInWorker } from './in-process';

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

function cliEnv(options: CliOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.FORCE_COLOR;
  if (options.env && 'FORCE_COLOR' in options.env) env.FORCE_COLOR = options.env.FORCE_COLOR;
  return env;
}

/**
 * Runs `ramlint <args>` as the binary would after reading argv, in a worker
 * thread of this process (see in-process.ts): exit code, stdout and stderr.
 * Colour is off unless the test turns it on.
 */
export function ramlint(args: readonly string[], options: CliOptions = {}): CliRun {
  return runInWorker(ROOT, args, options.cwd ?? ROOT, cliEnv(options), options.input);
}

/** Spawns bin/ramlint.js: for what only a process shows (exit status, real stdio, signals, the terminal width). */
export function ramlintProcess(args: readonly string[], options: CliOptions = {}): CliRun {
  const env = cliEnv(options);
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
