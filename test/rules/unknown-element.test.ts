import rule from '../../src/rules/unknown-element';
import { testRule } from '../helpers/rule-tester';

/** A trust policy whose Principal members start on line 8, column 9. */
const trust = (principalMembers: string) =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Principal": {
${principalMembers}
      }
    }
  ]
}`;

/** A permission policy whose statement members start on line 5, column 7. */
const statement = (members: string) =>
  `{
  "Version": "1",
  "Statement": [
    {
${members}
    }
  ]
}`;

const readEcs = '      "Effect": "Allow",\n      "Action": "ecs:Describe*",\n      "Resource": "*"';

testRule(rule, {
  valid: [
    { name: 'Sid in a statement is undocumented-sid\'s to report', code: statement(`      "Sid": "AllowDescribe",\n${readEcs}`) },
    {
      name: 'every statement element of a permission policy',
      code: {
        Version: '1',
        Statement: [
          { Effect: 'Allow', Action: 'oss:GetObject', Resource: 'acs:oss:*:*:mybucket/*', Condition: { Bool: { 'acs:SecureTransport': 'true' } } },
          { Effect: 'Deny', NotAction: 'oss:Get*', NotResource: 'acs:oss:*:*:mybucket/public/*' },
        ],
      },
    },
    { name: 'a RAM principal', code: trust('        "RAM": ["acs:ram::123456789012****:root"]') },
    { name: 'a Service principal', code: trust('        "Service": ["ecs.aliyuncs.com", "123456789012@log.aliyuncs.com"]') },
    {
      name: 'a Federated principal with its SAML condition',
      code: {
        Version: '1',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Principal: { Federated: ['acs:ram::123456789012:saml-provider/okta'] },
            Condition: { StringEquals: { 'saml:recipient': 'https://signin.aliyun.com/saml-role/sso' } },
          },
        ],
      },
    },
    {
      name: 'an OSS bucket policy with a list Principal',
      code: {
        Version: '1',
        Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Principal: ['1234567890'], Resource: ['acs:oss:*:1234567890:mybucket/*'] }],
      },
    },
    {
      name: 'Principal "*"',
      code: { Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:GetObject', Principal: '*', Resource: 'acs:oss:*:*:mybucket/*' }] },
    },
    { name: 'condition keys and operators are not elements', code: statement(`${readEcs},\n      "Condition": {"StringLike": {"acs:ResourceTag/Env": "dev-*"}}`) },
    { name: 'a document that is not an object is left to invalid-element-type', code: '[{"Id": "x"}]' },
  ],
  invalid: [
    {
      name: 'wrongCase: two misspellings of one element get no fix, which would duplicate the key',
      code: statement('      "effect": "Allow",\n      "EFFECT": "Deny",\n      "Action": "ecs:Describe*",\n      "Resource": "*"'),
      errors: [
        { messageId: 'wrongCase', line: 5, column: 7, endLine: 5, endColumn: 15, text: '"effect"' },
        { messageId: 'wrongCase', line: 6, column: 7, endLine: 6, endColumn: 15, text: '"EFFECT"' },
      ],
    },
    {
      name: 'wrongCase: "version" at the top level is renamed',
      code: '{\n  "version": "1",\n  "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]\n}',
      errors: [{ messageId: 'wrongCase', line: 2, column: 3, endLine: 2, endColumn: 12, text: '"version"', path: 'version', severity: 'error' }],
      output: '{\n  "Version": "1",\n  "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]\n}',
    },
    {
      name: 'foreign: "Id" at the top level (AWS IAM)',
      code: '{\n  "Version": "1",\n  "Id": "S3-Account-Permissions",\n  "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]\n}',
      errors: [{ messageId: 'foreign', line: 3, column: 3, endLine: 3, endColumn: 7, text: '"Id"', path: 'Id', severity: 'error' }],
    },
    {
      name: 'unknown: "Description" at the top level',
      code: '{\n  "Version": "1",\n  "Description": "Read-only ECS access",\n  "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]\n}',
      errors: [{ messageId: 'unknown', line: 3, column: 3, endLine: 3, endColumn: 16, text: '"Description"', path: 'Description', severity: 'error' }],
    },
    {
      name: 'unknown: a key named "constructor" is unknown, not mistaken for an inherited property',
      code: '{\n  "Version": "1",\n  "constructor": 1,\n  "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]\n}',
      errors: [{ messageId: 'unknown', line: 3, column: 3, endLine: 3, endColumn: 16, text: '"constructor"', path: 'constructor' }],
    },
    {
      name: 'unknown: "Sid" at the top level is no statement id',
      code: '{\n  "Version": "1",\n  "Sid": "ReadOnly",\n  "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]\n}',
      errors: [{ messageId: 'unknown', line: 3, column: 3, endLine: 3, endColumn: 8, text: '"Sid"', path: 'Sid' }],
    },
    {
      name: 'wrongCase: "effect" on an Allow is a suggestion (recognised, it grants); "action" beside "Action" gets nothing, as that would duplicate it',
      code: statement('      "effect": "Allow",\n      "action": "ecs:Describe*",\n      "Action": "ecs:Describe*",\n      "Resource": "*"'),
      errors: [
        {
          messageId: 'wrongCase',
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 15,
          text: '"effect"',
          path: 'Statement[0].effect',
          suggestions: [{ desc: 'Rename "effect" to "Effect": once RAM reads it, the statement grants more than the document\'s strictest reading (the misspelt element ignored); check that this is meant.', output: statement('      "Effect": "Allow",\n      "action": "ecs:Describe*",\n      "Action": "ecs:Describe*",\n      "Resource": "*"') }],
        },
        { messageId: 'wrongCase', line: 6, column: 7, endLine: 6, endColumn: 15, text: '"action"', path: 'Statement[0].action' },
      ],
    },
    {
      name: 'wrongCase: on a Deny "NOTRESOURCE" is renamed (it denies more); "condition" is a suggestion (it would narrow the Deny)',
      code: statement('      "Effect": "Deny",\n      "Action": "oss:*",\n      "NOTRESOURCE": "acs:oss:*:*:public/*",\n      "condition": {"Bool": {"acs:SecureTransport": "false"}}'),
      errors: [
        { messageId: 'wrongCase', line: 7, column: 7, endLine: 7, endColumn: 20, text: '"NOTRESOURCE"', path: 'Statement[0].NOTRESOURCE' },
        {
          messageId: 'wrongCase',
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 18,
          text: '"condition"',
          path: 'Statement[0].condition',
          suggestions: [{ desc: 'Rename "condition" to "Condition": once RAM reads it, the statement grants more than the document\'s strictest reading (the misspelt element ignored); check that this is meant.', output: statement('      "Effect": "Deny",\n      "Action": "oss:*",\n      "NOTRESOURCE": "acs:oss:*:*:public/*",\n      "Condition": {"Bool": {"acs:SecureTransport": "false"}}') }],
        },
      ],
      output: statement('      "Effect": "Deny",\n      "Action": "oss:*",\n      "NotResource": "acs:oss:*:*:public/*",\n      "condition": {"Bool": {"acs:SecureTransport": "false"}}'),
    },
    {
      name: 'wrongCase: "notaction" on an Allow is a suggestion (recognised, it grants every other action); "condition" on an Allow is renamed (it narrows)',
      code: statement('      "Effect": "Allow",\n      "notaction": "ram:*",\n      "Resource": "*",\n      "condition": {"Bool": {"acs:MFAPresent": "true"}}'),
      errors: [
        {
          messageId: 'wrongCase',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 18,
          text: '"notaction"',
          path: 'Statement[0].notaction',
          suggestions: [{ desc: 'Rename "notaction" to "NotAction": once RAM reads it, the statement grants more than the document\'s strictest reading (the misspelt element ignored); check that this is meant.', output: statement('      "Effect": "Allow",\n      "NotAction": "ram:*",\n      "Resource": "*",\n      "condition": {"Bool": {"acs:MFAPresent": "true"}}') }],
        },
        { messageId: 'wrongCase', line: 8, column: 7, endLine: 8, endColumn: 18, text: '"condition"', path: 'Statement[0].condition' },
      ],
      output: statement('      "Effect": "Allow",\n      "notaction": "ram:*",\n      "Resource": "*",\n      "Condition": {"Bool": {"acs:MFAPresent": "true"}}'),
    },
    {
      name: 'wrongCase: "RESOURCE" beside "Resource" is not renamed',
      code: statement(`${readEcs},\n      "RESOURCE": "acs:ecs:*:*:instance/*"`),
      errors: [{ messageId: 'wrongCase', line: 8, column: 7, endLine: 8, endColumn: 17, text: '"RESOURCE"', path: 'Statement[0].RESOURCE' }],
    },
    {
      name: 'unknownGuess: a misspelled "Conditions" gets a suggestion',
      code: statement(`${readEcs},\n      "Conditions": {"Bool": {"acs:MFAPresent": "true"}}`),
      errors: [{ messageId: 'unknownGuess', line: 8, column: 7, endLine: 8, endColumn: 19, text: '"Conditions"', path: 'Statement[0].Conditions', severity: 'error' }],
    },
    {
      name: 'foreign: "NotPrincipal" (AWS IAM)',
      code: statement(`${readEcs},\n      "NotPrincipal": {"RAM": ["acs:ram::123456789012:root"]}`),
      errors: [{ messageId: 'foreign', line: 8, column: 7, endLine: 8, endColumn: 21, text: '"NotPrincipal"', path: 'Statement[0].NotPrincipal' }],
    },
    {
      name: 'foreign: an "AWS" principal copied from an IAM trust policy',
      // Given: without a kind, AWS content makes the document an AWS IAM policy (not-a-ram-policy).
      kind: 'trust',
      code: trust('        "AWS": "arn:aws:iam::123456789012:root"'),
      errors: [{ messageId: 'foreign', line: 8, column: 9, endLine: 8, endColumn: 14, text: '"AWS"', path: 'Statement[0].Principal.AWS', severity: 'error' }],
    },
    {
      name: 'foreign: a "CanonicalUser" principal',
      code: trust('        "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"'),
      errors: [{ messageId: 'foreign', line: 8, column: 9, endLine: 8, endColumn: 24, text: '"CanonicalUser"', path: 'Statement[0].Principal.CanonicalUser' }],
    },
    {
      name: 'wrongCase: principal types "ram", "SERVICE" and "federated" of an Allow are suggestions (recognised, they let someone in)',
      code: trust(
        '        "ram": ["acs:ram::123456789012:root"],\n        "SERVICE": ["ecs.aliyuncs.com"],\n        "federated": ["acs:ram::123456789012:saml-provider/okta"]',
      ),
      errors: [
        { messageId: 'wrongCase', line: 8, column: 9, endLine: 8, endColumn: 14, text: '"ram"', path: 'Statement[0].Principal.ram' },
        { messageId: 'wrongCase', line: 9, column: 9, endLine: 9, endColumn: 18, text: '"SERVICE"', path: 'Statement[0].Principal.SERVICE' },
        { messageId: 'wrongCase', line: 10, column: 9, endLine: 10, endColumn: 20, text: '"federated"', path: 'Statement[0].Principal.federated' },
      ],
    },
    {
      name: 'wrongCase: "service" beside "Service" is not renamed',
      code: trust('        "Service": ["ecs.aliyuncs.com"],\n        "service": ["fc.aliyuncs.com"]'),
      errors: [{ messageId: 'wrongCase', line: 9, column: 9, endLine: 9, endColumn: 18, text: '"service"', path: 'Statement[0].Principal.service' }],
    },
    {
      name: 'unknown: an "Account" principal type',
      code: trust('        "Account": "123456789012"'),
      errors: [{ messageId: 'unknown', line: 8, column: 9, endLine: 8, endColumn: 18, text: '"Account"', path: 'Statement[0].Principal.Account' }],
    },
    {
      name: 'an AWS key policy pasted whole: Id and an AWS principal (Sid is documented for resource policies)',
      // Given: without a kind, AWS content makes the document an AWS IAM policy (not-a-ram-policy).
      kind: 'resource',
      code: `{
  "Version": "1",
  "Id": "key-policy-1",
  "Statement": [
    {
      "Sid": "EnableRootAccess",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
      "Action": "kms:*",
      "Resource": "*"
    }
  ]
}`,
      errors: [
        { messageId: 'foreign', line: 3, column: 3, endLine: 3, endColumn: 7, text: '"Id"', path: 'Id', severity: 'error' },
        { messageId: 'foreign', line: 8, column: 21, endLine: 8, endColumn: 26, text: '"AWS"', path: 'Statement[0].Principal.AWS', severity: 'error' },
      ],
    },
    {
      name: 'elements of a single-object Statement',
      code: '{\n  "Version": "1",\n  "Statement": {"Sid": "1", "Efect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}\n}',
      errors: [{ messageId: 'unknownGuess', line: 3, column: 29, endLine: 3, endColumn: 36, text: '"Efect"', path: 'Statement.Efect' }],
    },
  ],
});
