import rule from '../../src/rules/invalid-arn';
import { testRule } from '../helpers/rule-tester';

/** One statement; the Resource value sits on line 7 from column 19 (21 for NotResource). */
const withResource = (resource: string, key = 'Resource', effect = 'Allow') =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "${effect}",
      "Action": "oss:GetObject",
      "${key}": ${resource}
    }
  ]
}`;

testRule(rule, {
  valid: [
    { name: '"*"', code: withResource('"*"') },
    { name: 'an OSS bucket and its objects', code: withResource('["acs:oss:*:*:mybucket", "acs:oss:*:*:mybucket/*"]') },
    { name: 'region and account written out', code: withResource('"acs:ecs:cn-hangzhou:123456789012:instance/i-bp67acfmxazb4p****"') },
    { name: 'empty region for a global service', code: withResource('"acs:ram::123456789012:role/ecsadmin"') },
    { name: 'a documentation placeholder', code: withResource('"acs:ram::<account-id>:role/<role-name>"') },
    { name: 'a masked account id', code: withResource('"acs:ram::1234****:role/BigDataOssRole"') },
    { name: 'an OSS object key with colons', code: withResource('"acs:oss:*:*:mybucket/logs/2024-01-01T00:00:00Z.log"') },
    { name: 'a system policy', code: withResource('"acs:ram:*:system:policy/AdministratorAccess"') },
    { name: 'every resource of every service', code: withResource('"acs:*:*:*:*"') },
    { name: 'the five-field MaxCompute form of a RAM policy', code: withResource('"acs:odps:*:123456789012:projects/sales/tables/*"') },
    { name: 'a whole-value template expression', code: withResource('"${var.bucket_arn}"') },
    { name: 'template interpolations count as one field each', code: withResource('"acs:oss:*:${var.account_id}:${var.bucket}/*"') },
    { name: 'a ROS pseudo parameter with colons inside', code: withResource('"acs:ram::${ALIYUN::AccountId}:role/${RoleName}"') },
    {
      name: 'ROS functions are left to invalid-element-type',
      code: withResource('[{"Fn::Sub": "acs:oss:*:${ALIYUN::AccountId}:${BucketName}/*"}, {"Fn::GetAtt": ["Bucket", "Arn"]}, {"Ref": "BucketArn"}]'),
    },
    { name: 'NotResource in the right form', code: withResource('"acs:oss:*:*:mybucket/public/*"', 'NotResource', 'Deny') },
    { name: 'a trust policy has no Resource', code: '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":"acs:ram::123456789012****:root"}}],"Version":"1"}' },
  ],
  invalid: [
    {
      name: 'prefix: a bare bucket path',
      code: withResource('"mybucket/*"'),
      errors: [{ messageId: 'prefix', line: 7, column: 19, endLine: 7, endColumn: 31, text: '"mybucket/*"', path: 'Statement[0].Resource', severity: 'error' }],
    },
    {
      name: 'prefix: the acs: prefix left out',
      code: withResource('["oss:*:*:mybucket/*"]'),
      errors: [{ messageId: 'prefix', line: 7, column: 20, endLine: 7, endColumn: 40, text: '"oss:*:*:mybucket/*"', path: 'Statement[0].Resource[0]' }],
    },
    {
      name: 'prefix: the empty string',
      code: withResource('""'),
      errors: [{ messageId: 'prefix', line: 7, column: 19, endLine: 7, endColumn: 21, text: '""' }],
    },
    {
      name: 'prefix: an STS session ARN (an OSS principal form) used as a resource',
      code: withResource('"arn:sts::123456789012:assumed-role/reader/*"'),
      errors: [{ messageId: 'prefix', line: 7, column: 19, endLine: 7, endColumn: 64, text: '"arn:sts::123456789012:assumed-role/reader/*"' }],
    },
    {
      name: 'awsArn: an S3 bucket ARN',
      // Given: without a kind, AWS content makes the document an AWS IAM policy (not-a-ram-policy).
      kind: 'permission',
      code: withResource('"arn:aws:s3:::mybucket"'),
      errors: [{ messageId: 'awsArn', line: 7, column: 19, endLine: 7, endColumn: 42, text: '"arn:aws:s3:::mybucket"', path: 'Statement[0].Resource', severity: 'error' }],
    },
    {
      name: 'awsArn: other AWS partitions and any case',
      // Given: without a kind, AWS content makes the document an AWS IAM policy (not-a-ram-policy).
      kind: 'permission',
      code: withResource('["arn:aws-cn:s3:::mybucket/*", "ARN:AWS:iam::123456789012:role/app"]'),
      errors: [
        { messageId: 'awsArn', line: 7, column: 20, endLine: 7, endColumn: 48, text: '"arn:aws-cn:s3:::mybucket/*"', path: 'Statement[0].Resource[0]' },
        { messageId: 'awsArn', line: 7, column: 50, endLine: 7, endColumn: 86, text: '"ARN:AWS:iam::123456789012:role/app"', path: 'Statement[0].Resource[1]' },
      ],
    },
    {
      name: 'fields: three of five',
      code: withResource('"acs:oss:mybucket"'),
      errors: [{ messageId: 'fields', line: 7, column: 19, endLine: 7, endColumn: 37, text: '"acs:oss:mybucket"', path: 'Statement[0].Resource', severity: 'error' }],
    },
    {
      name: 'fields: four of five (region left out)',
      code: withResource('"acs:ram:123456789012:role/ecsadmin"'),
      errors: [{ messageId: 'fields', line: 7, column: 19, endLine: 7, endColumn: 55, text: '"acs:ram:123456789012:role/ecsadmin"' }],
    },
    {
      name: 'fields: an interpolation does not supply a missing field',
      code: withResource('"acs:oss:${var.bucket}"'),
      errors: [{ messageId: 'fields', line: 7, column: 19, endLine: 7, endColumn: 42, text: '"acs:oss:${var.bucket}"' }],
    },
    {
      name: 'fields: in NotResource',
      code: withResource('["acs:oss:*:mybucket/*"]', 'NotResource', 'Deny'),
      errors: [{ messageId: 'fields', line: 7, column: 23, endLine: 7, endColumn: 45, text: '"acs:oss:*:mybucket/*"', path: 'Statement[0].NotResource[0]' }],
    },
    {
      name: 'emptyField: the service',
      code: withResource('"acs::*:*:mybucket/*"'),
      errors: [{ messageId: 'emptyField', line: 7, column: 19, endLine: 7, endColumn: 40, text: '"acs::*:*:mybucket/*"', path: 'Statement[0].Resource', severity: 'error' }],
    },
    {
      name: 'emptyField: the resource part',
      code: withResource('"acs:oss:*:123456789012:"'),
      errors: [{ messageId: 'emptyField', line: 7, column: 19, endLine: 7, endColumn: 44, text: '"acs:oss:*:123456789012:"' }],
    },
    {
      name: 'maxCompute: the four-field project-policy form',
      code: withResource('"acs:odps:*:projects/sales"'),
      errors: [{ messageId: 'maxCompute', line: 7, column: 19, endLine: 7, endColumn: 46, text: '"acs:odps:*:projects/sales"', path: 'Statement[0].Resource', severity: 'error' }],
    },
    {
      name: 'maxCompute: a table in the four-field form, with an empty region',
      code: withResource('["acs:odps::projects/sales/tables/orders"]'),
      errors: [{ messageId: 'maxCompute', line: 7, column: 20, endLine: 7, endColumn: 60, text: '"acs:odps::projects/sales/tables/orders"', path: 'Statement[0].Resource[0]' }],
    },
    {
      name: 'one finding per bad entry, the good ones pass',
      // Given: without a kind, AWS content makes the document an AWS IAM policy (not-a-ram-policy).
      kind: 'permission',
      code: withResource('["acs:oss:*:*:mybucket", "arn:aws:s3:::mybucket/*", "mybucket", "*"]'),
      errors: [
        { messageId: 'awsArn', line: 7, column: 44, endLine: 7, endColumn: 69, text: '"arn:aws:s3:::mybucket/*"', path: 'Statement[0].Resource[1]' },
        { messageId: 'prefix', line: 7, column: 71, endLine: 7, endColumn: 81, text: '"mybucket"', path: 'Statement[0].Resource[2]' },
      ],
    },
  ],
});
