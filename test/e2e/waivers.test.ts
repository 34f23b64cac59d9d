/**
 * Waivers through the CLI: inline directives in .jsonc files (a reason is
 * mandatory), configuration waivers (active, expired, by statement), the
 * reasons visible under suppressedMessages in --format json, and
 * --report-unused-waivers.
 */
import { findings, ramlint, scratch } from '../helpers/cli';

/** Two statements, each with one invalid-action-format error. */
const POLICY = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ecs"],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": ["ram"],
      "Resource": "*"
    }
  ]
}
`;

const DIRECTIVES = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      // ramlint-disable-next-line invalid-action-format -- the legacy deployer adds the action name; OPS-7
      "Action": ["ecs"],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": ["ram"], // ramlint-disable-line invalid-action-format
      "Resource": "*"
    }
  ]
}
`;

interface Report {
  filePath: string;
  messages: { ruleId: string; line: number; message: string; severity: string }[];
  suppressedMessages: { ruleId: string; line: number; path: string; suppressed: { kind: string; reason: string; source?: string } }[];
  errorCount: number;
  warningCount: number;
}

let tmp: ReturnType<typeof scratch>;
beforeEach(() => {
  tmp = scratch();
  tmp.write('.git/HEAD', 'ref: refs/heads/main\n');
});
afterEach(() => tmp.cleanup());

const run = (args: string[]) => ramlint(args, { cwd: tmp.dir });

