import { canMatchWithPrefix, compileWildcard, hasWildcard, type MatchStats, wildcardMatch, wildcardsIntersect } from '../../src/engine/wildcard';

describe('wildcardMatch', () => {
  it.each([
    // [pattern, text, expected]
    ['ram:PassRole', 'ram:PassRole', true],
    ['ram:PassRole', 'ram:PassRoles', false],
    ['ram:PassRole', 'ram:PassRol', false],
    ['', '', true],
    ['', 'a', false],
    ['*', '', true],
    ['*', 'anything at all', true],
    ['**', '', true],
    ['**', 'abc', true],
    ['?', '', false],
    ['?', 'a', true],
    ['?', 'ab', false],
    ['??', 'ab', true],
    ['a*', '', false],
    ['a*', 'a', true],
    ['a*', 'abc', true],
    ['a*', 'ba', false],
    ['*c', 'c', true],
    ['*c', 'abc', true],
    ['*c', 'abcd', false],
    ['a*c', 'ac', true],
    ['a*c', 'abbbc', true],
    ['a*c', 'abbbcd', false],
    ['a**c', 'ac', true],
    ['*b*', 'b', true],
    ['*b*', 'abc', true],
    ['*b*', 'ac', false],
    ['*?*', '', false],
    ['*?*', 'x', true],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acb', false],
    ['a*b*c', 'aXbYbZc', true],
    // A middle segment must fit between the head and the tail, without overlapping them.
    ['ab*ba', 'aba', false],
    ['ab*ba', 'abba', true],
    ['a*b*b', 'ab', false],
    ['a*b*b', 'abb', true],
    ['a*bc*bc', 'abcbc', true],
    ['a*bc*bc', 'abcb', false],
    // `?` inside segments, at the start, middle and end.
    ['ram:P?ssRole', 'ram:PassRole', true],
    ['ram:P?ssRole', 'ram:PssRole', false],
    ['?am:*', 'ram:PassRole', true],
    ['ram:PassRol?', 'ram:PassRole', true],
    ['*?b*', 'ab', true],
    ['*?b*', 'b', false],
    ['ram:Pass*', 'ram:PassRole', true],
    ['ram:Pass*', 'ram:Pas', false],
    ['ram:*', 'ram:PassRole', true],
    ['ram:*', 'ecs:RunInstances', false],
    ['*:*', 'ram:PassRole', true],
    ['*:*', 'ramPassRole', false],
    ['acs:ram:*:*:role/*', 'acs:ram::123:role/x', true],
  ])('%j vs %j → %s', (pattern, text, expected) => {
    expect(wildcardMatch(pattern, text)).toBe(expected);
    expect(wildcardMatch(compileWildcard(pattern), text)).toBe(expected);
  });

  it('is case-sensitive by default', () => {
    expect(wildcardMatch('ram:PassRole', 'RAM:passrole')).toBe(false);
    expect(wildcardMatch('ram:Pass*', 'ram:passRole')).toBe(false);
  });

  it('ignores case when asked, in the pattern and in the text', () => {
    expect(wildcardMatch('ram:PassRole', 'RAM:passrole', true)).toBe(true);
    expect(wildcardMatch('RAM:PASS*', 'ram:passrole', true)).toBe(true);
    expect(wildcardMatch('ram:p?SSROLE', 'Ram:PassRole', true)).toBe(true);
    expect(wildcardMatch('*ROLE', 'ram:passrole', true)).toBe(true);
    expect(wildcardMatch('ram:Get*', 'RAM:PassRole', true)).toBe(false);
  });

  it('uses the case setting of a compiled pattern', () => {
    const insensitive = compileWildcard('ram:Pass*', true);
    expect(insensitive.ignoreCase).toBe(true);
    expect(wildcardMatch(insensitive, 'RAM:PASSROLE')).toBe(true);
    const sensitive = compileWildcard('ram:Pass*');
    expect(wildcardMatch(sensitive, 'RAM:PASSROLE', true)).toBe(false);
  });

  it('compiles a pattern into anchored segments', () => {
    const c = compileWildcard('a**b*c');
    expect(c.segments).toEqual(['a', 'b', 'c']);
    expect(c.startsWithStar).toBe(false);
    expect(c.endsWithStar).toBe(false);
    expect(c.hasWildcard).toBe(true);
    const d = compileWildcard('*x*');
    expect(d.segments).toEqual(['', 'x', '']);
    expect(d.startsWithStar).toBe(true);
    expect(d.endsWithStar).toBe(true);
    expect(compileWildcard('plain').hasWildcard).toBe(false);
    expect(compileWildcard('pl?in').hasWildcard).toBe(true);
    expect(compileWildcard('PassRole', true).segments).toEqual(['passrole']);
    expect(compileWildcard('PassRole', true).source).toBe('PassRole');
  });
});

