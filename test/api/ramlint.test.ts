/**
 * The file-level API in-process: results in file coordinates, config and
 * plugins per file, the FileSystem interface, formatters fed by results.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RamLint, type FileSystem } from '../../src';
import { scratch } from '../helpers/cli';
import { toyHost } from '../helpers/toy-processor';
import { ACME, ADMIN, CLEAN, WARNING, project } from '../e2e/support';

const ECS_STAR = `{
  "Version": "1",
  "Statement": [{"Effect": "Allow", "Action": "ecs:*", "Resource": "acs:ecs:*:*:instance/i-1"}]
}
`;
const BOM = '\uFEFF';
/** The acme plugin, copied into a project: plugins found by lookup must lie inside it. */
const ACME_COPY = { 'tools/acme.js': fs.readFileSync(ACME, 'utf8') };

const ids = (r: { messages: { ruleId: string }[] }) => r.messages.map((m) => m.ruleId);

/** A FileSystem over a map of files and a set of directories; `asked` records every path stat-ed. Writes land in the map. */
function memoryFileSystem(files: Map<string, string>, dirs: ReadonlySet<string>, asked: string[] = []): FileSystem {
  const stat = (p: string) => {
    asked.push(p);
    if (!files.has(p) && !dirs.has(p)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    const isFile = files.has(p);
    return { isFile, isDirectory: !isFile, isSymbolicLink: false, size: files.get(p)?.length ?? 0, mode: 0o644, nlink: 1, uid: 0, gid: 0 };
  };
  return {
    readFile: async (p) => Buffer.from(files.get(p) ?? ''),
    stat: async (p) => stat(p),
    lstat: async (p) => stat(p),
    realpath: async (p) => p,
    readdir: async (p) =>
      [...files.keys(), ...dirs].filter((f) => path.dirname(f) === p && f !== p).map((f) => ({ name: path.basename(f), isFile: files.has(f), isDirectory: dirs.has(f), isSymbolicLink: false })),
    writeFile: async (p, data) => void files.set(p, data),
  };
}

describe('lintText', () => {
  it('lints text as the named file: one result in that file\'s coordinates, its document listed', async () => {
    const s = project();
    const [result] = await new RamLint({ cwd: s.dir }).lintText(ADMIN, { filePath: 'policies/admin.json' });
    expect(result).toMatchObject({ filePath: path.join(s.dir, 'policies/admin.json'), errorCount: 1, warningCount: 0, documents: [{ label: '', kind: 'permission', kindSource: 'detected' }] });
    expect(result?.messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn])).toEqual([['admin-access', 6, 17, 6, 20]]);
    s.cleanup();
  });

  it('a configured kind is reported as such', async () => {
    const s = project({ 'ramlint.config.json': '{"kind": "trust"}' });
    const [result] = await new RamLint({ cwd: s.dir }).lintText(CLEAN, { filePath: 'p.json' });
    expect(result?.documents).toEqual([{ label: '', kind: 'trust', kindSource: 'configured' }]);
    s.cleanup();
  });
});

describe('config per file: a plugin applies only to the files its config covers', () => {
  // The project root's config loads acme; b/ is a project of its own ("root": true) that does not.
  const files = { 'p.json': ECS_STAR, 'b/p.json': ECS_STAR, 'b/.ramlintrc.json': '{"root": true}' };

  it('b/p.json gets the same verdict alone and beside p.json (issue #6)', async () => {
    const s = project({ ...files, ...ACME_COPY, 'ramlint.config.json': JSON.stringify({ plugins: ['./tools/acme.js'] }) });
    const api = () => new RamLint({ cwd: s.dir });
    const both = await api().lintFiles(['p.json', 'b/p.json']);
    const alone = await api().lintFiles(['b/p.json']);
    // With the separator before b: a temp directory whose name ends in "b" would match p.json too.
    const inB = both.find((r) => r.filePath.endsWith(`${path.sep}b${path.sep}p.json`));
    expect(ids(both[0] as never)).toContain('acme/no-ecs-wildcard');
    expect(inB).toEqual(alone[0]);
    expect(ids(alone[0] as never)).not.toContain('acme/no-ecs-wildcard');
    expect((await api().getRulesForFile('b/p.json')).has('acme/no-ecs-wildcard')).toBe(false);
    expect((await api().getRulesForFile('p.json')).has('acme/no-ecs-wildcard')).toBe(true);
    s.cleanup();
  });
});

