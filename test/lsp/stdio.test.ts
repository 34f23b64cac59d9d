/**
 * `ramlint lsp --stdio` as an editor runs it: a child process speaking
 * JSON-RPC on its standard streams. Only what a process shows is tested here
 * (the transport, the exit code); behaviour is tested in-process.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { lintText } from '../../src/engine/linter';
import { OFF_THREAD_CHARS } from '../../src/lsp/off-thread';
import { builtinRules } from '../../src/rules';
import { fileUri, ROOT, spawnedClient, tempWorkspace, until } from './client';
import { policyOf, writePlugin } from './plugins';

jest.setTimeout(20_000);

const BAD_POLICY = '{\n  "Version": "1",\n  "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]\n}\n';

describe('ramlint lsp --stdio', () => {
  it('publishes diagnostics, then exits 0 after shutdown and exit', async () => {
    const dir = tempWorkspace();
    const client = await spawnedClient({ client: 'neovim', folders: [dir] });
    try {
      const uri = fileUri(path.join(dir, 'admin.json'));
      const published = client.diagnostics(uri);
      await client.open(uri, BAD_POLICY);
      const { diagnostics } = await published;
      // admin-access points at the "*" of Action on line 3.
      const action = BAD_POLICY.split('\n')[2]?.indexOf('"*"') as number;
      expect(diagnostics.map((d) => [d.code, d.severity, d.range])).toEqual([
        ['admin-access', DiagnosticSeverity.Error, { start: { line: 2, character: action }, end: { line: 2, character: action + 3 } }],
      ]);
      await client.connection.sendRequest('shutdown');
      await client.connection.sendNotification('exit');
      expect(await client.exited).toBe(0);
    } finally {
      await client.close();
    }
  });

  it('exits 1 on exit without shutdown, as the protocol says', async () => {
    const client = await spawnedClient({ folders: [tempWorkspace()] });
    try {
      await client.connection.sendNotification('exit');
      expect(await client.exited).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('stays up when a document is not a policy at all, and answers the next request', async () => {
    const dir = tempWorkspace();
    const client = await spawnedClient({ folders: [dir] });
    try {
      const tf = fileUri(path.join(dir, 'main.tf'));
      const binary = fileUri(path.join(dir, 'odd.json'));
      const tfPublished = client.diagnostics(tf);
      const oddPublished = client.diagnostics(binary);
      await client.open(tf, 'resource "alicloud_ram_policy" "p" {\n  policy_document = <<EOF\n{"Version": "1"\nEOF\n}\n', 'terraform');
      // Control characters and a lone surrogate in something that mentions "Statement", so it is linted.
      await client.open(binary, '\u0000\u0001{"Statement": [{{{["\uD800');
      expect(Array.isArray((await tfPublished).diagnostics)).toBe(true);
      expect((await oddPublished).diagnostics.map((d) => d.code)).toEqual(['invalid-json']);
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: binary }, position: { line: 0, character: 3 } });
      expect(hover).not.toBeUndefined();
      expect(client.logs.filter((l) => l.type === 1)).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it('lints a document too large for the main thread in its worker, with the same findings', async () => {
    const dir = tempWorkspace();
    const client = await spawnedClient({ folders: [dir] });
    try {
      const statements = Array.from({ length: 600 }, (_, i) => `{"Effect": "Allow", "Action": "ram:PassRole", "Resource": "acs:ram::123456789012:role/r${i}*"}`);
      const text = `{"Version": "1", "Statement": [${statements.join(',\n')}]}`;
      const uri = fileUri(path.join(dir, 'big.json'));
      const published = client.diagnostics(uri);
      await client.open(uri, text);
      const { diagnostics } = await published;
      const expected = lintText(text, { rules: builtinRules, filePath: path.join(dir, 'big.json') }).messages;
      expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual(expected.map((m) => [m.ruleId, m.line - 1]));
      expect(diagnostics.length).toBeGreaterThan(600);
    } finally {
      await client.close();
    }
  });

  it('lints a large document in its worker thread when run from the bundle, as bin/ramlint.js runs it', async () => {
    const dir = tempWorkspace();
    writePlugin(dir, 'thread');
    const text = policyOf(1500);
    expect(text.length).toBeGreaterThan(OFF_THREAD_CHARS);
    const client = await spawnedClient({ folders: [dir] });
    try {
      expect(fs.existsSync(path.join(ROOT, 'dist', 'ramlint.cjs'))).toBe(true);
      const large = fileUri(path.join(dir, 'large.json'));
      const small = fileUri(path.join(dir, 'small.json'));
      const largeDone = client.diagnostics(large);
      const smallDone = client.diagnostics(small);
      await client.open(large, text);
      await client.open(small, policyOf(1));
      const said = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'thread/probe').map((d) => d.message);
      expect(said(await largeDone)).toEqual(['linted on the worker thread']);
      // Small documents cost less than a round trip to the worker: they stay on the server's thread.
      expect(said(await smallDone)).toEqual(['linted on the main thread']);
    } finally {
      await client.close();
    }
  });

  it("sends what a plugin prints in the lint worker to the client's log, and the protocol stream stays whole", async () => {
    const dir = tempWorkspace();
    writePlugin(dir, 'noisy');
    const client = await spawnedClient({ folders: [dir] });
    const streamErrors: unknown[] = [];
    client.connection.onError((error) => streamErrors.push(error));
    try {
      const large = fileUri(path.join(dir, 'large.json'));
      const published = client.diagnostics(large);
      await client.open(large, policyOf(1500));
      expect((await published).diagnostics.filter((d) => d.code === 'noisy/probe').map((d) => d.message)).toEqual(['linted on the worker thread']);
      const printed = () => client.logs.map((l) => l.message).filter((m) => m.startsWith('noisy plugin:'));
      await until(() => printed().length >= 3, 'the plugin output in the log');
      expect(printed().sort()).toEqual(['noisy plugin: console.error', 'noisy plugin: console.log', 'noisy plugin: stdout.write']);
      // The server still answers: nothing it printed broke the framing.
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: large }, position: { line: 0, character: 1 } });
      expect(hover === null || typeof hover === 'object').toBe(true);
      expect(streamErrors).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it.each([
    ['on the server thread', 1],
    ['in the lint worker', 1500],
  ])("keeps serving when a plugin calls process.exit %s: the call is refused, logged with its caller, and the file gets internal-error", async (_where, statements) => {
    const dir = tempWorkspace();
    writePlugin(dir, 'exit');
    const client = await spawnedClient({ folders: [dir] });
    try {
      const uri = fileUri(path.join(dir, 'p.json'));
      const published = client.diagnostics(uri);
      await client.open(uri, policyOf(statements));
      const internal = (await published).diagnostics.filter((d) => d.code === 'internal-error');
      expect(internal.map((d) => d.message)).toEqual([expect.stringContaining('process.exit(3) was called')]);
      const refused = () => client.logs.map((l) => l.message).filter((m) => m.includes('process.exit(3) was called'));
      await until(() => refused().length > 0, 'the refused exit in the log');
      // The caller, so the user knows which plugin to blame.
      expect(refused()[0]).toContain(path.join(dir, 'exit.js'));
      const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
      expect(hover === null || typeof hover === 'object').toBe(true);
      expect(client.child.exitCode).toBeNull();
    } finally {
      await client.close();
    }
  });

  it('still exits when the client closes its input', async () => {
    const client = await spawnedClient({ folders: [tempWorkspace()] });
    try {
      client.child.stdin?.end();
      expect(await client.exited).toBe(1);
    } finally {
      await client.close();
    }
  });

  it("still exits when the client's process is gone (the library's watchdog)", async () => {
    // The id of a process that has ended: the server's check every 3 s finds it gone.
    const gone = spawnSync(process.execPath, ['-e', ''], { timeout: 10_000 }).pid;
    const client = await spawnedClient({ folders: [tempWorkspace()], processId: gone });
    try {
      expect(await client.exited).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('refuses to start without --stdio, with a usage message and exit code 2', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ramlint.js'), 'lsp'], { encoding: 'utf8', timeout: 10_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage: ramlint lsp --stdio');
    expect(run.stdout).toBe('');
  });
});
