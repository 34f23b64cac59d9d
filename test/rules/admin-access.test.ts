import rule from '../../src/rules/admin-access';
import { testRule } from '../helpers/rule-tester';
import { policy, allow, deny, action, notAction, resource, notResource, principal } from '../helpers/statement';
import { lint } from '../../src';
import type { Waiver } from '../../src/engine/waivers';

/** PowerUserAccess-style NotAction list. */
const powerUser = '["ram:*", "ims:*", "resourcemanager:*"]';

testRule(rule, {
  valid: [
    { name: 'NotResource "*" leaves out every resource: * grants nothing (allow-with-not-element)', code: policy(allow, action('"*"'), notResource('"*"')) },
    { name: 'NotAction "*" leaves out every action: nothing on * is granted', code: policy(allow, notAction('"*"'), resource('"*"')) },
    { name: 'every action of one service on *', code: policy(allow, action('"ecs:*"'), resource('"*"')) },
    { name: 'every action of several services on *', code: policy(allow, action('["ecs:*", "oss:*", "ram:*"]'), resource('"*"')) },
    { name: 'every action on one service\'s resources', code: policy(allow, action('"*"'), resource('"acs:ecs:*:*:*"')) },
    { name: 'every action on one bucket', code: policy(allow, action('["*"]'), resource('["acs:oss:*:*:mybucket", "acs:oss:*:*:mybucket/*"]')) },
    { name: 'Deny of everything is never a grant', code: policy(deny, action('"*"'), resource('"*"')) },
    { name: 'Deny with NotAction is never a grant', code: policy(deny, notAction(powerUser), resource('"*"')) },
    { name: 'NotAction on one bucket', code: policy(allow, notAction('"ram:*"'), resource('"acs:oss:*:*:mybucket/*"')) },
    { name: 'read-only actions on *', code: policy(allow, action('["ecs:Describe*", "oss:Get*", "oss:List*"]'), resource('"*"')) },
    {
      name: 'an endpoint policy that lets one bucket through',
      kind: 'endpoint',
      kindGivenBy: 'host',
      code: policy(allow, principal('"*"'), action('["oss:GetObject", "oss:PutObject"]'), resource('"acs:oss:*:*:mybucket/*"')),
    },
    { name: 'an endpoint policy that denies everything', kind: 'endpoint', kindGivenBy: 'host', code: policy(deny, principal('"*"'), action('"*"'), resource('"*"')) },
    {
      name: 'a trust policy names no resource: trust-policy-action reports its wildcard',
      kind: 'trust',
      code: policy(allow, '"Principal": {"RAM": ["acs:ram::123456789012:root"]}', action('"*"')),
    },
  ],
  invalid: [
    {
      name: 'regression: a stray Principal does not hide every action on every resource',
      code: policy(allow, action('"*"'), resource('"*"'), '"Principal": {"RAM": ["acs:ram::123456789012:root"]}'),
      errors: [{ messageId: 'star', line: 6, column: 17, endLine: 6, endColumn: 20, text: '"*"', path: 'Statement[0].Action', severity: 'error' }],
    },
    {
      name: 'a bucket policy that grants a principal everything',
      kind: 'bucket',
      code: policy(allow, '"Principal": ["1234567890123456"]', action('"*"'), resource('"*"')),
      errors: [{ messageId: 'star', line: 7, column: 17, endLine: 7, endColumn: 20, text: '"*"' }],
    },
    {
      name: 'a statement without a Principal in a document that also has one is checked',
      code: `{
  "Version": "1",
  "Statement": [
    {"Effect": "Allow", "Principal": {"RAM": ["acs:ram::123456789012:root"]}, "Action": "sts:AssumeRole"},
    {"Effect": "Allow", "Action": "*", "Resource": "*"}
  ]
}`,
      errors: [{ messageId: 'star', line: 5, column: 35, endLine: 5, endColumn: 38, text: '"*"', path: 'Statement[1].Action', severity: 'error' }],
    },
    {
      name: 'AdministratorAccess: "*" on "*"',
      code: policy(allow, action('"*"'), resource('"*"')),
      errors: [{ messageId: 'star', line: 6, column: 17, endLine: 6, endColumn: 20, text: '"*"', path: 'Statement[0].Action', severity: 'error' }],
    },
    {
      name: 'array forms: ["*"] on ["*"]',
      code: policy(allow, action('["*"]'), resource('["*"]')),
      errors: [{ messageId: 'star', line: 6, column: 18, endLine: 6, endColumn: 21, text: '"*"', path: 'Statement[0].Action[0]', severity: 'error' }],
    },
    {
      name: '"*" on acs:*:*:*:*',
      code: policy(allow, action('"*"'), resource('"acs:*:*:*:*"')),
      errors: [{ messageId: 'star', line: 6, column: 17, endLine: 6, endColumn: 20, text: '"*"', severity: 'error' }],
    },
    {
      name: '"*" on every resource of one account',
      code: policy(allow, action('"*"'), resource('"acs:*:*:123456789012:*"')),
      errors: [{ messageId: 'star', line: 6, column: 17, endLine: 6, endColumn: 20, text: '"*"', severity: 'error' }],
    },
    {
      name: '"*" among other actions',
      code: policy(allow, action('["ecs:*", "*"]'), resource('"*"')),
      errors: [{ messageId: 'star', line: 6, column: 27, endLine: 6, endColumn: 30, text: '"*"', path: 'Statement[0].Action[1]', severity: 'error' }],
    },
    {
      name: '"*:*" is every action too',
      code: policy(allow, action('"*:*"'), resource('"*"')),
      errors: [{ messageId: 'star', line: 6, column: 17, endLine: 6, endColumn: 22, text: '"*:*"', severity: 'error' }],
    },
    {
      name: '"*" beside a scoped resource',
      code: policy(allow, action('"*"'), resource('["acs:oss:*:*:mybucket/*", "*"]')),
      errors: [{ messageId: 'star', line: 6, column: 17, endLine: 6, endColumn: 20, text: '"*"', severity: 'error' }],
    },
    {
      name: '"*" with NotResource',
      code: policy(allow, action('"*"'), notResource('"acs:ram:*:*:*"')),
      errors: [{ messageId: 'starNotResource', line: 6, column: 17, endLine: 6, endColumn: 20, text: '"*"', path: 'Statement[0].Action', severity: 'error' }],
    },
    {
      name: 'PowerUserAccess: NotAction on "*"',
      code: policy(allow, notAction(powerUser), resource('"*"')),
      errors: [{ messageId: 'notAction', line: 6, column: 7, endLine: 6, endColumn: 18, text: '"NotAction"', path: 'Statement[0].NotAction', severity: 'error' }],
    },
    {
      name: 'NotAction on acs:*:*:*:*',
      code: policy(allow, notAction('"ram:*"'), resource('["acs:*:*:*:*"]')),
      errors: [{ messageId: 'notAction', line: 6, column: 7, endLine: 6, endColumn: 18, text: '"NotAction"', severity: 'error' }],
    },
    {
      name: 'NotAction with NotResource',
      code: policy(allow, notAction('"ram:*"'), notResource('"acs:ram:*:*:*"')),
      errors: [{ messageId: 'notActionNotResource', line: 6, column: 7, endLine: 6, endColumn: 18, text: '"NotAction"', path: 'Statement[0].NotAction', severity: 'error' }],
    },
    {
      name: 'only the Allow statement is reported',
      code: {
        Version: '1',
        Statement: [
          { Effect: 'Deny', Action: '*', Resource: '*' },
          { Effect: 'Allow', Action: '*', Resource: '*' },
        ],
      },
      errors: [{ messageId: 'star', line: 11, column: 17, endLine: 11, endColumn: 20, text: '"*"', path: 'Statement[1].Action', severity: 'error' }],
    },
    {
      name: 'Statement written as one object',
      code: '{"Version": "1", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}',
      errors: [{ messageId: 'star', line: 1, column: 61, endLine: 1, endColumn: 64, text: '"*"', path: 'Statement.Action', severity: 'error' }],
    },
    {
      name: 'the default endpoint policy, from the host attribute: the endpoint lets every request through, a warning',
      kind: 'endpoint',
      kindGivenBy: 'host',
      code: policy(allow, action('["*"]'), resource('["*"]'), principal('["*"]')),
      errors: [{ messageId: 'endpointStar', line: 6, column: 18, endLine: 6, endColumn: 21, text: '"*"', path: 'Statement[0].Action[0]', severity: 'warning' }],
    },
    {
      name: 'the default endpoint policy given by --kind endpoint',
      kind: 'endpoint',
      code: policy(allow, principal('"*"'), action('"*"'), resource('"*"')),
      errors: [{ messageId: 'endpointStar', line: 7, column: 17, endLine: 7, endColumn: 20, text: '"*"', path: 'Statement[0].Action', severity: 'warning' }],
    },
    {
      name: 'unchanged: the default endpoint policy in a file of no given kind is still full administrator access',
      code: policy(allow, action('["*"]'), resource('["*"]'), principal('["*"]')),
      errors: [{ messageId: 'star', line: 6, column: 18, endLine: 6, endColumn: 21, text: '"*"', path: 'Statement[0].Action[0]', severity: 'error' }],
    },
    {
      name: 'an endpoint policy: "*" with NotResource',
      kind: 'endpoint',
      kindGivenBy: 'host',
      code: policy(allow, principal('"*"'), action('"*"'), notResource('"acs:oss:*:*:secret/*"')),
      errors: [{ messageId: 'endpointStarNotResource', line: 7, column: 17, endLine: 7, endColumn: 20, text: '"*"', path: 'Statement[0].Action', severity: 'warning' }],
    },
    {
      name: 'an endpoint policy: NotAction on "*"',
      kind: 'endpoint',
      kindGivenBy: 'host',
      code: policy(allow, principal('"*"'), notAction('"oss:DeleteBucket"'), resource('"*"')),
      errors: [{ messageId: 'endpointNotAction', line: 7, column: 7, endLine: 7, endColumn: 18, text: '"NotAction"', path: 'Statement[0].NotAction', severity: 'warning' }],
    },
    {
      name: 'an endpoint policy: NotAction with NotResource',
      kind: 'endpoint',
      kindGivenBy: 'host',
      code: policy(allow, principal('"*"'), notAction('"oss:DeleteBucket"'), notResource('"acs:oss:*:*:secret/*"')),
      errors: [{ messageId: 'endpointNotActionNotResource', line: 7, column: 7, endLine: 7, endColumn: 18, text: '"NotAction"', path: 'Statement[0].NotAction', severity: 'warning' }],
    },
    {
      name: 'regression: every resource of a ROS account placeholder with colons (${ALIYUN::AccountId})',
      code: policy(allow, action('"*"'), resource('"acs:*:*:${ALIYUN::AccountId}:*"')),
      errors: [{ messageId: 'star', line: 6, column: 17, endLine: 6, endColumn: 20, text: '"*"', path: 'Statement[0].Action', severity: 'error' }],
    },
  ],
});

