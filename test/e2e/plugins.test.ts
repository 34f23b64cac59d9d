/**
 * Third-party rules through --plugin (fixtures/plugins): rule ids
 * `<plugin>/<rule>`, loading by path and by package name, a rule that throws
 * (an internal-error finding for that file, the other findings kept, never a
 * silent pass), and a clear exit 2 for a plugin that is missing or invalid.
 *
 * --plugin is given after the paths: as parsed today it takes a list, and
 * would take paths that follow it for more plugins.
 */
import * as path from 'node:path';
import { ramlint } from '../helpers/cli';
import { ACME, ADMIN, adminLine, BROKEN, CLEAN, lines, listing, NOT_A_PLUGIN, project, STACK_FRAME } from './support';

const ACME_POLICY = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ram:CreateUser", "ram:GetUser", "ram:Update*"],
      "Resource": "acs:ram:*:123456789012:user/deploy-bot"
    },
    {
      "Effect": "Allow",
      "Action": ["ram:DeleteUser", "ram:*"],
      "Resource": "acs:ram:*:123456789012:user/deploy-bot",
      "Condition": {"Bool": {"acs:MFAPresent": "true"}}
    },
    {
      "Effect": "Deny",
      "Action": "ram:Delete*",
      "Resource": "*",
      "Condition": {"Bool": {"acs:MFAPresent": "false"}}
    },
    {
      "Effect": "Allow",
      "Action": ["ecs:*", "ecs:DescribeInstances", "ram:List*"],
      "Resource": "*"
    }
  ]
}
`;

/** Only the acme/no-ecs-wildcard warning; every statement has a Condition. */
const ECS_POLICY = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ecs:*",
      "Resource": "acs:ecs:*:123456789012:instance/*",
      "Condition": {"IpAddress": {"acs:SourceIp": "192.0.2.0/24"}}
    }
  ]
}
`;

const s = project({
  'policies/acme.json': ACME_POLICY,
  'policies/admin.json': ADMIN,
  'policies/clean.json': CLEAN,
  'policies/ecs.json': ECS_POLICY,
  // Installed as a package, so that --plugin acme finds it.
  'node_modules/ramlint-plugin-acme/package.json': '{"name": "ramlint-plugin-acme", "version": "1.0.0", "main": "index.js"}\n',
  'node_modules/ramlint-plugin-acme/index.js': `module.exports = require(${JSON.stringify(ACME)});\n`,
  'plugins/bad-meta.js': `module.exports = { rules: { 'no-foo': {
    meta: { category: 'security', defaultSeverity: 'fatal', description: 'Disallow foo.', messages: { foo: 'Foo.' } },
    check() {},
  } } };\n`,
  'plugins/throws-on-load.js': "throw new Error('the acme license server is unreachable');\n",
});
const before = listing(s.dir);
afterAll(() => s.cleanup());
const run = (...args: string[]) => ramlint(args, { cwd: s.dir });

const mfaLine = (file: string, line: number, column: number, action: string) =>
  `${file}:${line}:${column}: error "${action}" changes RAM users, groups, roles or policies but is allowed without MFA; add "Condition": {"Bool": {"acs:MFAPresent": "true"}} to the statement. [acme/require-mfa-for-ram-writes]`;
const ecsLine = (file: string, line: number, column: number) =>
  `${file}:${line}:${column}: warning "ecs:*" allows every ECS action, DeleteInstance and DeleteDisk included; list the ECS actions the task needs. [acme/no-ecs-wildcard]`;
/** The built-in duplicate-list-entry notes on acme.json: ram:DeleteUser beside ram:*, ecs:DescribeInstances beside ecs:* (info). */
const ACME_COVERED = [
  'policies/acme.json:11:18: info Action lists "ram:DeleteUser", which "ram:*" (line 11) already covers; remove it. [duplicate-list-entry]',
  'policies/acme.json:23:27: info Action lists "ecs:DescribeInstances", which "ecs:*" (line 23) already covers; remove it. [duplicate-list-entry]',
] as const;
const INTERNAL = (file: string) =>
  `${file}:1:1: error Rule "broken/require-tag-condition" failed on this file, so the file was not fully checked: Cannot read properties of undefined (reading 'clauses') [internal-error]`;

