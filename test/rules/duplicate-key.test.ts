import rule from '../../src/rules/duplicate-key';
import { runRule, testRule } from '../helpers/rule-tester';

/** A permission policy whose one statement is written out line by line. */
const statement = (lines: string) =>
  `{
  "Version": "1",
  "Statement": [
    {
${lines}
    }
  ]
}`;

testRule(rule, {
  valid: [
    {
      name: 'one key per object',
      code: statement('      "Effect": "Allow",\n      "Action": "oss:GetObject",\n      "Resource": "acs:oss:*:*:mybucket/*"'),
    },
    {
      name: 'the same key in two statements',
      code: {
        Version: '1',
        Statement: [
          { Effect: 'Allow', Action: 'ecs:Describe*', Resource: '*' },
          { Effect: 'Deny', Action: 'ecs:DeleteInstance', Resource: '*' },
        ],
      },
    },
    {
      name: 'the same condition key under two operators',
      code: statement(
        '      "Effect": "Allow",\n      "Action": "oss:ListObjects",\n      "Resource": "acs:oss:*:*:mybucket",\n' +
          '      "Condition": {"StringEquals": {"oss:Delimiter": "/"}, "StringLike": {"oss:Prefix": "home/*"}, "IpAddress": {"acs:SourceIp": "10.0.0.0/8"}, "Bool": {"acs:SecureTransport": "true"}, "StringNotEquals": {"oss:Prefix": "home/admin/"}}',
      ),
    },
    {
      name: 'keys that differ only in case are not duplicates (unknown-element reports the spelling)',
      code: statement('      "Effect": "Allow",\n      "action": "ecs:Describe*",\n      "Action": "ecs:Describe*",\n      "Resource": "*"'),
    },
    {
      name: 'a repeated list entry is not a key',
      code: statement('      "Effect": "Allow",\n      "Action": ["ecs:Describe*", "ecs:Describe*"],\n      "Resource": "*"'),
    },
    {
      name: 'a .jsonc file with comments and no duplicate',
      filePath: 'policies/readonly.jsonc',
      code: `{
  // Read-only access to one bucket.
  "Version": "1",
  "Statement": [
    /* objects */ {"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:mybucket/*"}
  ]
}`,
    },
  ],
  invalid: [
    {
      name: 'Effect written twice: Deny first, Allow last (JSON.parse keeps Allow)',
      code: statement('      "Effect": "Deny",\n      "Action": "oss:DeleteBucket",\n      "Resource": "acs:oss:*:*:prod-logs",\n      "Effect": "Allow"'),
      errors: [{ messageId: 'duplicate', line: 8, column: 7, endLine: 8, endColumn: 15, text: '"Effect"', path: 'Statement[0].Effect', severity: 'error' }],
    },
    {
      name: 'Version twice at the top level',
      code: `{
  "Version": "1",
  "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}],
  "Version": "2"
}`,
      errors: [{ messageId: 'duplicate', line: 4, column: 3, endLine: 4, endColumn: 12, text: '"Version"', path: 'Version' }],
    },
    {
      name: 'Statement twice: two different policies in one file',
      code: `{
  "Version": "1",
  "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}],
  "Statement": [{"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"}]
}`,
      errors: [{ messageId: 'duplicate', line: 4, column: 3, endLine: 4, endColumn: 14, text: '"Statement"', path: 'Statement' }],
    },
    {
      name: 'a condition key twice under one operator',
      code: statement(
        '      "Effect": "Allow",\n      "Action": "ecs:*",\n      "Resource": "*",\n      "Condition": {\n        "IpAddress": {\n          "acs:SourceIp": "10.0.0.0/8",\n          "acs:SourceIp": "0.0.0.0/0"\n        }\n      }',
      ),
      errors: [
        {
          messageId: 'duplicate',
          line: 11,
          column: 11,
          endLine: 11,
          endColumn: 25,
          text: '"acs:SourceIp"',
          path: 'Statement[0].Condition.IpAddress["acs:SourceIp"]',
        },
      ],
    },
    {
      name: 'a key spelled with a \\u escape duplicates its plain spelling',
      code: statement('      "Effect": "Allow",\n      "Eff\\u0065ct": "Deny",\n      "Action": "ecs:*",\n      "Resource": "*"'),
      errors: [{ messageId: 'duplicate', line: 6, column: 7, endLine: 6, endColumn: 20, text: '"Eff\\u0065ct"', path: 'Statement[0].Effect' }],
    },
    {
      name: 'three RAM principals under one key: each later one is reported',
      code: `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Principal": {
        "RAM": "acs:ram::111111111111:root",
        "RAM": "acs:ram::222222222222:root",
        "RAM": "acs:ram::333333333333:root"
      }
    }
  ]
}`,
      errors: [
        { messageId: 'duplicate', line: 9, column: 9, endLine: 9, endColumn: 14, text: '"RAM"', path: 'Statement[0].Principal.RAM' },
        { messageId: 'duplicate', line: 10, column: 9, endLine: 10, endColumn: 14, text: '"RAM"', path: 'Statement[0].Principal.RAM' },
      ],
    },
    {
      name: 'duplicates in two statements are reported in document order',
      code: `{
  "Version": "1",
  "Statement": [
    {"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*", "Resource": "acs:ecs:*:*:instance/*"},
    {"Effect": "Allow", "Action": "oss:GetObject", "Action": "oss:*", "Resource": "acs:oss:*:*:mybucket/*"}
  ]
}`,
      errors: [
        { messageId: 'duplicate', line: 4, column: 69, endLine: 4, endColumn: 79, text: '"Resource"', path: 'Statement[0].Resource' },
        { messageId: 'duplicate', line: 5, column: 52, endLine: 5, endColumn: 60, text: '"Action"', path: 'Statement[1].Action' },
      ],
    },
    {
      name: 'a duplicate in a single-object Statement',
      code: `{
  "Version": "1",
  "Statement": {
    "Effect": "Allow",
    "Action": "oss:GetObject",
    "Resource": "acs:oss:*:*:mybucket/*",
    "Resource": "*"
  }
}`,
      errors: [{ messageId: 'duplicate', line: 7, column: 5, endLine: 7, endColumn: 15, text: '"Resource"', path: 'Statement.Resource' }],
    },
    {
      name: 'a duplicate in a .jsonc file with comments',
      filePath: 'policies/ops.jsonc',
      code: `{
  "Version": "1",
  "Statement": [
    {
      // deny first …
      "Effect": "Deny",
      "Action": "ram:*",
      "Resource": "*",
      /* … then someone appended an override */
      "Effect": "Allow"
    }
  ]
}`,
      errors: [{ messageId: 'duplicate', line: 10, column: 7, endLine: 10, endColumn: 15, text: '"Effect"', path: 'Statement[0].Effect' }],
    },
  ],
});

describe('duplicate-key message', () => {
  it('names the key and the line of its first occurrence', () => {
    const { messages } = runRule(rule, {
      name: 'message',
      code: statement('      "Effect": "Deny",\n      "Action": "oss:DeleteBucket",\n      "Resource": "acs:oss:*:*:prod-logs",\n      "Effect": "Allow"'),
    });
    expect(messages.map((m) => m.message)).toEqual([expect.stringMatching(/^Duplicate key "Effect" \(first at line 5\);/)]);
  });
});
