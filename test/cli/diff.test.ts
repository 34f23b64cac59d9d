/**
 * unifiedDiff: the --fix-dry-run diff. Standard unified format: `--- a/` and
 * `+++ b/` headers, `@@ -start,count +start,count @@` hunks with three lines
 * of context, nearby changes merged into one hunk, line endings compared, and
 * "\ No newline at end of file" where a text ends without one.
 */
import { unifiedDiff } from '../../src/cli/diff';

const lines = (n: number, prefix = 'l') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}\n`).join('');

/**
 * Applies a unified diff the way patch(1) does, checking every context and
 * removed line against the original: the diff must be exact, not merely look
 * right. (Hunks here always have old lines, so "start" is the first of them.)
 */
function applyPatch(before: string, diff: string): string {
  const src = before === '' ? [] : before.split(/(?<=\n)/);
  const rows = diff.split(/(?<=\n)/);
  expect(rows[0]).toMatch(/^--- a\//);
  expect(rows[1]).toMatch(/^\+\+\+ b\//);
  const out: string[] = [];
  let pos = 0;
  let i = 2;
  while (i < rows.length) {
    const header = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@\n$/.exec(rows[i] as string);
    if (!header) throw new Error(`not a hunk header: ${JSON.stringify(rows[i])}`);
    const [oldStart, oldCount, newStart, newCount] = header.slice(1).map(Number) as [number, number, number, number];
    i++;
    while (pos < oldStart - 1) out.push(src[pos++] as string);
    expect(out.length).toBe(newStart - 1);
    let seenOld = 0;
    let seenNew = 0;
    while (i < rows.length && !(rows[i] as string).startsWith('@@')) {
      const row = rows[i] as string;
      let text = row.slice(1);
      i++;
      if (rows[i] === '\\ No newline at end of file\n') {
        text = text.slice(0, -1);
        i++;
      }
      if (row[0] === ' ' || row[0] === '-') {
        expect(src[pos]).toBe(text);
        pos++;
        seenOld++;
      }
      if (row[0] === ' ' || row[0] === '+') {
        out.push(text);
        seenNew++;
      }
    }
    expect([seenOld, seenNew]).toEqual([oldCount, newCount]);
  }
  while (pos < src.length) out.push(src[pos++] as string);
  return out.join('');
}

describe('unifiedDiff', () => {
  it('is empty when nothing changed', () => {
    expect(unifiedDiff('p.json', '', '')).toBe('');
    expect(unifiedDiff('p.json', 'a\nb\n', 'a\nb\n')).toBe('');
  });

  it('shows one changed line with its context', () => {
    expect(unifiedDiff('policies/p.json', 'a\nb\nc\n', 'a\nB\nc\n')).toBe('--- a/policies/p.json\n+++ b/policies/p.json\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
  });

  it('keeps three lines of context on each side', () => {
    const before = lines(20);
    const after = before.replace('l10\n', 'L10\n');
    expect(unifiedDiff('p.json', before, after)).toBe(
      ['--- a/p.json', '+++ b/p.json', '@@ -7,7 +7,7 @@', ' l7', ' l8', ' l9', '-l10', '+L10', ' l11', ' l12', ' l13', ''].join('\n'),
    );
  });

  it('splits distant changes into hunks and merges near ones', () => {
    const before = lines(30);
    const distant = unifiedDiff('p.json', before, before.replace('l3\n', 'L3\n').replace('l20\n', 'L20\n'));
    expect(distant.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,6 +1,6 @@', '@@ -17,7 +17,7 @@']);
    // Six unchanged lines between two changes: one hunk, the context joins up.
    const near = unifiedDiff('p.json', before, before.replace('l3\n', 'L3\n').replace('l10\n', 'L10\n'));
    expect(near.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,13 +1,13 @@']);
  });

  it('counts inserted and removed lines in the hunk header', () => {
    const before = lines(10);
    expect(unifiedDiff('p.json', before, before.replace('l5\n', 'l5\nnew1\nnew2\n')).split('\n')[2]).toBe('@@ -3,6 +3,8 @@');
    expect(unifiedDiff('p.json', before, before.replace('l5\nl6\n', '')).split('\n')[2]).toBe('@@ -2,8 +2,6 @@');
    expect(unifiedDiff('p.json', 'a\n', 'x\na\n')).toBe('--- a/p.json\n+++ b/p.json\n@@ -1,1 +1,2 @@\n+x\n a\n');
  });

  it('marks a last line without a line break', () => {
    expect(unifiedDiff('p.json', 'a\nb', 'a\nc')).toBe('--- a/p.json\n+++ b/p.json\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
    expect(unifiedDiff('p.json', 'a\nb', 'a\nb\n')).toBe('--- a/p.json\n+++ b/p.json\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n');
  });

  it('shows a changed line ending as a change, and keeps CRLF in the lines', () => {
    expect(unifiedDiff('p.json', 'a\r\nb\r\n', 'a\nb\r\n')).toBe('--- a/p.json\n+++ b/p.json\n@@ -1,2 +1,2 @@\n-a\r\n+a\n b\r\n');
    expect(unifiedDiff('p.json', '{\r\n  "Effect": "allow"\r\n}\r\n', '{\r\n  "Effect": "Allow"\r\n}\r\n')).toBe(
      '--- a/p.json\n+++ b/p.json\n@@ -1,3 +1,3 @@\n {\r\n-  "Effect": "allow"\r\n+  "Effect": "Allow"\r\n }\r\n',
    );
  });

  it('keeps a byte-order mark in the first line', () => {
    expect(unifiedDiff('p.json', '\uFEFF{\n"a"\n}\n', '\uFEFF{\n"b"\n}\n')).toBe('--- a/p.json\n+++ b/p.json\n@@ -1,3 +1,3 @@\n \uFEFF{\n-"a"\n+"b"\n }\n');
  });

  describe('applies exactly to the original', () => {
    const base = lines(40);
    const cases: [string, string, string][] = [
      ['one change', base, base.replace('l20\n', 'L20\n')],
      ['changes at both ends', base, base.replace('l1\n', 'L1\n').replace('l40\n', 'L40\n')],
      ['many scattered changes', base, base.replace(/l(\d*[37])\n/g, 'X$1\n')],
      ['insertions and deletions', base, base.replace('l2\n', '').replace('l15\n', 'l15\nnew\nnewer\n').replace('l30\nl31\nl32\n', 'only\n')],
      ['a first line inserted', base, `new\n${base}`],
      ['a last line removed', base, base.replace('l40\n', '')],
      ['a lost final line break', base, base.slice(0, -1)],
      ['a fixed policy', '{\n  "Statement": {\n    "Effect": "allow",\n    "Action": ["a:b", "A:b"]\n  }\n}\n', '{\n  "Version": "1",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": ["a:b"]\n  }]\n}\n'],
    ];
    it.each(cases)('%s', (_name, before, after) => {
      const diff = unifiedDiff('p.json', before, after);
      expect(diff).not.toBe('');
      expect(applyPatch(before, diff)).toBe(after);
    });
  });
});

describe('unifiedDiff hunk numbering for an empty side', () => {
  it('numbers an insertion-only hunk by the line before it, as GNU diff does', () => {
    expect(unifiedDiff('p.json', 'a\nb\n', 'a\nx\nb\n', 0)).toBe('--- a/p.json\n+++ b/p.json\n@@ -1,0 +2,1 @@\n+x\n');
    expect(unifiedDiff('p.json', '', 'x\n', 0)).toBe('--- a/p.json\n+++ b/p.json\n@@ -0,0 +1,1 @@\n+x\n');
  });
});

/**
 * The diff is printed to a terminal or a CI log, with policy text and a file
 * name that someone else wrote: each line is escaped as stylish escapes
 * (terminalSafe), so that no policy can forge output.
 */
describe('unifiedDiff escapes what could forge terminal output', () => {
  const diffOf = (before: string, after: string, name = 'p.json') => unifiedDiff(name, before, after);
  const rows = (diff: string) => diff.split('\n');

  it.each([
    ['ESC (colours)', '\u001b[31mred\u001b[0m', '\\u001b[31mred\\u001b[0m'],
    ['an OSC-8 link and BEL', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', '\\u001b]8;;https://evil.example\\u0007click\\u001b]8;;\\u0007'],
    ['a CR inside a line', 'x\r+ forged', 'x\\r+ forged'],
    ['bidi overrides and isolates', 'a\u202eb\u2066c\u2069', 'a\\u202eb\\u2066c\\u2069'],
    ['a line or paragraph separator', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    ['NUL, DEL and a C1 control', 'a\u0000b\u007fc\u009bd', 'a\\u0000b\\u007fc\\u009bd'],
  ])('%s in a line of the diff', (_name, hostile, escaped) => {
    const diff = diffOf(`{\n  "Sid": "${hostile}",\n  "Effect": "allow"\n}\n`, `{\n  "Sid": "${hostile}",\n  "Effect": "Allow"\n}\n`);
    expect(diff).toContain(` \u0020"Sid": "${escaped}",\n`);
    expect(diff).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(rows(diff)).toHaveLength(9); // two headers, a hunk header, five lines, and the empty string after the last line break
  });

  it('keeps a policy from starting a line of its own (a forged ::error annotation)', () => {
    // A raw control character inside a JSON string is invalid JSON, which --fix leaves alone; a
    // comment in a .jsonc file can hold one (`ramlint --fix-dry-run` shows it, checked by hand).
    // A line feed ends a diff line as it ends a line of the file; within a line, CR is the way.
    const diff = diffOf('{/* x\r::error file=a,line=1::forged */ "Effect": "allow"}\n', '{/* x\r::error file=a,line=1::forged */ "Effect": "Allow"}\n');
    expect(rows(diff).filter((r) => r.startsWith('::error'))).toEqual([]);
    expect(diff).toContain('-{/* x\\r::error file=a,line=1::forged */ "Effect": "allow"}\n');
    expect(diff).not.toContain('\r');
  });

  it('escapes the file name in the headers', () => {
    const diff = diffOf('a\n', 'b\n', 'p\n::error file=x::forged\u001b[2J.json');
    expect(rows(diff).slice(0, 2)).toEqual(['--- a/p\\n::error file=x::forged\\u001b[2J.json', '+++ b/p\\n::error file=x::forged\\u001b[2J.json']);
  });

  it('escapes a lone CR at the end of the text, before "\\ No newline at end of file"', () => {
    expect(diffOf('a\nb\r', 'a\nc\r')).toBe('--- a/p.json\n+++ b/p.json\n@@ -1,2 +1,2 @@\n a\n-b\\r\n\\ No newline at end of file\n+c\\r\n\\ No newline at end of file\n');
  });

  it('leaves normal diffs byte for byte as they were: tabs, CRLF endings, a BOM, non-ASCII text', () => {
    const before = '\uFEFF{\r\n\t"Statement": [{\r\n\t\t"Sid": "Zugriff für Ops — 运维",\r\n\t\t"Effect": "allow"\r\n\t}]\r\n}\r\n';
    const after = before.replace('"allow"', '"Allow"');
    expect(diffOf(before, after)).toBe(
      '--- a/p.json\n+++ b/p.json\n@@ -1,6 +1,6 @@\n \uFEFF{\r\n \t"Statement": [{\r\n \t\t"Sid": "Zugriff für Ops — 运维",\r\n-\t\t"Effect": "allow"\r\n+\t\t"Effect": "Allow"\r\n \t}]\r\n }\r\n',
    );
    expect(applyPatch(before, diffOf(before, after))).toBe(after);
    expect(diffOf('a\n', 'b\n', 'policies/über ops/p.json').split('\n')[0]).toBe('--- a/policies/über ops/p.json');
  });
});
