/**
 * GitHub Actions workflow commands: one annotation per finding,
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`
 * (warning → `::warning`, info → `::notice`). Escaping is @actions/core's:
 * the message escapes `%`, CR and LF; property values also `:` and `,`.
 * Columns are sent only for single-line ranges, as @actions/core requires.
 * Files are relative to the repository root. Suppressed findings are omitted.
 *
 * The workflow-command encoding leaves every other control character as it
 * is, and the Actions log is a terminal: an ESC or a BEL from a policy or a
 * rule's text would colour it or open an OSC-8 link. So the text between the
 * line breaks goes through terminalSafe first, as in stylish (`\u001b`,
 * `\u0007`, bidi overrides), and the line breaks through the encoding.
 */
import type { Severity } from '../engine/types';
import { repoPath } from '../paths';
import { collected } from './streaming';
import { terminalSafe } from './terminal';
import type { StreamingFormat } from './types';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** @actions/core `escapeData`. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** @actions/core `escapeProperty`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** terminalSafe for everything but CR and LF, which the encoding carries (as %0D, %0A). */
function withoutControls(s: string): string {
  return s.replace(/[^\r\n]+/g, terminalSafe);
}

export const githubStream: StreamingFormat = (context) => {
  const root = context.repoRoot ?? context.cwd;
  return {
    file: (result) => {
      if (result.messages.length === 0) return '';
      const file = repoPath(result.filePath, root).path;
      let out = '';
      for (const m of result.messages) {
        const line = Math.max(1, m.line);
        const endLine = Math.max(line, m.endLine);
        const props: [string, string | number][] = [['file', file], ['line', line]];
        if (endLine === line) props.push(['col', Math.max(1, m.column)]);
        props.push(['endLine', endLine]);
        if (endLine === line) props.push(['endColumn', Math.max(1, m.column, m.endColumn)]);
        props.push(['title', `ramlint: ${m.ruleId}`]);
        const rendered = props.map(([k, v]) => `${k}=${escapeProperty(withoutControls(String(v)))}`).join(',');
        out += `::${COMMAND[m.severity]} ${rendered}::${escapeData(withoutControls(m.message))}\n`;
      }
      return out;
    },
    end: () => '',
  };
};

export const github = collected(githubStream);
