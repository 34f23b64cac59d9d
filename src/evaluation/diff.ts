/**
 * Does the new set of policies grant anything the old set does not? Sound:
 * it may report access that is not really new, never miss any. Exact over
 * all action and resource strings (glob automata), not only catalogued ones.
 *
 * Over-approximating new access and under-approximating old access:
 * - a new Allow's condition is assumed satisfiable;
 * - a new Deny counts only when it has no condition;
 * - an old Allow counts only when the new statement's condition implies its own;
 * - an old Deny is assumed to apply, whatever its condition.
 */
import { type Cell, cellsOf, commonWitness, setIncludedIn } from './automaton';
import { everyCovered, mayIntersect, setCoveredFast } from './fast-checks';
import { type GlobSet, caseFolded, globSet, hasCase, setContains } from './glob';
import { statementImplies } from './implication';
import { KNOWN_ACTIONS, catalogueActionsFor } from './known-actions';
import { type EvalStatement, hasCondition, sparesBucketOwner } from './model';
import { RESOURCE_IGNORE_CASE, STAR_CROSSES_SEPARATORS } from './semantics';

export interface NewAccess {
  action: string;
  resource: string;
  /** A principal the statement names, for statements with a Principal. */
  principal?: string;
  /** The new grant depends on a condition (its own, or a conditional new Deny that may block it), or on the case rule. */
  conditional: boolean;
  /** It is new access, or it is not blocked, only if RAM compares resources ignoring case, or only if it does not. */
  caseRule?: true;
  statement: EvalStatement;
  /**
   * Reported without a proof either way: the search ran out of budget, or the statement stands for content
   * the host file computes (`statement.unknown.opaque`), which may grant anything.
   */
  unproven?: boolean;
}

export interface DiffOptions {
  /** Product states per automaton search. */
  budget?: number;
}

/**
 * Resources compare case-sensitively in this model, which is not confirmed for RAM ARNs (semantics.ts). So
 * the proof is made under both readings: first as the model reads resources; then, for every grant with no
 * new access under it, with every resource pattern case-folded, where an old Deny on `role/admin` also takes
 * away `role/Admin`. New access under the second reading only is marked conditional, and so is a witness of
 * the first that a new Deny matches ignoring case (`can` answers conditional for both).
 */
export function findNewAccess(oldStatements: readonly EvalStatement[], newStatements: readonly EvalStatement[], options: DiffOptions = {}): NewAccess[] {
  const exact = findNewAccessAsRead(oldStatements, newStatements, options);
  const newDenies = newStatements.filter((s) => s.effect === 'Deny');
  const deniedIgnoringCase = (f: NewAccess) =>
    newDenies.some((d) => setContains(d.actions, f.action) && !setContains(d.resources, f.resource) && setContains(caseFolded(d.resources), f.resource) && (!d.principals || f.principal === undefined || setContains(d.principals, f.principal)));
  const marked = exact.map((f) => (f.unproven || !deniedIgnoringCase(f) ? f : { ...f, conditional: true, caseRule: true as const }));
  if (RESOURCE_IGNORE_CASE || ![...oldStatements, ...newStatements].some((s) => hasCase(s.resources))) return marked;
  const found = new Set(exact.map((f) => f.statement));
  const pending = new Set(newStatements.filter((s) => s.effect === 'Allow' && !found.has(s)));
  if (pending.size === 0) return marked;
  const original = new Map<EvalStatement, EvalStatement>();
  const fold = (s: EvalStatement): EvalStatement => {
    const folded = { ...s, resources: caseFolded(s.resources) };
    original.set(folded, s);
    return folded;
  };
  const foldedNew = newStatements.map(fold);
  // Only the grants with nothing new as read: the Denies and the other grants' Allows still take part.
  const ignoringCase = findNewAccessAsRead(oldStatements.map(fold), foldedNew, options, (s) => pending.has(original.get(s) as EvalStatement))
    .map((f) => ({ ...f, statement: original.get(f.statement) as EvalStatement, conditional: true, caseRule: true as const }));
  const order = new Map(newStatements.map((s, i) => [s, i]));
  return [...marked, ...ignoringCase].sort((a, b) => (order.get(a.statement) ?? 0) - (order.get(b.statement) ?? 0));
}

