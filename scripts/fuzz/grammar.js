'use strict';
/**
 * Grammar-generated policies (fast-check): the shape of RAM, trust and
 * bucket policies, with realistic and hostile values in every slot, then
 * printed with a random layout.
 */
const fc = require('fast-check');

const word = fc.constantFrom('ecs', 'oss', 'ram', 'sts', 'kms', 'log', 'vpc', 'rds', '*', '', 'Ecs', 'RAM', 'update');
const name = fc.constantFrom('*', 'Get*', 'PassRole', 'AssumeRole', 'CreatePolicy', 'AttachPolicyToUser', 'DescribeInstances', 'GetObject', 'PutObject', 'P?ssRole', 'List*', '');
const hostile = fc.constantFrom('\n::error file=README.md,line=1::x', '\u001b[31m', '\u202e', 'constructor', '__proto__', 'toString', 'a'.repeat(300), '${var.uid}', '<account-id>', '19122324****');
const text = fc.oneof({ weight: 6, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: hostile });

const action = fc.oneof({ weight: 8, arbitrary: fc.tuple(word, name).map(([s, n]) => `${s}:${n}`) }, { weight: 1, arbitrary: text }, { weight: 1, arbitrary: fc.constant('*') });
const arn = fc.oneof(
  fc.constant('*'),
  fc.tuple(word, fc.constantFrom('', '*', 'cn-hangzhou'), fc.constantFrom('', '*', '123456789012', '19122324****'), fc.constantFrom('*', 'role/*', 'role/admin', 'mybucket', 'mybucket/*', 'key/k1')).map(([s, r, a, x]) => `acs:${s}:${r}:${a}:${x}`),
  text,
);
const scalarOrList = (arb) => fc.oneof({ weight: 2, arbitrary: arb }, { weight: 3, arbitrary: fc.array(arb, { maxLength: 6 }) }, { weight: 1, arbitrary: fc.constantFrom(null, 1, true, {}, []) });
const operator = fc.constantFrom('StringEquals', 'StringLike', 'StringNotEquals', 'IpAddress', 'Bool', 'NumericLessThan', 'DateGreaterThan', 'ForAnyValue:StringEquals', 'stringequals', 'Foo', '');
const conditionKey = fc.constantFrom('acs:Service', 'acs:SourceIp', 'acs:SecureTransport', 'acs:CurrentTime', 'ram:TargetRole', 'oss:Prefix', 'acs:ResourceTag/Env', 'bad key', '');
const conditionValue = fc.oneof(fc.constantFrom('ecs.aliyuncs.com', '10.0.0.0/8', 'true', 'false', '2030-01-01T00:00:00Z', '5', '::1', 'not-an-ip'), fc.integer(), fc.boolean(), text);
const condition = fc.dictionary(operator, fc.dictionary(conditionKey, scalarOrList(conditionValue), { maxKeys: 3 }), { maxKeys: 3 });
const principal = fc.oneof(
  fc.constant('*'),
  fc.record({ RAM: scalarOrList(fc.constantFrom('acs:ram::123456789012:root', '123456789012', '*', 'acs:ram::*:root')) }, { requiredKeys: [] }),
  fc.record({ Service: scalarOrList(fc.constantFrom('ecs.aliyuncs.com', '*', 'oss.aliyuncs.com')) }, { requiredKeys: [] }),
  fc.array(fc.constantFrom('123456789012', '*', '20214760404935xxxx'), { maxLength: 3 }),
);

const KEY_FORMS = {
  Effect: ['Effect', 'effect', 'EFFECT'],
  Action: ['Action', 'NotAction', 'action'],
  Resource: ['Resource', 'NotResource', 'resource'],
};
const key = (k) => fc.constantFrom(...KEY_FORMS[k]);

const statement = fc
  .record(
    {
      sid: fc.option(text, { nil: undefined }),
      effectKey: key('Effect'),
      effect: fc.constantFrom('Allow', 'Deny', 'allow', 'Permit', ''),
      actionKey: key('Action'),
      action: scalarOrList(action),
      resourceKey: key('Resource'),
      resource: scalarOrList(arn),
      principal: fc.option(principal, { nil: undefined }),
      condition: fc.option(condition, { nil: undefined }),
      extra: fc.option(fc.dictionary(text, text, { maxKeys: 2 }), { nil: undefined }),
    },
    { requiredKeys: ['effectKey', 'effect', 'actionKey', 'resourceKey'] },
  )
  .map((s) => {
    const out = {};
    if (s.sid !== undefined) out.Sid = s.sid;
    out[s.effectKey] = s.effect;
    if (s.action !== undefined) out[s.actionKey] = s.action;
    if (s.resource !== undefined) out[s.resourceKey] = s.resource;
    if (s.principal !== undefined) out.Principal = s.principal;
    if (s.condition !== undefined) out.Condition = s.condition;
    // defineProperty: "__proto__" from the generator must stay a key.
    for (const [k, v] of Object.entries(s.extra ?? {})) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
  });

const policy = fc
  .record({
    version: fc.constantFrom('1', 1, '2012-10-17', undefined),
    statements: fc.oneof({ weight: 6, arbitrary: fc.array(statement, { maxLength: 6 }) }, { weight: 1, arbitrary: statement }),
    indent: fc.constantFrom(0, 2, 4, '\t'),
    crlf: fc.boolean(),
  })
  .map(({ version, statements, indent, crlf }) => {
    const doc = version === undefined ? { Statement: statements } : { Version: version, Statement: statements };
    const json = JSON.stringify(doc, null, indent);
    return crlf ? json.replace(/\n/g, '\r\n') : json;
  });

/** `count` policy texts from `seed`, the same ones every time. */
function generatePolicies(seed, count) {
  return fc.sample(policy, { seed, numRuns: count });
}

module.exports = { generatePolicies };
