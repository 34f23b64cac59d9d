/**
 * The built CLI's `run(argv, io)` in a worker thread that lives as long as
 * the test file, called synchronously: a call costs what the lint costs, not
 * a Node start (which was nearly all of `npm test`'s time). The worker loads
 * dist/ (built by the Jest global setup), as the binary does; a failure that
 * escapes run() is reported as bin/ramlint.js reports it. Modules loaded from
 * outside dist/ (plugins in scratch directories) are forgotten after each
 * call, so a plugin file rewritten between calls is read afresh.
 */
import * as path from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

export interface InProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const WORKER = `
const { workerData } = require('node:worker_threads');
const path = require('node:path');
const dist = path.join(workerData.root, 'dist') + path.sep;
const { run } = require(path.join(dist, 'src', 'cli', 'run.js'));
const port = workerData.port;
port.on('message', async ({ args, cwd, env, input, signal }) => {
  let stdout = '';
  let stderr = '';
  let code;
  try {
    code = await run(args, {
      cwd,
      env,
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      stdoutIsTTY: false,
      readStdin: async () => Buffer.from(input ?? ''),
    });
  } catch (error) {
    stderr += 'ramlint: internal error: ' + (error && error.message ? error.message : String(error)) + '\\nPlease report this at https://github.com/ramlint/ramlint/issues\\n';
    code = 2;
  }
  for (const key of Object.keys(require.cache)) if (!key.startsWith(dist)) delete require.cache[key];
  port.postMessage({ code, stdout, stderr });
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

let channel: { worker: Worker; port: MessagePort } | undefined;

function start(root: string): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, { eval: true, workerData: { root, port: port2 }, transferList: [port2] });
  worker.unref();
  port1.unref();
  return { worker, port: port1 };
}

/** Runs `ramlint <args>` in the worker and waits for it; a run that takes over a minute fails the test. */
export function runInWorker(root: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, input: string | Buffer | undefined): InProcessRun {
  channel ??= start(root);
  const signal = new Int32Array(new SharedArrayBuffer(4));
  channel.port.postMessage({ args: [...args], cwd: path.resolve(cwd), env, input, signal });
  if (Atomics.wait(signal, 0, 0, 60_000) === 'timed-out') throw new Error(`ramlint ${args.join(' ')} did not finish within a minute`);
  const reply = receiveMessageOnPort(channel.port);
  if (!reply) throw new Error('the ramlint worker sent no result');
  return reply.message as InProcessRun;
}
