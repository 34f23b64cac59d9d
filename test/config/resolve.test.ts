/**
 * ConfigResolver: which configuration applies to a file. Configs are looked up
 * from the file's directory to the repository root (.git) or a "root": true
 * config, merged outermost first so the nearest wins; overrides apply in
 * order with excludedFiles; ignores cover files and whole directories; globs
 * are relative to the config that declares them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigReadError, ConfigResolver, configMode } from '../../src/config/resolve';
import { ConfigError } from '../../src/config/types';
import { scratch } from '../helpers/cli';

let tmp: ReturnType<typeof scratch>;

beforeEach(() => {
  tmp = scratch('ramlint-resolve-');
});
afterEach(() => tmp.cleanup());

/** A repository root (a directory with .git) at `rel`. */
function repo(rel = '.'): string {
  const dir = path.join(tmp.dir, rel);
  fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
  return dir;
}

function config(rel: string, value: unknown): string {
  return tmp.write(rel, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
}

function resolver(mode = configMode(undefined)): ConfigResolver {
  return new ConfigResolver(mode, tmp.dir);
}

const file = (rel: string) => path.join(tmp.dir, rel);
const rel = (files: string[]) => files.map((f) => path.relative(tmp.dir, f).split(path.sep).join('/'));

describe('configMode', () => {
  it('maps --config, --no-config and neither', () => {
    expect(configMode(undefined)).toEqual({ kind: 'lookup' });
    expect(configMode(false)).toEqual({ kind: 'none' });
    expect(configMode('ci.jsonc')).toEqual({ kind: 'explicit', file: 'ci.jsonc' });
  });
});

describe('the cascade', () => {
  it('merges configs from the repository root down; the nearest wins', () => {
    repo();
    config('ramlint.config.jsonc', { rules: { 'admin-access': 'warn', 'policy-size': 'off', 'invalid-arn': 'info' } });
    config('team/.ramlintrc.json', { rules: { 'admin-access': 'error' } });
    config('team/app/.ramlintrc', { rules: { 'policy-size': 'warn' } });
    const resolved = resolver().resolve(file('team/app/p.json'));
    expect(rel(resolved.files)).toEqual(['ramlint.config.jsonc', 'team/.ramlintrc.json', 'team/app/.ramlintrc']);
    expect(resolved.settings).toEqual({
      'admin-access': { severity: 'error', options: undefined },
      'policy-size': { severity: 'warning', options: undefined },
      'invalid-arn': { severity: 'info', options: undefined },
    });
  });

  it('stops at the repository root: a config above the directory with .git does not apply', () => {
    config('ramlint.config.jsonc', { rules: { 'admin-access': 'off' } });
    repo('project');
    config('project/ramlint.config.jsonc', { rules: { 'policy-size': 'off' } });
    const resolved = resolver().resolve(file('project/policies/p.json'));
    expect(rel(resolved.files)).toEqual(['project/ramlint.config.jsonc']);
    expect(Object.keys(resolved.settings)).toEqual(['policy-size']);
  });

  it('stops at a config with "root": true', () => {
    repo();
    config('ramlint.config.jsonc', { rules: { 'admin-access': 'off' } });
    config('sub/ramlint.config.jsonc', { root: true, rules: { 'policy-size': 'off' } });
    config('sub/deeper/ramlint.config.json', { rules: { 'invalid-arn': 'warn' } });
    const resolved = resolver().resolve(file('sub/deeper/p.json'));
    expect(rel(resolved.files)).toEqual(['sub/ramlint.config.jsonc', 'sub/deeper/ramlint.config.json']);
    expect(Object.keys(resolved.settings).sort()).toEqual(['invalid-arn', 'policy-size']);
  });

  it('reads one config per directory, in the order ramlint.config.jsonc, ramlint.config.json, .ramlintrc.json, .ramlintrc', () => {
    repo();
    config('.ramlintrc', { rules: { 'admin-access': 'info' } });
    config('.ramlintrc.json', { rules: { 'admin-access': 'warn' } });
    expect(rel(resolver().resolve(file('p.json')).files)).toEqual(['.ramlintrc.json']);
    config('ramlint.config.json', { rules: { 'admin-access': 'off' } });
    expect(rel(resolver().resolve(file('p.json')).files)).toEqual(['ramlint.config.json']);
    config('ramlint.config.jsonc', '{ /* jsonc */ "rules": { "admin-access": "error", } }');
    const resolved = resolver().resolve(file('p.json'));
    expect(rel(resolved.files)).toEqual(['ramlint.config.jsonc']);
    expect(resolved.settings['admin-access']?.severity).toBe('error');
  });

  it('passes over a directory that has a config file name', () => {
    repo();
    fs.mkdirSync(file('a/ramlint.config.jsonc'), { recursive: true });
    config('a/.ramlintrc.json', { rules: { 'admin-access': 'off' } });
    expect(rel(resolver().resolve(file('a/p.json')).files)).toEqual(['a/.ramlintrc.json']);
  });

  it('a file with no config anywhere up to the root gets no settings', () => {
    repo();
    expect(resolver().resolve(file('a/b/p.json'))).toEqual({ files: [], settings: {}, kind: undefined, waivers: [], ignoredBy: undefined });
  });

  it('an invalid config in the chain throws a ConfigError naming it', () => {
    repo();
    config('ramlint.config.jsonc', '{\n  "rule": {}\n}');
    let thrown: unknown;
    try {
      resolver().resolve(file('a/p.json'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).origin).toEqual({ file: file('ramlint.config.jsonc'), line: 2, column: 3 });
  });
});

describe('severity and options', () => {
  it('a severity-only entry keeps the options configured further out', () => {
    repo();
    config('ramlint.config.jsonc', { rules: { 'trust-external-principal': ['warn', { trustedAccounts: ['1234'] }] } });
    config('a/ramlint.config.jsonc', { rules: { 'trust-external-principal': 'error' } });
    config('b/ramlint.config.jsonc', { rules: { 'trust-external-principal': ['info'] } });
    config('c/ramlint.config.jsonc', { rules: { 'trust-external-principal': ['info', { trustedServices: ['ecs.aliyuncs.com'] }] } });
    const r = resolver();
    expect(r.resolve(file('a/p.json')).settings['trust-external-principal']).toEqual({ severity: 'error', options: { trustedAccounts: ['1234'] } });
    expect(r.resolve(file('b/p.json')).settings['trust-external-principal']).toEqual({ severity: 'info', options: { trustedAccounts: ['1234'] } });
    // New options replace the outer ones as a whole.
    expect(r.resolve(file('c/p.json')).settings['trust-external-principal']).toEqual({ severity: 'info', options: { trustedServices: ['ecs.aliyuncs.com'] } });
  });

  it('a severity-only override keeps the options of the base rules', () => {
    repo();
    config('ramlint.config.jsonc', {
      rules: { 'trust-external-principal': ['warn', { trustedAccounts: ['1234'] }] },
      overrides: [{ files: 'trust/**', rules: { 'trust-external-principal': 'error' } }],
    });
    expect(resolver().resolve(file('trust/role.json')).settings['trust-external-principal']).toEqual({ severity: 'error', options: { trustedAccounts: ['1234'] } });
  });
});

describe('overrides', () => {
  beforeEach(() => {
    repo();
    config('ramlint.config.jsonc', {
      rules: { 'admin-access': 'error' },
      overrides: [
        { files: ['policies/**/*.json'], rules: { 'admin-access': 'warn', 'policy-size': 'off' } },
        { files: 'policies/legacy/*.json', excludedFiles: ['policies/legacy/keep-*.json'], rules: { 'admin-access': 'off' } },
        { files: '**/*.jsonc', rules: { 'admin-access': 'info' } },
      ],
    });
  });

  it('apply in order, the later block winning', () => {
    const r = resolver();
    expect(r.resolve(file('other/p.json')).settings['admin-access']?.severity).toBe('error');
    expect(r.resolve(file('policies/p.json')).settings['admin-access']?.severity).toBe('warning');
    expect(r.resolve(file('policies/legacy/old.json')).settings['admin-access']?.severity).toBe('off');
    expect(r.resolve(file('policies/legacy/old.json')).settings['policy-size']?.severity).toBe('off');
    expect(r.resolve(file('policies/deep/x.jsonc')).settings['admin-access']?.severity).toBe('info');
  });

  it('files that match the same blocks share one configuration; interleaved lookups keep each its own', () => {
    const r = resolver();
    const severities = (files: string[]) => files.map((f) => r.resolve(file(f)).settings['admin-access']?.severity);
    const order = ['policies/a.json', 'other/a.json', 'policies/legacy/old.json', 'policies/b.json', 'policies/legacy/keep-1.json', 'other/b.json', 'policies/legacy/new.json'];
    expect(severities(order)).toEqual(['warning', 'error', 'off', 'warning', 'warning', 'error', 'off']);
    expect(severities([...order].reverse())).toEqual(['off', 'error', 'warning', 'warning', 'off', 'error', 'warning']);
    expect(r.resolve(file('policies/a.json'))).toBe(r.resolve(file('policies/b.json')));
    expect(r.resolve(file('policies/legacy/keep-1.json'))).toBe(r.resolve(file('policies/a.json')));
    expect(r.resolve(file('policies/legacy/old.json'))).not.toBe(r.resolve(file('policies/a.json')));
  });

  it('skip files matched by excludedFiles', () => {
    expect(resolver().resolve(file('policies/legacy/keep-this.json')).settings['admin-access']?.severity).toBe('warning');
  });

  it('match dot files and dot directories', () => {
    expect(resolver().resolve(file('policies/.hidden/p.json')).settings['admin-access']?.severity).toBe('warning');
  });

  it('match globs relative to the config that declares them', () => {
    config('team/ramlint.config.jsonc', { overrides: [{ files: 'roles/*.json', rules: { 'policy-size': 'warn' } }] });
    const r = resolver();
    expect(r.resolve(file('team/roles/a.json')).settings['policy-size']?.severity).toBe('warning');
    expect(r.resolve(file('roles/a.json')).settings['policy-size']).toBeUndefined();
    expect(r.resolve(file('team/sub/roles/a.json')).settings['policy-size']).toBeUndefined();
  });

  it('of an outer config apply before those of a nearer one', () => {
    config('policies/ramlint.config.jsonc', { overrides: [{ files: '*.json', rules: { 'admin-access': 'off' } }] });
    const resolved = resolver().resolve(file('policies/p.json'));
    expect(resolved.settings['admin-access']?.severity).toBe('off');
    expect(resolved.settings['policy-size']?.severity).toBe('off');
  });
});

describe('kind', () => {
  it('comes from the nearest config and from matching override blocks, the last one winning', () => {
    repo();
    config('ramlint.config.jsonc', {
      kind: 'permission',
      overrides: [
        { files: 'trust/**', kind: 'trust' },
        { files: 'trust/buckets/**', kind: 'bucket' },
      ],
    });
    config('kms/ramlint.config.jsonc', { kind: 'resource' });
    const r = resolver();
    expect(r.resolve(file('p.json')).kind).toBe('permission');
    expect(r.resolve(file('trust/role.json')).kind).toBe('trust');
    expect(r.resolve(file('trust/buckets/b.json')).kind).toBe('bucket');
    expect(r.resolve(file('kms/key.json')).kind).toBe('resource');
  });

  it('is undefined when no config sets it', () => {
    repo();
    config('ramlint.config.jsonc', { rules: {} });
    expect(resolver().resolve(file('p.json')).kind).toBeUndefined();
  });
});

describe('ignores', () => {
  beforeEach(() => {
    repo();
    config('ramlint.config.jsonc', { ignores: ['generated/', 'vendor', '**/tmp/**', '*.draft.json', 'exact/one.json'] });
  });

  it.each([
    ['generated/p.json', 'generated/'],
    ['generated/deep/er/p.json', 'generated/'],
    ['vendor/p.json', 'vendor'],
    ['vendor/x/p.json', 'vendor'],
    ['a/b/tmp/p.json', '**/tmp/**'],
    ['x.draft.json', '*.draft.json'],
    ['exact/one.json', 'exact/one.json'],
  ])('%s is ignored by "%s"', (target, pattern) => {
    expect(resolver().resolve(file(target)).ignoredBy).toBe(`ramlint.config.jsonc ("${pattern}")`);
  });

  it.each(['p.json', 'src/generated.json', 'src/vendor.json', 'exact/two.json', 'generatedx/p.json'])('%s is not ignored', (target) => {
    expect(resolver().resolve(file(target)).ignoredBy).toBeUndefined();
  });

  it('are relative to the config that declares them', () => {
    config('team/ramlint.config.jsonc', { ignores: 'out/' });
    const r = resolver();
    expect(r.resolve(file('team/out/p.json')).ignoredBy).toBe('team/ramlint.config.jsonc ("out/")');
    expect(r.resolve(file('out/p.json')).ignoredBy).toBeUndefined();
  });

  it('still resolve the settings of an ignored file', () => {
    config('ramlint.config.jsonc', { ignores: 'generated/', rules: { 'admin-access': 'warn' } });
    expect(resolver().resolve(file('generated/p.json')).settings['admin-access']?.severity).toBe('warning');
  });
});

describe('waivers', () => {
  it('apply to the files their globs match, relative to their config, outer configs first', () => {
    repo();
    config('ramlint.config.jsonc', {
      waivers: [
        { rule: 'admin-access', files: 'policies/*.json', reason: 'break-glass role', expires: '2030-01-01', owner: 'sec' },
        { rule: 'policy-size', files: ['**/big-*.json'], reason: 'generated', statement: 'Big', path: 'Statement[0]' },
      ],
    });
    config('policies/ramlint.config.jsonc', { waivers: [{ rule: 'invalid-arn', files: 'a.json', reason: 'placeholder', statement: 2 }] });
    const r = resolver();
    expect(r.resolve(file('policies/a.json')).waivers).toEqual([
      { id: 'ramlint.config.jsonc: waivers[0]', rule: 'admin-access', reason: 'break-glass role', statement: undefined, path: undefined, expires: '2030-01-01', owner: 'sec' },
      { id: 'policies/ramlint.config.jsonc: waivers[0]', rule: 'invalid-arn', reason: 'placeholder', statement: 2, path: undefined, expires: undefined, owner: undefined },
    ]);
    expect(r.resolve(file('policies/sub/a.json')).waivers).toEqual([]);
    expect(r.resolve(file('x/big-one.json')).waivers.map((w) => [w.id, w.statement, w.path])).toEqual([['ramlint.config.jsonc: waivers[1]', 'Big', 'Statement[0]']]);
    expect(r.resolve(file('other.json')).waivers).toEqual([]);
    // The same files again, in another order: a shared configuration never carries another file's waivers.
    expect(r.resolve(file('x/big-one.json')).waivers).toHaveLength(1);
    expect(r.resolve(file('policies/b.json')).waivers.map((w) => w.id)).toEqual(['ramlint.config.jsonc: waivers[0]']);
    expect(r.resolve(file('policies/a.json')).waivers).toHaveLength(2);
  });

  it('and ignores decide the configuration with the overrides: an ignored file never shares an unignored one', () => {
    repo();
    config('ramlint.config.jsonc', { ignores: ['gen/'] });
    const r = resolver();
    expect(r.resolve(file('gen/a.json')).ignoredBy).toBe('ramlint.config.jsonc ("gen/")');
    expect(r.resolve(file('src/a.json')).ignoredBy).toBeUndefined();
    expect(r.resolve(file('gen/b.json')).ignoredBy).toBe('ramlint.config.jsonc ("gen/")');
  });
});

describe('--config <file>', () => {
  it('uses that file alone, whatever configs lie near the linted file; its globs are relative to the working directory', () => {
    repo();
    config('ramlint.config.jsonc', { rules: { 'admin-access': 'off' } });
    config('policies/.ramlintrc.json', { rules: { 'policy-size': 'off' } });
    config('ci/strict.jsonc', { rules: { 'admin-access': 'error' }, overrides: [{ files: 'policies/*.json', rules: { 'invalid-arn': 'warn' } }] });
    const r = resolver(configMode('ci/strict.jsonc'));
    const resolved = r.resolve(file('policies/p.json'));
    expect(rel(resolved.files)).toEqual(['ci/strict.jsonc']);
    expect(resolved.settings).toEqual({ 'admin-access': { severity: 'error', options: undefined }, 'invalid-arn': { severity: 'warning', options: undefined } });
    // Not relative to the config's own directory: ci/policies/p.json is not policies/p.json.
    config('ci/policies/p.json', '{}');
    expect(r.resolve(file('ci/policies/p.json')).settings['invalid-arn']).toBeUndefined();
  });

  it('may lie outside the repository and does not need "root": true', () => {
    repo('project');
    config('elsewhere/any-name.json', { rules: { 'admin-access': 'info' } });
    const resolved = new ConfigResolver(configMode(file('elsewhere/any-name.json')), file('project')).resolve(file('project/p.json'));
    expect(resolved.settings['admin-access']?.severity).toBe('info');
  });

  it('that does not exist is a ConfigReadError', () => {
    repo();
    expect(() => resolver(configMode('missing.jsonc')).resolve(file('p.json'))).toThrow(ConfigReadError);
    expect(() => resolver(configMode('missing.jsonc')).resolve(file('p.json'))).toThrow('the config file does not exist');
  });
});

describe('--no-config', () => {
  it('uses no config at all', () => {
    repo();
    config('ramlint.config.jsonc', { rules: { 'admin-access': 'off' }, ignores: '**', kind: 'trust', waivers: [{ rule: 'admin-access', files: '**', reason: 'r' }] });
    const r = resolver(configMode(false));
    expect(r.resolve(file('p.json'))).toEqual({ files: [], settings: {}, kind: undefined, waivers: [], ignoredBy: undefined });
    expect(r.configs).toEqual([]);
  });

  it('does not even read an invalid config', () => {
    repo();
    config('ramlint.config.jsonc', '{ not json');
    expect(() => resolver(configMode(false)).resolve(file('p.json'))).not.toThrow();
  });
});

describe('the catalogue block', () => {
  it('becomes the actions and ignoreServices options of the catalogue rules, outer blocks first, beside their own options', () => {
    repo();
    config('ramlint.config.jsonc', { catalogue: { actions: ['mysvc:*'], ignoreServices: ['ecs'] }, rules: { 'unknown-action': ['warn', { actions: ['oss:PutNewThing'] }] } });
    config('team/.ramlintrc.json', { catalogue: { actions: ['oss:GetNewThing'] } });
    const settings = resolver().resolve(file('team/p.json')).settings;
    expect(settings['unknown-action']).toEqual({ severity: 'warning', options: { actions: ['mysvc:*', 'oss:GetNewThing', 'oss:PutNewThing'], ignoreServices: ['ecs'] } });
  });

  it('leaves the settings alone where no config has one', () => {
    repo();
    config('ramlint.config.jsonc', { rules: { 'admin-access': 'warn' } });
    expect(resolver().resolve(file('p.json')).settings['unknown-action']).toBeUndefined();
  });

  it('rejects an action that is not <service>:<action>, and unknown keys', () => {
    repo();
    config('ramlint.config.jsonc', { catalogue: { actions: ['GetObject'] } });
    expect(() => resolver().resolve(file('p.json'))).toThrow('"catalogue.actions" entry "GetObject" is not of the form <service>:<action>');
    config('ramlint.config.jsonc', { catalogue: { disabled: ['oss'] } });
    expect(() => resolver().resolve(file('p.json'))).toThrow('unknown setting "disabled" in "catalogue"');
  });
});
