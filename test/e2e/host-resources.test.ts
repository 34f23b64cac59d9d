/**
 * Findings about host resources (policy attachments, bucket ACLs) through the
 * CLI, as any other finding: in every report format with the host position,
 * the resource label and the host path; configured off or down; waived in the
 * configuration by path; the exit code.
 */
import { ramlint } from '../helpers/cli';
import { project } from './support';

const MAIN_TF = `resource "alicloud_ram_role_policy_attachment" "admin" {
  role_name   = "ops"
  policy_name = "AdministratorAccess"
  policy_type = "System"
}

resource "alicloud_oss_bucket" "site" {
  bucket = "example-site"
  acl    = "public-read"
}
`;

const TEMPLATE = `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Site:
    Type: ALIYUN::OSS::Bucket
    Properties:
      AccessControl: public-read-write
`;

const s = project({ 'infra/main.tf': MAIN_TF, 'infra/template.yaml': TEMPLATE });
afterAll(() => s.cleanup());
const run = (args: string[]) => ramlint(args, { cwd: s.dir });
const FILES = ['infra/main.tf', 'infra/template.yaml'];

describe('findings about host resources', () => {
  it('stylish: at the value, with the resource, and exit code 1', () => {
    const r = run(FILES);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('  3:17  error    System policy "AdministratorAccess" is attached to RAM role "ops": it allows every action on every resource');
    expect(r.stdout).toContain('(in alicloud_ram_role_policy_attachment.admin)  admin-policy-attachment\n');
    expect(r.stdout).toContain('  9:12  warning  Bucket ACL "public-read" on bucket "example-site" lets anyone on the internet read every object in it');
    expect(r.stdout).toContain('  6:22  error  Bucket ACL "public-read-write" on the bucket of Resources.Site');
    expect(r.stdout).toContain('✖ 3 problems (2 errors, 1 warning, 0 info)');
  });

  it('json: rule, position, document and host path', () => {
    const out = JSON.parse(run([...FILES, '--format', 'json']).stdout) as Array<{ messages: Array<Record<string, unknown>> }>;
    expect(out.flatMap((f) => f.messages).map((m) => [m.ruleId, m.messageId, m.line, m.column, m.endLine, m.endColumn, m.document, m.path])).toEqual([
      ['admin-policy-attachment', 'administrator', 3, 17, 3, 38, 'alicloud_ram_role_policy_attachment.admin', 'alicloud_ram_role_policy_attachment.admin.policy_name'],
      ['oss-public-acl', 'publicRead', 9, 12, 9, 25, 'alicloud_oss_bucket.site', 'alicloud_oss_bucket.site.acl'],
      ['oss-public-acl', 'publicReadWrite', 6, 22, 6, 39, 'Resources.Site', 'Resources.Site.Properties.AccessControl'],
    ]);
  });

  it('sarif: the rule described, the region, and the resource as a logical location', () => {
    const log = JSON.parse(run([...FILES, '--format', 'sarif']).stdout);
    const rules = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(rules).toEqual(expect.arrayContaining(['admin-policy-attachment', 'oss-public-acl']));
    const [first] = log.runs[0].results;
    expect(first.ruleId).toBe('admin-policy-attachment');
    expect(first.level).toBe('error');
    expect(first.locations[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 17, endLine: 3, endColumn: 38 });
    expect(first.locations[0].logicalLocations).toEqual([
      { fullyQualifiedName: 'alicloud_ram_role_policy_attachment.admin', kind: 'resource' },
      { fullyQualifiedName: 'alicloud_ram_role_policy_attachment.admin.policy_name', kind: 'value' },
    ]);
  });

  it.each([
    ['github', '::error file=infra/main.tf,line=3,col=17,endLine=3,endColumn=38,title=ramlint%3A admin-policy-attachment::System policy "AdministratorAccess"'],
    ['compact', 'infra/main.tf:3:17: error System policy "AdministratorAccess"'],
    ['checkstyle', '<error line="3" column="17" severity="error" message="System policy &quot;AdministratorAccess&quot;'],
    ['junit', 'admin-policy-attachment'],
    ['gitlab', '"check_name": "admin-policy-attachment"'],
  ])('%s: the finding is there', (format, expected) => {
    const r = run([...FILES, '--format', format]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(expected);
    expect(r.stdout).toContain('oss-public-acl');
  });

  it('is turned off or down by the configuration, as any rule', () => {
    const c = project({ 'main.tf': MAIN_TF, 'ramlint.config.jsonc': '{"rules": {"admin-policy-attachment": "off", "oss-public-acl": "info"}}\n' });
    try {
      const out = JSON.parse(ramlint(['main.tf', '--format', 'json'], { cwd: c.dir }).stdout);
      expect(out[0].messages.map((m: { ruleId: string; severity: string }) => [m.ruleId, m.severity])).toEqual([['oss-public-acl', 'info']]);
    } finally {
      c.cleanup();
    }
  });

  it('is waived in the configuration by its host path, and the waiver is listed', () => {
    const waivers = [{ rule: 'admin-policy-attachment', files: ['main.tf'], path: 'alicloud_ram_role_policy_attachment.admin', reason: 'break-glass administrators; SEC-9' }];
    const c = project({ 'main.tf': MAIN_TF, 'ramlint.config.jsonc': JSON.stringify({ waivers }) });
    try {
      const r = ramlint(['main.tf', '--format', 'json', '--report-unused-waivers'], { cwd: c.dir });
      const [file] = JSON.parse(r.stdout);
      expect(file.messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['oss-public-acl']);
      expect(file.suppressedMessages.map((m: { ruleId: string; suppressed: unknown }) => [m.ruleId, m.suppressed])).toEqual([
        ['admin-policy-attachment', { kind: 'waiver', reason: 'break-glass administrators; SEC-9', source: 'ramlint.config.jsonc: waivers[0]' }],
      ]);
      expect(r.stderr).toBe('');
    } finally {
      c.cleanup();
    }
  });
});
