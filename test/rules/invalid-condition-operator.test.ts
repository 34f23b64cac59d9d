import rule from '../../src/rules/invalid-condition-operator';
import { testRule } from '../helpers/rule-tester';

/**
 * A permission policy whose only statement carries the given Condition on
 * line 8; the Condition object starts at column 20.
 */
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

/** An OSS bucket policy (detected as such: Principal + oss actions); Condition on line 9, column 20. */
const bucketPolicy = (condition: string) =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": ["20214760404935xxxx"],
      "Action": ["oss:GetObject"],
      "Resource": ["acs:oss:*:174649585760xxxx:examplebucket/*"],
      "Condition": ${condition}
    }
  ]
}`;

/** A role trust policy (detected as such: Principal + sts:AssumeRole); Condition on line 8, column 20. */
const trustPolicy = (condition: string) =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"RAM": ["acs:ram::123456789012****:root"]},
      "Action": "sts:AssumeRole",
      "Condition": ${condition}
    }
  ]
}`;

const everyDocumentedOperator = `{
        "StringEquals": {"acs:Service": "ecs.aliyuncs.com"},
        "StringNotEquals": {"acs:UserAgent": "curl"},
        "StringEqualsIgnoreCase": {"ecs:tag/env": "PROD"},
        "StringNotEqualsIgnoreCase": {"ecs:tag/env": "dev"},
        "StringLike": {"acs:PrincipalARN": "acs:ram:*:*:role/ops-*"},
        "StringNotLike": {"acs:PrincipalARN": "acs:ram:*:*:role/tmp-*"},
        "NumericEquals": {"ecs:InstanceCount": 1},
        "NumericNotEquals": {"ecs:InstanceCount": 0},
        "NumericLessThan": {"ecs:InstanceCount": 10},
        "NumericLessThanEquals": {"ecs:InstanceCount": 10},
        "NumericGreaterThan": {"ecs:InstanceCount": 0},
        "NumericGreaterThanEquals": {"ecs:InstanceCount": 1},
        "DateEquals": {"acs:CurrentTime": "2026-01-01T00:00:00Z"},
        "DateNotEquals": {"acs:CurrentTime": "2026-01-02T00:00:00Z"},
        "DateLessThan": {"acs:CurrentTime": "2026-12-31T23:59:59Z"},
        "DateLessThanEquals": {"acs:CurrentTime": "2026-12-31T23:59:59Z"},
        "DateGreaterThan": {"acs:CurrentTime": "2019-08-12T17:00:00+08:00"},
        "DateGreaterThanEquals": {"acs:CurrentTime": "2019-08-12T17:00:00+08:00"},
        "Bool": {"acs:SecureTransport": "true"},
        "IpAddress": {"acs:SourceIp": "203.0.113.0/24"},
        "NotIpAddress": {"acs:SourceIp": "2001:db8::/32"}
      }`;

