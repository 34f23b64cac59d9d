import { replaceNode } from '../engine/edits';
import type { Member } from '../engine/model';
import { closest } from '../engine/closest';
import { defineRule, type RuleContext } from '../engine/rule';

const TOP_LEVEL = ['Version', 'Statement'];
const STATEMENT = ['Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'Condition'];
const PRINCIPAL_TYPES = ['RAM', 'Service', 'Federated'];

/** Elements other clouds use that RAM does not; said plainly so the author knows why. */
const FOREIGN: Record<string, string> = {
  Id: 'Id is an AWS IAM element; RAM policies have none',
  NotPrincipal: 'NotPrincipal is an AWS IAM element that RAM does not support; name the principals under Principal',
  AWS: '"AWS" is an AWS principal type; RAM uses "RAM", "Service" or "Federated"',
  CanonicalUser: '"CanonicalUser" is an AWS principal type; RAM uses "RAM", "Service" or "Federated"',
};

type MessageId = 'unknown' | 'unknownGuess' | 'wrongCase' | 'foreign';

/** Sid has a rule of its own (undocumented-sid), so that it can be turned off alone. */
const LEFT_TO_OTHER_RULES = new Set(['Sid']);

/**
 * Whether recognising a misspelt element can only narrow what the document
 * grants, judged against its most restrictive reading: the one where the
 * misspelt key is ignored. On an Allow, a recognised Action, Resource or
 * Principal grants more (ignored, the statement grants nothing) and a
 * recognised Condition grants less; on a Deny it is the other way round. So
 * `condition` → `Condition` on a Deny and `notaction` → `NotAction` on an
 * Allow change what the document grants once valid: suggestions, not fixes.
 */
function renameOnlyNarrows(canonical: string, where: string, effect: string | undefined, member: Member, hasPrincipal: boolean): boolean {
  if (where === 'policy') return canonical === 'Version';
  if (where === 'Principal') return effect === 'deny';
  if (canonical === 'Condition') return effect === 'allow';
  if (canonical === 'Effect') return member.valueNode.type === 'string' && String(member.valueNode.value).trim().toLowerCase() === 'deny';
  // With a Principal, a statement without Resource covers every resource (docs/semantics.md): a Deny
  // whose "resource" is ignored denies everything, and the rename would narrow it to what is listed.
  if ((canonical === 'Resource' || canonical === 'NotResource') && hasPrincipal) return false;
  return effect === 'deny';
}

/**
 * The statement's effect as its author evidently meant it ("deny", a misspelt
 * "effect" key): 'allow', 'deny' or undefined. With Effect written twice
 * which one RAM reads is unknown, so an effect is meant only when all agree.
 */
function meantEffect(members: readonly Member[]): string | undefined {
  const exact = members.filter((m) => m.key === 'Effect');
  const candidates = exact.length > 0 ? exact : members.filter((m) => m.key.toLowerCase() === 'effect');
  const values = new Set(candidates.map((m) => (m.valueNode.type === 'string' ? String(m.valueNode.value).trim().toLowerCase() : '')));
  const [value] = values;
  return values.size === 1 && (value === 'allow' || value === 'deny') ? value : undefined;
}

function checkMembers(context: RuleContext<MessageId>, members: Member[], allowed: readonly string[], where: string, effect?: string, hasPrincipal = false): void {
  if (members.every((m) => allowed.includes(m.key) || (where !== 'policy' && LEFT_TO_OTHER_RULES.has(m.key)))) return;
  const present = new Set(members.map((m) => m.key));
  const canonicalOf = (key: string) => allowed.find((a) => a.toLowerCase() === key.toLowerCase());
  // How many keys would be renamed to each canonical name: two would collide.
  const renames = new Map<string, number>();
  for (const m of members) {
    const c = canonicalOf(m.key);
    if (c && c !== m.key) renames.set(c, (renames.get(c) ?? 0) + 1);
  }
  for (const member of members) {
    if (allowed.includes(member.key)) continue;
    const canonical = canonicalOf(member.key);
    if (canonical) {
      const edits = [replaceNode(member.keyNode, JSON.stringify(canonical))];
      // Renaming cannot be offered when it would create a duplicate key.
      const renamable = !present.has(canonical) && (renames.get(canonical) ?? 0) <= 1;
      const change = !renamable ? {} : renameOnlyNarrows(canonical, where, effect, member, hasPrincipal) ? { fix: edits } : { suggestions: [{ desc: `Rename "${member.key}" to "${canonical}": once RAM reads it, the statement grants more than the document's strictest reading (the misspelt element ignored); check that this is meant.`, edits }] };
      context.report({ messageId: 'wrongCase', node: member.keyNode, data: { key: member.key, expected: canonical }, ...change });
    } else if (where !== 'policy' && LEFT_TO_OTHER_RULES.has(member.key)) {
      continue;
    } else if (Object.hasOwn(FOREIGN, member.key)) {
      context.report({ messageId: 'foreign', node: member.keyNode, data: { reason: FOREIGN[member.key] as string } });
    } else {
      const guess = closest(member.key, allowed);
      const data = { key: member.key, where, allowed: allowed.join(', '), guess: guess ?? '' };
      context.report({ messageId: guess ? 'unknownGuess' : 'unknown', node: member.keyNode, data });
    }
  }
}

export default defineRule<MessageId>({
  meta: {
    id: 'unknown-element',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Disallow policy elements that RAM does not define (it rejects them as "Invalid policy element").',
    fixable: 'safe',
    hasSuggestions: true,
    messages: {
      unknown: 'Unknown element "{{key}}" in the {{where}}; RAM accepts only {{allowed}}.',
      unknownGuess: 'Unknown element "{{key}}" in the {{where}}; did you mean "{{guess}}"?',
      wrongCase: 'Element "{{key}}" must be spelled "{{expected}}"; element names are case-sensitive.',
      foreign: '{{reason}}.',
    },
  },
  check(context) {
    const { policy } = context;
    if (!policy.isObject) return;
    checkMembers(context, policy.members, TOP_LEVEL, 'policy');
    for (const statement of policy.statements) {
      checkMembers(context, statement.members, STATEMENT, 'statement', meantEffect(statement.members), statement.principal !== undefined);
      const principal = statement.principal;
      if (principal && principal.valueNode.type === 'object') {
        const members = principal.entries.map((e) => ({ key: e.type, keyNode: e.keyNode, valueNode: e.keyNode, path: [...principal.path, e.type] }));
        checkMembers(context, members, PRINCIPAL_TYPES, 'Principal', meantEffect(statement.members));
      }
    }
  },
});
