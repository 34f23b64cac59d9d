/**
 * The autofix safety guarantee: a safe fix never changes who can do what. Over
 * every policy fixture under fixtures/ (and every .json/.jsonc file under
 * examples/, when that folder exists), apply fixText with the built-in rules
 * and assert that the fixed policy grants exactly what the original did.
 *
 * "What a policy grants" is the normaliser below, written here on purpose
 * rather than borrowed from src/, so that a bug in the engine's model cannot
 * hide a bug in a fix:
 *
 * - Element names (Version, Statement, Effect, Action, NotAction, Resource,
 *   NotResource, Principal, Condition, and the principal types RAM, Service,
 *   Federated) are read case-insensitively and trimmed, as their author
 *   evidently meant them. Where an element is written twice in different
 *   cases, the exactly spelt one is read, else the last one. Sid and unknown
 *   elements grant nothing and are not read.
 * - A missing Version is "1"; a Version is compared as a string (1 → "1").
 * - Statement: a single object is a one-element list. Statements are compared
 *   as a multiset (their order grants nothing).
 * - Per statement: the effect, trimmed and lower-cased; the set of actions
 *   (Action and NotAction, each lower-cased and without whitespace: an action
 *   name cannot contain a space, so "ecs: StartInstance" can only mean
 *   ecs:StartInstance, as "allow" can only mean Allow); the set of resources (Resource
 *   and NotResource, exact); the principals (the "*" or list form as a set,
 *   the object form as a set of values per lower-cased type); the conditions
 *   (operators and keys lower-cased, values as sets). A string and a
 *   one-element list are the same set; a missing element differs from an
 *   empty one. Values of unexpected types are kept verbatim (canonical JSON).
 * - An Action, NotAction, Resource or NotResource list is the union of its
 *   patterns (for the Not lists, the union it leaves out), so an entry that
 *   another entry of the same list strictly covers grants nothing of its own
 *   and is dropped. Covering is decided here by a check of its own (a regular
 *   expression built from the covering pattern), sound only where the
 *   covering pattern has no `?` or the covered one no `*` (a `?` cannot stand
 *   for a `*`), and tried only there.
 *
 * Then normalise(fixed) must deep-equal normalise(original) for every file a
 * fix changed, the fixed text must still parse (as strict JSON for .json), and
 * at least some files must have changed, or this test would prove nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { fixText } from '../src/engine/fix';
import type { RuleSetting } from '../src/engine/linter';
import type { PolicyKind } from '../src/engine/types';
import { builtinRules } from '../src/rules';

const ROOT = path.join(__dirname, '..');

// ---------------------------------------------------------------- normaliser

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with object keys sorted, so equal values print equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The member named `name` in any case, trimmed; the exact spelling wins over other cases. */
function element(obj: Record<string, Json>, name: string): Json | undefined {
  if (Object.prototype.hasOwnProperty.call(obj, name)) return obj[name];
  const keys = Object.keys(obj).filter((k) => k.trim().toLowerCase() === name.toLowerCase());
  const last = keys[keys.length - 1];
  return last === undefined ? undefined : obj[last];
}

const sortedSet = (items: string[]) => [...new Set(items)].sort();

