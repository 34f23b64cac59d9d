/**
 * Waivers from configuration: accepting a known risk in plain JSON files,
 * which cannot carry comments. Each names a rule, optionally a statement (by
 * Sid or index) or a JSON path, and always a reason; an expired waiver stops
 * suppressing and the finding says so. Which files a waiver covers is decided
 * by the caller (globs belong to the config layer); this module matches
 * findings within one file.
 *
 * A waiver by Sid names one statement: when two statements share the Sid (a
 * copied statement keeps it), the waiver is ambiguous, suppresses nothing and
 * is reported, so a new statement cannot hide behind an old waiver.
 */
import { formatPath, type JsonPath, type Policy, type Statement } from './model';
import type { JsonNode } from './parse';

export interface Waiver {
  /** Where it is declared, e.g. `ramlint.config.jsonc: waivers[2]`; identifies it in reports. */
  id: string;
  rule: string;
  /** A statement's Sid, or its 0-based index. */
  statement?: string | number;
  /** A JSON path such as `Statement[0].Resource`; it also covers everything below it. */
  path?: string;
  reason: string;
  /** Last day the waiver applies, `YYYY-MM-DD` (inclusive). */
  expires?: string;
  owner?: string;
}

export function isExpired(waiver: Waiver, today: string): boolean {
  return waiver.expires !== undefined && waiver.expires < today;
}

function statementIndex(path: JsonPath): number | undefined {
  if (path[0] !== 'Statement') return undefined;
  return typeof path[1] === 'number' ? path[1] : 0;
}

function pathCovers(waiverPath: string, findingPath: string): boolean {
  if (findingPath === waiverPath) return true;
  if (!findingPath.startsWith(waiverPath)) return false;
  const next = findingPath[waiverPath.length];
  return next === '.' || next === '[';
}

/** Statement indices by Sid, built once per policy: a lookup per finding stays O(1). */
const sidIndices = new WeakMap<Policy, Map<string, Statement[]>>();

function statementsBySid(policy: Policy): Map<string, Statement[]> {
  let map = sidIndices.get(policy);
  if (!map) {
    map = new Map();
    for (const s of policy.statements) {
      const sid = s.sid?.valueNode.value;
      if (typeof sid !== 'string') continue;
      const list = map.get(sid);
      if (list) list.push(s);
      else map.set(sid, [s]);
    }
    sidIndices.set(policy, map);
  }
  return map;
}

/** A finding's message once the waiver that covered it has expired: the finding is back, and says why. */
export function withExpiredWaiver(message: string, waiver: Waiver): string {
  return `${message} (The waiver in ${waiver.id} expired on ${waiver.expires}: ${waiver.reason})`;
}

/** The first waiver that covers a finding, or undefined. */
export function findWaiver(waivers: readonly Waiver[], policy: Policy | undefined, ruleId: string, path: JsonPath, formattedPath: string): Waiver | undefined {
  return waivers.find((w) => {
    if (w.rule !== ruleId) return false;
    if (w.path !== undefined && !pathCovers(w.path, formattedPath)) return false;
    if (w.statement !== undefined) {
      const index = statementIndex(path);
      if (index === undefined) return false;
      if (typeof w.statement === 'number') return w.statement === index;
      const named = policy ? statementsBySid(policy).get(w.statement) : undefined;
      // Exactly one statement with the Sid: two make the waiver ambiguous.
      return named?.length === 1 && (named[0] as Statement).index === index;
    }
    return true;
  });
}

export interface AmbiguousWaiver {
  message: string;
  /** The Sid of the second statement that has it. */
  node: JsonNode;
  path: JsonPath;
}

/** Waivers by a Sid that more than one statement of this policy has, as invalid-waiver problems. */
export function ambiguousWaivers(waivers: readonly Waiver[], policy: Policy): AmbiguousWaiver[] {
  const out: AmbiguousWaiver[] = [];
  for (const waiver of waivers) {
    if (typeof waiver.statement !== 'string') continue;
    const statements = statementsBySid(policy).get(waiver.statement);
    if (!statements || statements.length < 2) continue;
    const second = statements[1] as Statement;
    const where = statements.map((st) => formatPath(st.path)).join(', ');
    out.push({
      message: `The waiver in ${waiver.id} names Sid "${waiver.statement}", which ${statements.length} statements have (${where}); it waives nothing until the Sid is unique.`,
      node: second.sid?.valueNode ?? second.node,
      path: [...second.path, 'Sid'],
    });
  }
  return out;
}

/** Today's date as `YYYY-MM-DD` in UTC. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