describe('what admin-access folds', () => {
  const everything = policy(allow, action('"*"'), resource('"*"'));
  const ids = (settings?: Record<string, { severity: 'error' | 'warning' | 'info' | 'off' }>, waivers?: Waiver[]) =>
    lint(everything, { settings, waivers, today: '2026-01-01' }).messages.map((m) => `${m.severity} ${m.ruleId}`);

  it('one admin-access error stands for the narrower findings of the statement', () => {
    expect(ids()).toEqual(['error admin-access']);
  });

  it('regression: admin-access set to info hides no error-level finding', () => {
    expect(ids({ 'admin-access': { severity: 'info' } })).toEqual([
      'info admin-access',
      'warning passrole-missing-service-condition',
      'error oss-overbroad-grant',
      'error passrole-wildcard-resource',
      'error ram-privilege-escalation',
    ]);
  });

  it('regression: waiving admin-access waives nothing else', () => {
    const waiver: Waiver = { id: 'ramlint.config.jsonc: waivers[0]', rule: 'admin-access', statement: 0, reason: 'break-glass administrator' };
    expect(ids(undefined, [waiver])).toEqual([
      'warning passrole-missing-service-condition',
      'error oss-overbroad-grant',
      'error passrole-wildcard-resource',
      'error ram-privilege-escalation',
    ]);
  });
});

