/**
 * The strict-JSON fast path must build exactly jsonc-parser's tree (every
 * node's keys in the same order, the same values and parent links), and must
 * decline whatever jsonc-parser would report a problem in.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { type Node, parseTree, type ParseError } from 'jsonc-parser';
import { parseStrictTree } from '../../src/engine/strict-parse';

/** '' when equal; else where they differ. */
function difference(a: Node, b: Node, parentA: Node | undefined, parentB: Node | undefined): string {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join() !== kb.join()) return `keys ${ka.join()} vs ${kb.join()}`;
  for (const k of ka) {
    if (k === 'parent') {
      if ((a.parent === parentA) !== (b.parent === parentB)) return 'parent';
    } else if (k === 'children') {
      const ca = a.children ?? [];
      const cb = b.children ?? [];
      if (ca.length !== cb.length) return 'children';
      for (let i = 0; i < ca.length; i++) {
        const d = difference(ca[i] as Node, cb[i] as Node, a, b);
        if (d) return d;
      }
    } else if (!Object.is((a as unknown as Record<string, unknown>)[k], (b as unknown as Record<string, unknown>)[k])) return k;
  }
  return '';
}

/** 'same', 'declined' (jsonc-parser then reports a problem, or the text is outside the subset), or what went wrong. */
function compare(text: string): string {
  const errors: ParseError[] = [];
  const reference = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const fast = parseStrictTree(text);
  if (fast === undefined) return 'declined';
  if (errors.length > 0 || reference === undefined) return 'accepted a text jsonc-parser rejects';
  return difference(fast, reference, undefined, undefined) || 'same';
}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFiles(full));
    else if (/\.jsonc?$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe('parseStrictTree', () => {
  const root = path.resolve(__dirname, '../..');
  const files = ['examples', 'fixtures'].flatMap((d) => jsonFiles(path.join(root, d)));

  it('builds jsonc-parser\'s tree for every example and fixture it accepts, and accepts most of them', () => {
    let same = 0;
    for (const file of files) {
      const outcome = compare(fs.readFileSync(file, 'utf8'));
      if (outcome !== 'declined') expect(`${file}: ${outcome}`).toBe(`${file}: same`);
      if (outcome === 'same') same++;
    }
    expect(same).toBeGreaterThan(files.length / 2);
  });

  it('builds the same tree for random JSON in any layout (seeded)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, space) => {
        expect(compare(JSON.stringify(value, null, space) ?? 'null')).toBe('same');
      }),
      { seed: 20261202, numRuns: 3000 },
    );
  });

  it('declines what jsonc-parser rejects, or builds the same tree (random token soup, seeded)', () => {
    const tokens = ['{', '}', '[', ']', ',', ':', ' ', '\n', '\r', '\t', '"a"', '"\\u0041"', '"\\n"', '"\\x"', '"a\nb"', '"é"', '"\ud800"', '1', '-1', '0', '01', '1.5', '1.', '1e5', '1e', '-', 'true', 'false', 'null', 'tru', '/*c*/', '//c\n', '\u00a0', '\v', '"\\"', '""', "'a'", '\uFEFF', 'truex'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { minLength: 1, maxLength: 12 }), (parts) => {
        expect(['same', 'declined']).toContain(compare(parts.join('')));
      }),
      { seed: 20261202, numRuns: 20000 },
    );
  });

  it.each(['{"a": 1 /* c */}', '{"a": 1,}', '\uFEFF{}', '{"a":\v1}', '{"a": "\u0001"}', '{"a": 01}', '[1.]', ''])('declines %j', (text) => {
    expect(parseStrictTree(text)).toBeUndefined();
  });
});
