/**
 * Which open documents get diagnostics: exactly the files a directory walk
 * would lint (`ramlint .`), the way the file-level API decides it in walk
 * mode (lintText with `explicit: false`), never every document as a file
 * named on the command line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, inProcessClient, ROOT, type TestClient, tempWorkspace } from './client';

const HOSTS = path.join(ROOT, 'fixtures', 'hosts');

let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

async function codesOf(name: string, text: string, languageId: string, dir = tempWorkspace()): Promise<(string | number | undefined)[]> {
  client ??= await inProcessClient({ folders: [dir], settings: { debounceMs: 0 } });
  const uri = fileUri(path.join(dir, name));
  const published = client.diagnostics(uri);
  await client.open(uri, text, languageId);
  return (await published).diagnostics.map((d) => d.code);
}

describe('YAML that is not a ROS template', () => {
  it.each([
    ['a GitHub workflow', 'ci.yml', 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n'],
    ['a Kubernetes manifest that holds policy text', 'k8s.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  policy.json: |\n    {"Statement": [{"Effect": "allow"}]}\n'],
    ['a blank file', 'empty.yaml', ''],
    ['broken YAML', 'broken.yaml', 'a: [\n'],
  ])('gets no diagnostics: %s', async (_what, name, text) => {
    expect(await codesOf(name, text, 'yaml')).toEqual([]);
  });

  it('is still linted when it is a ROS template', async () => {
    const codes = await codesOf('template.yaml', fs.readFileSync(path.join(HOSTS, 'ros', 'template.yaml'), 'utf8'), 'yaml');
    expect(codes).toContain('admin-access');
  });
});

describe('host files in JSON form', () => {
  it.each([
    ['Terraform JSON', 'terraform/policies.tf.json', 'policies.tf.json'],
    ['a Terraform plan', 'plan/plan.json', 'plan.json'],
    ['a ROS template', 'ros/template.json', 'template.json'],
  ])('get the findings of the policies in them: %s', async (_what, fixture, name) => {
    const text = fs.readFileSync(path.join(HOSTS, fixture), 'utf8');
    const codes = await codesOf(name, text, 'json');
    expect(codes.length).toBeGreaterThan(0);
    expect(codes).not.toContain('invalid-json');
  });
});

describe('JSON that is not a policy', () => {
  it('gets no diagnostics, and is not taken for a policy by mentioning one', async () => {
    expect(await codesOf('tsconfig.json', '{ "compilerOptions": { "strict": true } }', 'jsonc')).toEqual([]);
    expect(await codesOf('package.json', '{ "name": "x", "description": "a Statement: nothing more" }', 'json')).toEqual([]);
  });
});

describe('a new, blank JSON file', () => {
  async function change(uri: string, version: number, text: string): Promise<(string | number | undefined)[]> {
    const published = (client as TestClient).diagnostics(uri, (p) => p.version === version);
    await client?.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return (await published).diagnostics.map((d) => d.code);
  }

  it('gets no diagnostics, and is not taken for a policy for ever: typed into a package.json it stays unreported', async () => {
    const dir = tempWorkspace();
    expect(await codesOf('package.json', '', 'json', dir)).toEqual([]);
    const uri = fileUri(path.join(dir, 'package.json'));
    expect(await change(uri, 2, '{ "name": "x", "version": "1.0.0" }')).toEqual([]);
  });

  it('becomes a policy once a statement is typed, and emptying it again is then reported', async () => {
    const dir = tempWorkspace();
    expect(await codesOf('p.json', '\n', 'json', dir)).toEqual([]);
    const uri = fileUri(path.join(dir, 'p.json'));
    expect(await change(uri, 2, '{"Version": "1", "Statement": [{"Effect": "allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}')).toEqual(['invalid-effect']);
    expect(await change(uri, 3, '')).toEqual(['invalid-json']);
  });
});
