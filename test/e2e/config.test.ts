/**
 * Configuration through the CLI: invalid configs exit 2 with one
 * `file:line:col: message` line and no stack trace; --print-config shows the
 * resolved configuration; overrides, kinds and ignores apply to the files
 * they name; an ignored file named on the command line (as lint-staged does)
 * is passed over with a note, not an error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findings, ramlint, ROOT, scratch } from '../helpers/cli';

const BAD = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ecs"],
      "Resource": "*"
    }
  ]
}
`;
const TRUST = `{
  "Version": "1",
  "Statement": [
    {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["acs:ram::9876543210987654:root"]}}
  ]
}
`;

let tmp: ReturnType<typeof scratch>;
beforeEach(() => {
  tmp = scratch();
  tmp.write('.git/HEAD', 'ref: refs/heads/main\n');
});
afterEach(() => tmp.cleanup());

const run = (args: string[]) => ramlint(args, { cwd: tmp.dir });

/** One line on stderr, prefixed "ramlint: ", nothing on stdout, no stack trace. */
function expectConfigFailure(r: ReturnType<typeof run>, line: string): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`ramlint: ${line}\n`);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('invalid configuration exits 2 with file:line:col', () => {
  it('an unknown setting, with a suggestion', () => {
    tmp.write('ramlint.config.jsonc', '{\n  // typo below\n  "rule": {}\n}\n');
    tmp.write('p.json', BAD);
    expectConfigFailure(run(['p.json']), 'ramlint.config.jsonc:3:3: unknown setting "rule" in the config; did you mean "rules"?');
  });

  it('invalid JSON', () => {
    tmp.write('.ramlintrc.json', '{\n  "rules": {\n    "admin-access": "off"\n  \n');
    tmp.write('p.json', BAD);
    expectConfigFailure(run(['p.json']), ".ramlintrc.json:5:1: invalid JSON: expected '}'");
  });

  it('an unknown rule in a nested config, named relative to the working directory', () => {
    tmp.write('ramlint.config.jsonc', '{"rules": {"admin-access": "warn"}}');
    tmp.write('team/ramlint.config.json', '{\n  "rules": {\n    "pasrole-wildcard-resource": "off"\n  }\n}\n');
    tmp.write('team/p.json', BAD);
    expectConfigFailure(run(['team/p.json']), 'team/ramlint.config.json:3:5: unknown rule "pasrole-wildcard-resource"; did you mean "passrole-wildcard-resource"?');
  });

  it('a wrong option type and a core diagnostic', () => {
    tmp.write('ramlint.config.jsonc', '{"rules": {"trust-external-principal": ["warn", {"trustedAccounts": "1234"}]}}');
    tmp.write('p.json', BAD);
    expectConfigFailure(run(['p.json']), 'ramlint.config.jsonc:1:49: option "trustedAccounts" of rule "trust-external-principal" must be an array of strings');
    tmp.write('ramlint.config.jsonc', '{"rules": {"invalid-json": "off"}}');
    expectConfigFailure(run(['p.json']), 'ramlint.config.jsonc:1:12: "invalid-json", a core diagnostic of the engine, which cannot be configured or waived; remove it');
  });

  it('a waiver without a reason, also for --print-config', () => {
    tmp.write('ramlint.config.jsonc', '{\n  "waivers": [\n    {"rule": "admin-access", "files": "p.json"}\n  ]\n}\n');
    tmp.write('p.json', BAD);
    const line = 'ramlint.config.jsonc:3:5: waivers[0] needs "reason": why the risk is accepted';
    expectConfigFailure(run(['p.json']), line);
    expectConfigFailure(run(['--print-config', 'p.json']), line);
  });

  it('an invalid config is reported even when the file it covers is ignored elsewhere, before any file is linted', () => {
    tmp.write('ramlint.config.jsonc', '{"ignores": ["b/"]}');
    tmp.write('b/ramlint.config.jsonc', '{"kind": "policy"}');
    tmp.write('a.json', BAD);
    tmp.write('b/p.json', BAD);
    expectConfigFailure(run(['a.json', 'b/p.json']), 'b/ramlint.config.jsonc:1:10: "kind" must be one of "permission", "trust", "bucket", "resource", "endpoint", "control", "session", not "policy"');
  });

  it('--config naming a missing file', () => {
    tmp.write('p.json', BAD);
    expectConfigFailure(run(['--config', 'missing.jsonc', 'p.json']), 'missing.jsonc: the config file does not exist');
  });
});