describe('plugin trust (issue #10)', () => {
  it('a nested config cannot load a plugin', async () => {
    const s = project({ ...ACME_COPY, 'sub/p.json': ECS_STAR, 'sub/.ramlintrc.json': JSON.stringify({ plugins: ['../tools/acme.js'] }) });
    await expect(new RamLint({ cwd: s.dir }).lintFiles(['sub/p.json'])).rejects.toThrow(
      /plugin "..\/tools\/acme\.js" is not loaded: plugins load only from --plugin, a config named with --config, or the config at the project root/,
    );
    s.cleanup();
  });

  it('a nested config may configure the rules of a plugin the root config loads', async () => {
    const s = project({
      ...ACME_COPY,
      'ramlint.config.json': JSON.stringify({ plugins: ['./tools/acme.js'] }),
      'sub/.ramlintrc.json': JSON.stringify({ plugins: ['../tools/acme.js'], rules: { 'acme/no-ecs-wildcard': 'error' } }),
      'sub/p.json': ECS_STAR,
    });
    const [result] = await new RamLint({ cwd: s.dir }).lintFiles(['sub/p.json']);
    expect(result?.messages.find((m) => m.ruleId === 'acme/no-ecs-wildcard')?.severity).toBe('error');
    s.cleanup();
  });

  it('the root config cannot load a plugin from outside the project root', async () => {
    const s = project({ 'ramlint.config.json': JSON.stringify({ plugins: [ACME] }), 'p.json': ECS_STAR });
    // ACME lives in this repository's fixtures, outside the scratch project.
    await expect(new RamLint({ cwd: s.dir }).lintFiles(['p.json'])).rejects.toThrow(/outside the project root/);
    s.cleanup();
  });

  it('a package found by lookup must be a dependency of the project, even in a committed node_modules', async () => {
    const plugin = { 'node_modules/ramlint-plugin-acme/index.js': fs.readFileSync(ACME, 'utf8'), 'node_modules/ramlint-plugin-acme/package.json': '{"name": "ramlint-plugin-acme", "main": "index.js"}' };
    const s = project({ ...plugin, 'ramlint.config.json': '{"plugins": ["acme"]}', 'p.json': ECS_STAR });
    await expect(new RamLint({ cwd: s.dir }).lintFiles(['p.json'])).rejects.toThrow(/is the package "ramlint-plugin-acme", which .*package\.json does not list as a dependency/);
    s.write('package.json', '{"devDependencies": {"ramlint-plugin-acme": "1.0.0"}}');
    const [result] = await new RamLint({ cwd: s.dir }).lintFiles(['p.json']);
    expect(ids(result as never)).toContain('acme/no-ecs-wildcard');
    s.cleanup();
  });

  it('allowPlugins: false loads none, not even the root config\'s, and leaves its plugin rule settings unchecked', async () => {
    const s = project({ 'ramlint.config.json': JSON.stringify({ plugins: ['./plugin.js'], rules: { 'acme/no-ecs-wildcard': 'error' } }), 'p.json': ECS_STAR });
    // A plugin that would leave a mark if it ran.
    s.write('plugin.js', `require('node:fs').writeFileSync(${JSON.stringify(path.join(s.dir, 'ran'))}, 'x'); module.exports = require(${JSON.stringify(ACME)});`);
    const [result] = await new RamLint({ cwd: s.dir, allowPlugins: false }).lintFiles(['p.json']);
    expect(ids(result as never)).not.toContain('acme/no-ecs-wildcard');
    expect(fs.existsSync(path.join(s.dir, 'ran'))).toBe(false);
    // Allowed, the same config loads it: the test above is not vacuous.
    const [withPlugins] = await new RamLint({ cwd: s.dir }).lintFiles(['p.json']);
    expect(ids(withPlugins as never)).toContain('acme/no-ecs-wildcard');
    expect(fs.existsSync(path.join(s.dir, 'ran'))).toBe(true);
    s.cleanup();
  });

  it('without .git or "root": true, no config above the working directory is read', async () => {
    const s = scratch();
    s.write('ramlint.config.json', '{"rules": {"admin-access": "off"}}');
    s.write('inner/p.json', ADMIN);
    const [fromInner] = await new RamLint({ cwd: path.join(s.dir, 'inner') }).lintFiles(['p.json']);
    expect(ids(fromInner as never)).toContain('admin-access');
    // From the directory that holds it, the same config applies: the test above is not vacuous.
    const [fromOuter] = await new RamLint({ cwd: s.dir }).lintFiles(['inner/p.json']);
    expect(ids(fromOuter as never)).not.toContain('admin-access');
    s.cleanup();
  });

  it('the config walk stops at the project root', async () => {
    const s = project({ 'ramlint.config.json': '{"rules": {"admin-access": "off"}}', 'inner/.git/HEAD': 'x', 'inner/p.json': ADMIN });
    const [result] = await new RamLint({ cwd: path.join(s.dir, 'inner') }).lintFiles(['p.json']);
    expect(ids(result as never)).toEqual(['admin-access']);
    s.cleanup();
  });
});

