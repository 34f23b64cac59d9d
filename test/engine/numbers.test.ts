import fc from 'fast-check';
import { withCommas } from '../../src/engine/numbers';

describe('withCommas', () => {
  it("prints a whole number as toLocaleString('en-US') does", () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(withCommas(n)).toBe(n.toLocaleString('en-US'));
      }),
      { numRuns: 2000, seed: 20261203 },
    );
    expect(withCommas(0)).toBe('0');
    expect(withCommas(6144)).toBe('6,144');
    expect(withCommas(1234567)).toBe('1,234,567');
  });
});
