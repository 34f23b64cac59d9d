'use strict';
/**
 * The --fix property "a fix never widens access", judged by ramlint's own
 * policy evaluator (src/evaluation, the one `ramlint diff` and `ramlint can`
 * use): the fixed document must grant nothing the original does not, that is
 * `findNewAccess(original, fixed)` (what `ramlint diff <original> <fixed>`
 * computes) must find no new grant.
 *
 * The reading of both texts is the evaluator's, which is the strictest reading
 * the rules judge their fixes against (docs/rules/unknown-element.md): an
 * element is read only when spelled exactly, so a misspelt key is ignored
 * (`"condition"` on a Deny: the Deny is unconditional; `"action"` on an
 * Allow: the statement grants nothing), and a statement the evaluator cannot
 * read (an Effect that is not Allow or Deny, no Action, both Action and
 * NotAction …) is not in force: it grants nothing and denies nothing. Dropping
 * it on both sides can only report more, never hide a widening: a Deny lost by
 * the fix is gone from the fixed side only, and is found.
 *
 * On top of that, values with exactly one meaning are read as meant, as the
 * fixes that rewrite them are justified (each fix's comment says why it cannot
 * widen, and test/fix-safety.test.ts reads them so): an Effect value in any
 * case or with spaces (`" allow "` is Allow), an action name with whitespace
 * (`"ecs: StartInstance"`), a condition operator in the wrong case
 * (`stringequals`). Principal types are read strictly too: `{"ram": …}` names
 * nobody. (The evaluator pools the values of RAM, Service and Federated, so a
 * fix that moved a value from one type to another would go unseen.)
 *
 * One further reading keeps unchanged statements from looking new, as the
 * evaluator's implication is syntactic: a condition clause it cannot prove
 * implies itself (an unknown operator, no values, a malformed operator …)
 * becomes an opaque atom, so an identical clause on both sides implies itself
 * and nothing else.
 *
 * Each new grant the diff finds is re-asked as one request (`evaluateRequest`,
 * what `ramlint can` answers) and counts only when the fixed text may allow
 * it and the original does not: the diff over-approximates (an old Deny
 * applies to every principal, whatever its condition).
 *
 * Not judged, and counted: an original that is not valid JSON or not a policy
 * (no object with a Statement), a comparison that ran out of the evaluator's
 * search budget (an unproven grant proves nothing either way), and one where
 * the diff's witnesses are not new by a request (a witness is one string per
 * statement, so that proves nothing either way either).
 * A fixed text that stops being a readable policy, or a statement the
 * evaluator could read that the fix made unreadable, is a failure.
 */
const path = require('node:path');

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'src');
const { parseJson } = require(path.join(DIST, 'engine', 'parse.js'));
const { buildPolicy, formatPath } = require(path.join(DIST, 'engine', 'model.js'));
const { canonicalOperator } = require(path.join(DIST, 'engine', 'catalog', 'condition-operators.js'));
const { evalStatements } = require(path.join(DIST, 'evaluation', 'model.js'));
const { findNewAccess } = require(path.join(DIST, 'evaluation', 'diff.js'));
const { clauseImplies } = require(path.join(DIST, 'evaluation', 'implication.js'));
const { globSet } = require(path.join(DIST, 'evaluation', 'glob.js'));
const { evaluateRequest } = require(path.join(DIST, 'evaluation', 'request.js'));
const { PRINCIPAL_IGNORE_CASE } = require(path.join(DIST, 'evaluation', 'semantics.js'));

const BOM = '\uFEFF';
const PRINCIPAL_TYPES = ['RAM', 'Service', 'Federated'];

/** `" allow "`, `"DENY"` → the effect they can only mean; anything else as written. */
function meantEffect(value) {
  if (typeof value !== 'string') return value;
  const folded = value.trim().toLowerCase();
  return folded === 'allow' ? 'Allow' : folded === 'deny' ? 'Deny' : value;
}

/** A list member with whitespace taken out of its strings (an action name has none). */
function squeezed(list) {
  return list && { ...list, values: list.values.map((v) => ({ value: v.value.replace(/\s+/g, ''), node: v.node, path: v.path, placeholder: v.placeholder })) };
}

