/** applyEdits: non-overlapping edits applied in one pass, in offset order. */
import { applyEdits } from '../../src/engine/edits';

describe('applyEdits', () => {
  it('applies edits given in any order', () => {
    expect(applyEdits('abcdef', [{ offset: 4, length: 1, text: 'E' }, { offset: 0, length: 1, text: 'A' }, { offset: 2, length: 0, text: '-' }])).toBe('Ab-cdEf');
  });

  it('puts an insertion before a replacement that starts at the same offset', () => {
    expect(applyEdits('abc', [{ offset: 1, length: 1, text: 'B' }, { offset: 1, length: 0, text: '[' }])).toBe('a[Bc');
  });

  it('applies touching deletions together', () => {
    expect(applyEdits('["a", "a", "a"]', [{ offset: 4, length: 5, text: '' }, { offset: 9, length: 5, text: '' }])).toBe('["a"]');
  });

  it('applies 100,000 edits to a long text', () => {
    const text = 'x'.repeat(200_000);
    const edits = Array.from({ length: 100_000 }, (_, i) => ({ offset: i * 2, length: 1, text: 'y' }));
    expect(applyEdits(text, edits)).toBe('yx'.repeat(100_000));
  });
});
