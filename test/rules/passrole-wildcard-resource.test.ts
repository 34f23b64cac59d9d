import rule from '../../src/rules/passrole-wildcard-resource';
import { GENERATED_HOST, runRule, testRule } from '../helpers/rule-tester';

/** One Allow statement with the given Action, Resource and optional Condition, on one line each. */
const policy = (action: string, resource: string, condition = '') =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ${action},
      "Resource": ${resource}${condition ? `,\n      "Condition": ${condition}` : ''}
    }
  ]
}`;

const serviceCondition = '{"StringEquals": {"acs:Service": "di.dataworks.aliyuncs.com"}}';

testRule(rule, {
  valid: [
    { name: 'NotResource "*" leaves out every role: PassRole grants nothing', code: policy('"ram:PassRole"', '"*"').replace('"Resource"', '"NotResource"') },
    { name: 'an endpoint policy grants nothing: PassRole on * there passes no role', kind: 'endpoint', kindGivenBy: 'host', code: policy('"ram:PassRole"', '"*"') },
    { name: 'one named role (seed 000)', code: policy('"ram:PassRole"', '"acs:ram::<account-id>:role/<role-name>"') },
    { name: 'one named role with masked account (seed 001 Template 2)', code: policy('"ram:PassRole"', '"acs:ram::19122324****:role/BigDataOssRole"', serviceCondition) },
    { name: 'ram:ListRoles on * (seed 000)', code: policy('["ram:ListRoles"]', '"*"') },
    { name: 'Deny is never a grant', code: policy('"ram:PassRole"', '"*"').replace('"Allow"', '"Deny"') },
    { name: 'other ram actions on every role', code: policy('"ram:GetRole"', '"acs:ram:*:*:role/*"') },
    { name: 'PassRole on a non-role resource', code: policy('"ram:PassRole"', '"acs:ram:*:123456:user/*"') },
    { name: 'NotAction that excludes PassRole', code: policy('"ram:*"', '"*"').replace('"Action"', '"NotAction"') },
    { name: 'wildcard that cannot match PassRole', code: policy('"ram:Get*"', '"*"') },
    { name: 'regression: a named role with any account is one role (Alibaba\'s service policies)', code: policy('"ram:PassRole"', '"acs:ram:*:*:role/AliyunDataWorksDIRole"', serviceCondition) },
    { name: 'a named role with a wildcard account and no condition', code: policy('"ram:PassRole"', '"acs:ram::*:role/Admin"') },
    { name: 'a bare template expression is not a wildcard', code: policy('"ram:PassRole"', '"${var.role_arn}"') },
    // Placeholders are one unknown value each: a `?` or `:` inside `${...}` is template syntax, not ARN syntax.
    { name: 'regression: a ternary role name is one (unknown) role, not a name prefix', code: policy('"ram:PassRole"', '"acs:ram::123456789012:role/${var.admin ? var.a : var.b}"', serviceCondition) },
    { name: 'a placeholder service may not be ram: nothing to judge', code: policy('"ram:PassRole"', '"acs:${var.service}:*:*:role/*"', serviceCondition) },
    { name: 'a region-scoped ARN reaches no role: RAM ARNs have an empty region', code: policy('"*"', '"acs:*:cn-hangzhou:*:*"') },
    { name: 'a region prefix cannot be empty either', code: policy('"ram:PassRole"', '"acs:ram:cn-*:*:role/*"') },
  ],
  invalid: [
    {
      // The Resource is known to match every role; a Condition the host file computes may limit the services, not the roles.
      name: 'PassRole on * under a Condition the host file computes is still every role',
      code: policy('"ram:PassRole"', '"*"', '"${var.condition}"'),
      host: GENERATED_HOST,
      errors: [{ messageId: 'wildcard', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', path: 'Statement[0].Resource', severity: 'error' }],
    },
    {
      name: 'PassRole on *',
      code: policy('"ram:PassRole"', '"*"'),
      errors: [{ messageId: 'wildcard', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', path: 'Statement[0].Resource', severity: 'error', suggestions: [{ desc: 'Name the one role that is passed (replace <account-id> and <role-name>).', output: policy('"ram:PassRole"', '"acs:ram::<account-id>:role/<role-name>"') }] }],
    },
    {
      name: 'PassRole on every role of one account',
      code: policy('"ram:PassRole"', '"acs:ram::123456789012:role/*"'),
      errors: [{ messageId: 'wildcard', line: 7, column: 19, endLine: 7, endColumn: 49, text: '"acs:ram::123456789012:role/*"' }],
    },
    {
      name: 'PassRole on every role of every account',
      code: policy('"ram:PassRole"', '["acs:ram:*:*:role/*"]'),
      errors: [{ messageId: 'wildcard', line: 7, column: 20, endLine: 7, endColumn: 40, text: '"acs:ram:*:*:role/*"', path: 'Statement[0].Resource[0]' }],
    },
    {
      name: 'a placeholder region may be empty: still every role',
      code: policy('"ram:PassRole"', '"acs:ram:${var.region}:1:role/*"'),
      errors: [{ messageId: 'wildcard', line: 7, column: 19, endLine: 7, endColumn: 51, text: '"acs:ram:${var.region}:1:role/*"' }],
    },
    {
      name: 'a role name prefix',
      code: policy('"ram:PassRole"', '"acs:ram::123456789012:role/dataworks-*"'),
      errors: [{ messageId: 'wildcard', line: 7, column: 19, endLine: 7, endColumn: 59, text: '"acs:ram::123456789012:role/dataworks-*"' }],
    },
    {
      name: 'granted through ram:*, ram:Pass* and ram:P?ssRole',
      code: policy('["ram:*", "ram:Pass*", "ram:P?ssRole"]', '"*"'),
      errors: [{ messageId: 'wildcard', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"' }],
    },
    {
      name: 'actions compare case-insensitively',
      code: policy('"RAM:passrole"', '"*"'),
      errors: [{ messageId: 'wildcard', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"' }],
    },
    {
      name: 'granted through NotAction that does not exclude it',
      code: policy('["oss:*"]', '"acs:ram::123456789012:role/*"').replace('"Action"', '"NotAction"'),
      errors: [{ messageId: 'wildcard', line: 7, column: 19, endLine: 7, endColumn: 49, text: '"acs:ram::123456789012:role/*"' }],
    },
    {
      name: 'Template 1: acs:Service pinned, so a warning (seed 001)',
      code: policy('"ram:PassRole"', '"*"', serviceCondition),
      errors: [{ messageId: 'wildcardServiceScoped', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', severity: 'warning' }],
    },
    {
      name: 'a StringLike "*" pins nothing, so still an error',
      code: policy('"ram:PassRole"', '"*"', '{"StringLike": {"acs:Service": "*"}}'),
      errors: [{ messageId: 'wildcard', line: 7, column: 19, endLine: 7, endColumn: 22, text: '"*"', severity: 'error' }],
    },
    {
      name: 'NotResource matches every role it does not list',
      code: policy('"ram:PassRole"', '"acs:ram::123456789012:role/Admin"').replace('"Resource"', '"NotResource"'),
      errors: [{ messageId: 'notResource', line: 7, column: 7, endLine: 7, endColumn: 20, text: '"NotResource"', path: 'Statement[0].NotResource' }],
    },
    {
      name: 'regression: a ROS account placeholder with colons is one account (${ALIYUN::AccountId})',
      code: policy('"ram:PassRole"', '"acs:ram::${ALIYUN::AccountId}:role/*"'),
      errors: [{ messageId: 'wildcard', line: 7, column: 19, endLine: 7, endColumn: 57, text: '"acs:ram::${ALIYUN::AccountId}:role/*"', path: 'Statement[0].Resource', severity: 'error' }],
    },
    {
      name: 'regression: a Terraform ternary account is one account',
      code: policy('"ram:PassRole"', '"acs:ram::${var.flag ? var.a : var.b}:role/*"'),
      errors: [{ messageId: 'wildcard', line: 7, column: 19, endLine: 7, endColumn: 64, text: '"acs:ram::${var.flag ? var.a : var.b}:role/*"', severity: 'error' }],
    },
    {
      name: 'a role name prefix that opens with a placeholder',
      code: policy('"ram:PassRole"', '"acs:ram::123456789012:role/${var.env}-*"'),
      errors: [{ messageId: 'wildcard', line: 7, column: 19, endLine: 7, endColumn: 60, text: '"acs:ram::123456789012:role/${var.env}-*"' }],
    },
  ],
});

describe('passrole-wildcard-resource messages around placeholders', () => {
  const messages = (resource: string) => runRule(rule, { name: 'm', code: policy('"ram:PassRole"', resource) }).messages.map((m) => m.message);

  it('quotes the whole resource and names the prefix before the wildcard, placeholder included', () => {
    expect(messages('"acs:ram::${ALIYUN::AccountId}:role/*"')).toEqual([expect.stringContaining('"acs:ram::${ALIYUN::AccountId}:role/*", which matches every role in the account;')]);
    expect(messages('"acs:ram::123456789012:role/${var.env}-*"')).toEqual([expect.stringContaining('every role whose name starts with "${var.env}-" in the account')]);
  });
});
