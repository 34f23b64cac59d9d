import { actionMatcher, isAllow, serviceOf } from '../engine/analysis/actions';
import { coversEveryBucket } from '../engine/analysis/arn';
import { type AccessLevel, guessLevel, higherLevel, OSS_ACCOUNT_LEVEL_READS, OSS_ACTIONS } from '../engine/catalog/oss-actions';
import type { Statement } from '../engine/model';
import { defineRule } from '../engine/rule';
import { hasWildcard } from '../engine/wildcard';

interface OssReach {
  level: AccessLevel;
  /** How the statement names the actions, for the message. */
  shown: string;
}

/** The highest OSS access level the statement's actions reach, ignoring account-level reads. */
function ossReach(statement: Statement): OssReach | undefined {
  let level: AccessLevel | undefined;
  const shown: string[] = [];
  const consider = (action: string, via: string) => {
    if (OSS_ACCOUNT_LEVEL_READS.has(action.toLowerCase())) return;
    const l = OSS_ACTIONS.get(action.toLowerCase()) ?? guessLevel(action);
    level = level ? higherLevel(level, l) : l;
    if (!shown.includes(via)) shown.push(via);
  };
  if (statement.action) {
    for (const entry of statement.action.values) {
      const service = serviceOf(entry.value);
      if (!hasWildcard(service) && service !== 'oss') continue;
      const covers = actionMatcher(entry.value);
      if (!hasWildcard(entry.value)) consider(entry.value, entry.value);
      else for (const action of OSS_ACTIONS.keys()) if (covers(action)) consider(action, entry.value);
    }
  } else if (statement.notAction) {
    const excluded = statement.notAction.values.map((v) => actionMatcher(v.value));
    for (const action of OSS_ACTIONS.keys()) if (!excluded.some((ex) => ex(action))) consider(action, 'NotAction');
  }
  return level ? { level, shown: shown.slice(0, 3).map((s) => (s === 'NotAction' ? s : `"${s}"`)).join(', ') } : undefined;
}

export default defineRule({
  meta: {
    id: 'oss-overbroad-grant',
    category: 'security',
    defaultSeverity: 'error',
    description: 'Disallow OSS access granted on every bucket in the account instead of the buckets that are needed.',
    fixable: 'none',
    kinds: ['permission'],
    supersededBy: ['admin-access'],
    messages: {
      write:
        '{{actions}} allows {{level}} on "{{resource}}", which covers every bucket; scope Resource to the bucket that is needed: "acs:oss:*:*:<bucket>" and "acs:oss:*:*:<bucket>/*".',
      read:
        '{{actions}} allows reading "{{resource}}", which covers every bucket; scope Resource to the bucket that is needed: "acs:oss:*:*:<bucket>" and "acs:oss:*:*:<bucket>/*".',
      notResource:
        '{{actions}} allows {{level}} with NotResource, which covers every bucket it does not list; use Resource with the bucket that is needed: "acs:oss:*:*:<bucket>" and "acs:oss:*:*:<bucket>/*".',
    },
    messageSeverityCap: { read: 'warning' },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      if (!isAllow(statement)) continue;
      const reach = ossReach(statement);
      if (!reach) continue;
      const writes = reach.level === 'write' || reach.level === 'permissions';
      const level = reach.level === 'permissions' ? 'writing and changing permissions' : reach.level === 'write' ? 'writing' : 'reading';
      if (statement.notResource) {
        context.report({ messageId: 'notResource', node: statement.notResource.keyNode, path: statement.notResource.path, data: { actions: reach.shown, level } });
        continue;
      }
      for (const resource of statement.resource?.values ?? []) {
        if (!coversEveryBucket(resource.value)) continue;
        context.report({
          messageId: writes ? 'write' : 'read',
          node: resource.node,
          path: resource.path,
          data: { actions: reach.shown, level, resource: resource.value },
        });
      }
    }
  },
});