testRule(rule, {
  valid: [
    { name: 'every documented operator in a permission policy', code: policy(everyDocumentedOperator) },
    { name: 'no Condition at all', code: policy('{}') },
    { name: 'IpAddressIncludeBorder in a detected bucket policy', code: bucketPolicy('{"IpAddressIncludeBorder": {"acs:SourceIp": "192.168.0.0/16"}}') },
    {
      name: 'IpAddressIncludeBorder when --kind bucket is given',
      code: policy('{"IpAddressIncludeBorder": {"acs:SourceIp": "192.168.0.0/16"}}'),
      kind: 'bucket',
    },
    { name: 'a documented operator whose value is not an object is another rule\'s business', code: policy('{"StringEquals": "acs:Service"}') },
    { name: 'a Condition that is not an object is another rule\'s business', code: policy('"StringEquals"') },
    { name: 'documented operators in a trust policy', code: trustPolicy('{"StringEquals": {"saml:recipient": "https://signin.aliyun.com/saml-role/sso"}}') },
    {
      name: 'a single-object Statement with a documented operator',
      code: '{"Version": "1", "Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": {"Bool": {"acs:MFAPresent": "true"}}}}',
    },
  ],
  invalid: [
    {
      name: 'setOperator: ForAllValues: is a warning, as Alibaba\'s own modules use it',
      code: policy('{"ForAllValues:StringEquals": {"ram:TrustedPrincipalTypes": ["Service"]}}'),
      errors: [{ messageId: 'setOperator', line: 8, column: 21, endLine: 8, endColumn: 48, text: '"ForAllValues:StringEquals"', severity: 'warning' }],
    },
    {
      name: 'unknownGuess: a misspelt operator gets a suggestion',
      code: policy('{"IpAdress": {"acs:SourceIp": "203.0.113.0/24"}}'),
      errors: [{ messageId: 'unknownGuess', line: 8, column: 21, endLine: 8, endColumn: 31, text: '"IpAdress"' }],
    },
    {
      name: 'unknown: an unknown operator with an empty object is still reported',
      code: policy('{"Foo": {}}'),
      errors: [{ messageId: 'unknown', line: 8, column: 21, endLine: 8, endColumn: 26, text: '"Foo"' }],
    },
    {
      name: 'wrong case is fixed to the documented spelling',
      code: policy('{"stringequals": {"acs:Service": "ecs.aliyuncs.com"}}'),
      errors: [
        { messageId: 'wrongCase', line: 8, column: 21, endLine: 8, endColumn: 35, text: '"stringequals"', path: 'Statement[0].Condition.stringequals', severity: 'error' },
      ],
      output: policy('{"StringEquals": {"acs:Service": "ecs.aliyuncs.com"}}'),
    },
    {
      name: 'wrong case of an operator whose value is malformed is still fixed',
      code: policy('{"bool": "true"}'),
      errors: [{ messageId: 'wrongCase', line: 8, column: 21, endLine: 8, endColumn: 27, text: '"bool"', path: 'Statement[0].Condition.bool' }],
      output: policy('{"Bool": "true"}'),
    },
    {
      name: 'wrong case is not fixed when the documented spelling is already a key (the rename would duplicate it)',
      code: policy('{"StringLike": {"acs:UserAgent": "curl*"}, "Stringlike": {"acs:PrincipalARN": "acs:ram:*:*:role/ops-*"}}'),
      errors: [{ messageId: 'wrongCase', line: 8, column: 63, endLine: 8, endColumn: 75, text: '"Stringlike"' }],
    },
    {
      name: 'two case variants of one operator are not fixed (both would become the same key)',
      code: policy('{"stringlike": {"acs:UserAgent": "curl*"}, "STRINGLIKE": {"acs:SourceVpc": "vpc-1"}}'),
      errors: [
        { messageId: 'wrongCase', line: 8, column: 21, endLine: 8, endColumn: 33, text: '"stringlike"' },
        { messageId: 'wrongCase', line: 8, column: 63, endLine: 8, endColumn: 75, text: '"STRINGLIKE"' },
      ],
    },
    {
      name: 'several wrong-case operators get one fix each',
      code: policy('{"NUMERICLESSTHAN": {"ecs:InstanceCount": 10}, "ipaddress": {"acs:SourceIp": "10.0.0.0/8"}}'),
      errors: [
        { messageId: 'wrongCase', line: 8, column: 21, endLine: 8, endColumn: 38, text: '"NUMERICLESSTHAN"' },
        { messageId: 'wrongCase', line: 8, column: 67, endLine: 8, endColumn: 78, text: '"ipaddress"' },
      ],
      output: policy('{"NumericLessThan": {"ecs:InstanceCount": 10}, "IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}'),
    },
    {
      name: 'AWS set prefix ForAnyValue:',
      code: policy('{"ForAnyValue:StringEquals": {"acs:Service": "ecs.aliyuncs.com"}}'),
      errors: [
        {
          messageId: 'setOperator',
          line: 8,
          column: 21,
          endLine: 8,
          endColumn: 47,
          text: '"ForAnyValue:StringEquals"',
          path: 'Statement[0].Condition["ForAnyValue:StringEquals"]',
        },
      ],
    },
    {
      name: 'AWS set prefix in another case',
      code: policy('{"foranyvalue:stringlike": {"acs:RequestTag/team": "ops-*"}}'),
      errors: [{ messageId: 'setOperator', line: 8, column: 21, endLine: 8, endColumn: 45, text: '"foranyvalue:stringlike"' }],
    },
    {
      name: 'AWS IfExists suffix',
      code: policy('{"StringEqualsIfExists": {"acs:Service": "ecs.aliyuncs.com"}}'),
      errors: [{ messageId: 'awsOnly', line: 8, column: 21, endLine: 8, endColumn: 43, text: '"StringEqualsIfExists"', path: 'Statement[0].Condition.StringEqualsIfExists' }],
    },
    {
      name: 'AWS Null, ArnLike, ArnEquals and BinaryEquals',
      code: policy('{"Null": {"acs:SourceVpc": "true"}, "ArnLike": {"acs:PrincipalARN": "acs:ram:*:*:role/*"}, "ArnEquals": {"acs:PrincipalARN": "x"}, "BinaryEquals": {"oss:Prefix": "QmluYXJ5"}}'),
      errors: [
        { messageId: 'awsOnly', line: 8, column: 21, endLine: 8, endColumn: 27, text: '"Null"' },
        { messageId: 'awsOnly', line: 8, column: 56, endLine: 8, endColumn: 65, text: '"ArnLike"' },
        { messageId: 'awsOnly', line: 8, column: 111, endLine: 8, endColumn: 122, text: '"ArnEquals"' },
        { messageId: 'awsOnly', line: 8, column: 151, endLine: 8, endColumn: 165, text: '"BinaryEquals"' },
      ],
    },
    {
      name: 'an AWS operator written in another case is still AWS-only, not fixed',
      code: policy('{"stringequalsifexists": {"acs:Service": "ecs.aliyuncs.com"}}'),
      errors: [{ messageId: 'awsOnly', line: 8, column: 21, endLine: 8, endColumn: 43, text: '"stringequalsifexists"' }],
    },
    {
      name: 'an operator that exists nowhere',
      code: policy('{"StringContains": {"acs:UserAgent": "curl"}}'),
      errors: [{ messageId: 'unknown', line: 8, column: 21, endLine: 8, endColumn: 37, text: '"StringContains"', path: 'Statement[0].Condition.StringContains', severity: 'error' }],
    },
    {
      name: 'an unknown operator whose value is not an object is still reported',
      code: policy('{"IpRange": ["10.0.0.0/8"]}'),
      errors: [{ messageId: 'unknown', line: 8, column: 21, endLine: 8, endColumn: 30, text: '"IpRange"', path: 'Statement[0].Condition.IpRange' }],
    },
    {
      name: 'IpAddressIncludeBorder in a permission policy',
      code: policy('{"IpAddressIncludeBorder": {"acs:SourceIp": "192.168.0.0/16"}}'),
      errors: [
        { messageId: 'wrongKind', line: 8, column: 21, endLine: 8, endColumn: 45, text: '"IpAddressIncludeBorder"', path: 'Statement[0].Condition.IpAddressIncludeBorder' },
      ],
    },
    {
      name: 'IpAddressIncludeBorder in a trust policy',
      code: trustPolicy('{"IpAddressIncludeBorder": {"acs:SourceIp": "192.168.0.0/16"}}'),
      errors: [{ messageId: 'wrongKind', line: 8, column: 21, endLine: 8, endColumn: 45, text: '"IpAddressIncludeBorder"' }],
    },
    {
      name: 'IpAddressIncludeBorder when --kind resource is given',
      code: bucketPolicy('{"IpAddressIncludeBorder": {"acs:SourceIp": "192.168.0.0/16"}}'),
      kind: 'resource',
      errors: [{ messageId: 'wrongKind', line: 9, column: 21, endLine: 9, endColumn: 45, text: '"IpAddressIncludeBorder"' }],
    },
    {
      name: 'operators in a later statement carry its index in the path',
      code: `{
  "Version": "1",
  "Statement": [
    {"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"},
    {"Effect": "Deny", "Action": "ecs:*", "Resource": "*", "Condition": {"NotIpAddressIfExists": {"acs:SourceIp": "10.0.0.0/8"}}}
  ]
}`,
      errors: [
        { messageId: 'awsOnly', line: 5, column: 74, endLine: 5, endColumn: 96, text: '"NotIpAddressIfExists"', path: 'Statement[1].Condition.NotIpAddressIfExists' },
      ],
    },
    {
      name: 'a single-object Statement',
      code: '{"Version": "1", "Statement": {"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": {"Null": {"acs:SourceVpc": "false"}}}}',
      errors: [{ messageId: 'awsOnly', line: 1, column: 101, endLine: 1, endColumn: 107, text: '"Null"', path: 'Statement.Condition.Null' }],
    },
  ],
});
