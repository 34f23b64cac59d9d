/**
 * The engine: text in, result out. No I/O, no console, no exit, and no throw
 * on any input. A rule that throws becomes an internal-error finding for the
 * file; the engine never fails open.
 */
import { INTERNAL_ERROR, INVALID_JSON } from './core-diagnostics';
import { buildPolicy, formatPath, type JsonPath } from './model';
import { parseJson, type JsonNode } from './parse';
import { capSeverity, interpolate, type ReportDescriptor, type Rule, type RuleContext } from './rule';
import { SourceText } from './source';
import type { Category, LintMessage, LintResult, PolicyKind, Severity, Suggestion, TextEdit } from './types';

export interface RuleSetting {
  severity: Severity | 'off';
  options?: Readonly<Record<string, unknown>>;
}

export interface LintOptions {
  /** Every rule that may run, keyed by id (built-in and plugin rules). */
  rules: ReadonlyMap<string, Rule>;
  /** Per-rule severity and options; a rule without a setting runs at its default severity. */
  settings?: Readonly<Record<string, RuleSetting>>;
  /** Shown in results; `.jsonc` files may carry comments. */
  filePath?: string;
  /** Overrides content-based detection. */
  kind?: PolicyKind;
  /** Defaults to true for `.jsonc` paths. */
  allowComments?: boolean;
}

/** A finding before it is placed in the text. */
interface PendingMessage {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  messageId?: string;
  offset: number;
  length: number;
  path: JsonPath;
  fix?: TextEdit[];
  suggestions?: Suggestion[];
  fingerprintValue?: string;
  supersededBy?: readonly string[];
}

export const BOM = '\uFEFF';

export function lintText(input: string, options: LintOptions): LintResult {
  const filePath = options.filePath ?? '<text>';
  // A UTF-8 byte-order mark is read past, as editors do; positions are counted after it.
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const source = new SourceText(text);
  const allowComments = options.allowComments ?? /\.jsonc$/i.test(filePath);
  const parsed = parseJson(text, { allowComments });

  const pending: PendingMessage[] = [];
  const syntax = parsed.problems[0];
  if (syntax) {
    pending.push({
      ruleId: INVALID_JSON.id,
      category: INVALID_JSON.category,
      severity: INVALID_JSON.severity,
      message: syntax.message,
      offset: syntax.offset,
      length: syntax.length,
      path: [],
    });
    return finish(filePath, undefined, source, pending);
  }

  const policy = buildPolicy(parsed.root, options.kind);
  const ruleIds = [...options.rules.keys()].sort();
  for (const id of ruleIds) {
    const rule = options.rules.get(id) as Rule;
    const setting = options.settings?.[id];
    const severity = setting?.severity ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    if (rule.meta.kinds && !rule.meta.kinds.includes(policy.kind)) continue;
    const found: PendingMessage[] = [];
    const context: RuleContext = {
      policy,
      source,
      parsed,
      filePath: options.filePath,
      options: { ...defaultOptions(rule), ...(setting?.options ?? {}) },
      report: (descriptor) => found.push(toPending(rule, severity, descriptor)),
    };
    try {
      rule.check(context);
      pending.push(...found);
    } catch (error) {
      pending.push({
        ruleId: INTERNAL_ERROR.id,
        category: INTERNAL_ERROR.category,
        severity: INTERNAL_ERROR.severity,
        message: `Rule "${id}" failed on this file, so the file was not fully checked: ${errorText(error)}`,
        offset: 0,
        length: 0,
        path: [],
      });
    }
  }
  return finish(filePath, policy.kind, source, dropSuperseded(pending));
}

function defaultOptions(rule: Rule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(rule.meta.options ?? {})) out[name] = spec.default;
  return out;
}

