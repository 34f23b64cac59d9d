/**
 * `ramlint diff <old> <new>`: does the new set of policies grant anything the
 * old one does not? `--base <ref> [paths..]`: the same for each policy file
 * against its version at a git ref. Exit 0 no new access, 1 new access, 2 usage.
 */
import * as fs from 'node:fs';
import path from 'node:path';
import type { Io } from '../io';
import { UsageError } from '../errors';
import { type LoadedPolicies, type PolicyDocument, loadDocuments } from '../../evaluation/documents';
import { type NewAccess, findLiftedDenies, findNewAccess, withoutUnchangedUnknowns } from '../../evaluation/diff';
import { type EvalStatement, unknownSubject } from '../../evaluation/model';
import type { LintMessage, LintResult } from '../../engine/types';
import { summarize } from '../../engine/linter';
import { loadFormatter } from '../../formatters';
import { repositoryRoot } from '../../api/repository';
import { packageVersion } from '../version';
import { terminalSafe } from '../../formatters/terminal';
import { documentsAtRef, existsAtRef, verifyRef } from './git-base';
import { type ReadDocuments, readPolicyDocuments, safeNote, stopOnUnusable, unusableInputs } from './load-policies';
import { parseSubcommand, strings } from './parse-subcommand';

const USAGE = `Usage: ramlint diff <old> <new>        (each a policy file or a directory of them)
       ramlint diff --base <git-ref> [paths..]

Prove that the new policies grant nothing the old ones did not, or show what
they add: for each new grant, an action and resource that the new policies
allow and the old ones do not (check it with "ramlint can"), and the statement
that grants it. The proof is exact over every action and resource string, not
only known ones. It errs only towards reporting access: a new Allow's
condition is taken as satisfiable, a conditional new Deny as not applying, an
old Allow's condition only when the new statement's condition implies it, and
an old Deny as always applying. A new policy or statement the host file
computes (Statement = var.statements) may grant anything and is reported as
possible new access, not proven; an old one, as denying everything.

<old> and <new> are the same identity's policies before and after. With
--base, each .json/.jsonc file under the paths (default: .) is compared with
its version at the ref (a file new since the ref is compared with nothing).
As a file is one of its identity's policies, --base also reports what a file
denied at the ref and no longer does (a Deny removed or narrowed, or the file
deleted): the identity's other policies may allow exactly that.

A policy file that cannot be read or parsed, on either side (at the ref too:
larger than 4 MB, not valid JSON, not a policy), is never taken as granting or
denying nothing: the run names it and exits 2.

Exit codes: 0 = no new access; 1 = new access (or, with --base, a lifted
Deny); 2 = usage error, or a policy file that cannot be read or parsed.`;

const FORMATS = ['stylish', 'json', 'sarif', 'github'];
export const RULE_ID = 'new-access';
/** With --base: what a file denied at the ref and no longer does. */
export const LIFTED_RULE_ID = 'lifted-deny';

/** An old Deny no Deny of the same document covers now: its witness, and where it was. */
interface LiftedDeny {
  access: NewAccess;
  ref: string;
  /** The document is gone (its file deleted, or its block removed from a host file). */
  deleted: boolean;
}

