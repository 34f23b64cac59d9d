import rule from '../../src/rules/missing-resource';
import { testRule } from '../helpers/rule-tester';

/** A policy whose statement members start on line 5, column 7. */
const statement = (members: string) =>
  `{
  "Version": "1",
  "Statement": [
    {
${members}
    }
  ]
}`;

const ecsTrust = '      "Effect": "Allow",\n      "Action": "sts:AssumeRole",\n      "Principal": {"Service": ["ecs.aliyuncs.com"]}';

testRule(rule, {
  valid: [
    { name: '"resource" in lower case is unknown-element\'s to rename, not reported as missing', code: statement('      "Effect": "Allow",\n      "Action": "ecs:Describe*",\n      "resource": "*"') },
    { name: 'Resource as a string', code: statement('      "Effect": "Allow",\n      "Action": "ecs:Describe*",\n      "Resource": "*"') },
    { name: 'Resource as a list', code: statement('      "Effect": "Allow",\n      "Action": "oss:*",\n      "Resource": ["acs:oss:*:*:mybucket", "acs:oss:*:*:mybucket/*"]') },
    { name: 'NotResource', code: statement('      "Effect": "Deny",\n      "Action": "oss:DeleteObject",\n      "NotResource": "acs:oss:*:*:mybucket/tmp/*"') },
    { name: 'a trust policy needs no Resource', code: statement(ecsTrust) },
    {
      name: 'a trust policy needs no Resource (seed CreateRole example)',
      code: '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":"acs:ram::123456789012****:root"}}],"Version":"1"}',
    },
    {
      name: 'a SAML trust policy needs no Resource',
      code: statement(
        '      "Effect": "Allow",\n      "Action": "sts:AssumeRole",\n      "Principal": {"Federated": ["acs:ram::123456789012:saml-provider/okta"]},\n      "Condition": {"StringEquals": {"saml:recipient": "https://signin.aliyun.com/saml-role/sso"}}',
      ),
    },
    { name: 'a trust policy given as such', kind: 'trust', code: statement('      "Effect": "Allow",\n      "Action": "sts:AssumeRole"') },
    {
      name: 'another resource-based policy (a KMS key policy) given as such',
      kind: 'resource',
      code: statement('      "Effect": "Allow",\n      "Action": "kms:Decrypt",\n      "Principal": {"RAM": ["acs:ram::123456789012:role/app"]}'),
    },
    {
      name: 'a ROS function in place of the list is left to invalid-element-type',
      code: statement('      "Effect": "Allow",\n      "Action": "ram:PassRole",\n      "Resource": {"Fn::GetAtt": ["EcsRole", "Arn"]}'),
    },
    { name: 'a template expression is a resource', code: statement('      "Effect": "Allow",\n      "Action": "oss:*",\n      "Resource": "${var.bucket_arn}"') },
  ],
  invalid: [
    {
      name: 'missing in a permission policy',
      code: statement('      "Effect": "Allow",\n      "Action": "ecs:Describe*"'),
      errors: [{ messageId: 'missing', line: 4, column: 5, endLine: 4, endColumn: 6, text: '{', path: 'Statement[0]', severity: 'error' }],
    },
    {
      name: 'missing in an OSS bucket policy',
      code: statement('      "Effect": "Allow",\n      "Action": ["oss:GetObject"],\n      "Principal": ["1234567890"]'),
      errors: [{ messageId: 'missing', line: 4, column: 5, endLine: 4, endColumn: 6, text: '{', path: 'Statement[0]' }],
    },
    {
      name: 'missing in a trust-shaped document given as a permission policy',
      kind: 'permission',
      code: statement(ecsTrust),
      errors: [{ messageId: 'missing', line: 4, column: 5, endLine: 4, endColumn: 6, text: '{', path: 'Statement[0]' }],
    },
    {
      name: 'missing in the second of two statements',
      code: '{\n  "Version": "1",\n  "Statement": [\n    {"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"},\n    {"Effect": "Deny", "Action": "ecs:DeleteInstance"}\n  ]\n}',
      errors: [{ messageId: 'missing', line: 5, column: 5, endLine: 5, endColumn: 6, text: '{', path: 'Statement[1]' }],
    },
    {
      name: 'both: the NotResource key is reported',
      code: statement('      "Effect": "Allow",\n      "Action": "ecs:*",\n      "Resource": "*",\n      "NotResource": "acs:ecs:*:*:instance/i-prod*"'),
      errors: [{ messageId: 'both', line: 8, column: 7, endLine: 8, endColumn: 20, text: '"NotResource"', path: 'Statement[0].NotResource', severity: 'error' }],
    },
    {
      name: 'empty: an empty Resource list',
      code: statement('      "Effect": "Allow",\n      "Action": "ecs:*",\n      "Resource": []'),
      errors: [{ messageId: 'empty', line: 7, column: 19, endLine: 7, endColumn: 21, text: '[]', path: 'Statement[0].Resource', severity: 'error' }],
    },
    {
      name: 'empty: an empty NotResource list',
      code: statement('      "Effect": "Deny",\n      "Action": "oss:DeleteObject",\n      "NotResource": []'),
      errors: [{ messageId: 'empty', line: 7, column: 22, endLine: 7, endColumn: 24, text: '[]', path: 'Statement[0].NotResource' }],
    },
    {
      name: 'empty in an OSS bucket policy',
      code: statement('      "Effect": "Allow",\n      "Action": ["oss:GetObject"],\n      "Principal": ["1234567890"],\n      "Resource": []'),
      errors: [{ messageId: 'empty', line: 8, column: 19, endLine: 8, endColumn: 21, text: '[]', path: 'Statement[0].Resource' }],
    },
    {
      name: 'both, and both empty: three findings in document order',
      code: statement('      "Effect": "Allow",\n      "Action": "ecs:*",\n      "Resource": [],\n      "NotResource": []'),
      errors: [
        { messageId: 'empty', line: 7, column: 19, endLine: 7, endColumn: 21, text: '[]', path: 'Statement[0].Resource' },
        { messageId: 'both', line: 8, column: 7, endLine: 8, endColumn: 20, text: '"NotResource"', path: 'Statement[0].NotResource' },
        { messageId: 'empty', line: 8, column: 22, endLine: 8, endColumn: 24, text: '[]', path: 'Statement[0].NotResource' },
      ],
    },
  ],
});