/** `*` any characters, `?` one: the pattern as a regular expression over the whole string. */
function patternRegExp(pattern: string): RegExp {
  const body = [...pattern].map((c) => (c === '*' ? '[\\s\\S]*' : c === '?' ? '[\\s\\S]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`);
}

/**
 * Does pattern `q` match every string pattern `p` matches? Read p's text
 * literally against q: where q has no `?`, every wildcard of p lies in one of
 * q's `*`, which absorbs whatever it stands for; where p has no `*`, each `?`
 * of p meets a `?` or a `*` of q, either of which takes its one character.
 * Otherwise not decided (false).
 */
function patternCovers(q: string, p: string): boolean {
  if (q.includes('?') && p.includes('*')) return false;
  return patternRegExp(q).test(p);
}

/** The set without the patterns another of its patterns strictly covers (`*` runs read as one `*`). */
function union(items: string[]): string[] {
  const patterns = sortedSet(items.map((i) => (i.startsWith('s:') ? i.replace(/\*+/g, '*') : i)));
  const strings = patterns.filter((i) => i.startsWith('s:')).map((i) => i.slice(2));
  return patterns.filter((i) => {
    if (!i.startsWith('s:')) return true;
    const p = i.slice(2);
    return !strings.some((q) => q !== p && patternCovers(q, p) && !patternCovers(p, q));
  });
}

/** A string-or-list element as a sorted set; strings mapped by `fold`, other values verbatim. */
function valueSet(value: Json | undefined, fold: (s: string) => string = (s) => s): string[] | null {
  if (value === undefined) return null;
  const items = Array.isArray(value) ? value : [value];
  return sortedSet(items.map((item) => (typeof item === 'string' ? `s:${fold(item)}` : `j:${canonical(item)}`)));
}

/** An Action or Resource list (or a Not list) as the union it reads as. */
function patternSet(value: Json | undefined, fold: (s: string) => string = (s) => s): string[] | null {
  const set = valueSet(value, fold);
  return set && union(set);
}

function principals(value: Json | undefined): unknown {
  if (value === undefined) return null;
  if (isObject(value)) {
    const byType: Record<string, string[]> = {};
    for (const [type, values] of Object.entries(value)) {
      const t = type.trim().toLowerCase();
      byType[t] = sortedSet([...(byType[t] ?? []), ...(valueSet(values) ?? [])]);
    }
    return { object: byType };
  }
  return { list: valueSet(value) };
}

function conditions(value: Json | undefined): unknown {
  if (value === undefined) return null;
  if (!isObject(value)) return { raw: canonical(value) };
  const clauses: string[] = [];
  for (const [operator, body] of Object.entries(value)) {
    const op = operator.trim().toLowerCase();
    if (!isObject(body)) {
      clauses.push(`${op} raw ${canonical(body)}`);
      continue;
    }
    for (const [key, values] of Object.entries(body)) {
      const items = Array.isArray(values) ? values : [values];
      clauses.push(`${op} ${key.trim().toLowerCase()} ${canonical(sortedSet(items.map(canonical)))}`);
    }
  }
  return clauses.sort();
}

function statement(st: Json): string {
  if (!isObject(st)) return canonical({ notAStatement: st });
  const effect = element(st, 'Effect');
  const action = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return canonical({
    effect: effect === undefined ? null : typeof effect === 'string' ? effect.trim().toLowerCase() : { raw: canonical(effect) },
    action: patternSet(element(st, 'Action'), action),
    notAction: patternSet(element(st, 'NotAction'), action),
    resource: patternSet(element(st, 'Resource')),
    notResource: patternSet(element(st, 'NotResource')),
    principal: principals(element(st, 'Principal')),
    condition: conditions(element(st, 'Condition')),
  });
}

interface Grants {
  version: string;
  statements: string[];
}

/** What a policy document grants; throws if the text is not a JSON (or, for .jsonc, JSONC) document. */
function normalise(text: string, jsonc: boolean): Grants | { notAPolicy: string } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let doc: Json;
  if (jsonc) {
    const errors: ParseError[] = [];
    doc = parseJsonc(body, errors, { allowTrailingComma: true, disallowComments: false }) as Json;
    if (errors.length > 0) throw new Error(`not JSONC: error ${errors[0]?.error} at offset ${errors[0]?.offset}`);
  } else {
    doc = JSON.parse(body) as Json;
  }
  if (!isObject(doc)) return { notAPolicy: canonical(doc) };
  const version = element(doc, 'Version');
  const statements = element(doc, 'Statement');
  const list = statements === undefined ? [] : Array.isArray(statements) ? statements : [statements];
  return {
    version: version === undefined ? '1' : typeof version === 'string' ? version.trim() : typeof version === 'number' ? String(version) : canonical(version),
    statements: list.map(statement).sort(),
  };
}

// ---------------------------------------------------------------- the files

interface PolicyFile {
  rel: string;
  kind?: PolicyKind;
  settings?: Record<string, RuleSetting>;
}

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full, out);
    } else if (/\.jsonc?$/i.test(entry.name)) out.push(full);
  }
  return out;
}

/** As test/fixtures.test.ts reads them: `bad-x.permission.json` is linted as that kind; options.json configures the folder's rule. */
function policyFiles(): PolicyFile[] {
  const files = [...walk(path.join(ROOT, 'fixtures')), ...walk(path.join(ROOT, 'examples'))];
  return files
    .filter((f) => path.basename(f) !== 'options.json')
    .map((f) => {
      const rel = path.relative(ROOT, f).split(path.sep).join('/');
      const kind = /\.(permission|trust|bucket|resource)\.jsonc?$/.exec(f)?.[1] as PolicyKind | undefined;
      const optionsFile = path.join(path.dirname(f), 'options.json');
      const rule = builtinRules.get(path.basename(path.dirname(f)));
      const settings =
        rule && fs.existsSync(optionsFile) ? { [rule.meta.id]: { severity: rule.meta.defaultSeverity, options: JSON.parse(fs.readFileSync(optionsFile, 'utf8')) as Record<string, unknown> } } : undefined;
      return { rel, kind, settings };
    });
}

// ---------------------------------------------------------------- the tests

