/**
 * Hover and completion: through the protocol for the common cases, and on
 * the cursor-context reader directly for half-typed text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONDITION_OPERATORS } from '../../src/engine/catalog/condition-operators';
import { builtinCatalogue } from '../../src/lsp/catalogue';
import { complete } from '../../src/lsp/completion';
import { whyItMatters } from '../../src/lsp/rule-docs';
import { fileUri, inProcessClient, type TestClient, tempWorkspace } from './client';

const POLICY = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["oss:GetObject", "ram:PassRole"],
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

/** Text with a `|` marking the cursor. */
function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function labels(marked: string): string[] {
  const { text, offset } = at(marked);
  return complete(TextDocument.create('file:///p.json', 'json', 1, text), offset, builtinCatalogue()).map((i) => i.label);
}

async function opened(text: string) {
  const dir = tempWorkspace();
  client = await inProcessClient({ folders: [dir] });
  const uri = fileUri(path.join(dir, 'p.json'));
  const published = client.diagnostics(uri);
  await client.open(uri, text);
  await published;
  return uri;
}

function positionOf(text: string, needle: string, delta = 1) {
  const document = TextDocument.create('file:///x', 'json', 0, text);
  return document.positionAt(text.indexOf(needle) + delta);
}

describe('hover', () => {
  it('on a finding shows its rule, severity, description and page', async () => {
    const uri = await opened(POLICY);
    const hover = (await client?.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(POLICY, '"*"') })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    expect((hover.contents as MarkupContent).kind).toBe('markdown');
    expect(value).toContain('**passrole-wildcard-resource** (error)');
    expect(value).toContain('Disallow ram:PassRole on a resource that matches more than one role.');
    expect(value).toContain('[Documentation](https://github.com/ramlint/ramlint/blob/main/docs/rules/passrole-wildcard-resource.md)');
    // Why it matters: the first paragraph of that section of the rule page.
    const page = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'rules', 'passrole-wildcard-resource.md'), 'utf8');
    const why = page.split('## Why it matters')[1]?.trim().split('\n\n')[0] as string;
    expect(why.length).toBeGreaterThan(40);
    expect(value).toContain(why);
  });

  it('reads rule pages only for plain rule ids, never a path', () => {
    const docs = path.join(__dirname, '..', '..', 'docs', 'rules');
    expect(whyItMatters('admin-access', docs)).toMatch(/\S/);
    expect(whyItMatters('../README', docs)).toBeUndefined();
    expect(whyItMatters('acme/no-ecs-wildcard', docs)).toBeUndefined();
  });

  it('on an action name shows what the catalogue knows', async () => {
    const uri = await opened(POLICY);
    const hover = (await client?.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(POLICY, 'oss:GetObject') })) as Hover;
    expect((hover.contents as MarkupContent).value).toBe('**oss:GetObject**\n\nService: `oss`\n\nAccess level: read\n\nCatalogue entry: curated');
  });

  it('elsewhere returns nothing', async () => {
    const uri = await opened(POLICY);
    const hover = await client?.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(POLICY, '"Version"') });
    expect(hover).toBeNull();
  });
});

