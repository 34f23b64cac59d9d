/**
 * 12345 → "12,345", as `toLocaleString('en-US')` prints a whole number. The
 * first `toLocaleString` of a process loads ICU's number formatting (~17 ms),
 * more than a whole lint of a small repository.
 */
export function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
