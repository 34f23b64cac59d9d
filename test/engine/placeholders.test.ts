/**
 * One placeholder model for every rule and for the policy model itself: each
 * placeholder form is one unknown value, never a syntax error and never
 * "every account".
 */
import {
  firstWildcardOutsidePlaceholders,
  hasPlaceholder,
  hasWildcardOutsidePlaceholders,
  isMaskedIp,
  isPlaceholder,
  maskPlaceholders,
  PLACEHOLDER_FILL,
  placeholdersAsWildcards,
  withoutPlaceholders,
} from '../../src/engine/analysis/placeholders';
import { coversEveryBucket, coversEverything, isAnyAccount, isMaskedAccount, roleReach, splitArn } from '../../src/engine/analysis/arn';
import { everyonePrincipals, federatedProviderType, isConcreteAccount, principalParts } from '../../src/engine/analysis/principals';
import { lint } from '../../src';
import { buildPolicy } from '../../src/engine/model';
import { parseJson } from '../../src/engine/parse';

function principalOf(principal: unknown) {
  const text = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:GetObject', Principal: principal, Resource: 'acs:oss:*:*:b/*' }] });
  const p = buildPolicy(parseJson(text, { allowComments: false }).root).statements[0]?.principal;
  if (!p) throw new Error('no principal');
  return p;
}

describe('isPlaceholder', () => {
  it.each([
    '<account-id>',
    '${var.role_arn}',
    '{{account_id}}',
    '1234****5678',
    '19122324****',
    '174649585760xxxx',
    '主账号ID',
    '阿里云账号A的ID',
    '42.120.XX.X/24',
    'xxx.xx.xxx.x/xx',
    ' <uid> ',
  ])('%s is one unknown value', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it.each(['*', '1*', '12**', '123456789012', 'acs:ram::<uid>:root', 'oss\uFF1AGetObject', '${var.count} instances', '10.0.0.0/8', 'xx', ''])('%s is not a whole placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(false);
  });
});

describe('hasPlaceholder and withoutPlaceholders', () => {
  it('finds and replaces each placeholder part', () => {
    expect(hasPlaceholder('acs:ram::主账号ID:root')).toBe(true);
    expect(hasPlaceholder('acs:ram::123456789012:root')).toBe(false);
    expect(withoutPlaceholders('acs:ram::主账号ID:role/${var.name}')).toBe('acs:ram::0:role/0');
    expect(withoutPlaceholders('acs:ram::{{uid}}:root', 'X')).toBe('acs:ram::X:root');
  });

  it('leaves full-width punctuation alone: a typo, not a placeholder', () => {
    expect(hasPlaceholder('oss\uFF1AGetObject')).toBe(false);
  });

  it('is linear on unclosed delimiters', () => {
    const start = Date.now();
    expect(isPlaceholder('${'.repeat(50_000) + '<'.repeat(50_000))).toBe(false);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});

describe('accounts', () => {
  it.each(['主账号ID', '<uid>', '{{uid}}', '${var.uid}', '1234****5678'])('%s is one account, never every account', (account) => {
    expect(isMaskedAccount(account)).toBe(true);
    expect(isAnyAccount(account)).toBe(false);
  });
});

describe('ARN syntax inside a placeholder is template syntax (`${ALIYUN::AccountId}`, `${var.flag ? var.a : var.b}`)', () => {
  const ros = '${ALIYUN::AccountId}';
  const ternary = '${var.flag ? var.a : var.b}';
  const F = PLACEHOLDER_FILL;

  it('maskPlaceholders keeps the length and every character outside placeholders', () => {
    expect(maskPlaceholders(`acs:ram::${ros}:role/x`)).toBe(`acs:ram::${F.repeat(ros.length)}:role/x`);
    expect(maskPlaceholders('acs:ram::<uid>:{{name}}')).toBe(`acs:ram::${F.repeat(5)}:${F.repeat(8)}`);
    expect(maskPlaceholders('acs:ram::123456789012:role/*')).toBe('acs:ram::123456789012:role/*');
    // No nesting: the inner `${b}` is the placeholder, the outer braces are left as they are.
    expect(maskPlaceholders('${a ? ${b} : c}')).toBe(`\${a ? ${F.repeat(4)} : c}`);
  });

  it('splitArn does not split inside a placeholder', () => {
    expect(splitArn(`acs:ram::${ros}:role/*`)).toEqual({ prefix: 'acs', service: 'ram', region: '', account: ros, relative: 'role/*' });
    expect(splitArn(`acs:ram::${ternary}:root`)).toEqual({ prefix: 'acs', service: 'ram', region: '', account: ternary, relative: 'root' });
    expect(splitArn(`acs:oss:*:${ros}:bucket/key:with:colons`)?.relative).toBe('bucket/key:with:colons');
    expect(splitArn(`acs:ram::123456789012:role/${ternary}`)?.relative).toBe(`role/${ternary}`);
    expect(splitArn('acs:ram:${ALIYUN::AccountId}:root')).toBeUndefined();
    // An unclosed `${` is no placeholder: its colons still split.
    expect(splitArn('acs:ram::${a:b')?.account).toBe('${a');
  });

  it('a `?` or `*` inside a placeholder is not a wildcard', () => {
    expect(hasWildcardOutsidePlaceholders(ternary)).toBe(false);
    expect(hasWildcardOutsidePlaceholders('${var.env}-*')).toBe(true);
    expect(hasWildcardOutsidePlaceholders('<a*b>?')).toBe(true);
    expect(firstWildcardOutsidePlaceholders(`${ternary}-?x*`)).toBe(ternary.length + 1);
    expect(firstWildcardOutsidePlaceholders(ternary)).toBe(-1);
    expect(placeholdersAsWildcards('${var.kind}/x')).toBe('*/x');
    expect(placeholdersAsWildcards('role/x')).toBe('role/x');
  });

  it.each([ros, ternary, `12${ternary}`])('account %j is not every account', (account) => {
    expect(isAnyAccount(account)).toBe(false);
    expect(isConcreteAccount(account)).toBe(false);
  });

  it('a wildcard outside the placeholder still is one', () => {
    expect(isAnyAccount('${var.prefix}*')).toBe(true);
    expect(roleReach('acs:ram::*:role/${var.name}')).toEqual({ kind: 'one' });
    expect(everyonePrincipals(principalOf({ RAM: 'acs:ram::*:role/${var.name}' })).map((e) => e.who)).toEqual(['any RAM identity in any account']);
  });

  it.each([
    [`acs:ram::${ros}:role/*`, { kind: 'many', scope: 'every role in the account' }],
    [`acs:ram::${ternary}:role/*`, { kind: 'many', scope: 'every role in the account' }],
    [`acs:ram::123456789012:role/${ternary}`, { kind: 'one' }],
    ['acs:ram::123456789012:role/${var.env}-*', { kind: 'many', scope: 'every role whose name starts with "${var.env}-" in the account' }],
    ['acs:ram::123456789012:role/${var.env}', { kind: 'one' }],
    // A placeholder where the service or the resource type goes may turn out to be ram or role.
    ['acs:${var.service}:*:*:role/*', { kind: 'unknown' }],
    ['acs:ram::123456789012:${var.kind}/etl', { kind: 'unknown' }],
    ['acs:ram::123456789012:${var.arn_tail}', { kind: 'unknown' }],
    ['acs:ram::123456789012:*${var.x}', { kind: 'many', scope: 'every role in the account' }],
    ['acs:ram::123456789012:user/${var.name}', { kind: 'none' }],
    ['acs:oss:*:${ALIYUN::AccountId}:*', { kind: 'none' }],
  ])('roleReach(%j) → %j', (resource, expected) => {
    expect(roleReach(resource)).toEqual(expected);
  });

  it('every bucket and everything of a placeholder account', () => {
    expect(coversEveryBucket(`acs:oss:*:${ros}:*`)).toBe(true);
    expect(coversEveryBucket(`acs:oss:*:${ternary}:*/*`)).toBe(true);
    expect(coversEveryBucket(`acs:oss:*:*:${ternary}/*`)).toBe(false);
    expect(coversEverything(`acs:*:*:${ros}:*`)).toBe(true);
  });

  it('principals: one account each, with the whole placeholder', () => {
    expect(everyonePrincipals(principalOf({ RAM: [`acs:ram::${ternary}:root`, `acs:ram::${ros}:role/x`], Federated: `acs:ram::${ros}:saml-provider/idp` }))).toEqual([]);
    expect(everyonePrincipals(principalOf([ternary, `arn:sts::${ternary}:assumed-role/r/s`]))).toEqual([]);
    expect(everyonePrincipals(principalOf({ Service: '${var.fc ? "fc" : "ecs"}.aliyuncs.com' }))).toEqual([]);
    expect(principalParts('RAM', `acs:ram::${ros}:root`)).toEqual({ account: ros });
    expect(principalParts('Service', '${var.a ? "x@y" : "z"}@cdp.aliyuncs.com')).toEqual({ account: '${var.a ? "x@y" : "z"}', service: 'cdp.aliyuncs.com' });
    expect(principalParts('Principal', ternary)).toEqual({});
    expect(principalParts('Principal', `arn:sts::${ros}:assumed-role/r/s`)).toEqual({ account: ros });
    expect(federatedProviderType(`acs:ram::${ros}:oidc-provider/gh`)).toBe('oidc');
  });

  it('stays linear on many colons, wildcards and unclosed delimiters', () => {
    const long = `acs:ram::${'${a:b?'.repeat(20_000)}:${'<:'.repeat(20_000)}:role/${'{{?'.repeat(20_000)}`;
    const start = Date.now();
    splitArn(long);
    roleReach(long);
    isAnyAccount(long);
    coversEveryBucket(long);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});