describe('inline directives', () => {
  it('with a reason suppress; without one they are reported and suppress nothing', () => {
    tmp.write('p.jsonc', DIRECTIVES);
    const stylish = run(['p.jsonc']);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain('12:18  error    Action "ram" is not in the form');
    expect(stylish.stdout).toContain('12:26  warning  This waiver of invalid-action-format has no reason, so it waives nothing');
    expect(stylish.stdout).not.toContain('Action "ecs"');
    expect(stylish.stdout).toContain('1 problem suppressed by waivers, directives or the baseline.');

    const json = run(['--format', 'json', 'p.jsonc']);
    expect(json.code).toBe(1);
    expect(findings(json.stdout, tmp.dir)).toEqual(['p.jsonc 12:18 invalid-action-format', 'p.jsonc 12:26 invalid-waiver']);
    const [report] = JSON.parse(json.stdout) as Report[];
    expect(report?.suppressedMessages).toMatchObject([
      {
        ruleId: 'invalid-action-format',
        line: 7,
        path: 'Statement[0].Action[0]',
        suppressed: { kind: 'directive', reason: 'the legacy deployer adds the action name; OPS-7', source: 'line 6' },
      },
    ]);
    expect([report?.errorCount, report?.warningCount]).toEqual([1, 1]);
  });

  it('all findings waived with reasons: exit 0', () => {
    tmp.write('p.jsonc', DIRECTIVES.replace('// ramlint-disable-line invalid-action-format', '// ramlint-disable-line invalid-action-format -- same deployer'));
    const r = run(['p.jsonc']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 problems suppressed by waivers, directives or the baseline.');
  });

  it('--no-inline-config: directives waive nothing and are not checked; configuration waivers still apply', () => {
    tmp.write('p.jsonc', DIRECTIVES);
    const json = run(['--no-inline-config', '--format', 'json', 'p.jsonc']);
    expect(json.code).toBe(1);
    expect(findings(json.stdout, tmp.dir)).toEqual(['p.jsonc 7:18 invalid-action-format', 'p.jsonc 12:18 invalid-action-format']);
    expect((JSON.parse(json.stdout) as Report[])[0]?.suppressedMessages).toEqual([]);
    tmp.write('.ramlintrc.json', JSON.stringify({ waivers: [{ rule: 'invalid-action-format', files: ['p.jsonc'], reason: 'legacy deployer; OPS-7' }] }));
    const waived = run(['--no-inline-config', 'p.jsonc']);
    expect(waived.code).toBe(0);
    expect(waived.stdout).toContain('2 problems suppressed by waivers, directives or the baseline.');
  });
});

describe('configuration waivers', () => {
  const config = (waivers: object[]) => tmp.write('ramlint.config.jsonc', JSON.stringify({ waivers }, null, 2));

  it('an active waiver suppresses, with its reason and where it is declared in the json report', () => {
    config([{ rule: 'invalid-action-format', files: 'policies/*.json', reason: 'migration to the new deployer; SEC-9', expires: '2999-12-31', owner: 'platform' }]);
    tmp.write('policies/p.json', POLICY);
    tmp.write('other/p.json', POLICY);
    const r = run(['--format', 'json', 'policies/p.json', 'other/p.json']);
    expect(r.code).toBe(1);
    expect(findings(r.stdout, tmp.dir)).toEqual(['other/p.json 6:18 invalid-action-format', 'other/p.json 11:18 invalid-action-format']);
    const [waived] = JSON.parse(r.stdout) as Report[];
    expect(waived?.messages).toEqual([]);
    expect(waived?.suppressedMessages.map((m) => [m.path, m.suppressed])).toEqual([
      ['Statement[0].Action[0]', { kind: 'waiver', reason: 'migration to the new deployer; SEC-9', source: 'ramlint.config.jsonc: waivers[0]' }],
      ['Statement[1].Action[0]', { kind: 'waiver', reason: 'migration to the new deployer; SEC-9', source: 'ramlint.config.jsonc: waivers[0]' }],
    ]);
    expect(run(['policies/p.json']).code).toBe(0);
  });

  it('a waiver for one statement, by index or by Sid', () => {
    config([{ rule: 'invalid-action-format', files: 'p.json', statement: 1, reason: 'RAM admin tooling' }]);
    tmp.write('p.json', POLICY);
    expect(findings(run(['--format', 'json', 'p.json']).stdout, tmp.dir)).toEqual(['p.json 6:18 invalid-action-format']);
    config([{ rule: 'invalid-action-format', files: 'p.json', statement: 'Ecs', reason: 'ECS tooling' }]);
    tmp.write('p.json', POLICY.replace('"Effect": "Allow",\n      "Action": ["ecs"]', '"Sid": "Ecs",\n      "Effect": "Allow",\n      "Action": ["ecs"]'));
    const r = run(['--format', 'json', 'p.json']);
    expect(findings(r.stdout, tmp.dir).filter((f) => f.endsWith('invalid-action-format'))).toEqual(['p.json 12:18 invalid-action-format']);
  });

  it('an expired waiver stops suppressing: exit 1 and the finding says it expired', () => {
    config([{ rule: 'invalid-action-format', files: 'p.json', statement: 0, reason: 'until the migration', expires: '2000-01-31' }]);
    tmp.write('p.json', POLICY);
    const r = run(['p.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /6:18 +error +Action "ecs" is not in the form <service>:<action>, for example "oss:GetObject" or "ecs:Describe\*"\. \(The waiver in ramlint\.config\.jsonc: waivers\[0\] expired on 2000-01-31: until the migration\)/,
    );
    expect(r.stdout).not.toContain('suppressed');
    const [report] = JSON.parse(run(['--format', 'json', 'p.json']).stdout) as Report[];
    expect(report?.suppressedMessages).toEqual([]);
    expect(report?.messages[0]?.message).toMatch(/\(The waiver in ramlint\.config\.jsonc: waivers\[0\] expired on 2000-01-31: until the migration\)$/);
  });
});

describe('--report-unused-waivers', () => {
  it('reports configuration waivers and inline directives that matched nothing, and waivers that cover no linted file', () => {
    tmp.write(
      'ramlint.config.jsonc',
      JSON.stringify({
        waivers: [
          { rule: 'invalid-action-format', files: 'p.json', reason: 'used' },
          { rule: 'admin-access', files: 'p.json', reason: 'unused: nothing to waive' },
          { rule: 'admin-access', files: 'elsewhere/*.json', reason: 'covers no linted file' },
        ],
      }),
    );
    tmp.write('p.json', POLICY);
    tmp.write('q.jsonc', DIRECTIVES.replace('// ramlint-disable-line invalid-action-format', '// ramlint-disable-line admin-access -- stale'));

    const plain = run(['p.json', 'q.jsonc']);
    expect(plain.stderr).toBe('');

    const r = run(['--report-unused-waivers', '--format', 'json', 'p.json', 'q.jsonc']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'ramlint: warning: the waiver in ramlint.config.jsonc: waivers[1] (rule admin-access) matched no finding in the files it covers; check its rule, statement and path, or remove it if the risk is gone\n' +
        'ramlint: warning: the waiver in ramlint.config.jsonc: waivers[2] (rule admin-access) covers no file linted in this run; check its files globs (relative to the config file\'s directory)\n',
    );
    expect(findings(r.stdout, tmp.dir)).toEqual(['q.jsonc 12:18 invalid-action-format', 'q.jsonc 12:26 invalid-waiver']);
    const [, q] = JSON.parse(r.stdout) as Report[];
    expect(q?.messages[1]?.message).toBe('This waiver of admin-access matched no finding on line 12; remove it.');
  });

  it('an unused configuration waiver counts as a warning for --max-warnings', () => {
    tmp.write('ramlint.config.jsonc', JSON.stringify({ waivers: [{ rule: 'admin-access', files: 'p.json', reason: 'unused' }] }));
    tmp.write('p.json', '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]}');
    expect(run(['--report-unused-waivers', 'p.json']).code).toBe(0);
    expect(run(['--report-unused-waivers', '--max-warnings', '0', 'p.json']).code).toBe(1);
  });
});

describe('inline directives in host files', () => {
  it('a Terraform comment waives the finding on the next line; a ROS YAML one without a reason is reported', () => {
    tmp.write(
      'main.tf',
      [
        'resource "alicloud_oss_bucket" "site" {',
        '  bucket = "site"',
        '  # ramlint-disable-next-line oss-public-acl -- static website; SEC-9',
        '  acl    = "public-read"',
        '}',
        '',
      ].join('\n'),
    );
    tmp.write(
      't.yaml',
      ["ROSTemplateFormatVersion: '2015-09-01'", 'Resources:', '  Site:', '    Type: ALIYUN::OSS::Bucket', '    Properties:', '      AccessControl: public-read # ramlint-disable-line oss-public-acl', ''].join('\n'),
    );
    const r = run(['--format', 'json', 'main.tf', 't.yaml']);
    expect(r.code).toBe(0);
    expect(findings(r.stdout, tmp.dir)).toEqual(['t.yaml 6:22 oss-public-acl', 't.yaml 6:34 invalid-waiver']);
    const [tf] = JSON.parse(r.stdout) as Report[];
    expect(tf?.suppressedMessages).toMatchObject([{ ruleId: 'oss-public-acl', line: 4, suppressed: { kind: 'directive', reason: 'static website; SEC-9', source: 'line 3' } }]);
  });
});
