import rule from '../../src/rules/invalid-version';
import { testRule } from '../helpers/rule-tester';

/** A one-statement permission policy with the given Version value on line 2. */
const withVersion = (version: string) =>
  `{
  "Version": ${version},
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ecs:Describe*",
      "Resource": "*"
    }
  ]
}`;

const statementBlock = (indent: string, eol = '\n') =>
  [
    `${indent}"Statement": [`,
    `${indent}${indent}{`,
    `${indent}${indent}${indent}"Effect": "Allow",`,
    `${indent}${indent}${indent}"Action": "ecs:Describe*",`,
    `${indent}${indent}${indent}"Resource": "*"`,
    `${indent}${indent}}`,
    `${indent}]`,
  ].join(eol);

testRule(rule, {
  valid: [
    { name: '"version" in another case is unknown-element\'s to rename (no second Version inserted)', code: withVersion('"1"').replace('"Version"', '"version"') },
    { name: 'a whole-value template expression', code: withVersion('"${var.policy_version}"') },
    { name: 'Version "1"', code: withVersion('"1"') },
    {
      name: 'Version after Statement, as the API prints it',
      code: '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":"acs:ram::123456789012****:root"}}],"Version":"1"}',
    },
    { name: 'a ROS Ref is left to invalid-element-type', code: withVersion('{"Ref": "PolicyVersion"}') },
    { name: 'a ROS Fn::Sub is left to invalid-element-type', code: withVersion('{"Fn::Sub": "1"}') },
    { name: 'a duplicate Version whose last value is "1" is left to duplicate-key', code: withVersion('"2",\n  "Version": "1"') },
    { name: 'a document that is not an object is left to invalid-element-type', code: '[{"Version": "2"}]' },
  ],
  invalid: [
    {
      name: 'missing: on a one-line policy only the member is inserted',
      code: '{"Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"}]}',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 2, text: '{' }],
      output: '{"Version": "1", "Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"}]}',
    },
    {
      name: 'missing: inserted first with two-space indentation',
      code: `{\n${statementBlock('  ')}\n}`,
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 2, text: '{', path: '', severity: 'error' }],
      output: `{\n  "Version": "1",\n${statementBlock('  ')}\n}`,
    },
    {
      name: 'missing: inserted first with four-space indentation and a final newline',
      code: `{\n${statementBlock('    ')}\n}\n`,
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 2, text: '{' }],
      output: `{\n    "Version": "1",\n${statementBlock('    ')}\n}\n`,
    },
    {
      name: 'missing: inserted first with tabs and CRLF line endings',
      code: `{\r\n${statementBlock('\t', '\r\n')}\r\n}\r\n`,
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 2, text: '{' }],
      output: `{\r\n\t"Version": "1",\r\n${statementBlock('\t', '\r\n')}\r\n}\r\n`,
    },
    {
      name: 'missing: a comment in a .jsonc file stays, the member goes before the first member',
      filePath: 'roles/ecs-role.trust.jsonc',
      code: `{
  // Trust policy for the ECS instance role.
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Principal": {"Service": ["ecs.aliyuncs.com"]}
    }
  ]
}`,
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 2, text: '{' }],
      output: `{
  // Trust policy for the ECS instance role.
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Principal": {"Service": ["ecs.aliyuncs.com"]}
    }
  ]
}`,
    },
    {
      name: 'missing: positions are counted after a byte-order mark',
      code: `\uFEFF{\n${statementBlock('  ')}\n}\n`,
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 2, text: '{' }],
      output: `{\n  "Version": "1",\n${statementBlock('  ')}\n}\n`,
    },
    {
      name: 'missing: an empty object',
      code: '{}',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 2, text: '{', path: '' }],
      output: '{"Version": "1"}',
    },
    {
      name: 'wrongValue: the AWS IAM dated version (suggestion only, no fix)',
      // Given: without a kind, AWS content makes the document an AWS IAM policy (not-a-ram-policy).
      kind: 'permission',
      code: withVersion('"2012-10-17"'),
      errors: [{ messageId: 'wrongValue', line: 2, column: 14, endLine: 2, endColumn: 26, text: '"2012-10-17"', path: 'Version', severity: 'error' }],
    },
    {
      name: 'wrongValue: "1.0"',
      code: withVersion('"1.0"'),
      errors: [{ messageId: 'wrongValue', line: 2, column: 14, endLine: 2, endColumn: 19, text: '"1.0"', path: 'Version' }],
    },
    {
      name: 'wrongValue: "2"',
      code: withVersion('"2"'),
      errors: [{ messageId: 'wrongValue', line: 2, column: 14, endLine: 2, endColumn: 17, text: '"2"' }],
    },
    {
      name: 'wrongValue: the empty string',
      code: withVersion('""'),
      errors: [{ messageId: 'wrongValue', line: 2, column: 14, endLine: 2, endColumn: 16, text: '""' }],
    },
    {
      name: 'notString: the number 1 is fixed to "1"',
      code: withVersion('1'),
      errors: [{ messageId: 'notString', line: 2, column: 14, endLine: 2, endColumn: 15, text: '1', path: 'Version', severity: 'error' }],
      output: withVersion('"1"'),
    },
    {
      name: 'notString: 1.0 is the number 1 too, fixed to "1"',
      code: withVersion('1.0'),
      errors: [{ messageId: 'notString', line: 2, column: 14, endLine: 2, endColumn: 17, text: '1.0' }],
      output: withVersion('"1"'),
    },
    {
      name: 'notString: the number 2 has no fix',
      code: withVersion('2'),
      errors: [{ messageId: 'notString', line: 2, column: 14, endLine: 2, endColumn: 15, text: '2' }],
    },
    {
      name: 'notString: a boolean',
      code: withVersion('true'),
      errors: [{ messageId: 'notString', line: 2, column: 14, endLine: 2, endColumn: 18, text: 'true' }],
    },
    {
      name: 'notString: null',
      code: withVersion('null'),
      errors: [{ messageId: 'notString', line: 2, column: 14, endLine: 2, endColumn: 18, text: 'null' }],
    },
    {
      name: 'notString: an array holding "1"',
      code: withVersion('["1"]'),
      errors: [{ messageId: 'notString', line: 2, column: 14, endLine: 2, endColumn: 19, text: '["1"]', path: 'Version' }],
    },
    {
      name: 'notString: an object with two keys is not a ROS function',
      code: withVersion('{"Fn::Sub": "1", "Default": "1"}'),
      errors: [{ messageId: 'notString', line: 2, column: 14, endLine: 2, endColumn: 46, text: '{"Fn::Sub": "1", "Default": "1"}' }],
    },
    {
      name: 'the last of two Versions is the one checked',
      // Given: without a kind, AWS content makes the document an AWS IAM policy (not-a-ram-policy).
      kind: 'permission',
      code: withVersion('"1",\n  "Version": "2012-10-17"'),
      errors: [{ messageId: 'wrongValue', line: 3, column: 14, endLine: 3, endColumn: 26, text: '"2012-10-17"', path: 'Version' }],
    },
  ],
});
