/**
 * Questions about actions that the catalogue answers, shared by rules and
 * exported to plugins: is this action known, which known actions does a
 * wildcard cover, and what does a pattern grant, in words.
 */
import { type AccessLevel, type CatalogueAction, type CatalogueService, type CatalogueTier, catalogue } from '../catalog/catalogue';
import { closest } from '../closest';
import { hasWildcard } from '../wildcard';
import { actionMatcher } from './actions';
import { detached } from '../detached';

/** Longer names get no did-you-mean: the edit distance is quadratic and such names are not typos. */
export const MAX_SUGGESTION_LENGTH = 80;
/** Did-you-means per view (one file and rule): a file of many unknown actions must not cost seconds. */
export const MAX_SUGGESTIONS = 100;

/** The parts of a `service:Action` string, or undefined when it has another shape (invalid-action-format's business). */
export function splitAction(value: string): { service: string; name: string } | undefined {
  const match = /^([A-Za-z0-9_.-]+):([A-Za-z0-9_.*?-]+)$/.exec(value);
  if (!match) return undefined;
  return { service: (match[1] as string).toLowerCase(), name: match[2] as string };
}

/** What the user's configuration adds to the catalogue: extra actions (`svc:Name`, `svc:*`) and services left unchecked. */
export interface CatalogueExtension {
  actions?: readonly string[];
  ignoreServices?: readonly string[];
}

/** The catalogue as one configuration sees it. */
export class CatalogueView {
  private readonly extraActions = new Set<string>();
  private readonly extraServices = new Set<string>();
  /** Services whose every action the user declared known (`svc:*`). */
  private readonly openServices = new Set<string>();
  private readonly ignored: ReadonlySet<string>;
  private readonly extraPatterns: ((action: string) => boolean)[] = [];
  /** Services with a wildcard entry of the user's own (`svc:Foo*`). */
  private readonly patternServices = new Set<string>();
  private suggestionsLeft = MAX_SUGGESTIONS;

  constructor(extension: CatalogueExtension = {}) {
    for (const value of extension.actions ?? []) {
      const parts = splitAction(value);
      if (!parts) continue;
      this.extraServices.add(parts.service);
      if (parts.name === '*') this.openServices.add(parts.service);
      else if (hasWildcard(parts.name)) {
        this.extraPatterns.push(actionMatcher(value));
        this.patternServices.add(parts.service);
      }
      else this.extraActions.add(value.toLowerCase());
    }
    this.ignored = new Set((extension.ignoreServices ?? []).map((s) => s.toLowerCase()));
  }

  isIgnored(service: string): boolean {
    return this.ignored.has(service) || this.openServices.has(service);
  }

  service(code: string): CatalogueService | undefined {
    return catalogue().services.get(code);
  }

  /** A RAM code known to exist: listed, named, or declared in the configuration. */
  isKnownService(code: string): boolean {
    const c = catalogue();
    return c.services.has(code) || c.namedServices.has(code) || this.extraServices.has(code) || this.ignored.has(code);
  }

  /** The catalogue entry, or `extra` for an action the configuration declares, or undefined. */
  lookup(action: string): CatalogueAction | 'extra' | undefined {
    const key = action.toLowerCase();
    const entry = catalogue().action(key);
    if (entry) return entry;
    if (this.extraActions.has(key) || this.extraPatterns.some((p) => p(key))) return 'extra';
    return undefined;
  }

  /** Does the pattern (with `*`/`?` in the action part) cover a known action of the service? */
  matchesAny(service: string, pattern: string): boolean {
    if (catalogueMatches(service, pattern)) return true;
    // A user's own wildcard entry (svc:Foo*) may overlap the pattern: give it the benefit of the doubt.
    if (this.patternServices.has(service)) return true;
    const covers = actionMatcher(pattern);
    return [...this.extraActions].some((a) => covers(a));
  }

  /** A close known action of the same service, compared case-insensitively, for a did-you-mean. */
  suggestAction(service: string, name: string): string | undefined {
    if (!this.takeSuggestion(name)) return undefined;
    return this.closestAction(service, name);
  }

  /** suggestAction without the per-view budget: the same answer for the same (service, name). */
  closestAction(service: string, name: string): string | undefined {
    const entries = this.service(service)?.actions ?? [];
    const memo = suggestionsFor(entries);
    const lower = name.toLowerCase();
    if (memo.has(lower)) return memo.get(lower);
    const names = lowerNames(entries);
    const best = closest(lower, plausible(lower, names));
    const suggestion = best === undefined ? undefined : entries[names.indexOf(best)]?.action;
    // Bounded: a hostile file full of distinct names must not grow memory without end.
    if (memo.size < MAX_MEMO) memo.set(detached(lower), suggestion);
    return suggestion;
  }

