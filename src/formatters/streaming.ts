/**
 * Streaming formats and the plain formatter each one also is: the whole
 * report is the streamed text of every result, so a buffered and a streamed
 * run print the same bytes.
 */
import type { LintResult } from '../engine/types';
import type { Formatter, FormatContext, RunTotals, StreamingFormat } from './types';

export function emptyTotals(): RunTotals {
  return { files: 0, errors: 0, warnings: 0, infos: 0, fixable: 0, suppressed: 0 };
}

/** Adds one result to the totals; `files` counts the results with shown findings. */
export function addToTotals(totals: RunTotals, result: LintResult): void {
  totals.suppressed += result.suppressedMessages.length;
  if (result.messages.length === 0) return;
  totals.files++;
  totals.errors += result.errorCount;
  totals.warnings += result.warningCount;
  totals.infos += result.infoCount;
  totals.fixable += result.fixableCount;
}

/** The buffered formatter of a streaming one. */
export function collected(format: StreamingFormat): Formatter {
  return (results: readonly LintResult[], context: FormatContext) => {
    const stream = format(context);
    const totals = emptyTotals();
    const parts: string[] = [];
    for (const r of results) {
      addToTotals(totals, r);
      parts.push(stream.file(r));
    }
    parts.push(stream.end(totals));
    return parts.join('');
  };
}

/**
 * A JSON array written element by element, byte for byte as
 * `JSON.stringify(array, null, 2)` prints it.
 */
export class JsonArrayWriter {
  private written = 0;

  elements(values: readonly unknown[]): string {
    let out = '';
    for (const value of values) {
      // Stringified inside a one-element array, so it gets the array's indentation; "[\n" and "\n]" are cut off.
      const element = JSON.stringify([value], null, 2);
      out += (this.written === 0 ? '[\n' : ',\n') + element.slice(2, -2);
      this.written++;
    }
    return out;
  }

  end(): string {
    return this.written === 0 ? '[]\n' : '\n]\n';
  }
}