describe('admin-access on endpoint policies', () => {
  const endpointDefault = policy(allow, action('["*"]'), resource('["*"]'), principal('["*"]'));
  const findings = (kind?: 'endpoint') => lint(endpointDefault, { kind }).messages.map((m) => `${m.severity} ${m.ruleId} ${m.messageId}: ${m.message}`);

  it('says that the endpoint lets every request through, not that anyone is an administrator, and nothing else fires', () => {
    expect(findings('endpoint')).toEqual([
      'warning admin-access endpointStar: Action "*" on Resource "*" lets every request through this VPC endpoint, as the default endpoint policy does; it grants no access (RAM and bucket policies still decide that), but limit Action and Resource to what the VPC needs, such as the OSS actions on its own buckets.',
    ]);
  });

  it('unchanged without the kind: administrator access and a public Principal, both errors', () => {
    expect(findings().map((f) => f.slice(0, f.indexOf(':')))).toEqual(['error admin-access star', 'error trust-wildcard-principal public']);
  });

  it('the grant rules that fold into admin-access find no grant in an endpoint policy, even in a statement without a Principal', () => {
    const text = policy(allow, action('["oss:*", "ram:PassRole", "ram:AttachPolicyToUser"]'), resource('"*"'));
    expect(lint(text, { kind: 'endpoint' }).messages.map((m) => m.ruleId)).toEqual([]);
    // The same statement in any other resource policy is a grant to the identity holding it.
    expect(lint(text, { kind: 'resource' }).messages.map((m) => m.ruleId)).toEqual([
      'missing-principal',
      'passrole-missing-service-condition',
      'oss-overbroad-grant',
      'passrole-wildcard-resource',
      'ram-privilege-escalation',
    ]);
  });
});

