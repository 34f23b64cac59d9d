/**
 * A file whose configuration cannot be used is never shown as clean: it gets
 * one error saying which config file and where, as the command line's error
 * line says it (src/cli/error-line.ts), with the place as related
 * information; the log has the same one line, without a stack.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, inProcessClient, type TestClient, tempWorkspace } from './client';

const POLICY = '{"Version": "1", "Statement": [{"Effect": "allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}\n';
const CONFIG = '{\n  "rules": {\n    "invalid-effectt": "off"\n  }\n}\n';
const UNKNOWN = 'unknown rule "invalid-effectt"; did you mean "invalid-effect"?';

let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

async function failureOf(dir: string, name: string, text: string, settings: Record<string, unknown> = {}) {
  client = await inProcessClient({ folders: [dir], settings });
  const uri = fileUri(path.join(dir, name));
  const published = client.diagnostics(uri);
  await client.open(uri, text);
  const { diagnostics } = await published;
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0];
}

describe('an invalid config', () => {
  it('names its file, line and column, and links to the place', async () => {
    const dir = tempWorkspace({ 'sub/ramlint.config.jsonc': CONFIG });
    const failure = await failureOf(dir, 'sub/p.json', POLICY);
    const config = TextDocument.create('file:///c', 'jsonc', 0, CONFIG);
    const at = config.positionAt(CONFIG.indexOf('"invalid-effectt"'));
    expect(failure?.message).toBe(`ramlint could not lint this file: sub/ramlint.config.jsonc:${at.line + 1}:${at.character + 1}: ${UNKNOWN}`);
    expect(failure?.relatedInformation).toEqual([{ location: { uri: fileUri(path.join(dir, 'sub', 'ramlint.config.jsonc')), range: { start: at, end: at } }, message: UNKNOWN }]);
    const logged = client?.logs.filter((l) => l.message.includes(UNKNOWN)).map((l) => l.message) ?? [];
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).not.toMatch(/\n\s+at /);
  });

  it('named in the settings but missing is named too', async () => {
    const dir = tempWorkspace();
    const failure = await failureOf(dir, 'p.json', POLICY, { configFile: 'ci/strict.jsonc' });
    expect(failure?.message).toBe('ramlint could not lint this file: ci/strict.jsonc: the config file does not exist');
    expect(client?.logs.some((l) => l.message.includes('the config file does not exist') && !/\n\s+at /.test(l.message))).toBe(true);
  });

  it('naming a plugin that cannot be loaded says so in one line', async () => {
    const dir = tempWorkspace({ 'ramlint.config.jsonc': '{ "plugins": ["./missing.js"] }' });
    const failure = await failureOf(dir, 'p.json', POLICY);
    expect(failure?.message).toMatch(/^ramlint could not lint this file: ramlint\.config\.jsonc:1:\d+: cannot load plugin "\.\/missing\.js"/);
    expect(fs.existsSync(path.join(dir, 'missing.js'))).toBe(false);
    for (const l of client?.logs ?? []) expect(l.message).not.toMatch(/\n\s+at /);
  });
});

describe('the log', () => {
  it('says a config error once, not on every lint or hover, and again once the config has changed', async () => {
    const dir = tempWorkspace({ 'ramlint.config.jsonc': CONFIG });
    client = await inProcessClient({ folders: [dir], settings: { debounceMs: 0 } });
    const said = () => client?.logs.filter((l) => l.message.includes(UNKNOWN)).length ?? 0;
    const a = fileUri(path.join(dir, 'a.json'));
    const b = fileUri(path.join(dir, 'b.json'));
    for (const uri of [a, b]) {
      const published = client.diagnostics(uri);
      await client.open(uri, POLICY);
      await published;
    }
    for (let version = 2; version <= 4; version++) {
      const published = client.diagnostics(a, (p) => p.version === version);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: a, version }, contentChanges: [{ text: POLICY }] });
      await published;
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: a }, position: { line: 0, character: 2 } });
    }
    expect(said()).toBe(1);
    const relinted = client.diagnostics(a, (p) => p.version === 4 && client?.published.filter((q) => q.uri === a).length === 5);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'ramlint.config.jsonc')), type: 2 }] });
    await relinted;
    expect(said()).toBe(2);
  });
});
