/**
 * The rule contract. A rule is one object with typed metadata and a pure
 * check function: `check` over the policy model of one document, or
 * `checkResources` over the host resources of one host file (the policy
 * attachments and bucket ACLs a processor found beside the policies). The
 * engine enforces the metadata: report() accepts only declared message ids,
 * and rejects a fix or a suggestion the rule did not declare (as ESLint and
 * Stylelint do).
 */
import type { JsonNode, ParsedJson } from './parse';
import type { JsonPath, Policy } from './model';
import type { SourceText } from './source';
import type { Category, HostResource, HostResourceType, HostValue, PolicyKind, Severity, TextEdit } from './types';

export type OptionType = 'boolean' | 'number' | 'string' | 'string[]';

/** The value an option of a declared type holds. */
export type OptionValue<T extends OptionType> = T extends 'boolean' ? boolean : T extends 'number' ? number : T extends 'string' ? string : readonly string[];

export interface OptionSpec<T extends OptionType = OptionType> {
  type: T;
  description: string;
  default: OptionValue<T>;
}

export type OptionSpecs = Record<string, OptionSpec>;

/**
 * The options a rule's check() sees, typed from its declaration (as
 * typescript-eslint's RuleCreator types them from `defaultOptions`): the
 * configuration merged over the defaults, validated before the rule runs.
 */
export type OptionsOf<O extends OptionSpecs> = { readonly [K in keyof O]: OptionValue<O[K]['type']> };

export interface RuleMeta<M extends string = string, O extends OptionSpecs = OptionSpecs> {
  /** kebab-case, stable forever: configs, waivers and baselines name it. */
  id: string;
  category: Category;
  defaultSeverity: Severity;
  /** One imperative sentence ("Disallow …", "Require …"). */
  description: string;
  /** 'safe' fixes cannot change who can do what; nothing else is ever applied. */
  fixable: 'none' | 'safe';
  /** Declares that the rule offers suggestions (changes to access, never applied). */
  hasSuggestions?: boolean;
  messages: Record<M, string>;
  /** A message reported at most at this severity, e.g. a risk that a condition mitigates. */
  messageSeverityCap?: Partial<Record<M, Severity>>;
  /** The policy kinds the rule inspects; all when absent. */
  kinds?: readonly PolicyKind[];
  /**
   * The host resources a rule with `checkResources` judges: it sees only
   * these, and runs only on a file that has one. Required for such a rule;
   * a rule over policy documents has none.
   */
  resources?: readonly HostResourceType[];
  /** Options the rule accepts in configuration. */
  options?: O;
  /** Documentation link; built-in rules derive theirs from the id. */
  url?: string;
  /**
   * Rules whose finding in the same statement says all this rule's finding
   * says (admin-access for the narrower grant rules). The finding folds into
   * theirs only when one of them is reported there, not waived, at the same or
   * a higher severity; otherwise it stands.
   */
  foldsInto?: readonly string[];
  /** @deprecated The old name of `foldsInto`, read the same way (it no longer drops findings regardless of severity or waivers). */
  supersededBy?: readonly string[];
}

interface ReportBase<M extends string> {
  messageId: M;
  data?: Record<string, string | number>;
  fix?: TextEdit[];
  suggestions?: { desc: string; edits: TextEdit[] }[];
  /** The value the finding is about; feeds baseline keys and fingerprints. */
  fingerprintValue?: string;
  /**
   * Other places the message names, by placeholder: with `related: { line: first }`,
   * `{{line}}` in the template is written as the line of `first`. The engine
   * counts that line in the file the finding is reported in: for a policy
   * inside a Terraform or ROS file, the host file's line, not a line of the
   * JSON generated from it. So a rule never words a line from
   * `context.source`, which is the document's own text.
   */
  related?: Record<string, { readonly offset: number }>;
}

/**
 * What a rule reports: the smallest offending node, whose JSON path the engine
 * derives (a path given by hand could disagree with the node), or an explicit
 * offset range with the path it belongs to (the document when absent).
 */
export type ReportDescriptor<M extends string> = ReportBase<M> &
  (
    | {
        node: JsonNode;
        /** @deprecated Ignored: the engine derives the path from the node. Accepted so that older rules still compile. */
        path?: JsonPath;
      }
    | { node: { offset: number; length: number; type?: never }; path?: JsonPath }
  );

