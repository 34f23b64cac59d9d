import { lintText } from '../../src/engine/linter';
import { builtinRules } from '../../src/rules';
import rule from '../../src/rules/unknown-action';
import { runRule, testRule } from '../helpers/rule-tester';

/** A permission policy whose only statement has the given Effect and Action list; the list starts on line 6, column 17. */
const policy = (actions: string, effect = 'Allow', key = 'Action') =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "${effect}",
      "${key}": ${actions},
      "Resource": "*"
    }
  ]
}`;

testRule(rule, {
  valid: [
    { name: 'known OSS, RAM and STS actions', code: policy('["oss:GetObject", "ram:PassRole", "sts:AssumeRole", "oss:ListObjects"]') },
    { name: 'actions compare case-insensitively', code: policy('["OSS:getobject", "Ram:passrole"]') },
    { name: 'an authoritative action (log:CreateIndex) and a derived one (ecs:DescribeInstances)', code: policy('["log:CreateIndex", "ecs:DescribeInstances", "drds:CreateDrdsDB"]') },
    { name: 'wildcards that cover known actions', code: policy('["oss:Get*", "ecs:Describe*", "oss:*", "*", "ram:P?ssRole"]') },
    { name: 'a wildcard service is left alone', code: policy('["*:GetObjet", "o*:Whatever"]') },
    { name: 'a service known by name only (bss) is not checked action by action', code: policy('["bss:DescribeOrderList", "yundun-sas:DescribeOnceTask"]') },
    { name: 'template expressions and malformed entries are other rules\' business', code: policy('["${var.action}", "oss: GetObject", "GetObject"]') },
    { name: 'an action added in the configuration', code: policy('["oss:GetObjectNewThing", "mysvc:DoThing"]'), options: { actions: ['oss:GetObjectNewThing', 'mysvc:DoThing'] } },
    { name: 'a service opened in the configuration with svc:*', code: policy('["mysvc:Anything", "mysvc:Else"]'), options: { actions: ['mysvc:*'] } },
    { name: 'a wildcard the configuration\'s own wildcard may cover', code: policy('["oss:GetNew*Thing"]'), options: { actions: ['oss:GetNew*'] } },
    { name: 'a service turned off in the configuration', code: policy('["oss:GetObjet"]'), options: { ignoreServices: ['OSS'] } },
    { name: 'MaxCompute project-policy actions', code: policy('["odps:Select", "odps:CreateTable"]') },
  ],
  invalid: [
    {
      name: 'a misspelt OSS action, with a did-you-mean',
      code: policy('["oss:GetObjet"]'),
      errors: [
        {
          messageId: 'unknownGuess',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 32,
          text: '"oss:GetObjet"',
          path: 'Statement[0].Action[0]',
          severity: 'error',
        },
      ],
    },
    {
      name: 'a misspelt action in a Deny says the Deny forbids nothing',
      code: policy('"oss:DeleteObjects"', 'Deny'),
      errors: [{ messageId: 'unknownGuess', line: 6, column: 17, endLine: 6, endColumn: 36, text: '"oss:DeleteObjects"', path: 'Statement[0].Action', severity: 'error' }],
    },
    {
      name: 'a misspelt action of a derived service is a warning (drds:CeateDrdsDB)',
      code: policy('["drds:CeateDrdsDB"]'),
      errors: [{ messageId: 'unknownDerivedGuess', line: 6, column: 18, endLine: 6, endColumn: 36, text: '"drds:CeateDrdsDB"', severity: 'warning' }],
    },
    {
      name: 'an API name that is not an action (oss:GetBucket is authorized as oss:ListObjects)',
      code: policy('["oss:GetBucket", "oss:HeadObject"]'),
      errors: [
        { messageId: 'apiName', line: 6, column: 18, endLine: 6, endColumn: 33, text: '"oss:GetBucket"', severity: 'error' },
        { messageId: 'apiName', line: 6, column: 35, endLine: 6, endColumn: 51, text: '"oss:HeadObject"', severity: 'error' },
      ],
    },
    {
      name: 'a wildcard that matches no known action of a known service',
      code: policy('["oss:Get*Objet", "oss:Get*"]'),
      errors: [{ messageId: 'noMatch', line: 6, column: 18, endLine: 6, endColumn: 33, text: '"oss:Get*Objet"', severity: 'warning' }],
    },
    {
      name: 'a configured wildcard of another service excuses nothing',
      code: policy('["oss:Get*Objet"]'),
      options: { actions: ['mysvc:Get*'] },
      errors: [{ messageId: 'noMatch', line: 6, column: 18, endLine: 6, endColumn: 33, text: '"oss:Get*Objet"', severity: 'warning' }],
    },
    {
      name: 'an unknown service prefix, with a did-you-mean',
      code: policy('["osss:GetObject", "zzzz:Thing"]'),
      errors: [
        { messageId: 'unknownServiceGuess', line: 6, column: 18, endLine: 6, endColumn: 34, text: '"osss:GetObject"', severity: 'warning' },
        { messageId: 'unknownService', line: 6, column: 36, endLine: 6, endColumn: 48, text: '"zzzz:Thing"', severity: 'warning' },
      ],
    },
    {
      name: 'a misspelt NotAction entry excludes nothing',
      code: policy('["ram:CreatAccessKey"]', 'Allow', 'NotAction'),
      errors: [{ messageId: 'unknownGuess', line: 6, column: 21, endLine: 6, endColumn: 41, text: '"ram:CreatAccessKey"', path: 'Statement[0].NotAction[0]' }],
    },
    {
      name: 'a misspelt action of a derived service with nothing close',
      code: policy('["ecs:Zzzzzzzzzzzzzzzz"]'),
      errors: [{ messageId: 'unknownDerived', line: 6, column: 18, endLine: 6, endColumn: 40, text: '"ecs:Zzzzzzzzzzzzzzzz"', severity: 'warning' }],
    },
    {
      name: 'a name of unbounded length gets no did-you-mean and does not hang',
      code: policy(`["oss:${'GetObject'.repeat(2000)}"]`),
      errors: [{ messageId: 'unknown', line: 6, column: 18, endLine: 6, endColumn: 18 + 2 + 4 + 18000, text: `"oss:${'GetObject'.repeat(2000)}"` }],
    },
  ],
});

describe('unknown-action messages', () => {
  const messageFor = (actions: string, effect = 'Allow', key = 'Action') => runRule(rule, { name: 'm', code: policy(actions, effect, key) }).messages.map((m) => m.message);

  it.each([
    ['["oss:GetObjet"]', 'Allow', 'Action', '"oss:GetObjet" is not an action of service "oss" (did you mean "oss:GetObject"?); it grants nothing.'],
    ['["oss:GetObjet"]', 'Deny', 'Action', '"oss:GetObjet" is not an action of service "oss" (did you mean "oss:GetObject"?); this Deny forbids nothing by it.'],
    ['["drds:CeateDrdsDB"]', 'Allow', 'Action', '"drds:CeateDrdsDB" is not among the APIs of service "drds" that the catalogue knows (did you mean "drds:CreateDrdsDB"?); if it is misspelt, it grants nothing.'],
    ['["oss:GetBucket"]', 'Allow', 'Action', '"oss:GetBucket" is the name of an API, not a RAM action: RAM authorizes it as "oss:ListObjects"; as written, it grants nothing.'],
    ['["osss:GetObject"]', 'Allow', 'Action', '"osss" in "osss:GetObject" is not a service the catalogue knows (did you mean "oss"?); if it is misspelt, it grants nothing.'],
    ['["oss:Get*Objet"]', 'Deny', 'Action', '"oss:Get*Objet" matches no action of service "oss" that the catalogue knows; if none exists, this Deny forbids nothing by it.'],
    ['["ram:CreatAccessKey"]', 'Allow', 'NotAction', '"ram:CreatAccessKey" is not an action of service "ram" (did you mean "ram:CreateAccessKey"?); NotAction excludes nothing by it, so the statement still allows the action that was meant.'],
  ])('%s in %s %s', (actions, effect, key, message) => {
    expect(messageFor(actions, effect, key)).toEqual([message]);
  });
});

describe('unknown-action on hostile input', () => {
  it('stays fast on a document of many unknown actions, and stops suggesting after a bound', () => {
    const actions = Array.from({ length: 3000 }, (_, i) => `"oss:GetObjectx${i}"`).join(', ');
    const start = Date.now();
    const { messages } = runRule(rule, { name: 'many', code: policy(`[${actions}]`) });
    expect(Date.now() - start).toBeLessThan(5000);
    expect(messages).toHaveLength(3000);
    expect(messages.filter((m) => m.message.includes('did you mean')).length).toBeLessThanOrEqual(100);
  });
});

describe('unknown-action in a trust policy', () => {
  /** A trust statement whose Action list starts on line 6, column 17. */
  const trust = (actions: string) => `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ${actions},
      "Principal": { "Service": ["ecs.aliyuncs.com"] }
    }
  ]
}`;
  const findings = (text: string, settings?: Parameters<typeof lintText>[1]['settings']) =>
    lintText(text, { rules: builtinRules, filePath: 't.json', settings }).messages.map((m) => [m.ruleId, m.messageId, m.line, m.column, m.endLine, m.endColumn]);

  it('folds into trust-policy-action: an STS API name draws one error, not two', () => {
    expect(findings(trust('["sts:AssumeRoleWithOIDC", "sts:AssumeRol"]'))).toEqual([
      ['trust-policy-action', 'apiName', 6, 18, 6, 42],
      ['trust-policy-action', 'otherAction', 6, 44, 6, 59],
    ]);
  });

  it('stands when trust-policy-action is off', () => {
    expect(findings(trust('["sts:AssumeRoleWithOIDC"]'), { 'trust-policy-action': { severity: 'off' } })).toEqual([['unknown-action', 'apiName', 6, 18, 6, 42]]);
  });
});
