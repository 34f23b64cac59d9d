/** A processor for tests of the file layer, independent of the real host formats. */
import type { EmbeddedDocument, HostNote, Processor } from '../../src/processors/types';

/**
 * A toy host format: `name = <policy JSON on one line>` per line. Each policy
 * is a verbatim copy of host text, so the map is a shift and fixes are exact.
 */
export const toyHost: Processor = {
  id: 'toy',
  extensions: ['.toy'],
  recognizes: (text) => text.startsWith('# toy'),
  async preprocess(text) {
    const documents: EmbeddedDocument[] = [];
    const notes: HostNote[] = [];
    let lineStart = 0;
    for (const line of text.split('\n')) {
      const match = /^(\w+) = (.*)$/.exec(line);
      if (match) {
        const start = lineStart + (match[1] as string).length + 3;
        const body = match[2] as string;
        documents.push({
          text: body,
          label: `toy.${match[1]}`,
          kind: match[1] === 'trust' ? 'trust' : undefined,
          map: { toHost: (offset) => start + offset, isExact: () => true },
          encode: (s) => s,
        });
      } else if (line.startsWith('!')) {
        notes.push({ ruleId: 'unresolved-value', severity: 'info', message: 'a value only deployment knows', offset: lineStart, length: line.length });
      }
      lineStart += line.length + 1;
    }
    return { documents, notes };
  },
};

