/**
 * Code actions through the protocol: the edits they return are applied to the
 * text here, and the result must be what `ramlint --fix` writes (fixText).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type CodeAction, type Diagnostic, FileChangeType, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { parse } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixText } from '../../src/engine/fix';
import { lintText } from '../../src/engine/linter';
import { builtinRules } from '../../src/rules';
import { type ClientName, fileUri, inProcessClient, type TestClient, tempWorkspace, BAD_POLICY } from './client';

const PASSROLE_POLICY = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ram:PassRole",
      "Resource": "*"
    }
  ]
}
`;

let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 0, text), [...edits]);
}

function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (edit?.changes?.[uri]) return edit.changes[uri];
  for (const change of edit?.documentChanges ?? []) if ('textDocument' in change && change.textDocument.uri === uri) return change.edits as TextEdit[];
  throw new Error(`no edits for ${uri} in ${JSON.stringify(edit)}`);
}

async function openWith(text: string, file: string, start: Parameters<typeof inProcessClient>[0] = {}, languageId?: string) {
  const dir = start.folders?.[0] ?? tempWorkspace();
  client = await inProcessClient({ folders: [dir], ...start });
  const uri = fileUri(path.join(dir, file));
  const published = client.diagnostics(uri);
  await client.open(uri, text, languageId);
  return { dir, uri, diagnostics: (await published).diagnostics };
}

async function actionsFor(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return (await client?.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } })) as CodeAction[];
}

describe('quick fixes', () => {
  it('offer the safe fix as the preferred quickfix, and applying it gives what --fix writes', async () => {
    const { uri, diagnostics } = await openWith(BAD_POLICY, 'p.json');
    const effect = diagnostics.filter((d) => d.code === 'invalid-effect');
    const [fix] = (await actionsFor(uri, effect)).filter((a) => a.isPreferred);
    expect(fix).toMatchObject({ title: 'Fix this invalid-effect problem', kind: 'quickfix', isPreferred: true });
    const fixed = apply(BAD_POLICY, editsFor(fix?.edit, uri));
    expect(fixed).toBe(BAD_POLICY.replace('"allow"', '"Allow"'));
  });

  it('apply every safe fix with source.fixAll.ramlint, exactly as --fix does', async () => {
    const { uri } = await openWith(BAD_POLICY, 'p.json');
    const actions = await actionsFor(uri, [], ['source.fixAll']);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.ramlint']);
    const expected = fixText(BAD_POLICY, { rules: builtinRules, filePath: 'p.json' }).output;
    expect(apply(BAD_POLICY, editsFor(actions[0]?.edit, uri))).toBe(expected);
    expect(expected).not.toBe(BAD_POLICY);
  });

  it('offer fix-all beside the quick fixes only while a finding has a safe fix', async () => {
    const { uri, diagnostics } = await openWith(PASSROLE_POLICY, 'p.json');
    expect((await actionsFor(uri, diagnostics)).map((a) => a.kind)).not.toContain('source.fixAll.ramlint');
    await client?.close();
    const bad = await openWith(BAD_POLICY, 'p.json');
    expect((await actionsFor(bad.uri, bad.diagnostics)).map((a) => a.kind)).toContain('source.fixAll.ramlint');
  });

  it('offer suggestions as quickfixes that are never preferred and say that access changes', async () => {
    const { uri, diagnostics } = await openWith(PASSROLE_POLICY, 'p.json');
    const actions = await actionsFor(uri, diagnostics.filter((d) => d.code === 'passrole-missing-service-condition'));
    const suggestions = actions.filter((a) => a.edit && !a.isPreferred && a.title.endsWith('(changes who can do what)'));
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) expect(s.kind).toBe('quickfix');
    const expected = lintText(PASSROLE_POLICY, { rules: builtinRules, filePath: 'p.json' }).messages.find((m) => m.ruleId === 'passrole-missing-service-condition')?.suggestions ?? [];
    expect(suggestions.map((s) => s.title)).toEqual(expected.map((s) => `${s.desc} (changes who can do what)`));
  });

  it('never offer a suggestion that has no edit (a fix a processor cannot make in place) as a quick fix', async () => {
    // A ROS template in YAML flow style: the fix for "allow" cannot be written back into the YAML, only described.
    const template = `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  P:
    Type: ALIYUN::RAM::ManagedPolicy
    Properties:
      PolicyName: x
      PolicyDocument: {Version: '1', Statement: [{Effect: allow, Action: [ecs:DescribeInstances, ecs:DescribeInstances], Resource: '*'}]}
`;
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir] });
    const uri = fileUri(path.join(dir, 'template.yaml'));
    const published = client.diagnostics(uri);
    await client.open(uri, template, 'yaml');
    const diagnostics = (await published).diagnostics.filter((d) => d.code === 'invalid-effect');
    expect(diagnostics).toHaveLength(1);
    // The finding does carry such a suggestion: it is the code action that must not be offered.
    expect((diagnostics[0]?.data as { suggestions?: { edits: unknown[] }[] }).suggestions?.some((s) => s.edits.length === 0)).toBe(true);
    const actions = await actionsFor(uri, diagnostics);
    const edits = actions.filter((a) => !a.command);
    for (const action of edits) expect(Object.values(action.edit?.changes ?? {}).flat().length).toBeGreaterThan(0);
    expect(actions.filter((a) => a.title.endsWith('(changes who can do what)'))).toEqual([]);
  });

  it('offer no edit for a diagnostic of an older version of the document', async () => {
    const { uri, diagnostics } = await openWith(BAD_POLICY, 'p.json');
    const next = client?.diagnostics(uri, (p) => p.version === 2);
    await client?.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `\n${BAD_POLICY}` }] });
    await next;
    const actions = await actionsFor(uri, diagnostics.filter((d) => d.code === 'invalid-effect'));
    expect(actions.filter((a) => a.kind === 'quickfix' && a.edit)).toEqual([]);
  });
});

describe.each<ClientName>(['vscode', 'neovim'])('fix-all beside the quick fixes (%s)', (name) => {
  it('comes without its edit, which a full fixing lint computes only when it is picked (codeAction/resolve)', async () => {
    const { uri, diagnostics } = await openWith(BAD_POLICY, 'p.json', { client: name });
    expect(client?.initializeResult.capabilities.codeActionProvider).toMatchObject({ resolveProvider: true });
    // What a client asks on every cursor move: no fixing lint may run for it.
    const fixAll = (await actionsFor(uri, diagnostics)).find((a) => a.kind === 'source.fixAll.ramlint');
    expect(fixAll).toMatchObject({ title: 'Fix all safely fixable ramlint problems' });
    expect(fixAll?.edit).toBeUndefined();
    const resolved = (await client?.connection.sendRequest('codeAction/resolve', fixAll)) as CodeAction;
    const expected = fixText(BAD_POLICY, { rules: builtinRules, filePath: 'p.json' }).output;
    expect(apply(BAD_POLICY, editsFor(resolved.edit, uri))).toBe(expected);
  });

  it('resolves to no edit once the document has changed', async () => {
    const { uri, diagnostics } = await openWith(BAD_POLICY, 'p.json', { client: name });
    const fixAll = (await actionsFor(uri, diagnostics)).find((a) => a.kind === 'source.fixAll.ramlint');
    const next = client?.diagnostics(uri, (p) => p.version === 2);
    await client?.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `\n${BAD_POLICY}` }] });
    await next;
    const resolved = (await client?.connection.sendRequest('codeAction/resolve', fixAll)) as CodeAction;
    expect(resolved.edit).toBeUndefined();
  });
});

describe('fix-all for a client that cannot resolve an edit', () => {
  it('is not offered beside the quick fixes, and is still given, edit and all, for source.fixAll', async () => {
    const { uri, diagnostics } = await openWith(BAD_POLICY, 'p.json', { capabilities: { textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } } } });
    expect((await actionsFor(uri, diagnostics)).map((a) => a.kind)).not.toContain('source.fixAll.ramlint');
    const [fixAll] = await actionsFor(uri, [], ['source.fixAll']);
    expect(apply(BAD_POLICY, editsFor(fixAll?.edit, uri))).toBe(fixText(BAD_POLICY, { rules: builtinRules, filePath: 'p.json' }).output);
  });

});

describe.each<ClientName>(['vscode', 'neovim'])('show documentation (%s)', (name) => {
  it('opens the rule page through window/showDocument', async () => {
    const { uri, diagnostics } = await openWith(PASSROLE_POLICY, 'p.json', { client: name });
    const docs = (await actionsFor(uri, diagnostics.slice(0, 1))).find((a) => a.title.startsWith('Show documentation for'));
    expect(docs?.command?.command).toBe('ramlint.showDocumentation');
    await client?.connection.sendRequest('workspace/executeCommand', { command: docs?.command?.command, arguments: docs?.command?.arguments });
    expect(client?.shown).toEqual([{ uri: diagnostics[0]?.codeDescription?.href, external: true }]);
  });
});

describe('waive this finding', () => {
  it('in .jsonc inserts ramlint-disable-next-line above the finding and puts the cursor at the reason', async () => {
    const { uri, diagnostics } = await openWith(PASSROLE_POLICY, 'p.jsonc');
    const target = diagnostics.filter((d) => d.code === 'passrole-wildcard-resource');
    const waive = (await actionsFor(uri, target)).find((a) => a.title.startsWith('Waive'));
    expect(waive?.title).toBe('Waive passrole-wildcard-resource on this line (ramlint-disable-next-line)');
    const waived = apply(PASSROLE_POLICY, editsFor(waive?.edit, uri));
    expect(waived).toBe(PASSROLE_POLICY.replace('      "Resource"', '      // ramlint-disable-next-line passrole-wildcard-resource -- \n      "Resource"'));

    await client?.connection.sendRequest('workspace/executeCommand', { command: waive?.command?.command, arguments: waive?.command?.arguments });
    const cursor = client?.shown[0]?.selection?.start as { line: number; character: number };
    const doc = TextDocument.create(uri, 'jsonc', 0, waived);
    const withReason = apply(waived, [{ range: { start: cursor, end: cursor }, newText: 'only the ETL role exists here' }]);
    expect(doc.getText({ start: { line: cursor.line, character: 0 }, end: cursor })).toMatch(/-- $/);
    const after = lintText(withReason, { rules: builtinRules, filePath: 'p.jsonc' });
    expect(after.messages.map((m) => m.ruleId)).toEqual(['passrole-missing-service-condition']);
    expect(after.suppressedMessages.map((m) => m.ruleId)).toEqual(['passrole-wildcard-resource']);
  });

  it('in plain .json adds a waiver to the config, which then hides the finding', async () => {
    const dir = tempWorkspace({ 'ramlint.config.jsonc': '{\n  // project settings\n  "rules": {}\n}\n', 'policies/.keep': '' });
    const { uri, diagnostics } = await openWith(PASSROLE_POLICY, 'policies/p.json', { folders: [dir] });
    const target = diagnostics.filter((d) => d.code === 'passrole-wildcard-resource');
    const waive = (await actionsFor(uri, target)).find((a) => a.title.startsWith('Waive'));
    expect(waive?.title).toBe('Waive passrole-wildcard-resource for this file in ramlint.config.jsonc');
    const configFile = path.join(dir, 'ramlint.config.jsonc');
    const newConfig = apply(fs.readFileSync(configFile, 'utf8'), editsFor(waive?.edit, fileUri(configFile)));
    expect(newConfig).toContain('// project settings');
    expect(parse(newConfig).waivers).toEqual([{ rule: 'passrole-wildcard-resource', files: ['policies/p.json'], path: 'Statement[0].Resource', reason: 'TODO: say why this risk is accepted' }]);

    fs.writeFileSync(configFile, newConfig);
    const after = client?.diagnostics(uri);
    await client?.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configFile), type: FileChangeType.Changed }] });
    expect((await after)?.diagnostics.map((d) => d.code)).toEqual(['passrole-missing-service-condition']);
  });

  it('in a Terraform file adds a waiver of that one resource to the config, by its host path', async () => {
    const tf = [
      'resource "alicloud_ram_role_policy_attachment" "admins" {',
      '  role_name   = "break-glass"',
      '  policy_name = "AdministratorAccess"',
      '  policy_type = "System"',
      '}',
      'resource "alicloud_ram_role_policy_attachment" "ops" {',
      '  role_name   = "ops"',
      '  policy_name = "AdministratorAccess"',
      '  policy_type = "System"',
      '}',
      '',
    ].join('\n');
    const dir = tempWorkspace({ 'ramlint.config.jsonc': '{}\n' });
    const { uri, diagnostics } = await openWith(tf, 'main.tf', { folders: [dir] }, 'terraform');
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ['admin-policy-attachment', 2],
      ['admin-policy-attachment', 7],
    ]);
    const waive = (await actionsFor(uri, diagnostics.slice(0, 1))).find((a) => a.title.startsWith('Waive'));
    expect(waive?.title).toBe('Waive admin-policy-attachment for this file in ramlint.config.jsonc');
    const configFile = path.join(dir, 'ramlint.config.jsonc');
    const newConfig = apply(fs.readFileSync(configFile, 'utf8'), editsFor(waive?.edit, fileUri(configFile)));
    expect(parse(newConfig).waivers).toEqual([{ rule: 'admin-policy-attachment', files: ['main.tf'], path: 'alicloud_ram_role_policy_attachment.admins.policy_name', reason: 'TODO: say why this risk is accepted' }]);

    fs.writeFileSync(configFile, newConfig);
    const after = client?.diagnostics(uri);
    await client?.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(configFile), type: FileChangeType.Changed }] });
    expect((await after)?.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['admin-policy-attachment', 7]]);
  });

  it("edits the editor's unsaved copy of the config, not the one on disk", async () => {
    const dir = tempWorkspace({ 'ramlint.config.jsonc': '{}\n' });
    const { uri, diagnostics } = await openWith(PASSROLE_POLICY, 'p.json', { folders: [dir] });
    const configUri = fileUri(path.join(dir, 'ramlint.config.jsonc'));
    const unsaved = '{\n  "rules": { "undocumented-sid": "off" }\n}\n';
    await client?.open(configUri, unsaved, 'jsonc');
    const waive = (await actionsFor(uri, diagnostics.slice(0, 1))).find((a) => a.title.startsWith('Waive'));
    const result = parse(apply(unsaved, editsFor(waive?.edit, configUri)));
    expect(result.rules).toEqual({ 'undocumented-sid': 'off' });
    expect(result.waivers).toHaveLength(1);
  });

  it('in plain .json without a config creates ramlint.config.jsonc in the workspace folder', async () => {
    const { dir, uri, diagnostics } = await openWith(PASSROLE_POLICY, 'p.json');
    const waive = (await actionsFor(uri, diagnostics.slice(0, 1))).find((a) => a.title.startsWith('Waive'));
    const configUri = fileUri(path.join(dir, 'ramlint.config.jsonc'));
    expect(waive?.edit?.documentChanges?.[0]).toEqual({ kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
    const created = apply('', editsFor(waive?.edit, configUri));
    expect(parse(created).waivers[0]).toMatchObject({ rule: diagnostics[0]?.code, files: ['p.json'] });
  });

  it('offers no config waiver in an unsaved buffer, whose path is made up; an inline one where comments are allowed', async () => {
    const dir = tempWorkspace({ 'ramlint.config.jsonc': '{}\n' });
    client = await inProcessClient({ folders: [dir] });
    for (const [uri, languageId, inline] of [
      ['untitled:Untitled-1', 'json', false],
      ['untitled:Untitled-2', 'jsonc', true],
    ] as const) {
      const published = client.diagnostics(uri);
      await client.open(uri, PASSROLE_POLICY, languageId);
      const { diagnostics } = await published;
      const waives = (await actionsFor(uri, diagnostics.slice(0, 1))).filter((a) => a.title.startsWith('Waive'));
      if (inline) {
        expect(waives.map((a) => Object.keys(a.edit?.changes ?? {}))).toEqual([[uri]]);
      } else {
        expect(waives).toEqual([]);
      }
    }
  });

  it('is not offered for core diagnostics, which mean the file was not checked', async () => {
    const { uri, diagnostics } = await openWith('{ "Version": "1", "Statement": ', 'p.jsonc');
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-json']);
    const actions = await actionsFor(uri, diagnostics);
    expect(actions.map((a) => a.title)).toEqual(['Show documentation for invalid-json']);
  });
});