describe('admin-access on control and session policies, which only limit what others grant', () => {
  // FullAliyunAccess, the control policy Resource Directory attaches by default, with a Deny beside it.
  const fullAliyunAccess = policy(allow, action('"*"'), resource('"*"'));
  const withDeny = `{"Version": "1", "Statement": [
  {"Effect": "Allow", "Action": "*", "Resource": "*"},
  {"Effect": "Deny", "Action": ["ram:UpdateRole", "ram:DeleteRole"], "Resource": "acs:ram:*:*:role/ResourceDirectoryAccountAccessRole"}
]}`;
  const findings = (text: string, kind?: 'control' | 'session') => lint(text, { kind, kindGivenBy: 'host' }).messages.map((m) => `${m.severity} ${m.ruleId} ${m.messageId}`);

  it.each(['control', 'session'] as const)('%s: "*" on "*" draws nothing, nor do the grant rules', (kind) => {
    expect(findings(fullAliyunAccess, kind)).toEqual([]);
    expect(findings(withDeny, kind)).toEqual([]);
    expect(findings(policy(allow, action('["oss:*", "ram:PassRole", "ram:AttachPolicyToUser"]'), resource('"*"')), kind)).toEqual([]);
  });

  it('unchanged without the kind: the same text is full administrator access', () => {
    expect(findings(fullAliyunAccess)).toEqual(['error admin-access star']);
  });

  it('a control policy is still checked for what RAM would reject: a statement without Resource', () => {
    const noResource = '{"Version": "1", "Statement": [{"Effect": "Deny", "Action": "ram:DeleteRole"}]}';
    const messages = lint(noResource, { kind: 'control', kindGivenBy: 'host' }).messages;
    expect(messages.map((m) => [m.ruleId, m.messageId, m.line, m.column, m.endLine, m.endColumn])).toEqual([['missing-resource', 'missing', 1, 32, 1, 33]]);
  });
});
