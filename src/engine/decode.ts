/**
 * Bytes → text, or a clear reason why the bytes are not a policy file.
 * Pure: the CLI reads the bytes, this decides what they are.
 */
import { withCommas } from './numbers';

export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Text read as UTF-8 that decodePolicyBytes would have given unchanged: no
 * U+FFFD (where an invalid byte or a UTF-16 mark would show), no NUL (a binary
 * file), and short enough that its bytes (at most three per UTF-16 unit) are
 * within the size limit. Anything else is read again as bytes and judged there.
 */
export function decodedAsIs(text: string, maxBytes = MAX_FILE_BYTES): boolean {
  return text.length * 3 <= maxBytes && !text.includes('\uFFFD') && !text.includes('\0');
}

export type Decoded =
  | { ok: true; text: string }
  | { ok: false; message: string; line: number; column: number };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodePolicyBytes(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_FILE_BYTES) return fail(tooLargeMessage(bytes.length));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('The file is UTF-16 encoded; save it as UTF-8, the encoding RAM and JSON tools expect.');
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return fail('The file is binary (it contains NUL bytes), not a JSON policy.');
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lines = before.split(/\r\n|\r|\n/);
    const line = lines.length;
    const column = (lines[lines.length - 1] ?? '').length + 1;
    return {
      ok: false,
      message: `The file is not valid UTF-8: byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at byte offset ${bad} cannot start or continue a character. Save it as UTF-8.`,
      line: line,
      column,
    };
  }
}

/** Also used before reading, when the size alone rules a file out. */
export function tooLargeMessage(size: number): string {
  return `The file is ${withCommas(size)} bytes (${formatSize(size)}); ramlint reads policy files up to ${withCommas(MAX_FILE_BYTES)} bytes (a RAM policy holds at most 6,144 characters, an OSS bucket policy 16 KB).`;
}

function fail(message: string): Decoded {
  return { ok: false, message, line: 1, column: 1 };
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** Offset of the first byte that breaks UTF-8 (the decoder only says that one does). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
