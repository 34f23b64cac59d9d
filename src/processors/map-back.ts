/**
 * Findings on an embedded document, moved to the host file: offsets through
 * the document's map, lines and columns recomputed on the host text, and the
 * document's label attached. A fix survives only where the document is a
 * verbatim copy of the host text and the processor can encode the
 * replacement; elsewhere it could not be written back exactly, so it is
 * dropped (a stand-in; the processors' branch offers it as a suggestion).
 */
import { SourceText } from '../engine/source';
import type { LintMessage, TextEdit } from '../engine/types';
import type { EmbeddedDocument } from './types';

export function mapMessagesToHost(hostText: string, doc: EmbeddedDocument, messages: readonly LintMessage[]): LintMessage[] {
  const host = new SourceText(hostText);
  return messages.map((m) => {
    const offset = doc.map.toHost(m.offset, 'start');
    const endOffset = Math.max(offset, doc.map.toHost(m.endOffset, 'end'));
    const start = host.position(offset);
    const end = host.position(endOffset);
    const { fix, suggestions, ...rest } = m;
    const mapped: LintMessage = { ...rest, offset, endOffset, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, document: doc.label };
    const hostFix = fix && mapEdits(doc, fix);
    if (hostFix) mapped.fix = hostFix;
    const hostSuggestions = suggestions?.flatMap((s) => {
      const edits = mapEdits(doc, s.edits);
      return edits ? [{ desc: s.desc, edits }] : [];
    });
    if (hostSuggestions && hostSuggestions.length > 0) mapped.suggestions = hostSuggestions;
    return mapped;
  });
}

function mapEdits(doc: EmbeddedDocument, edits: readonly TextEdit[]): TextEdit[] | undefined {
  const encode = doc.encode;
  if (!encode) return undefined;
  if (!edits.every((e) => doc.map.isExact(e.offset, e.offset + e.length))) return undefined;
  return edits.map((e) => {
    const offset = doc.map.toHost(e.offset, 'start');
    return { offset, length: doc.map.toHost(e.offset + e.length, 'end') - offset, text: encode(e.text) };
  });
}
