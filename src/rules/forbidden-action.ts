/**
 * The organisation's own deny list (Access Analyzer's CheckAccessNotGranted):
 * actions no policy of the repository may allow. Inert until `actions` is
 * configured.
 */
import { everythingExcluded, isAllow } from '../engine/analysis/actions';
import { coversEverything } from '../engine/analysis/arn';
import type { Statement } from '../engine/model';
import { defineRule } from '../engine/rule';
import { hasWildcard, wildcardMatch, wildcardsIntersect } from '../engine/wildcard';

/**
 * Does the action pattern `entry` take in every action `forbidden` names?
 * Exact for a concrete forbidden action; for a forbidden pattern, only the
 * forms that surely do (`*`, the same pattern, a prefix with `*`), so a
 * NotAction or a Deny is never taken to exclude more than it does.
 */
function coversAll(entry: string, forbidden: string): boolean {
  const e = entry.trim().toLowerCase();
  const f = forbidden.trim().toLowerCase();
  if (!hasWildcard(f)) return wildcardMatch(e, f);
  if (e === f || /^\*+$/.test(e)) return true;
  const prefix = /^([^*?]*)\*+$/.exec(e)?.[1];
  return prefix !== undefined && f.startsWith(prefix);
}

/**
 * Work allowed per file for comparing entries with forbidden patterns
 * (character pairs the comparison may visit). The config and the policy may
 * both come from an untrusted tree: past it, an entry counts as allowing the
 * forbidden actions, so the gate fails rather than hangs or passes.
 */
const MAX_WORK = 50_000_000;

/** The literal starts of the two patterns, up to the first wildcard of either, agree (ignoring case); otherwise they share no action. */
function startsAgree(a: string, b: string): boolean {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === '*' || x === '?' || y === '*' || y === '?') return true;
    if (x !== y && x.toLowerCase() !== y.toLowerCase()) return false;
  }
  return true;
}

/** An unconditional Deny of the action on every resource, which takes it out of the whole policy. */
function deniedEverywhere(statements: readonly Statement[], forbidden: string): boolean {
  return statements.some(
    (s) =>
      s.effectValue === 'Deny' &&
      !s.condition &&
      !s.principal &&
      !s.notAction &&
      !s.notResource &&
      (s.action?.values.some((v) => !v.placeholder && coversAll(v.value, forbidden)) ?? false) &&
      (s.resource?.values.some((v) => !v.placeholder && coversEverything(v.value)) ?? false),
  );
}

export default defineRule({
  meta: {
    id: 'forbidden-action',
    category: 'security',
    defaultSeverity: 'error',
    description: 'Disallow Allow statements that grant an action your configuration forbids (inert until configured).',
    fixable: 'none',
    kinds: ['permission', 'trust', 'bucket', 'resource'],
    options: {
      actions: {
        type: 'string[]',
        description: 'Actions no policy may allow, such as "ecs:DeleteInstance" or "ram:Create*"; wildcards allowed, case ignored. Empty: the rule checks nothing.',
        default: [],
      },
    },
    messages: {
      forbidden: '"{{entry}}" allows {{action}}, which the configuration forbids (forbidden-action); remove it, or narrow the entry so it leaves {{action}} out.',
      forbiddenByNotAction:
        'NotAction allows every action it does not list, {{action}} included, which the configuration forbids (forbidden-action); list the actions the task needs under Action instead.',
    },
  },
  check(context) {
    const forbidden = context.options.actions.map((a) => a.trim()).filter((a) => a !== '');
    if (forbidden.length === 0) return;
    const statements = context.policy.statements;
    const live = forbidden.filter((f) => !deniedEverywhere(statements, f));
    if (live.length === 0) return;
    // One finding per entry, naming every forbidden action it allows.
    const named = (actions: readonly string[]) => actions.join(', ');
    let work = 0;
    const shareAnAction = (entry: string, f: string) => {
      if (work > MAX_WORK) return true;
      work += Math.min(entry.length, f.length) + 1;
      if (!startsAgree(entry, f)) return false;
      work += (entry.length + 1) * (f.length + 1);
      return work > MAX_WORK || wildcardsIntersect(entry, f, true);
    };
    for (const statement of statements) {
      if (!isAllow(statement) || everythingExcluded(statement)) continue;
      if (statement.action) {
        for (const v of statement.action.values) {
          if (v.placeholder) continue;
          const entry = v.value.trim();
          const allowed = live.filter((f) => shareAnAction(entry, f));
          if (allowed.length > 0) context.report({ messageId: 'forbidden', node: v.node, data: { entry: v.value, action: named(allowed) } });
        }
      } else if (statement.notAction) {
        const excluded = statement.notAction.values.filter((v) => !v.placeholder);
        const allowed = live.filter((f) => !excluded.some((v) => coversAll(v.value, f)));
        if (allowed.length > 0) context.report({ messageId: 'forbiddenByNotAction', node: statement.notAction.keyNode, data: { action: named(allowed) } });
      }
    }
  },
});
