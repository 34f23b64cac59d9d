/**
 * Plugins are code: the server loads them only where the CLI would
 * (docs/security.md). A file outside every workspace folder is linted as
 * `ramlint <file>` run in the first folder lints it, so the config beside it
 * is not a project root and loads nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, inProcessClient, spawnedClient, type TestClient, tempWorkspace } from './client';

const POLICY = '{"Version": "1", "Statement": [{"Effect": "allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}\n';

/** A plugin whose loading leaves a mark: the file `ran` gets a line naming where it was loaded from. */
function plugin(marker: string, from: string): string {
  return `require('node:fs').appendFileSync(${JSON.stringify(marker)}, ${JSON.stringify(`${from}\n`)});\nmodule.exports = { name: 'mark', rules: {} };\n`;
}

/** A project (a .git marker) whose root config names a plugin in it. */
function projectWithPlugin(marker: string, name: string): string {
  const dir = tempWorkspace({ 'ramlint.config.jsonc': '{ "plugins": ["./mark.js"] }', 'p.json': POLICY });
  fs.writeFileSync(path.join(dir, 'mark.js'), plugin(marker, name));
  return dir;
}

function marks(marker: string): string[] {
  return fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').trim().split('\n') : [];
}

let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

describe('plugins', () => {
  it("load from a workspace folder's root config, never from the config beside a file outside every folder", async () => {
    const marker = path.join(tempWorkspace(), 'ran');
    const folder = projectWithPlugin(marker, 'folder');
    // Another project on disk, opened as a file (File > Open), not as a folder: its config is not the user's choice.
    const elsewhere = projectWithPlugin(marker, 'elsewhere');
    client = await inProcessClient({ folders: [folder] });

    const inside = fileUri(path.join(folder, 'p.json'));
    const insideDiagnostics = client.diagnostics(inside);
    await client.open(inside, POLICY);
    expect((await insideDiagnostics).diagnostics.map((d) => d.code)).toEqual(['invalid-effect']);
    expect(marks(marker)).toEqual(['folder']);

    const outside = fileUri(path.join(elsewhere, 'p.json'));
    const outsideDiagnostics = client.diagnostics(outside);
    await client.open(outside, POLICY);
    const [refused] = (await outsideDiagnostics).diagnostics;
    // Refused as the CLI refuses it when run in the folder: named, never loaded, never a silent pass.
    expect(refused?.message).toMatch(/plugin "\.\/mark\.js" is not loaded: plugins load only from .* the config at the project root/);
    expect(marks(marker)).toEqual(['folder']);
  });

  it('never load for a file outside the folders when there is no folder at all', async () => {
    const marker = path.join(tempWorkspace(), 'ran');
    const elsewhere = projectWithPlugin(marker, 'elsewhere');
    client = await inProcessClient({ folders: [] });
    const uri = fileUri(path.join(elsewhere, 'p.json'));
    const published = client.diagnostics(uri);
    await client.open(uri, POLICY);
    expect((await published).diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/plugin "\.\/mark\.js" is not loaded/)]);
    expect(marks(marker)).toEqual([]);
  });
});

describe('RAMLINT_NO_PLUGINS=1', () => {
  it('loads no plugin, whatever the editor settings say', async () => {
    const marker = path.join(tempWorkspace(), 'ran');
    const folder = projectWithPlugin(marker, 'folder');
    client = await inProcessClient({ folders: [folder], settings: { allowPlugins: true }, server: { env: { RAMLINT_NO_PLUGINS: '1' } } });
    const uri = fileUri(path.join(folder, 'p.json'));
    const published = client.diagnostics(uri);
    await client.open(uri, POLICY);
    expect((await published).diagnostics.map((d) => d.code)).toEqual(['invalid-effect']);
    expect(marks(marker)).toEqual([]);
  });

  it('is read from the environment of `ramlint lsp --stdio`', async () => {
    const marker = path.join(tempWorkspace(), 'ran');
    const folder = projectWithPlugin(marker, 'folder');
    const spawned = await spawnedClient({ folders: [folder], env: { RAMLINT_NO_PLUGINS: '1' } });
    try {
      const uri = fileUri(path.join(folder, 'p.json'));
      const published = spawned.diagnostics(uri);
      await spawned.open(uri, POLICY);
      expect((await published).diagnostics.map((d) => d.code)).toEqual(['invalid-effect']);
      expect(marks(marker)).toEqual([]);
    } finally {
      await spawned.close();
    }
  }, 20_000);
});
