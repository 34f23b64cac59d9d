/**
 * Linting large documents off the server's thread. A linter made here runs
 * small texts in-process (a worker round trip would cost more than the lint)
 * and large ones in one shared worker; everything else goes to the
 * in-process linter. Without the compiled worker (tests run the sources),
 * everything runs in-process.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Worker } from 'node:worker_threads';
import type { FileLintResult, LintTextOptions, RamLintApi, RamLintOptions } from '../api/types';
import { deserializeError } from './failures';
import type { WorkerRequest, WorkerResponse } from './lint-worker';

/** RAM accepts policies up to 6,144 characters; only host files and oversized policies go to the worker. */
export const OFF_THREAD_CHARS = 64 * 1024;

/** A line the worker printed, and on which of its streams. */
export type WorkerOutput = (line: string, stream: 'stdout' | 'stderr') => void;

export class LintWorker {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (r: FileLintResult[]) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly script = path.join(__dirname, 'lint-worker.js'),
    /** Where a line the worker prints goes (a plugin's console.log); never the server's stdout, which carries the protocol. */
    private readonly output: WorkerOutput = (line, stream) => process.stderr.write(`ramlint lint worker ${stream}: ${line}\n`),
  ) {}

  get available(): boolean {
    return fs.existsSync(this.script);
  }

  lint(options: RamLintOptions, text: string, textOptions: LintTextOptions): Promise<FileLintResult[]> {
    const worker = this.start();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'lint', id, options, text, textOptions } satisfies WorkerRequest);
    });
  }

  /** Configs changed: the worker's linters must read them again. */
  reset(): void {
    this.worker?.postMessage({ type: 'reset' } satisfies WorkerRequest);
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // Piped, not inherited: by default a worker's stdout is the process's, where the server speaks the protocol,
    // and one console.log from a plugin there would corrupt the stream.
    const worker = new Worker(this.script, { stdout: true, stderr: true });
    for (const stream of ['stdout', 'stderr'] as const) {
      const lines = readline.createInterface({ input: worker[stream], crlfDelay: Infinity });
      lines.on('line', (line) => this.output(line, stream));
    }
    // The worker never keeps the server alive: the server exits when its client goes.
    worker.unref();
    worker.on('message', (response: WorkerResponse) => {
      const waiting = this.pending.get(response.id);
      this.pending.delete(response.id);
      if (!waiting) return;
      // A config or plugin error is made again as its own class, so it is shown as on the server's thread.
      if ('error' in response) waiting.reject(deserializeError(response.error));
      else waiting.resolve(response.results);
    });
    const fail = (error: Error) => {
      // A crashed worker fails what it had; the next large lint starts a new one.
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the lint worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}

/** A RamLintApi that sends large texts to the worker. */
export function offThread(linter: RamLintApi, options: RamLintOptions, worker: LintWorker): RamLintApi {
  if (!worker.available) return linter;
  return {
    lintFiles: (patterns) => linter.lintFiles(patterns),
    lintText: (text: string, textOptions?: LintTextOptions) =>
      text.length >= OFF_THREAD_CHARS && textOptions?.filePath ? worker.lint(options, text, textOptions) : linter.lintText(text, textOptions),
    getRulesForFile: (filePath) => linter.getRulesForFile(filePath),
    calculateConfigForFile: (filePath) => linter.calculateConfigForFile(filePath),
    isPathIgnored: (filePath) => linter.isPathIgnored(filePath),
  };
}