  private takeSuggestion(word: string): boolean {
    if (word.length > MAX_SUGGESTION_LENGTH || this.suggestionsLeft <= 0) return false;
    this.suggestionsLeft--;
    return true;
  }

  /** A close known RAM code, for a did-you-mean on an unknown service prefix. */
  suggestService(code: string): string | undefined {
    if (!this.takeSuggestion(code)) return undefined;
    return this.closestService(code);
  }

  /** suggestService without the per-view budget. */
  closestService(code: string): string | undefined {
    const c = catalogue();
    return closest(code, plausible(code, [...c.services.keys(), ...c.namedServices]));
  }

  /** The action an API name stands for (`oss:HeadObject` -> `oss:GetObject`), when the name is an API and not an action. */
  apiAction(action: string): string | undefined {
    return catalogue().apiActions.get(action.toLowerCase());
  }
}

/** Does the pattern cover an action the catalogue lists for the service? By (service, pattern), bounded: the catalogue never changes. */
const catalogueMatchMemo = new Map<string, boolean>();

function catalogueMatches(service: string, pattern: string): boolean {
  const key = `${service}\0${pattern}`;
  let answer = catalogueMatchMemo.get(key);
  if (answer === undefined) {
    const covers = actionMatcher(pattern);
    answer = (catalogue().services.get(service)?.actions ?? []).some((a) => covers(a.action));
    if (catalogueMatchMemo.size >= MAX_MEMO) catalogueMatchMemo.clear();
    catalogueMatchMemo.set(detached(key), answer);
  }
  return answer;
}

const namesOf = new WeakMap<readonly CatalogueAction[], string[]>();
const suggestionMemo = new WeakMap<readonly CatalogueAction[], Map<string, string | undefined>>();
const MAX_MEMO = 10_000;

/** Past suggestions for a service's list: repositories repeat the same misspellings in many files. */
function suggestionsFor(entries: readonly CatalogueAction[]): Map<string, string | undefined> {
  let memo = suggestionMemo.get(entries);
  if (!memo) {
    memo = new Map();
    suggestionMemo.set(entries, memo);
  }
  return memo;
}

/** The lower-cased action names of a service's entries, computed once per list. */
function lowerNames(entries: readonly CatalogueAction[]): string[] {
  let names = namesOf.get(entries);
  if (!names) {
    names = entries.map((a) => a.action.slice(a.action.indexOf(':') + 1).toLowerCase());
    namesOf.set(entries, names);
  }
  return names;
}

/**
 * The candidates closest() could pick for `word`: a prefix either way, or a
 * length within its distance limit. Filtering first keeps the quadratic edit
 * distance off the hundreds of names that cannot win.
 */
function plausible(word: string, candidates: readonly string[]): string[] {
  const limit = Math.max(1, Math.floor(word.length / 4)) + 1;
  return candidates.filter((c) => Math.abs(c.length - word.length) < limit || c.startsWith(word) || word.startsWith(c));
}

export type { AccessLevel, CatalogueAction, CatalogueTier };

export interface PatternDescription {
  /** The known actions the pattern covers. */
  actions: CatalogueAction[];
  /** How many of them at each access level. */
  counts: Record<AccessLevel, number>;
  /** "12 write and 6 permission-management actions", or "42 read actions"; empty when it covers none. */
  text: string;
}

const LEVEL_WORDS: Record<AccessLevel, string> = { list: 'list', read: 'read', write: 'write', permissions: 'permission-management' };
const LEVEL_ORDER: readonly AccessLevel[] = ['permissions', 'write', 'read', 'list'];

/**
 * What an action pattern grants, from the catalogue: `ecs:Describe*` ->
 * "N read actions", `oss:*` -> "N write, M permission-management, … actions".
 * Only services the catalogue lists are counted, so for a pattern over an
 * unlisted service the text is empty.
 */
