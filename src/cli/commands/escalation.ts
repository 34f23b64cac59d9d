/**
 * `ramlint escalation <paths..>`: privilege-escalation paths across all the
 * policies given together. Exit 0 none, 1 some, 2 usage error.
 */
import type { Io } from '../io';
import { UsageError } from '../errors';
import { type LoadedPolicies, loadDocuments } from '../../evaluation/documents';
import { FULL_CONTROL_SERVICES } from '../../engine/analysis/escalation';
import { type EscalationPath, findEscalationPaths, narrowedNote } from '../../evaluation/escalation';
import type { EvalStatement } from '../../evaluation/model';
import { terminalSafe } from '../../formatters/terminal';
import { readPolicyDocuments, safeNote, stopOnUnusable, unusableInputs } from './load-policies';
import { parseSubcommand, strings } from './parse-subcommand';
import { escalationSarif } from './escalation-sarif';
import { repositoryRoot } from '../../api/repository';
import { packageVersion } from '../version';

// From the rule's list, so the help names what the command reports.
const FULL_SERVICE_ACTIONS = FULL_CONTROL_SERVICES.map((s) => `${s.service}:*`).join(', ');

const USAGE = `Usage: ramlint escalation [--format stylish|json|sarif] <paths..>

Find the ways the holder of these policies (taken together, as one identity's)
can give themselves more access: pass a role to a service that runs their code
(ram:PassRole with ecs:RunInstances, fc:CreateFunction, cs:CreateCluster,
ros:CreateStack …, or with ecs:AttachInstanceRamRole and ecs:InvokeCommand,
even when they are granted in different files), create or
change other users' credentials or policies, rewrite a trust policy, change an
identity provider that roles trust, or use every action of a service that is
full control (${FULL_SERVICE_ACTIONS} on every resource). Each path is
listed once with every statement involved. A PassRole scoped to named roles and
a pinned acs:Service narrows the path, and the output says so. A permission
policy the host file computes (policy_document = var.doc) may grant anything:
it is reported as a path that cannot be ruled out.
In SARIF each path is one result with every statement as a related location.

Exit codes: 0 = no path; 1 = some path; 2 = usage error, or a policy file that
cannot be read or parsed (it is never taken as granting nothing).`;

export async function runEscalation(argv: readonly string[], io: Io): Promise<number> {
  const args = parseSubcommand('escalation', argv, (y) =>
    y
      .usage(USAGE)
      .command('$0 [paths..]', false, (c) => c.positional('paths', { type: 'string', array: true }))
      .option('format', { alias: 'f', type: 'string', choices: ['stylish', 'json', 'sarif'], default: 'stylish', describe: 'Output format' }),
  );
  if (!args.ok) {
    if (args.stdout) io.stdout(args.stdout);
    if (args.stderr) io.stderr(args.stderr);
    return args.exitCode;
  }
  const usage = (message: string) => (io.stderr(`ramlint escalation: ${terminalSafe(message)}\nRun "ramlint escalation --help" for usage.\n`), 2);
  const paths = strings(args.argv.paths);
  if (paths.length === 0) return usage('name the policy files or directories to examine');
  let loaded: LoadedPolicies;
  try {
    const read = await readPolicyDocuments(paths, io.cwd);
    for (const note of read.notes) io.stderr(safeNote('escalation', note));
    loaded = loadDocuments(read.documents);
    const stopped = stopOnUnusable('escalation', unusableInputs(read, [loaded]), io.stderr);
    if (stopped !== undefined) return stopped;
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  for (const p of loaded.problems) io.stderr(safeNote('escalation', `${p.filePath}${p.label ? ` (${p.label})` : ''}: ${p.message}`));
  const found = findEscalationPaths(loaded.policies.flatMap((p) => p.statements));
  if (args.argv.format === 'sarif') {
    io.stdout(escalationSarif(found, io.cwd, repositoryRoot(io.cwd), packageVersion()));
  } else if (args.argv.format === 'json') {
    io.stdout(`${JSON.stringify({ paths: found.map(toJson) }, null, 2)}\n`);
  } else if (found.length === 0) {
    io.stdout('No privilege-escalation path.\n');
  } else {
    io.stdout(found.map(stylish).join('\n'));
  }
  return found.length > 0 ? 1 : 0;
}

function toJson(p: EscalationPath) {
  return {
    kind: p.kind,
    actions: p.actions,
    description: p.description,
    conditional: p.conditional,
    ...(p.narrowedTo ? { narrowedTo: p.narrowedTo } : {}),
    statements: p.statements.map((s) => ({ filePath: s.origin.filePath, line: s.origin.line, column: s.origin.column, path: s.origin.path })),
  };
}

/** Actions, role ARNs (in the description), file names and paths come from the policies and the tree: each line is escaped. */
function stylish(p: EscalationPath): string {
  const head = `${p.actions.join(' + ')}: can ${p.description}${p.conditional && p.kind !== 'unknown-policy' ? ' (when the conditions hold)' : ''}${narrowedNote(p)}`;
  // A whole policy the host computes has no path inside it: its label says which one it is.
  const where = (s: EvalStatement) => [`${s.origin.filePath}:${s.origin.line}:${s.origin.column}`, s.origin.path || (s.origin.label && `(${s.origin.label})`)].filter(Boolean).join('  ');
  return `${[head, ...p.statements.map((s) => `  ${where(s)}`)].map(terminalSafe).join('\n')}\n`;
}
