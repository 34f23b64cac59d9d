#!/usr/bin/env node
'use strict';
/**
 * Benchmark of the evaluation commands' engine, in process:
 *   diff: two sets of 100 statements (the new set widens a few of them), with
 *         wildcards, NotAction, Denies and conditions;
 *   can:  one request matrix over 1,000 policies.
 * Each is timed against a baseline measured in the same run on the same
 * inputs (JSON.parse of the policy texts), alternating, because the machine is
 * shared and absolute times drift; the ratio is what to compare across runs.
 *
 * Usage: node bench/evaluation.js [--rounds N] [--seed S]
 * Build first (npm run build): it loads the compiled dist/.
 */
const path = require('node:path');

const DIST = path.resolve(__dirname, '..', 'dist', 'src', 'evaluation');
let loadDocuments, findNewAccess, evaluateRequest, contextFrom;
try {
  ({ loadDocuments } = require(path.join(DIST, 'documents')));
  ({ findNewAccess } = require(path.join(DIST, 'diff')));
  ({ evaluateRequest } = require(path.join(DIST, 'request')));
  ({ contextFrom } = require(path.join(DIST, 'conditions')));
} catch (error) {
  process.stderr.write(`bench/evaluation.js: build first (npm run build): ${error.message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROUNDS = option('--rounds', 5);
let seed = option('--seed', 20261202);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

const SERVICES = ['oss', 'ecs', 'rds', 'log', 'kms', 'ram', 'fc', 'cs', 'vpc', 'slb'];
const VERBS = ['Get', 'List', 'Describe', 'Put', 'Create', 'Delete', 'Update', 'Start', 'Stop'];
const NOUNS = ['Object', 'Bucket', 'Instance', 'LogStore', 'Key', 'User', 'Function', 'Cluster', 'Vpc'];

function action() {
  const r = random();
  const svc = pick(SERVICES);
  if (r < 0.1) return `${svc}:*`;
  if (r < 0.35) return `${svc}:${pick(VERBS)}*`;
  if (r < 0.4) return `${svc}:${pick(VERBS)}?${pick(NOUNS).slice(1)}`;
  return `${svc}:${pick(VERBS)}${pick(NOUNS)}`;
}
function resource() {
  const r = random();
  if (r < 0.3) return '*';
  const svc = pick(SERVICES);
  const account = pick(['*', '1234567890123456', '9876543210987654']);
  if (r < 0.6) return `acs:${svc}:*:${account}:${pick(NOUNS).toLowerCase()}/*`;
  if (r < 0.7) return `acs:${svc}:*:${account}:${pick(NOUNS).toLowerCase()}/p-??`;
  return `acs:${svc}:cn-${pick(['hangzhou', 'beijing', 'shanghai'])}:${account}:${pick(NOUNS).toLowerCase()}/${pick(['a', 'b', 'c'])}${Math.floor(random() * 100)}`;
}
function statement() {
  const s = { Effect: random() < 0.1 ? 'Deny' : 'Allow' };
  const actions = Array.from({ length: 1 + Math.floor(random() * 4) }, action);
  // NotAction only in Denies: an Allow with NotAction on "*" grants nearly everything and would hide every change.
  if (s.Effect === 'Deny' && random() < 0.1) s.NotAction = actions;
  else s.Action = actions;
  s.Resource = Array.from({ length: 1 + Math.floor(random() * 2) }, resource);
  if (random() < 0.2) s.Condition = { IpAddress: { 'acs:SourceIp': pick(['10.0.0.0/8', '192.168.0.0/16', '172.16.0.0/12']) } };
  return s;
}
const text = (statements) => JSON.stringify({ Version: '1', Statement: statements }, null, 2);

// diff: 100 statements in 10 files; the new set keeps them, widens 5 Allows to whole services and adds one service.
const oldStatements = Array.from({ length: 100 }, statement);
const widened = new Set(oldStatements.map((s, i) => (s.Effect === 'Allow' && s.Action ? i : -1)).filter((i) => i >= 0).slice(0, 5));
const newStatements = oldStatements.map((s, i) => (widened.has(i) ? { ...s, Action: [...s.Action.map((a) => a.replace(/:.*/, ':*')), 'bench:Run*'] } : s));
const files = (statements) => Array.from({ length: 10 }, (_, f) => ({ filePath: `p${f}.json`, text: text(statements.slice(f * 10, f * 10 + 10)) }));
const oldDocs = files(oldStatements);
const newDocs = files(newStatements);

// can: 1,000 policies of 1-4 statements; a matrix of 10 actions × 10 resources.
// Denies there name single resources: a thousand policies with broad Denies would deny everything.
const narrowDeny = (s) => (s.Effect === 'Deny' ? { ...s, Resource: [`acs:oss:*:1234567890123456:object/d${Math.floor(random() * 100)}`] } : s);
const canDocs = Array.from({ length: 1000 }, (_, i) => ({ filePath: `c${i}.json`, text: text(Array.from({ length: 1 + Math.floor(random() * 4) }, () => narrowDeny(statement()))) }));
const requests = [];
// Requests drawn from the statements themselves (wildcards filled in), so that they hit something.
const fill = (p) => p.replace(/[*?]/g, 'X');
for (let i = 0; i < 100; i++) {
  const s = JSON.parse(pick(canDocs).text).Statement[0];
  requests.push({ action: fill(pick(s.Action || ['ecs:DescribeInstances'])), resource: fill(pick(s.Resource)), context: contextFrom(random() < 0.5 ? [['acs:SourceIp', '10.1.2.3']] : []) });
}

function time(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}
const baseline = (docs) => () => docs.reduce((n, d) => n + JSON.parse(d.text).Statement.length, 0);
const statementsOf = (docs) => loadDocuments(docs).policies.flatMap((p) => p.statements);

const cases = [
  { name: 'diff 100 vs 100 statements', unit: 'new grants', work: () => findNewAccess(statementsOf(oldDocs), statementsOf(newDocs)).length, base: baseline([...oldDocs, ...newDocs]) },
  {
    name: `can ${requests.length} requests over 1,000 policies`,
    unit: 'decisions',
    work: () => {
      const statements = statementsOf(canDocs);
      const counts = {};
      for (const r of requests) {
        const d = evaluateRequest(statements, r).decision;
        counts[d] = (counts[d] || 0) + 1;
      }
      return JSON.stringify(counts);
    },
    base: baseline(canDocs),
  },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const c of cases) {
  c.work();
  c.base(); // warm-up
  const work = [];
  const base = [];
  let result;
  for (let i = 0; i < ROUNDS; i++) {
    const w = time(c.work);
    result = w.result;
    work.push(w.ms);
    base.push(time(c.base).ms);
  }
  const w = median(work);
  const b = median(base);
  process.stdout.write(`${c.name}: ${w.toFixed(1)} ms (median of ${ROUNDS}; ${c.unit}: ${result}); JSON.parse baseline ${b.toFixed(2)} ms; ratio ${(w / b).toFixed(1)}x\n`);
}
