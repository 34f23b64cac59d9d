/**
 * The engine for host resources: the facts a processor found in a host file
 * beside its policies (a policy attached to a role, a bucket's ACL), judged by
 * the rules that declare `checkResources`. Pure, as lintText is: the host text
 * and its resources in, findings at host positions out; no I/O, no console,
 * no throw on any input. A rule that throws becomes an internal-error finding
 * for the file, as a document rule's does.
 *
 * A finding is placed on the value it is about, in the host text. Its `path`
 * is the value's host path (`alicloud_ram_role_policy_attachment.admin.policy_name`,
 * `Resources.Site.Properties.AccessControl`) and its `document` the resource's
 * label, so that severities, configuration waivers (by rule and path),
 * baselines, fingerprints and every format treat it as any other finding.
 * The host file's inline directives (its comments, at host lines) waive a
 * resource's finding on their target line; a configuration waiver naming a
 * statement never matches a resource.
 */
import { INTERNAL_ERROR } from './core-diagnostics';
import { type Directive, directiveFinder, directiveSource } from './directives';
import { findingsCapped, MAX_FINDINGS_PER_RULE } from './finding-cap';
import { errorText, planFor, refusePromise, type RuleSetting } from './linter';
import { capSeverity, interpolate, isResourceRule, type ResourceContext, type ResourceReportDescriptor, type ResourceRule, type Rule } from './rule';
import { SourceText } from './source';
import type { HostResource, LintMessage, Severity } from './types';
import { findWaiver, isExpired, today as todayUtc, type Waiver, withExpiredWaiver } from './waivers';

export interface ResourceLintOptions {
  /** Every rule that may run, keyed by id; only those with `checkResources` run here. */
  rules: ReadonlyMap<string, Rule>;
  settings?: Readonly<Record<string, RuleSetting>>;
  filePath?: string;
  /** Configuration waivers that cover this file. */
  waivers?: readonly Waiver[];
  /** `YYYY-MM-DD`; decides which waivers have expired. Defaults to today (UTC). */
  today?: string;
  maxFindingsPerRule?: number;
  /** The host file's inline directives (directives.ts); the caller reports their problems and those that matched nothing. */
  directives?: readonly Directive[];
}

export interface ResourceLintResult {
  /** Sorted by position in the host text. */
  messages: LintMessage[];
  /** Findings an inline directive or a configuration waiver hides. */
  suppressedMessages: LintMessage[];
  /** Ids of the configuration waivers that matched a finding, expired or not. */
  waiversMatched: string[];
}

export function lintResources(hostText: string, resources: readonly HostResource[], options: ResourceLintOptions): ResourceLintResult {
  if (resources.length === 0) return { messages: [], suppressedMessages: [], waiversMatched: [] };
  const source = new SourceText(hostText);
  try {
    return waive(judge(source, resources, options), options);
  } catch (error) {
    // A bug outside the rules must not escape, nor let the file pass.
    return { messages: [internalError(source, `ramlint failed on the resources of this file, so they were not checked: ${errorText(error)}`)], suppressedMessages: [], waiversMatched: [] };
  }
}

function judge(source: SourceText, resources: readonly HostResource[], options: ResourceLintOptions): LintMessage[] {
  const found: LintMessage[] = [];
  const cap = options.maxFindingsPerRule ?? MAX_FINDINGS_PER_RULE;
  for (const { id, rule, defaults } of planFor(options.rules)) {
    if (!isResourceRule(rule)) continue;
    const setting = options.settings?.[id];
    const severity = setting?.severity ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    const wanted = rule.meta.resources;
    const mine = resources.filter((r) => wanted.includes(r.type));
    if (mine.length === 0) continue;
    // A report after checkResources() has returned is ignored, never misattributed.
    let open = true;
    let dropped = 0;
    const own: LintMessage[] = [];
    const context: ResourceContext = {
      resources: mine,
      filePath: options.filePath,
      // Option values are checked against the declared types where configuration is read (config/validate.ts).
      options: (setting?.options ? { ...defaults, ...setting.options } : defaults) as ResourceContext['options'],
      report: (descriptor) => {
        if (!open) return;
        if (own.length < cap) own.push(toMessage(source, rule, severity, descriptor));
        else dropped++;
      },
    };
    try {
      const returned: unknown = rule.checkResources(context);
      open = false;
      refusePromise(returned, 'checkResources');
      for (const m of own) found.push(m);
      if (dropped > 0) {
        const summary = findingsCapped(id, rule, severity, dropped);
        found.push({ ...placed(source, 0, 0), ruleId: summary.ruleId, category: summary.category, severity: summary.severity, message: summary.message, messageId: summary.messageId, path: '' });
      }
    } catch (error) {
      open = false;
      found.push(internalError(source, `Rule "${id}" failed on this file, so the file was not fully checked: ${errorText(error)}`));
    }
  }
  return found;
}

