import rule from '../../src/rules/duplicate-list-entry';
import { testRule } from '../helpers/rule-tester';

type Doc = { Version: string; Statement: Record<string, unknown>[] };

/** One Allow statement with the given members. */
const doc = (members: Record<string, unknown>): Doc => ({ Version: '1', Statement: [{ Effect: 'Allow', ...members }] });

const withDuplicates = doc({
  Action: ['ecs:StartInstance', 'ecs:StopInstance', 'ECS:StartInstance', 'ecs:RebootInstance'],
  Resource: ['acs:ecs:*:*:instance/i-1', 'acs:ecs:*:*:instance/i-2', 'acs:ecs:*:*:instance/i-1'],
});
const deduplicated = doc({
  Action: ['ecs:StartInstance', 'ecs:StopInstance', 'ecs:RebootInstance'],
  Resource: ['acs:ecs:*:*:instance/i-1', 'acs:ecs:*:*:instance/i-2'],
});

testRule(rule, {
  valid: [
    { name: 'no repeated entries', code: deduplicated },
    { name: 'single string values', code: doc({ Action: 'ecs:StartInstance', Resource: '*' }) },
    { name: 'resources that differ only in case are different resources', code: doc({ Action: 'oss:GetObject', Resource: ['acs:oss:*:*:Logs/*', 'acs:oss:*:*:logs/*'] }) },
    { name: 'the same value in Action and Resource lists', code: doc({ Action: ['ram:*'], Resource: ['ram:*'] }) },
    {
      name: 'the same action in two statements',
      code: { Version: '1', Statement: [{ Effect: 'Allow', Action: ['ecs:StartInstance'], Resource: '*' }, { Effect: 'Deny', Action: ['ecs:StartInstance'], Resource: 'acs:ecs:*:*:instance/i-prod' }] },
    },
    { name: 'repeated Principal entries are not a list this rule reads', code: { Version: '1', Statement: [{ Effect: 'Allow', Principal: ['1', '1'], Action: 'oss:GetObject', Resource: 'acs:oss:*:*:b/*' }] } },
    { name: 'repeated non-string entries are invalid-element-type\'s finding', code: doc({ Action: [1, 1], Resource: '*' }) },
  ],
  invalid: [
    {
      name: 'a repeat after a block comment: the comments stay (.jsonc)',
      filePath: 'policies/ops.jsonc',
      code: '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ecs:StartInstance", "ecs:StopInstance" /* keep */, "ecs:StartInstance" // why\n], "Resource": "*"}]}',
      errors: [{ messageId: 'duplicate', line: 1, column: 115, endLine: 1, endColumn: 134, text: '"ecs:StartInstance"', path: 'Statement[0].Action[2]' }],
      output: '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["ecs:StartInstance", "ecs:StopInstance" /* keep */  // why\n], "Resource": "*"}]}',
    },
    {
      name: 'actions compare case-insensitively, resources exactly (two-space indent)',
      code: withDuplicates,
      errors: [
        { messageId: 'duplicate', line: 9, column: 9, endLine: 9, endColumn: 28, text: '"ECS:StartInstance"', path: 'Statement[0].Action[2]', severity: 'info' },
        { messageId: 'duplicate', line: 15, column: 9, endLine: 15, endColumn: 35, text: '"acs:ecs:*:*:instance/i-1"', path: 'Statement[0].Resource[2]', severity: 'info' },
      ],
      output: JSON.stringify(deduplicated, null, 2),
    },
    {
      name: 'four-space indentation is kept',
      code: JSON.stringify(withDuplicates, null, 4),
      errors: [
        { messageId: 'duplicate', line: 9, column: 17, endLine: 9, endColumn: 36, text: '"ECS:StartInstance"' },
        { messageId: 'duplicate', line: 15, column: 17, endLine: 15, endColumn: 43, text: '"acs:ecs:*:*:instance/i-1"' },
      ],
      output: JSON.stringify(deduplicated, null, 4),
    },
    {
      name: 'tab indentation is kept',
      code: JSON.stringify(withDuplicates, null, '\t'),
      errors: [
        { messageId: 'duplicate', line: 9, column: 5, endLine: 9, endColumn: 24, text: '"ECS:StartInstance"' },
        { messageId: 'duplicate', line: 15, column: 5, endLine: 15, endColumn: 31, text: '"acs:ecs:*:*:instance/i-1"' },
      ],
      output: JSON.stringify(deduplicated, null, '\t'),
    },
    {
      name: 'CRLF line endings are kept',
      code: JSON.stringify(withDuplicates, null, 2).replace(/\n/g, '\r\n'),
      errors: [
        { messageId: 'duplicate', line: 9, column: 9, endLine: 9, endColumn: 28, text: '"ECS:StartInstance"' },
        { messageId: 'duplicate', line: 15, column: 9, endLine: 15, endColumn: 35, text: '"acs:ecs:*:*:instance/i-1"' },
      ],
      output: JSON.stringify(deduplicated, null, 2).replace(/\n/g, '\r\n'),
    },
    {
      name: 'a repeat in the middle of the list goes, its comment stays (.jsonc)',
      filePath: 'policies/ops.jsonc',
      code: `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ecs:StartInstance", // start
        "ecs:StartInstance", // again
        "ecs:StopInstance"
      ],
      "Resource": "*"
    }
  ]
}`,
      errors: [{ messageId: 'duplicate', line: 8, column: 9, endLine: 8, endColumn: 28, text: '"ecs:StartInstance"', path: 'Statement[0].Action[1]' }],
      output: `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ecs:StartInstance", // start
        // again
        "ecs:StopInstance"
      ],
      "Resource": "*"
    }
  ]
}`,
    },
    {
      name: 'a one-line list stays on one line',
      code: '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:PutObject", "oss:GetObject"], "Resource": "*"}]}',
      errors: [{ messageId: 'duplicate', line: 1, column: 97, endLine: 1, endColumn: 112, text: '"oss:GetObject"', path: 'Statement[0].Action[2]' }],
      output: '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:PutObject"], "Resource": "*"}]}',
    },
    {
      name: 'a minified policy with the same entry three times',
      code: '{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObject","oss:GetObject","oss:GetObject"],"Resource":"*"}]}',
      errors: [
        { messageId: 'duplicate', line: 1, column: 73, endLine: 1, endColumn: 88, text: '"oss:GetObject"', path: 'Statement[0].Action[1]' },
        { messageId: 'duplicate', line: 1, column: 89, endLine: 1, endColumn: 104, text: '"oss:GetObject"', path: 'Statement[0].Action[2]' },
      ],
      output: '{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObject"],"Resource":"*"}]}',
    },
    {
      name: 'a hand-formatted CRLF file keeps its layout',
      code: '{\r\n\t"Version": "1",\r\n\t"Statement": [{"Effect": "Allow", "Action": [\r\n\t\t"ecs:StartInstance",\r\n\t\t"ecs:StartInstance"\r\n\t], "Resource": "*"}]\r\n}',
      errors: [{ messageId: 'duplicate', line: 5, column: 3, endLine: 5, endColumn: 22, text: '"ecs:StartInstance"' }],
      output: '{\r\n\t"Version": "1",\r\n\t"Statement": [{"Effect": "Allow", "Action": [\r\n\t\t"ecs:StartInstance"\r\n\t], "Resource": "*"}]\r\n}',
    },
    {
      name: 'NotAction and NotResource lists',
      code: { Version: '1', Statement: [{ Effect: 'Deny', NotAction: ['ram:*', 'RAM:*', 'ims:*'], NotResource: ['acs:ram:*:*:role/ops', 'acs:ram:*:*:role/ops'] }] },
      errors: [
        { messageId: 'duplicate', line: 8, column: 9, endLine: 8, endColumn: 16, text: '"RAM:*"', path: 'Statement[0].NotAction[1]' },
        { messageId: 'duplicate', line: 13, column: 9, endLine: 13, endColumn: 31, text: '"acs:ram:*:*:role/ops"', path: 'Statement[0].NotResource[1]' },
      ],
      output: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', NotAction: ['ram:*', 'ims:*'], NotResource: ['acs:ram:*:*:role/ops'] }] }, null, 2),
    },
    {
      name: 'repeats in a later statement carry its index in the path',
      code: {
        Version: '1',
        Statement: [
          { Effect: 'Allow', Action: ['oss:GetObject'], Resource: '*' },
          { Effect: 'Allow', Action: ['oss:PutObject', 'oss:PutObject', 'oss:DeleteObject'], Resource: 'acs:oss:*:*:uploads/*' },
        ],
      },
      errors: [{ messageId: 'duplicate', line: 15, column: 9, endLine: 15, endColumn: 24, text: '"oss:PutObject"', path: 'Statement[1].Action[1]' }],
      output: JSON.stringify(
        {
          Version: '1',
          Statement: [
            { Effect: 'Allow', Action: ['oss:GetObject'], Resource: '*' },
            { Effect: 'Allow', Action: ['oss:PutObject', 'oss:DeleteObject'], Resource: 'acs:oss:*:*:uploads/*' },
          ],
        },
        null,
        2,
      ),
    },
  ],
});
