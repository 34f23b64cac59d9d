import rule from '../../src/rules/allow-with-not-element';
import { testRule } from '../helpers/rule-tester';
import { policy, allow, deny, action, notAction, resource, notResource, principal } from '../helpers/statement';

testRule(rule, {
  valid: [
    { name: 'Allow with Action and Resource', code: policy(allow, action('["ecs:DescribeInstances"]'), resource('"*"')) },
    { name: 'Deny with NotAction', code: policy(deny, notAction('["oss:GetObject"]'), resource('"acs:oss:*:*:mybucket/*"')) },
    { name: 'Deny with NotResource', code: policy(deny, action('"oss:*"'), notResource('["acs:oss:*:*:mybucket", "acs:oss:*:*:mybucket/*"]')) },
    {
      name: 'Deny with NotAction and NotResource',
      code: policy(deny, notAction('"ecs:Describe*"'), notResource('"acs:ecs:*:*:instance/i-001"')),
    },
    { name: 'an endpoint policy with Action and Resource', kind: 'endpoint', kindGivenBy: 'host', code: policy(allow, principal('"*"'), action('"oss:GetObject"'), resource('"acs:oss:*:*:mybucket/*"')) },
    { name: 'a control policy: Allow with NotAction bounds what others grant, it grants nothing', kind: 'control', kindGivenBy: 'host', code: policy(allow, notAction('"ram:*"'), resource('"*"')) },
    { name: 'a session policy: Allow with NotResource', kind: 'session', kindGivenBy: 'host', code: policy(allow, action('"oss:*"'), notResource('"acs:oss:*:*:secret/*"')) },
    { name: 'Allow in a trust policy without Not elements', code: policy(allow, action('"sts:AssumeRole"'), '"Principal": {"Service": "ecs.aliyuncs.com"}') },
  ],
  invalid: [
    {
      name: 'Allow with NotAction',
      code: policy(allow, notAction('["ram:*", "ims:*"]'), resource('"*"')),
      errors: [{ messageId: 'notAction', line: 6, column: 7, endLine: 6, endColumn: 18, text: '"NotAction"', path: 'Statement[0].NotAction', severity: 'warning' }],
    },
    {
      name: 'Allow with NotAction as a string',
      code: policy(allow, notAction('"ram:*"'), resource('"acs:oss:*:*:mybucket/*"')),
      errors: [{ messageId: 'notAction', line: 6, column: 7, endLine: 6, endColumn: 18, text: '"NotAction"', severity: 'warning' }],
    },
    {
      name: 'Allow with NotResource',
      code: policy(allow, action('"oss:GetObject"'), notResource('"acs:oss:*:*:secret-bucket/*"')),
      errors: [
        { messageId: 'notResource', line: 7, column: 7, endLine: 7, endColumn: 20, text: '"NotResource"', path: 'Statement[0].NotResource', severity: 'warning' },
      ],
    },
    {
      name: 'Allow with both NotAction and NotResource',
      code: policy(allow, notAction('"ram:*"'), notResource('["acs:ram:*:*:*"]')),
      errors: [
        { messageId: 'notAction', line: 6, column: 7, endLine: 6, endColumn: 18, text: '"NotAction"', path: 'Statement[0].NotAction', severity: 'warning' },
        { messageId: 'notResource', line: 7, column: 7, endLine: 7, endColumn: 20, text: '"NotResource"', path: 'Statement[0].NotResource', severity: 'warning' },
      ],
    },
    {
      name: 'NotResource "*" leaves out every resource: the statement grants nothing, said at the entry',
      code: policy(allow, action('"ims:*"'), notResource('"*"')),
      errors: [{ messageId: 'notResourceEverything', line: 7, column: 22, endLine: 7, endColumn: 25, text: '"*"', path: 'Statement[0].NotResource', severity: 'warning' }],
    },
    {
      name: 'NotResource acs:*:*:*:* in a list',
      code: policy(allow, action('"oss:GetObject"'), notResource('["acs:oss:*:*:b/*", "acs:*:*:*:*"]')),
      errors: [{ messageId: 'notResourceEverything', line: 7, column: 42, endLine: 7, endColumn: 55, text: '"acs:*:*:*:*"', path: 'Statement[0].NotResource[1]', severity: 'warning' }],
    },
    {
      name: 'NotAction "*" leaves out every action, whatever NotResource says',
      code: policy(allow, notAction('["*"]'), notResource('"*"')),
      errors: [{ messageId: 'notActionEverything', line: 6, column: 21, endLine: 6, endColumn: 24, text: '"*"', path: 'Statement[0].NotAction[0]', severity: 'warning' }],
    },
    {
      name: 'NotAction "*:*" leaves out every action too, as admin-access reads "*:*" under Action',
      code: policy(allow, notAction('"*:*"'), resource('"*"')),
      errors: [{ messageId: 'notActionEverything', line: 6, column: 20, endLine: 6, endColumn: 25, text: '"*:*"', path: 'Statement[0].NotAction', severity: 'warning' }],
    },
    {
      name: 'NotAction in a trust policy',
      code: policy(allow, notAction('"ram:*"'), '"Principal": {"RAM": "acs:ram::123456789012:root"}'),
      errors: [{ messageId: 'notAction', line: 6, column: 7, endLine: 6, endColumn: 18, text: '"NotAction"', severity: 'warning' }],
    },
    {
      name: 'NotResource in an OSS bucket policy',
      code: policy(allow, action('["oss:GetObject"]'), '"Principal": ["1234567890123456"]', notResource('"acs:oss:*:*:examplebucket/private/*"')),
      errors: [{ messageId: 'notResource', line: 8, column: 7, endLine: 8, endColumn: 20, text: '"NotResource"', path: 'Statement[0].NotResource', severity: 'warning' }],
    },
    {
      name: 'only the Allow statement is reported',
      code: {
        Version: '1',
        Statement: [
          { Effect: 'Deny', NotAction: 'oss:GetObject', Resource: '*' },
          { Effect: 'Allow', NotAction: 'ram:*', Resource: '*' },
        ],
      },
      errors: [{ messageId: 'notAction', line: 11, column: 7, endLine: 11, endColumn: 18, text: '"NotAction"', path: 'Statement[1].NotAction', severity: 'warning' }],
    },
    {
      name: 'an endpoint policy: what NotAction and NotResource let through the endpoint, not what they grant',
      kind: 'endpoint',
      kindGivenBy: 'host',
      code: policy(allow, principal('"*"'), notAction('"oss:DeleteBucket"'), notResource('"acs:oss:*:*:secret/*"')),
      errors: [
        { messageId: 'endpointNotAction', line: 7, column: 7, endLine: 7, endColumn: 18, text: '"NotAction"', path: 'Statement[0].NotAction', severity: 'warning' },
        { messageId: 'endpointNotResource', line: 8, column: 7, endLine: 8, endColumn: 20, text: '"NotResource"', path: 'Statement[0].NotResource', severity: 'warning' },
      ],
    },
    {
      name: 'unchanged: the same statement in a resource policy of no given kind grants',
      code: policy(allow, principal('"*"'), notAction('"oss:DeleteBucket"'), notResource('"acs:oss:*:*:secret/*"')),
      errors: [
        { messageId: 'notAction', line: 7, column: 7, endLine: 7, endColumn: 18, text: '"NotAction"', path: 'Statement[0].NotAction', severity: 'warning' },
        { messageId: 'notResource', line: 8, column: 7, endLine: 8, endColumn: 20, text: '"NotResource"', path: 'Statement[0].NotResource', severity: 'warning' },
      ],
    },
    {
      name: 'Statement written as one object',
      code: '{"Version": "1", "Statement": {"Effect": "Allow", "Action": "*", "NotResource": "acs:ram:*:*:*"}}',
      errors: [{ messageId: 'notResource', line: 1, column: 66, endLine: 1, endColumn: 79, text: '"NotResource"', path: 'Statement.NotResource', severity: 'warning' }],
    },
  ],
});
