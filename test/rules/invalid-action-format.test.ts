import rule from '../../src/rules/invalid-action-format';
import { testRule } from '../helpers/rule-tester';

/** One statement; the Action value sits on line 6 from column 17. */
const withAction = (action: string, key = 'Action', effect = 'Allow') =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "${effect}",
      "${key}": ${action},
      "Resource": "*"
    }
  ]
}`;

testRule(rule, {
  valid: [
    { name: 'template interpolations inside an action', code: withAction('["oss:${var.verb}", "${var.service}:GetObject"]') },
    { name: 'service and action', code: withAction('"oss:GetObject"') },
    { name: 'wildcards in the action part', code: withAction('["ecs:Describe*", "ram:P?ssRole", "oss:*", "log:Get*"]') },
    { name: 'the full wildcard "*" and "*:*"', code: withAction('["*", "*:*"]') },
    { name: 'action names are not case-sensitive', code: withAction('["ecs:describeinstances", "ECS:DescribeInstances"]') },
    { name: 'RAM codes with digits, dots, hyphens and underscores', code: withAction('["alikafka:*", "cs:*", "oss-vector:Get*", "r-kvstore:Describe*", "ots:GetRow", "fc:InvokeFunction", "actiontrail:LookupEvents"]') },
    { name: 'a trust policy action', code: '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":"acs:ram::123456789012****:root"}}],"Version":"1"}' },
    { name: 'services Alibaba shares with AWS by name (kms, sts)', code: withAction('["kms:Decrypt", "sts:AssumeRole"]') },
    { name: 'NotAction entries in the right form', code: withAction('["ram:*", "ims:*", "resourcemanager:*"]', 'NotAction', 'Deny') },
    { name: 'a whole-value template expression is skipped', code: withAction('["${var.action}", "${ local.read_actions }"]') },
    { name: 'entries that are not strings are left to invalid-element-type', code: withAction('[42, {"Ref": "ExtraAction"}]') },
  ],
  invalid: [
    {
      name: 'format: no service prefix',
      code: withAction('"GetObject"'),
      errors: [{ messageId: 'format', line: 6, column: 17, endLine: 6, endColumn: 28, text: '"GetObject"', path: 'Statement[0].Action', severity: 'error' }],
    },
    {
      name: 'format: a RAM code alone',
      code: withAction('"ecs"'),
      errors: [{ messageId: 'format', line: 6, column: 17, endLine: 6, endColumn: 22, text: '"ecs"', path: 'Statement[0].Action' }],
    },
    {
      name: 'format: each malformed entry of a list',
      code: withAction('["oss GetObject", "oss::GetObject", "oss:", ":GetObject", ""]'),
      errors: [
        { messageId: 'format', line: 6, column: 18, endLine: 6, endColumn: 33, text: '"oss GetObject"', path: 'Statement[0].Action[0]' },
        { messageId: 'format', line: 6, column: 35, endLine: 6, endColumn: 51, text: '"oss::GetObject"', path: 'Statement[0].Action[1]' },
        { messageId: 'format', line: 6, column: 53, endLine: 6, endColumn: 59, text: '"oss:"', path: 'Statement[0].Action[2]' },
        { messageId: 'format', line: 6, column: 61, endLine: 6, endColumn: 73, text: '":GetObject"', path: 'Statement[0].Action[3]' },
        { messageId: 'format', line: 6, column: 75, endLine: 6, endColumn: 77, text: '""', path: 'Statement[0].Action[4]' },
      ],
    },
    {
      name: 'whitespace: spaces inside or around an action are removed by the fix',
      code: withAction('["oss:Get Object", " oss:GetObject", "ecs: CreateInstance"]'),
      errors: [
        { messageId: 'whitespace', line: 6, column: 18, endLine: 6, endColumn: 34, text: '"oss:Get Object"', path: 'Statement[0].Action[0]' },
        { messageId: 'whitespace', line: 6, column: 36, endLine: 6, endColumn: 52, text: '" oss:GetObject"', path: 'Statement[0].Action[1]' },
        { messageId: 'whitespace', line: 6, column: 54, endLine: 6, endColumn: 75, text: '"ecs: CreateInstance"', path: 'Statement[0].Action[2]' },
      ],
      output: withAction('["oss:GetObject", "oss:GetObject", "ecs:CreateInstance"]'),
    },
    {
      name: 'format: an ARN written as an action',
      code: withAction('["oss:GetObject", "acs:oss:*:*:mybucket/*"]'),
      errors: [{ messageId: 'format', line: 6, column: 35, endLine: 6, endColumn: 59, text: '"acs:oss:*:*:mybucket/*"', path: 'Statement[0].Action[1]' }],
    },
    {
      name: 'format: a full-width colon',
      code: withAction('"oss\uFF1AGetObject"'),
      errors: [{ messageId: 'format', line: 6, column: 17, endLine: 6, endColumn: 32, text: '"oss\uFF1AGetObject"' }],
    },
    {
      name: 'format: a NotAction entry',
      code: withAction('["ram:*", "ims"]', 'NotAction', 'Deny'),
      errors: [{ messageId: 'format', line: 6, column: 30, endLine: 6, endColumn: 35, text: '"ims"', path: 'Statement[0].NotAction[1]' }],
    },
    {
      name: 'awsService: s3:GetObject copied from an AWS policy',
      code: withAction('"s3:GetObject"'),
      errors: [{ messageId: 'awsService', line: 6, column: 17, endLine: 6, endColumn: 31, text: '"s3:GetObject"', path: 'Statement[0].Action', severity: 'error' }],
    },
    {
      name: 'awsService: each AWS-only service, in any case',
      code: withAction('["iam:PassRole", "EC2:RunInstances", "lambda:*", "dynamodb:Query", "cloudformation:*", "cloudwatch:PutMetricData", "CloudTrail:LookupEvents"]'),
      errors: [
        { messageId: 'awsService', line: 6, column: 18, endLine: 6, endColumn: 32, text: '"iam:PassRole"', path: 'Statement[0].Action[0]' },
        { messageId: 'awsService', line: 6, column: 34, endLine: 6, endColumn: 52, text: '"EC2:RunInstances"', path: 'Statement[0].Action[1]' },
        { messageId: 'awsService', line: 6, column: 54, endLine: 6, endColumn: 64, text: '"lambda:*"', path: 'Statement[0].Action[2]' },
        { messageId: 'awsService', line: 6, column: 66, endLine: 6, endColumn: 82, text: '"dynamodb:Query"', path: 'Statement[0].Action[3]' },
        { messageId: 'awsService', line: 6, column: 84, endLine: 6, endColumn: 102, text: '"cloudformation:*"', path: 'Statement[0].Action[4]' },
        { messageId: 'awsService', line: 6, column: 104, endLine: 6, endColumn: 130, text: '"cloudwatch:PutMetricData"', path: 'Statement[0].Action[5]' },
        { messageId: 'awsService', line: 6, column: 132, endLine: 6, endColumn: 157, text: '"CloudTrail:LookupEvents"', path: 'Statement[0].Action[6]' },
      ],
    },
    {
      name: 'awsService: in NotAction',
      code: withAction('["iam:*"]', 'NotAction', 'Deny'),
      errors: [{ messageId: 'awsService', line: 6, column: 21, endLine: 6, endColumn: 28, text: '"iam:*"', path: 'Statement[0].NotAction[0]' }],
    },
    {
      name: 'both messages in one list',
      code: withAction('["s3:GetObject", "GetObject", "oss:GetObject"]'),
      errors: [
        { messageId: 'awsService', line: 6, column: 18, endLine: 6, endColumn: 32, text: '"s3:GetObject"', path: 'Statement[0].Action[0]' },
        { messageId: 'format', line: 6, column: 34, endLine: 6, endColumn: 45, text: '"GetObject"', path: 'Statement[0].Action[1]' },
      ],
    },
  ],
});
