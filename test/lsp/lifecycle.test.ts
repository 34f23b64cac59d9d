/**
 * Before initialize, the protocol says: a request gets ServerNotInitialized
 * (-32002) and a notification is dropped. The server knows neither the
 * client's settings nor its folders yet.
 */
import * as path from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { BAD_POLICY, fileUri, tempWorkspace, uninitializedServer, until } from './client';

describe('before initialize', () => {
  it('requests get ServerNotInitialized and a didOpen is not linted; after it, all is served', async () => {
    const dir = tempWorkspace();
    const server = uninitializedServer();
    try {
      const early = fileUri(path.join(dir, 'early.json'));
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: early, languageId: 'json', version: 1, text: BAD_POLICY } });
      for (const [method, params] of [
        ['textDocument/hover', { textDocument: { uri: early }, position: { line: 0, character: 0 } }],
        ['textDocument/completion', { textDocument: { uri: early }, position: { line: 0, character: 0 } }],
        ['textDocument/codeAction', { textDocument: { uri: early }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }],
        ['workspace/executeCommand', { command: 'ramlint.reveal', arguments: [] }],
      ] as const) {
        const answer = await server.connection.sendRequest(method, params).then(
          () => 'answered',
          (error: unknown) => error,
        );
        expect(answer).toBeInstanceOf(ResponseError);
        expect((answer as ResponseError<unknown>).code).toBe(ErrorCodes.ServerNotInitialized);
      }
      await server.initialize([dir]);
      const late = fileUri(path.join(dir, 'late.json'));
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: late, languageId: 'json', version: 1, text: BAD_POLICY } });
      await until(() => server.published.some((p) => p.uri === late), 'diagnostics for the document opened after initialize');
      // Opened first, it would have been linted first: it never was.
      expect(server.published.map((p) => p.uri)).toEqual([late]);
      expect(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: late }, position: { line: 0, character: 0 } })).toBeNull();
    } finally {
      server.close();
    }
  });
});
