import rule from '../../src/rules/bool-condition-multiple-values';
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
    { name: 'one string value', code: policy('{"Bool": {"acs:SecureTransport": "true"}}') },
    { name: 'one JSON boolean', code: policy('{"Bool": {"acs:MFAPresent": true}}') },
    { name: 'a one-element array', code: policy('{"Bool": {"acs:SecureTransport": ["true"]}}') },
    { name: 'an empty array is not several values', code: policy('{"Bool": {"acs:SecureTransport": []}}') },
    { name: 'several Bool keys with one value each', code: policy('{"Bool": {"acs:SecureTransport": "true", "acs:MFAPresent": ["true"]}}') },
    { name: 'several values under a string operator are an OR', code: policy('{"StringEquals": {"acs:SourceVpc": ["vpc-1", "vpc-2"]}}') },
    { name: 'a wrong-case operator is invalid-condition-operator\'s finding', code: policy('{"bool": {"acs:SecureTransport": ["true", "false"]}}') },
    { name: 'a malformed Bool operator value is invalid-element-type\'s finding', code: policy('{"Bool": ["true", "false"]}') },
  ],
  invalid: [
    {
      name: 'true and false',
      code: policy('{"Bool": {"acs:SecureTransport": ["true", "false"]}}'),
      errors: [
        {
          messageId: 'multiple',
          line: 8,
          column: 53,
          endLine: 8,
          endColumn: 70,
          text: '["true", "false"]',
          path: 'Statement[0].Condition.Bool["acs:SecureTransport"]',
          severity: 'error',
        },
      ],
    },
    {
      name: 'the same value twice',
      code: policy('{"Bool": {"acs:MFAPresent": [true, true]}}'),
      errors: [{ messageId: 'multiple', line: 8, column: 48, endLine: 8, endColumn: 60, text: '[true, true]', path: 'Statement[0].Condition.Bool["acs:MFAPresent"]' }],
    },
    {
      name: 'values spread over several lines',
      code: policy(`{
        "Bool": {
          "acs:SecureTransport": [
            "true",
            "false",
            "true"
          ]
        }
      }`),
      errors: [{ messageId: 'multiple', line: 10, column: 34, endLine: 14, endColumn: 12, text: '[\n            "true",\n            "false",\n            "true"\n          ]' }],
    },
    {
      name: 'each offending key of each statement',
      code: `{
  "Version": "1",
  "Statement": [
    {"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": {"Bool": {"acs:SecureTransport": ["true", "false"], "acs:MFAPresent": "true"}}},
    {"Effect": "Deny", "Action": "ecs:*", "Resource": "*", "Condition": {"Bool": {"acs:MFAPresent": ["false", "False"]}}}
  ]
}`,
      errors: [
        { messageId: 'multiple', line: 4, column: 107, endLine: 4, endColumn: 124, text: '["true", "false"]', path: 'Statement[0].Condition.Bool["acs:SecureTransport"]' },
        { messageId: 'multiple', line: 5, column: 101, endLine: 5, endColumn: 119, text: '["false", "False"]', path: 'Statement[1].Condition.Bool["acs:MFAPresent"]' },
      ],
    },
  ],
});
