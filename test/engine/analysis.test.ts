import { actionCovers, actionMatcher, describeGrant, fullWildcardEntry, grantOf, isAllow, serviceOf } from '../../src/engine/analysis/actions';
import { coversEveryBucket, coversEverything, isAnyAccount, isMaskedAccount, roleReach, splitArn } from '../../src/engine/analysis/arn';
import {
  hasLikeWildcard,
  isIPv4,
  isIPv6,
  isNarrowIpRange,
  ipv6Groups,
  parseCidr,
  pinnedServices,
  pinningClause,
  publicAccessConfinement,
  wildcardConditionValues,
} from '../../src/engine/analysis/conditions';
import { everyonePrincipals, principalParts, resourceOwnerAccounts } from '../../src/engine/analysis/principals';
import { buildPolicy, type Policy, type PrincipalMember, type Statement } from '../../src/engine/model';
import { parseJson } from '../../src/engine/parse';
import type { PolicyKind } from '../../src/engine/types';

/** The located policy model of a document, as the linter builds it. */
function policyOf(doc: object | string, kind?: PolicyKind): Policy {
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2);
  const parsed = parseJson(text, { allowComments: false });
  expect(parsed.problems).toEqual([]);
  return buildPolicy(parsed.root, kind);
}

/** The first statement of a one-statement policy. */
function statementOf(statement: object): Statement {
  const st = policyOf({ Version: '1', Statement: [statement] }).statements[0];
  if (!st) throw new Error('no statement');
  return st;
}

function principalOf(principal: unknown): PrincipalMember {
  const p = statementOf({ Effect: 'Allow', Action: 'oss:GetObject', Principal: principal, Resource: 'acs:oss:*:*:b/*' }).principal;
  if (!p) throw new Error('no principal');
  return p;
}

describe('actionCovers', () => {
  it.each([
    ['ram:PassRole', 'ram:PassRole', true],
    ['RAM:PASSROLE', 'ram:PassRole', true],
    ['ram:passrole', 'RAM:PassRole', true],
    ['ram:*', 'ram:PassRole', true],
    ['ram:Pass*', 'ram:PassRole', true],
    ['ram:P?ssRole', 'ram:PassRole', true],
    ['*', 'ram:PassRole', true],
    ['*:*', 'ram:PassRole', true],
    ['r*:*Role', 'ram:PassRole', true],
    ['ram:Get*', 'ram:PassRole', false],
    ['ram:PassRoles', 'ram:PassRole', false],
    ['ram:P?ssRol', 'ram:PassRole', false],
    ['ecs:*', 'ram:PassRole', false],
    ['ram', 'ram:PassRole', false],
  ])('%j covers %j → %s', (pattern, action, expected) => {
    expect(actionCovers(pattern, action)).toBe(expected);
    expect(actionMatcher(pattern)(action)).toBe(expected);
  });
});

describe('grantOf', () => {
  it('finds the first Action entry that covers the action', () => {
    const st = statementOf({ Effect: 'Allow', Action: ['ecs:*', 'ram:Pass*', 'ram:PassRole'], Resource: '*' });
    const grant = grantOf(st, 'ram:PassRole');
    expect(grant?.viaNotAction).toBe(false);
    expect(grant?.entry?.value).toBe('ram:Pass*');
    expect(grant?.entry?.path).toEqual(['Statement', 0, 'Action', 1]);
    expect(grant?.member.key).toBe('Action');
    expect(describeGrant('ram:PassRole', grant!)).toBe('ram:PassRole (through "ram:Pass*")');
  });

  it('reads a single-string Action', () => {
    const grant = grantOf(statementOf({ Effect: 'Allow', Action: 'RAM:passrole', Resource: '*' }), 'ram:PassRole');
    expect(grant?.entry?.path).toEqual(['Statement', 0, 'Action']);
    expect(describeGrant('ram:PassRole', grant!)).toBe('ram:PassRole');
  });

  it('is undefined when no entry covers the action', () => {
    expect(grantOf(statementOf({ Effect: 'Allow', Action: ['ram:Get*', 'ram:ListRoles'], Resource: '*' }), 'ram:PassRole')).toBeUndefined();
    // A malformed entry names no action: `ram:` and `ram:PassRole:` are literals that match nothing real.
    for (const malformed of ['ram:', 'ram:PassRole:', 'ram:Pass Role', ':PassRole']) {
      expect(grantOf(statementOf({ Effect: 'Allow', Action: malformed, Resource: '*' }), 'ram:PassRole')).toBeUndefined();
    }
  });

  it('grants through NotAction whatever it does not exclude', () => {
    const grant = grantOf(statementOf({ Effect: 'Allow', NotAction: ['oss:*'], Resource: '*' }), 'ram:PassRole');
    expect(grant?.viaNotAction).toBe(true);
    expect(grant?.entry).toBeUndefined();
    expect(grant?.member.key).toBe('NotAction');
    expect(describeGrant('ram:PassRole', grant!)).toMatch(/NotAction/);
  });

  it.each([['ram:PassRole'], ['ram:*'], ['RAM:PASS*'], ['ram:P?ssRole'], ['*']])('NotAction %j excludes ram:PassRole', (excluded) => {
    expect(grantOf(statementOf({ Effect: 'Allow', NotAction: ['ecs:*', excluded], Resource: '*' }), 'ram:PassRole')).toBeUndefined();
  });

  it('ignores Effect (callers check it)', () => {
    const st = statementOf({ Effect: 'Deny', Action: 'ram:*', Resource: '*' });
    expect(grantOf(st, 'ram:PassRole')).toBeDefined();
    expect(isAllow(st)).toBe(false);
    expect(isAllow(statementOf({ Effect: 'Allow', Action: 'ram:*', Resource: '*' }))).toBe(true);
    expect(isAllow(statementOf({ Effect: 'allow', Action: 'ram:*', Resource: '*' }))).toBe(false);
  });
});

