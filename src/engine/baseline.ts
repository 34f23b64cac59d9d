/**
 * Baselines: adopt ramlint in a repository full of policies and gate only on
 * what is new. Entries are keyed by rule, message, file, JSON path and a hash
 * of the offending value — not by line — so they survive reformatting and
 * moved lines. The message id is part of the key so that a finding that gets
 * worse in place (a confined bucket made public, a read grant made a write
 * grant) is new. Entries that no longer match are stale and reported, so the
 * baseline only shrinks.
 */
import { isCoreDiagnostic } from './core-diagnostics';
import { summarize } from './linter';
import type { LintMessage, LintResult } from './types';

/** node:crypto is required on first use: a plain lint does not load it. */
const createHash = (algorithm: string) => (require('node:crypto') as typeof import('node:crypto')).createHash(algorithm);

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  rule: string;
  /** Which of the rule's messages: a different one at the same place is a different finding. */
  messageId: string;
  /** Path relative to the baseline file's directory, with forward slashes. */
  file: string;
  path: string;
  hash: string;
  count: number;
}

export interface Baseline {
  version: number;
  entries: BaselineEntry[];
}

export function valueHash(message: LintMessage): string {
  return createHash('sha256').update(message.fingerprintValue ?? message.message).digest('hex').slice(0, 16);
}

function keyOf(rule: string, messageId: string, file: string, path: string, hash: string): string {
  return `${rule}\0${messageId}\0${file}\0${path}\0${hash}`;
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
      const messageId = m.messageId ?? '';
      const key = keyOf(m.ruleId, messageId, file, m.path, hash);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { rule: m.ruleId, messageId, file, path: m.path, hash, count: 1 });
    }
  }
  return { version: BASELINE_VERSION, entries: [...counts.values()].sort(compareEntries) };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Code-point order, not locale order: a committed baseline must sort the same on every machine. */
export function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return byCodePoint(a.file, b.file) || byCodePoint(a.path, b.path) || byCodePoint(a.rule, b.rule) || byCodePoint(a.messageId, b.messageId) || byCodePoint(a.hash, b.hash);
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
  const budget = new Map<string, { entry: BaselineEntry; left: number }>();
  for (const entry of baseline.entries) budget.set(keyOf(entry.rule, entry.messageId, entry.file, entry.path, entry.hash), { entry, left: entry.count });
  const linted = new Set<string>();
  const out = results.map((r) => {
    const file = relativeFile(r.filePath);
    linted.add(file);
    const messages: LintMessage[] = [];
    const suppressed: LintMessage[] = [...r.suppressedMessages];
    for (const m of r.messages) {
      const slot = baselinable(m) ? budget.get(keyOf(m.ruleId, m.messageId ?? '', file, m.path, valueHash(m))) : undefined;
      if (slot && slot.left > 0) {
        slot.left--;
        suppressed.push({ ...m, suppressed: { kind: 'baseline', reason: 'present in the baseline' } });
      } else messages.push(m);
    }
    return summarize({ ...r, messages, suppressedMessages: suppressed });
  });
  const stale = [...budget.values()].filter((s) => s.left > 0 && linted.has(s.entry.file)).map((s) => ({ ...s.entry, count: s.left }));
  return { results: out, stale };
}

/** Reads a baseline document; throws a message naming what is wrong. */
export function parseBaseline(value: unknown): Baseline {
  const doc = value as Partial<Baseline> | undefined;
  if (!doc || typeof doc !== 'object' || doc.version !== BASELINE_VERSION || !Array.isArray(doc.entries)) {
    throw new Error(`not a ramlint baseline (expected {"version": ${BASELINE_VERSION}, "entries": [...]})`);
  }
  doc.entries.forEach((e, i) => {
    const ok =
      e && typeof e.rule === 'string' && typeof e.messageId === 'string' && typeof e.file === 'string' && typeof e.path === 'string' && typeof e.hash === 'string' && Number.isInteger(e.count) && e.count > 0;
    if (!ok) throw new Error(`entry ${i} must have rule, messageId, file, path, hash (strings) and count (a positive whole number)`);
  });
  return doc as Baseline;
}
