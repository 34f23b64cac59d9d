import fc from 'fast-check';
import { contextFrom, evaluateCondition } from '../../src/evaluation/conditions';
import { conditionImplies } from '../../src/evaluation/implication';
import { loadDocuments } from '../../src/evaluation/documents';
import { policy, statementsOf } from './helpers';

const conditionOf = (condition: object) => statementsOf(policy({ Effect: 'Allow', Action: 'ecs:*', Resource: '*', Condition: condition }))[0]?.statement.condition;

describe('conditionImplies', () => {
  it.each([
    [{ IpAddress: { 'acs:SourceIp': '10.1.0.0/16' } }, { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }, true],
    [{ IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } }, { IpAddress: { 'acs:SourceIp': '10.1.0.0/16' } }, false],
    [{ StringEquals: { 'acs:Service': 'ecs.aliyuncs.com' } }, { StringEquals: { 'acs:Service': ['ecs.aliyuncs.com', 'fc.aliyuncs.com'] } }, true],
    [{ StringLike: { 'oss:Prefix': 'home/alice/*' } }, { StringLike: { 'oss:Prefix': 'home/*' } }, true],
    [{ StringNotEquals: { 'acs:Service': ['a', 'b'] } }, { StringNotEquals: { 'acs:Service': 'a' } }, true],
    [{ NumericLessThan: { 'oss:MaxKeys': 5 } }, { NumericLessThan: { 'oss:MaxKeys': 10 } }, true],
    [{ DateLessThan: { 'acs:CurrentTime': '2030-01-01T00:00:00Z' } }, { DateLessThan: { 'acs:CurrentTime': '2029-01-01T00:00:00Z' } }, false],
    // Dates as the evaluator reads them: no zone is UTC; a bare year or epoch seconds is no date, and implies nothing.
    [{ DateLessThan: { 'acs:CurrentTime': '2024-01-01T00:00:00' } }, { DateLessThan: { 'acs:CurrentTime': '2024-01-01T08:00:00+08:00' } }, true],
    [{ DateLessThan: { 'acs:CurrentTime': '2024-01-01T08:00:01+08:00' } }, { DateLessThan: { 'acs:CurrentTime': '2024-01-01T00:00:00' } }, false],
    [{ DateLessThan: { 'acs:CurrentTime': '2024' } }, { DateLessThan: { 'acs:CurrentTime': '2025-01-01T00:00:00Z' } }, false],
    [{ DateLessThan: { 'acs:CurrentTime': '1700000000' } }, { DateLessThan: { 'acs:CurrentTime': '1800000000' } }, false],
    // Two keys AND: the stronger condition may have more clauses.
    [{ Bool: { 'acs:MFAPresent': 'true' }, IpAddress: { 'acs:SourceIp': '10.0.0.1' } }, { Bool: { 'acs:MFAPresent': 'true' } }, true],
    [{ Bool: { 'acs:MFAPresent': 'true' } }, { Bool: { 'acs:MFAPresent': 'true' }, IpAddress: { 'acs:SourceIp': '10.0.0.1' } }, false],
    [{ StringEquals: { 'acs:SourceVpc': 'vpc-1' } }, { StringEquals: { 'acs:Service': 'vpc-1' } }, false],
  ])('%j ⇒ %j is %s', (stronger, weaker, expected) => {
    expect(conditionImplies(conditionOf(stronger), conditionOf(weaker))).toBe(expected);
  });

  it('an operator or key written twice in the stronger condition proves nothing; in the weaker, every copy is required', () => {
    const conditionText = (json: string) => loadDocuments([{ filePath: 'p.json', text: `{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:*","Resource":"*","Condition":${json}}]}` }]).policies[0]?.statements[0]?.statement.condition;
    const narrow = conditionOf({ IpAddress: { 'acs:SourceIp': '10.1.0.0/16' } });
    const twiceOps = conditionText('{"IpAddress":{"acs:SourceIp":"10.1.0.0/16"},"IpAddress":{"acs:SourceIp":"0.0.0.0/0"}}');
    const twiceKeys = conditionText('{"IpAddress":{"acs:SourceIp":"10.1.0.0/16","acs:SourceIp":"0.0.0.0/0"}}');
    expect(conditionImplies(twiceOps, narrow)).toBe(false);
    expect(conditionImplies(twiceKeys, narrow)).toBe(false);
    // Whichever copy a reader keeps, 10.1.0.0/16 implies it.
    expect(conditionImplies(narrow, twiceOps)).toBe(true);
    expect(conditionImplies(conditionOf({ IpAddress: { 'acs:SourceIp': '0.0.0.0/0' } }), twiceKeys)).toBe(false);
    // A clause written once beside the repeated ones still counts.
    expect(conditionImplies(conditionText('{"Bool":{"acs:MFAPresent":"true"},"IpAddress":{"acs:SourceIp":"10.1.0.0/16"},"IpAddress":{"acs:SourceIp":"0.0.0.0/0"}}'), conditionOf({ Bool: { 'acs:MFAPresent': 'true' } }))).toBe(true);
  });

  it('a Condition that is not an object of objects is implied by nothing (RAM rejects it; what it would mean is unknown)', () => {
    const malformed = statementsOf(policy({ Effect: 'Allow', Action: 'ecs:*', Resource: '*', Condition: [] }))[0]?.statement.condition;
    expect(conditionImplies(conditionOf({ Bool: { 'acs:MFAPresent': 'true' } }), malformed)).toBe(false);
    expect(conditionImplies(malformed, conditionOf({ Bool: { 'acs:MFAPresent': 'true' } }))).toBe(false);
  });

  it('no condition implies only no condition', () => {
    expect(conditionImplies(undefined, undefined)).toBe(true);
    expect(conditionImplies(conditionOf({ Bool: { 'acs:MFAPresent': 'true' } }), undefined)).toBe(true);
    expect(conditionImplies(undefined, conditionOf({ Bool: { 'acs:MFAPresent': 'true' } }))).toBe(false);
  });

  it('property: whenever it says "implies", every request that satisfies the stronger satisfies the weaker', () => {
    const octet = fc.integer({ min: 0, max: 3 });
    const cidr = fc.tuple(octet, octet, fc.constantFrom(8, 16, 24, 32)).map(([a, b, m]) => `10.${a}.${b}.0/${m}`);
    const word = fc.constantFrom('a', 'ab', 'abc', 'b', 'ba', 'home/x');
    const pattern = fc.constantFrom('a*', '*b', 'a?', '*', 'ab*', 'home/*', 'b');
    const clause = fc.oneof(
      fc.record({ op: fc.constant('IpAddress'), values: fc.array(cidr, { minLength: 1, maxLength: 2 }) }),
      fc.record({ op: fc.constant('NotIpAddress'), values: fc.array(cidr, { minLength: 1, maxLength: 2 }) }),
      fc.record({ op: fc.constantFrom('StringEquals', 'StringNotEquals', 'StringNotEqualsIgnoreCase'), values: fc.array(word, { minLength: 1, maxLength: 3 }) }),
      fc.record({ op: fc.constantFrom('StringLike', 'StringNotLike'), values: fc.array(pattern, { minLength: 1, maxLength: 2 }) }),
      fc.record({ op: fc.constantFrom('NumericLessThan', 'NumericGreaterThanEquals', 'NumericNotEquals'), values: fc.array(fc.integer({ min: 0, max: 9 }).map(String), { minLength: 1, maxLength: 1 }) }),
    );
    const keyOf = (op: string) => (op.includes('Ip') ? 'acs:SourceIp' : op.startsWith('Numeric') ? 'oss:MaxKeys' : 'oss:Prefix');
    // undefined: the key is absent from the request, where negated operators hold and the others do not.
    const requestValue = fc.oneof(fc.tuple(octet, octet, fc.integer({ min: 0, max: 255 })).map(([a, b, c]) => `10.${a}.${b}.${c}`), word, fc.integer({ min: 0, max: 10 }).map(String), fc.constant(undefined));
    fc.assert(
      fc.property(clause, clause, fc.array(requestValue, { minLength: 3, maxLength: 3 }), (s, w, values) => {
        const strong = conditionOf({ [s.op]: { [keyOf(s.op)]: s.values } });
        const weak = conditionOf({ [w.op]: { [keyOf(w.op)]: w.values } });
        if (!conditionImplies(strong, weak)) return;
        const context = contextFrom([['acs:SourceIp', values[0]], ['oss:Prefix', values[1]], ['oss:MaxKeys', values[2]]]);
        if (evaluateCondition(strong, context).truth === true) expect(evaluateCondition(weak, context).truth).toBe(true);
      }),
      { seed: 20261202, numRuns: 2000 },
    );
  });
});
