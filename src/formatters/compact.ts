/**
 * For editors and problem matchers: `file:line:col: severity message [rule]`,
 * one line per finding and nothing else.
 */
import { displayPath } from '../paths';
import { terminalSafe } from './terminal';
import { collected } from './streaming';
import type { StreamingFormat } from './types';

export const compactStream: StreamingFormat = (context) => ({
  file: (result) => {
    const file = terminalSafe(displayPath(result.filePath, context.cwd));
    let out = '';
    for (const m of result.messages) out += `${file}:${m.line}:${m.column}: ${m.severity} ${terminalSafe(m.message)} [${terminalSafe(m.ruleId)}]\n`;
    return out;
  },
  end: () => '',
});

export const compact = collected(compactStream);
