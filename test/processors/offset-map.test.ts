/** Segment maps, escape decoding and map-back, on their own. */
import fc from 'fast-check';
import { applyEdits } from '../../src/engine/edits';
import type { LintMessage } from '../../src/engine/types';
import { decodeJsonStringBody, encodeJsonString } from '../../src/processors/escapes';
import { mapMessagesToHost } from '../../src/processors/map-back';
import { DocumentBuilder, verbatimMap } from '../../src/processors/offset-map';
import type { EmbeddedDocument } from '../../src/processors/types';

function message(offset: number, endOffset: number, extra: Partial<LintMessage> = {}): LintMessage {
  return { ruleId: 'r', category: 'syntax', severity: 'error', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1, path: '', offset, endOffset, ...extra };
}

function stringDoc(host: string, start: number, end: number): EmbeddedDocument {
  const out = new DocumentBuilder();
  decodeJsonStringBody(host, start, end, out);
  const { text, map } = out.build(start);
  return { text, map, label: 'X.Doc', encode: encodeJsonString };
}

describe('verbatimMap', () => {
  it('shifts offsets by the host start and is exact inside', () => {
    const map = verbatimMap(10, 5);
    expect(map.toHost(0, 'start')).toBe(10);
    expect(map.toHost(5, 'end')).toBe(15);
    expect(map.isExact(1, 4)).toBe(true);
    expect(map.isExact(2, 2)).toBe(true);
    expect(map.isExact(3, 9)).toBe(false);
  });
});

describe('escaped JSON strings', () => {
  const host = '{"Doc": "{\\"a\\": \\"\\u00e9\\\\x\\"}"}';
  const start = host.indexOf('"{') + 1;
  const end = host.lastIndexOf('"');
  const doc = stringDoc(host, start, end);

  it('decodes the string and maps each unit back to its escape', () => {
    expect(doc.text).toBe('{"a": "é\\x"}');
    const e = doc.text.indexOf('é');
    expect(host.slice(doc.map.toHost(e, 'start'), doc.map.toHost(e + 1, 'end'))).toBe('\\u00e9');
    const value = doc.text.indexOf('"é');
    expect(host.slice(doc.map.toHost(value, 'start'), doc.map.toHost(value + 5, 'end'))).toBe('\\"\\u00e9\\\\x\\"');
  });

  it('is exact on whole escapes, not inside one', () => {
    const e = doc.text.indexOf('é');
    expect(doc.map.isExact(e, e + 1)).toBe(true);
    expect(doc.map.isExact(0, doc.text.length)).toBe(true);
  });

  it('maps a message to host lines and columns, with the label as document', () => {
    const [m] = mapMessagesToHost(`\n${host}`, { ...doc, map: shifted(doc, 1) }, [message(6, 11)]);
    expect([m?.line, m?.column, m?.endLine, m?.endColumn, m?.document]).toEqual([2, 18, 2, 31, 'X.Doc']);
  });

  it('round-trips any edit: the host decodes to the edited document', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(), fc.nat(), (original, replacement, a, b) => {
        const wrapped = `{"D": ${JSON.stringify(original)}}`;
        const s = wrapped.indexOf(':') + 3;
        const d = stringDoc(wrapped, s, wrapped.length - 2);
        expect(d.text).toBe(original);
        const from = Math.min(a, b) % (original.length + 1);
        const to = Math.max(from, Math.max(a, b) % (original.length + 1));
        // Never split a surrogate pair, as the engine's edits never do; an empty policy has no text to edit.
        fc.pre(original.length > 0);
        fc.pre(!/[\uD800-\uDBFF]$/.test(original.slice(0, from)) && !/[\uD800-\uDBFF]$/.test(original.slice(0, to)));
        const [m] = mapMessagesToHost(wrapped, d, [message(from, to, { fix: [{ offset: from, length: to - from, text: replacement }] })]);
        expect(m?.fix).toBeDefined();
        const edited = applyEdits(wrapped, m?.fix ?? []);
        expect(JSON.parse(edited).D).toBe(original.slice(0, from) + replacement + original.slice(to));
      }),
      { seed: 20260512, numRuns: 300 },
    );
  });
});

describe('generated documents', () => {
  const host = 'Effect = "allow"';
  const out = new DocumentBuilder().raw('{').piece('"Effect"', 0, 6, 'synthetic').raw(':').piece('"allow"', 9, 16, 'synthetic').raw('}');
  const { text, map } = out.build(0);
  const doc: EmbeddedDocument = { text, map, label: 'gen' };

  it('maps a token to its node and a span across tokens from the first to the last', () => {
    const value = text.indexOf('"allow"');
    expect(host.slice(map.toHost(value, 'start'), map.toHost(value + 7, 'end'))).toBe('"allow"');
    expect(host.slice(map.toHost(1, 'start'), map.toHost(value + 7, 'end'))).toBe('Effect = "allow"');
    // Generated punctuation maps to its neighbours.
    expect(map.toHost(0, 'start')).toBe(0);
    expect(map.toHost(text.length, 'end')).toBe(16);
  });

  it('never applies a fix there: it becomes a suggestion with no edits', () => {
    const value = text.indexOf('"allow"');
    const [m] = mapMessagesToHost(host, doc, [
      message(value, value + 7, { fix: [{ offset: value, length: 7, text: '"Allow"' }], suggestions: [{ desc: 'Say Allow.', edits: [{ offset: value, length: 7, text: '"Allow"' }] }] }),
    ]);
    expect(m?.fix).toBeUndefined();
    expect(m?.suggestions?.map((s) => s.edits)).toEqual([[], []]);
    expect(m?.suggestions?.[0]?.desc).toBe('The fix cannot be applied in place in gen (the text there is generated from HCL or YAML, or holds a ${…} value); make it by hand: replace "\\"allow\\"" with "\\"Allow\\"".');
    expect(m?.suggestions?.[1]?.desc).toMatch(/^Say Allow\. This change cannot be applied in place in gen/);
  });

  it('keeps fixes of a verbatim document without encode as suggestions too', () => {
    const [m] = mapMessagesToHost('{}', { text: '{}', map: verbatimMap(0, 2), label: 'v' }, [message(1, 1, { fix: [{ offset: 1, length: 0, text: 'x' }] })]);
    expect(m?.fix).toBeUndefined();
  });
});

function shifted(doc: EmbeddedDocument, by: number): EmbeddedDocument['map'] {
  return { toHost: (o, side) => doc.map.toHost(o, side) + by, isExact: (a, b) => doc.map.isExact(a, b) };
}