describe('completion', () => {
  it('offers Effect values inside the string being typed, replacing what is typed', async () => {
    const text = '{"Statement": [{"Effect": "Al"}]}';
    const uri = await opened(text);
    const result = (await client?.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionOf(text, '"Al"', 3) })) as CompletionItem[] | CompletionList;
    const items = Array.isArray(result) ? result : result.items;
    expect(items.map((i) => i.label)).toEqual(['Allow', 'Deny']);
    expect(items[0]?.textEdit).toEqual({ range: { start: { line: 0, character: 27 }, end: { line: 0, character: 29 } }, newText: 'Allow' });
  });

  it.each([
    ['top-level elements', '{ | }', ['Version', 'Statement']],
    ['statement elements', '{"Statement": [{ "Effect": "Allow", | }]}', ['Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'Condition']],
    ['a lone statement object', '{"Statement": { "E|" }}', ['Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'Condition']],
    ['the Version value', '{"Version": "|"}', ['1']],
    ['no elements inside a Resource value', '{"Statement": [{"Resource": "|"}]}', []],
  ])('offers %s', (_, marked, expected) => {
    expect(labels(marked)).toEqual(expected);
  });

  it('offers every catalogued service before the colon', () => {
    const offered = labels('{"Statement": [{"Action": ["o|"]}]}');
    expect(offered).toEqual(expect.arrayContaining(['oss:', 'ecs:', 'ram:', 'sts:', 'log:', 'odps:']));
    expect(offered.every((label) => /^[a-z0-9-]+:$/.test(label))).toBe(true);
  });

  it('offers condition operators as keys of Condition', () => {
    expect(labels('{"Statement": [{"Condition": { "Str| }}]}')).toEqual([...CONDITION_OPERATORS.keys()]);
  });

  it('offers global condition keys inside an operator', () => {
    const keys = labels('{"Statement": [{"Condition": {"IpAddress": { "acs:S| }}}]}');
    expect(keys).toContain('acs:SourceIp');
    expect(keys).toContain('acs:SecureTransport');
    expect(labels('{"Statement": [{"Condition": {"IpAddress": { "acs:SourceIp": "|" }}}]}')).toEqual([]);
  });

  it('offers action names after "service:", with their access level', () => {
    const { text, offset } = at('{"Statement": [{"Action": "oss:Get|');
    const items = complete(TextDocument.create('file:///p.json', 'json', 1, text), offset, builtinCatalogue());
    expect(items.find((i) => i.label === 'oss:GetObject')).toMatchObject({ detail: 'access level: read', textEdit: { newText: 'oss:GetObject' } });
    expect(items.every((i) => i.label.startsWith('oss:'))).toBe(true);
  });

  it('brings its own quotes outside a string', () => {
    const { text, offset } = at('{"Statement": [{"Effect": |}]}');
    const items = complete(TextDocument.create('file:///p.json', 'json', 1, text), offset, builtinCatalogue());
    expect(items.map((i) => i.insertText)).toEqual(['"Allow"', '"Deny"']);
  });

  it('is not offered in a Terraform file, where the JSON reader would only guess', async () => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir] });
    const uri = fileUri(path.join(dir, 'main.tf'));
    const text = 'resource "x" "y" { policy = jsonencode({ "Statement": [{ "Effect": "" }] }) }';
    // Wait for the lint of the opened file too, so the Terraform parser is not still loading when the test ends.
    const linted = client.diagnostics(uri);
    await client.open(uri, text, 'terraform');
    const result = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionOf(text, '"Effect": "', 11) });
    expect(result).toEqual([]);
    await linted;
  });

  it.each([
    ['tsconfig.json', '{\n  "compilerOptions": {},\n  \n}\n', 'jsonc'],
    ['package.json', '{\n  "name": "x",\n  \n}\n', 'json'],
    ['p.json', '', 'json'],
  ])('is not offered in JSON that is not a policy: %s', async (name, text, languageId) => {
    const dir = tempWorkspace();
    client = await inProcessClient({ folders: [dir] });
    const uri = fileUri(path.join(dir, name));
    const linted = client.diagnostics(uri);
    await client.open(uri, text, languageId);
    await linted;
    const result = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: text === '' ? 0 : 2, character: 2 } });
    expect(result).toEqual([]);
  });

  it('offers the top-level elements in a policy, and in a document that has just become one', async () => {
    const uri = await opened(POLICY);
    const inPolicy = (await client?.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } })) as CompletionItem[];
    expect(inPolicy.map((i) => i.label)).toEqual(['Version', 'Statement']);
    // Typed a moment ago, not yet linted: taken for a policy by its text.
    const dir = tempWorkspace();
    const fresh = fileUri(path.join(dir, 'new.json'));
    await client?.open(fresh, '{\n  "Statement": [],\n  \n}\n');
    const typed = (await client?.connection.sendRequest('textDocument/completion', { textDocument: { uri: fresh }, position: { line: 2, character: 2 } })) as CompletionItem[];
    expect(typed.map((i) => i.label)).toEqual(['Version', 'Statement']);
  });

  it('never throws on half-typed or odd text', () => {
    const samples = ['', '{', '{"', '{"Statement": [', '{"Statement": [{"Action": "', '{"Statement": [{"Condition": {"', '[1, {', '{"a": /* c', '\uFEFF{"Vers', '"\\u12'];
    for (const s of samples) for (let i = 0; i <= s.length; i++) expect(() => labels(`${s.slice(0, i)}|${s.slice(i)}`)).not.toThrow();
  });
});
