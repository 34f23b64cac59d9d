/**
 * Bytes → text: decodePolicyBytes accepts UTF-8 (a byte-order mark is kept for
 * lintText to read past) and says exactly why anything else is not a policy file.
 */
import { type Decoded, decodePolicyBytes, firstInvalidUtf8, MAX_FILE_BYTES } from '../../src/engine/decode';
import { lintText } from '../../src/engine/linter';
import { builtinRules } from '../../src/rules';

/** Bytes from a mix of UTF-8 text and raw byte values. */
function bytes(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) out.push(...(typeof p === 'string' ? Buffer.from(p, 'utf8') : p));
  return Uint8Array.from(out);
}

function messageOf(decoded: Decoded): string {
  return decoded.ok ? '(decoded)' : decoded.message;
}

const policy = '{\n  "Version": "1",\n  "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*"}]\n}\n';

describe('decodePolicyBytes', () => {
  describe('valid UTF-8', () => {
    it('decodes ASCII', () => {
      expect(decodePolicyBytes(bytes(policy))).toEqual({ ok: true, text: policy });
    });

    it('decodes two-, three- and four-byte characters', () => {
      const text = '{"Version": "1", "Statement": [], "x": "é ✓ 中 😀"}';
      expect(decodePolicyBytes(bytes(text))).toEqual({ ok: true, text });
    });

    it('decodes an empty file to empty text', () => {
      expect(decodePolicyBytes(new Uint8Array(0))).toEqual({ ok: true, text: '' });
    });

    it('keeps a UTF-8 byte-order mark, which lintText then reads past', () => {
      const decoded = decodePolicyBytes(bytes([0xef, 0xbb, 0xbf], '{"Version": "1",}'));
      expect(decoded).toEqual({ ok: true, text: '\uFEFF{"Version": "1",}' });
      if (!decoded.ok) return;
      const [m] = lintText(decoded.text, { rules: builtinRules }).messages;
      expect([m?.ruleId, m?.line, m?.column]).toEqual(['invalid-json', 1, 16]);
    });

    it('accepts exactly MAX_FILE_BYTES', () => {
      const decoded = decodePolicyBytes(new Uint8Array(MAX_FILE_BYTES).fill(0x20));
      expect(decoded.ok).toBe(true);
    });
  });

  describe('invalid UTF-8', () => {
    it('gives the byte, its offset and the line and column of the bad byte', () => {
      const decoded = decodePolicyBytes(bytes('{\n  "Version": "1",\n  "X": "ab', [0xff], 'c"\n}'));
      expect(decoded).toEqual({
        ok: false,
        message: 'The file is not valid UTF-8: byte 0xff at byte offset 30 cannot start or continue a character. Save it as UTF-8.',
        line: 3,
        column: 11,
      });
    });

    it('counts the column in UTF-16 code units after multi-byte characters', () => {
      // `{"a": "é` is 9 bytes but 8 code units; `😀` is 4 bytes but 2 code units.
      expect(decodePolicyBytes(bytes('{"a": "é', [0xff]))).toMatchObject({ ok: false, line: 1, column: 9 });
      expect(decodePolicyBytes(bytes('{"a": "😀', [0xc3, 0x28]))).toMatchObject({ ok: false, line: 1, column: 10 });
      expect(messageOf(decodePolicyBytes(bytes('{"a": "😀', [0xc3, 0x28])))).toMatch(/byte 0xc3 at byte offset 11 /);
    });

    it('counts lines after CRLF and CR line endings', () => {
      expect(decodePolicyBytes(bytes('{\r\n"a":\r\n "', [0x80]))).toMatchObject({ ok: false, line: 3, column: 3 });
      expect(decodePolicyBytes(bytes('{\r"a":\r\r', [0x80]))).toMatchObject({ ok: false, line: 4, column: 1 });
    });

    it('counts the column after a byte-order mark the way lintText does', () => {
      expect(decodePolicyBytes(bytes([0xef, 0xbb, 0xbf], '{"a": "é', [0xff]))).toMatchObject({ ok: false, line: 1, column: 9 });
    });

    const rejected: [string, number[]][] = [
      ['a lone continuation byte', [0x80]],
      ['a truncated three-byte sequence', [0xe2, 0x82]],
      ['a truncated sequence at the end of the file', [0xf0, 0x9f, 0x98]],
      ['a lead byte followed by ASCII', [0xc3, 0x41]],
      ['an overlong two-byte NUL (C0 80)', [0xc0, 0x80]],
      ['an overlong two-byte "/" (C1 AF)', [0xc1, 0xaf]],
      ['an overlong three-byte encoding (E0 80 AF)', [0xe0, 0x80, 0xaf]],
      ['an overlong four-byte encoding (F0 80 80 AF)', [0xf0, 0x80, 0x80, 0xaf]],
      ['a high surrogate (ED A0 80 = U+D800)', [0xed, 0xa0, 0x80]],
      ['a low surrogate (ED BF BF = U+DFFF)', [0xed, 0xbf, 0xbf]],
      ['a code point above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80]],
      ['an F5 lead byte', [0xf5, 0x80, 0x80, 0x80]],
      ['a Latin-1 byte', [0xe9]],
    ];
    for (const [name, bad] of rejected) {
      it(`rejects ${name} at its first byte`, () => {
        const decoded = decodePolicyBytes(bytes('{"k": "ok', bad, '"}'));
        const hex = (bad[0] as number).toString(16).padStart(2, '0');
        expect(decoded).toEqual({
          ok: false,
          message: `The file is not valid UTF-8: byte 0x${hex} at byte offset 9 cannot start or continue a character. Save it as UTF-8.`,
          line: 1,
          column: 10,
        });
      });
    }
  });

  describe('other encodings and binary files', () => {
    const utf16 = 'The file is UTF-16 encoded; save it as UTF-8, the encoding RAM and JSON tools expect.';

    it('rejects UTF-16 LE with its byte-order mark', () => {
      expect(decodePolicyBytes(Uint8Array.from([0xff, 0xfe, ...Buffer.from('{}', 'utf16le')]))).toEqual({ ok: false, message: utf16, line: 1, column: 1 });
    });

    it('rejects UTF-16 BE with its byte-order mark', () => {
      expect(decodePolicyBytes(Uint8Array.from([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d]))).toEqual({ ok: false, message: utf16, line: 1, column: 1 });
    });

    it('rejects a file with NUL bytes as binary', () => {
      const binary = 'The file is binary (it contains NUL bytes), not a JSON policy.';
      expect(decodePolicyBytes(bytes('{"Version": "1"}', [0]))).toEqual({ ok: false, message: binary, line: 1, column: 1 });
      expect(decodePolicyBytes(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]))).toEqual({ ok: false, message: binary, line: 1, column: 1 });
    });

    it('rejects UTF-16 without a byte-order mark as binary', () => {
      expect(decodePolicyBytes(Uint8Array.from(Buffer.from('{"Version": "1"}', 'utf16le')))).toMatchObject({ ok: false, message: expect.stringContaining('binary') });
    });
  });

  describe('size', () => {
    it('rejects MAX_FILE_BYTES + 1 before looking at the content', () => {
      const decoded = decodePolicyBytes(new Uint8Array(MAX_FILE_BYTES + 1));
      expect(decoded).toMatchObject({ ok: false, line: 1, column: 1 });
      expect(messageOf(decoded)).toMatch(/^The file is 4,194,305 bytes \(4\.0 MB\); ramlint reads policy files up to 4,194,304 bytes \(a RAM policy holds at most 6,144 characters, an OSS bucket policy 16 KB\)\.$/);
    });

    it('names the size of a much larger file', () => {
      const decoded = decodePolicyBytes(new Uint8Array(MAX_FILE_BYTES * 2));
      expect(messageOf(decoded)).toMatch(/^The file is 8,388,608 bytes \(8\.0 MB\); /);
    });
  });
});

describe('firstInvalidUtf8', () => {
  it('returns the length for valid UTF-8', () => {
    const valid = bytes('é ✓ 中 😀 \u{10FFFF}');
    expect(firstInvalidUtf8(valid)).toBe(valid.length);
  });

  it('returns the offset of the first bad byte', () => {
    expect(firstInvalidUtf8(bytes('ab', [0xc3, 0xa9], [0xed, 0xa0, 0x80], 'c'))).toBe(4);
  });
});
