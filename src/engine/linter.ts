/**
 * The engine: text in, result out. No I/O, no console, no exit, and no throw
 * on any input. A rule that throws becomes an internal-error finding for the
 * file; the engine never fails open.
 */
import { type CoreDiagnostic, INTERNAL_ERROR, INVALID_JSON, INVALID_WAIVER, isCoreDiagnostic, NOT_A_RAM_POLICY, UNRESOLVED_VALUE, UNRESOLVED_VALUE_IDS } from './core-diagnostics';
import { type Directive, directiveFinder, directiveSource, parseDirectives, unusedDirectiveMessage } from './directives';
import { awsPolicyMarker, buildPolicy, formatPath, type JsonPath, type KindGiver, nodePath, type Policy, rosStackPolicyAction, type UnknownValue } from './model';
import { parseJson, type JsonNode, type ParsedJson } from './parse';
import { capSeverity, interpolate, isResourceRule, type ReportDescriptor, type Rule, type RuleContext, severityRank } from './rule';
import { SourceText } from './source';
import { statementAnchorer } from './statement-anchor';
import type { Category, LintMessage, LintResult, PolicyKind, Severity, Suggestion, Suppression, TextEdit } from './types';
import { findingsCapped, MAX_FINDINGS_PER_RULE } from './finding-cap';
import { ambiguousWaivers, findWaiver, isExpired, today as todayUtc, type Waiver, withExpiredWaiver } from './waivers';

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
  /** Who gave `kind`: the host file a processor read it from, or --kind/configuration (the default). */
  kindGivenBy?: KindGiver;
  /** Defaults to true for `.jsonc` paths; inline waivers live in comments. */
  allowComments?: boolean;
  /** Configuration waivers that cover this file. */
  waivers?: readonly Waiver[];
  /** `YYYY-MM-DD`; decides which waivers have expired. Defaults to today (UTC). */
  today?: string;
  /** Report inline waivers that matched no finding. */
  reportUnusedWaivers?: boolean;
  /**
   * false: `ramlint-disable…` comments, the file's own and `hostDirectives`,
   * are ignored (ESLint's allowInlineConfig): they waive nothing and are not
   * checked, so every finding is reported. Default true.
   */
  allowInlineConfig?: boolean;
  /** Findings kept per rule per file (see finding-cap.ts); the fixer lifts it to fix everything in one pass. */
  maxFindingsPerRule?: number;
  /**
   * parseJson(text, { allowComments }) of this very text, when the caller has
   * it already (the file layer parses once to decide whether a walk's file is
   * a policy): not parsed again. Ignored for a text with a byte-order mark.
   */
  parsed?: ParsedJson;
  /** Given when the text is a document a processor found in a host file (see HostDocument). */
  host?: HostDocument;
  /**
   * The inline directives in the comments of the host file around the
   * document (Terraform, ROS YAML), their lines the host's: each waives the
   * findings reported on its target line once mapped back (`host.lineAt`),
   * as a .jsonc file's own directives do. The caller, which sees the whole
   * host file, reports their problems and those that matched nothing.
   */
  hostDirectives?: readonly Directive[];
}

/**
 * What the engine asks about a document a processor found in a host file
 * (src/processors/map-back.ts `documentInHost` answers it). The engine still
 * takes text and returns a result: it is told about the host, never reads it.
 */
export interface HostDocument {
  /** The 1-based line of the host file that a document offset maps to, for messages that name another place ("first at line 12"). */
  lineAt(offset: number): number;
  /**
   * True when [offset, offset + length) of the document is one token the
   * processor generated for a host value (a Terraform expression, a ROS
   * function), not text copied from the host: a `"${...}"` string there is
   * a value of unknown type (model.ts UnknownValue), not a string.
   */
  generatedAt(offset: number, length: number): boolean;
  /**
   * How the host's values come to be known, worded for the note on each one
   * (`which Terraform knows only when it plans`), and what to lint to check
   * them (`lint the plan (terraform show -json) to check it`), if anything.
   */
  computedBy: { known: string; check?: string };
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
  foldsInto?: readonly string[];
  statement?: string;
  suppressed?: Suppression;
}

export const BOM = '\uFEFF';

