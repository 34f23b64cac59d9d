/**
 * The engine's messages for one embedded document, moved to host coordinates.
 * A fix is kept only where every edit lands on text that is a copy (or an
 * exact encoding) of the policy and the document says how to encode it;
 * otherwise it is offered as a suggestion to make by hand, never applied, so a
 * fix can never change anything outside the policy text.
 */
import type { HostDocument } from '../engine/linter';
import { SourceText } from '../engine/source';
import type { LintMessage, Suggestion, TextEdit } from '../engine/types';
import { type Segment, SegmentMap } from './offset-map';
import type { EmbeddedDocument, HostNote, OffsetMap } from './types';
import { INVALID_HOST_FILE, UNRESOLVED_VALUE, UNRESOLVED_VALUE_IDS } from '../engine/core-diagnostics';

/** Longest quoted text in a by-hand description; a description is one sentence, not a copy of the policy. */
const MAX_QUOTED = 120;

export function mapMessagesToHost(hostText: string, doc: EmbeddedDocument, messages: readonly LintMessage[]): LintMessage[] {
  const host = new SourceText(hostText);
  return messages.map((m) => mapMessage(host, doc, m));
}

/**
 * The document as its host file reads it, for the engine (LintOptions.host):
 * a line a message names ("first at line 12") is counted in the host file,
 * through the same map as the findings' own ranges.
 */
export function documentInHost(hostText: string, doc: EmbeddedDocument, processorId?: string): HostDocument {
  // Built on first use: most documents draw no message that names a line.
  let host: SourceText | undefined;
  return {
    lineAt: (offset) => (host ??= new SourceText(hostText)).position(clamp(doc.map.toHost(offset, 'start'), hostText.length)).line,
    generatedAt: generatedTokens(doc.map),
    computedBy: COMPUTED_BY[processorId ?? ''] ?? { known: 'which the host file computes' },
  };
}

/** Worded as the processors word their notes about a whole policy (processors/terraform, ros-template.ts). */
const COMPUTED_BY: Record<string, HostDocument['computedBy']> = {
  terraform: { known: 'a value Terraform knows only when it plans', check: 'lint the plan (terraform show -json) to check it' },
  ros: { known: 'which ROS computes when it creates the stack' },
};

/**
 * Whether a document range is exactly one piece the processor generated for
 * a host node (`synthetic`: a `${...}` placeholder for an expression or a ROS
 * function, or a token of JSON built from HCL or YAML), as against text copied
 * from the host: in a heredoc, `"${var.x}"` written in quotes is copied text
 * and renders as a string. A map that is not built from segments has none.
 */
function generatedTokens(map: OffsetMap): (offset: number, length: number) => boolean {
  if (!(map instanceof SegmentMap)) return () => false;
  const segments = map.segments;
  return (offset, length) => {
    // Segments are sorted by docStart and do not overlap: the first at or after `offset`.
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((segments[mid] as Segment).docStart < offset) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < segments.length; i++) {
      const s = segments[i] as Segment;
      if (s.docStart !== offset) return false;
      if (s.docEnd === offset + length) return s.kind === 'synthetic';
    }
    return false;
  };
}

function mapMessage(host: SourceText, doc: EmbeddedDocument, m: LintMessage): LintMessage {
  const { start, end } = mapRange(doc, m.offset, m.endOffset, host.text.length);
  const from = host.position(start);
  const to = host.position(end);
  const mapped: LintMessage = { ...m, offset: start, endOffset: end, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, document: doc.label };
  delete mapped.fix;
  delete mapped.suggestions;
  const suggestions: Suggestion[] = [];
  if (m.fix) {
    const edits = mapEdits(doc, m.fix, host.text.length);
    if (edits) mapped.fix = edits;
    else suggestions.push({ desc: byHand(doc, 'The fix', m.fix), edits: [] });
  }
  for (const s of m.suggestions ?? []) {
    const edits = mapEdits(doc, s.edits, host.text.length);
    suggestions.push(edits ? { desc: s.desc, edits } : { desc: `${s.desc} ${byHand(doc, 'This change', s.edits)}`, edits: [] });
  }
  if (suggestions.length > 0) mapped.suggestions = suggestions;
  return mapped;
}

function mapRange(doc: EmbeddedDocument, offset: number, endOffset: number, hostLength: number): { start: number; end: number } {
  const start = clamp(doc.map.toHost(offset, 'start'), hostLength);
  const end = endOffset > offset ? clamp(doc.map.toHost(endOffset, 'end'), hostLength) : start;
  return { start, end: Math.max(start, end) };
}

/** Host edits, or undefined when any edit cannot be written exactly. */
function mapEdits(doc: EmbeddedDocument, edits: readonly TextEdit[], hostLength: number): TextEdit[] | undefined {
  const encode = doc.encode;
  if (!encode) return undefined;
  const out: TextEdit[] = [];
  for (const e of edits) {
    if (!doc.map.isExact(e.offset, e.offset + e.length)) return undefined;
    const { start, end } = mapRange(doc, e.offset, e.offset + e.length, hostLength);
    const text = encodeOrRefuse(encode, e.text);
    if (text === undefined) return undefined;
    out.push({ offset: start, length: end - start, text });
  }
  return out;
}

/** An encoder refuses (throws) text it cannot write safely, such as a heredoc's closing marker. */
function encodeOrRefuse(encode: (replacement: string) => string, text: string): string | undefined {
  try {
    return encode(text);
  } catch {
    return undefined;
  }
}

function byHand(doc: EmbeddedDocument, what: string, edits: readonly TextEdit[]): string {
  const steps = edits.map((e) => {
    const old = doc.text.slice(e.offset, e.offset + e.length);
    return old === '' ? `insert ${quote(e.text)}` : `replace ${quote(old)} with ${quote(e.text)}`;
  });
  return `${what} cannot be applied in place in ${doc.label} (the text there is generated from HCL or YAML, or holds a \${…} value); make it by hand: ${steps.join('; ')}.`;
}

function quote(text: string): string {
  const s = JSON.stringify(text);
  return s.length > MAX_QUOTED ? `${s.slice(0, MAX_QUOTED)}…"` : s;
}

function clamp(offset: number, hostLength: number): number {
  return Math.max(0, Math.min(offset, hostLength));
}

/** A processor's note about the host file, as a message at host positions. */
export function hostNoteToMessage(hostText: string, note: HostNote): LintMessage {
  const host = new SourceText(hostText);
  const start = clamp(note.offset, hostText.length);
  const end = clamp(note.offset + note.length, hostText.length);
  const from = host.position(start);
  const to = host.position(end);
  const diagnostic = note.ruleId === 'invalid-host-file' ? INVALID_HOST_FILE : UNRESOLVED_VALUE;
  const message: LintMessage = {
    ruleId: note.ruleId,
    category: diagnostic.category,
    severity: note.severity,
    message: note.message,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    path: '',
    offset: start,
    endOffset: end,
  };
  // A processor's unresolved-value note is about a whole policy; the engine's are about values inside one.
  if (note.ruleId === 'unresolved-value') message.messageId = UNRESOLVED_VALUE_IDS.policy;
  if (note.label !== undefined) message.document = note.label;
  return message;
}
