/**
 * One placeholder model for every rule and for the policy model itself: each
 * placeholder form is one unknown value, never a syntax error and never
 * "every account".
 */
import { hasPlaceholder, isMaskedIp, isPlaceholder, withoutPlaceholders } from '../../src/engine/analysis/placeholders';
import { isAnyAccount, isMaskedAccount } from '../../src/engine/analysis/arn';
import { lint } from '../../src';
import { buildPolicy } from '../../src/engine/model';
import { parseJson } from '../../src/engine/parse';

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
