import { splitAction } from '../engine/analysis/action-catalogue';
import { actionMatcher, everythingExcluded, identityStatements, isAllow, serviceOf } from '../engine/analysis/actions';
import { coversEveryBucket } from '../engine/analysis/arn';
import { type AccessLevel, guessLevel, higherLevel, OSS_ACCOUNT_LEVEL_READS, OSS_ACTIONS } from '../engine/catalog/oss-actions';
import type { Statement } from '../engine/model';
import { replaceNode } from '../engine/edits';
import { defineRule } from '../engine/rule';
import { hasWildcard } from '../engine/wildcard';
import { detached } from '../engine/detached';

interface OssReach {
  level: AccessLevel;
  /** How the statement names the actions, for the message. */
  shown: string;
}

/** The OSS actions a pattern covers, in OSS_ACTIONS order; remembered per pattern (bounded), as files repeat `oss:Get*`. */
const coveredMemo = new Map<string, readonly string[]>();
const MAX_COVERED_MEMO = 4096;

function ossActionsCovered(pattern: string): readonly string[] {
  let covered = coveredMemo.get(pattern);
  if (!covered) {
    const covers = actionMatcher(pattern);
    covered = [...OSS_ACTIONS.keys()].filter((action) => covers(action));
    if (coveredMemo.size >= MAX_COVERED_MEMO) coveredMemo.clear();
    coveredMemo.set(detached(pattern), covered);
  }
  return covered;
}

/** The level one action reaches, or undefined for an account-level read (not counted). */
function levelOf(action: string): AccessLevel | undefined {
  if (OSS_ACCOUNT_LEVEL_READS.has(action.toLowerCase())) return undefined;
  return OSS_ACTIONS.get(action.toLowerCase()) ?? guessLevel(action);
}

/**
 * The distinct levels the OSS actions a wildcard covers reach: all that
 * ossReach needs of the pattern, since every covered action is shown as the
 * pattern itself. Remembered per pattern (bounded), like ossActionsCovered:
 * `oss:*` in file after file was a hundred level lookups each time.
 */
const levelsMemo = new Map<string, readonly AccessLevel[]>();

function levelsCovered(pattern: string): readonly AccessLevel[] {
  let levels = levelsMemo.get(pattern);
  if (!levels) {
    const found: AccessLevel[] = [];
    for (const action of ossActionsCovered(pattern)) {
      const level = levelOf(action);
      if (level !== undefined && !found.includes(level)) found.push(level);
    }
    levels = found;
    if (levelsMemo.size >= MAX_COVERED_MEMO) levelsMemo.clear();
    levelsMemo.set(detached(pattern), levels);
  }
  return levels;
}

/** The highest OSS access level the statement's actions reach, ignoring account-level reads. */
function ossReach(statement: Statement): OssReach | undefined {
  // For each level, the entries (as written) that reach it.
  const byLevel = new Map<AccessLevel, string[]>();
  const reached = (level: AccessLevel, via: string) => {
    const entries = byLevel.get(level) ?? [];
    if (!entries.includes(via)) entries.push(via);
    byLevel.set(level, entries);
  };
  const consider = (action: string, via: string) => {
    const level = levelOf(action);
    if (level !== undefined) reached(level, via);
  };
  if (statement.action) {
    for (const entry of statement.action.values) {
      const service = serviceOf(entry.value);
      if (!hasWildcard(service) && service !== 'oss') continue;
      if (!hasWildcard(entry.value)) {
        // A literal grants only the action it names: a malformed one (`oss:`, `oss:Get Object`) names none
        // (invalid-action-format reports it), so it is not classed by its verb as an unlisted OSS action.
        if (splitAction(entry.value)) consider(entry.value, entry.value);
        continue;
      }
      for (const level of levelsCovered(entry.value)) reached(level, entry.value);
    }
  } else if (statement.notAction) {
    const excluded = statement.notAction.values.map((v) => actionMatcher(v.value));
    for (const action of OSS_ACTIONS.keys()) if (!excluded.some((ex) => ex(action))) consider(action, 'NotAction');
  }
  const level = [...byLevel.keys()].reduce<AccessLevel | undefined>((a, b) => (a ? higherLevel(a, b) : b), undefined);
  if (!level) return undefined;
  const entries = byLevel.get(level) ?? [];
  // A wildcard or NotAction is shown with what it grants at the levels the message is about.
  const levels: AccessLevel[] = level === 'write' || level === 'permissions' ? ['write', 'permissions'] : ['read', 'list'];
  // Only OSS actions apply to a bucket: `*` is counted as the OSS actions it covers, not every action of every service.
  const grants = (e: string) => {
    if (e === 'NotAction') return countText(notActionCounts(statement), levels);
    return hasWildcard(e) ? countText(patternCounts(e), levels) : '';
  };
  const shown = entries.slice(0, 3).map((e) => {
    const text = grants(e);
    const name = e === 'NotAction' ? e : `"${e}"`;
    return text ? `${name} (${text})` : name;
  });
  if (entries.length > 3) shown.push(`${entries.length - 3} more`);
  return { level, shown: shown.join(', ') };
}