export function lintText(input: string, options: LintOptions): LintResult {
  const filePath = options.filePath ?? '<text>';
  // A UTF-8 byte-order mark is read past, as editors do; positions are counted after it.
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const source = new SourceText(text);
  const allowComments = options.allowComments ?? /\.jsonc$/i.test(filePath);
  const parsed = options.parsed !== undefined && text === input ? options.parsed : parseJson(text, { allowComments });

  const syntax = parsed.problems[0];
  if (syntax) return finish(filePath, undefined, source, [corePending(INVALID_JSON, syntax.message, syntax.offset, syntax.length)], []);
  try {
    return lintPolicy(filePath, source, parsed, allowComments, options);
  } catch (error) {
    // A bug outside the rules (model, waivers) must not escape, nor let the file pass.
    const internal = corePending(INTERNAL_ERROR, `ramlint failed on this file, so the file was not checked: ${errorText(error)}`, 0, 0);
    return finish(filePath, undefined, source, [internal], []);
  }
}

function lintPolicy(filePath: string, source: SourceText, parsed: ParsedJson, allowComments: boolean, options: LintOptions): LintResult {
  const pending: PendingMessage[] = [];
  const host = options.host;
  const policy = buildPolicy(parsed.root, options.kind, options.kindGivenBy, host && ((offset, length) => host.generatedAt(offset, length)));
  const stackAction = policy.kindSource === 'detected' ? rosStackPolicyAction(policy) : undefined;
  if (stackAction) {
    // Not a RAM policy: its mandatory Principal "*" would read as a public grant. Said, not silently passed.
    const notice = corePending(
      NOT_A_RAM_POLICY,
      `This is a ROS stack policy ("${stackAction.value}" with Principal "*"), which guards stack resources during updates and grants no access; ramlint checks RAM policies, so no rule ran. Give --kind to lint it as a RAM policy anyway.`,
      stackAction.node.offset,
      stackAction.node.length,
      stackAction.path,
    );
    // No kind: it is not a RAM policy of any kind, so the report does not call it one.
    return finish(filePath, undefined, source, [notice], []);
  }
  const aws = policy.kindSource === 'detected' ? awsPolicyMarker(policy) : undefined;
  if (aws) {
    // An AWS IAM policy would draw an error for every AWS-only value; one note says what it is instead.
    const notice = corePending(
      NOT_A_RAM_POLICY,
      `This is an AWS IAM policy (${aws.what}), not an Alibaba Cloud RAM policy; ramlint checks RAM policies, so no rule ran. Give --kind to lint it as a RAM policy anyway.`,
      aws.node.offset,
      aws.node.length,
      aws.path,
    );
    // No kind: it is not a RAM policy of any kind, so the report does not call it one.
    return finish(filePath, undefined, source, [notice], []);
  }
  // One context per file; what differs per rule is set before each rule runs.
  const context: { -readonly [K in keyof RuleContext]: RuleContext[K] } = { policy, source, parsed, filePath: options.filePath, options: {}, report: () => undefined };
  const cap = options.maxFindingsPerRule ?? MAX_FINDINGS_PER_RULE;
  // Lines named in messages are the host's for an embedded document, the text's own otherwise.
  const lineAt = host ? (offset: number) => host.lineAt(offset) : (offset: number) => source.position(offset).line;
  for (const { id, rule, defaults } of planFor(options.rules)) {
    // A rule over host resources runs once per host file (resource-linter.ts), never on a document.
    if (isResourceRule(rule)) continue;
    const setting = options.settings?.[id];
    const severity = setting?.severity ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    if (rule.meta.kinds && !rule.meta.kinds.includes(policy.kind)) continue;
    // A report after check() has returned (from a callback or an await) is ignored, never misattributed.
    // Plain variables and no array until the first report: most rules find nothing in most files.
    let open = true;
    let found: PendingMessage[] | undefined;
    let dropped = 0;
    context.report = (descriptor) => {
      if (!open) return;
      if (found === undefined) found = [];
      if (found.length < cap) found.push(toPending(rule, severity, descriptor, lineAt));
      else dropped++;
    };
    // Option values are checked against the declared types where configuration is read (config/validate.ts).
    context.options = (setting?.options ? { ...defaults, ...setting.options } : defaults) as RuleContext['options'];
    try {
      const returned: unknown = rule.check(context);
      open = false;
      refusePromise(returned, 'check');
      // A loop, not push(...found): a spread of 130k findings overflows the stack.
      if (found !== undefined) for (const m of found) pending.push(m);
      if (dropped > 0) pending.push(findingsCapped(id, rule, severity, dropped));
    } catch (error) {
      open = false;
      pending.push(corePending(INTERNAL_ERROR, `Rule "${id}" failed on this file, so the file was not fully checked: ${errorText(error)}`, 0, 0));
    }
  }
  // What the host computes was not checked, and must not look as if it passed.
  if (host) for (const u of policy.unknownValues) pending.push(unknownValueNote(u, host));
  // Waivers first: a waived finding cannot absorb another one.
  const { kept, suppressed, waiversMatched } = applyWaivers(pending, policy, source, options, allowComments);
  // Most files of a large run have no finding: no anchor index for them.
  if (kept.length > 0 || suppressed.length > 0) {
    const anchorOf = statementAnchorer(policy);
    for (const list of [kept, suppressed]) for (const m of list) m.statement = anchorOf(m.path);
  }
  const result = finish(filePath, policy, source, fold(kept), suppressed);
  if (waiversMatched.length > 0) result.waiversMatched = waiversMatched;
  return result;
}

