import fc from 'fast-check';
import rule from '../../src/rules/action-resource-mismatch';
import { wildcardMatch } from '../../src/engine/wildcard';
import { patternsOverlap, resourceMatchesTemplate, templatePattern } from '../../src/engine/analysis/action-catalogue';
import { runRule, testRule } from '../helpers/rule-tester';

/** A permission policy with one statement; its Action list starts on line 6, column 17. */
const policy = (actions: string, resources: string, effect = 'Allow') =>
  `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "${effect}",
      "Action": ${actions},
      "Resource": ${resources}
    }
  ]
}`;

testRule(rule, {
  valid: [
    { name: 'a resource of the type the action supports', code: policy('["actiontrail:DeleteTrail"]', '"acs:actiontrail:cn-hangzhou:123456789012:trail/audit"') },
    { name: 'Resource "*" matches every type', code: policy('["actiontrail:DeleteTrail"]', '"*"') },
    { name: 'one matching resource among others is enough', code: policy('["actiontrail:DeleteTrail"]', '["acs:oss:*:*:logs", "acs:actiontrail:*:*:trail/*"]') },
    { name: 'an action that supports only "*" is never asked to be scoped, nor judged on a scoped resource', code: policy('["actiontrail:LookupEvents"]', '["*", "acs:actiontrail:*:*:trail/audit"]') },
    { name: 'wildcard actions are not judged', code: policy('["actiontrail:*", "actiontrail:Delete*"]', '"acs:oss:*:*:logs"') },
    { name: 'derived services are not judged (ecs)', code: policy('["ecs:DeleteInstance"]', '"acs:oss:*:*:logs"') },
    { name: 'template resources are not judged', code: policy('["actiontrail:DeleteTrail"]', '["${var.arn}", "acs:oss:*:*:logs"]') },
    { name: 'NotResource is not judged', code: policy('["actiontrail:DeleteTrail"]', '"x"').replace('"Resource"', '"NotResource"') },
    { name: 'a service turned off in the configuration', code: policy('["actiontrail:DeleteTrail"]', '"acs:oss:*:*:logs"'), options: { ignoreServices: ['actiontrail'] } },
    { name: 'a resource in another region and account still matches the placeholders', code: policy('["pvtz:AddResolverRule"]', '"acs:pvtz:*:123456789012:rule/r-1"') },
  ],
  invalid: [
    {
      name: 'an ActionTrail action on an OSS bucket',
      code: policy('["actiontrail:DeleteTrail"]', '["acs:oss:*:*:audit-logs", "acs:oss:*:*:audit-logs/*"]'),
      errors: [{ messageId: 'mismatch', line: 6, column: 18, endLine: 6, endColumn: 43, text: '"actiontrail:DeleteTrail"', path: 'Statement[0].Action[0]', severity: 'warning' }],
    },
    {
      name: 'a resource of the right service but another type',
      code: policy('"actiontrail:GetTrailStatus"', '"acs:actiontrail:*:*:historydeliveryjob/*"', 'Deny'),
      errors: [{ messageId: 'mismatch', line: 6, column: 17, endLine: 6, endColumn: 45, text: '"actiontrail:GetTrailStatus"', path: 'Statement[0].Action' }],
    },
  ],
});

describe('action-resource-mismatch messages', () => {
  it('names the resource types and what the statement does as written', () => {
    const messages = (effect: string) =>
      runRule(rule, { name: 'm', code: policy('["actiontrail:DeleteTrail"]', '"acs:oss:*:*:audit-logs"', effect) }).messages.map((m) => m.message);
    expect(messages('Allow')).toEqual([
      '"actiontrail:DeleteTrail" applies to "acs:actiontrail:{#regionId}:{#accountId}:trail/{#TrailName}", and no Resource of this statement can match it; for this action the statement grants nothing.',
    ]);
    expect(messages('Deny')[0]).toMatch(/; for this action the Deny forbids nothing\.$/);
  });

  it('says in an endpoint policy that the statement lets no request for the action through, at the same range', () => {
    const code = policy('["actiontrail:DeleteTrail"]', '"acs:oss:*:*:audit-logs"');
    const { text, messages } = runRule(rule, { name: 'm', code, kind: 'endpoint', kindGivenBy: 'host' });
    expect(messages.map((m) => [m.messageId, m.line, m.column, m.endLine, m.endColumn, text.slice(m.offset, m.endOffset), m.path])).toEqual([
      ['mismatch', 6, 18, 6, 43, '"actiontrail:DeleteTrail"', 'Statement[0].Action[0]'],
    ]);
    expect(messages[0]?.message).toMatch(/; for this action the statement lets no request through the endpoint\.$/);
  });
});

