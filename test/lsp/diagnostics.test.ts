/**
 * Diagnostics through the protocol, with the server in this process: what an
 * editor sees on open, on change, on save, and when the config or the editor
 * settings change.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic, FileChangeType } from 'vscode-languageserver-protocol';
import { type ClientName, fileUri, inProcessClient, type TestClient, tempWorkspace, BAD_POLICY } from './client';

const PASSROLE_POLICY = `{
  "Version": "1",
  "Statement": [{ "Effect": "Allow", "Action": "ram:PassRole", "Resource": "*" }]
}
`;

function summary(d: Diagnostic) {
  return { code: d.code, severity: d.severity, range: d.range, source: d.source, href: d.codeDescription?.href };
}

let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

describe.each<ClientName>(['vscode', 'neovim'])('with %s capabilities', (name) => {
  it('answers initialize with incremental sync, UTF-16 positions and the providers it has', async () => {
    client = await inProcessClient({ client: name, folders: [tempWorkspace()] });
    const caps = client.initializeResult.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    // Neovim offers utf-8 first; no positionEncoding in the answer means UTF-16, which the engine counts in.
    expect(caps.positionEncoding).toBeUndefined();
    expect(caps.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.ramlint'], resolveProvider: true });
    expect(caps.hoverProvider).toBe(true);
    expect(client.initializeResult.serverInfo?.name).toBe('ramlint');
  });

  it('reports each finding of a bad policy with its rule, exact range, severity and rule page', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ client: name, folders: [dir] });
    const uri = fileUri(path.join(dir, 'bad.json'));
    const published = client.diagnostics(uri);
    await client.open(uri, BAD_POLICY);
    const { diagnostics, version } = await published;
    expect(version).toBe(1);
    expect(diagnostics.map(summary)).toEqual([
      {
        code: 'invalid-effect',
        severity: DiagnosticSeverity.Error,
        range: { start: { line: 4, character: 16 }, end: { line: 4, character: 23 } },
        source: 'ramlint',
        href: 'https://github.com/ramlint/ramlint/blob/main/docs/rules/invalid-effect.md',
      },
      {
        code: 'duplicate-list-entry',
        severity: DiagnosticSeverity.Information,
        range: { start: { line: 5, character: 33 }, end: { line: 5, character: 47 } },
        source: 'ramlint',
        href: 'https://github.com/ramlint/ramlint/blob/main/docs/rules/duplicate-list-entry.md',
      },
    ]);
  });
});

describe('diagnostics', () => {
  it('follow incremental changes, and the stale run of a superseded version is never published', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir], settings: { debounceMs: 20 } });
    const uri = fileUri(path.join(dir, 'p.json'));
    const first = client.diagnostics(uri);
    await client.open(uri, BAD_POLICY);
    expect((await first).diagnostics.map((d) => d.code)).toEqual(['invalid-effect', 'duplicate-list-entry']);

    // Two quick edits: "allow" → "Allow", then the duplicate entry goes. Only version 3 may be reported.
    const seen: number[] = [];
    const settled = client.diagnostics(uri, (p) => {
      seen.push(p.version ?? -1);
      return p.version === 3;
    });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 17 }, end: { line: 4, character: 18 } }, text: 'A' }],
    });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 5, character: 30 }, end: { line: 5, character: 46 } }, text: '' }],
    });
    const latest = await settled;
    expect(seen).toEqual([3]);
    // The effect is fixed, so the PassRole rules now see an Allow statement.
    expect(latest.diagnostics.map((d) => d.code)).toEqual(['passrole-missing-service-condition', 'passrole-wildcard-resource']);
  });

  it('map info to Information and count ranges in UTF-16 code units past non-ASCII text', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir] });
    const uri = fileUri(path.join(dir, 'stack.json'));
    // A ROS stack policy draws one not-a-ram-policy info. The emoji before it takes two UTF-16 units.
    const text = '{"Statement": [{"Effect": "Allow", "Sid": "🔒", "Action": "Update:*", "Principal": "*", "Resource": "*"}]}';
    const published = client.diagnostics(uri);
    await client.open(uri, text);
    const [diagnostic] = (await published).diagnostics;
    expect(diagnostic?.code).toBe('not-a-ram-policy');
    expect(diagnostic?.severity).toBe(DiagnosticSeverity.Information);
    const start = text.indexOf('"Update:*"');
    expect(diagnostic?.range).toEqual({ start: { line: 0, character: start }, end: { line: 0, character: start + '"Update:*"'.length } });
  });

  it('count ranges in the text the editor holds, byte-order mark included', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir] });
    const uri = fileUri(path.join(dir, 'bom.json'));
    const text = '\uFEFF{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}';
    const published = client.diagnostics(uri);
    await client.open(uri, text);
    const [admin] = (await published).diagnostics;
    const start = text.indexOf('"*"');
    expect(admin?.code).toBe('admin-access');
    expect(admin?.range).toEqual({ start: { line: 0, character: start }, end: { line: 0, character: start + 3 } });
  });

  it('treat half-typed JSON as input: one invalid-json error, then findings again once it parses', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir], settings: { debounceMs: 0 } });
    const uri = fileUri(path.join(dir, 'typing.json'));
    // Opened as a policy, then cut back to almost nothing and typed again.
    const prefixes = ['{"Version": "1", "Statement": [', '', '{', '{"Version": "1", "Statement": [{"Eff', '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"'];
    let version = 1;
    const opened = client.diagnostics(uri);
    await client.open(uri, prefixes[0] as string);
    expect((await opened).diagnostics.map((d) => d.code)).toEqual(['invalid-json']);
    for (const text of prefixes.slice(1)) {
      version++;
      const published = client.diagnostics(uri, (p) => p.version === version);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      const codes = (await published).diagnostics.map((d) => d.code);
      expect(codes).toEqual(['invalid-json']);
    }
    const done = client.diagnostics(uri, (p) => p.version === version + 1);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: version + 1 }, contentChanges: [{ text: `${prefixes[4]}}]}` }] });
    expect((await done).diagnostics.map((d) => d.code)).toContain('admin-access');
    expect(client.logs.filter((l) => l.type === 1)).toEqual([]);
  });

  it('survive a client that leaves while a lint is pending: no unhandled rejection, no throw', async () => {
    const dir = tempWorkspace();
    const leaving = await inProcessClient({ folders: [dir], settings: { debounceMs: 30 } });
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const uri = fileUri(path.join(dir, 'p.json'));
      await leaving.open(uri, BAD_POLICY);
      await leaving.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: PASSROLE_POLICY }] });
      await leaving.close();
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('pass over JSON that is not a policy (package.json, the ramlint config), as a directory walk does', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir] });
    for (const [name, text] of [
      ['package.json', '{ "name": "x", "version": "1.0.0" }'],
      ['ramlint.config.jsonc', '{ "rules": { "undocumented-sid": "off" } }'],
    ] as const) {
      const uri = fileUri(path.join(dir, name));
      const published = client.diagnostics(uri);
      await client.open(uri, text);
      expect((await published).diagnostics).toEqual([]);
    }
  });

  it('leave documents of other languages alone', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir] });
    const markdown = fileUri(path.join(dir, 'notes.md'));
    const policy = fileUri(path.join(dir, 'p.json'));
    const policyDone = client.diagnostics(policy);
    await client.open(markdown, '"Statement": [ { "Effect": "allow" } ]', 'markdown');
    await client.open(policy, PASSROLE_POLICY);
    await policyDone;
    expect(client.published.map((p) => p.uri)).toEqual([policy]);
  });

  it('in onSave mode wait for the save, and clear diagnostics when the document closes', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir], settings: { run: 'onSave', debounceMs: 0 } });
    const uri = fileUri(path.join(dir, 'p.json'));
    const opened = client.diagnostics(uri);
    await client.open(uri, PASSROLE_POLICY);
    expect((await opened).diagnostics).toHaveLength(2);
    const fixed = PASSROLE_POLICY.replace('"*"', '"acs:ram::123456789012:role/etl"').replace('"ram:PassRole"', '"ram:ListRoles"');
    let publishedBeforeSave = false;
    const saved = client.diagnostics(uri, (p) => {
      publishedBeforeSave ||= p.version === 2 && !savedYet;
      return p.version === 2;
    });
    let savedYet = false;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    savedYet = true;
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    expect((await saved).diagnostics).toEqual([]);
    expect(publishedBeforeSave).toBe(false);

    const cleared = client.diagnostics(uri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect((await cleared).diagnostics).toEqual([]);
  });
});

describe('configuration', () => {
  it('re-lints when a watched config file turns a rule off', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir] });
    const uri = fileUri(path.join(dir, 'p.json'));
    const first = client.diagnostics(uri);
    await client.open(uri, PASSROLE_POLICY);
    expect((await first).diagnostics.map((d) => d.code)).toEqual(['passrole-missing-service-condition', 'passrole-wildcard-resource']);

    const config = path.join(dir, 'ramlint.config.jsonc');
    fs.writeFileSync(config, '{ "rules": { "passrole-wildcard-resource": "off" } }\n');
    const after = client.diagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: FileChangeType.Created }] });
    expect((await after).diagnostics.map((d) => d.code)).toEqual(['passrole-missing-service-condition']);
  });

  it('applies rule settings from the editor, and shows an invalid config on the file instead of passing it', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir], settings: { rules: { 'passrole-missing-service-condition': 'off' } } });
    const uri = fileUri(path.join(dir, 'p.json'));
    const first = client.diagnostics(uri);
    await client.open(uri, PASSROLE_POLICY);
    expect((await first).diagnostics.map((d) => d.code)).toEqual(['passrole-wildcard-resource']);

    client.settings = { rules: { 'no-such-rule': 'error' } };
    const broken = client.diagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const [failure] = (await broken).diagnostics;
    expect(failure?.severity).toBe(DiagnosticSeverity.Error);
    expect(failure?.message).toMatch(/^ramlint could not lint this file: .*no-such-rule/);
    expect(client.logs.some((l) => /no-such-rule/.test(l.message))).toBe(true);
  });

  it('gives each workspace folder its own config', async () => {
    const strict = tempWorkspace();
    const relaxed = tempWorkspace({ 'ramlint.config.jsonc': '{ "rules": { "passrole-wildcard-resource": "off", "passrole-missing-service-condition": "off" } }' });
    client = await inProcessClient({ folders: [strict, relaxed] });
    const inStrict = fileUri(path.join(strict, 'p.json'));
    const inRelaxed = fileUri(path.join(relaxed, 'p.json'));
    const a = client.diagnostics(inStrict);
    const b = client.diagnostics(inRelaxed);
    await client.open(inStrict, PASSROLE_POLICY);
    await client.open(inRelaxed, PASSROLE_POLICY);
    expect((await a).diagnostics).toHaveLength(2);
    expect((await b).diagnostics).toEqual([]);
  });

  it('shows a plugin rule that throws as internal-error, and loads no plugin when plugins are not allowed', async () => {
    // A plugin loads only from inside the project (docs/security.md), so the workspace holds its copy.
    const plugin = fs.readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'plugins', 'ramlint-plugin-broken.js'), 'utf8');
    const dir = tempWorkspace({ 'ramlint.config.jsonc': JSON.stringify({ plugins: ['./ramlint-plugin-broken.js'] }), 'ramlint-plugin-broken.js': plugin });
    client = await inProcessClient({ folders: [dir] });
    const uri = fileUri(path.join(dir, 'p.json'));
    const first = client.diagnostics(uri);
    await client.open(uri, PASSROLE_POLICY);
    expect((await first).diagnostics.map((d) => d.code)).toContain('internal-error');

    client.settings = { allowPlugins: false };
    const after = client.diagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await after).diagnostics.map((d) => d.code)).toEqual(['passrole-missing-service-condition', 'passrole-wildcard-resource']);
  });

  it('takes settings pushed with didChangeConfiguration from a client that cannot be asked for them', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir], capabilities: {} });
    const uri = fileUri(path.join(dir, 'p.json'));
    const first = client.diagnostics(uri);
    await client.open(uri, PASSROLE_POLICY);
    expect((await first).diagnostics).toHaveLength(2);
    const after = client.diagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ramlint: { rules: { 'passrole-wildcard-resource': 'off' } } } });
    expect((await after).diagnostics.map((d) => d.code)).toEqual(['passrole-missing-service-condition']);
  });

  it('lints with the default settings when the client never answers for its settings', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir], silentConfiguration: true });
    const uri = fileUri(path.join(dir, 'p.json'));
    const published = client.diagnostics(uri);
    await client.open(uri, PASSROLE_POLICY);
    expect((await published).diagnostics).toHaveLength(2);
    expect(client.logs.some((l) => /workspace\/configuration/.test(l.message))).toBe(true);
  }, 10_000);

  it('uses the config file named in the settings instead of looking one up', async () => {
    const dir = tempWorkspace({
      'ramlint.config.jsonc': '{ "rules": { "passrole-wildcard-resource": "off" } }',
      'ci/strict.jsonc': '{ "rules": { "passrole-missing-service-condition": "off" } }',
    });
    client = await inProcessClient({ folders: [dir], settings: { configFile: 'ci/strict.jsonc' } });
    const uri = fileUri(path.join(dir, 'p.json'));
    const published = client.diagnostics(uri);
    await client.open(uri, PASSROLE_POLICY);
    expect((await published).diagnostics.map((d) => d.code)).toEqual(['passrole-wildcard-resource']);
  });

  it("lints an unsaved buffer with the first folder's config", async () => {
    const dir = tempWorkspace({ 'ramlint.config.jsonc': '{ "rules": { "passrole-wildcard-resource": "off" } }' });
    client = await inProcessClient({ folders: [dir] });
    const uri = 'untitled:Untitled-1';
    const published = client.diagnostics(uri);
    await client.open(uri, PASSROLE_POLICY, 'json');
    expect((await published).diagnostics.map((d) => d.code)).toEqual(['passrole-missing-service-condition']);
  });

  it('follows workspace folders that are added and removed', async () => {
    const first = tempWorkspace();
    const second = tempWorkspace({ 'ramlint.config.jsonc': '{ "rules": { "passrole-wildcard-resource": "off" } }' });
    client = await inProcessClient({ folders: [first] });
    // An unsaved buffer takes the first folder's config, so it shows which folders the server knows.
    const uri = 'untitled:Untitled-2';
    const before = client.diagnostics(uri);
    await client.open(uri, PASSROLE_POLICY, 'json');
    expect((await before).diagnostics).toHaveLength(2);
    const after = client.diagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: fileUri(second), name: 'second' }], removed: [{ uri: fileUri(first), name: 'first' }] },
    });
    expect((await after).diagnostics.map((d) => d.code)).toEqual(['passrole-missing-service-condition']);
  });
});

describe('host files, through the file-level API', () => {
  const TERRAFORM = `resource "alicloud_ram_policy" "etl" {
  policy_name     = "etl"
  policy_document = <<EOF
{
  "Version": "1",
  "Statement": [{ "Effect": "Allow", "Action": "ram:PassRole", "Resource": "*" }]
}
EOF
}
`;

  it('reports the findings of a policy inside a Terraform heredoc at their place in the .tf file', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir] });
    const uri = fileUri(path.join(dir, 'main.tf'));
    const published = client.diagnostics(uri);
    await client.open(uri, TERRAFORM, 'terraform');
    const { diagnostics } = await published;
    expect(diagnostics.map((d) => [d.code, d.range])).toEqual([
      ['passrole-missing-service-condition', { start: { line: 5, character: 47 }, end: { line: 5, character: 61 } }],
      ['passrole-wildcard-resource', { start: { line: 5, character: 75 }, end: { line: 5, character: 78 } }],
    ]);
  });

  it('reports a host resource (an attachment, a bucket ACL) at its value, with the resource named and the rule page linked', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir] });
    const tf = fileUri(path.join(dir, 'main.tf'));
    const publishedTf = client.diagnostics(tf);
    await client.open(tf, 'resource "alicloud_ram_group_policy_attachment" "a" {\n  group_name  = "ops"\n  policy_name = "AdministratorAccess"\n  policy_type = "System"\n}\n', 'terraform');
    const tfDiagnostics = (await publishedTf).diagnostics;
    expect(tfDiagnostics.map(summary)).toEqual([
      {
        code: 'admin-policy-attachment',
        severity: DiagnosticSeverity.Error,
        range: { start: { line: 2, character: 16 }, end: { line: 2, character: 37 } },
        source: 'ramlint',
        href: 'https://github.com/ramlint/ramlint/blob/main/docs/rules/admin-policy-attachment.md',
      },
    ]);
    expect(tfDiagnostics[0]?.message).toMatch(/^System policy "AdministratorAccess" is attached to RAM group "ops": .* \(in alicloud_ram_group_policy_attachment\.a\)$/);
    const yaml = fileUri(path.join(dir, 'template.yaml'));
    const publishedYaml = client.diagnostics(yaml);
    await client.open(yaml, "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  B:\n    Type: ALIYUN::OSS::Bucket\n    Properties:\n      AccessControl: public-read\n", 'yaml');
    expect((await publishedYaml).diagnostics.map((d) => [d.code, d.severity, d.range])).toEqual([
      ['oss-public-acl', DiagnosticSeverity.Warning, { start: { line: 5, character: 21 }, end: { line: 5, character: 32 } }],
    ]);
  });
});

describe('a document over the 4 MB limit the CLI reads files up to', () => {
  // 4 MB plus a little of a valid policy: a lint of it would hold the server for many seconds.
  const huge = () => {
    const statement = '{ "Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*" }';
    const count = Math.ceil((4 * 1024 * 1024) / (statement.length + 2)) + 10;
    return `{\n  "Version": "1",\n  "Statement": [${Array.from({ length: count }, () => statement).join(',\n')}]\n}\n`;
  };

  it('gets the one unreadable-file finding the CLI gives, not a lint; hover, completion and code actions answer at once', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir] });
    const uri = fileUri(path.join(dir, 'huge.json'));
    const text = huge();
    const bytes = Buffer.byteLength(text, 'utf8');
    expect(bytes).toBeGreaterThan(4 * 1024 * 1024);
    const published = client.diagnostics(uri);
    const started = Date.now();
    await client.open(uri, text);
    const { diagnostics } = await published;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'unreadable-file',
      severity: DiagnosticSeverity.Error,
      source: 'ramlint',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
    expect(diagnostics[0]?.message).toBe(
      `The file is ${bytes.toLocaleString('en-US')} bytes (${(bytes / (1024 * 1024)).toFixed(1)} MB); ramlint reads policy files up to 4,194,304 bytes (a RAM policy holds at most 6,144 characters, an OSS bucket policy 16 KB).`,
    );
    const position = { line: 2, character: 40 };
    expect(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })).toBeNull();
    expect(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })).toEqual([]);
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: position, end: position },
      context: { diagnostics, only: ['source.fixAll.ramlint'] },
    });
    expect(actions).toEqual([]);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('is linted as usual once it is back under the limit', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir] });
    const uri = fileUri(path.join(dir, 'huge.json'));
    const first = client.diagnostics(uri);
    await client.open(uri, huge());
    expect((await first).diagnostics.map((d) => d.code)).toEqual(['unreadable-file']);
    const second = client.diagnostics(uri, (p) => p.version === 2);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: BAD_POLICY }] });
    expect((await second).diagnostics.map((d) => d.code)).toEqual(['invalid-effect', 'duplicate-list-entry']);
  });
});
