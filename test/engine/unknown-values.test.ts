/**
 * The policy model's values the host file computes (UnknownValue): a
 * processor's `"${...}"` token where a Statement, a statement, a Principal, a
 * Condition or an operator's map stands. Only with `generatedAt` (a host
 * document); in a bare file `"${...}"` is a string.
 */
import { isWholeInterpolation } from '../../src/engine/analysis/placeholders';
import { conditionMayHoldAnyKey } from '../../src/engine/analysis/conditions';
import { buildPolicy, isUnknownValue } from '../../src/engine/model';
import { parseJson } from '../../src/engine/parse';

const everyToken = () => true;

function build(doc: unknown, generatedAt?: (offset: number, length: number) => boolean) {
  const text = JSON.stringify(doc, null, 2);
  return { text, policy: buildPolicy(parseJson(text, { allowComments: false }).root, undefined, 'setting', generatedAt) };
}

describe('isWholeInterpolation', () => {
  it.each(['${var.statements}', '${jsonencode(var.c)}', '${Ref Stmts}', '${Fn::If}', '${}'])('%s is one whole interpolation', (v) => {
    expect(isWholeInterpolation(v)).toBe(true);
  });
  it.each(['${var.a}${var.b}', ' ${var.a}', '${var.a} ', 'acs:ram::${var.id}:root', '<statements>', '{{statements}}', '1234****', '${a{b}}', '$var', ''])('%s is not', (v) => {
    expect(isWholeInterpolation(v)).toBe(false);
  });
});

describe('a value the host file computes', () => {
  const doc = {
    Version: '${var.version}',
    Statement: [
      '${local.extra}',
      {
        Effect: 'Allow',
        Action: '${var.actions}',
        Resource: ['acs:oss:*:*:${var.bucket}/*'],
        Principal: '${var.who}',
        Condition: { StringEquals: '${var.pins}', Bool: { 'acs:SecureTransport': 'true' } },
      },
      { Effect: 'Allow', Action: 'oss:GetObject', Resource: '*', Condition: '${var.cond}' },
    ],
  };

  it('is each Statement entry, Principal, Condition and operator map, in document order', () => {
    const { policy } = build(doc, everyToken);
    expect(policy.unknownValues.map((u) => [u.element, u.node.value, u.index ?? u.operator ?? null])).toEqual([
      ['statement', '${local.extra}', 0],
      ['Principal', '${var.who}', null],
      ['operator', '${var.pins}', 'StringEquals'],
      ['Condition', '${var.cond}', null],
    ]);
    // A string element (Version, Action, a Resource entry) is one unknown string, as before.
    expect(policy.statements.map((s) => s.index)).toEqual([1, 2]);
    expect(policy.statements[0]?.action?.values.map((v) => [v.value, v.placeholder])).toEqual([['${var.actions}', true]]);
  });

  it('leaves nothing to judge inside it, and says where a Condition may hold any key', () => {
    const { policy } = build(doc, everyToken);
    const [first, second] = policy.statements;
    expect(first?.principal).toMatchObject({ unknown: true, entries: [], empty: false });
    expect(first?.principal?.list).toBeUndefined();
    expect(first?.principal?.star).toBeUndefined();
    expect(first?.condition?.unknown).toBe(false);
    expect(first?.condition?.unknownOperators.map((m) => m.key)).toEqual(['StringEquals']);
    expect(first?.condition?.malformedOperators).toEqual([]);
    expect(first?.condition?.clauses.map((c) => c.key)).toEqual(['acs:SecureTransport']);
    expect(second?.condition).toMatchObject({ unknown: true, clauses: [], malformedOperators: [], unknownOperators: [] });
    expect([first, second].map((s) => s !== undefined && conditionMayHoldAnyKey(s))).toEqual([true, true]);
    expect(isUnknownValue(policy, second?.condition?.valueNode as never)).toBe(true);
  });

  it('is the whole Statement', () => {
    const { policy } = build({ Version: '1', Statement: '${concat(local.a, local.b)}' }, everyToken);
    expect(policy.unknownValues.map((u) => [u.element, u.node.value])).toEqual([['Statement', '${concat(local.a, local.b)}']]);
    expect(policy.statements).toEqual([]);
    expect(isUnknownValue(policy, policy.statementMember?.valueNode as never)).toBe(true);
  });

  it('is only a token the processor generated', () => {
    const { text } = build(doc);
    const cond = text.indexOf('"${var.cond}"');
    // Only the Condition's token is generated here: the rest is text the host holds.
    const { policy } = build(doc, (offset, length) => offset === cond && length === '"${var.cond}"'.length);
    expect(policy.unknownValues.map((u) => u.element)).toEqual(['Condition']);
    expect(policy.statements[0]?.principal?.unknown).toBe(false);
    expect(policy.statements[0]?.principal?.list?.values.map((v) => v.value)).toEqual(['${var.who}']);
    expect(policy.statements[0]?.condition?.malformedOperators.map((m) => m.key)).toEqual(['StringEquals']);
  });

  it('is nothing in a bare file: "${...}" there is a string', () => {
    const { policy } = build(doc);
    expect(policy.unknownValues).toEqual([]);
    expect(policy.statements[0]?.principal?.unknown).toBe(false);
    expect(policy.statements[1]?.condition?.unknown).toBe(false);
    expect(policy.statements.map((s) => conditionMayHoldAnyKey(s))).toEqual([false, false]);
  });

  it('is never a string that is more than one interpolation, nor a non-string', () => {
    const { policy } = build({ Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Principal: '${var.a}${var.b}', Condition: 7 }] }, everyToken);
    expect(policy.unknownValues).toEqual([]);
  });
});
