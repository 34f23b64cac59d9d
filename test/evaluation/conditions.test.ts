import { contextFrom, evaluateCondition, parseDate } from '../../src/evaluation/conditions';
import { loadDocuments } from '../../src/evaluation/documents';
import { statementsOf, policy } from './helpers';

/** The condition of a one-statement Allow. */
function truth(condition: object, context: [string, string | undefined][]) {
  const [s] = statementsOf(policy({ Effect: 'Allow', Action: 'ecs:*', Resource: '*', Condition: condition }));
  return evaluateCondition(s?.statement.condition, contextFrom(context));
}

describe('condition operators against a request context', () => {
  it.each([
    [{ StringEquals: { 'acs:Service': 'ecs.aliyuncs.com' } }, [['acs:Service', 'ecs.aliyuncs.com']], true],
    [{ StringEquals: { 'acs:Service': 'ecs.aliyuncs.com' } }, [['acs:Service', 'ECS.aliyuncs.com']], false],
    [{ StringEqualsIgnoreCase: { 'acs:Service': 'ecs.aliyuncs.com' } }, [['acs:Service', 'ECS.aliyuncs.com']], true],
    [{ StringNotEquals: { 'acs:Service': ['a', 'b'] } }, [['acs:Service', 'c']], true],
    [{ StringNotEquals: { 'acs:Service': ['a', 'b'] } }, [['acs:Service', 'b']], false],
    [{ StringLike: { 'oss:Prefix': 'home/*' } }, [['oss:Prefix', 'home/alice']], true],
    [{ StringNotLike: { 'oss:Prefix': 'home/*' } }, [['oss:Prefix', 'home/alice']], false],
    [{ NumericLessThan: { 'oss:MaxKeys': 100 } }, [['oss:MaxKeys', '99']], true],
    [{ NumericLessThan: { 'oss:MaxKeys': 100 } }, [['oss:MaxKeys', '100']], false],
    [{ NumericGreaterThanEquals: { 'oss:MaxKeys': '100' } }, [['oss:MaxKeys', '100']], true],
    [{ NumericEquals: { 'oss:MaxKeys': 5 } }, [['oss:MaxKeys', 'five']], false],
    [{ DateLessThan: { 'acs:CurrentTime': '2030-01-01T00:00:00Z' } }, [['acs:CurrentTime', '2029-12-31T23:59:59Z']], true],
    [{ DateGreaterThan: { 'acs:CurrentTime': '2030-01-01T00:00:00Z' } }, [['acs:CurrentTime', '2029-12-31T23:59:59Z']], false],
    [{ Bool: { 'acs:SecureTransport': 'true' } }, [['acs:SecureTransport', 'TRUE']], true],
    [{ Bool: { 'acs:MFAPresent': true } }, [['acs:MFAPresent', 'false']], false],
    [{ IpAddress: { 'acs:SourceIp': ['10.0.0.0/8', '192.0.2.1'] } }, [['acs:SourceIp', '10.2.3.4']], true],
    [{ IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }, [['acs:SourceIp', '11.0.0.1']], false],
    [{ NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }, [['acs:SourceIp', '11.0.0.1']], true],
    [{ IpAddress: { 'acs:SourceIp': '2001:db8::/32' } }, [['acs:SourceIp', '2001:db8:ffff::1']], true],
    [{ IpAddress: { 'acs:SourceIp': '2001:db8::/32' } }, [['acs:SourceIp', '2001:db9::1']], false],
    [{ IpAddress: { 'acs:SourceIp': '::ffff:10.0.0.0/104' } }, [['acs:SourceIp', '10.9.9.9']], true],
    [{ 'ForAnyValue:StringEquals': { 'acs:TagKeys': ['env', 'team'] } }, [['acs:TagKeys', 'x'], ['acs:TagKeys', 'team']], true],
    [{ 'ForAllValues:StringEquals': { 'acs:TagKeys': ['env', 'team'] } }, [['acs:TagKeys', 'x'], ['acs:TagKeys', 'team']], false],
    // Several values without ForAnyValue/ForAllValues: known only when both readings agree.
    [{ StringEquals: { 'acs:TagKeys': ['env', 'team'] } }, [['acs:TagKeys', 'env'], ['acs:TagKeys', 'team']], true],
    [{ StringEquals: { 'acs:TagKeys': ['env', 'team'] } }, [['acs:TagKeys', 'x'], ['acs:TagKeys', 'y']], false],
    [{ StringEquals: { 'acs:TagKeys': ['env', 'team'] } }, [['acs:TagKeys', 'x'], ['acs:TagKeys', 'team']], 'unknown'],
    [{ StringNotEquals: { 'acs:TagKeys': ['env', 'team'] } }, [['acs:TagKeys', 'x'], ['acs:TagKeys', 'team']], 'unknown'],
    [{ StringNotEquals: { 'acs:TagKeys': ['env', 'team'] } }, [['acs:TagKeys', 'x'], ['acs:TagKeys', 'y']], true],
    [{ 'ForAllValues:StringEquals': { 'acs:TagKeys': ['env'] } }, [['acs:TagKeys', undefined]], true],
    [{ 'ForAnyValue:StringEquals': { 'acs:TagKeys': ['env'] } }, [['acs:TagKeys', undefined]], false],
    [{ StringEqualsIfExists: { 'acs:Service': 'ecs.aliyuncs.com' } }, [['acs:Service', undefined]], true],
    [{ StringEqualsIfExists: { 'acs:Service': 'ecs.aliyuncs.com' } }, [['acs:Service', 'fc.aliyuncs.com']], false],
    [{ StringEquals: { 'acs:Service': 'ecs.aliyuncs.com' } }, [['acs:Service', undefined]], false],
    // A key absent from the request: no value matches, so a negated operator holds (AWS; Alibaba's own OSS example relies on it).
    [{ StringNotEquals: { 'acs:SourceVpc': 'vpc-abc' } }, [['acs:SourceVpc', undefined]], true],
    [{ StringNotEqualsIgnoreCase: { 'acs:SourceVpc': 'vpc-abc' } }, [['acs:SourceVpc', undefined]], true],
    [{ StringNotLike: { 'acs:SourceVpc': 'vpc-*' } }, [['acs:SourceVpc', undefined]], true],
    [{ NotIpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }, [['acs:SourceIp', undefined]], true],
    [{ NumericNotEquals: { 'oss:MaxKeys': 5 } }, [['oss:MaxKeys', undefined]], true],
    [{ DateNotEquals: { 'acs:CurrentTime': '2024-01-01T00:00:00Z' } }, [['acs:CurrentTime', undefined]], true],
    [{ StringLike: { 'acs:SourceVpc': 'vpc-*' } }, [['acs:SourceVpc', undefined]], false],
    [{ IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }, [['acs:SourceIp', undefined]], false],
    [{ 'ForAnyValue:StringNotEquals': { 'acs:TagKeys': 'env' } }, [['acs:TagKeys', undefined]], false],
    [{ 'ForAllValues:StringNotEquals': { 'acs:TagKeys': 'env' } }, [['acs:TagKeys', undefined]], true],
    [{ StringNotEqualsIfExists: { 'acs:SourceVpc': 'vpc-abc' } }, [['acs:SourceVpc', undefined]], true],
    [{ Null: { 'acs:SourceVpc': 'true' } }, [['acs:SourceVpc', undefined]], true],
    [{ Null: { 'acs:SourceVpc': 'false' } }, [['acs:SourceVpc', undefined]], false],
    [{ Null: { 'acs:SourceVpc': 'false' } }, [['acs:SourceVpc', 'vpc-1']], true],
    // Operators AND, keys AND, values OR.
    [{ StringEquals: { 'acs:Service': 'ecs.aliyuncs.com' }, Bool: { 'acs:SecureTransport': 'true' } }, [['acs:Service', 'ecs.aliyuncs.com'], ['acs:SecureTransport', 'false']], false],
  ] as [object, [string, string | undefined][], boolean | 'unknown'][])('%j with %j is %s', (condition, context, expected) => {
    expect(truth(condition, context).truth).toBe(expected);
  });

  it('keys compare case-insensitively', () => {
    expect(truth({ StringEquals: { 'acs:SourceVpc': 'vpc-1' } }, [['ACS:SOURCEVPC', 'vpc-1']]).truth).toBe(true);
  });

  it('a key with no value in the context is unknown, naming the key, never true or false', () => {
    const out = truth({ IpAddress: { 'acs:SourceIp': '10.0.0.0/8' }, Bool: { 'acs:SecureTransport': 'true' } }, [['acs:SecureTransport', 'true']]);
    expect(out).toEqual({ truth: 'unknown', decidingKeys: ['acs:SourceIp'] });
    expect(truth({ Null: { 'acs:SourceVpc': 'true' } }, []).truth).toBe('unknown');
    expect(truth({ StringEqualsIfExists: { 'acs:Service': 'x' } }, []).truth).toBe('unknown');
  });

  it('a false clause decides even when another key is unknown', () => {
    expect(truth({ IpAddress: { 'acs:SourceIp': '10.0.0.0/8' }, Bool: { 'acs:SecureTransport': 'true' } }, [['acs:SecureTransport', 'false']]).truth).toBe(false);
  });

  it('an unknown operator or a policy variable is unknown', () => {
    expect(truth({ ArnLikeWhatever: { 'acs:Service': 'x' } }, [['acs:Service', 'x']]).truth).toBe('unknown');
    expect(truth({ StringEquals: { 'acs:Service': '${acs:Service}' } }, [['acs:Service', 'x']]).truth).toBe('unknown');
  });

  it.each([
    // Without a zone a date is UTC, on every machine.
    [{ DateLessThan: { 'acs:CurrentTime': '2024-01-01T00:00:00' } }, '2023-12-31T20:00:00Z', true],
    [{ DateLessThan: { 'acs:CurrentTime': '2024-01-01T00:00:00' } }, '2024-01-01T04:00:00+08:00', true],
    [{ DateLessThan: { 'acs:CurrentTime': '2024-01-01T00:00:00' } }, '2024-01-01T00:00:01', false],
    [{ DateGreaterThanEquals: { 'acs:CurrentTime': '2024-01-01' } }, '2024-01-01T00:00:00Z', true],
    [{ DateEquals: { 'acs:CurrentTime': '2019-08-12T17:00:00+08:00' } }, '2019-08-12T09:00:00Z', true],
    [{ DateNotEquals: { 'acs:CurrentTime': '2019-08-12T17:00:00+0800' } }, '2019-08-12T09:00:00.000Z', false],
    // A value RAM's reference does not describe is unknown, not a guess: a bare year, epoch seconds, no such day, words.
    [{ DateLessThan: { 'acs:CurrentTime': '2024' } }, '2023-12-31T20:00:00Z', 'unknown'],
    [{ DateLessThan: { 'acs:CurrentTime': '1704067200' } }, '2023-12-31T20:00:00Z', 'unknown'],
    [{ DateLessThan: { 'acs:CurrentTime': '2023-02-30T00:00:00Z' } }, '2023-12-31T20:00:00Z', 'unknown'],
    [{ DateLessThan: { 'acs:CurrentTime': 'Jan 1 2024' } }, '2023-12-31T20:00:00Z', 'unknown'],
    [{ DateLessThan: { 'acs:CurrentTime': '2024-01-01T00:00:00Z' } }, 'yesterday', 'unknown'],
  ] as [object, string, boolean | 'unknown'][])('dates: %j at %s is %s', (condition, now, expected) => {
    expect(truth(condition, [['acs:CurrentTime', now]]).truth).toBe(expected);
  });

  it('a date without a zone reads the same whatever the machine\'s time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        expect([tz, parseDate('2024-01-01T00:00:00')]).toEqual([tz, Date.UTC(2024, 0, 1)]);
        expect([tz, parseDate('2024-01-01T08:00:00+08:00')]).toEqual([tz, Date.UTC(2024, 0, 1)]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  describe('an operator or key written twice', () => {
    // JSON text, since a JavaScript object cannot hold a key twice.
    const twice = (conditionJson: string, context: [string, string | undefined][]) => {
      const [s] = loadDocuments([{ filePath: 'p.json', text: `{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":"*","Condition":${conditionJson}}]}` }]).policies[0]?.statements ?? [];
      return evaluateCondition(s?.statement.condition, contextFrom(context));
    };
    const ops = '{"IpAddress":{"acs:SourceIp":"10.1.0.0/16"},"IpAddress":{"acs:SourceIp":"0.0.0.0/0"}}';
    const keys = '{"IpAddress":{"acs:SourceIp":"10.1.0.0/16","acs:SourceIp":"0.0.0.0/0"}}';

    it('is unknown where the copies disagree, whichever a reader keeps', () => {
      expect(twice(ops, [['acs:SourceIp', '8.8.8.8']])).toEqual({ truth: 'unknown', decidingKeys: ['(IpAddress written twice in one Condition)'] });
      expect(twice(keys, [['acs:SourceIp', '8.8.8.8']])).toEqual({ truth: 'unknown', decidingKeys: ['(acs:sourceip written twice under IpAddress)'] });
      expect(twice('{"IpAddress":{"acs:SourceIp":"10.1.0.0/16","ACS:SOURCEIP":"0.0.0.0/0"}}', [['acs:SourceIp', '8.8.8.8']]).truth).toBe('unknown');
    });

    it('is decided where every copy agrees; the other operators are read as usual', () => {
      expect(twice(ops, [['acs:SourceIp', '10.1.2.3']]).truth).toBe(true);
      expect(twice(keys, [['acs:SourceIp', '10.1.2.3']]).truth).toBe(true);
      expect(twice('{"IpAddress":{"acs:SourceIp":"10.1.0.0/16"},"IpAddress":{"acs:SourceIp":"10.2.0.0/16"}}', [['acs:SourceIp', '8.8.8.8']]).truth).toBe(false);
      expect(twice(`{"Bool":{"acs:SecureTransport":"true"},${ops.slice(1)}`, [['acs:SourceIp', '8.8.8.8'], ['acs:SecureTransport', 'false']]).truth).toBe(false);
    });
  });
});