export async function runDiff(argv: readonly string[], io: Io): Promise<number> {
  const args = parseSubcommand('diff', argv, (y) =>
    y
      .usage(USAGE)
      .command('$0 [paths..]', false, (c) => c.positional('paths', { type: 'string', array: true }))
      .option('base', { type: 'string', describe: 'Compare each policy file with its version at this git ref' })
      .option('format', { alias: 'f', type: 'string', choices: FORMATS, default: 'stylish', describe: 'Output format' })
      .example('ramlint diff old/ new/', 'Does new/ grant anything old/ does not?')
      .example('ramlint diff --base origin/main policies/', 'The pull-request gate: what do the changed policies add?'),
  );
  if (!args.ok) {
    if (args.stdout) io.stdout(args.stdout);
    if (args.stderr) io.stderr(args.stderr);
    return args.exitCode;
  }
  const usage = (message: string) => (io.stderr(`ramlint diff: ${terminalSafe(message)}\nRun "ramlint diff --help" for usage.\n`), 2);
  const paths = strings(args.argv.paths);
  const base = args.argv.base as string | undefined;
  let found: NewAccess[];
  let lifted: LiftedDeny[] | undefined;
  try {
    if (base !== undefined) {
      if (base.trim() === '') return usage('--base needs a git ref, such as origin/main');
      const compared = await compareWithRef(base, paths.length > 0 ? paths : ['.'], io);
      if ('stopped' in compared) return compared.stopped;
      ({ found, lifted } = compared);
    } else {
      if (paths.length !== 2) return usage('give the old and the new policies: ramlint diff <old> <new> (or --base <git-ref>)');
      const oldRead = await readPolicyDocuments([paths[0] as string], io.cwd);
      const newRead = await readPolicyDocuments([paths[1] as string], io.cwd);
      const oldSet = load(oldRead, io);
      const newSet = load(newRead, io);
      // An unreadable side is not an empty one: a truncated Allow * is not "no new access".
      const stopped = stopOnUnusable('diff', [...unusableInputs(oldRead, [oldSet]), ...unusableInputs(newRead, [newSet])], io.stderr);
      if (stopped !== undefined) return stopped;
      const compared = withoutUnchangedUnknowns(statementsOf(oldSet), statementsOf(newSet));
      sayOldUnknowns(compared.old, io);
      found = findNewAccess(compared.old, compared.new);
    }
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  // Content the host computes is said once, where it is loaded; only the budget needs a word here.
  for (const f of found) if (f.unproven && !f.statement.unknown) io.stderr(safeNote('diff', `${f.statement.origin.filePath} ${f.statement.origin.path}: too complex to compare within the search budget; reported as new access`));
  for (const l of lifted ?? []) if (l.access.unproven && !l.access.statement.unknown) io.stderr(safeNote('diff', `${l.access.statement.origin.filePath} ${l.access.statement.origin.path} at ${l.ref}: too complex to compare within the search budget; reported as a lifted Deny`));
  io.stdout(format(found, lifted, args.argv.format as string, io));
  return found.length > 0 || (lifted?.length ?? 0) > 0 ? 1 : 0;
}

/** Loads the documents, printing the notes and the statements left out; documents left out whole are for `unusableInputs`. */
function load(read: Pick<ReadDocuments, 'documents' | 'notes'>, io: Io): LoadedPolicies {
  for (const note of read.notes) io.stderr(safeNote('diff', note));
  const loaded = loadDocuments(read.documents);
  sayLeftOut(loaded, io);
  return loaded;
}

function sayLeftOut(loaded: LoadedPolicies, io: Io, where = ''): void {
  for (const p of loaded.problems) if (!p.unevaluated) io.stderr(safeNote('diff', `${p.filePath}${p.label ? ` (${p.label})` : ''}${where}: ${p.message}`));
}

const statementsOf = (l: LoadedPolicies) => l.policies.flatMap((p) => p.statements);

/**
 * An old policy the host computes (and the new side does not hold unchanged) may have denied anything: read
 * as denying everything, so that what it may have denied is never taken for old access. Said once per place.
 */
function sayOldUnknowns(oldStatements: readonly EvalStatement[], io: Io, where = ''): void {
  const seen = new Set<string>();
  for (const s of oldStatements) {
    if (!s.unknown?.opaque || s.effect !== 'Deny') continue;
    const place = `${s.origin.filePath}${s.origin.label ? ` (${s.origin.label})` : ''}${s.origin.path ? ` ${s.origin.path}` : ''}${where}`;
    if (seen.has(place)) continue;
    seen.add(place);
    io.stderr(safeNote('diff', `${place}: the old policy is unknown there (${unknownSubject(s.unknown)}) and may have denied anything, so it is read as denying everything: every grant of the new policies is reported (this can only over-report)`));
  }
}

/** Is there anything at this path in the working tree (a dangling link counts)? */
function existsNow(p: string, cwd: string): boolean {
  try {
    fs.lstatSync(path.resolve(cwd, p));
    return true;
  } catch {
    return false;
  }
}

/**
 * Each policy document now against the same document at the ref (same file,
 * same label inside a host file): a policy is one identity's, not the whole
 * folder's. So besides what a document grants anew, what it stopped denying
 * counts, and a document at the ref that is gone now stopped denying everything.
 * A path named that is gone from the tree but is at the ref is a deleted file.
 * Every document on both sides is loaded first: one that cannot be read or
 * parsed stops the run (exit 2) before any comparison.
 */
async function compareWithRef(ref: string, paths: readonly string[], io: Io): Promise<{ found: NewAccess[]; lifted: LiftedDeny[] } | { stopped: number }> {
  const keyOf = (d: PolicyDocument) => `${path.normalize(d.filePath)}\0${d.label ?? ''}`;
  verifyRef(ref, io.cwd);
  const inTree = paths.filter((p) => existsNow(p, io.cwd) || !existsAtRef(ref, p, io.cwd));
  const atRef = await documentsAtRef(ref, paths, io.cwd);
  const now: ReadDocuments = inTree.length > 0 ? await readPolicyDocuments(inTree, io.cwd) : { documents: [], notes: [], errors: [] };
  for (const note of atRef.notes) io.stderr(safeNote('diff', note));
  for (const note of now.notes) io.stderr(safeNote('diff', note));
  const loadedAtRef = new Map(atRef.documents.map((d) => [keyOf(d), { document: d, loaded: loadDocuments([d]) }]));
  const loadedNow = now.documents.map((d) => ({ document: d, loaded: loadDocuments([d]) }));
  const unusable = [
    ...unusableInputs(atRef),
    ...unusableInputs({ errors: [] }, [...loadedAtRef.values()].map((l) => l.loaded), ` at ${ref}`),
    ...unusableInputs(now, loadedNow.map((l) => l.loaded)),
  ];
  const stopped = stopOnUnusable('diff', unusable, io.stderr);
  if (stopped !== undefined) return { stopped };

  const found: NewAccess[] = [];
  const lifted: LiftedDeny[] = [];
  const present = new Set<string>();
  for (const { document: doc, loaded: newSet } of loadedNow) {
    present.add(keyOf(doc));
    const old = loadedAtRef.get(keyOf(doc));
    if (old?.document.text === doc.text) continue;
    if (old) sayLeftOut(old.loaded, io, ` at ${ref}`);
    sayLeftOut(newSet, io);
    const compared = withoutUnchangedUnknowns(old ? statementsOf(old.loaded) : [], statementsOf(newSet));
    sayOldUnknowns(compared.old, io, ` at ${ref}`);
    // A loop, not push(...): two large documents may differ in more grants than a call takes arguments.
    for (const access of findNewAccess(compared.old, compared.new)) found.push(access);
    for (const access of findLiftedDenies(compared.old, compared.new)) lifted.push({ access, ref, deleted: false });
  }
  for (const [key, old] of loadedAtRef) {
    if (present.has(key)) continue;
    sayLeftOut(old.loaded, io, ` at ${ref}`);
    for (const access of findLiftedDenies(statementsOf(old.loaded), [])) lifted.push({ access, ref, deleted: true });
  }
  return { found, lifted };
}

/** What an entry for content the host computes says: `the whole policy`, `Statement[1]`. */
const computedPart = (f: NewAccess) => (f.statement.unknown ? unknownSubject(f.statement.unknown) : '');

function message(f: NewAccess): string {
  if (f.statement.unknown?.opaque) {
    return `Possible new access, not proven either way: ${computedPart(f)}, may grant anything the old policies do not; ${f.statement.unknown.remedy ?? 'settle it'} to compare it`;
  }
  const who = f.principal !== undefined ? ` for principal ${f.principal}` : '';
  const condition = f.caseRule ? ' (depending on whether RAM compares resources ignoring case)' : f.conditional ? ' (when its condition holds)' : '';
  return `New access${who}: ${f.action} on ${f.resource || '""'}${condition}, which the old policies do not allow; re-check with ramlint can`;
}

function liftedMessage(l: LiftedDeny): string {
  const f = l.access;
  if (f.statement.unknown?.opaque) {
    return `Possible Deny lifted, not proven either way: at ${l.ref}, ${computedPart(f)} (line ${f.statement.origin.line}), may have denied anything, and ${l.deleted ? 'this policy is gone now' : 'no Deny of this policy is known to cover it now'}; the identity's other policies may allow it`;
  }
  const who = f.principal !== undefined ? ` for principal ${f.principal}` : '';
  const condition = f.caseRule ? ' (depending on whether RAM compares resources ignoring case)' : f.conditional ? ' (when its condition held)' : '';
  const now = l.deleted ? 'this policy is gone now' : 'no Deny of this policy covers it now';
  return `Deny lifted${who}: ${f.action} on ${f.resource || '""'}${condition} was denied by ${f.statement.origin.path} (line ${f.statement.origin.line}) at ${l.ref}, and ${now}; the identity's other policies may allow it, re-check with ramlint can`;
}

const locationOf = (f: NewAccess) => ({ filePath: f.statement.origin.filePath, line: f.statement.origin.line, column: f.statement.origin.column, path: f.statement.origin.path });

function format(found: readonly NewAccess[], lifted: readonly LiftedDeny[] | undefined, name: string, io: Io): string {
  if (name === 'json') {
    const entry = (f: NewAccess) => ({ action: f.action, resource: f.resource, ...(f.principal !== undefined ? { principal: f.principal } : {}), conditional: f.conditional, ...(f.unproven ? { unproven: true } : {}) });
    const newAccess = found.map((f) => ({ ...entry(f), statement: locationOf(f) }));
    if (lifted === undefined) return `${JSON.stringify({ newAccess }, null, 2)}\n`;
    const liftedDenies = lifted.map((l) => ({ ...entry(l.access), deniedAt: { ref: l.ref, ...locationOf(l.access) }, deleted: l.deleted }));
    return `${JSON.stringify({ newAccess, liftedDenies }, null, 2)}\n`;
  }
  // The other formats show each new grant as a finding at its statement, through the linter's formatters;
  // a lifted Deny at the Deny's place in the file at the ref (the message says so).
  const byFile = new Map<string, LintMessage[]>();
  const shown = [...found.map((f) => ({ f, ruleId: RULE_ID, text: message(f) })), ...(lifted ?? []).map((l) => ({ f: l.access, ruleId: LIFTED_RULE_ID, text: liftedMessage(l) }))];
  for (const { f, ruleId, text } of shown) {
    const o = f.statement.origin;
    const m: LintMessage = {
      ruleId,
      category: 'security',
      severity: 'error',
      message: text,
      line: o.line,
      column: o.column,
      endLine: o.endLine,
      endColumn: o.endColumn,
      path: o.path,
      offset: o.offset,
      endOffset: o.endOffset,
      fingerprintValue: `${f.action}\0${f.resource}`,
      ...(o.label ? { document: o.label } : {}),
    };
    byFile.set(o.filePath, [...(byFile.get(o.filePath) ?? []), m]);
  }
  const inOrder = (messages: LintMessage[]) => messages.sort((a, b) => a.line - b.line || a.column - b.column);
  const results: LintResult[] = [...byFile].map(([filePath, messages]) => summarize({ filePath: path.resolve(io.cwd, filePath), kind: undefined, messages: inOrder(messages), suppressedMessages: [] }));
  if (name === 'stylish' && results.length === 0) return 'No new access.\n';
  return loadFormatter(name)(results, { cwd: io.cwd, color: false, rules: new Map(), version: packageVersion(), repoRoot: repositoryRoot(io.cwd) });
}
