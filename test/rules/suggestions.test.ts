/**
 * Suggestions change who can do what, so they are offered (json, sarif) and
 * never applied. Each must produce the text a person then completes, and
 * --fix must leave them alone.
 */
import { applyEdits } from '../../src/engine/edits';
import { fixText } from '../../src/engine/fix';
import { builtinRules } from '../../src/rules';
import ossOverbroadGrant from '../../src/rules/oss-overbroad-grant';
import passroleMissingServiceCondition from '../../src/rules/passrole-missing-service-condition';
import passroleWildcardResource from '../../src/rules/passrole-wildcard-resource';
import trustWildcardPrincipal from '../../src/rules/trust-wildcard-principal';
import { runRule } from '../helpers/rule-tester';
import type { Rule } from '../../src/engine/rule';

/** The text after each suggestion of each finding, in order. */
function suggested(rule: Rule, code: string): string[] {
  const { text, messages } = runRule(rule, { name: '', code });
  return messages.flatMap((m) => (m.suggestions ?? []).map((s) => applyEdits(text, s.edits)));
}

const statement = (members: string) => `{
  "Version": "1",
  "Statement": [
    {
${members}
    }
  ]
}`;

describe('suggestions', () => {
  it('passrole-missing-service-condition adds the acs:Service condition, on a line of its own', () => {
    const code = statement('      "Effect": "Allow",\n      "Action": "ram:PassRole",\n      "Resource": "acs:ram::123456789012:role/etl"');
    expect(suggested(passroleMissingServiceCondition as Rule, code)).toEqual([
      statement(
        '      "Effect": "Allow",\n      "Action": "ram:PassRole",\n      "Resource": "acs:ram::123456789012:role/etl",\n      "Condition": {"StringEquals": {"acs:Service": "<service>.aliyuncs.com"}}',
      ),
    ]);
  });

  it('passrole-missing-service-condition adds to an existing Condition or StringEquals, and never repeats a key', () => {
    const passRole = (condition: string) => `{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ram:PassRole", "Resource": "*", "Condition": ${condition}}]}`;
    const ip = '{"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}';
    expect(suggested(passroleMissingServiceCondition as Rule, passRole(ip))).toEqual([
      passRole('{"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}, "StringEquals": {"acs:Service": "<service>.aliyuncs.com"}}'),
    ]);
    expect(suggested(passroleMissingServiceCondition as Rule, passRole('{"StringEquals": {"acs:SourceVpc": "vpc-1"}}'))).toEqual([
      passRole('{"StringEquals": {"acs:SourceVpc": "vpc-1", "acs:Service": "<service>.aliyuncs.com"}}'),
    ]);
    expect(suggested(passroleMissingServiceCondition as Rule, passRole('{"StringEquals": {"acs:Service": "", "acs:SourceVpc": "vpc-1"}}'))).toEqual([
      passRole('{"StringEquals": {"acs:Service": "<service>.aliyuncs.com", "acs:SourceVpc": "vpc-1"}}'),
    ]);
    // StringLike "*" pins nothing; an added StringEquals clause is AND-ed with it.
    expect(suggested(passroleMissingServiceCondition as Rule, passRole('{"StringLike": {"acs:Service": "*"}}'))).toEqual([
      passRole('{"StringLike": {"acs:Service": "*"}, "StringEquals": {"acs:Service": "<service>.aliyuncs.com"}}'),
    ]);
    expect(suggested(passroleMissingServiceCondition as Rule, passRole('"not an object"'))).toEqual([]);
  });

  it('passrole-wildcard-resource names one role, only when PassRole is the statement\'s only action', () => {
    const only = statement('      "Effect": "Allow",\n      "Action": "ram:PassRole",\n      "Resource": "*"');
    expect(suggested(passroleWildcardResource as Rule, only)).toEqual([only.replace('"Resource": "*"', '"Resource": "acs:ram::<account-id>:role/<role-name>"')]);
    const mixed = statement('      "Effect": "Allow",\n      "Action": ["ram:ListRoles", "ram:PassRole"],\n      "Resource": "*"');
    expect(suggested(passroleWildcardResource as Rule, mixed)).toEqual([]);
  });

  it('oss-overbroad-grant scopes to one bucket, only when every action is an OSS action', () => {
    const scalar = statement('      "Effect": "Allow",\n      "Action": ["oss:GetObject", "oss:PutObject"],\n      "Resource": "*"');
    expect(suggested(ossOverbroadGrant as Rule, scalar)).toEqual([scalar.replace('"Resource": "*"', '"Resource": ["acs:oss:*:*:<bucket>", "acs:oss:*:*:<bucket>/*"]')]);
    const list = statement('      "Effect": "Allow",\n      "Action": "oss:PutObject",\n      "Resource": ["acs:oss:*:*:*"]');
    expect(suggested(ossOverbroadGrant as Rule, list)).toEqual([list.replace('["acs:oss:*:*:*"]', '["acs:oss:*:*:<bucket>", "acs:oss:*:*:<bucket>/*"]')]);
    const mixed = statement('      "Effect": "Allow",\n      "Action": ["oss:PutObject", "ecs:DescribeInstances"],\n      "Resource": "*"');
    expect(suggested(ossOverbroadGrant as Rule, mixed)).toEqual([]);
  });

  it('trust-wildcard-principal names one account, service or bucket principal', () => {
    const trust = (p: string) => statement(`      "Effect": "Allow",\n      "Action": "sts:AssumeRole",\n      "Principal": ${p}`);
    expect(suggested(trustWildcardPrincipal as Rule, trust('{"RAM": ["acs:ram::*:root"]}'))).toEqual([trust('{"RAM": ["acs:ram::<account-id>:root"]}')]);
    expect(suggested(trustWildcardPrincipal as Rule, trust('{"Service": "*"}'))).toEqual([trust('{"Service": "<service>.aliyuncs.com"}')]);
    const bucket = (p: string) => statement(`      "Effect": "Allow",\n      "Action": "oss:GetObject",\n      "Principal": ${p},\n      "Resource": "acs:oss:*:1:b/*"`);
    expect(suggested(trustWildcardPrincipal as Rule, bucket('"*"'))).toEqual([bucket('["<account-uid>"]')]);
    expect(suggested(trustWildcardPrincipal as Rule, bucket('["*"]'))).toEqual([bucket('["<account-uid>"]')]);
  });

  it('are never applied by --fix', () => {
    const code = statement('      "Effect": "Allow",\n      "Action": "ram:PassRole",\n      "Resource": "*"');
    const outcome = fixText(code, { rules: builtinRules });
    expect(outcome.changed).toBe(false);
    expect(outcome.result.messages.some((m) => (m.suggestions ?? []).length > 0)).toBe(true);
  });
});
