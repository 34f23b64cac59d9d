/**
 * URIs that name no file on this machine: `file://evilhost/share/p.json`
 * (Node refuses a host other than localhost on POSIX: ERR_INVALID_FILE_URL_HOST).
 * The server says so in one line, in the log and on the document, with no
 * stack trace, and keeps serving every other document.
 */
import * as path from 'node:path';
import { localPath, UnusableUriError } from '../../src/lsp/workspace';
import { BAD_POLICY, fileUri, inProcessClient, spawnedClient, type TestClient, tempWorkspace } from './client';

jest.setTimeout(20_000);

const posixOnly = process.platform === 'win32' ? it.skip : it;
const EVIL = 'file://evilhost/share/p.json';
const ONE_LINE = /^ramlint: cannot lint file:\/\/evilhost\/share\/p\.json: it names a file on the host "evilhost", not on this machine; ramlint lints local files only$/;

/** Every log line the server sent, none with a stack trace. */
function logsOf(client: TestClient): string[] {
  const lines = client.logs.map((l) => l.message);
  for (const line of lines) expect(line).not.toMatch(/\n|\bat .*:\d+:\d+/);
  return lines;
}

describe('a document at file://evilhost/...', () => {
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  posixOnly('gets one clear line in the log and on the document, once, and the server goes on linting', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir] });
    const failed = client.diagnostics(EVIL);
    await client.open(EVIL, BAD_POLICY);
    const { diagnostics } = await failed;
    expect(diagnostics.map((d) => d.message)).toEqual(['ramlint could not lint this file: it names a file on the host "evilhost", not on this machine; ramlint lints local files only']);
    // Edited, it fails the same way, without a second line in the log.
    const again = client.diagnostics(EVIL, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: EVIL, version: 2 }, contentChanges: [{ text: `${BAD_POLICY} ` }] });
    await again;
    // Hover and code actions on it answer nothing, and add nothing to the log: it was said once.
    for (let i = 0; i < 3; i++) {
      expect(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: EVIL }, position: { line: 4, character: 8 } })).toBeNull();
      expect(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: EVIL }, range: diagnostics[0]?.range, context: { diagnostics } })).toEqual([]);
      expect(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: EVIL }, range: diagnostics[0]?.range, context: { diagnostics, only: ['source.fixAll'] } })).toEqual([]);
    }
    // The server still serves a local file.
    const local = fileUri(path.join(dir, 'p.json'));
    const linted = client.diagnostics(local);
    await client.open(local, BAD_POLICY);
    expect((await linted).diagnostics.length).toBeGreaterThan(0);
    const lines = logsOf(client);
    expect(lines.filter((l) => l.includes('cannot lint'))).toEqual([expect.stringMatching(ONE_LINE)]);
    expect(lines.filter((l) => l.includes('evilhost'))).toEqual([expect.stringMatching(ONE_LINE)]);
  });

  posixOnly('ramlint lsp --stdio: no stack trace reaches the client log', async () => {
    const dir = tempWorkspace();
    const spawned = await spawnedClient({ folders: [dir] });
    client = spawned;
    const failed = spawned.diagnostics(EVIL);
    await spawned.open(EVIL, BAD_POLICY);
    await failed;
    const local = fileUri(path.join(dir, 'p.json'));
    const linted = spawned.diagnostics(local);
    await spawned.open(local, BAD_POLICY);
    expect((await linted).diagnostics.length).toBeGreaterThan(0);
    expect(logsOf(spawned).filter((l) => l.includes('evilhost'))).toEqual([expect.stringMatching(ONE_LINE)]);
  });

  posixOnly('a workspace folder at file://evilhost/... is left out with one line; the other folders stay', async () => {
    const first = tempWorkspace({ 'ramlint.config.jsonc': '{ "rules": { "passrole-wildcard-resource": "off" } }' });
    client = await inProcessClient({ folders: [first] });
    // A first lint: the server has handled `initialized` (and registered for folder changes) by then.
    const uri = 'untitled:Untitled-1';
    const PASSROLE = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ram:PassRole", "Resource": "*"}]}';
    const before = client.diagnostics(uri);
    await client.open(uri, PASSROLE, 'json');
    expect((await before).diagnostics.map((d) => d.code)).toEqual(['passrole-missing-service-condition']);
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: 'file://evilhost/share', name: 'evil' }], removed: [] } });
    // The change re-lints the open buffer, after the folder line was logged.
    const relinted = client.diagnostics(uri);
    await relinted;
    expect(logsOf(client).filter((l) => l.includes('evilhost'))).toEqual([
      'ramlint: workspace folder file://evilhost/share is left out: it names a file on the host "evilhost", not on this machine; ramlint lints local files only',
    ]);
    // An unsaved buffer takes the first folder's config: the local folder is still known.
    expect((await relinted).diagnostics.map((d) => d.code)).toEqual(['passrole-missing-service-condition']);
  });
});

describe('localPath', () => {
  posixOnly('a host other than localhost, and an encoded slash, are UnusableUriErrors; localhost is local', () => {
    expect(() => localPath(EVIL)).toThrow(UnusableUriError);
    expect(() => localPath('file:///a%2Fb.json')).toThrow(/it is not a local file path/);
    expect(localPath('file://localhost/tmp/p.json')).toBe('/tmp/p.json');
    expect(localPath('file:///tmp/p.json')).toBe('/tmp/p.json');
  });
});
