/**
 * `ramlint lsp --stdio` under bad or hostile input, through the real protocol
 * in one spawned server: each malformed message gets InvalidParams (a
 * request) or is dropped with one log line (a notification), never a stack
 * trace, and the server then still answers a normal request correctly. A
 * plugin writing to stdout on the server's thread cannot break the stream;
 * after shutdown requests are refused.
 */
import * as path from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { BAD_POLICY, fileUri, spawnedClient, tempWorkspace, until } from './client';
import { writePlugin } from './plugins';

jest.setTimeout(30_000);

type Case = [what: string, message: { method: string; id?: boolean; params?: unknown; omitParams?: boolean }, expected: RegExp];

describe('ramlint lsp --stdio, given malformed or hostile messages', () => {
  it('answers InvalidParams or drops each with one log line, and keeps serving', async () => {
    const dir = tempWorkspace();
    writePlugin(dir, 'noisy');
    const client = await spawnedClient({ folders: [dir] });
    const streamErrors: unknown[] = [];
    client.connection.onError((error) => streamErrors.push(error));
    let stderr = '';
    client.child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    // Raw frames, for what the client library will not send (params that are not an object); their answers read off stdout.
    let raw = '';
    client.child.stdout?.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    let rawId = 0;
    const sendRaw = async (message: Case[1]): Promise<{ code: number; message: string } | undefined> => {
      const id = message.id ? `raw-${++rawId}` : undefined;
      const frame = JSON.stringify({ jsonrpc: '2.0', ...(id ? { id } : {}), method: message.method, ...(message.omitParams ? {} : { params: message.params }) });
      client.child.stdin?.write(`Content-Length: ${Buffer.byteLength(frame)}\r\n\r\n${frame}`);
      if (!id) return undefined;
      const marker = `"id":"${id}"`;
      await until(() => raw.includes(marker), `the answer to ${message.method}`);
      const body = raw.split(/Content-Length: \d+\r\n\r\n/).find((frame) => frame.includes(marker)) as string;
      const answer = JSON.parse(body) as { error?: { code: number; message: string } };
      return answer.error;
    };
    try {
      const uri = fileUri(path.join(dir, 'p.json'));
      const first = client.diagnostics(uri);
      await client.open(uri, BAD_POLICY);
      const codes = (await first).diagnostics.map((d) => d.code);
      expect(codes).toEqual(expect.arrayContaining(['invalid-effect', 'noisy/probe']));
      // The plugin ran on the server's thread (a small document) and wrote to stdout: that went to the log.
      expect((await first).diagnostics.find((d) => d.code === 'noisy/probe')?.message).toBe('linted on the main thread');
      await until(() => client.logs.some((l) => l.message === 'noisy plugin: stdout.write'), 'the stdout.write in the log');

      const effect = BAD_POLICY.indexOf('"allow"');
      const lines = BAD_POLICY.slice(0, effect).split('\n');
      const onFinding = { textDocument: { uri }, position: { line: lines.length - 1, character: (lines.at(-1) as string).length + 1 } };
      const stillServes = async () => {
        const hover = (await client.connection.sendRequest('textDocument/hover', onFinding)) as { contents: { value: string } } | null;
        expect(hover?.contents.value).toContain('**invalid-effect** (error)');
      };
      await stillServes();

      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
      const cases: Case[] = [
        ['a hover without a position', { method: 'textDocument/hover', id: true, params: { textDocument: { uri } } }, /^ramlint: hover: position must be an object$/],
        ['a hover with a string for params', { method: 'textDocument/hover', id: true, params: 'p.json' }, /^ramlint: hover: params must be an object$/],
        ['a completion with null params', { method: 'textDocument/completion', id: true, params: null }, /^ramlint: completion: params must be an object$/],
        ['a hover with a number for its URI', { method: 'textDocument/hover', id: true, params: { textDocument: { uri: 42 }, position: { line: 0, character: 0 } } }, /textDocument\.uri must be a string$/],
        ['a hover at a negative line', { method: 'textDocument/hover', id: true, params: { textDocument: { uri }, position: { line: -1, character: 0 } } }, /position\.line must be an integer from 0 to 4294967295$/],
        ['a code action without a context', { method: 'textDocument/codeAction', id: true, params: { textDocument: { uri }, range } }, /^ramlint: code action: context must be an object$/],
        ['a code action whose diagnostics are not an array', { method: 'textDocument/codeAction', id: true, params: { textDocument: { uri }, range, context: { diagnostics: 'x' } } }, /context\.diagnostics must be an array$/],
        ['a code action resolve with a number', { method: 'codeAction/resolve', id: true, params: 5 }, /^ramlint: code action resolve: params must be an object$/],
        ['a command with arguments that are not an array', { method: 'workspace/executeCommand', id: true, params: { command: 'ramlint.reveal', arguments: 'x' } }, /^ramlint: command: arguments must be an array$/],
        ['ramlint.reveal with a string for a position', { method: 'workspace/executeCommand', id: true, params: { command: 'ramlint.reveal', arguments: [uri, 'bad', 7] } }, /^ramlint: command: arguments\[1\] must be an object$/],
        ['ramlint.showDocumentation with a file URL', { method: 'workspace/executeCommand', id: true, params: { command: 'ramlint.showDocumentation', arguments: ['file:///etc/passwd'] } }, /arguments\[0\] must be an https:\/\/ URL$/],
        ['an unknown command', { method: 'workspace/executeCommand', id: true, params: { command: 'toString' } }, /^ramlint: command: unknown command "toString"/],
        ['a didChange whose contentChanges are a string', { method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: 'x' } }, /^ramlint: ignored textDocument\/didChange: contentChanges must be an array$/],
        ['a didChange with a range before the document', { method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] } }, /contentChanges\[0\]\.range\.start\.line must be an integer/],
        ['a didChange of a document never opened', { method: 'textDocument/didChange', params: { textDocument: { uri: fileUri(path.join(dir, 'never.json')), version: 2 }, contentChanges: [{ text: '{}' }] } }, /^ramlint: ignored textDocument\/didChange for file:.*never\.json: it is not open/],
        ['a didOpen whose text is a number', { method: 'textDocument/didOpen', params: { textDocument: { uri: fileUri(path.join(dir, 'n.json')), languageId: 'json', version: 1, text: 42 } } }, /^ramlint: ignored textDocument\/didOpen: textDocument\.text must be a string$/],
        ['a didOpen with a huge version', { method: 'textDocument/didOpen', params: { textDocument: { uri: fileUri(path.join(dir, 'v.json')), languageId: 'json', version: 1e308, text: BAD_POLICY } } }, /textDocument\.version must be an integer from -2147483648 to 2147483647$/],
        ['a didOpen of a URI without a scheme', { method: 'textDocument/didOpen', params: { textDocument: { uri: '/etc/p.json', languageId: 'json', version: 1, text: BAD_POLICY } } }, /textDocument\.uri must be a URI with a scheme/],
        ['a didOpen with a string for params', { method: 'textDocument/didOpen', params: 'x' }, /^ramlint: ignored textDocument\/didOpen: params must be an object$/],
        ['a didClose without its document', { method: 'textDocument/didClose', params: {} }, /^ramlint: ignored textDocument\/didClose: textDocument must be an object$/],
      ];
      for (const [what, message, expected] of cases) {
        const logged = client.logs.length;
        const error = await sendRaw(message);
        if (message.id) {
          expect([what, error?.code]).toEqual([what, ErrorCodes.InvalidParams]);
          expect([what, error?.message]).toEqual([what, expect.stringMatching(expected)]);
        } else {
          await until(() => client.logs.length > logged, `the log line for ${what}`);
          expect([what, client.logs.slice(logged).map((l) => l.message)]).toEqual([what, [expect.stringMatching(expected)]]);
        }
        await stillServes();
      }
      // Nothing malformed was taken as a document, nor changed the one that is open.
      expect(client.published.map((p) => path.basename(p.uri))).toEqual(['p.json']);

      // A range past the end is the protocol's to clamp: the quick fixes for the finding are still offered.
      const finding = (await first).diagnostics.filter((d) => d.code === 'invalid-effect');
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 999, character: 0 }, end: { line: 1000, character: 5 } }, context: { diagnostics: finding } })) as { title: string }[];
      expect(actions.map((a) => a.title)).toContain('Fix this invalid-effect problem');
      // A diagnostic whose data the client altered gets no action, and no failure.
      const forged = finding.map((d) => ({ ...d, data: { ...(d.data as object), fix: 'x', suggestions: [{ desc: 1 }] } }));
      const forgedActions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: forged } })) as { kind: string }[];
      expect(forgedActions.filter((a) => a.kind === 'quickfix')).toEqual([]);

      expect(client.logs.filter((l) => /\n\s+at /.test(l.message))).toEqual([]);
      expect(streamErrors).toEqual([]);

      await client.connection.sendRequest('shutdown');
      const afterShutdown = await client.connection.sendRequest('textDocument/hover', onFinding).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(afterShutdown).toBeInstanceOf(ResponseError);
      expect((afterShutdown as ResponseError<unknown>).code).toBe(ErrorCodes.InvalidRequest);
      await client.connection.sendNotification('exit');
      expect(await client.exited).toBe(0);
      expect(stderr).toBe('');
    } finally {
      await client.close();
    }
  });
});
