import fc from 'fast-check';
import { cellsOf, globIncludedIn, globsIntersect, setIncludedIn } from '../../src/evaluation/automaton';
import { globCoveredBy, naiveIncluded } from '../../src/evaluation/fast-checks';
import { glob, globMatches, globSet } from '../../src/evaluation/glob';

const g = (p: string) => glob(p, false);
/** Small alphabets make overlaps, and so disagreements, likely. */
const pattern = fc.array(fc.constantFrom('a', 'b', '*', '?'), { maxLength: 7 }).map((cs) => cs.join(''));
const SEED = { seed: 20261202, numRuns: 400 };

/** Every word over {a,b,c} up to `n` characters: brute force for tiny patterns. */
function words(n: number): string[] {
  const out = [''];
  for (let len = 1, layer = ['']; len <= n; len++) {
    layer = layer.flatMap((w) => ['a', 'b', 'c'].map((c) => w + c));
    out.push(...layer);
  }
  return out;
}
const SMALL_WORDS = words(6);

describe('exact glob inclusion', () => {
  it('knows that a*aba is inside ??* although the pattern-matches-pattern check does not', () => {
    expect(globIncludedIn(g('a*aba'), [g('??*')])).toBe(true);
    expect(naiveIncluded(g('a*aba'), g('??*'))).toBe(false);
    expect(globCoveredBy(g('a*aba'), [g('??*')])).toBe(true);
  });

  it('finds ? under *: acs:ram::1:role/? is inside acs:ram::1:role/*, not the other way', () => {
    expect(globIncludedIn(g('acs:ram::1:role/?'), [g('acs:ram::1:role/*')])).toBe(true);
    expect(globIncludedIn(g('acs:ram::1:role/*'), [g('acs:ram::1:role/?')])).toBe(false);
  });

  it('proves a union that covers only together', () => {
    // a* = (strings of length 1 starting with a) ∪ (a followed by at least one more)
    expect(globIncludedIn(g('a*'), [g('a'), g('a?*')])).toBe(true);
    expect(globIncludedIn(g('a*'), [g('a')])).toBe(false);
    expect(globIncludedIn(g('a*'), [g('a?*')])).toBe(false);
    expect(globIncludedIn(g('*'), [g(''), g('?*')])).toBe(true);
  });

  it('agrees with brute force on short words', () => {
    fc.assert(
      fc.property(pattern, pattern, (p, q) => {
        // Only conclusive when p's words up to 6 characters show a difference or p has no '*'.
        const counter = SMALL_WORDS.some((w) => globMatches(g(p), w) && !globMatches(g(q), w));
        const exact = globIncludedIn(g(p), [g(q)]);
        if (counter) expect(exact).toBe(false);
        if (exact === true) expect(counter).toBe(false);
      }),
      SEED,
    );
  });

  it('the fast check is sound: it never claims an inclusion the automaton refutes', () => {
    fc.assert(fc.property(pattern, pattern, (p, q) => !naiveIncluded(g(p), g(q)) || globIncludedIn(g(p), [g(q)]) === true), SEED);
  });

  it('the fast check is exact when the covering pattern has no ?', () => {
    const noQuestion = pattern.map((p) => p.replace(/\?/g, 'b'));
    fc.assert(fc.property(pattern, noQuestion, (p, q) => naiveIncluded(g(p), g(q)) === globIncludedIn(g(p), [g(q)])), SEED);
  });

  it('for unions of ?-free patterns, one member covers whenever the union does', () => {
    const noQuestion = pattern.map((p) => p.replace(/\?/g, 'a'));
    fc.assert(
      fc.property(pattern, fc.array(noQuestion, { minLength: 1, maxLength: 3 }), (p, qs) => {
        const some = qs.some((q) => naiveIncluded(g(p), g(q)));
        expect(globIncludedIn(g(p), qs.map(g))).toBe(some);
      }),
      SEED,
    );
  });

  it('globCoveredBy equals the automaton on any union', () => {
    fc.assert(fc.property(pattern, fc.array(pattern, { maxLength: 3 }), (p, qs) => globCoveredBy(g(p), qs.map(g)) === globIncludedIn(g(p), qs.map(g))), SEED);
  });
});