export function describeActionPattern(pattern: string, levels: readonly AccessLevel[] = LEVEL_ORDER): PatternDescription {
  const counts: Record<AccessLevel, number> = { list: 0, read: 0, write: 0, permissions: 0 };
  const covers = actionMatcher(pattern);
  const colon = pattern.indexOf(':');
  const service = colon < 0 ? undefined : pattern.slice(0, colon).toLowerCase();
  const c = catalogue();
  const pool = service !== undefined && !hasWildcard(service) ? (c.services.get(service)?.actions ?? []) : c.allActions();
  const actions = pool.filter((a) => covers(a.action));
  for (const a of actions) counts[a.level]++;
  const parts = levels.filter((l) => counts[l] > 0).map((l) => `${counts[l]} ${LEVEL_WORDS[l]}`);
  const text = parts.length === 0 ? '' : `${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]} action${actions.length === 1 ? '' : 's'}`;
  return { actions, counts, text };
}

/**
 * describeActionPattern(pattern, levels).text, remembered per (levels, pattern):
 * a rule that only words its message need not re-scan the catalogue for the
 * `oss:*` of every file. Bounded; the catalogue never changes.
 */
const describedText = new Map<string, string>();

export function describeActionPatternText(pattern: string, levels: readonly AccessLevel[] = LEVEL_ORDER): string {
  const key = `${levels.join(',')}\0${pattern}`;
  let text = describedText.get(key);
  if (text === undefined) {
    text = detached(describeActionPattern(pattern, levels).text);
    if (describedText.size >= MAX_MEMO) describedText.clear();
    describedText.set(detached(key), text);
  }
  return text;
}

/** Work left for a caller that compares many pairs (one rule on one file); once spent, pairs are assumed to overlap. */
export interface OverlapBudget {
  cells: number;
}

/** Pattern pairs longer than this (product of lengths) are not compared: assumed to overlap. */
const MAX_OVERLAP_CELLS = 250_000;

/**
 * Can two wildcard patterns (`*` any run, `?` one character) match a common
 * string? Case-insensitive. Exact, by dynamic programming over both patterns,
 * in time and memory bounded by MAX_OVERLAP_CELLS; beyond that the answer is
 * "yes", which keeps callers from reporting what they could not check.
 */
export function patternsOverlap(a: string, b: string, budget?: OverlapBudget): boolean {
  const p = a.toLowerCase();
  const q = b.toLowerCase();
  const n = p.length;
  const m = q.length;
  const cells = (n + 1) * (m + 1);
  if (cells > MAX_OVERLAP_CELLS) return true;
  if (budget) {
    if (budget.cells < cells) return true;
    budget.cells -= cells;
  }
  // next[j] = row i+1, row[j] = row i.
  let next = new Uint8Array(m + 1);
  let row = new Uint8Array(m + 1);
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      let ok: boolean;
      if (i === n && j === m) ok = true;
      else if (i < n && p[i] === '*') ok = next[j] === 1 || (j < m && row[j + 1] === 1);
      else if (j < m && q[j] === '*') ok = row[j + 1] === 1 || (i < n && next[j] === 1);
      else ok = i < n && j < m && (p[i] === q[j] || p[i] === '?' || q[j] === '?') && next[j + 1] === 1;
      row[j] = ok ? 1 : 0;
    }
    [next, row] = [row, next];
  }
  return next[0] === 1;
}

/**
 * An ARN template of the catalogue (`acs:log:{#regionId}:{#accountId}:project/{#ProjectName}`)
 * as a wildcard pattern: each `{#…}` placeholder is any value, and an empty
 * region or account field is left open (global services are written both ways).
 */
export function templatePattern(template: string): string {
  const filled = template.replace(/\{#[^{}]*\}/g, '*');
  const parts = filled.split(':');
  if (parts.length >= 5 && parts[0] === 'acs') {
    if (parts[2] === '') parts[2] = '*';
    if (parts[3] === '') parts[3] = '*';
  }
  return parts.join(':');
}

/**
 * Can a Resource pattern name a resource of the ARN template? Compared field
 * by field (service, region, account, resource path), because a `*` in the
 * region of `acs:log:*:*:project/a` stands for a region, not for the colons
 * and fields after it; whole strings when either is not a five-field ARN.
 */
export function resourceMatchesTemplate(resource: string, template: string, budget?: OverlapBudget): boolean {
  const a = arnFields(resource);
  const b = arnFields(templatePattern(template));
  if (!a || !b) return patternsOverlap(resource, templatePattern(template), budget);
  return a.every((field, i) => patternsOverlap(field, b[i] as string, budget));
}

function arnFields(value: string): string[] | undefined {
  const parts = value.split(':');
  if (parts.length < 5 || parts[0]?.toLowerCase() !== 'acs') return undefined;
  return [...parts.slice(1, 4), parts.slice(4).join(':')];
}