function findNewAccessAsRead(oldStatements: readonly EvalStatement[], newStatements: readonly EvalStatement[], options: DiffOptions, asked: (s: EvalStatement) => boolean = () => true): NewAccess[] {
  const out: NewAccess[] = [];
  const newDenies = newStatements.filter((s) => s.effect === 'Deny');
  const oldAllows = oldStatements.filter((s) => s.effect === 'Allow');
  const oldDenies = oldStatements.filter((s) => s.effect === 'Deny');
  // An old Deny inside a new Deny that applies whenever it did takes nothing away that the new set gives:
  // dropping it changes no answer and spares the automaton.
  const conditionalDenies = newDenies.filter(hasCondition);
  const relevantOldDenies = oldDenies.filter((d) => !newDenies.some((n) => rectangleWithin(d, n) && statementImplies(d, n) && sparesOwnerAsWell(d, n) && principalsWithin(d, n, options.budget)));
  for (const granting of newStatements) {
    if (granting.effect !== 'Allow' || !asked(granting)) continue;
    // Content the host computes may grant anything: nothing can be proven about it, so it is reported as it is.
    if (granting.unknown?.opaque) {
      out.push(unprovenAccess(granting, competitors0(options)));
      continue;
    }
    const blockers = newDenies.filter((d) => !hasCondition(d) && principalsWithin(granting, d, options.budget));
    const implied = oldAllows.filter((o) => statementImplies(granting, o));
    const competitors = (cover: EvalStatement[], principal?: string): Competitors => ({ blockers, cover, oldDenies: relevantOldDenies, conditionalDenies, budget: options.budget, principal });
    if (!granting.principals) {
      const found = newAccessOf(granting, competitors(implied.filter((o) => !o.principals)));
      if (found) out.push(found);
      continue;
    }
    // With a Principal, the principal is a third dimension: for each combination of
    // old Principal sets a principal falls in, only those old statements cover it.
    const withPrincipal = implied.filter((o) => o.principals);
    const sets = [granting.principals, ...withPrincipal.map((o) => o.principals as GlobSet), NON_EMPTY];
    const cells = cellsOf(sets, { budget: options.budget });
    let reported = false;
    const tried = new Set<string>();
    const candidates = [...instances(granting.principals).map((p) => ({ witness: p, members: sets.map((s) => setContains(s, p)) })), ...cells.cells];
    for (const cell of candidates) {
      const key = cell.members.join();
      if (!cell.members[0] || !cell.members[sets.length - 1] || tried.has(key)) continue;
      tried.add(key);
      const found = newAccessOf(granting, competitors(withPrincipal.filter((_, i) => cell.members[i + 1]), cell.witness));
      if (found) {
        out.push(found);
        reported = true;
        break;
      }
    }
    // The bucket owner, whom a statement for Principal "*" without a Condition spares: such a statement neither
    // blocks nor covers it, which the cells above (where it applies to every principal) cannot show.
    if (!reported && !sparesBucketOwner(granting) && [...newDenies, ...implied, ...relevantOldDenies].some(sparesBucketOwner)) {
      const found = ownerAccess(granting, newDenies, implied, relevantOldDenies, conditionalDenies, options);
      if (found) {
        out.push(found);
        reported = true;
      }
    }
    if (!reported && cells.exhausted) out.push(unprovenAccess(granting, competitors([])));
  }
  return out;
}

/**
 * New access for a bucket owner: for an account `<uid>` the grant names, on its own buckets
 * (`acs:oss:*:<uid>:…`), with the statements that spare the owner left out, as they do not apply to it.
 * Accounts the policies do not name behave alike, so one of them stands for all.
 */