describe('the file system goes through options.fs', () => {
  it('lints files that exist only in a given FileSystem', async () => {
    const files = new Map([['/virtual/policies/a.json', ADMIN], ['/virtual/policies/b.json', WARNING], ['/virtual/policies/package.json', '{"name": "x"}']]);
    const dirs = new Set(['/virtual', '/virtual/policies']);
    const memory = memoryFileSystem(files, dirs);
    const results = await new RamLint({ cwd: '/virtual', fs: memory, configFile: false }).lintFiles(['policies']);
    expect(results.map((r) => [r.filePath, ids(r)])).toEqual([
      ['/virtual/policies/a.json', ['admin-access']],
      ['/virtual/policies/b.json', ['duplicate-list-entry']],
    ]);
    const fixed = await new RamLint({ cwd: '/virtual', fs: memory, configFile: false, fix: true }).lintFiles(['policies/b.json']);
    await RamLint.outputFixes(fixed, memory);
    expect(files.get('/virtual/policies/b.json')).toContain('"Action": ["ecs:DescribeInstances"]');
  });
});

describe('a directory walk with processors', () => {
  it('lints .json policies and the files a processor claims and recognises; passes over the rest quietly', async () => {
    const s = project({
      'tree/a.json': ADMIN,
      'tree/main.toy': '# toy\netl = {"Version": "1", "Statement": [{"Effect": "allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}\n',
      'tree/other.toy': 'not this format\n',
      'tree/notes.txt': ADMIN,
    });
    const results = await new RamLint({ cwd: s.dir, processors: [toyHost] }).lintFiles(['tree']);
    expect(results.map((r) => [path.relative(s.dir, r.filePath), ids(r), r.documents?.map((d) => d.label)])).toEqual([
      ['tree/a.json', expect.arrayContaining(['admin-access']), ['']],
      ['tree/main.toy', ['invalid-effect'], ['toy.etl']],
    ]);
    // Without the processor, the walk offers no .toy file.
    const bare = await new RamLint({ cwd: s.dir, processors: [] }).lintFiles(['tree']);
    expect(bare.map((r) => path.relative(s.dir, r.filePath))).toEqual(['tree/a.json']);
    s.cleanup();
  });

  it('a config naming a processor that does not exist is a config error', async () => {
    const s = project({ 'main.toy': '# toy\n', 'ramlint.config.json': '{"processors": ["cobol"]}' });
    await expect(new RamLint({ cwd: s.dir }).lintFiles(['main.toy'])).rejects.toThrow(/^unknown processor "cobol"; the processors are /);
    s.cleanup();
  });
});

describe('configs come through options.fs too', () => {
  it('reads the config and the repository root from the given FileSystem, not the disk', async () => {
    const files = new Map([
      ['/virtual/ramlint.config.json', '{"rules": {"duplicate-list-entry": "off"}, "ignores": ["gen/**"]}'],
      ['/virtual/policies/b.json', WARNING],
      ['/virtual/gen/a.json', ADMIN],
    ]);
    const dirs = new Set(['/virtual', '/virtual/.git', '/virtual/policies', '/virtual/gen']);
    const asked: string[] = [];
    const memory = memoryFileSystem(files, dirs, asked);
    const api = new RamLint({ cwd: '/virtual', fs: memory });
    const results = await api.lintFiles(['policies', 'gen/a.json']);
    expect(results.map((r) => [r.filePath, ids(r)])).toEqual([['/virtual/policies/b.json', []]]);
    expect(await api.isPathIgnored('gen/a.json')).toBe(true);
    expect(asked).toContain('/virtual/ramlint.config.json');
    expect(asked).toContain('/virtual/.git');
    // The walk up stopped at the virtual repository root.
    expect(asked.filter((p) => !p.startsWith('/virtual'))).toEqual([]);
  });
});

describe('fix as a function', () => {
  it('fixes only the messages it accepts', async () => {
    const text = '{"Version": "1", "Statement": [{"Effect": "allow", "Action": ["ecs:A", "ecs:A"], "Resource": "*"}]}';
    const api = (fix: boolean | ((m: { ruleId: string }) => boolean)) => new RamLint({ cwd: '/nonexistent-ramlint-cwd', configFile: false, fix });
    const [onlyEffect] = await api((m) => m.ruleId === 'invalid-effect').lintText(text, { filePath: 'p.json' });
    expect(onlyEffect?.output).toBe('{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ecs:A", "ecs:A"], "Resource": "*"}]}');
    const [all] = await api(true).lintText(text, { filePath: 'p.json' });
    expect(all?.output).toBe('{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ecs:A"], "Resource": "*"}]}');
  });
});