describe('isMaskedIp', () => {
  it('reads x-masked IPv4 addresses and blocks', () => {
    expect(isMaskedIp('42.120.XX.X/24')).toBe(true);
    expect(isMaskedIp('192.168.0.1/24')).toBe(false);
    expect(isMaskedIp('xx')).toBe(false);
  });
});

describe('the model marks placeholders once', () => {
  it('on list values, principal values and condition values', () => {
    const text = JSON.stringify({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: ['${var.action}', 'oss:GetObject'], Resource: '<resource-arn>', Condition: { IpAddress: { 'acs:SourceIp': '42.120.XX.X/24' } } }],
    });
    const policy = buildPolicy(parseJson(text, { allowComments: false }).root);
    const st = policy.statements[0];
    expect(st?.action?.values.map((v) => v.placeholder)).toEqual([true, false]);
    expect(st?.resource?.values[0]?.placeholder).toBe(true);
    expect(st?.condition?.clauses[0]?.values[0]?.placeholder).toBe(true);
  });
});

describe('regressions: documentation placeholders are not findings', () => {
  it('a Principal naming 主账号ID is not a syntax error', () => {
    const text = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: ['acs:ram::主账号ID:root'] } }] });
    expect(lint(text).messages.filter((m) => m.severity !== 'info').map((m) => m.ruleId)).toEqual([]);
  });

  it('a ROS account placeholder gives the findings of a concrete account, not none', () => {
    const doc = (account: string) =>
      JSON.stringify({
        Version: '1',
        Statement: [
          { Effect: 'Allow', Action: 'ram:PassRole', Resource: `acs:ram::${account}:role/*` },
          { Effect: 'Allow', Action: 'oss:*', Resource: `acs:oss:*:${account}:*` },
        ],
      });
    const found = (text: string) => lint(text).messages.map((m) => `${m.ruleId} ${m.path}`);
    expect(found(doc('${ALIYUN::AccountId}'))).toEqual(found(doc('123456789012')));
    expect(found(doc('${ALIYUN::AccountId}'))).toEqual([
      'passrole-missing-service-condition Statement[0].Action',
      'passrole-wildcard-resource Statement[0].Resource',
      'oss-overbroad-grant Statement[1].Resource',
    ]);
  });

  it('a Terraform ternary account in a trust policy is one account (landingzone create-role-cross-account)', () => {
    const text = '{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::${var.flag ? var.a : var.b}:root"]}}]}';
    expect(lint(text).messages.map((m) => m.ruleId)).toEqual([]);
  });

  it('a ROS account placeholder in a trust policy is not listed as account "${ALIYUN"', () => {
    const text = '{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::${ALIYUN::AccountId}:root"]}}]}';
    expect(lint(text).messages.map((m) => m.message)).toEqual([]);
  });

  it('an x-masked source IP is not a condition type error', () => {
    const text = JSON.stringify({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: 'ecs:DescribeInstances', Resource: '*', Condition: { IpAddress: { 'acs:SourceIp': ['42.120.XX.X/24', 'xxx.xx.xxx.x/xx'] } } }],
    });
    expect(lint(text).messages.map((m) => m.ruleId)).toEqual([]);
  });
});

describe('the analysis API for plugins', () => {
  it('is exported from the package with the reasoning the built-in rules use', () => {
    // eslint-style plugins import it as `require('ramlint').analysis`.
    const { analysis } = jest.requireActual<typeof import('../../src')>('../../src');
    expect(typeof analysis.grantOf).toBe('function');
    expect(analysis.ramReach('acs:ram:*:*:domain/*', 'user')).toEqual({ kind: 'none' });
    expect(analysis.principalParts('Service', '123456789012@cdp.aliyuncs.com')).toEqual({ account: '123456789012', service: 'cdp.aliyuncs.com' });
    expect(analysis.isPlaceholder('主账号ID')).toBe(true);
  });
});