describe('fullWildcardEntry and serviceOf', () => {
  it('finds "*" or "*:*" in Action', () => {
    expect(fullWildcardEntry(statementOf({ Effect: 'Allow', Action: ['ecs:*', '*'], Resource: '*' }))?.path).toEqual(['Statement', 0, 'Action', 1]);
    expect(fullWildcardEntry(statementOf({ Effect: 'Allow', Action: '*:*', Resource: '*' }))?.value).toBe('*:*');
    expect(fullWildcardEntry(statementOf({ Effect: 'Allow', Action: ['ecs:*', 'ram:*'], Resource: '*' }))).toBeUndefined();
    expect(fullWildcardEntry(statementOf({ Effect: 'Allow', NotAction: '*', Resource: '*' }))).toBeUndefined();
  });

  it.each([
    ['ram:PassRole', 'ram'],
    ['OSS:GetObject', 'oss'],
    ['*', '*'],
    ['o?s:*', 'o?s'],
  ])('serviceOf(%j) → %j', (action, service) => {
    expect(serviceOf(action)).toBe(service);
  });
});

describe('splitArn and account wildcards', () => {
  it('splits at the first four colons', () => {
    expect(splitArn('acs:oss:*:123:bucket/key:with:colons')).toEqual({
      prefix: 'acs',
      service: 'oss',
      region: '*',
      account: '123',
      relative: 'bucket/key:with:colons',
    });
    expect(splitArn('acs:ram::123:role/x')?.region).toBe('');
    expect(splitArn('acs:ram:123:role/x')).toBeUndefined();
    expect(splitArn('*')).toBeUndefined();
  });

  it.each([
    ['19122324****', true, false],
    ['113***', true, false],
    ['174649****602745', true, false],
    ['*', false, true],
    ['1*', false, true],
    ['12**', false, true],
    ['1234*', false, true],
    ['****', false, true],
    ['12*34', false, true],
    ['1?', false, true],
    ['123456789012', false, false],
    ['', false, false],
  ])('account %j: masked %s, any %s', (account, masked, any) => {
    expect(isMaskedAccount(account)).toBe(masked);
    expect(isAnyAccount(account)).toBe(any);
  });
});

