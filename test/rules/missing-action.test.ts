import rule from '../../src/rules/missing-action';
import { testRule } from '../helpers/rule-tester';

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

testRule(rule, {
  valid: [
    { name: '"action" in lower case is unknown-element\'s to rename, not reported as missing', code: statement('      "Effect": "Allow",\n      "action": "ecs:Describe*",\n      "Resource": "*"') },
    { name: 'Action as a string', code: statement('      "Effect": "Allow",\n      "Action": "ecs:Describe*",\n      "Resource": "*"') },
    { name: 'Action as a list', code: statement('      "Effect": "Allow",\n      "Action": ["oss:GetObject", "oss:PutObject"],\n      "Resource": "acs:oss:*:*:mybucket/*"') },
    { name: 'NotAction', code: statement('      "Effect": "Deny",\n      "NotAction": ["ram:Get*", "ram:List*"],\n      "Resource": "*"') },
    { name: 'Action "*"', code: statement('      "Effect": "Allow",\n      "Action": "*",\n      "Resource": "*"') },
    {
      name: 'a trust policy (seed CreateRole example)',
      code: '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":"acs:ram::123456789012****:root"}}],"Version":"1"}',
    },
    { name: 'a template expression is an action', code: statement('      "Effect": "Allow",\n      "Action": "${var.actions}",\n      "Resource": "*"') },
    {
      name: 'a ROS function in place of the list is left to invalid-element-type',
      code: statement('      "Effect": "Allow",\n      "Action": {"Fn::Split": [",", {"Ref": "Actions"}]},\n      "Resource": "*"'),
    },
    { name: 'an empty string is left to invalid-action-format', code: statement('      "Effect": "Allow",\n      "Action": "",\n      "Resource": "*"') },
    { name: 'no statements at all is left to invalid-statement', code: '{"Version": "1", "Statement": []}' },
  ],
  invalid: [
    {
      name: 'missing',
      code: statement('      "Effect": "Allow",\n      "Resource": "*"'),
      errors: [{ messageId: 'missing', line: 4, column: 5, endLine: 4, endColumn: 6, text: '{', path: 'Statement[0]', severity: 'error' }],
    },
    {
      name: 'missing in a trust policy',
      code: '{\n  "Version": "1",\n  "Statement": [\n    {"Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]}}\n  ]\n}',
      errors: [{ messageId: 'missing', line: 4, column: 5, endLine: 4, endColumn: 6, text: '{', path: 'Statement[0]' }],
    },
    {
      name: 'missing in the second of two statements',
      code: '{\n  "Version": "1",\n  "Statement": [\n    {"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"},\n    {"Effect": "Deny", "Resource": "*"}\n  ]\n}',
      errors: [{ messageId: 'missing', line: 5, column: 5, endLine: 5, endColumn: 6, text: '{', path: 'Statement[1]' }],
    },
    {
      name: 'missing in a single-object Statement',
      code: '{\n  "Version": "1",\n  "Statement": {"Effect": "Allow", "Resource": "*"}\n}',
      errors: [{ messageId: 'missing', line: 3, column: 16, endLine: 3, endColumn: 17, text: '{', path: 'Statement' }],
    },
    {
      name: 'both: the NotAction key is reported',
      code: statement('      "Effect": "Allow",\n      "Action": "ecs:Describe*",\n      "NotAction": "ecs:DescribeUserData",\n      "Resource": "*"'),
      errors: [{ messageId: 'both', line: 7, column: 7, endLine: 7, endColumn: 18, text: '"NotAction"', path: 'Statement[0].NotAction', severity: 'error' }],
    },
    {
      name: 'both, with NotAction written first',
      code: statement('      "Effect": "Deny",\n      "NotAction": ["ram:Get*"],\n      "Action": "ram:*",\n      "Resource": "*"'),
      errors: [{ messageId: 'both', line: 6, column: 7, endLine: 6, endColumn: 18, text: '"NotAction"', path: 'Statement[0].NotAction' }],
    },
    {
      name: 'empty: an empty Action list',
      code: statement('      "Effect": "Allow",\n      "Action": [],\n      "Resource": "*"'),
      errors: [{ messageId: 'empty', line: 6, column: 17, endLine: 6, endColumn: 19, text: '[]', path: 'Statement[0].Action', severity: 'error' }],
    },
    {
      name: 'empty: an empty NotAction list',
      code: statement('      "Effect": "Deny",\n      "NotAction": [ ],\n      "Resource": "*"'),
      errors: [{ messageId: 'empty', line: 6, column: 20, endLine: 6, endColumn: 23, text: '[ ]', path: 'Statement[0].NotAction' }],
    },
    {
      name: 'both, and both empty: three findings in document order',
      code: statement('      "Effect": "Allow",\n      "Action": [],\n      "NotAction": [],\n      "Resource": "*"'),
      errors: [
        { messageId: 'empty', line: 6, column: 17, endLine: 6, endColumn: 19, text: '[]', path: 'Statement[0].Action' },
        { messageId: 'both', line: 7, column: 7, endLine: 7, endColumn: 18, text: '"NotAction"', path: 'Statement[0].NotAction' },
        { messageId: 'empty', line: 7, column: 20, endLine: 7, endColumn: 22, text: '[]', path: 'Statement[0].NotAction' },
      ],
    },
  ],
});