describe('hasWildcard', () => {
  it.each([
    ['*', true],
    ['ram:Pass*', true],
    ['ram:P?ssRole', true],
    ['ram:PassRole', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(hasWildcard(value)).toBe(expected);
  });
});

describe('canMatchWithPrefix', () => {
  it.each([
    // [pattern, prefix, expected]
    ['*', 'role/', true],
    ['role/*', 'role/', true],
    ['role/admin', 'role/', true],
    ['ro*', 'role/', true],
    ['r?le/x', 'role/', true],
    ['?????', 'role/', true],
    ['rol', 'role/', false],
    ['', 'role/', false],
    ['', '', true],
    ['user/*', 'role/', false],
    ['policy/*', 'role/', false],
    ['rolex/*', 'role/', false],
  ])('%j could start with %j → %s', (pattern, prefix, expected) => {
    expect(canMatchWithPrefix(pattern, prefix)).toBe(expected);
  });

  it('is case-sensitive by default and ignores case when asked', () => {
    expect(canMatchWithPrefix('ROLE/admin', 'role/')).toBe(false);
    expect(canMatchWithPrefix('ROLE/admin', 'role/', true)).toBe(true);
    expect(canMatchWithPrefix('Role/*', 'ROLE/', true)).toBe(true);
  });
});

describe('wildcardMatch complexity', () => {
  /** The bound the design promises: at most text length × the longest segment, with slack for the anchors. */
  const bound = (pattern: string, text: string) => {
    const longest = Math.max(1, ...pattern.split('*').map((s) => s.length));
    return 2 * (text.length + 1) * longest;
  };

  const count = (pattern: string, text: string, ignoreCase = false) => {
    const stats: MatchStats = { comparisons: 0 };
    const matched = wildcardMatch(pattern, text, ignoreCase, stats);
    return { matched, comparisons: stats.comparisons };
  };

  it('counts comparisons only when given a MatchStats', () => {
    const stats: MatchStats = { comparisons: 0 };
    expect(wildcardMatch('abc', 'abc', false, stats)).toBe(true);
    expect(stats.comparisons).toBe(3);
    expect(wildcardMatch('abc', 'abc')).toBe(true);
  });

  it('a*a*…*a*b (300 stars) against 5,000 a\'s fails within the bound', () => {
    const pattern = `${'a*'.repeat(300)}b`;
    const text = 'a'.repeat(5000);
    const { matched, comparisons } = count(pattern, text);
    expect(matched).toBe(false);
    expect(comparisons).toBeLessThanOrEqual(bound(pattern, text));
  });

  it('a*a*…*a*b (300 stars) against too few a\'s before a b fails within the bound', () => {
    // The tail matches, so every middle "a" is searched for until the text runs out.
    const pattern = `${'a*'.repeat(300)}b`;
    const text = `${'a'.repeat(250)}b`;
    const { matched, comparisons } = count(pattern, text);
    expect(matched).toBe(false);
    expect(comparisons).toBeGreaterThanOrEqual(250);
    expect(comparisons).toBeLessThanOrEqual(bound(pattern, text));
    expect(count(pattern, `${'a'.repeat(5000)}b`).matched).toBe(true);
  });

  it('*a*a*…*a*b* (300 stars) against 5,000 a\'s: every segment is searched, still within the bound', () => {
    // The trailing star moves "b" into the middle, so it is searched across the whole text.
    const pattern = `*${'a*'.repeat(300)}b*`;
    const text = 'a'.repeat(5000);
    const { matched, comparisons } = count(pattern, text);
    expect(matched).toBe(false);
    expect(comparisons).toBeGreaterThanOrEqual(text.length - 300); // the search for "b" really ran
    expect(comparisons).toBeLessThanOrEqual(bound(pattern, text));
  });

  it('the same pattern succeeds within the bound when the text ends in b', () => {
    const pattern = `*${'a*'.repeat(300)}b*`;
    const text = `${'a'.repeat(5000)}b`;
    const { matched, comparisons } = count(pattern, text);
    expect(matched).toBe(true);
    expect(comparisons).toBeLessThanOrEqual(bound(pattern, text));
  });

  it('longer segments that almost match stay within text length × longest segment', () => {
    const pattern = `*${'aa*'.repeat(200)}aaab*`;
    const text = 'a'.repeat(4000);
    const { matched, comparisons } = count(pattern, text);
    expect(matched).toBe(false);
    expect(comparisons).toBeLessThanOrEqual(bound(pattern, text));
  });

  it('case-insensitive matching has the same bound', () => {
    const pattern = `*${'A*'.repeat(300)}B*`;
    const text = 'a'.repeat(5000);
    const { matched, comparisons } = count(pattern, text, true);
    expect(matched).toBe(false);
    expect(comparisons).toBeLessThanOrEqual(bound(pattern, text));
  });

  it('grows linearly with the text, not exponentially with the stars', () => {
    const pattern = `*${'a*'.repeat(400)}b*`;
    const small = count(pattern, 'a'.repeat(2000)).comparisons;
    const large = count(pattern, 'a'.repeat(8000)).comparisons;
    // Four times the text costs about four times the comparisons (never more than five).
    expect(large).toBeLessThanOrEqual(5 * small);
    const fewerStars = count(`*${'a*'.repeat(100)}b*`, 'a'.repeat(8000)).comparisons;
    const moreStars = count(`*${'a*'.repeat(800)}b*`, 'a'.repeat(8000)).comparisons;
    // Eight times the stars barely changes the cost: each segment is committed once.
    expect(moreStars).toBeLessThanOrEqual(fewerStars + 800);
  });
});

describe('wildcardsIntersect', () => {
  it.each([
    ['ecs:Delete*', 'ecs:*Instance', true],
    ['ecs:DeleteInstance', 'ECS:deleteinstance', true],
    ['ecs:Delete*', 'ecs:Describe*', false],
    ['*', 'ram:PassRole', true],
    ['ram:P?ssRole', 'ram:Pa*', true],
    ['ram:*', 'oss:*', false],
    ['a?c', 'ab', false],
    ['', '*', true],
    ['', '?', false],
  ])('%j and %j: %j (ignoring case)', (a, b, expected) => {
    expect(wildcardsIntersect(a, b, true)).toBe(expected);
    expect(wildcardsIntersect(b, a, true)).toBe(expected);
  });

  it('respects case when asked to', () => {
    expect(wildcardsIntersect('Role/*', 'role/x', false)).toBe(false);
    expect(wildcardsIntersect('Role/*', 'role/x', true)).toBe(true);
  });

  it('agrees with a search over every short string, for every pair of short patterns', () => {
    // A shared string, when there is one, needs no more characters than the two patterns' literals: a and b suffice.
    const patterns: string[] = [''];
    for (let length = 1; length <= 4; length++) {
      for (const p of [...patterns]) if (p.length === length - 1) for (const c of ['a', 'b', '*', '?']) patterns.push(p + c);
    }
    const strings: string[] = [''];
    for (let length = 1; length <= 8; length++) {
      for (const s of [...strings]) if (s.length === length - 1) for (const c of ['a', 'b']) strings.push(s + c);
    }
    const disagreements: string[] = [];
    for (const a of patterns) {
      const matchedByA = strings.filter((s) => wildcardMatch(a, s));
      for (const b of patterns) {
        const expected = matchedByA.some((s) => wildcardMatch(b, s));
        if (wildcardsIntersect(a, b) !== expected) disagreements.push(`${a} / ${b}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('stays quadratic on patterns built to make a backtracking search explode', () => {
    const a = `${'a*'.repeat(2000)}b`;
    const b = `${'*a'.repeat(2000)}c`;
    expect(wildcardsIntersect(a, b)).toBe(false);
  });
});