describe('roleReach', () => {
  it.each([
    ['*', { kind: 'many', scope: 'every role in the account' }],
    [' * ', { kind: 'many', scope: 'every role in the account' }],
    ['acs:ram::123456789012:role/*', { kind: 'many', scope: 'every role in the account' }],
    ['acs:ram:*:*:role/*', { kind: 'many', scope: 'every role in the account' }],
    ['acs:ram::123456789012:role/dataworks-*', { kind: 'many', scope: 'every role whose name starts with "dataworks-" in the account' }],
    ['acs:ram::123456789012:role/etl-?', { kind: 'many', scope: 'every role whose name starts with "etl-" in the account' }],
    ['acs:ram::123456789012:role/*-admin', { kind: 'many', scope: 'every role matching "*-admin" in the account' }],
    // Regression: a RAM identity passes only roles of its own account, so this is one role.
    ['acs:ram::*:role/Admin', { kind: 'one' }],
    ['acs:ram:*:*:role/AliyunDataWorksDIRole', { kind: 'one' }],
    ['acs:ram::123456789012:*', { kind: 'many', scope: 'every role in the account' }],
    ['acs:ram::123456789012:ro*', { kind: 'many', scope: 'every role in the account' }],
    ['acs:*:*:*:*', { kind: 'many', scope: 'every role in the account' }],
    ['acs:r*:*:123456789012:role/*', { kind: 'many', scope: 'every role in the account' }],
    ['acs:ram::123456789012:role/BigDataOssRole', { kind: 'one' }],
    ['acs:ram::19122324****:role/BigDataOssRole', { kind: 'one' }],
    ['acs:ram::113***:role/*', { kind: 'many', scope: 'every role in the account' }],
    ['ACS:RAM::123456789012:ROLE/admin', { kind: 'one' }],
    ['acs:ram::123456789012:user/*', { kind: 'none' }],
    ['acs:ram:*:123456789012:policy/*', { kind: 'none' }],
    ['acs:oss:*:*:*', { kind: 'none' }],
    ['acs:ecs:*:*:instance/*', { kind: 'none' }],
    ['${var.role_arn}', { kind: 'unknown' }],
    ['arn:ram::123456789012:role/x', { kind: 'unknown' }],
    ['acs:ram:role/x', { kind: 'unknown' }],
  ])('%j → %j', (resource, expected) => {
    expect(roleReach(resource)).toEqual(expected);
  });
});

describe('coversEveryBucket', () => {
  it.each([
    ['*', true],
    ['acs:oss:*:*:*', true],
    ['acs:oss:*:123456789012:*', true],
    ['acs:oss:*:*:*/*', true],
    ['acs:oss:*:123456789012:*/*', true],
    ['acs:oss:*:*:*/logs/*', true],
    ['ACS:OSS:*:*:*', true],
    ['acs:*:*:*:*', true],
    ['acs:oss:*:*:mybucket', false],
    ['acs:oss:*:*:mybucket/*', false],
    ['acs:oss:*:*:logs-*', false],
    ['acs:oss:*:*:*bucket/*', false],
    ['acs:ram::123456789012:role/*', false],
    ['acs:ecs:*:*:*', false],
    ['arn:oss:*:*:*', false],
    ['oss', false],
  ])('%j → %s', (resource, expected) => {
    expect(coversEveryBucket(resource)).toBe(expected);
  });
});

describe('coversEverything', () => {
  it.each([
    ['*', true],
    [' * ', true],
    ['acs:*:*:*:*', true],
    ['acs:*:*::*', true],
    ['acs:*:*:*:**', true],
    ['acs:oss:*:*:*', false],
    ['acs:*:*:*:instance/*', false],
    ['acs:*:*:123456789012:*', true],
    ['acs:ram:*:*:*', false],
    ['arn:*:*:*:*', false],
    ['acs:*', false],
  ])('%j → %s', (resource, expected) => {
    expect(coversEverything(resource)).toBe(expected);
  });
});

