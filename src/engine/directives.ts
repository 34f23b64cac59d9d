/**
 * Inline waivers, in the comments of files that have comments (.jsonc, and
 * the Terraform and ROS YAML files around embedded policies):
 *
 *   // ramlint-disable-next-line passrole-wildcard-resource -- DataWorks needs every di role; ticket SEC-142
 *   "Resource": "*",                                      // ramlint-disable-line oss-overbroad-grant -- read-only audit
 *
 * Each language has its own comment scanner (jsonc-comments.ts here; the HCL
 * and YAML ones in src/processors, which have those parsers); the grammar of
 * the comment's body is this file's, the same for all of them.
 *
 * The reason after `--` is mandatory: a directive without one is reported
 * and suppresses nothing. So is a directive that names no rule or an unknown one.
 */
import { closest } from './closest';
import { jsoncComments } from './jsonc-comments';
import type { SourceText } from './source';

/** A comment as its language's scanner found it. */
export interface Comment {
  /** The whole comment's range, delimiters included. */
  offset: number;
  length: number;
  /** The text between the delimiters (after `//` or `#`, inside `/* *\/`). */
  body: string;
}

export interface Directive {
  kind: 'next-line' | 'line';
  /** The 1-based line whose findings it waives. */
  targetLine: number;
  /** The 1-based line the comment starts on, for reports (`line 12`). */
  line: number;
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

export interface ParsedDirectives {
  directives: Directive[];
  problems: DirectiveProblem[];
}

const MARK = 'ramlint-disable';
const DIRECTIVE = /^\s*ramlint-disable(-next-line|-line)?\b(.*)$/s;

/** False when no comment of the text can be a directive: its scanner need not run. */
export function mayHoldDirectives(text: string): boolean {
  return text.includes(MARK);
}

/** The directives of a .jsonc text. */
export function parseDirectives(source: SourceText, ruleIds: readonly string[]): ParsedDirectives {
  return directivesInComments(mayHoldDirectives(source.text) ? jsoncComments(source.text) : [], source, ruleIds);
}

/** The directives among a file's comments, and the problems of those that waive nothing; lines are counted in `source`. */
export function directivesInComments(comments: Iterable<Comment>, source: SourceText, ruleIds: readonly string[]): ParsedDirectives {
  const known = new Set(ruleIds);
  const directives: Directive[] = [];
  const problems: DirectiveProblem[] = [];
  for (const { offset, length, body } of comments) {
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
      directives.push({ kind: variant === '-line' ? 'line' : 'next-line', targetLine: variant === '-line' ? line : nextCodeLine(source, offset + length), line, rules, reason, offset, length });
    }
  }
  return { directives, problems };
}

/** What --report-unused-waivers says about a directive that waived nothing. */
export function unusedDirectiveMessage(d: Directive): string {
  return `This waiver of ${d.rules.join(', ')} matched no finding on line ${d.targetLine}; remove it.`;
}

/** Where a waived finding's directive is, in its `suppressed.source`. */
export function directiveSource(d: Directive): string {
  return `line ${d.line}`;
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
