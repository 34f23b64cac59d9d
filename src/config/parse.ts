/**
 * One config file: JSONC text → validated ConfigFile. The config is data:
 * nothing in it runs, except the plugins it names. Every problem is an error
 * naming the file, line and column; unknown keys are errors too, because a
 * misspelt "rules" that is silently ignored turns a rule off without anyone
 * noticing.
 */
import path from 'node:path';
import { createScanner, type Node, parseTree, printParseErrorCode, type ParseError, SyntaxKind } from 'jsonc-parser';
import { closest } from '../engine/closest';
import { tooDeepAt } from '../engine/parse';
import { compileGlob } from './glob-match';
import { checkGlob, MAX_GLOB_PATTERNS } from './globs';
import { SourceText } from '../engine/source';
import { POLICY_KINDS, type PolicyKind } from '../engine/types';
import { ConfigError, type ConfigFile, type Origin, type OverrideBlock, type RuleEntry, type SeverityName, type WaiverDecl } from './types';

/** The paths ramlint reports: `Statement[1].Condition.StringEquals["acs:Service"][0]`. */
const SEGMENT = String.raw`(?:\[\d+\]|\["(?:[^"\\]|\\.)*"\])`;
const JSON_PATH = new RegExp(String.raw`^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|${SEGMENT})*$`);

const TOP_KEYS = ['$schema', 'root', 'kind', 'rules', 'overrides', 'ignores', 'plugins', 'processors', 'waivers', 'catalogue'];
const OVERRIDE_KEYS = ['files', 'excludedFiles', 'rules', 'kind'];
const WAIVER_KEYS = ['rule', 'files', 'statement', 'path', 'reason', 'expires', 'owner'];
// A Map, not an object literal: "constructor" or "__proto__" must not look like a severity.
const SEVERITY_NAMES: ReadonlyMap<string, SeverityName> = new Map([
  ['off', 'off'],
  ['warn', 'warning'],
  ['warning', 'warning'],
  ['error', 'error'],
  ['info', 'info'],
]);
/** Deep enough for any real config (rule options included); shallow enough for the recursive parser. */
export const MAX_CONFIG_DEPTH = 100;

class Reader {
  private readonly source: SourceText;
  /** Glob patterns read so far, each {…} alternative counted, against MAX_GLOB_PATTERNS. */
  private globPatterns = 0;

  constructor(
    readonly file: string,
    text: string,
    readonly displayId: string,
  ) {
    this.source = new SourceText(text);
  }

  origin(node: Node | number): Origin {
    const offset = typeof node === 'number' ? node : node.offset;
    const { line, column } = this.source.position(offset);
    return { file: this.file, line, column };
  }

  fail(node: Node | number, message: string): never {
    throw new ConfigError(this.origin(node), message);
  }

