/**
 * `ramlint diff <old> <new>`: does the new set of policies grant anything the
 * old one does not? `--base <ref> [paths..]`: the same for each policy file
 * against its version at a git ref. Exit 0 no new access, 1 new access, 2 usage.
 */
import path from 'node:path';
import type { Io } from '../io';
import { UsageError } from '../errors';
import { type LoadedPolicies, type PolicyDocument, loadDocuments } from '../../evaluation/documents';
import { type NewAccess, findNewAccess } from '../../evaluation/diff';
import type { LintMessage, LintResult } from '../../engine/types';
import { summarize } from '../../engine/linter';
import { loadFormatter } from '../../formatters';
import { findRepoRoot } from './repo-root';
import { packageVersion } from '../version';
import { documentsAtRef } from './git-base';
import { type ReadDocuments, readPolicyDocuments } from './load-policies';
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
an old Deny as always applying.

<old> and <new> are the same identity's policies before and after. With
--base, each .json/.jsonc file under the paths (default: .) is compared with
its version at the ref (a file new since the ref is compared with nothing).

Exit codes: 0 = no new access; 1 = new access; 2 = usage error.`;

const FORMATS = ['stylish', 'json', 'sarif', 'github'];
export const RULE_ID = 'new-access';

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
  const usage = (message: string) => (io.stderr(`ramlint diff: ${message}\nRun "ramlint diff --help" for usage.\n`), 2);
  const paths = strings(args.argv.paths);
  const base = args.argv.base as string | undefined;
  let found: NewAccess[];
  try {
    if (base !== undefined) {
      if (base.trim() === '') return usage('--base needs a git ref, such as origin/main');
      found = await compareWithRef(base, paths.length > 0 ? paths : ['.'], io);
    } else {
      if (paths.length !== 2) return usage('give the old and the new policies: ramlint diff <old> <new> (or --base <git-ref>)');
      const oldSet = load(await readPolicyDocuments([paths[0] as string], io.cwd), io);
      const newSet = load(await readPolicyDocuments([paths[1] as string], io.cwd), io);
      found = findNewAccess(statementsOf(oldSet), statementsOf(newSet));
    }
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  for (const f of found) if (f.unproven) io.stderr(`ramlint diff: ${f.statement.origin.filePath} ${f.statement.origin.path}: too complex to compare within the search budget; reported as new access\n`);
  io.stdout(format(found, args.argv.format as string, io));
  return found.length > 0 ? 1 : 0;
}

function load(read: ReadDocuments, io: Io): LoadedPolicies {
  for (const note of read.notes) io.stderr(`ramlint diff: ${note}\n`);
  const loaded = loadDocuments(read.documents);
  for (const p of loaded.problems) io.stderr(`ramlint diff: ${p.filePath}${p.label ? ` (${p.label})` : ''}: ${p.message}\n`);
  return loaded;
}

const statementsOf = (l: LoadedPolicies) => l.policies.flatMap((p) => p.statements);

/**
 * Each policy document now against the same document at the ref (same file,
 * same label inside a host file): a policy is one identity's, not the whole folder's.
 */
async function compareWithRef(ref: string, paths: readonly string[], io: Io): Promise<NewAccess[]> {
  const keyOf = (d: PolicyDocument) => `${path.normalize(d.filePath)}\0${d.label ?? ''}`;
  const atRef = await documentsAtRef(ref, paths, io.cwd);
  const before = new Map(atRef.documents.map((d) => [keyOf(d), d]));
  const now = await readPolicyDocuments(paths, io.cwd);
  for (const note of now.notes) io.stderr(`ramlint diff: ${note}\n`);
  const out: NewAccess[] = [];
  for (const doc of now.documents) {
    const old = before.get(keyOf(doc));
    if (old?.text === doc.text) continue;
    const newSet = load({ documents: [doc], notes: [] }, io);
    if (newSet.policies.length === 0) continue;
    out.push(...findNewAccess(old ? statementsOf(load({ documents: [old], notes: [] }, io)) : [], statementsOf(newSet)));
  }
  return out;
}

function message(f: NewAccess): string {
  const who = f.principal !== undefined ? ` for principal ${f.principal}` : '';
  const condition = f.conditional ? ' (when its condition holds)' : '';
  return `New access${who}: ${f.action} on ${f.resource || '""'}${condition}, which the old policies do not allow; re-check with ramlint can`;
}

function format(found: readonly NewAccess[], name: string, io: Io): string {
  if (name === 'json') {
    const newAccess = found.map((f) => ({
      action: f.action,
      resource: f.resource,
      ...(f.principal !== undefined ? { principal: f.principal } : {}),
      conditional: f.conditional,
      statement: { filePath: f.statement.origin.filePath, line: f.statement.origin.line, column: f.statement.origin.column, path: f.statement.origin.path },
    }));
    return `${JSON.stringify({ newAccess }, null, 2)}\n`;
  }
  // The other formats show each new grant as a finding at its statement, through the linter's formatters.
  const byFile = new Map<string, LintMessage[]>();
  for (const f of found) {
    const o = f.statement.origin;
    const m: LintMessage = {
      ruleId: RULE_ID,
      category: 'security',
      severity: 'error',
      message: message(f),
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
  const results: LintResult[] = [...byFile].map(([filePath, messages]) => summarize({ filePath: path.resolve(io.cwd, filePath), kind: undefined, messages, suppressedMessages: [] }));
  if (name === 'stylish' && results.length === 0) return 'No new access.\n';
  return loadFormatter(name)(results, { cwd: io.cwd, color: false, rules: new Map(), version: packageVersion(), repoRoot: findRepoRoot(io.cwd) });
}