function corePending(diagnostic: CoreDiagnostic, message: string, offset: number, length: number, path: JsonPath = [], messageId?: string): PendingMessage {
  const pending: PendingMessage = { ruleId: diagnostic.id, category: diagnostic.category, severity: diagnostic.severity, message, offset, length, path };
  if (messageId !== undefined) pending.messageId = messageId;
  return pending;
}

/** Longest host expression quoted in a note; the rest is elided. */
const MAX_SHOWN_VALUE = 60;

/** What was left unchecked, by where the unknown value stands. */
const UNCHECKED: Record<UnknownValue['element'], (u: UnknownValue) => [subject: string, unchecked: string]> = {
  Statement: () => ['"Statement" is', 'the statements it holds were not checked'],
  statement: (u) => [`Statement entry ${u.index ?? 0} is`, 'that statement was not checked'],
  Principal: () => ['"Principal" is', 'whom the statement applies to was not checked'],
  Condition: () => ['"Condition" is', 'it was not checked, and the rules take it that it may hold the condition they look for'],
  operator: (u) => [`The keys of condition operator ${JSON.stringify(u.operator ?? '')} are`, 'they were not checked, and the rules take it that they may hold the condition they look for'],
};

function unknownValueNote(u: UnknownValue, host: HostDocument): PendingMessage {
  const value = String(u.node.value);
  const shown = value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE - 2)}…}` : value;
  const [subject, unchecked] = UNCHECKED[u.element](u);
  const { known, check } = host.computedBy;
  const message = `${subject} ${shown}, ${known}, so ${unchecked}${check ? `; ${check}` : ''}.`;
  return corePending(UNRESOLVED_VALUE, message, u.node.offset, u.node.length, nodePath(u.node), UNRESOLVED_VALUE_IDS.value);
}

/**
 * Inline directives (in files that allow comments, and in the host file's
 * comments around an embedded document) and configuration waivers.
 * Core diagnostics are never waived: each means the file was not fully checked.
 */
function applyWaivers(
  pending: PendingMessage[],
  policy: Policy,
  source: SourceText,
  options: LintOptions,
  allowComments: boolean,
): { kept: PendingMessage[]; suppressed: PendingMessage[]; waiversMatched: string[] } {
  const inline = options.allowInlineConfig !== false;
  const parsed = allowComments && inline ? parseDirectives(source, [...options.rules.keys()]) : { directives: [], problems: [] };
  const findOwn = directiveFinder(parsed.directives);
  const host = options.host;
  const findInHost = inline && options.hostDirectives && options.hostDirectives.length > 0 ? hostFinder(options.hostDirectives) : undefined;
  // The document's own comments first; then the host's, on the host line the finding is reported at.
  const findDirective = (offset: number, ruleId: string): Directive | undefined =>
    findOwn(source.position(offset).line, ruleId) ?? findInHost?.(host ? host.lineAt(offset) : source.position(offset).line, ruleId);
  const kept: PendingMessage[] = parsed.problems.map((p) => corePending(INVALID_WAIVER, p.message, p.offset, p.length));
  const suppressed: PendingMessage[] = [];
  const usedDirectives = new Set<Directive>();
  const matched = new Set<string>();
  const waivers = options.waivers ?? [];
  const date = waivers.length > 0 ? (options.today ?? todayUtc()) : '';
  for (const a of ambiguousWaivers(waivers, policy)) kept.push(corePending(INVALID_WAIVER, a.message, a.node.offset, a.node.length, a.path));
  for (const m of pending) {
    if (isCoreDiagnostic(m.ruleId)) {
      kept.push(m);
      continue;
    }
    const directive = findDirective(m.offset, m.ruleId);
    if (directive) {
      usedDirectives.add(directive);
      suppressed.push({ ...m, suppressed: { kind: 'directive', reason: directive.reason, source: directiveSource(directive) } });
      continue;
    }
    const waiver = waivers.length > 0 ? findWaiver(waivers, policy, m.ruleId, m.path, formatPath(m.path)) : undefined;
    if (!waiver) {
      kept.push(m);
      continue;
    }
    matched.add(waiver.id);
    if (isExpired(waiver, date)) {
      kept.push({ ...m, message: withExpiredWaiver(m.message, waiver) });
    } else {
      suppressed.push({ ...m, suppressed: { kind: 'waiver', reason: waiver.reason, source: waiver.id } });
    }
  }
  if (options.reportUnusedWaivers) {
    for (const d of parsed.directives) {
      if (usedDirectives.has(d)) continue;
      kept.push(corePending(INVALID_WAIVER, unusedDirectiveMessage(d), d.offset, d.length));
    }
  }
  return { kept, suppressed, waiversMatched: [...matched] };
}

/** One finder per host file's directives, shared by its documents: built per document, it costs documents × directives. */
const hostFinders = new WeakMap<readonly Directive[], ReturnType<typeof directiveFinder>>();

function hostFinder(directives: readonly Directive[]): ReturnType<typeof directiveFinder> {
  let find = hostFinders.get(directives);
  if (!find) hostFinders.set(directives, (find = directiveFinder(directives)));
  return find;
}

/** A rule that returned a promise throws here, to become an internal-error finding. */
export function refusePromise(returned: unknown, entry: 'check' | 'checkResources'): void {
  if (returned && typeof (returned as PromiseLike<unknown>).then === 'function') {
    // Swallow the promise's own outcome: an asynchronous rule is reported as a failure, not as an unhandled rejection.
    Promise.resolve(returned).catch(() => undefined);
    throw new Error(`its ${entry}() returned a promise; rules must be synchronous`);
  }
}

export interface PlannedRule {
  id: string;
  rule: Rule;
  /** The declared option defaults, frozen: shared by every file. */
  defaults: Readonly<Record<string, unknown>>;
}

/** Rules in id order with their defaults, computed once per rule set rather than per file. */
const plans = new WeakMap<ReadonlyMap<string, Rule>, PlannedRule[]>();

/** A caller may change its Map between calls: a cached plan counts only while it still matches. */
function stillMatches(plan: readonly PlannedRule[], rules: ReadonlyMap<string, Rule>): boolean {
  return plan.length === rules.size && plan.every((p) => rules.get(p.id) === p.rule);
}

export function planFor(rules: ReadonlyMap<string, Rule>): PlannedRule[] {
  let plan = plans.get(rules);
  if (!plan || !stillMatches(plan, rules)) {
    plan = [...rules]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, rule]) => {
        const defaults: Record<string, unknown> = {};
        for (const [name, spec] of Object.entries(rule.meta.options ?? {})) defaults[name] = spec.default;
        return { id, rule, defaults: Object.freeze(defaults) };
      });
    plans.set(rules, plan);
  }
  return plan;
}

/** Enforces the rule's metadata; a violation throws and becomes an internal-error finding. */
function toPending(rule: Rule, severity: Severity, d: ReportDescriptor<string>, lineAt: (offset: number) => number): PendingMessage {
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
    message: interpolate(template, d.related ? withLines(d.data, d.related, lineAt) : d.data),
    messageId: d.messageId,
    offset: node.offset,
    length: node.length,
    // Derived from the node, so the path and the range cannot disagree.
    path: isJsonNode(node) ? nodePath(node) : (d.path ?? []),
    fix: d.fix,
    suggestions: d.suggestions,
    fingerprintValue: d.fingerprintValue ?? nodeText(node),
    foldsInto: meta.foldsInto ?? meta.supersededBy,
  };
}

/** The message data with each related place written as its line. */
function withLines(data: ReportDescriptor<string>['data'], related: Record<string, { readonly offset: number }>, lineAt: (offset: number) => number): Record<string, string | number> {
  const out: Record<string, string | number> = { ...data };
  for (const name of Object.keys(related)) {
    const at = related[name];
    if (at && typeof at.offset === 'number') out[name] = lineAt(at.offset);
  }
  return out;
}

function isJsonNode(node: JsonNode | { offset: number; length: number }): node is JsonNode {
  return 'type' in node && typeof node.type === 'string';
}

function nodeText(node: JsonNode | { offset: number; length: number }): string | undefined {
  return isJsonNode(node) && node.value !== undefined ? String(node.value) : undefined;
}

/** `Statement[2]` for any path inside the third statement. */
function statementOf(path: JsonPath): string | undefined {
  if (path[0] !== 'Statement') return undefined;
  return typeof path[1] === 'number' ? `Statement[${path[1]}]` : 'Statement';
}

/**
 * A finding whose rule declares `foldsInto` is dropped when one of those rules
 * reported in the same statement, at the same or a higher severity, and that
 * finding is shown (not waived): one admin-access error says it all. Set
 * admin-access to info, or waive it, and the narrower findings stand.
 */
function fold(kept: PendingMessage[]): PendingMessage[] {
  // Nothing can fold (the usual case): no severity map of string keys for the file.
  if (!kept.some((m) => m.foldsInto !== undefined && m.foldsInto.length > 0)) return kept;
  const strongest = new Map<string, number>(); // `statement\0ruleId` → highest severity rank shown
  for (const m of kept) {
    const st = statementOf(m.path);
    if (!st) continue;
    const key = `${st}\0${m.ruleId}`;
    strongest.set(key, Math.max(strongest.get(key) ?? -1, severityRank(m.severity)));
  }
  return kept.filter((m) => {
    const st = statementOf(m.path);
    if (!st || !m.foldsInto) return true;
    const rank = severityRank(m.severity);
    return !m.foldsInto.some((id) => (strongest.get(`${st}\0${id}`) ?? -1) >= rank);
  });
}

function finish(filePath: string, policy: Policy | undefined, source: SourceText, pending: PendingMessage[], suppressed: PendingMessage[]): LintResult {
  const messages = place(source, pending);
  // Built in full here rather than through summarize(): its object spread is V8's slow path, paid once per file.
  const result: LintResult = { filePath, kind: policy?.kind, messages, suppressedMessages: place(source, suppressed), errorCount: 0, warningCount: 0, infoCount: 0, fixableCount: 0 };
  countInto(result, messages);
  if (policy) result.kindSource = policy.kindSource;
  return result;
}

/** Positions, de-duplicates and sorts findings. */
function place(source: SourceText, pending: PendingMessage[]): LintMessage[] {
  const messages: LintMessage[] = [];
  if (pending.length === 0) return messages;
  // Duplicates (same rule, range and text) are found by offset, comparing fields:
  // a string key per finding meant flattening and hashing every long message.
  const byOffset = new Map<number, PendingMessage[]>();
  for (const p of pending) {
    const same = byOffset.get(p.offset);
    if (same === undefined) byOffset.set(p.offset, [p]);
    else if (same.some((q) => q.ruleId === p.ruleId && q.length === p.length && q.message === p.message)) continue;
    else same.push(p);
    messages.push(placeMessage(source, p));
  }
  return messages.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
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
  if (p.statement !== undefined) message.statement = p.statement;
  if (p.suppressed) message.suppressed = p.suppressed;
  return message;
}

/** Recomputes the counts of a result from its messages. */
export function summarize(result: Omit<LintResult, 'errorCount' | 'warningCount' | 'infoCount' | 'fixableCount'> & Partial<LintResult>): LintResult {
  const { errorCount, warningCount, infoCount, fixableCount } = counts(result.messages);
  return { ...result, errorCount, warningCount, infoCount, fixableCount };
}

function countInto(result: LintResult, messages: readonly LintMessage[]): void {
  const c = counts(messages);
  result.errorCount = c.errorCount;
  result.warningCount = c.warningCount;
  result.infoCount = c.infoCount;
  result.fixableCount = c.fixableCount;
}

function counts(messages: readonly LintMessage[]): { errorCount: number; warningCount: number; infoCount: number; fixableCount: number } {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let fixableCount = 0;
  for (const m of messages) {
    if (m.severity === 'error') errorCount++;
    else if (m.severity === 'warning') warningCount++;
    else infoCount++;
    if (m.fix) fixableCount++;
  }
  return { errorCount, warningCount, infoCount, fixableCount };
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** A result for a file that could not be turned into text (the CLI reads, the engine reports). */
export function fileProblemResult(filePath: string, ruleId: string, category: Category, message: string, line = 1, column = 1): LintResult {
  const m: LintMessage = { ruleId, category, severity: 'error', message, line, column, endLine: line, endColumn: column, path: '', offset: 0, endOffset: 0 };
  return summarize({ filePath, kind: undefined, messages: [m], suppressedMessages: [] });
}
