/**
 * Inline waivers in files that allow comments (.jsonc):
 *
 *   // ramlint-disable-next-line passrole-wildcard-resource -- DataWorks needs every di role; ticket SEC-142
 *   "Resource": "*",                                      // ramlint-disable-line oss-overbroad-grant -- read-only audit
 *
 * The reason after `--` is mandatory: a directive without one is reported
 * and suppresses nothing. So is a directive that names no rule or an unknown one.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { closest } from './closest';
import type { SourceText } from './source';

export interface Directive {
  kind: 'next-line' | 'line';
  /** The 1-based line whose findings it waives. */
  targetLine: number;
  rules: string[];
  reason: string;
  /** The comment's range, for reports about the directive itself. */
  offset: number;
  length: number;
}

export interface DirectiveProblem {
  message: string;
  offset: number;
  length: number;
}

const DIRECTIVE = /^\s*ramlint-disable(-next-line|-line)?\b(.*)$/s;

export function parseDirectives(source: SourceText, ruleIds: readonly string[]): { directives: Directive[]; problems: DirectiveProblem[] } {
  const known = new Set(ruleIds);
  const directives: Directive[] = [];
  const problems: DirectiveProblem[] = [];
  const scanner = createScanner(source.text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia) continue;
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    const raw = source.text.substr(offset, length);
    const body = kind === SyntaxKind.LineCommentTrivia ? raw.slice(2) : raw.slice(2, -2);
    const match = DIRECTIVE.exec(body);
    if (!match) continue;
    const variant = match[1];
    if (variant === undefined) {
      problems.push({ message: 'Use "ramlint-disable-next-line" or "ramlint-disable-line"; ramlint has no block-wide disable.', offset, length });
      continue;
    }
    const [ruleText = '', ...reasonParts] = (match[2] ?? '').split(/\s--\s?|^--\s?/);
    const reason = reasonParts.join(' -- ').trim();
    const rules = ruleText.split(/[\s,]+/).filter((r) => r !== '');
    const unknown = rules.filter((r) => !known.has(r));
    if (rules.length === 0) {
      problems.push({ message: 'This waiver names no rule; write the rule ids it waives, then "-- " and the reason.', offset, length });
    } else if (unknown.length > 0) {
      const named = unknown.map((u) => {
        const guess = closest(u, ruleIds);
        return guess ? `"${u}" (did you mean "${guess}"?)` : `"${u}"`;
      });
      problems.push({ message: `This waiver names unknown rule${unknown.length > 1 ? 's' : ''} ${named.join(', ')}; it waives nothing.`, offset, length });
    } else if (reason === '') {
      problems.push({ message: `This waiver of ${rules.join(', ')} has no reason, so it waives nothing; add "-- " and why the risk is accepted.`, offset, length });
    } else {
      const line = source.position(offset).line;
      directives.push({ kind: variant === '-line' ? 'line' : 'next-line', targetLine: variant === '-line' ? line : nextCodeLine(source, offset + length), rules, reason, offset, length });
    }
  }
  return { directives, problems };
}

/**
 * The directive that waives a rule's finding on a line, looked up by line:
 * scanning every directive for every finding is quadratic in a file with
 * thousands of both.
 */
export function directiveFinder(directives: readonly Directive[]): (line: number, ruleId: string) => Directive | undefined {
  const byLine = new Map<number, Directive[]>();
  for (const d of directives) {
    const list = byLine.get(d.targetLine);
    if (list) list.push(d);
    else byLine.set(d.targetLine, [d]);
  }
  return (line, ruleId) => byLine.get(line)?.find((d) => d.rules.includes(ruleId));
}

/** The line after the comment (a block comment may span lines: the line after its end). */
function nextCodeLine(source: SourceText, endOffset: number): number {
  return source.position(endOffset).line + 1;
}
