/**
 * Waivers from configuration: accepting a known risk in plain JSON files,
 * which cannot carry comments. Each names a rule, optionally a statement (by
 * Sid or index) or a JSON path, and always a reason; an expired waiver stops
 * suppressing and the finding says so. Which files a waiver covers is decided
 * by the caller (globs belong to the config layer); this module matches
 * findings within one file.
 */
import type { JsonPath, Policy } from './model';

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

/** The first waiver that covers a finding, or undefined. */
export function findWaiver(waivers: readonly Waiver[], policy: Policy | undefined, ruleId: string, path: JsonPath, formattedPath: string): Waiver | undefined {
  return waivers.find((w) => {
    if (w.rule !== ruleId) return false;
    if (w.path !== undefined && !pathCovers(w.path, formattedPath)) return false;
    if (w.statement !== undefined) {
      const index = statementIndex(path);
      if (index === undefined) return false;
      if (typeof w.statement === 'number') return w.statement === index;
      const sid = policy?.statements.find((s) => s.index === index)?.sid?.valueNode.value;
      return sid === w.statement;
    }
    return true;
  });
}

/** Today's date as `YYYY-MM-DD` in UTC. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