describe('cells and witnesses', () => {
  it('every witness really has the memberships it claims', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (ps, negs) => {
        const sets = ps.map((p, i) => globSet([p], false, negs[i]));
        for (const cell of cellsOf(sets).cells) {
          sets.forEach((s, i) => expect(s.globs.some((x) => globMatches(x, cell.witness)) !== s.negated).toBe(cell.members[i]));
        }
      }),
      SEED,
    );
  });

  it('intersection agrees with brute force', () => {
    fc.assert(
      fc.property(pattern, pattern, (p, q) => {
        const brute = SMALL_WORDS.some((w) => globMatches(g(p), w) && globMatches(g(q), w));
        if (brute) expect(globsIntersect(g(p), g(q))).toBe(true);
      }),
      SEED,
    );
  });

  it('a complement is handled: NotResource ["a*"] is not inside ["b*"], "*" minus "a*" is', () => {
    expect(setIncludedIn(globSet(['a*'], false, true), [globSet(['b*'], false)])).toBe(false);
    expect(setIncludedIn(globSet(['a*'], false, true), [globSet(['?*'], false), globSet([''], false)])).toBe(true);
  });

  it('uses a character no pattern names when a word needs "something else"', () => {
    const found = cellsOf([globSet(['?'], false), globSet(['a', 'b', 'x'], false)], { wanted: (m) => m[0] === true && m[1] === false });
    expect(found.cells[0]?.witness).toHaveLength(1);
    expect(['a', 'b', 'x']).not.toContain(found.cells[0]?.witness);
  });

  it('folds case for actions', () => {
    expect(globIncludedIn(glob('OSS:GetObject', true), [glob('oss:get*', true)])).toBe(true);
  });

  it('gives up within its budget on a pathological pattern instead of hanging', () => {
    const start = Date.now();
    const answer = globIncludedIn(g('*a??????????????????'), [g('*b*'), g('*a???????????????????')], 2000);
    expect(answer).toBe('unknown');
    expect(Date.now() - start).toBeLessThan(5000);
  });
});

describe('the STAR_CROSSES_SEPARATORS switch, turned off', () => {
  const seg = (p: string) => glob(p, false, false);
  const segPattern = fc.array(fc.constantFrom('a', ':', '*', '?'), { maxLength: 6 }).map((cs) => cs.join(''));
  const segWords = (() => {
    const out = [''];
    for (let len = 1, layer = ['']; len <= 5; len++) {
      layer = layer.flatMap((w) => ['a', ':', 'c'].map((c) => w + c));
      out.push(...layer);
    }
    return out;
  })();

  it('keeps * inside one segment', () => {
    expect(globMatches(seg('acs:oss:*:1:b/*'), 'acs:oss:x:1:b/k')).toBe(true);
    expect(globMatches(seg('acs:oss:*:1:b/*'), 'acs:oss:x:1:b/k/deeper')).toBe(false);
    expect(globMatches(seg('acs:*'), 'acs:oss:x')).toBe(false);
    expect(globIncludedIn(seg('acs:oss:x:1:b'), [seg('acs:*')])).toBe(false);
    expect(globIncludedIn(seg('acs:oss:*:1:b'), [seg('acs:oss:*:?:*')])).toBe(true);
  });

  it('the automaton and the fast check agree with brute force', () => {
    fc.assert(
      fc.property(segPattern, segPattern, (p, q) => {
        const counter = segWords.some((w) => globMatches(seg(p), w) && !globMatches(seg(q), w));
        const exact = globIncludedIn(seg(p), [seg(q)]);
        if (counter) expect(exact).toBe(false);
        if (naiveIncluded(seg(p), seg(q))) expect(exact).toBe(true);
      }),
      SEED,
    );
  });
});
