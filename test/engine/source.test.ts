/**
 * SourceText: 0-based UTF-16 offsets ↔ 1-based lines and columns, for every
 * line ending, with columns counted in UTF-16 code units.
 */
import { SourceText } from '../../src/engine/source';

/** line:column of every offset from 0 to text.length inclusive. */
function positions(text: string): string[] {
  const source = new SourceText(text);
  return Array.from({ length: text.length + 1 }, (_, offset) => {
    const p = source.position(offset);
    return `${p.line}:${p.column}`;
  });
}

describe('SourceText.position', () => {
  it('counts from 1:1 on a single line', () => {
    expect(positions('{"a"}')).toEqual(['1:1', '1:2', '1:3', '1:4', '1:5', '1:6']);
  });

  it('handles an empty text', () => {
    const source = new SourceText('');
    expect(source.position(0)).toEqual({ line: 1, column: 1 });
    expect(source.lineCount).toBe(1);
  });

  it('starts a new line after \\n', () => {
    // a \n b \n \n c
    expect(positions('a\nb\n\nc')).toEqual(['1:1', '1:2', '2:1', '2:2', '3:1', '4:1', '4:2']);
  });

  it('treats \\r\\n as one line break', () => {
    // offsets: a=0 \r=1 \n=2 b=3 \r=4 \n=5 c=6 end=7
    const source = new SourceText('a\r\nb\r\nc');
    expect(source.position(0)).toEqual({ line: 1, column: 1 });
    expect(source.position(1)).toEqual({ line: 1, column: 2 });
    expect(source.position(3)).toEqual({ line: 2, column: 1 });
    expect(source.position(4)).toEqual({ line: 2, column: 2 });
    expect(source.position(6)).toEqual({ line: 3, column: 1 });
    expect(source.position(7)).toEqual({ line: 3, column: 2 });
    expect(source.lineCount).toBe(3);
  });

  it('treats a lone \\r as a line break (classic Mac OS)', () => {
    expect(positions('a\rb\r\rc')).toEqual(['1:1', '1:2', '2:1', '2:2', '3:1', '4:1', '4:2']);
    expect(new SourceText('a\rb\r\rc').lineCount).toBe(4);
  });

  it('handles mixed line endings', () => {
    const text = 'a\nb\r\nc\rd';
    const source = new SourceText(text);
    expect([text.indexOf('b'), text.indexOf('c'), text.indexOf('d')].map((o) => source.position(o))).toEqual([
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });

  it('counts a line break at the very end as starting an empty last line', () => {
    const source = new SourceText('{}\n');
    expect(source.position(3)).toEqual({ line: 2, column: 1 });
    expect(source.lineCount).toBe(2);
  });

  it('counts columns in UTF-16 code units: an astral character takes two', () => {
    // "😀" is U+1F600, the surrogate pair \uD83D\uDE00.
    const text = '"😀":"x"';
    const source = new SourceText(text);
    expect(text.indexOf(':')).toBe(4);
    expect(source.position(text.indexOf(':'))).toEqual({ line: 1, column: 5 });
    expect(source.position(text.length)).toEqual({ line: 1, column: 9 });
  });

  it('counts BMP characters outside ASCII as one column', () => {
    const text = '"é中":1';
    expect(new SourceText(text).position(text.indexOf(':'))).toEqual({ line: 1, column: 5 });
  });

  it('counts astral characters on later lines from the start of their line', () => {
    const text = '{\r\n  "𝒜𝒷": "\u{1F511}",\r\n  "k": 1\r\n}';
    const source = new SourceText(text);
    expect(source.position(text.indexOf('":'))).toEqual({ line: 2, column: 8 });
    expect(source.position(text.indexOf('"k"'))).toEqual({ line: 3, column: 3 });
  });

  it('clamps offsets outside the text', () => {
    const source = new SourceText('ab\ncd');
    expect(source.position(-5)).toEqual({ line: 1, column: 1 });
    expect(source.position(99)).toEqual({ line: 2, column: 3 });
  });
});

describe('SourceText.lineStart', () => {
  it('gives the offset where each line starts, for every line ending', () => {
    const source = new SourceText('a\nbb\r\nccc\rd');
    expect([1, 2, 3, 4].map((line) => source.lineStart(line))).toEqual([0, 2, 6, 10]);
  });

  it('clamps lines outside the text', () => {
    const source = new SourceText('a\nb');
    expect(source.lineStart(0)).toBe(0);
    expect(source.lineStart(9)).toBe(2);
  });
});