/** JSON text of a node, keys in document order, for opaque atoms. */
function nodeText(node) {
  if (!node) return 'undefined';
  if (node.type === 'object') return `{${(node.children ?? []).map((p) => `${nodeText(p.children?.[0])}:${nodeText(p.children?.[1])}`).join(',')}}`;
  if (node.type === 'array') return `[${(node.children ?? []).map(nodeText).join(',')}]`;
  return JSON.stringify(node.value) ?? 'null';
}

/**
 * The Condition with operators in their canonical case, and every clause the
 * implication cannot prove implies itself (an unknown operator, no values,
 * several bounds, an address that is no CIDR …) replaced by an atom:
 * `StringEquals` on a key no policy has, with the clause's text as its value.
 * Identical clauses give identical atoms, each implying the other (true of
 * any condition); an atom implies no other clause and none implies it, which
 * can only lose implications the evaluator had, so only report more.
 */
function readCondition(condition) {
  if (!condition) return condition;
  const atom = (text) => ({ operator: 'StringEquals', key: 'ramlint-fuzz:opaque', values: [{ value: text }], nonScalars: [], keyPlaceholder: false });
  if (condition.valueNode.type !== 'object' || condition.malformedOperators.length > 0) {
    return { ...condition, malformedOperators: [], clauses: [atom(`whole ${nodeText(condition.valueNode)}`)] };
  }
  const clauses = condition.clauses.map((c) => {
    const clause = { ...c, operator: canonicalOperator(c.operator) ?? c.operator };
    return clauseImplies(clause, clause) ? clause : atom(`${clause.operator} ${c.key.toLowerCase()} ${nodeText(c.valueNode)}`);
  });
  return { ...condition, clauses };
}

/**
 * Principal values as one set, as the evaluator pools them, but strictly: in
 * the object form only the exactly spelt types are read, and a Principal
 * whose every type is misspelt names nobody. `"*"`, an empty Principal and
 * the list form are read as the evaluator reads them.
 */
function readPrincipals(principal, evaluatorReading) {
  if (!principal || principal.star || principal.empty || principal.valueNode.type !== 'object') return evaluatorReading;
  const values = principal.entries.filter((e) => PRINCIPAL_TYPES.includes(e.type)).flatMap((e) => e.values.map((v) => v.value));
  return globSet(values, PRINCIPAL_IGNORE_CASE);
}

/**
 * A text as the property reads it: `{ statements, unreadable }` (the eval
 * statements, and the indices of statements the evaluator had to leave out),
 * or `{ notReadable }` with the reason.
 */
function readPolicy(text, filePath) {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const parsed = parseJson(body, { allowComments: /\.jsonc$/i.test(filePath) });
  if (parsed.problems.length > 0 || !parsed.root) return { notReadable: 'not valid JSON' };
  const policy = buildPolicy(parsed.root);
  if (!policy.isObject || !policy.statementMember) return { notReadable: 'not a policy (no object with a Statement)' };
  const statements = policy.statements.map((s) => ({
    ...s,
    effectValue: meantEffect(s.effectValue),
    action: squeezed(s.action),
    notAction: squeezed(s.notAction),
    condition: readCondition(s.condition),
  }));
  const originOf = (s) => ({ filePath, line: 0, column: 0, path: formatPath(s.path), endLine: 0, endColumn: 0, offset: s.node.offset, endOffset: s.node.offset + s.node.length });
  const read = evalStatements({ ...policy, statements }, originOf);
  for (const e of read.statements) e.principals = e.statement.principal && readPrincipals(e.statement.principal, e.principals);
  // A statement for nobody (`{"RAM": []}`, or only misspelt types) grants and denies nothing: leaving it out is
  // exact, and spares the evaluator's diff, which takes every old Deny to apply to every principal.
  const forSomeone = read.statements.filter((e) => !e.principals || e.principals.negated || e.principals.globs.length > 0);
  return { statements: forSomeone, unreadable: new Set(read.skipped.map((s) => s.index)) };
}

/** Is set `a` inside set `b` by the patterns' texts alone? Sound, and quick for long lists. */
function withinByText(a, b) {
  if (a.negated !== b.negated) return false;
  const [inner, outer] = a.negated ? [b, a] : [a, b];
  const texts = new Set(outer.globs.map((g) => g.text));
  return inner.globs.every((g) => texts.has(g.text));
}