describe('pinnedServices and pinningClause', () => {
  const withCondition = (Condition: object) => statementOf({ Effect: 'Allow', Action: 'ram:PassRole', Resource: '*', Condition });

  it.each([
    [{ StringEquals: { 'acs:Service': 'fc.aliyuncs.com' } }, ['fc.aliyuncs.com']],
    [{ StringEquals: { 'acs:Service': ['fc.aliyuncs.com', 'ecs.aliyuncs.com'] } }, ['fc.aliyuncs.com', 'ecs.aliyuncs.com']],
    [{ StringEqualsIgnoreCase: { 'acs:Service': 'FC.aliyuncs.com' } }, ['FC.aliyuncs.com']],
    [{ StringLike: { 'acs:Service': 'fc.aliyuncs.com' } }, ['fc.aliyuncs.com']],
    [{ StringLike: { 'acs:Service': '*' } }, undefined],
    [{ StringLike: { 'acs:Service': ['fc.aliyuncs.com', '*.aliyuncs.com'] } }, undefined],
    [{ StringLike: { 'acs:Service': 'fc.aliyuncs.co?' } }, undefined],
    [{ StringNotEquals: { 'acs:Service': 'fc.aliyuncs.com' } }, undefined],
    [{ StringEquals: { 'acs:Service': '' } }, undefined],
    [{ StringEquals: { 'acs:Service': [] } }, undefined],
    [{ StringEquals: { 'acs:Service': 42 } }, undefined],
    [{ StringEquals: { 'acs:Service': [{ nested: 'x' }] } }, undefined],
    [{ StringEquals: { 'ram:ServiceName': 'fc.aliyuncs.com' } }, undefined],
    [{ StringLike: { 'acs:Service': '*' }, StringEquals: { 'acs:Service': 'fc.aliyuncs.com' } }, ['fc.aliyuncs.com']],
  ])('%j → %j', (condition, expected) => {
    expect(pinnedServices(withCondition(condition))).toEqual(expected);
  });

  it('is undefined without a Condition', () => {
    expect(pinnedServices(statementOf({ Effect: 'Allow', Action: 'ram:PassRole', Resource: '*' }))).toBeUndefined();
  });

  it('returns the clause with its location', () => {
    const clause = pinningClause(withCondition({ StringEquals: { 'acs:Service': 'fc.aliyuncs.com' } }), 'acs:Service');
    expect(clause?.operator).toBe('StringEquals');
    expect(clause?.path).toEqual(['Statement', 0, 'Condition', 'StringEquals', 'acs:Service']);
  });
});

describe('wildcardConditionValues', () => {
  const withCondition = (Condition: object) => statementOf({ Effect: 'Allow', Action: 'ram:PassRole', Resource: '*', Condition });
  const values = (Condition: object) => wildcardConditionValues(withCondition(Condition), 'acs:Service').map((w) => [w.value.value, w.value.path]);

  it('lists StringLike values with * or ?', () => {
    expect(values({ StringLike: { 'acs:Service': '*' } })).toEqual([['*', ['Statement', 0, 'Condition', 'StringLike', 'acs:Service']]]);
    expect(values({ StringLike: { 'acs:Service': ['fc.aliyuncs.com', '*.aliyuncs.com', 'ecs.aliyuncs.co?'] } })).toEqual([
      ['*.aliyuncs.com', ['Statement', 0, 'Condition', 'StringLike', 'acs:Service', 1]],
      ['ecs.aliyuncs.co?', ['Statement', 0, 'Condition', 'StringLike', 'acs:Service', 2]],
    ]);
  });

  it('ignores literal values and other operators, where * is no wildcard', () => {
    expect(values({ StringLike: { 'acs:Service': 'fc.aliyuncs.com' } })).toEqual([]);
    expect(values({ StringEquals: { 'acs:Service': '*' } })).toEqual([]);
    expect(values({ StringNotLike: { 'acs:Service': '*' } })).toEqual([]);
    expect(values({ StringLike: { 'acs:SourceVpc': '*' } })).toEqual([]);
  });
});

describe('hasLikeWildcard', () => {
  it('finds the * and ? a Like operator would read as wildcards', () => {
    for (const v of ['*', 'vpc-*', 'i-00?', 'Development/*', '12**', 'acs:ram::${var.account}:role/*']) expect([v, hasLikeWildcard(v)]).toEqual([v, true]);
  });

  it('passes over placeholders, documentation masks and the ? of a URL query', () => {
    for (const v of ['vpc-1', '', '${var.vpc}', '<vpc-*>', 'acs:ram::${var.a ? var.b : var.c}:root', '1234****', 'https://oidc-ack-***.aliyuncs.com/c132c***', 'https://example.com/?a=1']) {
      expect([v, hasLikeWildcard(v)]).toEqual([v, false]);
    }
  });

  it('still finds a * beside a mask or in a URL', () => {
    expect(hasLikeWildcard('https://*.example.com/?a=1')).toBe(true);
    expect(hasLikeWildcard('1234****-*')).toBe(true);
  });
});

