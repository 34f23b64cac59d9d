/**
 * Inline waivers in host files, end to end through the file layer: a
 * directive in a Terraform or ROS YAML comment waives the findings reported
 * (after mapping back) on its target host line, documents' and host
 * resources' alike; bad directives are invalid-waiver problems at the comment;
 * --report-unused-waivers reports those that matched nothing.
 */
import { lintFileText, type FileSettings } from '../../src/api/lint-file';
import type { LintMessage } from '../../src/engine/types';
import { builtinProcessors } from '../../src/processors';
import { builtinRules } from '../../src/rules';

const settings = (extra: Partial<FileSettings> = {}): FileSettings => ({ rules: builtinRules, processors: builtinProcessors, fix: false, explicit: true, policiesOnly: false, ...extra });
const at = (m: LintMessage) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`;

const TF = [
  'resource "alicloud_ram_role_policy_attachment" "admin" {', // 1
  '  role_name   = "ops"', // 2
  '  # ramlint-disable-next-line admin-policy-attachment -- break-glass role; SEC-7', // 3
  '  policy_name = "AdministratorAccess"', // 4
  '  policy_type = "System"', // 5
  '}', // 6
  'resource "alicloud_ram_policy" "p" {', // 7
  '  policy_name     = "p"', // 8
  '  policy_document = jsonencode({', // 9
  '    Version = "1"', // 10
  '    Statement = [{', // 11
  '      Effect   = "Allow"', // 12
  '      // ramlint-disable-next-line invalid-action-format -- legacy deployer; OPS-7', // 13
  '      Action   = ["ecs"]', // 14
  '      Resource = "*" /* ramlint-disable-line invalid-action-format */', // 15
  '    }]', // 16
  '  })', // 17
  '}', // 18
  'resource "alicloud_ram_policy" "h" {', // 19
  '  policy_name     = "h"', // 20
  '  # ramlint-disable-next-line invalid-action-format -- waives line 22 only', // 21
  '  policy_document = <<EOF', // 22
  '  {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss", "Resource": "*"}]}', // 23
  '  EOF', // 24
  '}', // 25
  '',
].join('\n');

describe('directives in a Terraform file', () => {
  it('waive document and host-resource findings on their host lines, with exact ranges and reasons', async () => {
    const result = await lintFileText('main.tf', TF, settings());
    expect(result?.suppressedMessages.map((m) => [at(m), m.suppressed])).toEqual([
      // The documents' findings first, then the host resources'.
      ['invalid-action-format 14:19-14:24', { kind: 'directive', reason: 'legacy deployer; OPS-7', source: 'line 13' }],
      ['admin-policy-attachment 4:17-4:38', { kind: 'directive', reason: 'break-glass role; SEC-7', source: 'line 3' }],
    ]);
    expect(result?.messages.map((m) => `${at(m)} ${m.ruleId === 'invalid-waiver' ? m.message : ''}`.trim())).toEqual([
      'invalid-waiver 15:22-15:70 This waiver of invalid-action-format has no reason, so it waives nothing; add "-- " and why the risk is accepted.',
      // Inside the heredoc, the finding is on line 23: the directive above the attribute does not reach it.
      'invalid-action-format 23:64-23:69',
    ]);
  });

  it('report unknown rules with a guess, and with --report-unused-waivers the directive that matched nothing', async () => {
    const text = TF.replace('-- break-glass role; SEC-7', '-- x').replace('disable-next-line invalid-action-format -- legacy', 'disable-next-line invalid-action-formats -- legacy');
    const result = await lintFileText('main.tf', text, settings({ reportUnusedWaivers: true }));
    expect(result?.messages.filter((m) => m.ruleId === 'invalid-waiver').map((m) => `${at(m)} ${m.message}`)).toEqual([
      'invalid-waiver 13:7-13:84 This waiver names unknown rule "invalid-action-formats" (did you mean "invalid-action-format"?); it waives nothing.',
      'invalid-waiver 15:22-15:70 This waiver of invalid-action-format has no reason, so it waives nothing; add "-- " and why the risk is accepted.',
      'invalid-waiver 21:3-21:75 This waiver of invalid-action-format matched no finding on line 22; remove it.',
    ]);
    expect(result?.messages.map(at)).toContain('invalid-action-format 14:19-14:24');
    expect(result?.suppressedMessages.map(at)).toEqual(['admin-policy-attachment 4:17-4:38']);
  });

  it('with allowInlineConfig false waive nothing and are not checked', async () => {
    const result = await lintFileText('main.tf', TF, settings({ allowInlineConfig: false, reportUnusedWaivers: true }));
    expect(result?.suppressedMessages).toEqual([]);
    expect(result?.messages.map(at)).toEqual(['admin-policy-attachment 4:17-4:38', 'invalid-action-format 14:19-14:24', 'invalid-action-format 23:64-23:69']);
  });

  it('come before configuration waivers, as in .jsonc', async () => {
    const waivers = [{ id: 'cfg: waivers[0]', rule: 'invalid-action-format', reason: 'config' }];
    const result = await lintFileText('main.tf', TF, settings({ waivers }));
    expect(result?.suppressedMessages.map((m) => `${at(m)} ${m.suppressed?.kind}`)).toEqual([
      'invalid-action-format 14:19-14:24 directive',
      'invalid-action-format 23:64-23:69 waiver',
      'admin-policy-attachment 4:17-4:38 directive',
    ]);
  });
});

const YAML = [
  "ROSTemplateFormatVersion: '2015-09-01'", // 1
  'Resources:', // 2
  '  Site:', // 3
  '    Type: ALIYUN::OSS::Bucket', // 4
  '    Properties:', // 5
  '      BucketName: site', // 6
  '      # ramlint-disable-next-line oss-public-acl -- static website; SEC-9', // 7
  '      AccessControl: public-read', // 8
  '  Pol:', // 9
  '    Type: ALIYUN::RAM::ManagedPolicy', // 10
  '    Properties:', // 11
  '      PolicyName: p', // 12
  '      PolicyDocument:', // 13
  "        Version: '1'", // 14
  '        Statement:', // 15
  '          - Effect: Allow', // 16
  '            Action: ecs  # ramlint-disable-line invalid-action-format -- legacy', // 17
  "            Resource: '*'  # ramlint-disable-line invalid-action-format", // 18
  '',
].join('\n');

describe('directives in a ROS YAML template', () => {
  it('waive resource and document findings; a bad one is reported at the comment', async () => {
    const result = await lintFileText('t.yaml', YAML, settings());
    expect(result?.suppressedMessages.map((m) => [at(m), m.suppressed])).toEqual([
      ['invalid-action-format 17:21-17:24', { kind: 'directive', reason: 'legacy', source: 'line 17' }],
      ['oss-public-acl 8:22-8:33', { kind: 'directive', reason: 'static website; SEC-9', source: 'line 7' }],
    ]);
    expect(result?.messages.map(at)).toEqual(['invalid-waiver 18:28-18:72']);
  });

  it('are not read in a JSON template', async () => {
    const json = '{"ROSTemplateFormatVersion": "2015-09-01", "Resources": {"Site": {"Type": "ALIYUN::OSS::Bucket", "Properties": {"AccessControl": "public-read"}}}}';
    const result = await lintFileText('t.json', json, settings());
    expect(result?.messages.map((m) => m.ruleId)).toEqual(['oss-public-acl']);
  });
});
