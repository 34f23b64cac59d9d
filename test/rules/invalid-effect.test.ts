import rule from '../../src/rules/invalid-effect';
import { testRule } from '../helpers/rule-tester';

/** One statement; the Effect value sits on line 5 from column 17. */
const withEffect = (effect: string) =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": ${effect},
      "Action": "ecs:Describe*",
      "Resource": "*"
    }
  ]
}`;

testRule(rule, {
  valid: [
    { name: '"effect" in lower case is unknown-element\'s to rename, not reported as missing', code: '{\n  "Version": "1",\n  "Statement": [\n    {"effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}\n  ]\n}' },
    { name: 'a whole-value template expression', code: withEffect('"${var.effect}"') },
    { name: 'Allow', code: withEffect('"Allow"') },
    { name: 'Deny', code: withEffect('"Deny"') },
    {
      name: 'Allow and Deny in two statements',
      code: {
        Version: '1',
        Statement: [
          { Effect: 'Allow', Action: 'oss:*', Resource: 'acs:oss:*:*:mybucket/*' },
          { Effect: 'Deny', Action: 'oss:DeleteObject', Resource: 'acs:oss:*:*:mybucket/*' },
        ],
      },
    },
    { name: 'a \\u escape that spells Allow', code: withEffect('"Al\\u006cow"') },
    { name: 'a ROS Ref is left to invalid-element-type', code: withEffect('{"Ref": "StatementEffect"}') },
    { name: 'a ROS Fn::If is left to invalid-element-type', code: withEffect('{"Fn::If": ["IsProd", "Deny", "Allow"]}') },
    { name: 'a duplicate Effect whose last value is valid is left to duplicate-key', code: withEffect('"allow",\n      "Effect": "Allow"') },
    { name: 'entries that are not objects are left to invalid-statement', code: '{"Version": "1", "Statement": ["Allow ecs:*"]}' },
    { name: 'a trust policy (seed CreateRole example)', code: '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":"acs:ram::123456789012****:root"}}],"Version":"1"}' },
  ],
  invalid: [
    {
      name: 'missing',
      code: '{\n  "Version": "1",\n  "Statement": [\n    {"Action": "ecs:Describe*", "Resource": "*"}\n  ]\n}',
      errors: [{ messageId: 'missing', line: 4, column: 5, endLine: 4, endColumn: 6, text: '{', path: 'Statement[0]', severity: 'error' }],
    },
    {
      name: 'missing in the second statement of two',
      code: '{\n  "Version": "1",\n  "Statement": [\n    {"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"},\n    {"Action": "ecs:DeleteInstance", "Resource": "*"}\n  ]\n}',
      errors: [{ messageId: 'missing', line: 5, column: 5, endLine: 5, endColumn: 6, text: '{', path: 'Statement[1]' }],
    },
    {
      name: 'missing in a single-object Statement',
      code: '{\n  "Version": "1",\n  "Statement": {"Action": "ecs:Describe*", "Resource": "*"}\n}',
      errors: [{ messageId: 'missing', line: 3, column: 16, endLine: 3, endColumn: 17, text: '{', path: 'Statement' }],
    },
    {
      name: 'wrongCase: "allow" is fixed to "Allow"',
      code: withEffect('"allow"'),
      errors: [{ messageId: 'wrongCase', line: 5, column: 17, endLine: 5, endColumn: 24, text: '"allow"', path: 'Statement[0].Effect', severity: 'error' }],
      output: withEffect('"Allow"'),
    },
    {
      name: 'wrongCase: "DENY" is fixed to "Deny"',
      code: withEffect('"DENY"'),
      errors: [{ messageId: 'wrongCase', line: 5, column: 17, endLine: 5, endColumn: 23, text: '"DENY"', path: 'Statement[0].Effect' }],
      output: withEffect('"Deny"'),
    },
    {
      name: 'wrongCase: surrounding spaces are dropped by the fix',
      code: withEffect('" Allow "'),
      errors: [{ messageId: 'wrongCase', line: 5, column: 17, endLine: 5, endColumn: 26, text: '" Allow "' }],
      output: withEffect('"Allow"'),
    },
    {
      name: 'wrongCase in two statements: both are fixed at once',
      code: '{\n  "Version": "1",\n  "Statement": [\n    {"Effect": "allow", "Action": "ecs:Describe*", "Resource": "*"},\n    {"Effect": "deny", "Action": "ecs:DeleteInstance", "Resource": "*"}\n  ]\n}',
      errors: [
        { messageId: 'wrongCase', line: 4, column: 16, endLine: 4, endColumn: 23, text: '"allow"', path: 'Statement[0].Effect' },
        { messageId: 'wrongCase', line: 5, column: 16, endLine: 5, endColumn: 22, text: '"deny"', path: 'Statement[1].Effect' },
      ],
      output: '{\n  "Version": "1",\n  "Statement": [\n    {"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"},\n    {"Effect": "Deny", "Action": "ecs:DeleteInstance", "Resource": "*"}\n  ]\n}',
    },
    {
      name: 'invalid: "Permit"',
      code: withEffect('"Permit"'),
      errors: [{ messageId: 'invalid', line: 5, column: 17, endLine: 5, endColumn: 25, text: '"Permit"', path: 'Statement[0].Effect', severity: 'error' }],
    },
    {
      name: 'invalid: the empty string',
      code: withEffect('""'),
      errors: [{ messageId: 'invalid', line: 5, column: 17, endLine: 5, endColumn: 19, text: '""' }],
    },
    {
      name: 'invalid: "Allowed" is not a case variant',
      code: withEffect('"Allowed"'),
      errors: [{ messageId: 'invalid', line: 5, column: 17, endLine: 5, endColumn: 26, text: '"Allowed"' }],
    },
    {
      name: 'notString: a boolean',
      code: withEffect('true'),
      errors: [{ messageId: 'notString', line: 5, column: 17, endLine: 5, endColumn: 21, text: 'true', path: 'Statement[0].Effect', severity: 'error' }],
    },
    {
      name: 'notString: null',
      code: withEffect('null'),
      errors: [{ messageId: 'notString', line: 5, column: 17, endLine: 5, endColumn: 21, text: 'null' }],
    },
    {
      name: 'notString: an array holding "Allow"',
      code: withEffect('["Allow"]'),
      errors: [{ messageId: 'notString', line: 5, column: 17, endLine: 5, endColumn: 26, text: '["Allow"]' }],
    },
    {
      name: 'notString: an object with two keys is not a ROS function',
      code: withEffect('{"Fn::If": ["IsProd", "Deny", "Allow"], "Default": "Deny"}'),
      errors: [{ messageId: 'notString', line: 5, column: 17, endLine: 5, endColumn: 75, text: '{"Fn::If": ["IsProd", "Deny", "Allow"], "Default": "Deny"}' }],
    },
  ],
});