describe('the normaliser', () => {
  const grants = (text: string) => normalise(text, false);
  const base = { Version: '1', Statement: [{ Effect: 'Allow', Action: ['ecs:DescribeInstances'], Resource: ['*'] }] };

  it('sees the same grants in the forms the fixes produce', () => {
    const same = [
      { Statement: [{ Effect: 'Allow', Action: 'ecs:DescribeInstances', Resource: '*' }] },
      { version: 1, statement: { effect: ' allow ', ACTION: ['ECS:DescribeInstances', 'ecs:describeinstances'], Resource: ['*', '*'] } },
    ];
    for (const doc of same) expect(grants(JSON.stringify(doc))).toEqual(grants(JSON.stringify(base)));
  });

  it('sees every change of access (so the safety test can fail)', () => {
    const changed = [
      { ...base, Statement: [{ ...base.Statement[0], Effect: 'Deny' }] },
      { ...base, Statement: [{ ...base.Statement[0], Action: ['ecs:*'] }] },
      { ...base, Statement: [{ ...base.Statement[0], Resource: ['acs:ecs:*:*:instance/i-1'] }] },
      { ...base, Statement: [{ ...base.Statement[0], Resource: ['acs:ecs:*:*:*'] }] },
      { ...base, Statement: [{ ...base.Statement[0], Action: ['ecs:DescribeInstances', 'ecs:Describe*'] }] },
      { ...base, Statement: [{ ...base.Statement[0], NotAction: ['ram:*'] }] },
      { ...base, Statement: [{ ...base.Statement[0], Condition: { Bool: { 'acs:MFAPresent': 'true' } } }] },
      { ...base, Statement: [...base.Statement, ...base.Statement] },
      { ...base, Statement: [] },
      { ...base, Version: '2' },
    ];
    for (const doc of changed) expect(grants(JSON.stringify(doc))).not.toEqual(grants(JSON.stringify(base)));
  });

  it('reads a list as the union of its patterns: an entry another covers grants nothing of its own', () => {
    const lists = (members: Record<string, unknown>) => grants(JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', ...members }] }));
    expect(lists({ Action: ['oss:*', 'oss:GetObject'], Resource: ['acs:oss:*:*:b/*', 'acs:oss:*:*:b/x/*'] })).toEqual(lists({ Action: ['oss:*'], Resource: ['acs:oss:*:*:b/*'] }));
    expect(lists({ NotAction: ['ram:*', 'RAM:Get*'], Resource: '*' })).toEqual(lists({ NotAction: 'ram:*', Resource: '*' }));
    expect(lists({ Action: ['oss:Get*', 'oss:Get**'], Resource: '*' })).toEqual(lists({ Action: ['oss:Get*'], Resource: '*' }));
    // A `?` takes one character, never what a `*` stands for: oss:Get?bject does not cover oss:Get*bject.
    expect(lists({ Action: ['oss:Get?bject', 'oss:Get*bject'], Resource: '*' })).not.toEqual(lists({ Action: ['oss:Get?bject'], Resource: '*' }));
    // Resources compare exactly: acs:oss:*:*:B/* is not inside acs:oss:*:*:b/*.
    expect(lists({ Action: 'oss:GetObject', Resource: ['acs:oss:*:*:b/*', 'acs:oss:*:*:B/*'] })).not.toEqual(lists({ Action: 'oss:GetObject', Resource: ['acs:oss:*:*:b/*'] }));
  });

  it('compares condition operators and keys case-insensitively, values as sets but exactly', () => {
    const cond = (c: unknown) => grants(JSON.stringify({ ...base, Statement: [{ ...base.Statement[0], Condition: c }] }));
    expect(cond({ StringEquals: { 'acs:SourceVpc': ['vpc-1', 'vpc-2'] } })).toEqual(cond({ stringequals: { 'ACS:SourceVpc': ['vpc-2', 'vpc-1', 'vpc-1'] } }));
    expect(cond({ StringEquals: { 'acs:SourceVpc': 'vpc-1' } })).not.toEqual(cond({ StringEquals: { 'acs:SourceVpc': 'VPC-1' } }));
    expect(cond({ Bool: { 'acs:SecureTransport': true } })).not.toEqual(cond({ Bool: { 'acs:SecureTransport': 'true' } }));
  });

  it('reads principal types case-insensitively and principals as sets', () => {
    const trust = (p: unknown) => grants(JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: p }] }));
    expect(trust({ RAM: ['acs:ram::1:root'] })).toEqual(trust({ ram: 'acs:ram::1:root' }));
    expect(trust({ RAM: ['acs:ram::1:root'] })).not.toEqual(trust({ Service: ['acs:ram::1:root'] }));
    expect(trust('*')).not.toEqual(trust({ RAM: '*' }));
  });
});