  members(node: Node, what: string, allowed: readonly string[]): Map<string, { key: Node; value: Node }> {
    if (node.type !== 'object') this.fail(node, `${what} must be an object`);
    const out = new Map<string, { key: Node; value: Node }>();
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value) continue;
      const name = String(key.value);
      if (out.has(name)) this.fail(key, `duplicate key "${name}" in ${what}`);
      if (!allowed.includes(name)) {
        const hint = allowed.find((a) => a.toLowerCase() === name.toLowerCase()) ?? closest(name, allowed);
        this.fail(key, `unknown setting "${name}" in ${what}${hint ? `; did you mean "${hint}"?` : `; expected one of ${allowed.map((a) => `"${a}"`).join(', ')}`}`);
      }
      out.set(name, { key, value });
    }
    return out;
  }

  string(node: Node, what: string): string {
    if (node.type !== 'string') this.fail(node, `${what} must be a string`);
    return String(node.value);
  }

  /** A stringList of glob patterns, each within the limits that keep matching fast, and not too many in all. */
  globList(node: Node, what: string, nonEmpty = false): string[] {
    const out = this.stringList(node, what, nonEmpty);
    const items = node.type === 'array' ? (node.children ?? []) : [node];
    out.forEach((pattern, i) => {
      const problem = checkGlob(pattern);
      if (problem) this.fail(items[i] as Node, `the pattern in ${what} ${problem}`);
      // checkGlob compiled it; this finds it compiled. A comment ("#…") counts as one.
      this.globPatterns += Math.max(1, compileGlob(pattern).size);
      if (this.globPatterns > MAX_GLOB_PATTERNS) {
        this.fail(items[i] as Node, `the config holds more than ${MAX_GLOB_PATTERNS} glob patterns with this one in ${what} (each {…} alternative counts); use fewer, broader patterns, or split the config between directories`);
      }
    });
    return out;
  }

  stringList(node: Node, what: string, nonEmpty = false): string[] {
    const items = node.type === 'string' ? [node] : node.type === 'array' ? (node.children ?? []) : this.fail(node, `${what} must be a string or an array of strings`);
    const out = items.map((item) => {
      const value = this.string(item, `each entry of ${what}`);
      if (value.trim() === '') this.fail(item, `${what} has an empty entry`);
      return value;
    });
    if (nonEmpty && out.length === 0) this.fail(node, `${what} must name at least one pattern`);
    return out;
  }

  kind(node: Node, what: string): PolicyKind {
    const value = this.string(node, what);
    if (!POLICY_KINDS.includes(value as PolicyKind)) this.fail(node, `${what} must be one of ${POLICY_KINDS.map((k) => `"${k}"`).join(', ')}, not "${value}"`);
    return value as PolicyKind;
  }

  /** `"error"` or `["warn", { … }]`; whether the rule exists is checked once plugins are loaded. */
  ruleEntry(node: Node, ruleId: string): RuleEntry {
    const severityNode = node.type === 'array' ? node.children?.[0] : node;
    if (!severityNode || severityNode.type !== 'string') {
      this.fail(severityNode ?? node, `rule "${ruleId}" must be "off", "warn", "error" or "info", or an array ["warn", { options }]`);
    }
    const severity = SEVERITY_NAMES.get(String(severityNode.value));
    if (!severity) this.fail(severityNode, `rule "${ruleId}" has unknown severity "${String(severityNode.value)}"; use "off", "warn", "error" or "info"`);
    const entry: RuleEntry = { severity, origin: this.origin(node) };
    if (node.type === 'array') {
      const items = node.children ?? [];
      if (items.length > 2) this.fail(items[2] as Node, `rule "${ruleId}" takes [severity, options]; remove the extra entries`);
      const optionsNode = items[1];
      if (optionsNode) {
        if (optionsNode.type !== 'object') this.fail(optionsNode, `the options of rule "${ruleId}" must be an object`);
        entry.options = toValue(optionsNode) as Record<string, unknown>;
        entry.optionsOrigin = this.origin(optionsNode);
      }
    }
    return entry;
  }

  rules(node: Node, what: string): Map<string, RuleEntry> {
    if (node.type !== 'object') this.fail(node, `${what} must be an object that maps rule ids to severities`);
    const out = new Map<string, RuleEntry>();
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value) continue;
      const id = String(key.value);
      if (out.has(id)) this.fail(key, `rule "${id}" is configured twice in ${what}`);
      const entry = this.ruleEntry(value, id);
      entry.origin = this.origin(key);
      out.set(id, entry);
    }
    return out;
  }

  override(node: Node, index: number): OverrideBlock {
    const what = `overrides[${index}]`;
    const m = this.members(node, what, OVERRIDE_KEYS);
    const files = m.get('files');
    if (!files) this.fail(node, `${what} needs "files": the globs it applies to`);
    const block: OverrideBlock = {
      files: this.globList(files.value, `${what}.files`, true),
      excludedFiles: m.get('excludedFiles') ? this.globList((m.get('excludedFiles') as { value: Node }).value, `${what}.excludedFiles`) : [],
      rules: m.get('rules') ? this.rules((m.get('rules') as { value: Node }).value, `${what}.rules`) : new Map(),
    };
    const kind = m.get('kind');
    if (kind) block.kind = this.kind(kind.value, `${what}.kind`);
    return block;
  }

  waiver(node: Node, index: number): WaiverDecl {
    const what = `waivers[${index}]`;
    const m = this.members(node, what, WAIVER_KEYS);
    const need = (key: string, why: string) => m.get(key) ?? this.fail(node, `${what} needs "${key}": ${why}`);
    const rule = this.string(need('rule', 'the rule id it waives').value, `${what}.rule`);
    const files = this.globList(need('files', 'the globs of the files it covers').value, `${what}.files`, true);
    const reasonNode = need('reason', 'why the risk is accepted').value;
    const reason = this.string(reasonNode, `${what}.reason`).trim();
    if (reason === '') this.fail(reasonNode, `${what}.reason must say why the risk is accepted`);
    const decl: WaiverDecl = { rule, files, reason, origin: this.origin(node), id: `${this.displayId}: waivers[${index}]` };
    const statement = m.get('statement');
    if (statement) {
      const v = statement.value;
      if (v.type === 'string' && String(v.value) !== '') decl.statement = String(v.value);
      else if (v.type === 'number' && Number.isInteger(v.value) && (v.value as number) >= 0) decl.statement = v.value as number;
      else this.fail(v, `${what}.statement must be a statement's Sid (a string) or its 0-based index`);
    }
    const p = m.get('path');
    if (p) {
      const value = this.string(p.value, `${what}.path`);
      if (!JSON_PATH.test(value)) {
        this.fail(p.value, `${what}.path must be a JSON path as ramlint reports it, such as Statement[1].Resource${value.startsWith('$') ? ' (without "$.")' : ''}, not "${value}"`);
      }
      decl.path = value;
    }
    const expires = m.get('expires');
    if (expires) {
      const value = this.string(expires.value, `${what}.expires`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) this.fail(expires.value, `${what}.expires must be a date written YYYY-MM-DD, not "${value}"`);
      if (Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
        this.fail(expires.value, `${what}.expires is not a real date: "${value}"`);
      }
      decl.expires = value;
    }
    const owner = m.get('owner');
    if (owner) decl.owner = this.string(owner.value, `${what}.owner`);
    return decl;
  }
}

