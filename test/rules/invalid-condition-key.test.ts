import rule from '../../src/rules/invalid-condition-key';
import { testRule } from '../helpers/rule-tester';

/** A permission policy whose only statement carries the given Condition on line 8, starting at column 20. */
const policy = (condition: string) =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ecs:DescribeInstances",
      "Resource": "*",
      "Condition": ${condition}
    }
  ]
}`;

testRule(rule, {
  valid: [
    { name: 'placeholder keys are supplied later', code: policy('{"StringEquals": {"${var.condition_key}": "x", "{{key}}": "y", "<condition-key>": "z"}}') },
    { name: 'global acs: keys', code: policy('{"IpAddress": {"acs:SourceIp": "203.0.113.0/24"}, "Bool": {"acs:SecureTransport": "true", "acs:MFAPresent": "true"}}') },
    { name: 'service keys', code: policy('{"StringEquals": {"oss:Prefix": "logs/", "ram:ServiceName": "ecs.aliyuncs.com", "saml:recipient": "https://signin.aliyun.com/saml-role/sso"}}') },
    { name: 'a key with a hyphen in its name (oss:x-oss-acl)', code: policy('{"StringEquals": {"oss:x-oss-acl": "private"}}') },
    { name: 'tag keys with a tag name', code: policy('{"StringEquals": {"acs:RequestTag/team": "ops", "acs:ResourceTag/cost-center": "42", "ecs:tag/env": "prod"}}') },
    { name: 'a tag name that itself holds colons (kms:tag/acs:rds:x)', code: policy('{"StringEquals": {"kms:tag/acs:rds:x": "yes"}}') },
    { name: 'a tag name with slashes and dots', code: policy('{"StringEquals": {"oss:ExistingObjectTag/app.io/tier": "gold"}}') },
    { name: 'keys under an unknown operator are still checked only for format', code: policy('{"StringContains": {"acs:UserAgent": "curl"}}') },
    { name: 'no Condition', code: policy('{}') },
  ],
  invalid: [
    {
      name: 'a key without a service prefix',
      code: policy('{"IpAddress": {"SourceIp": "203.0.113.0/24"}}'),
      errors: [{ messageId: 'format', line: 8, column: 35, endLine: 8, endColumn: 45, text: '"SourceIp"', path: 'Statement[0].Condition.IpAddress.SourceIp', severity: 'error' }],
    },
    {
      name: 'an empty service prefix',
      code: policy('{"StringEquals": {":Service": "ecs.aliyuncs.com"}}'),
      errors: [{ messageId: 'format', line: 8, column: 38, endLine: 8, endColumn: 48, text: '":Service"', path: 'Statement[0].Condition.StringEquals[":Service"]' }],
    },
    {
      name: 'an empty key name',
      code: policy('{"StringEquals": {"acs:": "x"}}'),
      errors: [{ messageId: 'format', line: 8, column: 38, endLine: 8, endColumn: 44, text: '"acs:"' }],
    },
    {
      name: 'an empty key',
      code: policy('{"StringEquals": {"": "x"}}'),
      errors: [{ messageId: 'format', line: 8, column: 38, endLine: 8, endColumn: 40, text: '""', path: 'Statement[0].Condition.StringEquals[""]' }],
    },
    {
      name: 'a second colon outside a tag name',
      code: policy('{"StringEquals": {"acs:Source:Ip": "x"}}'),
      errors: [{ messageId: 'format', line: 8, column: 38, endLine: 8, endColumn: 53, text: '"acs:Source:Ip"' }],
    },
    {
      name: 'whitespace inside the key',
      code: policy('{"StringEquals": {"acs:Source Vpc": "vpc-1", " acs:SourceVpcId": "vpc-2"}}'),
      errors: [
        { messageId: 'format', line: 8, column: 38, endLine: 8, endColumn: 54, text: '"acs:Source Vpc"' },
        { messageId: 'format', line: 8, column: 65, endLine: 8, endColumn: 83, text: '" acs:SourceVpcId"' },
      ],
    },
    {
      name: 'a slash with nothing after it',
      code: policy('{"StringEquals": {"acs:RequestTag/": "ops"}}'),
      errors: [{ messageId: 'format', line: 8, column: 38, endLine: 8, endColumn: 55, text: '"acs:RequestTag/"' }],
    },
    {
      name: 'the AWS global key aws:SourceIp',
      code: policy('{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}'),
      errors: [{ messageId: 'awsKey', line: 8, column: 35, endLine: 8, endColumn: 49, text: '"aws:SourceIp"', path: 'Statement[0].Condition.IpAddress["aws:SourceIp"]', severity: 'error' }],
    },
    {
      name: 'AWS keys in any case, under several operators',
      code: policy('{"Bool": {"AWS:SecureTransport": "true"}, "StringEquals": {"aws:PrincipalTag/team": "ops"}}'),
      errors: [
        { messageId: 'awsKey', line: 8, column: 30, endLine: 8, endColumn: 51, text: '"AWS:SecureTransport"' },
        { messageId: 'awsKey', line: 8, column: 79, endLine: 8, endColumn: 102, text: '"aws:PrincipalTag/team"' },
      ],
    },
    {
      name: 'keys in a later statement carry its index in the path',
      code: `{
  "Version": "1",
  "Statement": [
    {"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"},
    {"Effect": "Deny", "Action": "ecs:*", "Resource": "*", "Condition": {"NotIpAddress": {"SourceIp": "10.0.0.0/8"}}}
  ]
}`,
      errors: [{ messageId: 'format', line: 5, column: 91, endLine: 5, endColumn: 101, text: '"SourceIp"', path: 'Statement[1].Condition.NotIpAddress.SourceIp' }],
    },
  ],
});
