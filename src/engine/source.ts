/**
 * Offset ↔ line/column conversion for one text. Offsets and columns are UTF-16
 * code units, which is what JavaScript strings, jsonc-parser, LSP and SARIF
 * (`columnKind: utf16CodeUnits`) use.
 */
export class SourceText {
  readonly text: string;
  /** Built on first use: most files of a large run have no finding, so no position is ever asked for. */
  private starts: number[] | undefined;

  constructor(text: string) {
    this.text = text;
  }

  private get lineStarts(): number[] {
    return (this.starts ??= lineStartsOf(this.text));
  }

  /** 1-based line and column of a 0-based offset (clamped to the text). */
  position(offset: number): { line: number; column: number } {
    const lineStarts = this.lineStarts;
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (lineStarts[lo] as number) + 1 };
  }

  /** 0-based offset of the start of a 1-based line. */
  lineStart(line: number): number {
    const lineStarts = this.lineStarts;
    return lineStarts[Math.max(0, Math.min(line - 1, lineStarts.length - 1))] as number;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/** Offsets where lines start; a line ends at \n, \r\n or a lone \r. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // No carriage return (the usual case): indexOf jumps from break to break
    // natively, several times faster than looking at every code unit.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) starts.push(i + 1);
    else if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