function ownerAccess(granting: EvalStatement, newDenies: readonly EvalStatement[], implied: readonly EvalStatement[], oldDenies: readonly EvalStatement[], conditionalDenies: EvalStatement[], options: DiffOptions): NewAccess | undefined {
  const named = new Set<string>();
  const collect = (set: GlobSet | undefined, pattern: RegExp) => {
    for (const g of set?.globs ?? []) {
      const m = pattern.exec(g.source.trim());
      if (m?.[1] !== undefined) named.add(m[1]);
    }
  };
  for (const s of [granting, ...newDenies, ...implied, ...oldDenies]) {
    collect(s.resources, /^acs:oss:[^:]*:(\d+):/i);
    collect(s.principals, /^(?:acs:ram::(\d+):root|(\d+))$/i);
    for (const g of s.principals?.globs ?? []) {
      const m = /^(\d+)$/.exec(g.source.trim());
      if (m?.[1] !== undefined) named.add(m[1]);
    }
  }
  let fresh = 1;
  while (named.has(String(fresh))) fresh++;
  const spared = (s: EvalStatement) => !sparesBucketOwner(s);
  for (const account of [...named, String(fresh)].slice(0, 64)) {
    if (!granting.principals || !setContains(granting.principals, account)) continue;
    const applies = (s: EvalStatement) => s.principals !== undefined && setContains(s.principals, account) && spared(s);
    const found = newAccessOf(granting, {
      blockers: newDenies.filter((d) => !hasCondition(d) && applies(d)),
      cover: implied.filter(applies),
      oldDenies: oldDenies.filter((d) => !d.principals || applies(d)),
      conditionalDenies,
      budget: options.budget,
      principal: account,
      resourceWithin: globSet([`acs:oss:*:${account}:*`], RESOURCE_IGNORE_CASE, false, STAR_CROSSES_SEPARATORS),
    });
    if (found) return found;
  }
  return undefined;
}

/**
 * What the old set denies that the new set no longer does: an action and
 * resource (and principal) per old Deny that no new Deny covers. A comparison
 * of one policy document with its earlier version (`diff --base`) cannot see
 * the identity's other policies, which may allow exactly what a removed or
 * narrowed Deny blocked; so those are reported too, as findNewAccess would
 * report them if it saw a grant of everything.
 *
 * It is findNewAccess with the Denies read as grants, old and new swapped, and
 * the same approximations, each toward reporting: an old Deny's condition is
 * taken as having applied (the witness is then `conditional`), and a new Deny
 * covers it only when its condition holds whenever the old one's did.
 */
export function findLiftedDenies(oldStatements: readonly EvalStatement[], newStatements: readonly EvalStatement[], options: DiffOptions = {}): NewAccess[] {
  const denialsOf = (statements: readonly EvalStatement[]) => statements.filter((s) => s.effect === 'Deny').map((s): EvalStatement => ({ ...s, effect: 'Allow' }));
  return findNewAccess(denialsOf(newStatements), denialsOf(oldStatements), options);
}

/**
 * OSS: a statement for Principal "*" without a Condition does not apply to the bucket owner (can,
 * request.ts). The principal dimension here cannot tell the owner from others, so a statement that spares
 * the owner stands in for another (covers it, blocks it, or replaces it) only when that one spares the owner
 * too: otherwise the owner may be granted by `inner` and not by `outer`.
 */
function sparesOwnerAsWell(inner: EvalStatement, outer: EvalStatement): boolean {
  return !sparesBucketOwner(outer) || sparesBucketOwner(inner);
}

/** Is every (action, resource) of `inner` one of `outer`'s? Quick and sound: false when unsure. */
function rectangleWithin(inner: EvalStatement, outer: EvalStatement): boolean {
  return setCoveredFast(inner.actions, outer.actions) && setCoveredFast(inner.resources, outer.resources);
}

/**
 * Is every principal `inner` applies to also one `outer` applies to? Both
 * without Principal: the same identity. The set comparison is exact; when it
 * runs out of budget the answer is no, which is the sound side for both uses.
 */
