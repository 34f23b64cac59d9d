import rule from '../../src/rules/condition-wildcard-literal';
import { runRule, testRule } from '../helpers/rule-tester';

/** A permission policy whose only statement carries the given Condition on line 8, starting at column 20. */
const policy = (condition: string, effect = 'Allow') =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "${effect}",
      "Action": "oss:GetObject",
      "Resource": "acs:oss:*:*:b/*",
      "Condition": ${condition}
    }
  ]
}`;

testRule(rule, {
  valid: [
    { name: 'a wildcard under StringLike', code: policy('{"StringLike": {"acs:SourceVpc": "vpc-*"}}') },
    { name: 'a wildcard under StringNotLike', code: policy('{"StringNotLike": {"oss:Prefix": ["Development/*", "?"]}}', 'Deny') },
    { name: 'literal values under StringEquals', code: policy('{"StringEquals": {"acs:SourceVpc": ["vpc-1", "vpc-2"]}}') },
    { name: 'a placeholder value', code: policy('{"StringEquals": {"acs:SourceVpc": ["${var.vpc_id}", "<vpc-id>"]}}') },
    { name: 'a ? inside a placeholder is the template language\'s', code: policy('{"StringEquals": {"acs:PrincipalARN": "acs:ram::${var.prod ? var.a : var.b}:role/ops"}}') },
    {
      name: 'documentation masks of three or more stars (regression: ack-ram-tool__17.json)',
      code: policy('{"StringEquals": {"oidc:iss": "https://oidc-ack-***.aliyuncs.com/c132c***", "acs:SourceVpc": "vpc-bp1****"}}'),
    },
    { name: 'a ? that opens the query of a URL', code: policy('{"StringEquals": {"acs:Referer": "https://example.com/app?id=1"}}') },
    { name: 'non-string values are condition-value-type\'s', code: policy('{"StringEquals": {"acs:SourceVpc": [5, true]}}') },
    { name: 'an operator in another case is invalid-condition-operator\'s', code: policy('{"stringequals": {"acs:SourceVpc": "vpc-*"}}') },
    { name: 'other operators are not string comparisons', code: policy('{"IpAddress": {"acs:SourceIp": "10.0.0.*"}, "DateLessThan": {"acs:CurrentTime": "2026-*"}}') },
  ],
  invalid: [
    {
      name: 'the audit repro: StringEquals "vpc-*" in an Allow, with the suggestion to use StringLike',
      code: '{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:b/*","Condition":{"StringEquals":{"acs:SourceVpc":"vpc-*"}}}]}',
      errors: [
        {
          messageId: 'equals',
          line: 1,
          column: 146,
          endLine: 1,
          endColumn: 153,
          text: '"vpc-*"',
          path: 'Statement[0].Condition.StringEquals["acs:SourceVpc"]',
          severity: 'warning',
          suggestions: [
            {
              desc: 'Use StringLike instead of StringEquals, so that * and ? match as wildcards.',
              output: '{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:b/*","Condition":{"StringLike":{"acs:SourceVpc":"vpc-*"}}}]}',
            },
          ],
        },
      ],
    },
    {
      name: 'StringNotEquals "vpc-*" in a Deny, which then blocks nearly everything',
      code: policy('{"StringNotEquals": {"acs:SourceVpc": "vpc-*"}}', 'Deny'),
      errors: [
        {
          messageId: 'notEquals',
          line: 8,
          column: 58,
          endLine: 8,
          endColumn: 65,
          text: '"vpc-*"',
          suggestions: [
            {
              desc: 'Use StringNotLike instead of StringNotEquals, so that * and ? match as wildcards.',
              output: policy('{"StringNotLike": {"acs:SourceVpc": "vpc-*"}}', 'Deny'),
            },
          ],
        },
      ],
    },
    {
      name: 'StringNotEquals in an Allow, and a ? wildcard',
      code: policy('{"StringNotEquals": {"ecs:InstanceType": "ecs.g7.?xlarge"}}'),
      errors: [{ messageId: 'notEquals', line: 8, column: 61, endLine: 8, endColumn: 77, text: '"ecs.g7.?xlarge"' }],
    },
    {
      name: 'StringEqualsIgnoreCase: the suggestion says the comparison becomes case-sensitive',
      code: policy('{"StringEqualsIgnoreCase": {"acs:SourceVpc": "VPC-*"}}'),
      errors: [
        {
          messageId: 'equals',
          line: 8,
          column: 65,
          endLine: 8,
          endColumn: 72,
          text: '"VPC-*"',
          suggestions: [
            {
              desc: 'Use StringLike instead of StringEqualsIgnoreCase, so that * and ? match as wildcards, which also makes the comparison case-sensitive (RAM has no case-insensitive Like operator).',
              output: policy('{"StringLike": {"acs:SourceVpc": "VPC-*"}}'),
            },
          ],
        },
      ],
    },
    {
      name: 'StringNotEqualsIgnoreCase with a second key: no suggestion, which would make that key case-sensitive too',
      code: policy('{"StringNotEqualsIgnoreCase": {"acs:SourceVpc": "vpc-*", "acs:AccessId": "LTAI5t"}}', 'Deny'),
      errors: [{ messageId: 'notEquals', line: 8, column: 68, endLine: 8, endColumn: 75, text: '"vpc-*"', suggestions: [] }],
    },
    {
      name: 'a ForAnyValue: prefix is kept in the suggestion',
      code: policy('{"ForAnyValue:StringEquals": {"acs:TagKeys": "team-*"}}'),
      errors: [
        {
          messageId: 'equals',
          line: 8,
          column: 65,
          endLine: 8,
          endColumn: 73,
          text: '"team-*"',
          suggestions: [
            {
              desc: 'Use ForAnyValue:StringLike instead of ForAnyValue:StringEquals, so that * and ? match as wildcards.',
              output: policy('{"ForAnyValue:StringLike": {"acs:TagKeys": "team-*"}}'),
            },
          ],
        },
      ],
    },
    {
      name: 'each wildcard value of a list is reported; literal values and keys beside it do not stop the suggestion',
      code: policy('{"StringEquals": {"acs:SourceVpc": ["vpc-1", "vpc-a*", "vpc-b*"], "acs:AccessId": "LTAI5t"}}'),
      errors: [
        {
          messageId: 'equals',
          line: 8,
          column: 65,
          endLine: 8,
          endColumn: 73,
          text: '"vpc-a*"',
          path: 'Statement[0].Condition.StringEquals["acs:SourceVpc"][1]',
          suggestions: [
            {
              desc: 'Use StringLike instead of StringEquals, so that * and ? match as wildcards.',
              output: policy('{"StringLike": {"acs:SourceVpc": ["vpc-1", "vpc-a*", "vpc-b*"], "acs:AccessId": "LTAI5t"}}'),
            },
          ],
        },
        { messageId: 'equals', line: 8, column: 75, endLine: 8, endColumn: 83, text: '"vpc-b*"', path: 'Statement[0].Condition.StringEquals["acs:SourceVpc"][2]' },
      ],
    },
    {
      name: 'no suggestion when the Condition already has the Like operator (the rename would repeat a key)',
      code: policy('{"StringEquals": {"acs:SourceVpc": "vpc-*"}, "StringLike": {"oss:Prefix": "logs/*"}}'),
      errors: [{ messageId: 'equals', line: 8, column: 55, endLine: 8, endColumn: 62, text: '"vpc-*"', suggestions: [] }],
    },
    {
      name: 'no suggestion when a value beside it would turn into a pattern (a URL with a query)',
      code: policy('{"StringEquals": {"acs:SourceVpc": "vpc-*", "acs:Referer": "https://example.com/?a=1"}}'),
      errors: [{ messageId: 'equals', line: 8, column: 55, endLine: 8, endColumn: 62, text: '"vpc-*"', suggestions: [] }],
    },
    {
      name: 'the OSS documentation example: StringEquals oss:Prefix "Development/*" in a bucket policy',
      code: {
        Version: '1',
        Statement: [{ Effect: 'Allow', Principal: ['20214760404935xxxx'], Action: 'oss:ListObjects', Resource: 'acs:oss:*:*:example-company', Condition: { StringEquals: { 'oss:Prefix': 'Development/*' } } }],
      },
      errors: [{ messageId: 'equals', line: 13, column: 25, endLine: 13, endColumn: 40, text: '"Development/*"', path: 'Statement[0].Condition.StringEquals["oss:Prefix"]' }],
    },
    {
      name: 'a trust policy that means every service account of a namespace',
      code: {
        Version: '1',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Principal: { Federated: ['acs:ram::123456789012:oidc-provider/ack-rrsa'] },
            Condition: { StringEquals: { 'oidc:aud': 'sts.aliyuncs.com', 'oidc:sub': 'system:serviceaccount:prod:*' } },
          },
        ],
      },
      errors: [{ messageId: 'equals', line: 15, column: 23, endLine: 15, endColumn: 53, text: '"system:serviceaccount:prod:*"' }],
    },
    {
      name: 'an Effect that is neither Allow nor Deny gets the neutral wording',
      code: policy('{"StringEquals": {"acs:SourceVpc": "*"}}', 'allow'),
      errors: [{ messageId: 'equals', line: 8, column: 55, endLine: 8, endColumn: 58, text: '"*"' }],
    },
  ],
});

describe('condition-wildcard-literal messages', () => {
  const message = (condition: string, effect: string) => runRule(rule, { name: '', code: policy(condition, effect) }).messages.map((m) => m.message);

  it('say what the literal comparison does, for Allow and for Deny', () => {
    expect(message('{"StringNotEquals": {"acs:SourceVpc": "vpc-*"}}', 'Deny')).toEqual([
      'StringNotEquals reads "vpc-*" as literal text, not as a pattern: it excludes only the exact value "vpc-*" of acs:SourceVpc, so the Deny also blocks the requests the pattern was meant to let through; use StringNotLike to exclude a pattern.',
    ]);
    expect(message('{"StringNotEquals": {"acs:SourceVpc": "vpc-*"}}', 'Allow')).toEqual([
      'StringNotEquals reads "vpc-*" as literal text, not as a pattern: it excludes only the exact value "vpc-*" of acs:SourceVpc, so the statement also allows the requests the pattern was meant to exclude; use StringNotLike to exclude a pattern.',
    ]);
    expect(message('{"StringEquals": {"acs:SourceVpc": "vpc-*"}}', 'Allow')).toEqual([
      'StringEquals reads "vpc-*" as literal text, not as a pattern: acs:SourceVpc must be exactly "vpc-*", so the statement does not allow the requests the pattern was meant to match; use StringLike to match a pattern.',
    ]);
    expect(message('{"StringEquals": {"acs:SourceVpc": "vpc-*"}}', 'Deny')).toEqual([
      'StringEquals reads "vpc-*" as literal text, not as a pattern: acs:SourceVpc must be exactly "vpc-*", so the Deny does not block the requests the pattern was meant to match; use StringLike to match a pattern.',
    ]);
    expect(message('{"StringEqualsIgnoreCase": {"acs:SourceVpc": "vpc-*"}}', 'allow')).toEqual([
      'StringEqualsIgnoreCase reads "vpc-*" as literal text, not as a pattern: acs:SourceVpc must be exactly "vpc-*", so the condition does not hold for the values the pattern was meant to match; use StringLike (which compares case-sensitively) to match a pattern.',
    ]);
  });
});
