/** HostNotes every processor writes, worded once. */
import type { HostNote, ProcessOutput } from './types';

export function invalidHost(message: string, offset: number, length: number): HostNote {
  return { ruleId: 'invalid-host-file', severity: 'error', message, offset, length };
}

export function unresolved(message: string, at: { startIndex: number; endIndex: number } | { offset: number; length: number }, label?: string): HostNote {
  const [offset, length] = 'offset' in at ? [at.offset, at.length] : [at.startIndex, at.endIndex - at.startIndex];
  const note: HostNote = { ruleId: 'unresolved-value', severity: 'info', message, offset, length };
  if (label !== undefined) note.label = label;
  return note;
}

/** A processor bug must not pass the file: it is reported as a file that was not checked. */
export function hostFailure(error: unknown): ProcessOutput {
  const why = error instanceof Error ? error.message || error.name : String(error);
  return { documents: [], notes: [invalidHost(`ramlint could not read the policies in this file, so none was checked: ${why}`, 0, 0)] };
}

/**
 * A UTF-8 byte-order mark replaced by a space: host parsers read past it and
 * every offset still counts it, so positions stay those of the text given.
 */
export function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
}

/** Notes clamped to the host text: parsers may point one past the end (an unexpected end of input). */
export function withinText(output: ProcessOutput, text: string): ProcessOutput {
  for (const note of output.notes) {
    note.offset = Math.max(0, Math.min(note.offset, text.length));
    note.length = Math.max(0, Math.min(note.length, text.length - note.offset));
  }
  return output;
}
