import rule from '../../src/rules/invalid-statement';
import { GENERATED_HOST, testRule } from '../helpers/rule-tester';

/** A policy whose Statement value starts on line 3, column 16. */
const withStatement = (statement: string) =>
  `{
  "Version": "1",
  "Statement": ${statement}
}`;

const readObjects = '{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:mybucket/*"}';

testRule(rule, {
  valid: [
    { name: 'a ROS Ref as the whole Statement is left to invalid-element-type', code: withStatement('{"Ref": "PolicyStatements"}') },
    { name: 'a ROS Ref as one statement is left to invalid-element-type', code: withStatement('[{"Ref": "Stmt"}]') },
    {
      name: '"statement" in lower case is unknown-element\'s to rename, not reported as missing',
      code: withStatement(`[${readObjects}]`).replace('"Statement"', '"statement"'),
    },
    { name: 'an array of one statement', code: withStatement(`[${readObjects}]`) },
    {
      name: 'an array of several statements',
      code: {
        Version: '1',
        Statement: [
          { Effect: 'Allow', Action: ['ecs:Describe*', 'ecs:StartInstance'], Resource: '*' },
          { Effect: 'Deny', Action: 'ecs:DeleteInstance', Resource: '*' },
        ],
      },
    },
    {
      name: 'a trust policy (seed CreateRole example)',
      code: '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":"acs:ram::123456789012****:root"}}],"Version":"1"}',
    },
    { name: 'a document that is not an object is left to invalid-element-type', code: '[]' },
    // A processor's "${...}" for a host value (Statement = [for …], concat(…), !Ref) may be any array: unresolved-value notes it.
    { name: 'a Statement the host file computes is not a string', code: withStatement('"${concat(local.reads, local.writes)}"'), host: GENERATED_HOST },
    { name: 'a statement the host file computes is not a string', code: withStatement(`["\${local.read}", ${readObjects}]`), host: GENERATED_HOST },
  ],
  invalid: [
    {
      name: 'missing',
      code: '{\n  "Version": "1"\n}',
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 2, text: '{', path: '', severity: 'error' }],
    },
    {
      name: 'empty: an empty list grants and denies nothing',
      code: withStatement('[]'),
      errors: [{ messageId: 'empty', line: 3, column: 16, endLine: 3, endColumn: 18, text: '[]', path: 'Statement', severity: 'error' }],
    },
    {
      name: 'notArray: a single object (the AWS shorthand) is a warning, fixed by wrapping it in [ ]',
      code: `{
  "Version": "1",
  "Statement": {
    "Effect": "Allow",
    "Action": "oss:GetObject",
    "Resource": "acs:oss:*:*:mybucket/*"
  }
}`,
      errors: [{ messageId: 'notArray', line: 3, column: 3, endLine: 3, endColumn: 14, text: '"Statement"', path: 'Statement', severity: 'warning' }],
      output: `{
  "Version": "1",
  "Statement": [{
    "Effect": "Allow",
    "Action": "oss:GetObject",
    "Resource": "acs:oss:*:*:mybucket/*"
  }]
}`,
    },
    {
      name: 'notArray: a single object on one line',
      code: withStatement(readObjects),
      errors: [{ messageId: 'notArray', line: 3, column: 3, endLine: 3, endColumn: 14, text: '"Statement"', severity: 'warning' }],
      output: withStatement(`[${readObjects}]`),
    },
    {
      name: 'wrongType: a string',
      code: withStatement('"Allow oss:GetObject on mybucket"'),
      errors: [{ messageId: 'wrongType', line: 3, column: 16, endLine: 3, endColumn: 49, text: '"Allow oss:GetObject on mybucket"', path: 'Statement' }],
    },
    {
      name: 'wrongType: "${...}" in a bare file is a string, whatever fills it in',
      code: withStatement('"${var.statements}"'),
      errors: [{ messageId: 'wrongType', line: 3, column: 16, endLine: 3, endColumn: 35, text: '"${var.statements}"', path: 'Statement' }],
    },
    {
      name: 'wrongType: in a host file, a string that is more than one "${...}" is a string',
      code: withStatement('"${var.a}${var.b}"'),
      host: GENERATED_HOST,
      errors: [{ messageId: 'wrongType', line: 3, column: 16, endLine: 3, endColumn: 34, text: '"${var.a}${var.b}"', path: 'Statement' }],
    },
    {
      name: 'wrongType: null',
      code: withStatement('null'),
      errors: [{ messageId: 'wrongType', line: 3, column: 16, endLine: 3, endColumn: 20, text: 'null', path: 'Statement', severity: 'error' }],
    },
    {
      name: 'wrongType: a number',
      code: withStatement('1'),
      errors: [{ messageId: 'wrongType', line: 3, column: 16, endLine: 3, endColumn: 17, text: '1' }],
    },
    {
      name: 'notObject: every entry that is not an object, with its index',
      code: `{
  "Version": "1",
  "Statement": [
    ${readObjects},
    "oss:PutObject",
    null,
    [${readObjects}],
    42
  ]
}`,
      errors: [
        { messageId: 'notObject', line: 5, column: 5, endLine: 5, endColumn: 20, text: '"oss:PutObject"', path: 'Statement[1]', severity: 'error' },
        { messageId: 'notObject', line: 6, column: 5, endLine: 6, endColumn: 9, text: 'null', path: 'Statement[2]' },
        { messageId: 'notObject', line: 7, column: 5, endLine: 7, endColumn: 91, text: `[${readObjects}]`, path: 'Statement[3]' },
        { messageId: 'notObject', line: 8, column: 5, endLine: 8, endColumn: 7, text: '42', path: 'Statement[4]' },
      ],
    },
  ],
});
