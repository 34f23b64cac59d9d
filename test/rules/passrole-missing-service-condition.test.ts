import rule from '../../src/rules/passrole-missing-service-condition';
import { GENERATED_HOST, testRule } from '../helpers/rule-tester';
import { policy, allow, deny, action, notAction, resource, notResource, condition } from '../helpers/statement';

const role = '"acs:ram::123456789012:role/BigDataOssRole"';
const pinned = condition('{"StringEquals": {"acs:Service": "di.dataworks.aliyuncs.com"}}');

testRule(rule, {
  valid: [
    { name: 'NotResource "*" leaves out every role: PassRole grants nothing', code: policy(allow, action('"ram:PassRole"'), notResource('"*"')) },
    { name: 'an endpoint policy grants nothing: PassRole there passes no role', kind: 'endpoint', kindGivenBy: 'host', code: policy(allow, action('"ram:PassRole"'), resource(role)) },
    { name: 'acs:Service pinned by StringEquals', code: policy(allow, action('"ram:PassRole"'), resource(role), pinned) },
    {
      name: 'acs:Service pinned by StringEqualsIgnoreCase',
      code: policy(allow, action('"ram:PassRole"'), resource(role), condition('{"StringEqualsIgnoreCase": {"acs:Service": "FC.aliyuncs.com"}}')),
    },
    {
      name: 'acs:Service pinned by StringLike with literal values',
      code: policy(allow, action('"ram:PassRole"'), resource(role), condition('{"StringLike": {"acs:Service": ["fc.aliyuncs.com", "ecs.aliyuncs.com"]}}')),
    },
    {
      name: 'a pinning clause AND-ed with a StringLike "*" still pins',
      code: policy(
        allow,
        action('"ram:PassRole"'),
        resource(role),
        condition('{"StringEquals": {"acs:Service": "fc.aliyuncs.com"}, "StringLike": {"acs:Service": "*"}}'),
      ),
    },
    { name: 'pinned, with wildcard resource (left to passrole-wildcard-resource)', code: policy(allow, action('"ram:PassRole"'), resource('"*"'), pinned) },
    { name: 'pinned, granted through ram:*', code: policy(allow, action('"ram:*"'), resource(role), pinned) },
    { name: 'pinned, granted through NotAction', code: policy(allow, notAction('["oss:*"]'), resource(role), pinned) },
    { name: 'Deny is never a grant', code: policy(deny, action('"ram:PassRole"'), resource('"*"')) },
    { name: 'Deny through ram:* is never a grant', code: policy(deny, action('"ram:*"'), resource('"*"')) },
    { name: 'ram:ListRoles on *', code: policy(allow, action('"ram:ListRoles"'), resource('"*"')) },
    { name: 'a wildcard that cannot match PassRole', code: policy(allow, action('["ram:Get*", "ram:List*"]'), resource('"*"')) },
    { name: 'a ? wildcard that cannot match PassRole', code: policy(allow, action('"ram:P?ssRol"'), resource('"*"')) },
    { name: 'NotAction that excludes PassRole by name', code: policy(allow, notAction('["ram:PassRole"]'), resource('"*"')) },
    { name: 'NotAction that excludes PassRole through ram:Pass*', code: policy(allow, notAction('["ram:Pass*", "ecs:*"]'), resource('"*"')) },
    { name: 'NotAction "*" excludes everything', code: policy(allow, notAction('"*"'), resource('"*"')) },
    {
      name: 'ram:* on OSS resources only cannot pass a role',
      code: policy(allow, action('["ram:*", "oss:GetObject"]'), resource('["acs:oss:*:*:mybucket", "acs:oss:*:*:mybucket/*"]')),
    },
    { name: 'PassRole on RAM users only cannot pass a role', code: policy(allow, action('"ram:PassRole"'), resource('"acs:ram:*:123456789012:user/*"')) },
    {
      name: 'a statement with a Principal (trust or bucket policy) is not checked',
      kind: 'trust',
      code: policy(allow, '"Principal": {"RAM": ["acs:ram::123456789012:root"]}', action('"ram:PassRole"'), resource('"*"')),
    },
    // A Condition the host file computes (Condition = var.cond, Fn::If) may pin acs:Service: not "without a condition".
    { name: 'a Condition the host file computes may pin acs:Service', code: policy(allow, action('"ram:PassRole"'), resource(role), condition('"${var.condition}"')), host: GENERATED_HOST },
    {
      name: 'an operator map the host file computes may pin acs:Service',
      code: policy(allow, action('"ram:PassRole"'), resource(role), condition('{"StringEquals": "${jsonencode(var.pins)}"}')),
      host: GENERATED_HOST,
    },
    {
      name: 'an operator map the host computes, AND-ed with StringLike "*", may still pin',
      code: policy(allow, action('"ram:PassRole"'), resource(role), condition('{"StringLike": {"acs:Service": "*"}, "StringEquals": "${var.pins}"}')),
      host: GENERATED_HOST,
    },
  ],
  invalid: [
    {
      name: 'a Condition that is "${...}" in a bare file is a string, which pins nothing',
      code: policy(allow, action('"ram:PassRole"'), resource(role), condition('"${var.condition}"')),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:PassRole"', path: 'Statement[0].Action' }],
    },
    {
      name: 'in a host file, a Condition that is only known keys still lacks acs:Service',
      code: policy(allow, action('"ram:PassRole"'), resource(role), condition('{"StringEquals": {"acs:SourceVpc": "${var.vpc}"}}')),
      host: GENERATED_HOST,
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:PassRole"', path: 'Statement[0].Action' }],
    },
    {
      name: 'PassRole on one named role without a condition',
      code: policy(allow, action('"ram:PassRole"'), resource(role)),
      errors: [
        { messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:PassRole"', path: 'Statement[0].Action', severity: 'warning' },
      ],
    },
    {
      name: 'PassRole in an Action array',
      code: policy(allow, action('["ram:GetRole", "ram:PassRole"]'), resource(role)),
      errors: [
        {
          messageId: 'missing',
          line: 6,
          column: 33,
          endLine: 6,
          endColumn: 47,
          text: '"ram:PassRole"',
          path: 'Statement[0].Action[1]',
          severity: 'warning',
          suggestions: [
            {
              desc: 'Add "Condition": {"StringEquals": {"acs:Service": "<service>.aliyuncs.com"}} and name the service that receives the role.',
              output: policy(allow, action('["ram:GetRole", "ram:PassRole"]'), resource(role), '"Condition": {"StringEquals": {"acs:Service": "<service>.aliyuncs.com"}}'),
            },
          ],
        },
      ],
    },
    {
      name: 'granted through ram:*',
      code: policy(allow, action('"ram:*"'), resource('"*"')),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 24, text: '"ram:*"', severity: 'warning' }],
    },
    {
      name: 'granted through ram:Pass*',
      code: policy(allow, action('["ram:Get*", "ram:Pass*"]'), resource(role)),
      errors: [{ messageId: 'missing', line: 6, column: 30, endLine: 6, endColumn: 41, text: '"ram:Pass*"', path: 'Statement[0].Action[1]', severity: 'warning' }],
    },
    {
      name: 'granted through ram:P?ssRole',
      code: policy(allow, action('"ram:P?ssRole"'), resource(role)),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:P?ssRole"', severity: 'warning' }],
    },
    {
      name: 'granted through the full wildcard *',
      code: policy(allow, action('"*"'), resource(role)),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 20, text: '"*"', severity: 'warning' }],
    },
    {
      name: 'the first entry that covers PassRole is reported',
      code: policy(allow, action('["ecs:*", "ram:Pass*", "ram:PassRole"]'), resource(role)),
      errors: [{ messageId: 'missing', line: 6, column: 27, endLine: 6, endColumn: 38, text: '"ram:Pass*"', path: 'Statement[0].Action[1]', severity: 'warning' }],
    },
    {
      name: 'actions compare case-insensitively',
      code: policy(allow, action('"RAM:passrole"'), resource(role)),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"RAM:passrole"', severity: 'warning' }],
    },
    {
      name: 'granted through NotAction that does not exclude it',
      code: policy(allow, notAction('["oss:*", "ram:Get*"]'), resource('"*"')),
      errors: [{ messageId: 'missing', line: 6, column: 7, endLine: 6, endColumn: 18, text: '"NotAction"', path: 'Statement[0].NotAction', severity: 'warning' }],
    },
    {
      name: 'StringLike "*" pins nothing',
      code: policy(allow, action('"ram:PassRole"'), resource(role), condition('{"StringLike": {"acs:Service": "*"}}')),
      errors: [
        {
          messageId: 'wildcardValue',
          line: 8,
          column: 51,
          endLine: 8,
          endColumn: 54,
          text: '"*"',
          path: 'Statement[0].Condition.StringLike["acs:Service"]',
          severity: 'warning',
        },
      ],
    },
    {
      name: 'StringLike with one wildcard value among literals pins nothing',
      code: policy(allow, action('"ram:PassRole"'), resource(role), condition('{"StringLike": {"acs:Service": ["fc.aliyuncs.com", "*.aliyuncs.com"]}}')),
      errors: [
        {
          messageId: 'wildcardValue',
          line: 8,
          column: 71,
          endLine: 8,
          endColumn: 87,
          text: '"*.aliyuncs.com"',
          path: 'Statement[0].Condition.StringLike["acs:Service"][1]',
          severity: 'warning',
        },
      ],
    },
    {
      name: 'StringNotEquals does not pin acs:Service',
      code: policy(allow, action('"ram:PassRole"'), resource(role), condition('{"StringNotEquals": {"acs:Service": "ecs.aliyuncs.com"}}')),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:PassRole"', severity: 'warning' }],
    },
    {
      name: 'a condition on another key does not pin acs:Service',
      code: policy(allow, action('"ram:PassRole"'), resource(role), condition('{"IpAddress": {"acs:SourceIp": "192.0.2.0/24"}}')),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:PassRole"', severity: 'warning' }],
    },
    {
      name: 'an empty acs:Service value pins nothing',
      code: policy(allow, action('"ram:PassRole"'), resource(role), condition('{"StringEquals": {"acs:Service": ""}}')),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:PassRole"', severity: 'warning' }],
    },
    {
      name: 'one Resource that may name a role is enough',
      code: policy(allow, action('"ram:*"'), resource('["acs:oss:*:*:mybucket/*", "acs:ram::123456789012:role/etl"]')),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 24, text: '"ram:*"', severity: 'warning' }],
    },
    {
      name: 'a masked account id still names a role',
      code: policy(allow, action('"ram:PassRole"'), resource('"acs:ram::19122324****:role/BigDataOssRole"')),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:PassRole"', severity: 'warning' }],
    },
    {
      name: 'a template expression may name a role once resolved',
      code: policy(allow, action('"ram:PassRole"'), resource('"${var.role_arn}"')),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:PassRole"', severity: 'warning' }],
    },
    {
      name: 'NotResource may name a role',
      code: policy(allow, action('"ram:PassRole"'), notResource('"acs:oss:*:*:*"')),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:PassRole"', severity: 'warning' }],
    },
    {
      name: 'only the Allow statement is reported',
      code: {
        Version: '1',
        Statement: [
          { Effect: 'Deny', Action: 'ram:PassRole', Resource: 'acs:ram::123456789012:role/admin' },
          { Effect: 'Allow', Action: ['ecs:RunInstances', 'ram:PassRole'], Resource: '*' },
        ],
      },
      errors: [{ messageId: 'missing', line: 13, column: 9, endLine: 13, endColumn: 23, text: '"ram:PassRole"', path: 'Statement[1].Action[1]', severity: 'warning' }],
    },
    {
      name: 'Statement written as one object',
      code: '{"Version": "1", "Statement": {"Effect": "Allow", "Action": "ram:PassRole", "Resource": "*"}}',
      errors: [{ messageId: 'missing', line: 1, column: 61, endLine: 1, endColumn: 75, text: '"ram:PassRole"', path: 'Statement.Action', severity: 'warning' }],
    },
    {
      name: 'kind given explicitly as permission',
      kind: 'permission',
      code: policy(allow, action('"ram:PassRole"'), resource(role)),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:PassRole"', severity: 'warning' }],
    },
    {
      name: 'regression: a ROS account placeholder with colons (${ALIYUN::AccountId}) still names roles',
      code: policy(allow, action('"ram:PassRole"'), resource('"acs:ram::${ALIYUN::AccountId}:role/*"')),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:PassRole"', path: 'Statement[0].Action', severity: 'warning' }],
    },
    {
      name: 'regression: a Terraform ternary account still names roles',
      code: policy(allow, action('"ram:PassRole"'), resource('"acs:ram::${var.flag ? var.a : var.b}:role/*"')),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:PassRole"', severity: 'warning' }],
    },
    {
      name: 'a ternary role name is one role, passed to any service',
      code: policy(allow, action('"ram:PassRole"'), resource('"acs:ram::123456789012:role/${var.admin ? var.a : var.b}"')),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:PassRole"', severity: 'warning' }],
    },
    {
      name: 'a placeholder resource type may be role',
      code: policy(allow, action('"ram:PassRole"'), resource('"acs:ram::123456789012:${var.kind}/etl"')),
      errors: [{ messageId: 'missing', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"ram:PassRole"', severity: 'warning' }],
    },
  ],
});
