import rule from '../../src/rules/invalid-element-type';
import { GENERATED_HOST, testRule } from '../helpers/rule-tester';

/** A policy with one statement written on line 4, starting at column 5. */
const policy = (statement: string) =>
  `{
  "Version": "1",
  "Statement": [
    ${statement}
  ]
}`;

testRule(rule, {
  valid: [
    {
      name: 'a well-typed permission policy with a Sid and typed condition values',
      code: policy(
        '{"Sid": "ReadOnly", "Effect": "Allow", "Action": ["ecs:Describe*"], "Resource": "*", "Condition": {"NumericLessThan": {"ecs:InstanceCount": 10}, "Bool": {"acs:SecureTransport": true}, "IpAddress": {"acs:SourceIp": ["10.0.0.0/8"]}}}',
      ),
    },
    { name: 'Principal "*"', code: policy('{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:site/*"}') },
    { name: 'Principal as a list of UIDs', code: policy('{"Effect": "Allow", "Principal": ["20214760404935xxxx"], "Action": "oss:GetObject", "Resource": "acs:oss:*:*:site/*"}') },
    {
      name: 'Principal as an object of strings and string lists',
      code: policy('{"Effect": "Allow", "Principal": {"RAM": "acs:ram::123456789012****:root", "Service": ["ecs.aliyuncs.com"]}, "Action": "sts:AssumeRole"}'),
    },
    { name: 'an empty Condition object', code: policy('{"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": {}}') },
    { name: 'a Statement that is not an array is invalid-statement\'s finding', code: '{"Version": "1", "Statement": "ecs:*"}' },
    { name: 'a Version that is a number is invalid-version\'s finding', code: '{"Version": 1, "Statement": []}' },
    { name: 'an Effect that is a number is invalid-effect\'s finding', code: policy('{"Effect": 1, "Action": "ecs:*", "Resource": "*"}') },
    // A processor's "${...}" for a host value (Condition = var.cond, Fn::If) may be any object: unresolved-value notes it.
    { name: 'a Condition the host file computes is not a string', code: policy('{"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": "${var.cond}"}'), host: GENERATED_HOST },
    {
      name: 'an operator map the host file computes is not a string',
      code: policy('{"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": {"StringEquals": "${jsonencode(var.pins)}"}}'),
      host: GENERATED_HOST,
    },
    {
      name: 'a Principal the host file computes is not a string',
      code: policy('{"Effect": "Allow", "Principal": "${var.who}", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:site/*"}'),
      host: GENERATED_HOST,
    },
  ],
  invalid: [
    {
      name: 'the document is an array',
      code: '[{"Version": "1", "Statement": []}]',
      errors: [{ messageId: 'root', line: 1, column: 1, endLine: 1, endColumn: 36, text: '[{"Version": "1", "Statement": []}]', path: '', severity: 'error' }],
    },
    {
      name: 'the document is a string',
      code: '"{\\"Version\\": \\"1\\"}"',
      errors: [{ messageId: 'root', line: 1, column: 1, endLine: 1, endColumn: 23, text: '"{\\"Version\\": \\"1\\"}"', path: '' }],
    },
    {
      name: 'the document is null',
      code: '\nnull\n',
      errors: [{ messageId: 'root', line: 2, column: 1, endLine: 2, endColumn: 5, text: 'null' }],
    },
    {
      name: 'Action is a number and Resource an object',
      code: policy('{"Effect": "Allow", "Action": 42, "Resource": {"arn": "acs:ecs:*:*:instance/i-1"}}'),
      errors: [
        { messageId: 'listValue', line: 4, column: 35, endLine: 4, endColumn: 37, text: '42', path: 'Statement[0].Action' },
        { messageId: 'listValue', line: 4, column: 51, endLine: 4, endColumn: 86, text: '{"arn": "acs:ecs:*:*:instance/i-1"}', path: 'Statement[0].Resource' },
      ],
    },
    {
      name: 'NotAction is a boolean and NotResource is null',
      code: policy('{"Effect": "Deny", "NotAction": true, "NotResource": null}'),
      errors: [
        { messageId: 'listValue', line: 4, column: 37, endLine: 4, endColumn: 41, text: 'true', path: 'Statement[0].NotAction' },
        { messageId: 'listValue', line: 4, column: 58, endLine: 4, endColumn: 62, text: 'null', path: 'Statement[0].NotResource' },
      ],
    },
    {
      name: 'an object with two keys is not a ROS function',
      code: policy('{"Effect": "Allow", "Action": "ecs:*", "Resource": {"Fn::Sub": "acs:ecs:*:*:*", "Extra": 1}}'),
      errors: [{ messageId: 'listValue', line: 4, column: 56, endLine: 4, endColumn: 96, text: '{"Fn::Sub": "acs:ecs:*:*:*", "Extra": 1}', severity: 'error' }],
    },
    {
      name: 'entries of Action and Resource that are not strings',
      code: policy('{"Effect": "Allow", "Action": ["ecs:Start*", 42, null], "Resource": [["acs:ecs:*:*:instance/i-1"]]}'),
      errors: [
        { messageId: 'listEntry', line: 4, column: 50, endLine: 4, endColumn: 52, text: '42', path: 'Statement[0].Action[1]' },
        { messageId: 'listEntry', line: 4, column: 54, endLine: 4, endColumn: 58, text: 'null', path: 'Statement[0].Action[2]' },
        { messageId: 'listEntry', line: 4, column: 74, endLine: 4, endColumn: 102, text: '["acs:ecs:*:*:instance/i-1"]', path: 'Statement[0].Resource[0]' },
      ],
    },
    {
      name: 'Sid is a number',
      code: policy('{"Sid": 1, "Effect": "Allow", "Action": "ecs:*", "Resource": "*"}'),
      errors: [{ messageId: 'sid', line: 4, column: 13, endLine: 4, endColumn: 14, text: '1', path: 'Statement[0].Sid' }],
    },
    {
      name: 'Condition is a string',
      code: policy('{"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": "acs:SecureTransport"}'),
      errors: [{ messageId: 'condition', line: 4, column: 74, endLine: 4, endColumn: 95, text: '"acs:SecureTransport"', path: 'Statement[0].Condition' }],
    },
    {
      name: 'Condition is "${...}" in a bare file: a string, whatever fills it in',
      code: policy('{"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": "${var.cond}"}'),
      errors: [{ messageId: 'condition', line: 4, column: 74, endLine: 4, endColumn: 87, text: '"${var.cond}"', path: 'Statement[0].Condition' }],
    },
    {
      name: 'an operator map that is "${...}" in a bare file is a string',
      code: policy('{"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": {"StringEquals": "${var.pins}"}}'),
      errors: [{ messageId: 'operator', line: 4, column: 91, endLine: 4, endColumn: 104, text: '"${var.pins}"', path: 'Statement[0].Condition.StringEquals' }],
    },
    {
      name: 'Condition is an array',
      code: policy('{"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": [{"Bool": {"acs:SecureTransport": "true"}}]}'),
      errors: [{ messageId: 'condition', line: 4, column: 74, endLine: 4, endColumn: 117, text: '[{"Bool": {"acs:SecureTransport": "true"}}]' }],
    },
    {
      name: 'operator values that are not objects',
      code: policy('{"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": {"StringEquals": "acs:Service", "Bool": ["true"]}}'),
      errors: [
        { messageId: 'operator', line: 4, column: 91, endLine: 4, endColumn: 104, text: '"acs:Service"', path: 'Statement[0].Condition.StringEquals' },
        { messageId: 'operator', line: 4, column: 114, endLine: 4, endColumn: 122, text: '["true"]', path: 'Statement[0].Condition.Bool' },
      ],
    },
    {
      name: 'condition values that are objects, arrays or null',
      code: policy('{"Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": {"StringEquals": {"acs:Service": {"name": "ecs"}, "acs:SourceVpc": [null, ["vpc-1"]]}}}'),
      errors: [
        { messageId: 'conditionValue', line: 4, column: 107, endLine: 4, endColumn: 122, text: '{"name": "ecs"}', path: 'Statement[0].Condition.StringEquals["acs:Service"]' },
        { messageId: 'conditionValue', line: 4, column: 142, endLine: 4, endColumn: 146, text: 'null', path: 'Statement[0].Condition.StringEquals["acs:SourceVpc"][0]' },
        { messageId: 'conditionValue', line: 4, column: 148, endLine: 4, endColumn: 157, text: '["vpc-1"]', path: 'Statement[0].Condition.StringEquals["acs:SourceVpc"][1]' },
      ],
    },
    {
      name: 'Principal is a number',
      code: policy('{"Effect": "Allow", "Principal": 123456789012, "Action": "oss:GetObject", "Resource": "acs:oss:*:*:site/*"}'),
      errors: [{ messageId: 'principal', line: 4, column: 38, endLine: 4, endColumn: 50, text: '123456789012', path: 'Statement[0].Principal' }],
    },
    {
      name: 'Principal is null',
      code: policy('{"Effect": "Allow", "Principal": null, "Action": "sts:AssumeRole"}'),
      errors: [{ messageId: 'principal', line: 4, column: 38, endLine: 4, endColumn: 42, text: 'null' }],
    },
    {
      name: 'Principal list entries that are not strings',
      code: policy('{"Effect": "Allow", "Principal": ["20214760404935xxxx", 174649585760], "Action": "oss:GetObject", "Resource": "acs:oss:*:*:site/*"}'),
      errors: [{ messageId: 'principalEntry', line: 4, column: 61, endLine: 4, endColumn: 73, text: '174649585760', path: 'Statement[0].Principal[1]' }],
    },
    {
      name: 'Principal object values that are not strings',
      code: policy('{"Effect": "Allow", "Principal": {"RAM": [123456789012], "Service": {"name": "ecs.aliyuncs.com"}}, "Action": "sts:AssumeRole"}'),
      errors: [
        { messageId: 'principalEntry', line: 4, column: 47, endLine: 4, endColumn: 59, text: '123456789012', path: 'Statement[0].Principal.RAM[0]' },
        { messageId: 'principalEntry', line: 4, column: 73, endLine: 4, endColumn: 101, text: '{"name": "ecs.aliyuncs.com"}', path: 'Statement[0].Principal.Service' },
      ],
    },
    {
      name: 'ROS Fn::Sub as the Resource is reported as info',
      code: policy('{"Effect": "Allow", "Action": "oss:GetObject", "Resource": {"Fn::Sub": "acs:oss:*:*:${BucketName}/*"}}'),
      errors: [
        { messageId: 'intrinsic', line: 4, column: 64, endLine: 4, endColumn: 106, text: '{"Fn::Sub": "acs:oss:*:*:${BucketName}/*"}', path: 'Statement[0].Resource', severity: 'info' },
      ],
    },
    {
      name: 'ROS Fn::GetAtt as a Resource entry is reported as info',
      code: policy('{"Effect": "Allow", "Action": ["sts:AssumeRole"], "Resource": [{"Fn::GetAtt": ["RamRole1Dev", "Arn"]}]}'),
      errors: [
        { messageId: 'intrinsic', line: 4, column: 68, endLine: 4, endColumn: 106, text: '{"Fn::GetAtt": ["RamRole1Dev", "Arn"]}', path: 'Statement[0].Resource[0]', severity: 'info' },
      ],
    },
    {
      name: 'ROS Ref as the Version and Fn::If as the Effect are reported as info',
      code: `{
  "Version": {"Ref": "PolicyVersion"},
  "Statement": [
    {"Effect": {"Fn::If": ["IsProd", "Deny", "Allow"]}, "Action": "ecs:DeleteInstance", "Resource": "*"}
  ]
}`,
      errors: [
        { messageId: 'intrinsic', line: 2, column: 14, endLine: 2, endColumn: 38, text: '{"Ref": "PolicyVersion"}', path: 'Version', severity: 'info' },
        { messageId: 'intrinsic', line: 4, column: 16, endLine: 4, endColumn: 55, text: '{"Fn::If": ["IsProd", "Deny", "Allow"]}', path: 'Statement[0].Effect', severity: 'info' },
      ],
    },
    {
      name: 'ROS functions as a condition value and as a principal value are reported as info',
      code: policy(
        '{"Effect": "Allow", "Principal": {"RAM": {"Fn::Sub": "acs:ram::${ALIYUN::AccountId}:root"}}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"acs:SourceVpc": {"Ref": "VpcId"}}}}',
      ),
      errors: [
        { messageId: 'intrinsic', line: 4, column: 46, endLine: 4, endColumn: 95, text: '{"Fn::Sub": "acs:ram::${ALIYUN::AccountId}:root"}', path: 'Statement[0].Principal.RAM', severity: 'info' },
        { messageId: 'intrinsic', line: 4, column: 174, endLine: 4, endColumn: 190, text: '{"Ref": "VpcId"}', path: 'Statement[0].Condition.StringEquals["acs:SourceVpc"]', severity: 'info' },
      ],
    },
    {
      name: 'a ROS function stays info even when the rule is configured as an error',
      code: policy('{"Effect": "Allow", "Action": {"Fn::Split": [",", {"Ref": "Actions"}]}, "Resource": "*"}'),
      errors: [{ messageId: 'intrinsic', line: 4, column: 35, endLine: 4, endColumn: 75, text: '{"Fn::Split": [",", {"Ref": "Actions"}]}', path: 'Statement[0].Action', severity: 'info' }],
    },
  ],
});