describe('safe fixes grant nothing new', () => {
  const files = policyFiles();
  const changed: string[] = [];

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.rel.startsWith('fixtures/seeds/'))).toBe(true);
  });

  for (const file of files) {
    it(file.rel, () => {
      const full = path.join(ROOT, file.rel);
      const text = fs.readFileSync(full, 'utf8');
      const outcome = fixText(text, { rules: builtinRules, filePath: full, kind: file.kind, settings: file.settings });
      if (!outcome.changed) {
        expect(outcome.output).toBe(text);
        return;
      }
      changed.push(file.rel);
      const jsonc = /\.jsonc$/i.test(full);
      const before = normalise(text, jsonc);
      const after = normalise(outcome.output, jsonc);
      expect(after).toEqual(before);
      expect(outcome.output.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'));
    });
  }

  it('changed some of the files, so the check above is not vacuous', () => {
    expect(changed.length).toBeGreaterThanOrEqual(5);
  });
});

/**
 * Against the strictest reading of the original (a misspelt element ignored),
 * a case fix can widen access: `condition` → `Condition` narrows a Deny, and
 * `notaction` → `NotAction` makes an Allow grant every other action. Those
 * renames are suggestions; --fix leaves them as written.
 */
describe('case fixes judged against the strictest reading', () => {
  const rules = builtinRules;
  it.each([
    ['a "condition" on a Deny', '{"Version": "1", "Statement": [{"Effect": "Deny", "Action": "oss:DeleteObject", "Resource": "*", "condition": {"Bool": {"acs:SecureTransport": "false"}}}]}', '"condition"'],
    ['a "notaction" on an Allow', '{"Version": "1", "Statement": [{"Effect": "Allow", "notaction": "ram:*", "Resource": "*"}]}', '"notaction"'],
    ['an "action" on an Allow', '{"Version": "1", "Statement": [{"Effect": "Allow", "action": "ecs:DescribeInstances", "Resource": "*"}]}', '"action"'],
  ])('%s is not renamed by --fix', (_, text, key) => {
    const { output } = fixText(text, { rules, filePath: 'p.json' });
    expect(output).toContain(key);
  });

  /**
   * Found by the fuzz harness's never-widens property (scripts/fuzz/widening.js; seed 1, inputs 1865
   * and 4717). With a Principal, a statement without Resource covers every resource (docs/semantics.md),
   * so on a Deny the misspelt "resource", ignored, leaves the Deny on every resource; renamed, the Deny
   * covers only the resources listed, and the Allow grants the rest. unknown-element's renameOnlyNarrows
   * treated every Resource rename on a Deny as narrowing.
   */
  it('a "resource" on a Deny with a Principal is not renamed by --fix', () => {
    const text =
      '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Principal": {"RAM": "acs:ram::1:root"}, "Resource": "acs:oss:*:*:b/*"}, ' +
      '{"Effect": "Deny", "Action": "oss:GetObject", "Principal": {"RAM": "acs:ram::1:root"}, "resource": "acs:oss:*:*:b/public/*"}]}';
    const { output } = fixText(text, { rules, filePath: 'p.json' });
    expect(output).toContain('"resource"');
  });

  /**
   * Also found by the never-widens property (seed 7, input 73668: a mutated
   * fixtures/rules/duplicate-key/bad-effect-written-twice.json). With "Effect" written twice, the
   * model and the evaluator read the last one (as JSON.parse does), but unknown-element's meantEffect
   * takes the first: a misspelt "RESOURCE" on a statement that reads as an Allow is renamed as if on a
   * Deny. Which Effect RAM reads is unknown, so the rename is safe only when it narrows under each.
   */
  it('with "Effect" written twice, a rename safe only on a Deny is not applied', () => {
    const text = '{"Version": "1", "Statement": [{"Effect": "Deny", "Action": "oss:DeleteObject", "RESOURCE": "acs:oss:*:*:logs/*", "Effect": "Allow"}]}';
    const { output } = fixText(text, { rules, filePath: 'p.json' });
    expect(output).toContain('"RESOURCE"');
  });

  it('renames what can only narrow: "notaction" on a Deny, "condition" on an Allow', () => {
    const deny = fixText('{"Version": "1", "Statement": [{"Effect": "Deny", "notaction": "oss:Get*", "Resource": "*"}]}', { rules, filePath: 'p.json' });
    expect(deny.output).toContain('"NotAction"');
    const allow = fixText('{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:DescribeInstances", "Resource": "*", "condition": {"Bool": {"acs:MFAPresent": "true"}}}]}', { rules, filePath: 'p.json' });
    expect(allow.output).toContain('"Condition"');
  });
});