describe('publicAccessConfinement', () => {
  const confinement = (Condition?: object) =>
    publicAccessConfinement(statementOf({ Effect: 'Allow', Action: 'oss:GetObject', Principal: ['*'], Resource: 'acs:oss:*:*:b/*', ...(Condition ? { Condition } : {}) }));

  it.each([
    [{ StringEquals: { 'acs:SourceVpc': 'vpc-t4nlw426y44rd3iq4****' } }, 'acs:SourceVpc StringEquals "vpc-t4nlw426y44rd3iq4****"'],
    [{ StringEquals: { 'acs:SourceVpcId': ['vpc-a', 'vpc-b'] } }, 'acs:SourceVpcId StringEquals "vpc-a", "vpc-b"'],
    [{ StringEqualsIgnoreCase: { 'acs:AccessId': 'LTAI5tExample' } }, 'acs:AccessId StringEqualsIgnoreCase "LTAI5tExample"'],
    [{ StringLike: { 'acs:SourceVpc': 'vpc-fixed' } }, 'acs:SourceVpc StringLike "vpc-fixed"'],
    [{ IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }, 'acs:SourceIp IpAddress "10.0.0.0/8"'],
    [{ IpAddress: { 'acs:SourceIp': ['192.0.2.0/24', '203.0.113.7'] } }, 'acs:SourceIp IpAddress "192.0.2.0/24", "203.0.113.7"'],
    [{ IpAddress: { 'acs:SourceIp': '2001:db8::/32' } }, 'acs:SourceIp IpAddress "2001:db8::/32"'],
    [{ IpAddressIncludeBorder: { 'acs:SourceVpcIp': '172.16.0.0/12' } }, 'acs:SourceVpcIp IpAddressIncludeBorder "172.16.0.0/12"'],
    [{ Bool: { 'acs:SecureTransport': 'true' }, IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }, 'acs:SourceIp IpAddress "10.0.0.0/8"'],
  ])('%j confines: %s', (condition, description) => {
    expect(confinement(condition)).toBe(description);
  });

  it.each([
    [undefined],
    [{ IpAddress: { 'acs:SourceIp': '10.0.0.0/7' } }],
    [{ IpAddress: { 'acs:SourceIp': '0.0.0.0/0' } }],
    [{ IpAddress: { 'acs:SourceIp': ['192.0.2.0/24', '0.0.0.0/1'] } }],
    [{ IpAddress: { 'acs:SourceIp': '2001:db8::/31' } }],
    [{ IpAddress: { 'acs:SourceIp': 'not-an-ip' } }],
    [{ NotIpAddress: { 'acs:SourceIp': '192.0.2.0/24' } }],
    [{ IpAddress: { 'acs:SourceVpc': '10.0.0.0/8' } }],
    [{ StringLike: { 'acs:SourceVpc': 'vpc-*' } }],
    [{ StringNotEquals: { 'acs:SourceVpc': 'vpc-a' } }],
    [{ StringEquals: { 'acs:SourceVpc': '' } }],
    [{ StringEquals: { 'acs:SourceVpc': [] } }],
    [{ StringEquals: { 'acs:SourceIp': '10.0.0.0/8' } }],
    [{ StringEquals: { 'acs:UserAgent': 'curl' } }],
    [{ Bool: { 'acs:SecureTransport': 'true' } }],
  ])('%j does not confine', (condition) => {
    expect(confinement(condition)).toBeUndefined();
  });
});

describe('parseCidr, isIPv4, isIPv6, isNarrowIpRange', () => {
  it.each([
    ['10.0.0.0/8', { version: 4, mask: 8 }],
    ['10.0.0.1', { version: 4, mask: 32 }],
    [' 192.0.2.0/24 ', { version: 4, mask: 24 }],
    ['0.0.0.0/0', { version: 4, mask: 0 }],
    ['10.0.0.0/32', { version: 4, mask: 32 }],
    ['::1', { version: 6, mask: 128 }],
    ['2001:db8::/32', { version: 6, mask: 32 }],
    ['::ffff:192.0.2.1/128', { version: 6, mask: 128 }],
    ['10.0.0.0/33', undefined],
    ['2001:db8::/129', undefined],
    ['10.0.0.0/', undefined],
    ['10.0.0.0/8/8', undefined],
    ['10.0.0.0/x', undefined],
    ['10.0.0.0/-1', undefined],
    ['256.0.0.0/8', undefined],
    ['vpc-abc', undefined],
    ['', undefined],
  ])('parseCidr(%j) → %j', (value, expected) => {
    expect(parseCidr(value)).toEqual(expected);
  });

  it.each([
    ['192.0.2.1', true],
    ['0.0.0.0', true],
    ['255.255.255.255', true],
    ['256.0.0.1', false],
    ['1.2.3', false],
    ['1.2.3.4.5', false],
    ['1.2.3.a', false],
    ['1..3.4', false],
    ['', false],
  ])('isIPv4(%j) → %s', (value, expected) => {
    expect(isIPv4(value)).toBe(expected);
  });

  it.each([
    ['::', true],
    ['::1', true],
    ['2001:db8::', true],
    ['2001:db8:0:0:0:0:0:1', true],
    ['fe80::1:2', true],
    ['::ffff:192.0.2.1', true],
    ['1:2:3:4:5:6:192.0.2.1', true],
    ['1:2:3:4:5:6:7', false],
    ['1:2:3:4:5:6:7:8:9', false],
    ['1:2:3:4:5:6:7:8::', false],
    ['1::2::3', false],
    ['12345::', false],
    ['g::1', false],
    ['::ffff:999.0.0.1', false],
    ['192.0.2.1', false],
    ['', false],
  ])('isIPv6(%j) → %s', (value, expected) => {
    expect(isIPv6(value)).toBe(expected);
  });

  it.each([
    ['10.0.0.0/8', true],
    ['10.0.0.0/7', false],
    ['192.0.2.0/24', true],
    ['203.0.113.7', true],
    ['0.0.0.0/0', false],
    ['2001:db8::/32', true],
    ['2001:db8::/31', false],
    ['2001:db8::1', true],
    ['::/0', false],
    ['not-an-ip', false],
    ['10.0.0.0/40', false],
  ])('isNarrowIpRange(%j) → %s', (value, expected) => {
    expect(isNarrowIpRange(value)).toBe(expected);
  });
});