export interface RuleContext<M extends string = string, O extends OptionSpecs = OptionSpecs> {
  readonly policy: Policy;
  readonly source: SourceText;
  readonly parsed: ParsedJson;
  readonly filePath: string | undefined;
  /** Options merged over the declared defaults. */
  readonly options: OptionsOf<O>;
  report(descriptor: ReportDescriptor<M>): void;
}

/**
 * What a rule over host resources reports: the resource and the value of it
 * the finding is about (the smallest relevant token, such as the policy
 * name). The range, the host path (`alicloud_oss_bucket.site.acl`) and the
 * label come from them, so they cannot disagree. No fix or suggestion: a
 * resource's values change who can do what.
 */
export interface ResourceReportDescriptor<M extends string> {
  messageId: M;
  data?: Record<string, string | number>;
  resource: HostResource;
  value: HostValue;
  /** The value the finding is about; feeds baseline keys and fingerprints (the value's text by default). */
  fingerprintValue?: string;
}

export interface ResourceContext<M extends string = string, O extends OptionSpecs = OptionSpecs> {
  /** The file's host resources of the types in `meta.resources`, in the order the processor found them. */
  readonly resources: readonly HostResource[];
  readonly filePath: string | undefined;
  /** Options merged over the declared defaults. */
  readonly options: OptionsOf<O>;
  report(descriptor: ResourceReportDescriptor<M>): void;
}

/** A rule over the policy model of one document. */
export interface PolicyRule<M extends string = string, O extends OptionSpecs = OptionSpecs> {
  meta: RuleMeta<M, O>;
  check(context: RuleContext<M, O>): void;
  checkResources?: never;
}

/** A rule over the host resources of one host file (src/engine/resource-linter.ts runs it). */
export interface ResourceRule<M extends string = string, O extends OptionSpecs = OptionSpecs> {
  meta: RuleMeta<M, O> & { resources: readonly HostResourceType[] };
  checkResources(context: ResourceContext<M, O>): void;
  check?: never;
}

export type Rule<M extends string = string, O extends OptionSpecs = OptionSpecs> = PolicyRule<M, O> | ResourceRule<M, O>;

/** A rule over host resources, told apart by its entry point. */
export function isResourceRule(rule: Rule): rule is ResourceRule {
  return typeof rule.checkResources === 'function';
}

/**
 * Typed identity helper: message ids in check() or checkResources() are
 * checked against meta.messages, and context.options is typed from meta.options.
 */
export function defineRule<M extends string, O extends OptionSpecs = Record<never, never>>(rule: ResourceRule<M, O>): ResourceRule<M, O>;
export function defineRule<M extends string, O extends OptionSpecs = Record<never, never>>(rule: PolicyRule<M, O>): PolicyRule<M, O>;
export function defineRule<M extends string, O extends OptionSpecs>(rule: Rule<M, O>): Rule<M, O> {
  return rule;
}

export const DOCS_BASE_URL = 'https://github.com/ramlint/ramlint/blob/main/docs/rules/';

/** Built-in ids have no slash; plugin rules (`plugin/rule`) link only where they say so. */
export function docsUrl(meta: Pick<RuleMeta, 'id' | 'url'>): string | undefined {
  return meta.url ?? (meta.id.includes('/') ? undefined : `${DOCS_BASE_URL}${meta.id}.md`);
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** info < warning < error. */
export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

export function capSeverity(severity: Severity, cap: Severity | undefined): Severity {
  if (!cap) return severity;
  return SEVERITY_RANK[severity] > SEVERITY_RANK[cap] ? cap : severity;
}

/** `{{name}}` placeholders; an unknown placeholder is left visible rather than hidden. */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  const parts = templateParts(template);
  // parts alternates text and placeholders: [text, name, whole, text, name, whole, …, text].
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 3) {
    const name = parts[i] as string;
    out += data && Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : (parts[i + 1] as string);
    out += parts[i + 2] as string;
  }
  return out;
}

/**
 * A template split at its placeholders, once per template rather than a
 * regex replace per finding: a rule's few templates are worded thousands of
 * times in a large run. Bounded, for plugins that build templates on the fly.
 */
const templates = new Map<string, readonly string[]>();

function templateParts(template: string): readonly string[] {
  let parts = templates.get(template);
  if (!parts) {
    const split: string[] = [];
    let last = 0;
    for (const m of template.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)) {
      split.push(template.slice(last, m.index), m[1] as string, m[0]);
      last = m.index + m[0].length;
    }
    split.push(template.slice(last));
    parts = split;
    if (templates.size >= 1024) templates.clear();
    templates.set(template, parts);
  }
  return parts;
}