describe('--config and --no-config', () => {
  it('--config uses that file instead of the ones found by lookup', () => {
    tmp.write('ramlint.config.jsonc', '{"rules": {"invalid-action-format": "off"}}');
    tmp.write('ci/strict.jsonc', '{"rules": {"invalid-action-format": "warn"}}');
    tmp.write('p.json', BAD);
    expect(run(['p.json']).code).toBe(0);
    const r = run(['--config', 'ci/strict.jsonc', '--format', 'json', 'p.json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].messages.map((m: { ruleId: string; severity: string }) => `${m.ruleId} ${m.severity}`)).toEqual(['invalid-action-format warning']);
  });

  it('--config: globs are relative to the working directory, plugins to the config file', () => {
    tmp.write('ci/plugins/acme.js', fs.readFileSync(path.join(ROOT, 'fixtures', 'plugins', 'ramlint-plugin-acme.js'), 'utf8'));
    tmp.write(
      'ci/strict.jsonc',
      JSON.stringify({
        plugins: ['./plugins/acme.js'],
        rules: { 'acme/no-ecs-wildcard': 'error' },
        ignores: ['policies/generated/'],
        overrides: [{ files: 'policies/legacy/**', rules: { 'invalid-action-format': 'off' } }],
      }),
    );
    for (const dir of ['legacy', 'new', 'generated']) tmp.write(`policies/${dir}/p.json`, BAD);
    const r = run(['--config', 'ci/strict.jsonc', '--format', 'json', 'policies']);
    expect(r.stderr).toBe('');
    expect(findings(r.stdout, tmp.dir)).toEqual(['policies/new/p.json 6:18 invalid-action-format']);
  });

  it('--no-config ignores every config, even an invalid one', () => {
    tmp.write('ramlint.config.jsonc', '{"rules": {"invalid-action-format": "off"}, "bogus": 1}');
    tmp.write('p.json', BAD);
    const r = run(['--no-config', '--format', 'json', 'p.json']);
    expect(r.code).toBe(1);
    expect(findings(r.stdout, tmp.dir)).toEqual(['p.json 6:18 invalid-action-format']);
  });
});

describe('--print-config', () => {
  it('prints the resolved configuration of one file as JSON, and exits 0', () => {
    tmp.write(
      'ramlint.config.jsonc',
      JSON.stringify({
        rules: { 'admin-access': 'warn', 'trust-external-principal': ['warn', { trustedAccounts: ['1234567890123456'] }] },
        overrides: [{ files: 'roles/**', kind: 'trust', rules: { 'trust-external-principal': 'error' } }],
        waivers: [
          { rule: 'admin-access', files: 'roles/*.json', reason: 'break glass', expires: '2999-12-31', owner: 'sec', statement: 'Admin' },
          { rule: 'policy-size', files: 'other/*.json', reason: 'not for this file' },
        ],
      }),
    );
    tmp.write('roles/.ramlintrc.json', '{"rules": {"policy-size": "off"}}');
    const r = run(['--print-config', 'roles/deploy.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const printed = JSON.parse(r.stdout);
    expect(printed).toMatchObject({
      file: 'roles/deploy.json',
      configFiles: ['ramlint.config.jsonc', 'roles/.ramlintrc.json'],
      kind: 'trust',
      ignored: false,
      waivers: [{ id: 'ramlint.config.jsonc: waivers[0]', rule: 'admin-access', reason: 'break glass', expires: '2999-12-31', owner: 'sec', statement: 'Admin' }],
    });
    expect(printed.rules['admin-access']).toBe('warning');
    expect(printed.rules['policy-size']).toBe('off');
    // The override's severity keeps the options of the base entry.
    expect(printed.rules['trust-external-principal']).toEqual(['error', { trustedAccounts: ['1234567890123456'] }]);
    // Every rule is listed, at its default severity where nothing configures it.
    expect(printed.rules['invalid-effect']).toBe('error');
    expect(printed.rules['passrole-missing-service-condition']).toBe('warning');
  });

  it('says when the file is ignored, and --kind wins over the configured kind', () => {
    tmp.write('ramlint.config.jsonc', '{"kind": "bucket", "ignores": ["generated/"]}');
    const ignored = JSON.parse(run(['--print-config', 'generated/x.json']).stdout);
    expect(ignored.ignored).toBe('ramlint.config.jsonc ("generated/")');
    expect(ignored.kind).toBe('bucket');
    expect(JSON.parse(run(['--print-config', 'generated/x.json', '--kind', 'trust']).stdout).kind).toBe('trust');
  });

  it('without any config: no config files, kinds detected, defaults', () => {
    const printed = JSON.parse(run(['--print-config', 'p.json']).stdout);
    expect(printed).toMatchObject({ file: 'p.json', configFiles: [], kind: 'detected from the content', ignored: false, waivers: [] });
    expect(printed.rules['admin-access']).toBe('error');
  });
});

describe('overrides, kinds and ignores', () => {
  beforeEach(() => {
    tmp.write(
      'ramlint.config.jsonc',
      `{
  "rules": { "trust-external-principal": ["warn", { "trustedAccounts": ["1234567890123456"] }] },
  "overrides": [
    { "files": ["legacy/**/*.json"], "excludedFiles": ["legacy/keep/*.json"], "rules": { "invalid-action-format": "off" } },
    { "files": "roles/*.json", "kind": "trust", "rules": { "trust-external-principal": "error" } }
  ],
  "ignores": ["generated/", "*.draft.json"]
}`,
    );
    tmp.write('legacy/old.json', BAD);
    tmp.write('legacy/keep/strict.json', BAD);
    tmp.write('roles/partner.json', TRUST);
    tmp.write('other/partner.json', TRUST);
    tmp.write('generated/out.json', BAD);
    tmp.write('generated/deep/out.json', BAD);
    tmp.write('wip.draft.json', BAD);
  });

  it('a directory run applies overrides and per-glob kinds, and skips ignored files silently', () => {
    const r = run(['--format', 'json', '.']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(findings(r.stdout, tmp.dir)).toEqual([
      'legacy/keep/strict.json 6:18 invalid-action-format',
      'other/partner.json 4:75 trust-external-principal',
      'roles/partner.json 4:75 trust-external-principal',
    ]);
    const report = JSON.parse(r.stdout) as { filePath: string; kind: string; messages: { severity: string }[] }[];
    const byFile = Object.fromEntries(report.map((x) => [path.relative(tmp.dir, x.filePath), x]));
    expect(Object.keys(byFile).sort()).toEqual(['legacy/keep/strict.json', 'legacy/old.json', 'other/partner.json', 'roles/partner.json']);
    expect(byFile['roles/partner.json']?.messages[0]?.severity).toBe('error');
    expect(byFile['other/partner.json']?.messages[0]?.severity).toBe('warning');
  });

  it('the kind of an override is the kind the file is linted as', () => {
    const trustLike = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*", "Principal": {"RAM": "acs:ram::1234567890123456:root"}}]}';
    tmp.write('roles/odd.json', trustLike);
    tmp.write('other/odd.json', trustLike);
    const report = JSON.parse(run(['--format', 'json', 'roles/odd.json', 'other/odd.json']).stdout) as { kind: string }[];
    expect(report.map((x) => x.kind)).toEqual(['trust', 'resource']);
  });

  it('ignored files named on the command line are passed over with a note, exit 0', () => {
    const r = run(['generated/out.json', 'wip.draft.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'ramlint: generated/out.json: ignored by ramlint.config.jsonc ("generated/"); use --no-ignore to lint it\n' +
        'ramlint: wip.draft.json: ignored by ramlint.config.jsonc ("*.draft.json"); use --no-ignore to lint it\n',
    );
  });

  it('a mix of ignored and linted files named on the command line lints the others', () => {
    const r = run(['--format', 'json', 'generated/deep/out.json', 'legacy/keep/strict.json']);
    expect(r.code).toBe(1);
    expect(findings(r.stdout, tmp.dir)).toEqual(['legacy/keep/strict.json 6:18 invalid-action-format']);
    expect(r.stderr).toBe('ramlint: generated/deep/out.json: ignored by ramlint.config.jsonc ("generated/"); use --no-ignore to lint it\n');
  });

  it('--no-ignore lints ignored files', () => {
    const r = run(['--no-ignore', '--format', 'json', 'generated', 'wip.draft.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(findings(r.stdout, tmp.dir)).toEqual(['generated/out.json 6:18 invalid-action-format', 'generated/deep/out.json 6:18 invalid-action-format', 'wip.draft.json 6:18 invalid-action-format']);
  });
});

describe('the catalogue block', () => {
  const POLICY = `{
  "Version": "1",
  "Statement": [
    {"Effect": "Allow", "Action": ["oss:GetObjet", "mysvc:DoThing", "ecs:DescribeInstancez"], "Resource": "acs:oss:*:*:b/*"}
  ]
}
`;

  it('without it, misspelt and unknown actions are reported', () => {
    tmp.write('p.json', POLICY);
    const r = run(['p.json', '--format', 'compact']);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/\[unknown-action\]/g)?.length).toBe(3);
  });

  it('accepts the actions it names and leaves the services it ignores alone', () => {
    tmp.write('ramlint.config.jsonc', '{ "catalogue": { "actions": ["oss:GetObjet", "mysvc:*"], "ignoreServices": ["ecs"] } }');
    tmp.write('p.json', POLICY);
    const r = run(['p.json', '--format', 'compact']);
    expect(r.stdout).not.toContain('unknown-action');
    expect(r.code).toBe(0);
  });
});
