/**
 * closest(): the "did you mean" behind unknown rules, keys and operators. It
 * suggests only for words of sane length, so a huge unknown key costs nothing.
 */
import fc from 'fast-check';
import { bitParallelDistanceWithin, closest, editDistance, editDistanceWithin, MAX_SUGGESTION_LENGTH } from '../../src/engine/closest';
import { lintText } from '../../src/engine/linter';
import { builtinRules } from '../../src/rules';

describe('closest', () => {
  it.each([
    ['Efect', ['Effect', 'Action'], 'Effect'],
    ['Actions', ['Effect', 'Action'], 'Action'],
    ['StringEqual', ['StringEquals', 'StringLike'], 'StringEquals'],
    ['Foo', ['Bool', 'Action'], undefined],
  ])('%s among %j suggests %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });

  it(`suggests for a word of ${MAX_SUGGESTION_LENGTH} characters and not for a longer one`, () => {
    const candidate = `${'a'.repeat(MAX_SUGGESTION_LENGTH - 1)}b`;
    expect(closest(`${'a'.repeat(MAX_SUGGESTION_LENGTH - 1)}c`, [candidate])).toBe(candidate);
    expect(closest(`${'a'.repeat(MAX_SUGGESTION_LENGTH)}c`, [`${'a'.repeat(MAX_SUGGESTION_LENGTH)}b`])).toBeUndefined();
  });

  it('gives no suggestion for a word of a million characters', () => {
    expect(closest('E'.repeat(1_000_000), ['Effect', 'Action'])).toBeUndefined();
  });
});

describe('huge unknown keys and operators in a policy', () => {
  it('are reported without a suggestion', () => {
    const key = `Effect${'x'.repeat(200_000)}`;
    const operator = `StringEquals${'y'.repeat(200_000)}`;
    const text = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'ecs:Describe*', Resource: '*', [key]: 1, Condition: { [operator]: { 'acs:SourceIp': '1.1.1.1' } } }] });
    const result = lintText(text, { rules: builtinRules, filePath: 'p.json' });
    const ids = result.messages.map((m) => `${m.ruleId}/${m.messageId}`);
    expect(ids).toEqual(expect.arrayContaining(['unknown-element/unknown', 'invalid-condition-operator/unknown']));
    expect(result.messages.every((m) => !m.message.includes('did you mean'))).toBe(true);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['statement', 'statement', 0],
    ['statment', 'statement', 1],
    ['sattement', 'statement', 1],
    ['STATEMENT'.toLowerCase(), 'statement', 0],
    ['ca', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('compares a key of a million characters with "statement" without a million-row matrix', () => {
    expect(editDistance('s'.repeat(1_000_000), 'statement')).toBe(1_000_000 - 1); // keep one "s", substitute eight, delete the rest
  });
});

describe('editDistanceWithin', () => {
  it('equals editDistance up to the limit, and is above the limit past it (random words, seeded)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (a, b, limit) => {
        const exact = editDistance(a, b);
        const bounded = editDistanceWithin(a, b, limit);
        if (exact <= limit) expect(bounded).toBe(exact);
        else expect(bounded).toBeGreaterThan(limit);
      }),
      { seed: 20261202, numRuns: 5000 },
    );
  });

  it('counts a swap of neighbours as one edit, as editDistance does', () => {
    expect(editDistanceWithin('abcd', 'abdc', 1)).toBe(1);
    expect(editDistanceWithin('ba', 'ab', 0)).toBe(1);
  });
});

describe('the bit-parallel distance closest() uses for words of up to 32 code units', () => {
  const unit = fc.constantFrom('a', 'b', 'c', 'd', 'é', '中');
  it('equals editDistance up to the limit, and is above the limit past it (random words, seeded)', () => {
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 32 }), fc.string({ unit, maxLength: 40 }), fc.integer({ min: 0, max: 40 }), (a, b, limit) => {
        const exact = editDistance(a, b);
        const bounded = bitParallelDistanceWithin(a, b, limit);
        if (exact <= limit) expect(bounded).toBe(exact);
        else expect(bounded).toBeGreaterThan(limit);
      }),
      { seed: 20261202, numRuns: 20000 },
    );
  });

  it('counts a swap of neighbours as one edit, and handles a word of exactly 32', () => {
    expect(bitParallelDistanceWithin('abcd', 'abdc', 1)).toBe(1);
    expect(bitParallelDistanceWithin('ba', 'ab', 0)).toBe(1);
    const w = 'abcdefghijklmnopqrstuvwxyzABCDEF';
    expect(bitParallelDistanceWithin(w, `${w.slice(0, 31)}G`, 3)).toBe(1);
    expect(bitParallelDistanceWithin(w, w, 0)).toBe(0);
  });
});
