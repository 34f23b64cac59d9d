/**
 * The per-file pipeline with a processor: documents found in a host file are
 * linted unchanged, and every finding, fix and host note comes back at the
 * host file's positions, labelled with its document.
 */
import { lintFileText, type FileSettings } from '../../src/api/lint-file';
import { builtinRules } from '../../src/rules';
import type { Processor } from '../../src/processors/types';
import { toyHost } from '../helpers/toy-processor';
import { terraformProcessor } from '../../src/processors/terraform';
import { builtinProcessors } from '../../src/processors';
import { defineRule, type Rule } from '../../src/engine/rule';
import { adminWith, DISGUISED } from '../processors/helpers';

const HOST = [
  '# toy',
  'etl = {"Version": "1", "Statement": [{"Effect": "allow", "Action": "*", "Resource": "*"}]}',
  '!unknown',
  'trust = {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}}]}',
  '',
].join('\n');

function settings(overrides: Partial<FileSettings> = {}): FileSettings {
  return { rules: builtinRules, processors: [toyHost], fix: false, explicit: false, policiesOnly: false, ...overrides };
}

describe('a host file read by a processor', () => {
  it('gets one result with every document\'s findings at host positions, its notes, and its documents listed', async () => {
    const result = await lintFileText('/p/main.toy', HOST, settings());
    expect(result?.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn, m.document ?? null])).toEqual([
      ['invalid-effect', 'error', 2, 49, 2, 56, 'toy.etl'],
      ['unresolved-value', 'info', 3, 1, 3, 9, null],
    ]);
    expect(result?.documents).toEqual([
      { label: 'toy.etl', kind: 'permission', kindSource: 'detected' },
      { label: 'toy.trust', kind: 'trust', kindSource: 'host' },
    ]);
    expect([result?.errorCount, result?.warningCount, result?.infoCount]).toEqual([1, 0, 1]);
  });

  it('a fix is written into the host text, and its range is on the host', async () => {
    const result = await lintFileText('/p/main.toy', HOST, settings({ fix: () => true }));
    expect(result?.output).toBe(HOST.replace('"allow"', '"Allow"'));
    const before = await lintFileText('/p/main.toy', HOST, settings());
    expect(before?.messages[0]?.fix?.[0]?.range).toEqual({ line: 2, column: 49, endLine: 2, endColumn: 56 });
  });

  it('is passed over by a walk when the processor does not recognise it, and read as JSON when named', async () => {
    expect(await lintFileText('/p/other.toy', 'not toy at all', settings())).toBeUndefined();
    const named = await lintFileText('/p/other.toy', 'not toy at all', settings({ explicit: true }));
    expect(named?.messages.map((m) => m.ruleId)).toEqual(['invalid-json']);
  });

  it('a processor that throws is an invalid-host-file error, never a crash or a pass', async () => {
    const broken: Processor = { ...toyHost, preprocess: async () => Promise.reject(new Error('grammar not loaded')) };
    const result = await lintFileText('/p/main.toy', HOST, settings({ processors: [broken] }));
    expect(result?.messages.map((m) => [m.ruleId, m.severity, m.message])).toEqual([
      ['invalid-host-file', 'error', 'The toy processor failed on this file, so it was not checked: grammar not loaded'],
    ]);
  });
});

describe('where a document\'s kind came from', () => {
  // The shape of KICS' oss_bucket_ip_restriction_disabled positive1.tf: a bucket's policy attribute without a Principal.
  const TF = [
    'resource "alicloud_oss_bucket" "b" {',
    '  bucket = "b"',
    '  policy = <<POLICY',
    '  {"Statement": [{"Action": ["oss:GetObject"], "Effect": "Allow", "Resource": ["acs:oss:*:*:b/*"]}], "Version": "1"}',
    '  POLICY',
    '}',
    '',
  ].join('\n');

  it('regression: a kind the Terraform attribute states is reported as the host\'s, not as --kind or the configuration', async () => {
    const result = await lintFileText('/p/main.tf', TF, settings({ processors: [terraformProcessor] }));
    const found = result?.messages.filter((m) => m.ruleId === 'missing-principal').map((m) => [m.messageId, m.line, m.column, m.endLine, m.endColumn, m.document]);
    expect(found).toEqual([['missingHostKind', 4, 18, 4, 19, 'alicloud_oss_bucket.b.policy']]);
    expect(result?.documents).toEqual([{ label: 'alicloud_oss_bucket.b.policy', kind: 'bucket', kindSource: 'host' }]);
  });

  it('a kind from the settings on a document the host does not type is the setting\'s', async () => {
    const host = ['# toy', 'etl = {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole"}]}', ''].join('\n');
    const result = await lintFileText('/p/main.toy', host, settings({ kind: 'trust' }));
    expect(result?.messages.filter((m) => m.ruleId === 'missing-principal').map((m) => [m.messageId, m.line, m.column])).toEqual([['missingGivenKind', 2, 38]]);
  });
});

