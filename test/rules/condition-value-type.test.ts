import rule from '../../src/rules/condition-value-type';
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

/** An OSS bucket policy (detected: Principal + oss action) with the given Condition on line 9, column 20. */
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

testRule(rule, {
  valid: [
    { name: 'string operators take any scalar', code: policy('{"StringEquals": {"acs:UserAgent": ["curl", 42, true]}, "StringLike": {"oss:Prefix": "logs/*"}}') },
    { name: 'documentation IP masks are one unknown address', code: policy('{"IpAddress": {"acs:SourceIp": ["42.120.XX.X/24", "xxx.xx.xxx.x/xx", "192.168.0.xx"]}}') },
    { name: 'a whole-value placeholder in a typed operator', code: policy('{"NumericLessThan": {"ecs:InstanceCount": "{{max_count}}"}, "DateLessThan": {"acs:CurrentTime": "<expiry-date>"}}') },
    { name: 'numbers as JSON numbers', code: policy('{"NumericLessThan": {"ecs:InstanceCount": 10}, "NumericGreaterThanEquals": {"ecs:Cpu": 0.5}}') },
    { name: 'numbers as numeric strings', code: policy('{"NumericEquals": {"ecs:InstanceCount": ["10", "-3", "2.5"]}}') },
    {
      name: 'ISO 8601 dates with Z, with an offset, with fractions and date-only',
      code: policy(
        '{"DateLessThan": {"acs:CurrentTime": "2012-11-11T23:59:59Z"}, "DateGreaterThan": {"acs:CurrentTime": ["2019-08-12T17:00:00+08:00", "2026-12-31T23:59:59.500Z", "2026-12-31"]}}',
      ),
    },
    { name: 'Bool as "true"/"false" strings and JSON booleans', code: policy('{"Bool": {"acs:SecureTransport": "true", "acs:MFAPresent": false, "oss:x": true, "oss:y": "false"}}') },
    { name: 'IPv4 addresses and CIDR blocks', code: policy('{"IpAddress": {"acs:SourceIp": ["203.0.113.7", "203.0.113.0/24", "0.0.0.0/0"]}}') },
    {
      name: 'IPv6 addresses and CIDR blocks',
      code: policy('{"NotIpAddress": {"acs:SourceIp": ["2001:db8::/32", "::1", "::ffff:192.0.2.1", "2001:0db8:0000:0000:0000:ff00:0042:8329", "fe80::/10"]}}'),
    },
    { name: 'IpAddressIncludeBorder takes IP values', code: bucketPolicy('{"IpAddressIncludeBorder": {"acs:SourceIp": "192.168.0.0/16"}}') },
    {
      name: 'whole ${...} template expressions are skipped',
      code: policy(
        '{"IpAddress": {"acs:SourceIp": "${var.office_cidr}"}, "DateLessThan": {"acs:CurrentTime": "${local.expiry}"}, "Bool": {"acs:MFAPresent": "${var.require_mfa}"}, "NumericLessThan": {"ecs:InstanceCount": "${var.max}"}}',
      ),
    },
    { name: 'unknown and wrong-case operators are left to invalid-condition-operator', code: policy('{"NumericEqual": {"ecs:InstanceCount": "ten"}, "bool": {"acs:SecureTransport": "yes"}}') },
    { name: 'non-scalar values are left to invalid-element-type', code: policy('{"IpAddress": {"acs:SourceIp": {"Ref": "OfficeCidr"}}, "Bool": {"acs:MFAPresent": [["true"]]}}') },
  ],
  invalid: [
    {
      name: 'Bool with "yes"',
      code: policy('{"Bool": {"acs:SecureTransport": "yes"}}'),
      errors: [{ messageId: 'mismatch', line: 8, column: 53, endLine: 8, endColumn: 58, text: '"yes"', path: 'Statement[0].Condition.Bool["acs:SecureTransport"]', severity: 'error' }],
    },
    {
      name: 'Bool with 1, "1" and ""',
      code: policy('{"Bool": {"acs:MFAPresent": 1, "acs:SecureTransport": ["1", ""]}}'),
      errors: [
        { messageId: 'mismatch', line: 8, column: 48, endLine: 8, endColumn: 49, text: '1', path: 'Statement[0].Condition.Bool["acs:MFAPresent"]' },
        { messageId: 'mismatch', line: 8, column: 75, endLine: 8, endColumn: 78, text: '"1"', path: 'Statement[0].Condition.Bool["acs:SecureTransport"][0]' },
        { messageId: 'mismatch', line: 8, column: 80, endLine: 8, endColumn: 82, text: '""', path: 'Statement[0].Condition.Bool["acs:SecureTransport"][1]' },
      ],
    },
    {
      name: 'Numeric with words, booleans and empty strings',
      code: policy('{"NumericLessThan": {"ecs:InstanceCount": ["ten", true, "", "10 instances"]}}'),
      errors: [
        { messageId: 'mismatch', line: 8, column: 63, endLine: 8, endColumn: 68, text: '"ten"', path: 'Statement[0].Condition.NumericLessThan["ecs:InstanceCount"][0]' },
        { messageId: 'mismatch', line: 8, column: 70, endLine: 8, endColumn: 74, text: 'true' },
        { messageId: 'mismatch', line: 8, column: 76, endLine: 8, endColumn: 78, text: '""' },
        { messageId: 'mismatch', line: 8, column: 80, endLine: 8, endColumn: 94, text: '"10 instances"' },
      ],
    },
    {
      name: 'Date in US format, with month 13, as a word and as a Unix timestamp',
      code: policy('{"DateLessThan": {"acs:CurrentTime": ["12/31/2026", "2026-13-01T00:00:00Z", "tomorrow", 1798675200]}}'),
      errors: [
        { messageId: 'mismatch', line: 8, column: 58, endLine: 8, endColumn: 70, text: '"12/31/2026"', path: 'Statement[0].Condition.DateLessThan["acs:CurrentTime"][0]' },
        { messageId: 'mismatch', line: 8, column: 72, endLine: 8, endColumn: 94, text: '"2026-13-01T00:00:00Z"' },
        { messageId: 'mismatch', line: 8, column: 96, endLine: 8, endColumn: 106, text: '"tomorrow"' },
        { messageId: 'mismatch', line: 8, column: 108, endLine: 8, endColumn: 118, text: '1798675200' },
      ],
    },
    {
      name: 'IPv4 octet out of range and mask too wide',
      code: policy('{"IpAddress": {"acs:SourceIp": ["256.0.0.1", "10.0.0.0/33", "10.0.0.0/8/8", "10.0.0.*"]}}'),
      errors: [
        { messageId: 'mismatch', line: 8, column: 52, endLine: 8, endColumn: 63, text: '"256.0.0.1"', path: 'Statement[0].Condition.IpAddress["acs:SourceIp"][0]' },
        { messageId: 'mismatch', line: 8, column: 65, endLine: 8, endColumn: 78, text: '"10.0.0.0/33"' },
        { messageId: 'mismatch', line: 8, column: 80, endLine: 8, endColumn: 94, text: '"10.0.0.0/8/8"' },
        { messageId: 'mismatch', line: 8, column: 96, endLine: 8, endColumn: 106, text: '"10.0.0.*"' },
      ],
    },
    {
      name: 'IPv6 mask too wide and malformed IPv6',
      code: policy('{"NotIpAddress": {"acs:SourceIp": ["2001:db8::/129", "2001:db8:::1", "1:2:3:4:5:6:7:8:9"]}}'),
      errors: [
        { messageId: 'mismatch', line: 8, column: 55, endLine: 8, endColumn: 71, text: '"2001:db8::/129"' },
        { messageId: 'mismatch', line: 8, column: 73, endLine: 8, endColumn: 87, text: '"2001:db8:::1"' },
        { messageId: 'mismatch', line: 8, column: 89, endLine: 8, endColumn: 108, text: '"1:2:3:4:5:6:7:8:9"' },
      ],
    },
    {
      name: 'IP given as a host name or a number',
      code: policy('{"IpAddress": {"acs:SourceVpcIp": ["example.com", 3232235777]}}'),
      errors: [
        { messageId: 'mismatch', line: 8, column: 55, endLine: 8, endColumn: 68, text: '"example.com"' },
        { messageId: 'mismatch', line: 8, column: 70, endLine: 8, endColumn: 80, text: '3232235777' },
      ],
    },
    {
      name: 'IpAddressIncludeBorder values are checked too',
      code: bucketPolicy('{"IpAddressIncludeBorder": {"acs:SourceIp": "192.168.0.0/40"}}'),
      errors: [{ messageId: 'mismatch', line: 9, column: 64, endLine: 9, endColumn: 80, text: '"192.168.0.0/40"', path: 'Statement[0].Condition.IpAddressIncludeBorder["acs:SourceIp"]' }],
    },
    {
      name: 'a template that is only part of the value is not skipped',
      code: policy('{"NumericEquals": {"ecs:InstanceCount": "${var.count} instances"}}'),
      errors: [{ messageId: 'mismatch', line: 8, column: 60, endLine: 8, endColumn: 84, text: '"${var.count} instances"' }],
    },
  ],
});
