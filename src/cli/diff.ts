/**
 * A unified diff of two texts, line by line (Myers' O(ND) algorithm), for
 * --fix-dry-run. Fixes are small, so D is small and this is fast even for
 * large files.
 *
 * The diff goes to a terminal or a CI log, and the policy text and the file
 * name are someone else's. Each printed line is escaped as stylish escapes
 * (`terminalSafe`: `\u001b`, `\r`, bidi controls …), so no policy can
 * colour the terminal, open a link, overwrite a line with CR, or start a
 * line of its own (`\n::error …`). Two characters stay raw, as a normal
 * diff needs them: a tab, and the CR of a CRLF line ending.
 */
import { terminalSafe } from '../formatters/terminal';

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Lines with their line endings, so a changed ending shows as a change. */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
      let x = down ? (v.get(k + 1) as number) : (v.get(k - 1) as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) return backtrack(trace, a, b, d);
    }
  }
  return [];
}

function backtrack(trace: Map<number, number>[], a: string[], b: string[], dEnd: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d] as Map<number, number>;
    const k = x - y;
    const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = v.get(prevK) as number;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x] as string });
      y--;
    }
    if (down) ops.push({ kind: '+', line: b[--y] as string });
    else ops.push({ kind: '-', line: a[--x] as string });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[--x] as string });
    y--;
  }
  return ops.reverse();
}

/** One line of the text as printed: its content escaped, its line ending (LF or CRLF) raw. */
function shown(line: string): string {
  const ending = /\r?\n$/.exec(line)?.[0] ?? '';
  const content = line.slice(0, line.length - ending.length);
  return content.split('\t').map(terminalSafe).join('\t') + ending;
}

export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  const ops = myers(splitLines(before), splitLines(after));
  if (!ops.some((o) => o.kind !== ' ')) return '';
  const safeName = terminalSafe(name);
  const out = [`--- a/${safeName}\n`, `+++ b/${safeName}\n`];
  let i = 0;
  let oldLine = 1;
  let newLine = 1;
  while (i < ops.length) {
    if ((ops[i] as Op).kind === ' ') {
      i++;
      oldLine++;
      newLine++;
      continue;
    }
    // A hunk: back up to include leading context, run forward until 2×context unchanged lines.
    const start = Math.max(0, i - context);
    let end = i;
    let unchanged = 0;
    while (end < ops.length && unchanged <= 2 * context) {
      unchanged = (ops[end] as Op).kind === ' ' ? unchanged + 1 : 0;
      end++;
    }
    end = Math.min(ops.length, end - Math.max(0, unchanged - context));
    const lead = i - start;
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    // An empty side of a hunk is numbered by the line before it (GNU diff's convention).
    const oldStart = oldCount === 0 ? oldLine - lead - 1 : oldLine - lead;
    const newStart = newCount === 0 ? newLine - lead - 1 : newLine - lead;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`);
    for (const o of hunk) out.push(`${o.kind}${shown(o.line)}${o.line.endsWith('\n') ? '' : '\n\\ No newline at end of file\n'}`);
    for (let j = i; j < end; j++) {
      const kind = (ops[j] as Op).kind;
      if (kind !== '+') oldLine++;
      if (kind !== '-') newLine++;
    }
    i = end;
  }
  return out.join('');
}