function principalsWithin(inner: EvalStatement, outer: EvalStatement, budget?: number): boolean {
  if (!inner.principals || !outer.principals) return !inner.principals && !outer.principals;
  return setIncludedIn(inner.principals, [outer.principals], budget) === true;
}

interface Competitors {
  /** Unconditional new Denies: they take access away from the new set. */
  blockers: EvalStatement[];
  /** Old Allows that may be counted against this statement. */
  cover: EvalStatement[];
  oldDenies: EvalStatement[];
  conditionalDenies: EvalStatement[];
  budget?: number;
  /** The principal asked about, for statements with a Principal. */
  principal?: string;
  /** Only resources in this set (the bucket owner's own buckets, for ownerAccess). */
  resourceWithin?: GlobSet;
}

type Role = 'blocker' | 'cover' | 'oldDeny';

function newAccessOf(granting: EvalStatement, c: Competitors): NewAccess | undefined {
  // Only statements whose actions and resources overlap the grant can matter.
  // A cheap filter: it may keep a statement that cannot matter, never drop one that can.
  const overlaps = (s: EvalStatement) => mayIntersect(granting.actions, s.actions) && mayIntersect(granting.resources, s.resources);
  const others: { s: EvalStatement; role: Role }[] = [
    ...c.blockers.filter(overlaps).map((s) => ({ s, role: 'blocker' as const })),
    ...c.cover.filter(overlaps).map((s) => ({ s, role: 'cover' as const })),
    ...c.oldDenies.filter(overlaps).map((s) => ({ s, role: 'oldDeny' as const })),
  ];
  // The common case, an unchanged or narrowed statement: one old Allow holds all of it and no old Deny cuts into it.
  if (!others.some((o) => o.role === 'oldDeny') && others.some((o) => o.role === 'cover' && rectangleWithin(granting, o.s))) return undefined;
  const principal = c.principal;
  const make = (action: string, resource: string): NewAccess => ({
    action,
    resource,
    ...(principal !== undefined ? { principal } : {}),
    conditional: hasCondition(granting) || c.conditionalDenies.some((d) => setContains(d.actions, action) && setContains(d.resources, resource)),
    statement: granting,
  });

  // Which resource is new access for an action inside exactly these statements' action sets?
  const resourceFor = (inAction: readonly boolean[]): { witness?: string; exhausted: boolean } => {
    const active = others.filter((_, i) => inAction[i]);
    const required = c.resourceWithin ? [NON_EMPTY, c.resourceWithin] : [NON_EMPTY];
    const wanted = (m: readonly boolean[]) => {
      if (!m[0] || !required.every((_, j) => m[active.length + 1 + j])) return false;
      let covered = false;
      let oldDenied = false;
      for (let i = 0; i < active.length; i++) {
        if (!m[i + 1]) continue;
        const role = (active[i] as { role: Role }).role;
        if (role === 'blocker') return false;
        if (role === 'cover') covered = true;
        else oldDenied = true;
      }
      return !covered || oldDenied;
    };
    const sets = [granting.resources, ...active.map((o) => o.s.resources), ...required];
    // Fast path: with no old Deny in play, the resources are all taken when each pattern of the grant
    // lies inside one pattern of a cover or blocker (the fast check is sound, and exact for ?-free covers).
    const takers = active.filter((o) => o.role !== 'oldDeny');
    if (takers.length === active.length && !granting.resources.negated && takers.every((o) => !o.s.resources.negated)) {
      const all = takers.flatMap((o) => o.s.resources.globs);
      if (everyCovered(granting.resources.globs, all)) return { exhausted: false };
    }
    // Readable candidates first (the patterns themselves, wildcards filled in), then the automaton.
    for (const candidate of sets.flatMap(instances)) if (wanted(sets.map((s) => setContains(s, candidate)))) return { witness: candidate, exhausted: false };
    const found = cellsOf(sets, { budget: c.budget, wanted });
    return { witness: found.cells[0]?.witness, exhausted: found.exhausted };
  };

  // Real action names first: a nicer witness, same proof.
  const memo = new Map<string, { witness?: string; exhausted: boolean }>();
  const resourceForCell = (inAction: readonly boolean[]) => {
    const key = inAction.map((m) => (m ? 1 : 0)).join('');
    let r = memo.get(key);
    if (!r) memo.set(key, (r = resourceFor(inAction)));
    return r;
  };
  for (const action of [...KNOWN_ACTIONS, ...catalogueActionsFor(granting.actions), ...instances(granting.actions)]) {
    if (!setContains(granting.actions, action)) continue;
    const r = resourceForCell(others.map((o) => setContains(o.s.actions, action)));
    if (r.witness !== undefined) return make(action, r.witness);
  }
  const cells = cellsOf([granting.actions, ...others.map((o) => o.s.actions), NON_EMPTY], { budget: c.budget });
  let exhausted = cells.exhausted;
  for (const cell of cells.cells as Cell[]) {
    if (!cell.members[0] || !cell.members[others.length + 1]) continue;
    const r = resourceForCell(cell.members.slice(1, others.length + 1));
    if (r.witness !== undefined) return make(cell.witness, r.witness);
    exhausted ||= r.exhausted;
  }
  return exhausted ? unprovenAccess(granting, c) : undefined;
}