const LEVEL_WORDS: Record<AccessLevel, string> = { list: 'list', read: 'read', write: 'write', permissions: 'permission-management' };

/** How many catalogued OSS actions at each level a wildcard entry covers; remembered per pattern (bounded). */
const countsMemo = new Map<string, Readonly<Record<AccessLevel, number>>>();

function patternCounts(pattern: string): Readonly<Record<AccessLevel, number>> {
  let counts = countsMemo.get(pattern);
  if (!counts) {
    const found: Record<AccessLevel, number> = { list: 0, read: 0, write: 0, permissions: 0 };
    for (const action of ossActionsCovered(pattern)) {
      const level = OSS_ACTIONS.get(action);
      if (level !== undefined) found[level]++;
    }
    counts = found;
    if (countsMemo.size >= MAX_COVERED_MEMO) countsMemo.clear();
    countsMemo.set(detached(pattern), counts);
  }
  return counts;
}

/** How many OSS actions at each level a statement's NotAction leaves granted. */
function notActionCounts(statement: Statement): Record<AccessLevel, number> {
  const counts: Record<AccessLevel, number> = { list: 0, read: 0, write: 0, permissions: 0 };
  const excluded = (statement.notAction?.values ?? []).map((v) => actionMatcher(v.value));
  for (const [action, level] of OSS_ACTIONS) if (!excluded.some((ex) => ex(action))) counts[level]++;
  return counts;
}

/** "71 write and 15 permission-management OSS actions"; empty when none. */
function countText(counts: Readonly<Record<AccessLevel, number>>, levels: readonly AccessLevel[]): string {
  const parts = levels.filter((l) => counts[l] > 0).map((l) => `${counts[l]} ${LEVEL_WORDS[l]}`);
  if (parts.length === 0) return '';
  const total = levels.reduce((n, l) => n + counts[l], 0);
  return `${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]} OSS action${total === 1 ? '' : 's'}`;
}

export default defineRule({
  meta: {
    id: 'oss-overbroad-grant',
    category: 'security',
    defaultSeverity: 'error',
    description: 'Disallow OSS access granted on every bucket in the account instead of the buckets that are needed.',
    fixable: 'none',
    hasSuggestions: true,
    foldsInto: ['admin-access'],
    messages: {
      write:
        '{{level}} every bucket is allowed: {{actions}} on "{{resource}}"; scope Resource to the bucket that is needed: "acs:oss:*:*:<bucket>" and "acs:oss:*:*:<bucket>/*".',
      read:
        'Reading every bucket is allowed: {{actions}} on "{{resource}}"; scope Resource to the bucket that is needed: "acs:oss:*:*:<bucket>" and "acs:oss:*:*:<bucket>/*".',
      notResource:
        '{{level}} every bucket not listed under NotResource is allowed through {{actions}}; use Resource with the bucket that is needed: "acs:oss:*:*:<bucket>" and "acs:oss:*:*:<bucket>/*".',
      notResourceRead:
        'Reading every bucket not listed under NotResource is allowed through {{actions}}; use Resource with the bucket that is needed: "acs:oss:*:*:<bucket>" and "acs:oss:*:*:<bucket>/*".',
    },
    messageSeverityCap: { read: 'warning', notResourceRead: 'warning' },
  },
  check(context) {
    for (const statement of identityStatements(context.policy)) {
      // NotAction "*" or NotResource "*" grants nothing (allow-with-not-element says so).
      if (!isAllow(statement) || everythingExcluded(statement)) continue;
      const reach = ossReach(statement);
      if (!reach) continue;
      const writes = reach.level === 'write' || reach.level === 'permissions';
      const level = reach.level === 'permissions' ? 'Writing to and changing permissions on' : reach.level === 'write' ? 'Writing to' : 'Reading';
      if (statement.notResource) {
        const messageId = writes ? 'notResource' : 'notResourceRead';
        context.report({ messageId, node: statement.notResource.keyNode, path: statement.notResource.path, data: { actions: reach.shown, level } });
        continue;
      }
      // Narrowing to one bucket changes access for every action of the statement: only
      // suggested where all of them are OSS actions.
      const ossOnly = !!statement.action && statement.action.values.every((a) => serviceOf(a.value) === 'oss');
      for (const resource of statement.resource?.values ?? []) {
        if (!coversEveryBucket(resource.value)) continue;
        const buckets = '"acs:oss:*:*:<bucket>", "acs:oss:*:*:<bucket>/*"';
        const suggestions = ossOnly
          ? [{ desc: 'Scope Resource to one bucket and its objects (replace <bucket>).', edits: [replaceNode(resource.node, statement.resource?.isArray ? buckets : `[${buckets}]`)] }]
          : undefined;
        context.report({
          suggestions,
          messageId: writes ? 'write' : 'read',
          node: resource.node,
          path: resource.path,
          data: { actions: reach.shown, level, resource: resource.value },
        });
      }
    }
  },
});