describe('formatters take positions from results', () => {
  it('SARIF fix regions on a file with a byte-order mark are where the finding is (issue #6)', async () => {
    const s = project({ 'p.json': BOM + WARNING });
    const api = new RamLint({ cwd: s.dir, keepSources: true });
    const results = await api.lintFiles(['p.json']);
    const sarif = JSON.parse((await api.loadFormatter('sarif')).format(results));
    const result = sarif.runs[0].results[0];
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 6, startColumn: 43, endLine: 6, endColumn: 66 });
    // The fix deletes `, "ecs:DescribeInstances"` from column 41 (the comma) to 66.
    expect(result.fixes[0].artifactChanges[0].replacements[0].deletedRegion).toEqual({ startLine: 6, startColumn: 41, endLine: 6, endColumn: 66 });
    s.cleanup();
  });
});

describe('overrideConfig', () => {
  it('applies over every config file found, with globs relative to cwd', async () => {
    const s = project({ 'ramlint.config.json': '{"rules": {"admin-access": "warning"}}', 'a/p.json': ADMIN, 'b/p.json': ADMIN });
    const api = new RamLint({ cwd: s.dir, overrideConfig: { overrides: [{ files: ['a/**'], rules: { 'admin-access': 'off' } }] } });
    const [a, b] = await api.lintFiles(['a/p.json', 'b/p.json']);
    expect(ids(a as never)).not.toContain('admin-access');
    expect(b?.messages.find((m) => m.ruleId === 'admin-access')?.severity).toBe('warning');
    s.cleanup();
  });
});

describe('calculateConfigForFile and isPathIgnored', () => {
  it('say what applies to a file', async () => {
    const s = project({ 'ramlint.config.json': '{"ignores": ["gen/**"], "rules": {"admin-access": "warning"}}' });
    const api = new RamLint({ cwd: s.dir });
    expect(await api.isPathIgnored('gen/p.json')).toBe(true);
    expect(await api.isPathIgnored('p.json')).toBe(false);
    expect(await new RamLint({ cwd: s.dir, ignore: false }).isPathIgnored('gen/p.json')).toBe(false);
    expect(await api.calculateConfigForFile('p.json')).toMatchObject({ file: 'p.json', configFiles: ['ramlint.config.json'], rules: { 'admin-access': 'warning' } });
    s.cleanup();
  });
});

describe('endpoint policies', () => {
  const ENDPOINTS_TF = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'hosts', 'terraform', 'endpoints.tf'), 'utf8');
  const DEFAULT_ENDPOINT_POLICY = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": ["*"], "Principal": ["*"]}]}\n';
  const shown = (r: { messages: { ruleId: string; messageId?: string; severity: string; line: number; column: number; endLine: number; endColumn: number }[] }) =>
    r.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId}/${m.messageId}`);

  it('the kind comes from the endpoint attribute in Terraform; the same document in a bare .json keeps today\'s findings', async () => {
    const s = project({ 'infra/endpoints.tf': ENDPOINTS_TF, 'policies/endpoint.json': DEFAULT_ENDPOINT_POLICY });
    const results = await new RamLint({ cwd: s.dir }).lintFiles(['infra/endpoints.tf', 'policies/endpoint.json']);
    const [tf, bare] = results;
    expect(tf?.documents?.map((d) => [d.label, d.kind, d.kindSource])).toEqual([
      ['alicloud_privatelink_vpc_endpoint.oss.policy_document', 'endpoint', 'host'],
      ['alicloud_vpc_gateway_endpoint.oss.policy_document', 'endpoint', 'host'],
      ['alicloud_vpc_gateway_endpoint.logs.policy_document', 'endpoint', 'host'],
    ]);
    expect(shown(tf!)).toEqual(['6:100-6:103 warning admin-access/endpointStar', '18:16-18:19 warning admin-access/endpointStar']);
    expect(tf).toMatchObject({ errorCount: 0, warningCount: 2 });
    expect(bare?.documents).toEqual([{ label: '', kind: 'resource', kindSource: 'detected' }]);
    expect(shown(bare!)).toEqual(['1:63-1:66 error admin-access/star', '1:102-1:105 error trust-wildcard-principal/public']);
    s.cleanup();
  });

  it('a configured kind "endpoint" lints a bare file as one', async () => {
    const s = project({ 'ramlint.config.json': '{"overrides": [{"files": ["endpoints/*.json"], "kind": "endpoint"}]}', 'endpoints/oss.json': DEFAULT_ENDPOINT_POLICY });
    const [result] = await new RamLint({ cwd: s.dir }).lintFiles(['endpoints/oss.json']);
    expect(result?.documents).toEqual([{ label: '', kind: 'endpoint', kindSource: 'configured' }]);
    expect(shown(result!)).toEqual(['1:63-1:66 warning admin-access/endpointStar']);
    s.cleanup();
  });
});
