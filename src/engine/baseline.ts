/**
 * Baselines: adopt ramlint in a repository full of policies and gate only on
 * what is new. An entry records what a finding is about: rule, message id,
 * file, the statement (its Sid, or a hash of its content when it has no
 * unique Sid), the JSON path and a hash of the offending value — never the
 * line, so reformatting and moved lines change nothing.
 *
 * Findings are matched in two rounds. First by statement: rule, message id,
 * file, statement anchor, the path within the statement without list indices,
 * and the value — so inserting, removing or reordering other statements
 * leaves old findings suppressed. Then what is left by the full path and
 * value, for a statement whose own content was edited (its hash changed) but
 * whose finding is still where it was. An entry suppresses at most its count
 * across both rounds, so a new copy of an old statement is new.
 *
 * The message id is part of the key so that a finding that gets worse in
 * place (a confined bucket made public, a read grant made a write grant) is
 * new. Entries that no longer match are stale and reported, so the baseline
 * only shrinks. Version 1 baselines (no statement anchors) are still read;
 * their entries match in the second round only.
 */
import { isCoreDiagnostic } from './core-diagnostics';
import { summarize } from './linter';
import { sha256Hex } from './sha256';
import type { LintMessage, LintResult } from './types';

export const BASELINE_VERSION = 2;
const READABLE_VERSIONS = [1, 2];

export interface BaselineEntry {
  rule: string;
  /** Which of the rule's messages: a different one at the same place is a different finding. */
  messageId: string;
  /** Path relative to the baseline file's directory, with forward slashes. */
  file: string;
  /** `sid:<Sid>` or `hash:<hex>`; "" outside any statement. Absent in an entry from a version 1 baseline. */
  statement?: string;
  path: string;
  hash: string;
  count: number;
}

export interface Baseline {
  version: number;
  entries: BaselineEntry[];
}

export function valueHash(message: LintMessage): string {
  return sha256Hex(message.fingerprintValue ?? message.message).slice(0, 16);
}

/** `Statement[3].Condition.StringEquals["acs:Service"][0]` → `Condition.StringEquals["acs:Service"]`. */
export function pathInStatement(path: string): string {
  const local = path.replace(/^Statement(?:\[\d+\])?(?=\.|\[|$)\.?/, '');
  return local.replace(/\[\d+\]/g, '');
}

function pathKey(rule: string, messageId: string, file: string, path: string, hash: string): string {
  return `${rule}\0${messageId}\0${file}\0${path}\0${hash}`;
}

function anchorKey(rule: string, messageId: string, file: string, statement: string, path: string, hash: string): string {
  return `${rule}\0${messageId}\0${file}\0${statement}\0${pathInStatement(path)}\0${hash}`;
}

/**
 * Findings that a baseline may hold: errors and warnings of rules. Never a core
 * diagnostic: a file that could not be read or parsed was not checked, and a
 * baseline entry for it would hide it for good, whatever it later contains.
 */
function baselinable(m: LintMessage): boolean {
  return m.severity !== 'info' && !isCoreDiagnostic(m.ruleId);
}

export function buildBaseline(results: readonly LintResult[], relativeFile: (filePath: string) => string): Baseline {
  const counts = new Map<string, BaselineEntry>();
  for (const r of results) {
    const file = relativeFile(r.filePath);
    for (const m of r.messages) {
      if (!baselinable(m)) continue;
      const hash = valueHash(m);
      const statement = m.statement ?? '';
      const key = `${pathKey(m.ruleId, m.messageId ?? '', file, m.path, hash)}\0${statement}`;
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { rule: m.ruleId, messageId: m.messageId ?? '', file, statement, path: m.path, hash, count: 1 });
    }
  }
  return { version: BASELINE_VERSION, entries: [...counts.values()].sort(compareEntries) };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Code-point order, not locale order: a committed baseline must sort the same on every machine. */
export function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return (
    byCodePoint(a.file, b.file) ||
    byCodePoint(a.statement ?? '', b.statement ?? '') ||
    byCodePoint(a.path, b.path) ||
    byCodePoint(a.rule, b.rule) ||
    byCodePoint(a.messageId, b.messageId) ||
    byCodePoint(a.hash, b.hash)
  );
}

export interface BaselineOutcome {
  results: LintResult[];
  /** Entries for linted files that matched nothing (or fewer findings than counted). */
  stale: BaselineEntry[];
}

