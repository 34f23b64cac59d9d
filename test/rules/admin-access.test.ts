import rule from '../../src/rules/admin-access';
import { testRule } from '../helpers/rule-tester';
import { policy, allow, deny, action, notAction, resource, notResource } from '../helpers/statement';
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
