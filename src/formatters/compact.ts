/**
 * For editors and problem matchers: `file:line:col: severity message [rule]`,
 * one line per finding and nothing else.
 */
import { displayPath } from '../paths';
import type { Formatter } from './types';

export const compact: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = displayPath(result.filePath, context.cwd);
    for (const m of result.messages) {
      lines.push(`${file}:${m.line}:${m.column}: ${m.severity} ${m.message.replace(/\s*\n\s*/g, ' ')} [${m.ruleId}]`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
