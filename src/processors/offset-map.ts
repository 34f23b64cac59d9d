/**
 * OffsetMaps built from segments: each piece of a document's text knows the
 * host range it came from. One implementation serves every host format:
 * a heredoc is a few copied lines, an escaped JSON string is copied runs with
 * one `encoded` piece per escape, and JSON generated from HCL or YAML is one
 * `synthetic` piece per token, mapped to the node it was built from.
 */
import type { OffsetMap } from './types';

/**
 * - copy: the document text equals the host text, unit for unit.
 * - encoded: one decoded unit (`"` from `\"`, a newline plus a stripped indent); the host text is its encoding.
 * - aligned: same length as the host text and positions map unit for unit, but the text differs (a sanitised `${…}`).
 * - synthetic: generated text standing for a host node; nothing inside maps exactly.
 */
export type SegmentKind = 'copy' | 'encoded' | 'aligned' | 'synthetic';

export interface Segment {
  docStart: number;
  docEnd: number;
  hostStart: number;
  hostEnd: number;
  kind: SegmentKind;
}

export class SegmentMap implements OffsetMap {
  /** Sorted by docStart; doc ranges do not overlap. */
  readonly segments: readonly Segment[];
  /** Where an empty document maps to. */
  private readonly fallback: number;

  constructor(segments: readonly Segment[], fallback = 0) {
    this.segments = segments;
    this.fallback = fallback;
  }

  toHost(offset: number, side: 'start' | 'end'): number {
    const segs = this.segments;
    if (segs.length === 0) return this.fallback;
    const i = this.find(offset, side);
    if (i >= 0) {
      const s = segs[i] as Segment;
      if (s.kind === 'copy' || s.kind === 'aligned') return Math.min(s.hostEnd, s.hostStart + (offset - s.docStart));
      if (offset <= s.docStart) return s.hostStart;
      if (offset >= s.docEnd) return s.hostEnd;
      return side === 'start' ? s.hostStart : s.hostEnd;
    }
    // In a gap between pieces (generated punctuation): the neighbour on the range's side.
    if (side === 'start') {
      const next = segs.find((s) => s.docStart >= offset);
      return next ? next.hostStart : (segs[segs.length - 1] as Segment).hostEnd;
    }
    let prev: Segment | undefined;
    for (const s of segs) if (s.docEnd <= offset) prev = s;
    return prev ? prev.hostEnd : (segs[0] as Segment).hostStart;
  }

  isExact(start: number, end: number): boolean {
    if (end < start) return false;
    if (end === start) {
      // An insertion point: inside or at the edge of a writable piece, never inside one encoded unit.
      return this.segments.some((s) => writable(s) && s.docStart <= start && start <= s.docEnd && (s.kind === 'copy' || start === s.docStart || start === s.docEnd));
    }
    const covering = this.segments.filter((s) => s.docStart < end && s.docEnd > start);
    const first = covering[0];
    const last = covering[covering.length - 1];
    if (!first || !last || first.docStart > start || last.docEnd < end) return false;
    for (let k = 0; k < covering.length; k++) {
      const s = covering[k] as Segment;
      if (!writable(s)) return false;
      if (s.kind === 'encoded' && (start > s.docStart || end < s.docEnd)) return false;
      const next = covering[k + 1];
      if (next && (next.docStart !== s.docEnd || next.hostStart !== s.hostEnd)) return false;
    }
    return true;
  }

  /** Index of the piece holding `offset` on the given side of a seam, or -1. */
  private find(offset: number, side: 'start' | 'end'): number {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segs[mid] as Segment;
      const inside = side === 'start' ? s.docStart <= offset && offset < s.docEnd : s.docStart < offset && offset <= s.docEnd;
      if (inside) return mid;
      if ((side === 'start' ? s.docStart > offset : s.docStart >= offset)) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }
}

function writable(s: Segment): boolean {
  return s.kind === 'copy' || s.kind === 'encoded';
}

/** Builds a document's text and its SegmentMap together, piece by piece. */
export class DocumentBuilder {
  private content = '';
  private readonly segments: Segment[] = [];

  get length(): number {
    return this.content.length;
  }

  /** The document text written since `offset`. */
  textSince(offset: number): string {
    return this.content.slice(offset);
  }

  /** Text with no host counterpart (punctuation of generated JSON). */
  raw(text: string): this {
    this.content += text;
    return this;
  }

  /** Host text copied unchanged from `hostStart`. */
  copy(text: string, hostStart: number): this {
    if (text.length === 0) return this;
    const prev = this.segments[this.segments.length - 1];
    if (prev && prev.kind === 'copy' && prev.docEnd === this.length && prev.hostEnd === hostStart) {
      prev.docEnd += text.length;
      prev.hostEnd += text.length;
    } else {
      this.segments.push({ docStart: this.length, docEnd: this.length + text.length, hostStart, hostEnd: hostStart + text.length, kind: 'copy' });
    }
    return this.raw(text);
  }

  /** `text` standing for the host range [hostStart, hostEnd). */
  piece(text: string, hostStart: number, hostEnd: number, kind: Exclude<SegmentKind, 'copy'>): this {
    this.segments.push({ docStart: this.length, docEnd: this.length + text.length, hostStart, hostEnd, kind });
    return this.raw(text);
  }

  get text(): string {
    return this.content;
  }

  build(fallback = 0): { text: string; map: SegmentMap } {
    return { text: this.text, map: new SegmentMap(this.segments, fallback) };
  }
}

/** The document is the host slice starting at `hostStart`, unchanged. */
export function verbatimMap(hostStart: number, length: number): SegmentMap {
  return new SegmentMap(length > 0 ? [{ docStart: 0, docEnd: length, hostStart, hostEnd: hostStart + length, kind: 'copy' }] : [], hostStart);
}
