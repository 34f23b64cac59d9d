/**
 * looksLikePolicy decides which files a directory walk lints. A miss hides a
 * policy from the linter, so every spelling the scanner accepts must also get
 * past the cheap pre-check.
 */
import { looksLikePolicy, looksLikePolicyParsed, mayLookLikePolicy } from '../../src/engine/detect';
import { parseJson } from '../../src/engine/parse';
import { editDistance } from '../../src/engine/closest';

describe('looksLikePolicy', () => {
  it.each([
    ['a policy', '{"Version": "1", "Statement": []}'],
    ['a lower-case key', '{"statement": []}'],
    ['a misspelt key', '{"Statment": []}'],
    ['a plural key', '{"Statements": []}'],
    ['a key two edits away with no four-letter run of "statement"', '{"Stetemant": []}'],
    ['a key spelt with \\u escapes', '{"\\u0053tatement": []}'],
    ['a key spelt wholly with \\u escapes', '{"\\u0053\\u0074\\u0061\\u0074\\u0065\\u006d\\u0065\\u006e\\u0074": []}'],
    ['a blank file', '  \n'],
    ['a byte order mark then a policy', '\uFEFF{"Statement": []}'],
    ['broken JSON that mentions "Statement"', '{"Version": "1", "Statement": [,}'],
    ['a key after a comment', '{/* c */ "Statement": []}'],
  ])('accepts %s', (_name, text) => {
    expect(looksLikePolicy(text)).toBe(true);
  });

  it.each([
    ['package.json', '{"name": "x", "version": "1.0.0", "dependencies": {}}'],
    ['a nested Statement only', '{"Policy": {"Statement": []}}'],
    ['Statement as a value', '{"kind": "Statement"}'],
    ['a key three edits away', '{"Stxtxmxnt": []}'],
    ['a JSON array', '[{"Statement": []}]'],
  ])('passes over %s', (_name, text) => {
    expect(looksLikePolicy(text)).toBe(false);
  });

  it('the pre-check lets through every key within two edits of "statement"', () => {
    // Every single and double substitution or deletion over a small alphabet.
    const alphabet = ['a', 'e', 'x', 'S', 'T'];
    const word = 'statement';
    const variants = new Set<string>([word]);
    for (let i = 0; i < word.length; i++) {
      variants.add(word.slice(0, i) + word.slice(i + 1));
      for (const c of alphabet) variants.add(word.slice(0, i) + c + word.slice(i + 1));
    }
    for (const once of [...variants]) {
      for (let i = 0; i < once.length; i++) {
        variants.add(once.slice(0, i) + once.slice(i + 1));
        for (const c of alphabet) variants.add(once.slice(0, i) + c + once.slice(i + 1));
      }
    }
    const missed = [...variants].filter((v) => editDistance(v.toLowerCase(), word) <= 2 && !looksLikePolicy(`{"${v}": []}`));
    expect(missed).toEqual([]);
  });
});

describe('looksLikePolicy from a parse (the file layer parses once)', () => {
  it.each([
    '{"Version": "1", "Statement": []}',
    '{"statement": []}',
    '{"Statment": []}',
    '{"\\u0053tatement": []}',
    '  \n',
    '{"Version": "1", "Statement": [,}',
    '{/* c */ "Statement": []}',
    '{"name": "x", "version": "1.0.0"}',
    '{"Policy": {"Statement": []}}',
    '{"kind": "Statement"}',
    '[{"Statement": []}]',
    '{"Statement": 1, "Statement": 2}',
    '\uFEFF{"Statement": []}',
  ])('agrees with the scan on %j', (text) => {
    for (const allowComments of [false, true]) {
      const parsed = mayLookLikePolicy(text) && looksLikePolicyParsed(text, parseJson(text, { allowComments }));
      expect(parsed).toBe(looksLikePolicy(text));
    }
  });
});