const competitors0 = (options: DiffOptions): Competitors => ({ blockers: [], cover: [], oldDenies: [], conditionalDenies: [], budget: options.budget });

/**
 * Statements for content the host computes whole that stand for the same value on both sides (the same
 * document label, place and host text, such as `var.statements` in both): an unchanged expression is no
 * change, so both sides' copies are dropped before the comparison. Any other is kept, and may grant or
 * deny anything.
 */
export function withoutUnchangedUnknowns(oldStatements: readonly EvalStatement[], newStatements: readonly EvalStatement[]): { old: EvalStatement[]; new: EvalStatement[] } {
  const keyOf = (s: EvalStatement) => (s.unknown?.opaque && s.unknown.source !== undefined ? `${s.origin.label ?? ''}\0${s.origin.path}\0${s.unknown.source}` : undefined);
  const oldKeys = new Set(oldStatements.map(keyOf).filter((k) => k !== undefined));
  const newKeys = new Set(newStatements.map(keyOf).filter((k) => k !== undefined));
  const unchanged = (s: EvalStatement) => {
    const key = keyOf(s);
    return key !== undefined && oldKeys.has(key) && newKeys.has(key);
  };
  return { old: oldStatements.filter((s) => !unchanged(s)), new: newStatements.filter((s) => !unchanged(s)) };
}

/** Out of budget, or content the host computes: report the grant (sound), with strings it grants. */
function unprovenAccess(granting: EvalStatement, c: Competitors): NewAccess {
  // Content the host computes is every action and resource as far as anyone can tell: said as `*`.
  const pick = (set: GlobSet) => (granting.unknown?.opaque ? '*' : (instances(set)[0] ?? commonWitness([set, NON_EMPTY]).witness ?? '*'));
  const principal = c.principal ?? (granting.principals ? pick(granting.principals) : undefined);
  return {
    action: pick(granting.actions),
    resource: pick(granting.resources),
    ...(principal !== undefined ? { principal } : {}),
    conditional: hasCondition(granting),
    statement: granting,
    unproven: true,
  };
}

/** The set's patterns with each wildcard filled in: `acs:oss:*:1:b/*` → `acs:oss:x:1:b/x`. */
/**
 * Witnesses are non-empty: RAM has no empty action, resource or principal, and
 * `ramlint can` must be able to ask about every witness.
 */
const NON_EMPTY: GlobSet = globSet(['?*'], false);

function instances(set: GlobSet): string[] {
  if (set === NON_EMPTY) return [];
  return set.globs.map((g) => (g.text === '*' ? '' : g.source.replace(/\*+/g, 'x').replace(/\?/g, 'x'))).filter((t) => t !== '');
}
