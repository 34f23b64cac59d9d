/**
 * For people: findings grouped under each file, aligned columns, a summary.
 * Prints nothing when there is nothing to report.
 */
import type { LintMessage, PolicyKind } from '../engine/types';
import { palette } from './colors';
import { terminalSafe } from './terminal';
import { displayPath } from '../paths';
import { collected } from './streaming';
import type { StreamingFormat } from './types';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const KIND_NAMES: Record<PolicyKind, string> = {
  permission: 'permission policy',
  trust: 'trust policy',
  bucket: 'OSS bucket policy',
  resource: 'resource policy',
  endpoint: 'endpoint policy',
  control: 'control policy',
  session: 'session policy',
};

export const stylishStream: StreamingFormat = (context) => {
  const c = palette(context.color);
  return {
    file: (result) => {
      if (result.messages.length === 0) return '';
      // A detected kind is a guess the reader should see: it decides which rules ran.
      const detected = result.kindSource === 'detected' && result.kind ? c.dim(` (detected: ${KIND_NAMES[result.kind]})`) : '';
      const lines = [c.underline(terminalSafe(displayPath(result.filePath, context.cwd))) + detected];
      // In a host file (Terraform, ROS…) each finding names the policy it is in.
      const rows = result.messages.map((m) => [`${m.line}:${m.column}`, m.severity, terminalSafe(m.message.replace(/\.$/, '') + (m.document !== undefined ? ` (in ${m.document})` : '')), terminalSafe(m.ruleId)] as const);
      // Loops, not Math.max(...rows): a spread of 130k rows overflows the stack.
      let posWidth = 0;
      let sevWidth = 0;
      for (const r of rows) {
        posWidth = Math.max(posWidth, r[0].length);
        sevWidth = Math.max(sevWidth, r[1].length);
      }
      rows.forEach(([pos, sev, text, rule], i) => {
        const m = result.messages[i] as LintMessage;
        const sevShown = colorSeverity(c, m.severity, sev.padEnd(sevWidth));
        lines.push(`  ${c.dim(pos.padStart(posWidth))}  ${sevShown}  ${text}  ${c.dim(rule)}`);
      });
      return `${lines.join('\n')}\n\n`;
    },
    end: (totals) => {
      const lines: string[] = [];
      const total = totals.errors + totals.warnings + totals.infos;
      if (total > 0) {
        const summary = `✖ ${plural(total, 'problem')} (${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}, ${totals.infos} info)`;
        lines.push(totals.errors > 0 ? c.red(c.bold(summary)) : c.yellow(c.bold(summary)));
        if (totals.fixable > 0) lines.push(c.dim(`  ${plural(totals.fixable, 'problem')} can be fixed safely with the \`--fix\` option.`));
      }
      if (totals.suppressed > 0) lines.push(c.dim(`  ${plural(totals.suppressed, 'problem')} suppressed by waivers, directives or the baseline.`));
      return lines.length > 0 ? `${lines.join('\n')}\n` : '';
    },
  };
};

export const stylish = collected(stylishStream);

function colorSeverity(c: ReturnType<typeof palette>, severity: LintMessage['severity'], text: string): string {
  if (severity === 'error') return c.red(text);
  if (severity === 'warning') return c.yellow(text);
  return c.cyan(text);
}
