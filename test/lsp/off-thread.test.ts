/**
 * Large documents are linted in a worker thread (the compiled one in dist/,
 * which the test setup builds), with the same results as in-process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '../../src/config/types';
import { createLinter } from '../../src/lsp/linter-factory';
import { LintWorker, OFF_THREAD_CHARS, offThread } from '../../src/lsp/off-thread';
import { ROOT, tempWorkspace, until } from './client';
import { writePlugin } from './plugins';

jest.setTimeout(20_000);

function largePolicy(): string {
  const statements: string[] = [];
  for (let i = 0; statements.join(',').length < OFF_THREAD_CHARS; i++) {
    statements.push(`{"Effect": "Allow", "Action": ["oss:GetObject", "ram:PassRole"], "Resource": ["acs:oss:*:123456789012:bucket-${i}/*", "*"]}`);
  }
  return `{"Version": "1", "Statement": [${statements.join(',\n')}]}`;
}

const worker = new LintWorker(path.join(ROOT, 'dist', 'src', 'lsp', 'lint-worker.js'));
afterAll(() => worker.dispose());

describe('the lint worker', () => {
  it('gives the same results as the in-process linter for a large document', async () => {
    const dir = tempWorkspace();
    const options = { cwd: dir };
    const text = largePolicy();
    const filePath = path.join(dir, 'big.json');
    expect(worker.available).toBe(true);
    const [viaWorker] = await offThread(createLinter(options), options, worker).lintText(text, { filePath });
    const [inProcess] = await createLinter(options).lintText(text, { filePath });
    expect(viaWorker?.messages.length).toBeGreaterThan(100);
    expect(viaWorker).toEqual(inProcess);
  });

  it('reads changed configs after reset, and reports a config error as a rejection', async () => {
    const dir = tempWorkspace();
    const options = { cwd: dir };
    const linter = offThread(createLinter(options), options, worker);
    const filePath = path.join(dir, 'big.json');
    const text = largePolicy();
    const before = (await linter.lintText(text, { filePath }))[0]?.messages.filter((m) => m.ruleId === 'passrole-wildcard-resource').length;
    expect(before).toBeGreaterThan(0);
    fs.writeFileSync(path.join(dir, 'ramlint.config.jsonc'), '{ "rules": { "passrole-wildcard-resource": "off" } }');
    worker.reset();
    const after = (await linter.lintText(text, { filePath }))[0]?.messages.filter((m) => m.ruleId === 'passrole-wildcard-resource').length;
    expect(after).toBe(0);
    fs.writeFileSync(path.join(dir, 'ramlint.config.jsonc'), '{ "rules": { "no-such-rule": "off" } }');
    worker.reset();
    // Made again as a ConfigError, with the config's place, so the server shows it as it shows one from its own thread.
    const failure = await linter.lintText(text, { filePath }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).origin).toMatchObject({ file: path.join(dir, 'ramlint.config.jsonc'), line: 1 });
    expect((failure as ConfigError).message).toMatch(/no-such-rule/);
  });

  it("hands what a plugin prints in the worker to its output, never to the process's stdout", async () => {
    const dir = tempWorkspace();
    writePlugin(dir, 'noisy');
    const lines: string[] = [];
    const noisy = new LintWorker(path.join(ROOT, 'dist', 'src', 'lsp', 'lint-worker.js'), (line, stream) => lines.push(`${stream}: ${line}`));
    const written: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const options = { cwd: dir };
      const [result] = await offThread(createLinter(options), options, noisy).lintText(largePolicy(), { filePath: path.join(dir, 'big.json') });
      expect(result?.messages.find((m) => m.ruleId === 'noisy/probe')?.message).toBe('linted on the worker thread');
      await until(() => lines.length >= 3);
      // Two streams: each keeps its order, not the order between them.
      expect([...lines].sort()).toEqual(['stderr: noisy plugin: console.error', 'stdout: noisy plugin: console.log', 'stdout: noisy plugin: stdout.write']);
      expect(written.filter((w) => w.includes('noisy plugin'))).toEqual([]);
    } finally {
      write.mockRestore();
      await noisy.dispose();
    }
  });

  it('is not used when the compiled worker is missing (the sources run in-process)', async () => {
    const missing = new LintWorker(path.join(ROOT, 'no-such-worker.js'));
    const linter = createLinter({ cwd: tempWorkspace() });
    expect(missing.available).toBe(false);
    expect(offThread(linter, {}, missing)).toBe(linter);
  });
});