/** Parses and validates one config file's text. Throws ConfigError. */
export function parseConfig(file: string, text: string, displayId: string): ConfigFile {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // Typed explicitly so that TypeScript treats reader.fail() (returns never) as ending control flow.
  const reader: Reader = new Reader(file, body, displayId);
  if (onlyComments(body)) reader.fail(0, 'the config file is empty; it must hold a JSON object');
  const tooDeep = tooDeepAt(body, MAX_CONFIG_DEPTH);
  if (tooDeep !== undefined) reader.fail(tooDeep, `the config is nested deeper than ${MAX_CONFIG_DEPTH} levels; a ramlint config needs about 5`);
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) reader.fail(first.offset, `invalid JSON: ${describeParseError(printParseErrorCode(first.error))}`);
  if (!root) reader.fail(0, 'the config file is empty; it must hold a JSON object');
  const m = reader.members(root, 'the config', TOP_KEYS);
  const config: ConfigFile = {
    file,
    dir: path.dirname(file),
    root: false,
    rules: new Map(),
    overrides: [],
    ignores: [],
    plugins: [],
    waivers: [],
  };
  const rootFlag = m.get('root');
  if (rootFlag) {
    if (rootFlag.value.type !== 'boolean') reader.fail(rootFlag.value, '"root" must be true or false');
    config.root = rootFlag.value.value === true;
  }
  const kind = m.get('kind');
  if (kind) config.kind = reader.kind(kind.value, '"kind"');
  const rules = m.get('rules');
  if (rules) config.rules = reader.rules(rules.value, '"rules"');
  const overrides = m.get('overrides');
  if (overrides) {
    if (overrides.value.type !== 'array') reader.fail(overrides.value, '"overrides" must be an array of { "files": [...], "rules": {...} } blocks');
    config.overrides = (overrides.value.children ?? []).map((n, i) => reader.override(n, i));
  }
  const ignores = m.get('ignores');
  if (ignores) config.ignores = reader.globList(ignores.value, '"ignores"');
  const plugins = m.get('plugins');
  if (plugins) {
    const items = plugins.value.type === 'array' ? (plugins.value.children ?? []) : reader.fail(plugins.value, '"plugins" must be an array of package names or paths');
    config.plugins = items.map((n) => ({ spec: reader.string(n, 'each entry of "plugins"'), origin: reader.origin(n) }));
  }
  const processors = m.get('processors');
  if (processors) {
    const items = processors.value.type === 'array' ? (processors.value.children ?? []) : reader.fail(processors.value, '"processors" must be an array of processor ids');
    config.processors = items.map((n) => ({ id: reader.string(n, 'each entry of "processors"'), origin: reader.origin(n) }));
  }
  const waivers = m.get('waivers');
  if (waivers) {
    if (waivers.value.type !== 'array') reader.fail(waivers.value, '"waivers" must be an array of { "rule", "files", "reason" } objects');
    config.waivers = (waivers.value.children ?? []).map((n, i) => reader.waiver(n, i));
  }
  const catalogue = m.get('catalogue');
  if (catalogue) {
    const c = reader.members(catalogue.value, '"catalogue"', ['actions', 'ignoreServices']);
    const actions = c.get('actions');
    const ignoreServices = c.get('ignoreServices');
    config.catalogue = {
      actions: actions ? reader.stringList(actions.value, '"catalogue.actions"') : [],
      ignoreServices: ignoreServices ? reader.stringList(ignoreServices.value, '"catalogue.ignoreServices"') : [],
    };
    for (const [i, action] of config.catalogue.actions.entries()) {
      if (!/^[A-Za-z0-9_.-]+:[A-Za-z0-9_.*?-]+$/.test(action)) {
        reader.fail((actions?.value.children ?? [])[i] ?? catalogue.value, `"catalogue.actions" entry "${action}" is not of the form <service>:<action>`);
      }
    }
  }
  return config;
}

/** Nothing but whitespace and well-formed comments: an empty config, not invalid JSON. */
function onlyComments(text: string): boolean {
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const trivia = kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia;
    if (!trivia || scanner.getTokenError() !== 0) return false;
  }
  return true;
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: "expected ':'",
    CommaExpected: "expected ','",
    CloseBraceExpected: "expected '}'",
    CloseBracketExpected: "expected ']'",
    EndOfFileExpected: 'unexpected text after the end of the object',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfComment: 'unterminated comment',
  };
  return words[code] ?? code;
}

function toValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        // defineProperty: an assignment to "__proto__" would set the prototype instead of a key.
        if (key && value) Object.defineProperty(out, String(key.value), { value: toValue(value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    default:
      return node.value;
  }
}