describe('everyonePrincipals', () => {
  const everyone = (principal: unknown) => everyonePrincipals(principalOf(principal)).map((e) => ({ value: e.value?.value, type: e.type, path: e.value?.path }));

  it.each([
    ['*', [{ value: '*', type: 'Principal', path: ['Statement', 0, 'Principal'] }]],
    [['*'], [{ value: '*', type: 'Principal', path: ['Statement', 0, 'Principal', 0] }]],
    [['1234567890123456', '*'], [{ value: '*', type: 'Principal', path: ['Statement', 0, 'Principal', 1] }]],
    [['arn:sts::*:assumed-role/reader/*'], [{ value: 'arn:sts::*:assumed-role/reader/*', type: 'Principal', path: ['Statement', 0, 'Principal', 0] }]],
    [{ RAM: '*' }, [{ value: '*', type: 'RAM', path: ['Statement', 0, 'Principal', 'RAM'] }]],
    [{ RAM: ['acs:ram::*:root'] }, [{ value: 'acs:ram::*:root', type: 'RAM', path: ['Statement', 0, 'Principal', 'RAM', 0] }]],
    [{ RAM: 'acs:ram::*:role/admin' }, [{ value: 'acs:ram::*:role/admin', type: 'RAM', path: ['Statement', 0, 'Principal', 'RAM'] }]],
    [{ Service: '*' }, [{ value: '*', type: 'Service', path: ['Statement', 0, 'Principal', 'Service'] }]],
    [{ Service: ['ecs.aliyuncs.com', '*.aliyuncs.com'] }, [{ value: '*.aliyuncs.com', type: 'Service', path: ['Statement', 0, 'Principal', 'Service', 1] }]],
    [{ Federated: '*' }, [{ value: '*', type: 'Federated', path: ['Statement', 0, 'Principal', 'Federated'] }]],
    [{ Federated: 'acs:ram::*:saml-provider/okta' }, [{ value: 'acs:ram::*:saml-provider/okta', type: 'Federated', path: ['Statement', 0, 'Principal', 'Federated'] }]],
    [
      { RAM: '*', Service: '*' },
      [
        { value: '*', type: 'RAM', path: ['Statement', 0, 'Principal', 'RAM'] },
        { value: '*', type: 'Service', path: ['Statement', 0, 'Principal', 'Service'] },
      ],
    ],
  ])('%j opens to everyone', (principal, expected) => {
    expect(everyone(principal)).toEqual(expected);
  });

  it.each([
    ['1234567890123456'],
    [['1234567890123456', '27737962156157xxxx']],
    [['113***']],
    [['arn:sts::1234567890123456:assumed-role/reader/*']],
    [['arn:sts::19122324****:assumed-role/reader/*']],
    [{ RAM: 'acs:ram::123456789012:root' }],
    [{ RAM: ['acs:ram::19122324****:root', 'acs:ram::113***:role/admin'] }],
    [{ Service: ['ecs.aliyuncs.com', '1234567890123456@log.aliyuncs.com'] }],
    [{ Federated: 'acs:ram::123456789012:saml-provider/okta' }],
    // An empty list is everyone to OSS, but it has no value to point at: the rule reads `empty`.
    [[]],
  ])('%j names its principals', (principal) => {
    expect(everyone(principal)).toEqual([]);
  });

  it('describes who gets in', () => {
    const who = (principal: unknown) => everyonePrincipals(principalOf(principal)).map((e) => e.who);
    expect(who('*')).toEqual(['anyone, in any account']);
    expect(who({ Service: '*' })).toEqual(['any cloud service']);
    expect(who({ RAM: 'acs:ram::*:root' })).toEqual(['any RAM identity in any account']);
    expect(who({ Federated: 'acs:ram::*:oidc-provider/gh' })).toEqual(['any identity provider in any account']);
    expect(who({ Service: '*.aliyuncs.com' })).toEqual(['any service matching "*.aliyuncs.com"']);
    expect(who(['arn:sts::*:assumed-role/reader/*'])).toEqual(['any role session in any account']);
  });

  it('marks empty Principal lists and objects', () => {
    expect(principalOf([]).empty).toBe(true);
    expect(principalOf({}).empty).toBe(true);
    expect(principalOf(['*']).empty).toBe(false);
  });
});

