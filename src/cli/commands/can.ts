/**
 * `ramlint can`: is this request allowed by these policies? Exit 0 allow,
 * 1 denied, 3 conditional, 2 usage error.
 */
import type { Io } from '../io';
import { UsageError } from '../errors';
import { contextFrom } from '../../evaluation/conditions';
import { type LoadedPolicies, loadDocuments } from '../../evaluation/documents';
import { type RequestResult, evaluateRequest } from '../../evaluation/request';
import { terminalSafe } from '../../formatters/terminal';
import { readPolicyDocuments, safeNote, stopOnUnusable, unusableInputs } from './load-policies';
import { parseSubcommand, strings } from './parse-subcommand';

const USAGE = `Usage: ramlint can --action <action> --resource <resource> [--context <key>=<value>]... [--principal <principal>] <paths..>

Evaluate a request against the policies in the paths, taken as the policies of
one identity: an explicit Deny wins, otherwise some Allow must match, otherwise
the request is implicitly denied. Statements with a Principal (trust and bucket
policies) apply only when --principal names a principal they match (a trust
policy's acs:ram::<uid>:root matches the account's RAM users and roles, not the
account itself or its identity providers; a bucket policy statement for
Principal "*" without a Condition spares the bucket owner, the account in the
resource's ARN). VPC endpoint
policies (in Terraform and ROS) grant nothing and are left out, with a note.
A policy, statement, Principal or Condition the host file computes (var.doc,
Condition = var.cond) is evaluated as unknown, with a note: the answer is
"conditional" wherever it could change it.

--action and --resource may be repeated: every pair is asked.
--context <key>=<value> gives a condition key a value (repeat for several
values); --context <key> with no "=" says the key is absent from the request.
A condition whose key has no value makes the answer "conditional".

Exit codes: 0 = allowed; 1 = denied (for a matrix: any pair denied);
3 = conditional (and none denied); 2 = usage error, or a policy file that
cannot be read or parsed (it is never taken as granting nothing).`;

export const EXIT_ALLOW = 0;
export const EXIT_DENY = 1;
export const EXIT_USAGE = 2;
export const EXIT_CONDITIONAL = 3;

export async function runCan(argv: readonly string[], io: Io): Promise<number> {
  const args = parseSubcommand('can', argv, (y) =>
    y
      .usage(USAGE)
      .command('$0 [paths..]', false, (c) => c.positional('paths', { type: 'string', array: true }))
      .option('action', { alias: 'a', type: 'string', describe: 'Action to ask about, such as oss:GetObject (repeatable)' })
      .option('resource', { alias: 'r', type: 'string', describe: 'Resource ARN to ask about (repeatable)' })
      .option('context', { type: 'string', describe: 'Condition key value, <key>=<value>; <key> alone: absent (repeatable)' })
      .option('principal', { type: 'string', describe: 'Who asks, for trust and bucket policies (acs:ram::<uid>:user/<name>, a UID, <svc>.aliyuncs.com)' })
      .option('format', { alias: 'f', type: 'string', choices: ['stylish', 'json'], default: 'stylish', describe: 'Output format' })
      .example('ramlint can -a oss:DeleteObject -r acs:oss:*:123:sales/report.csv policies/', 'Can this identity delete the object?')
      .example('ramlint can -a sts:AssumeRole -r "*" --principal acs:ram::123:user/alice trust.json', 'Can user alice of account 123 assume the role?'),
  );
  if (!args.ok) {
    if (args.stdout) io.stdout(args.stdout);
    if (args.stderr) io.stderr(args.stderr);
    return args.exitCode;
  }
  const actions = strings(args.argv.action);
  const resources = strings(args.argv.resource);
  const paths = strings(args.argv.paths);
  const usage = (message: string) => (io.stderr(`ramlint can: ${terminalSafe(message)}\nRun "ramlint can --help" for usage.\n`), EXIT_USAGE);
  if (actions.length === 0 || actions.some((a) => a.trim() === '')) return usage('give the action to ask about with --action (for example --action oss:GetObject)');
  if (resources.length === 0 || resources.some((r) => r.trim() === '')) return usage('give the resource to ask about with --resource (for example --resource "acs:oss:*:123:bucket/key")');
  if (paths.length === 0) return usage('name the policy files or directories to evaluate');
  const pairs: [string, string | undefined][] = [];
  for (const item of strings(args.argv.context)) {
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    if (key.trim() === '') return usage(`--context "${item}" needs a key, as in --context acs:SourceIp=192.0.2.1`);
    pairs.push([key, eq < 0 ? undefined : item.slice(eq + 1)]);
  }
  const principal = args.argv.principal as string | undefined;
  if (principal !== undefined && principal.trim() === '') return usage('--principal needs a value');

  let loaded: LoadedPolicies;
  try {
    const read = await readPolicyDocuments(paths, io.cwd);
    for (const note of read.notes) io.stderr(safeNote('can', note));
    loaded = loadDocuments(read.documents);
    const stopped = stopOnUnusable('can', unusableInputs(read, [loaded]), io.stderr);
    if (stopped !== undefined) return stopped;
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  for (const p of loaded.problems) io.stderr(safeNote('can', `${p.filePath}${p.label ? ` (${p.label})` : ''}: ${p.message}`));
  const statements = loaded.policies.flatMap((p) => p.statements);
  const context = contextFrom(pairs);
  const results = actions.flatMap((action) => resources.map((resource) => ({ action, resource, result: evaluateRequest(statements, { action, resource, principal, context }) })));

  if (args.argv.format === 'json') {
    const shaped = results.map((r) => ({ action: r.action, resource: r.resource, ...jsonResult(r.result) }));
    const first = shaped[0];
    // One question: exactly the documented object; a matrix: one per pair, naming its pair.
    const body = shaped.length === 1 && first ? { decision: first.decision, statements: first.statements, conditions: first.conditions } : { results: shaped };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    io.stdout(results.map((r) => stylish(r.action, r.resource, r.result)).join('\n'));
  }
  const decisions = results.map((r) => r.result.decision);
  if (decisions.some((d) => d === 'explicit-deny' || d === 'implicit-deny')) return EXIT_DENY;
  if (decisions.includes('conditional')) return EXIT_CONDITIONAL;
  return EXIT_ALLOW;
}

function jsonResult(result: RequestResult) {
  return {
    decision: result.decision,
    statements: result.deciding.map((s) => ({ filePath: s.origin.filePath, line: s.origin.line, column: s.origin.column, path: s.origin.path, effect: s.effect })),
    conditions: result.conditionKeys,
  };
}

const EXPLAIN: Record<RequestResult['decision'], string> = {
  allow: 'allowed',
  'explicit-deny': 'denied by an explicit Deny',
  'implicit-deny': 'denied: no statement allows it',
  conditional: 'conditional: the answer depends on',
};

/** Condition keys, file names, labels and paths come from the policies and the tree: each line is escaped (terminalSafe). */
function stylish(action: string, resource: string, result: RequestResult): string {
  const head = `${action} on ${resource}: ${EXPLAIN[result.decision]}${result.decision === 'conditional' ? ` ${result.conditionKeys.join(', ')}` : ''}`;
  const lines = result.deciding.map((s) => `  ${[s.effect.padEnd(5), `${s.origin.filePath}:${s.origin.line}:${s.origin.column}`, s.origin.path, s.origin.label && `(${s.origin.label})`].filter(Boolean).join('  ')}`);
  return `${[head, ...lines].map(terminalSafe).join('\n')}\n`;
}