/** Enforces the rule's metadata; a violation throws and becomes an internal-error finding. */
function toPending(rule: Rule, severity: Severity, d: ReportDescriptor<string>): PendingMessage {
  const { meta } = rule;
  const template = Object.prototype.hasOwnProperty.call(meta.messages, d.messageId) ? meta.messages[d.messageId] : undefined;
  if (template === undefined) throw new Error(`rule reported undeclared message id "${d.messageId}"`);
  if (d.fix && meta.fixable !== 'safe') throw new Error('rule reported a fix but does not declare fixable: "safe"');
  if (d.suggestions && !meta.hasSuggestions) throw new Error('rule reported suggestions but does not declare hasSuggestions');
  const node = d.node;
  return {
    ruleId: meta.id,
    category: meta.category,
    severity: capSeverity(severity, meta.messageSeverityCap?.[d.messageId]),
    message: interpolate(template, d.data),
    messageId: d.messageId,
    offset: node.offset,
    length: node.length,
    path: d.path,
    fix: d.fix,
    suggestions: d.suggestions,
    fingerprintValue: d.fingerprintValue ?? nodeText(node),
    supersededBy: meta.supersededBy,
  };
}

function nodeText(node: JsonNode | { offset: number; length: number }): string | undefined {
  return 'type' in node && node.value !== undefined ? String(node.value) : undefined;
}

/** `Statement[2]` for any path inside the third statement. */
function statementOf(path: JsonPath): string | undefined {
  if (path[0] !== 'Statement') return undefined;
  return typeof path[1] === 'number' ? `Statement[${path[1]}]` : 'Statement';
}

/**
 * A finding whose rule declares `supersededBy` is dropped when one of those
 * rules reported in the same statement: one admin-access error says it all.
 */
function dropSuperseded(pending: PendingMessage[]): PendingMessage[] {
  const byStatement = new Map<string, Set<string>>();
  for (const m of pending) {
    const st = statementOf(m.path);
    if (!st) continue;
    let ids = byStatement.get(st);
    if (!ids) byStatement.set(st, (ids = new Set()));
    ids.add(m.ruleId);
  }
  return pending.filter((m) => {
    const st = statementOf(m.path);
    if (!st || !m.supersededBy) return true;
    const ids = byStatement.get(st);
    return !m.supersededBy.some((id) => ids?.has(id));
  });
}

function finish(filePath: string, kind: PolicyKind | undefined, source: SourceText, pending: PendingMessage[]): LintResult {
  const seen = new Set<string>();
  const messages: LintMessage[] = [];
  for (const p of pending) {
    const key = `${p.ruleId}\0${p.offset}\0${p.length}\0${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push(placeMessage(source, p));
  }
  messages.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId));
  return summarize({ filePath, kind, messages, suppressedMessages: [] });
}

function placeMessage(source: SourceText, p: PendingMessage): LintMessage {
  const start = source.position(p.offset);
  const end = source.position(p.offset + p.length);
  const message: LintMessage = {
    ruleId: p.ruleId,
    category: p.category,
    severity: p.severity,
    message: p.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    path: formatPath(p.path),
    offset: p.offset,
    endOffset: p.offset + p.length,
  };
  if (p.messageId) message.messageId = p.messageId;
  if (p.fix) message.fix = p.fix;
  if (p.suggestions) message.suggestions = p.suggestions;
  if (p.fingerprintValue !== undefined) message.fingerprintValue = p.fingerprintValue;
  return message;
}

/** Recomputes the counts of a result from its messages. */
export function summarize(result: Omit<LintResult, 'errorCount' | 'warningCount' | 'infoCount' | 'fixableCount'> & Partial<LintResult>): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let fixableCount = 0;
  for (const m of result.messages) {
    if (m.severity === 'error') errorCount++;
    else if (m.severity === 'warning') warningCount++;
    else infoCount++;
    if (m.fix) fixableCount++;
  }
  return { ...result, errorCount, warningCount, infoCount, fixableCount };
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** A result for a file that could not be turned into text (the CLI reads, the engine reports). */
export function fileProblemResult(filePath: string, ruleId: string, category: Category, message: string, line = 1, column = 1): LintResult {
  const m: LintMessage = { ruleId, category, severity: 'error', message, line, column, endLine: line, endColumn: column, path: '', offset: 0, endOffset: 0 };
  return summarize({ filePath, kind: undefined, messages: [m], suppressedMessages: [] });
}