describe('principalParts for the list form, and resourceOwnerAccounts', () => {
  it('reads a bare UID, an STS role session and a RAM ARN of a bucket policy', () => {
    expect(principalParts('Principal', '203456789012345678')).toEqual({ account: '203456789012345678', uid: true });
    expect(principalParts('Principal', ' 123456789012 ')).toEqual({ account: '123456789012', uid: true });
    expect(principalParts('Principal', 'arn:sts::999999999999:assumed-role/reader/*')).toEqual({ account: '999999999999' });
    expect(principalParts('Principal', 'acs:ram::999999999999:user/alice')).toEqual({ account: '999999999999' });
    expect(principalParts('Principal', 'alice')).toEqual({});
    expect(principalParts('Principal', '*')).toEqual({});
  });

  it('collects the concrete accounts of the acs: ARNs in Resource and NotResource', () => {
    const owners = (statements: object[]) => [...resourceOwnerAccounts(policyOf({ Version: '1', Statement: statements }))];
    expect(owners([{ Effect: 'Allow', Principal: ['1'], Action: 'oss:GetObject', Resource: ['acs:oss:*:123456789012:b/*', 'acs:oss:*:*:c/*'] }])).toEqual(['123456789012']);
    expect(owners([{ Effect: 'Deny', Principal: ['1'], Action: 'oss:GetObject', NotResource: 'acs:oss:*:210987654321:b/public/*' }])).toEqual(['210987654321']);
    expect(owners([{ Effect: 'Allow', Principal: ['1'], Action: 'oss:GetObject', Resource: ['*', 'acs:oss:*:1234****:b/*', 'acs:oss:*:${var.uid}:b/*', 'arn:aws:s3:::b', 'acs:oss:*::b'] }])).toEqual([]);
  });
});