describe('the acme plugin', () => {
  it('loaded by path: its rules report as acme/<rule> beside the built-in rules', () => {
    const r = run('policies/acme.json', 'policies/admin.json', 'policies/clean.json', '--format', 'compact', '--plugin', ACME);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(lines(r.stdout)).toEqual([
      // Without MFA: ram:CreateUser and ram:Update*; not ram:GetUser, not the statement with MFA, not the Deny.
      mfaLine('policies/acme.json', 6, 18, 'ram:CreateUser'),
      mfaLine('policies/acme.json', 6, 51, 'ram:Update*'),
      ACME_COVERED[0],
      ecsLine('policies/acme.json', 23, 18),
      ACME_COVERED[1],
      // "*" covers RAM writes too.
      mfaLine('policies/admin.json', 6, 17, '*'),
      adminLine('policies/admin.json'),
    ]);
  });

  it('loaded by package name (ramlint-plugin-acme, from the working directory): the same rule ids', () => {
    const r = run('policies/acme.json', '--format', 'json', '--plugin', 'acme');
    expect(r.code).toBe(1);
    const [entry] = JSON.parse(r.stdout) as { messages: { ruleId: string; category: string; severity: string; line: number; column: number; path: string }[] }[];
    expect(entry?.messages.map((m) => `${m.ruleId} ${m.category} ${m.severity} ${m.line}:${m.column} ${m.path}`)).toEqual([
      'acme/require-mfa-for-ram-writes security error 6:18 Statement[0].Action[0]',
      'acme/require-mfa-for-ram-writes security error 6:51 Statement[0].Action[2]',
      'duplicate-list-entry suggestion info 11:18 Statement[1].Action[0]',
      'acme/no-ecs-wildcard security warning 23:18 Statement[3].Action[0]',
      'duplicate-list-entry suggestion info 23:27 Statement[3].Action[1]',
    ]);
  });

  it('a plugin warning alone exits 0, and counts toward --max-warnings', () => {
    expect(run('policies/ecs.json', '--format', 'compact', '--plugin', ACME)).toEqual({ code: 0, stdout: `${ecsLine('policies/ecs.json', 6, 17)}\n`, stderr: '' });
    expect(run('policies/ecs.json', '--format', 'compact', '--max-warnings', '0', '--plugin', ACME).code).toBe(1);
  });
});

describe('a plugin rule that throws', () => {
  it('is an internal-error finding for each file it failed on; the other rules still report', () => {
    const r = run('policies/clean.json', 'policies/acme.json', 'policies/ecs.json', 'policies/admin.json', '--format', 'compact', '--plugin', BROKEN, '--plugin', ACME);
    // clean.json is clean for every other rule: the failure alone fails the run.
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([
      INTERNAL('policies/clean.json'),
      INTERNAL('policies/acme.json'),
      mfaLine('policies/acme.json', 6, 18, 'ram:CreateUser'),
      mfaLine('policies/acme.json', 6, 51, 'ram:Update*'),
      ACME_COVERED[0],
      ecsLine('policies/acme.json', 23, 18),
      ACME_COVERED[1],
      // Every statement of ecs.json has a Condition, so the broken rule works there.
      'policies/ecs.json:4:5: error This statement is not limited by an acs:ResourceTag condition. [broken/require-tag-condition]',
      ecsLine('policies/ecs.json', 6, 17),
      INTERNAL('policies/admin.json'),
      mfaLine('policies/admin.json', 6, 17, '*'),
      adminLine('policies/admin.json'),
    ]);
    expect(r.stderr).toBe('');
  });

  it('is reported in json as internal-error with the failing rule named', () => {
    const r = run('policies/clean.json', '--format', 'json', '--plugin', BROKEN);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({
      messages: [
        {
          ruleId: 'internal-error',
          category: 'correctness',
          severity: 'error',
          message: `Rule "broken/require-tag-condition" failed on this file, so the file was not fully checked: Cannot read properties of undefined (reading 'clauses')`,
          line: 1,
          column: 1,
          path: '',
        },
      ],
      errorCount: 1,
    });
  });
});

describe('a plugin that cannot be used: exit 2, one line on stderr, no report', () => {
  it.each<[string, string, string]>([
    ['a package that is not installed', 'nope', `ramlint: cannot find plugin "nope" (looked for "ramlint-plugin-nope" and "nope" from ${s.dir}); install it or give a path\n`],
    ['a path that does not exist', './plugins/nope.js', `ramlint: cannot load plugin "./plugins/nope.js" from ${path.join(s.dir, 'plugins', 'nope.js')}: the file does not exist\n`],
    ['a module without "rules"', NOT_A_PLUGIN, `ramlint: plugin "${NOT_A_PLUGIN}" (${NOT_A_PLUGIN}) must export an object with "rules"\n`],
    ['a rule with invalid metadata', './plugins/bad-meta.js', 'ramlint: plugin "bad-meta" rule "no-foo": meta.defaultSeverity must be one of error, warning, info\n'],
    [
      'a module that throws when loaded',
      './plugins/throws-on-load.js',
      `ramlint: cannot load plugin "./plugins/throws-on-load.js" from ${path.join(s.dir, 'plugins', 'throws-on-load.js')}: the acme license server is unreachable\n`,
    ],
  ])('%s', (_name, spec, stderr) => {
    const r = run('policies/clean.json', '--plugin', spec);
    expect(r).toEqual({ code: 2, stdout: '', stderr });
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('after every run above', () => {
  it('nothing was written', () => {
    expect(listing(s.dir)).toEqual(before);
  });
});
