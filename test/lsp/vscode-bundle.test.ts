/**
 * The server bundled in the VS Code extension (editors/vscode/build.js) runs
 * from the extension's out/ with no node_modules around it: everything it
 * reads at run time must be in out/ and listed in .vscodeignore.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, ROOT, spawnedClient, tempWorkspace } from './client';

jest.setTimeout(60_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require(path.join(ROOT, 'editors', 'vscode', 'build.js')) as { buildServer(outDir: string): void; WASM: string[] };

const TERRAFORM = `resource "alicloud_ram_policy" "etl" {
  policy_name     = "etl"
  policy_document = <<EOF
{"Version": "1", "Statement": [{"Effect": "allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}
EOF
}
`;

let out: string;
beforeAll(() => {
  // Outside the repository, as an installed extension is: no node_modules above it.
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-vscode-out-'));
  build.buildServer(out);
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('the VS Code extension bundle', () => {
  it('lints Terraform, with the tree-sitter wasm files it ships beside the server', async () => {
    const dir = tempWorkspace();
    const client = await spawnedClient({ folders: [dir], command: [path.join(out, 'server.js'), '--stdio'], cwd: out });
    try {
      const uri = fileUri(path.join(dir, 'main.tf'));
      const published = client.diagnostics(uri);
      await client.open(uri, TERRAFORM, 'terraform');
      expect((await published).diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['invalid-effect', 3]]);
    } finally {
      await client.close();
    }
  });

  it('packages every file the server reads (.vscodeignore)', () => {
    const kept = fs
      .readFileSync(path.join(ROOT, 'editors', 'vscode', '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('!out/'))
      .map((l) => l.slice('!out/'.length));
    for (const file of ['server.js', 'lint-worker.js', ...build.WASM.map((w) => path.basename(w))]) {
      expect(fs.existsSync(path.join(out, file))).toBe(true);
      expect(kept).toContain(file);
    }
  });
});