describe('detectKind (through buildPolicy)', () => {
  const kindOf = (statements: object[], given?: PolicyKind) => {
    const policy = policyOf({ Version: '1', Statement: statements }, given);
    return [policy.kind, policy.kindSource];
  };

  it.each([
    ['no Principal: permission', [{ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*' }], 'permission'],
    ['no Principal, even with sts actions: permission', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'acs:ram::123456789012:role/x' }], 'permission'],
    ['Principal + sts:AssumeRole: trust', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ecs.aliyuncs.com' } }], 'trust'],
    ['Principal + STS action in other case: trust', [{ Effect: 'Allow', Action: ['STS:AssumeRole'], Principal: { RAM: 'acs:ram::123456789012:root' } }], 'trust'],
    ['Principal + oss actions: bucket', [{ Effect: 'Allow', Action: ['oss:GetObject'], Principal: ['1234567890123456'], Resource: ['acs:oss:*:*:b/*'] }], 'bucket'],
    ['Principal + oss NotAction: bucket', [{ Effect: 'Allow', NotAction: ['oss:PutObject'], Principal: '*', Resource: ['acs:oss:*:*:b/*'] }], 'bucket'],
    ['Principal + acs:oss resources only: bucket', [{ Effect: 'Allow', Action: ['kms:Decrypt'], Principal: { RAM: 'acs:ram::1:root' }, Resource: ['acs:oss:*:*:b/*'] }], 'bucket'],
    ['object-form Principal, no Resource, non-sts action: trust', [{ Effect: 'Allow', Action: 'ram:GetRole', Principal: { RAM: 'acs:ram::1:root' } }], 'trust'],
    ['list-form Principal without OSS evidence: resource', [{ Effect: 'Allow', Action: 'kms:Decrypt', Principal: ['1234567890123456'], Resource: '*' }], 'resource'],
    ['Principal "*" without OSS evidence: resource', [{ Effect: 'Allow', Action: 'vpc:*', Principal: '*', Resource: '*' }], 'resource'],
    ['object-form Principal with a non-OSS Resource: resource', [{ Effect: 'Allow', Action: 'kms:Decrypt', Principal: { RAM: 'acs:ram::1:root' }, Resource: '*' }], 'resource'],
    [
      'sts beats oss when both appear',
      [
        { Effect: 'Allow', Action: 'oss:GetObject', Principal: ['1'], Resource: 'acs:oss:*:*:b/*' },
        { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: 'acs:ram::1:root' } },
      ],
      'trust',
    ],
  ])('%s', (_name, statements, expected) => {
    expect(kindOf(statements as object[])).toEqual([expected, 'detected']);
  });

  it('a given kind overrides detection', () => {
    expect(kindOf([{ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*' }], 'bucket')).toEqual(['bucket', 'given']);
    expect(kindOf([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: '*' }], 'resource')).toEqual(['resource', 'given']);
  });

  it('reads a single-object Statement', () => {
    const policy = policyOf('{"Version": "1", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": "*"}}}');
    expect(policy.kind).toBe('trust');
    expect(policy.statements[0]?.path).toEqual(['Statement']);
  });
});

describe('regressions found in review', () => {
  it('treats ** and ?* as covering everything or every bucket', () => {
    expect(coversEverything('**')).toBe(true);
    expect(coversEveryBucket('acs:oss:*:*:?*')).toBe(true);
    expect(coversEveryBucket('acs:oss:*:*:????*')).toBe(false);
    expect(fullWildcardEntry(statementOf({ Effect: 'Allow', Action: '**', Resource: '*' }))?.value).toBe('**');
  });

  it('does not take one region as everything', () => {
    expect(coversEverything('acs:*:cn-hangzhou:*:*')).toBe(false);
    expect(coversEverything('acs:*:*:*:*')).toBe(true);
  });

  it('takes every resource of one account as everything', () => {
    expect(coversEverything('acs:*:*:123456789012:*')).toBe(true);
    expect(coversEverything('acs:*::19122324****:*')).toBe(true);
    expect(coversEverything('acs:ecs:*:123456789012:*')).toBe(false);
  });

  it('reads IPv4-mapped IPv6 ranges as IPv4 ranges', () => {
    expect(isNarrowIpRange('::ffff:0.0.0.0/96')).toBe(false);
    expect(isNarrowIpRange('::ffff:10.0.0.0/104')).toBe(true);
    expect(isNarrowIpRange('0:0:0:0:0:ffff:0:0/96')).toBe(false);
    expect(isNarrowIpRange('0:0:0:0:0:FFFF:0.0.0.0/96')).toBe(false);
    expect(isNarrowIpRange('::0:ffff:0:0/100')).toBe(false);
    expect(isNarrowIpRange('0::ffff:a00:0/104')).toBe(true);
  });

  it.each<[string, number[] | undefined]>([
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['2001:db8::1', [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]],
    ['::ffff:192.0.2.1', [0, 0, 0, 0, 0, 0xffff, 0xc000, 0x201]],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['1::', [1, 0, 0, 0, 0, 0, 0, 0]],
    ['1:2', undefined],
  ])('ipv6Groups(%j)', (value, groups) => {
    expect(ipv6Groups(value)).toEqual(groups);
  });

  it('reads a masked account in a cross-account service principal as one account', () => {
    expect(everyonePrincipals(principalOf({ Service: ['19122324****@cdp.aliyuncs.com'] }))).toEqual([]);
    expect(everyonePrincipals(principalOf({ Service: ['*@cdp.aliyuncs.com'] }))).toHaveLength(1);
  });

  it('detects a trust policy that lost its Principal', () => {
    expect(policyOf({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }).kind).toBe('trust');
    expect(policyOf({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'acs:ram::1:role/x' }] }).kind).toBe('permission');
  });
});
