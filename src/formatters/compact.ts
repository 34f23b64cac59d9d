/**
 * For editors and problem matchers: `file:line:col: severity message [rule]`,
 * one line per finding and nothing else.
 */
import { displayPath } from '../paths';
import { terminalSafe } from './terminal';
import type { Formatter } from './types';

export const compact: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = terminalSafe(displayPath(result.filePath, context.cwd));
    for (const m of result.messages) {
      lines.push(`${file}:${m.line}:${m.column}: ${m.severity} ${terminalSafe(m.message)} [${terminalSafe(m.ruleId)}]`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