/**
 * Moves baselined findings to suppressedMessages. Only entries for files in
 * this run can be judged stale: a run over part of the repository says nothing
 * about the rest.
 */
export function applyBaseline(results: readonly LintResult[], baseline: Baseline, relativeFile: (filePath: string) => string): BaselineOutcome {
  const matcher = baselineMatcher(baseline, relativeFile);
  const out = results.map((r) => matcher.apply(r));
  return { results: out, stale: matcher.stale() };
}

export interface BaselineMatcher {
  /** The result with its baselined findings moved to suppressedMessages. */
  apply(result: LintResult): LintResult;
  /** Entries for the files applied so far that matched nothing (or fewer findings than counted). */
  stale(): BaselineEntry[];
}

/** applyBaseline one result at a time, for a run that streams its results. */
export function baselineMatcher(baseline: Baseline, relativeFile: (filePath: string) => string): BaselineMatcher {
  type Slot = { entry: BaselineEntry; left: number };
  const byAnchor = new Map<string, Slot[]>();
  const byPath = new Map<string, Slot[]>();
  const add = (map: Map<string, Slot[]>, key: string, slot: Slot) => {
    const list = map.get(key);
    if (list) list.push(slot);
    else map.set(key, [slot]);
  };
  const slots: Slot[] = baseline.entries.map((entry) => ({ entry, left: entry.count }));
  for (const slot of slots) {
    const { rule, messageId, file, statement, path, hash } = slot.entry;
    if (statement !== undefined) add(byAnchor, anchorKey(rule, messageId, file, statement, path, hash), slot);
    add(byPath, pathKey(rule, messageId, file, path, hash), slot);
  }
  const take = (map: Map<string, Slot[]>, key: string) => {
    const slot = map.get(key)?.find((s) => s.left > 0);
    if (slot) slot.left--;
    return slot !== undefined;
  };
  const linted = new Set<string>();
  return {
    apply(r) {
      const file = relativeFile(r.filePath);
      linted.add(file);
      const hashes = r.messages.map((m) => (baselinable(m) ? valueHash(m) : ''));
      const matched = r.messages.map((m, i) => hashes[i] !== '' && take(byAnchor, anchorKey(m.ruleId, m.messageId ?? '', file, m.statement ?? '', m.path, hashes[i] as string)));
      r.messages.forEach((m, i) => {
        if (hashes[i] !== '' && !matched[i]) matched[i] = take(byPath, pathKey(m.ruleId, m.messageId ?? '', file, m.path, hashes[i] as string));
      });
      const messages: LintMessage[] = [];
      const suppressed: LintMessage[] = [...r.suppressedMessages];
      r.messages.forEach((m, i) => {
        if (matched[i]) suppressed.push({ ...m, suppressed: { kind: 'baseline', reason: 'present in the baseline' } });
        else messages.push(m);
      });
      return summarize({ ...r, messages, suppressedMessages: suppressed });
    },
    stale() {
      const stale: BaselineEntry[] = [];
      for (const s of slots) if (s.left > 0 && linted.has(s.entry.file)) stale.push({ ...s.entry, count: s.left });
      return stale;
    },
  };
}

/** Reads a baseline document; throws a message naming what is wrong. */
export function parseBaseline(value: unknown): Baseline {
  const doc = value as Partial<Baseline> | undefined;
  if (!doc || typeof doc !== 'object' || !READABLE_VERSIONS.includes(doc.version as number) || !Array.isArray(doc.entries)) {
    throw new Error(`not a ramlint baseline (expected {"version": ${BASELINE_VERSION}, "entries": [...]}; version 1 is read too)`);
  }
  const v1 = doc.version === 1;
  doc.entries.forEach((e, i) => {
    const ok =
      e && typeof e.rule === 'string' && typeof e.messageId === 'string' && typeof e.file === 'string' && typeof e.path === 'string' && typeof e.hash === 'string' && Number.isInteger(e.count) && e.count > 0;
    if (!ok) throw new Error(`entry ${i} must have rule, messageId, file, path, hash (strings) and count (a positive whole number)`);
    if (e.statement !== undefined && (v1 || typeof e.statement !== 'string')) throw new Error(`entry ${i}: "statement" must be a string, and only in a version ${BASELINE_VERSION} baseline`);
  });
  // Entries of a version 1 baseline carry no statement and match by their full path only.
  return { version: BASELINE_VERSION, entries: doc.entries.map((e) => ({ ...e })) };
}
