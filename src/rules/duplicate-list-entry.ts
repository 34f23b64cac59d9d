import { createScanner, SyntaxKind } from 'jsonc-parser';
import { isMaskedAccount, splitArn } from '../engine/analysis/arn';
import { hasPlaceholder } from '../engine/analysis/placeholders';
import type { ListMember, LocatedString } from '../engine/model';
import type { JsonNode } from '../engine/parse';
import { defineRule } from '../engine/rule';
import type { TextEdit } from '../engine/types';
import { hasWildcard } from '../engine/wildcard';
import { literalEndsAgree, naiveIncluded } from '../evaluation/fast-checks';
import { glob, type Glob } from '../evaluation/glob';
import { ACTION_IGNORE_CASE, RESOURCE_IGNORE_CASE, STAR_CROSSES_SEPARATORS } from '../evaluation/semantics';

/** Offset of the first comma token in text[from, to), skipping comments; -1 if none. */
function commaBetween(text: string, from: number, to: number): number {
  const scanner = createScanner(text.slice(from, to), false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.CommaToken) return from + scanner.getTokenOffset();
  }
  return -1;
}

/**
 * Deletes the entry with one neighbouring comma, keeping the list's layout
 * and every comment: the comma before it when only whitespace lies between,
 * else the comma after it (comments stay on their lines).
 *
 * An entry of the list's `leading` run (the entries before the first one
 * that stays) has no kept entry before it: it goes with the comma and the
 * space after it, so the next entry takes its place. Every entry of the run
 * is removed so, and each edit ends where the next begins: the edits of one
 * lint never overlap, and each is right alone (a waived finding is not
 * fixed). Any other removed entry has an entry before it.
 */
function removeEntry(text: string, entry: LocatedString, leading: boolean): TextEdit[] {
  const siblings = entry.node.parent?.children ?? [];
  // The path ends in the entry's index: indexOf per repeat is quadratic in a list of 64k repeats.
  const last = entry.path[entry.path.length - 1];
  const index = typeof last === 'number' && siblings[last] === entry.node ? last : siblings.indexOf(entry.node);
  const previous = leading ? undefined : siblings[index - 1];
  const next = siblings[index + 1];
  const start = entry.node.offset;
  const end = start + entry.node.length;
  if (leading) {
    if (next && /^\s*,\s*$/.test(text.slice(end, next.offset))) return [{ offset: start, length: next.offset - start, text: '' }];
  } else if (previous) {
    const prevEnd = previous.offset + previous.length;
    if (/^\s*,\s*$/.test(text.slice(prevEnd, start))) return [{ offset: prevEnd, length: end - prevEnd, text: '' }];
  }
  const after = next ? commaBetween(text, end, next.offset) : -1;
  if (after >= 0) {
    // The spaces after the comma go too, so what follows keeps its column.
    let stop = after + 1;
    while (text[stop] === ' ' || text[stop] === '\t') stop++;
    return [{ offset: start, length: stop - start, text: '' }];
  }
  const before = previous ? commaBetween(text, previous.offset + previous.length, start) : -1;
  return [
    ...(before >= 0 ? [{ offset: before, length: 1, text: '' }] : []),
    { offset: start, length: entry.node.length, text: '' },
  ];
}

/** Pattern pairs compared per list, and the fast check's worst-case work over them: bounded on hostile input. */
const MAX_PAIRS = 1_000_000;
const MAX_WORK = 50_000_000;

interface Candidate {
  entry: LocatedString;
  /** The pattern's text in the list's case rule (actions folded), `*` runs collapsed, as glob() writes it. */
  text: string;
  ignoreCase: boolean;
  /** The patterns themselves, built only for the pairs whose literal ends agree (most pairs differ there). */
  folded?: Glob;
  exact?: Glob;
  /** May this entry stand for the others: a wildcard, and no placeholder or masked account that stands for one unknown value. */
  covers: boolean;
  /** Has a placeholder: only a pattern without `?` may cover it, since `?` cannot stand for a fill of unknown length. */
  placeholder: boolean;
}

function foldedGlob(c: Candidate): Glob {
  if (c.folded === undefined) c.folded = glob(c.entry.value, c.ignoreCase, STAR_CROSSES_SEPARATORS);
  return c.folded;
}

function exactGlob(c: Candidate): Glob {
  if (c.exact === undefined) c.exact = glob(c.entry.value, false, STAR_CROSSES_SEPARATORS);
  return c.exact;
}

/**
 * A masked documentation account (`acs:oss:*:1234****:b/*`) is one unknown
 * account, not the wildcard the stars read as: such an entry covers nothing.
 */
function hasMaskedAccount(value: string): boolean {
  const arn = splitArn(value);
  return !!arn && isMaskedAccount(arn.account);
}

/**
 * Entries that another entry of the same list already covers: every string
 * the entry matches, the other matches too, so removing it leaves the list's
 * union (for NotAction and NotResource, what the statement leaves out)
 * unchanged. Whether a pattern covers another is evaluation's sound fast
 * check (naiveIncluded: never wrongly true), under the matching decisions of
 * evaluation/semantics.ts: actions case-insensitive, resources exact, `*`
 * spanning `/` and `:`.
 *
 * Two entries that cover each other (`oss:Get*`, `oss:Get**`) must not both
 * go: an entry is reported only when a *kept* entry covers it, kept meaning
 * that no other entry beats it (covers it strictly, or equally and earlier).
 * The fix is offered only where the kept entry also covers it compared
 * case-sensitively, so that it is safe whichever way RAM's "generally not
 * case-sensitive" action names fall. Returns entry → the kept entry and
 * whether the fix is safe; empty when the list is too large to compare.
 */