const conditionText = (c) => (c ? c.clauses.map((k) => [k.operator, k.key.toLowerCase(), k.values.map((v) => JSON.stringify(v.value)).join(','), k.nonScalars.length].join('\0')).join('\n') : '');

/**
 * The shortcut for the common fix (duplicates removed, an element respelt):
 * statement by statement, each fixed Allow inside the original one and each
 * fixed Deny covering the original one, with the same condition. Then
 * Allowed(fixed) ⊆ Allowed(original) with no search. Sound: `false` proves
 * nothing, and the evaluator decides.
 */
function pairwiseNarrower(before, after) {
  if (before.statements.length !== after.statements.length) return false;
  const byIndex = new Map(after.statements.map((s) => [s.statement.index, s]));
  return before.statements.every((old) => {
    const now = byIndex.get(old.statement.index);
    if (!now || now.effect !== old.effect || !now.principals !== !old.principals || conditionText(now.statement.condition) !== conditionText(old.statement.condition)) return false;
    const [inner, outer] = old.effect === 'Allow' ? [now, old] : [old, now];
    return withinByText(inner.actions, outer.actions) && withinByText(inner.resources, outer.resources) && (!inner.principals || withinByText(inner.principals, outer.principals));
  });
}

/**
 * Judge one fix. Returns `{ judged: true, problems }` (problems empty when the
 * fix grants nothing new) or `{ judged: false, reason }`.
 */
function judgeFix(originalText, fixedText, filePath, options = {}) {
  const before = readPolicy(originalText, filePath);
  if (before.notReadable) return { judged: false, reason: `original ${before.notReadable}` };
  const after = readPolicy(fixedText, filePath);
  if (after.notReadable) return { judged: true, problems: [`fix output is no longer a policy the evaluator can read (${after.notReadable})`] };
  const problems = [];
  const readBefore = new Set(before.statements.map((s) => s.statement.index));
  for (const index of after.unreadable) if (readBefore.has(index)) problems.push(`fix made Statement[${index}] unreadable for the evaluator (it could read it before)`);
  if (problems.length === 0 && !options.noShortcut && pairwiseNarrower(before, after)) return { judged: true, problems };
  const found = findNewAccess(before.statements, after.statements, { budget: options.budget });
  const proven = found.filter((f) => !f.unproven);
  // The diff over-approximates (an old Deny is taken to apply to every principal and whatever its
  // condition): each witness is re-asked as one request, as `ramlint can` would, and counts only when
  // the fixed text may allow it and the original does not.
  // The diff's principal is one string: the principals the statements name are tried too.
  const named = [...new Set([...before.statements, ...after.statements].flatMap((e) => (e.principals ? e.principals.globs.map((g) => g.source.replace(/[*?]/g, 'x')) : [])))];
  const isNew = (request) => {
    const now = evaluateRequest(after.statements, request).decision;
    const then = evaluateRequest(before.statements, request).decision;
    return (now === 'allow' || now === 'conditional') && then !== 'allow';
  };
  const confirmed = proven.flatMap((f) => {
    const candidates = f.principal === undefined ? [undefined] : [f.principal, ...named];
    const at = candidates.findIndex((principal) => isNew({ action: f.action, resource: f.resource, principal, context: new Map() }));
    return at < 0 ? [] : [{ ...f, principal: candidates[at] }];
  });
  for (const f of confirmed) {
    const who = f.principal !== undefined ? ` for principal ${JSON.stringify(f.principal)}` : '';
    problems.push(`fix widens access by the reference evaluator: ${JSON.stringify(f.action)} on ${JSON.stringify(f.resource)}${who}${f.conditional ? ' (when its condition holds)' : ''}, granted by ${f.statement.origin.path} of the fixed text`);
  }
  if (problems.length === 0 && proven.length > 0) return { judged: false, reason: 'the diff\'s witness is not new by a request (its over-approximation)' };
  if (problems.length === 0 && found.length > 0) return { judged: false, reason: 'out of the evaluator\'s search budget' };
  return { judged: true, problems };
}

module.exports = { judgeFix, readPolicy };