describe('patternsOverlap', () => {
  it.each([
    ['acs:log:*:*:project/a', 'acs:log:*:*:project/*', true],
    ['acs:log:*:*:project/a', 'acs:log:*:*:project/b', false],
    ['acs:log:*:*:project/a*', 'acs:log:*:*:project/*b', true],
    ['acs:log:cn-*:*:project/x', 'acs:log:*-hangzhou:*:project/x', true],
    ['acs:log:??:*:project/x', 'acs:log:abc:*:project/x', false],
    ['*', 'anything', true],
    ['ACS:LOG:*:*:PROJECT/A', 'acs:log:*:*:project/a', true],
    ['abc', 'abd', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(patternsOverlap(a, b)).toBe(expected);
    expect(patternsOverlap(b, a)).toBe(expected);
  });

  it('is bounded on long input', () => {
    const long = `${'a*'.repeat(5000)}b`;
    const start = Date.now();
    expect(patternsOverlap(long, `${'a*'.repeat(5000)}c`)).toBe(true);
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it('compares ARNs field by field: a star in the region is not the rest of the ARN', () => {
    expect(resourceMatchesTemplate('acs:actiontrail:*:*:historydeliveryjob/*', 'acs:actiontrail:{#regionId}:{#accountId}:trail/*')).toBe(false);
    expect(resourceMatchesTemplate('acs:actiontrail:*:*:trail/a', 'acs:actiontrail:{#regionId}:{#accountId}:trail/{#TrailName}')).toBe(true);
    expect(resourceMatchesTemplate('acs:actiontrail:*:*:*', 'acs:actiontrail:{#regionId}:{#accountId}:trail/{#TrailName}')).toBe(true);
    expect(resourceMatchesTemplate('*', 'acs:actiontrail:{#regionId}:{#accountId}:trail/{#TrailName}')).toBe(true);
  });

  it('reads ARN templates as patterns', () => {
    expect(templatePattern('acs:pvtz::{#accountId}:zone/{#ZoneId}')).toBe('acs:pvtz:*:*:zone/*');
  });
});

describe('action-resource-mismatch on hostile input', () => {
  it('stays fast with many long wildcard resources', () => {
    const resources = Array.from({ length: 200 }, (_, i) => `"acs:oss:*:*:${'a*'.repeat(200)}${i}"`).join(', ');
    const actions = Array.from({ length: 40 }, () => '"actiontrail:DeleteTrail"').join(', ');
    const start = Date.now();
    runRule(rule, { name: 'many', code: policy(`[${actions}]`, `[${resources}]`) });
    expect(Date.now() - start).toBeLessThan(5000);
  });
});

describe('patternsOverlap agrees with brute force (property test)', () => {
  // Every string over {a, b} up to length 8: enough witnesses for patterns of up to 4 characters.
  const words: string[] = [''];
  for (let i = 0; i < words.length && words.length < 511; i++) if ((words[i] as string).length < 8) words.push(`${words[i]}a`, `${words[i]}b`);
  const pattern = fc.array(fc.constantFrom('a', 'b', '*', '?'), { maxLength: 4 }).map((cs) => cs.join(''));

  it('for random patterns over a, b, * and ?', () => {
    fc.assert(
      fc.property(pattern, pattern, (p, q) => {
        const brute = words.some((w) => wildcardMatch(p, w) && wildcardMatch(q, w));
        return patternsOverlap(p, q) === brute;
      }),
      { seed: 20251219, numRuns: 2000 },
    );
  });
});
