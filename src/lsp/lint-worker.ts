/**
 * A worker thread that lints large documents, so that the server keeps
 * answering hover, completion and code actions meanwhile. It makes its own
 * linters through the same factory; results are plain data.
 */
import { parentPort } from 'node:worker_threads';
import type { FileLintResult, LintTextOptions, RamLintApi, RamLintOptions } from '../api/types';
import { guardProcessExit } from './exit-guard';
import { type SerializedError, serializeError } from './failures';
import { createLinter } from './linter-factory';

export type WorkerRequest = { type: 'reset' } | { type: 'lint'; id: number; options: RamLintOptions; text: string; textOptions: LintTextOptions };
export type WorkerResponse = { id: number; results: FileLintResult[] } | { id: number; error: SerializedError };

// process.exit in a worker would end the worker and fail its lint: refused, the caller logged (on the piped
// stderr, which the server forwards to the client's log as one line), the plugin's rule an internal-error.
guardProcessExit((message) => console.error(message.replace(/\n\s*/g, ' | ')), { thread: 'lint worker' });

const linters = new Map<string, RamLintApi>();

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'reset') {
    linters.clear();
    return;
  }
  const key = JSON.stringify(request.options);
  let linter = linters.get(key);
  if (!linter) {
    linter = createLinter(request.options);
    linters.set(key, linter);
  }
  linter.lintText(request.text, request.textOptions).then(
    (results) => parentPort?.postMessage({ id: request.id, results } satisfies WorkerResponse),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: serializeError(error) } satisfies WorkerResponse),
  );
});