describe('a named file too deep to parse', () => {
  it('without "Statement", nested 200,000 levels: the depth finding, not a stack overflow', async () => {
    const text = `{"x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const result = await lintFileText('/p/deep.json', text, settings({ explicit: true }));
    expect(result?.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['invalid-json', 1, 106]]);
  });
});

describe('a policy that looks like a host file is linted as a policy', () => {
  const all = (overrides: Partial<FileSettings> = {}) => settings({ processors: builtinProcessors, ...overrides });

  it.each(DISGUISED)('looking like %s: admin-access, in a walk and when named', async (_what, text) => {
    for (const explicit of [false, true]) {
      const result = await lintFileText('/p/admin.json', text, all({ explicit }));
      expect(result?.messages.filter((m) => m.ruleId === 'admin-access').map((m) => [m.line, m.column, m.document ?? ''])).toEqual([[1, 56, '']]);
      expect(result?.documents).toEqual([{ label: '', kind: 'permission', kindSource: 'detected' }]);
    }
  });

  it('a .tf.json file with a top-level "Statement" yields no Terraform documents, so it is linted as the policy it is', async () => {
    const result = await lintFileText('/p/admin.tf.json', adminWith(['x']), all());
    expect(result?.messages.map((m) => m.ruleId)).toContain('admin-access');
  });

  it('a real plan is still read as a plan', async () => {
    const inner = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const plan = JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: [{ address: 'alicloud_ram_policy.a', mode: 'managed', type: 'alicloud_ram_policy', values: { policy_document: inner } }] } } });
    const result = await lintFileText('/p/plan.json', plan, all());
    expect(result?.messages.filter((m) => m.ruleId === 'admin-access').map((m) => m.document)).toEqual(['alicloud_ram_policy.a.policy_document']);
  });
});

describe('a host document with a very large number of findings', () => {
  // Fifteen rules that each report every statement: 150,000 findings from one heredoc, far past
  // what push(...messages) can pass as arguments.
  const rules = new Map<string, Rule>();
  for (let r = 0; r < 15; r++) {
    const id = `test/every-statement-${r}`;
    rules.set(
      id,
      defineRule({
        meta: { id, category: 'correctness', defaultSeverity: 'warning', description: 'Test rule.', fixable: 'none', messages: { found: 'Found.' } },
        check(context) {
          for (const st of context.policy.statements) if (st.effect) context.report({ messageId: 'found', node: st.effect.valueNode });
        },
      }) as Rule,
    );
  }

  it('150,000 findings in a Terraform heredoc are all reported, not a stack overflow', async () => {
    const statements = Array.from({ length: 10_000 }, () => '{"Effect":"Allow","Action":"ecs:DescribeInstances","Resource":"*"}').join(',\n');
    const tf = `resource "alicloud_ram_policy" "big" {\n  policy_name     = "big"\n  policy_document = <<EOF\n{"Version":"1","Statement":[\n${statements}\n]}\nEOF\n}\n`;
    const result = await lintFileText('/p/main.tf', tf, settings({ rules, processors: [terraformProcessor] }));
    expect(result?.messages.filter((m) => m.ruleId === 'invalid-host-file')).toEqual([]);
    expect(result?.messages).toHaveLength(150_000);
    expect(result?.warningCount).toBe(150_000);
    expect(result?.messages[0]).toMatchObject({ line: 5, column: 11, document: 'alicloud_ram_policy.big.policy_document' });
  });
});

describe('host resources beside the documents of a host file', () => {
  const tf = [
    'resource "alicloud_ram_policy" "all" {',
    '  policy_name     = "all"',
    '  policy_document = <<EOF',
    '{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    'EOF',
    '}',
    'resource "alicloud_oss_bucket" "site" {',
    '  acl = "public-read-write"',
    '}',
    'resource "alicloud_ram_role_policy_attachment" "admin" {',
    '  role_name   = "ops"',
    '  policy_name = "AdministratorAccess"',
    '  policy_type = "System"',
    '}',
    '',
  ].join('\n');

  it('are judged with the document findings, in one result sorted by position, counted once each', async () => {
    const result = await lintFileText('/p/main.tf', tf, settings({ processors: builtinProcessors }));
    expect(result?.messages.map((m) => [m.ruleId, m.line, m.column, m.document])).toEqual([
      ['admin-access', 4, 56, 'alicloud_ram_policy.all.policy_document'],
      ['oss-public-acl', 8, 9, 'alicloud_oss_bucket.site'],
      ['admin-policy-attachment', 12, 17, 'alicloud_ram_role_policy_attachment.admin'],
    ]);
    expect([result?.errorCount, result?.warningCount]).toEqual([3, 0]);
    // The documents list stays the policies' own: a resource is no document.
    expect(result?.documents?.map((d) => d.label)).toEqual(['alicloud_ram_policy.all.policy_document']);
  });

  it('follow the configured severities and the configuration waivers of the file', async () => {
    const waivers = [{ id: 'cfg: waivers[0]', rule: 'oss-public-acl', path: 'alicloud_oss_bucket.site', reason: 'a public mirror' }];
    const result = await lintFileText('/p/main.tf', tf, settings({ processors: builtinProcessors, settings: { 'admin-policy-attachment': { severity: 'warning' } }, waivers }));
    expect(result?.messages.map((m) => [m.ruleId, m.severity])).toEqual([
      ['admin-access', 'error'],
      ['admin-policy-attachment', 'warning'],
    ]);
    expect(result?.suppressedMessages.map((m) => m.ruleId)).toEqual(['oss-public-acl']);
    expect(result?.waiversMatched).toEqual(['cfg: waivers[0]']);
  });
});