/** Enforces the rule's metadata; a violation throws and becomes an internal-error finding. */
function toMessage(source: SourceText, rule: ResourceRule, severity: Severity, d: ResourceReportDescriptor<string>): LintMessage {
  const { meta } = rule;
  const template = Object.prototype.hasOwnProperty.call(meta.messages, d.messageId) ? meta.messages[d.messageId] : undefined;
  if (template === undefined) throw new Error(`rule reported undeclared message id "${d.messageId}"`);
  // Typed out of the descriptor; a plugin written in JavaScript may still try.
  if ('fix' in d || 'suggestions' in d) throw new Error('a rule over host resources cannot report a fix or suggestions: the values it judges decide who can do what');
  const { resource, value } = d;
  if (typeof resource?.label !== 'string' || typeof value?.offset !== 'number' || typeof value.length !== 'number' || typeof value.path !== 'string') {
    throw new Error('rule reported a finding without the resource and the value it is about');
  }
  const message: LintMessage = {
    ...placed(source, value.offset, value.length),
    ruleId: meta.id,
    category: meta.category,
    severity: capSeverity(severity, meta.messageSeverityCap?.[d.messageId]),
    message: interpolate(template, d.data),
    messageId: d.messageId,
    path: value.path === '' ? resource.label : `${resource.label}.${value.path}`,
    document: resource.label,
  };
  const fingerprint = d.fingerprintValue ?? value.value ?? value.source;
  if (fingerprint !== undefined) message.fingerprintValue = fingerprint;
  return message;
}

/** The position fields of a range, clamped to the text. */
function placed(source: SourceText, offset: number, length: number): Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn' | 'offset' | 'endOffset'> {
  const size = source.text.length;
  const start = Math.max(0, Math.min(offset, size));
  const end = Math.max(start, Math.min(offset + Math.max(0, length), size));
  const from = source.position(start);
  const to = source.position(end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column, offset: start, endOffset: end };
}

function internalError(source: SourceText, message: string): LintMessage {
  return { ...placed(source, 0, 0), ruleId: INTERNAL_ERROR.id, category: INTERNAL_ERROR.category, severity: INTERNAL_ERROR.severity, message, path: '' };
}

/**
 * Inline directives, by the line the finding is on, then configuration waivers, by rule and host path,
 * as for a document's findings; internal errors are never waived. Sorted and de-duplicated first.
 */
function waive(found: LintMessage[], options: ResourceLintOptions): ResourceLintResult {
  const findDirective = options.directives && options.directives.length > 0 ? directiveFinder(options.directives) : undefined;
  const waivers = options.waivers ?? [];
  const date = waivers.length > 0 ? (options.today ?? todayUtc()) : '';
  const messages: LintMessage[] = [];
  const suppressedMessages: LintMessage[] = [];
  const matched = new Set<string>();
  for (const m of dedupe(found)) {
    const directive = m.ruleId === INTERNAL_ERROR.id ? undefined : findDirective?.(m.line, m.ruleId);
    if (directive) {
      suppressedMessages.push({ ...m, suppressed: { kind: 'directive', reason: directive.reason, source: directiveSource(directive) } });
      continue;
    }
    const waiver = m.ruleId === INTERNAL_ERROR.id || waivers.length === 0 ? undefined : findWaiver(waivers, undefined, m.ruleId, [], m.path);
    if (!waiver) {
      messages.push(m);
      continue;
    }
    matched.add(waiver.id);
    if (isExpired(waiver, date)) messages.push({ ...m, message: withExpiredWaiver(m.message, waiver) });
    else suppressedMessages.push({ ...m, suppressed: { kind: 'waiver', reason: waiver.reason, source: waiver.id } });
  }
  return { messages, suppressedMessages, waiversMatched: [...matched] };
}

/** Sorted by range and rule; the same rule, range and text once (resource findings are few: a string key each is cheap). */
function dedupe(found: LintMessage[]): LintMessage[] {
  const seen = new Set<string>();
  const unique = found.filter((m) => {
    const key = `${m.offset}\0${m.endOffset}\0${m.ruleId}\0${m.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
