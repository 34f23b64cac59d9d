/**
 * Inline directives in a host file's comments (Terraform, ROS YAML): read
 * once per file, they waive the findings of every embedded document
 * (LintOptions.hostDirectives) and of the host resources
 * (ResourceLintOptions.directives) by the host line the finding is reported
 * on. What they say about themselves is said once per file, here: the
 * problems of those that waive nothing, and, with --report-unused-waivers,
 * those that matched no finding. Pure, as the rest of the engine.
 */
import { INVALID_WAIVER } from './core-diagnostics';
import { type Comment, type Directive, directiveFinder, directivesInComments, type ParsedDirectives, unusedDirectiveMessage } from './directives';
import type { SourceText } from './source';
import type { LintMessage } from './types';

/** The directives among the host file's comments; `source` is the host text. */
export function readHostDirectives(source: SourceText, comments: readonly Comment[] | undefined, ruleIds: readonly string[]): ParsedDirectives {
  if (comments === undefined || comments.length === 0) return { directives: [], problems: [] };
  return directivesInComments(comments, source, ruleIds);
}

/**
 * invalid-waiver messages for the host file's directives: each problem, and,
 * when `reportUnused`, each directive that no finding in `suppressed` was
 * waived by (the finder gives, for a line and a rule, the directive that waived it).
 */
export function hostDirectiveMessages(source: SourceText, parsed: ParsedDirectives, suppressed: readonly LintMessage[], reportUnused: boolean): LintMessage[] {
  const out: LintMessage[] = parsed.problems.map((p) => invalidWaiver(source, p.message, p.offset, p.length));
  if (!reportUnused || parsed.directives.length === 0) return out;
  const find = directiveFinder(parsed.directives);
  const used = new Set<Directive>();
  for (const m of suppressed) {
    if (m.suppressed?.kind !== 'directive') continue;
    const d = find(m.line, m.ruleId);
    if (d) used.add(d);
  }
  for (const d of parsed.directives) if (!used.has(d)) out.push(invalidWaiver(source, unusedDirectiveMessage(d), d.offset, d.length));
  return out;
}

function invalidWaiver(source: SourceText, message: string, offset: number, length: number): LintMessage {
  const from = source.position(offset);
  const to = source.position(offset + length);
  return {
    ruleId: INVALID_WAIVER.id,
    category: INVALID_WAIVER.category,
    severity: INVALID_WAIVER.severity,
    message,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    path: '',
    offset,
    endOffset: offset + length,
  };
}
