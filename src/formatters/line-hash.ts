/**
 * GitHub code scanning's `primaryLocationLineHash`, computed exactly as
 * github/codeql-action does when it uploads a SARIF file without one
 * (`hash()` in src/fingerprints.ts, MIT licence, Copyright GitHub, Inc.).
 *
 * For every line: a rolling polynomial hash (base 37, wrapping 64-bit
 * arithmetic) over the next 100 characters of the file, counted from the
 * start of the line, skipping spaces and tabs, with CR, LF and CRLF all
 * normalised to LF; after the last character a 65535 marker and then NULs
 * pad the window. The value is the unsigned hash in lower-case hex without
 * leading zeros, suffixed `:n` where n counts earlier lines with the same hash.
 *
 * The action reads the file as UTF-8 and hashes UTF-16 code units
 * (`charCodeAt`), BOM included; so does this port, given the same text.
 * BigInt with 64-bit wrap-around replaces the action's `Long` arithmetic.
 */

const TAB = 0x09;
const SPACE = 0x20;
const LF = 0x0a;
const CR = 0x0d;
const EOF = 65535;
const BLOCK_SIZE = 100;
const MOD = 37n;
const FIRST_MOD = BigInt.asUintN(64, MOD ** BigInt(BLOCK_SIZE));

/** The hash of each line: element i belongs to line i + 1. */
export function lineHashes(text: string): string[] {
  const out: string[] = [];
  const window: number[] = new Array<number>(BLOCK_SIZE).fill(0);
  const lineNumbers: number[] = new Array<number>(BLOCK_SIZE).fill(-1);
  const hashCounts = new Map<string, number>();
  let hashRaw = 0n;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let prevCR = false;

  const outputHash = () => {
    const hashValue = hashRaw.toString(16);
    const count = (hashCounts.get(hashValue) ?? 0) + 1;
    hashCounts.set(hashValue, count);
    out[(lineNumbers[index] as number) - 1] = `${hashValue}:${count}`;
    lineNumbers[index] = -1;
  };

  const updateHash = (current: number) => {
    const begin = window[index] as number;
    window[index] = current;
    hashRaw = BigInt.asUintN(64, MOD * hashRaw + BigInt(current) - FIRST_MOD * BigInt(begin));
    index = (index + 1) % BLOCK_SIZE;
  };

  const processCharacter = (code: number) => {
    let current = code;
    // Skip tabs, spaces, and a LF that directly follows a CR.
    if (current === SPACE || current === TAB || (prevCR && current === LF)) {
      prevCR = false;
      return;
    }
    if (current === CR) {
      current = LF;
      prevCR = true;
    } else {
      prevCR = false;
    }
    if (lineNumbers[index] !== -1) outputHash();
    if (lineStart) {
      lineStart = false;
      lineNumber++;
      lineNumbers[index] = lineNumber;
    }
    if (current === LF) lineStart = true;
    updateHash(current);
  };

  for (let i = 0; i < text.length; i++) processCharacter(text.charCodeAt(i));
  processCharacter(EOF);
  for (let i = 0; i < BLOCK_SIZE; i++) {
    if (lineNumbers[index] !== -1) outputHash();
    updateHash(0);
  }
  return out;
}
