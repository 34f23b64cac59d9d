/** XML 1.0 escaping for the junit and checkstyle formats. */

/**
 * Characters XML 1.0 cannot carry even as references (C0 controls other than
 * tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) become U+FFFD.
 */
function legal(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** For element content. */
export function xmlText(s: string): string {
  return legal(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * For one line of element content: a line break inside the value is written
 * as a reference, so text taken from a policy cannot start a line of its own
 * in the report (a CI runner reads `::error …` at the start of any line of a
 * step's output as an annotation). XML readers still see the break.
 */
export function xmlLine(s: string): string {
  return xmlText(s).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');
}

/** For a double-quoted attribute value; tabs and line breaks survive attribute normalisation. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