function coveredEntries(member: ListMember, entries: readonly LocatedString[]): Map<LocatedString, { by: LocatedString; fixable: boolean }> {
  const out = new Map<LocatedString, { by: LocatedString; fixable: boolean }>();
  const ignoreCase = member.key.endsWith('Action') ? ACTION_IGNORE_CASE : RESOURCE_IGNORE_CASE;
  // Most lists hold no wildcard, and then nothing covers anything: settled before any pattern is built.
  if (!entries.some((e) => !e.placeholder && hasWildcard(e.value))) return out;
  const candidates: Candidate[] = entries
    .filter((e) => !e.placeholder)
    .map((entry) => {
      const placeholder = hasPlaceholder(entry.value);
      const folded = ignoreCase ? entry.value.toLowerCase() : entry.value;
      return {
        entry,
        text: folded.includes('**') ? folded.replace(/\*+/g, '*') : folded,
        ignoreCase,
        covers: hasWildcard(entry.value) && !placeholder && !hasMaskedAccount(entry.value),
        placeholder,
      };
    });
  const coverers = candidates.filter((c) => c.covers);
  if (coverers.length === 0 || coverers.length * candidates.length > MAX_PAIRS) return out;
  let work = 0;
  // coveredBy.get(p): the candidates that cover p.
  const coveredBy = new Map<Candidate, Set<Candidate>>();
  for (const q of coverers) {
    for (const p of candidates) {
      if (p === q || (p.placeholder && q.text.includes('?'))) continue;
      // Most pairs differ in their literal ends, which settles them in O(|q|); the rest cost O(|p|·|q|).
      const ends = literalEndsAgree(p.text, q.text);
      work += ends ? p.text.length * q.text.length : q.text.length;
      if (work > MAX_WORK) return new Map();
      if (!ends || !naiveIncluded(foldedGlob(p), foldedGlob(q))) continue;
      const set = coveredBy.get(p);
      if (set) set.add(q);
      else coveredBy.set(p, new Set([q]));
    }
  }
  const index = new Map(candidates.map((c, i) => [c, i] as const));
  // q beats p: q covers p, and p does not cover q back, or does but comes later.
  const beats = (q: Candidate, p: Candidate) => !(coveredBy.get(q)?.has(p) ?? false) || (index.get(q) as number) < (index.get(p) as number);
  const kept = new Set(candidates.filter((c) => ![...(coveredBy.get(c) ?? [])].some((q) => beats(q, c))));
  for (const p of candidates) {
    const keptCovers = [...(coveredBy.get(p) ?? [])].filter((q) => kept.has(q) && beats(q, p));
    if (keptCovers.length === 0) continue;
    // The fix needs a kept entry that covers this one compared case-sensitively as well.
    const exactly = keptCovers.find((q) => naiveIncluded(exactGlob(p), exactGlob(q)));
    out.set(p.entry, { by: (exactly ?? (keptCovers[0] as Candidate)).entry, fixable: exactly !== undefined });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'duplicate-list-entry',
    category: 'suggestion',
    // Suggestions are tidy-ups that change no access: info, which no --max-warnings gate counts.
    defaultSeverity: 'info',
    description: 'Disallow the same entry twice in an Action, NotAction, Resource or NotResource list, and entries that a wildcard entry beside them already covers.',
    fixable: 'safe',
    messages: {
      duplicate: '{{key}} lists "{{value}}" twice (first at line {{line}}); remove the repeat.',
      covered: '{{key}} lists "{{value}}", which "{{by}}" (line {{line}}) already covers; remove it.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      for (const member of [statement.action, statement.notAction, statement.resource, statement.notResource]) {
        if (!member?.isArray) continue;
        // Actions compare case-insensitively, resources exactly.
        const fold = member.key.endsWith('Action') ? (s: string) => s.toLowerCase() : (s: string) => s;
        const seen = new Map<string, JsonNode>();
        // The first occurrence of each entry: the repeats are reported as such, not as covered.
        const firsts: LocatedString[] = [];
        const repeats: { entry: LocatedString; first: JsonNode }[] = [];
        for (const entry of member.values) {
          const key = fold(entry.value);
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, entry.node);
            firsts.push(entry);
          } else repeats.push({ entry, first });
        }
        const covered = firsts.length < 2 ? new Map<LocatedString, { by: LocatedString; fixable: boolean }>() : coveredEntries(member, firsts);
        if (repeats.length === 0 && covered.size === 0) continue;
        // The entries the fixes remove, and the run of them that opens the list.
        const removed = new Set<JsonNode>(repeats.map((r) => r.entry.node));
        for (const [entry, { fixable }] of covered) if (fixable) removed.add(entry.node);
        const leading = new Set<JsonNode>();
        for (const child of member.valueNode.children ?? []) {
          if (!removed.has(child)) break;
          leading.add(child);
        }
        const text = context.source.text;
        for (const { entry, first } of repeats) {
          context.report({
            messageId: 'duplicate',
            node: entry.node,
            data: { key: member.key, value: entry.value },
            // The engine words the line, in the host file's lines for a policy embedded in one.
            related: { line: first },
            fix: removeEntry(text, entry, leading.has(entry.node)),
          });
        }
        for (const [entry, { by, fixable }] of covered) {
          context.report({
            messageId: 'covered',
            node: entry.node,
            data: { key: member.key, value: entry.value, by: by.value },
            related: { line: by.node },
            ...(fixable ? { fix: removeEntry(text, entry, leading.has(entry.node)) } : {}),
          });
        }
      }
    }
  },
});
