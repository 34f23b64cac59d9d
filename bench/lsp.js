#!/usr/bin/env node
'use strict';
/**
 * Language server speed, in a warm server (`ramlint lsp --stdio`, debounce 0):
 *
 *   keystroke: one-character edits to a typical policy; time from didChange
 *              to the diagnostics of that version (p50/p95 over N changes)
 *   large:     the same for a 1,000-statement policy, plus how long a hover
 *              sent right after the edit waits (the lint runs on the server's
 *              one thread, so this is how long the server is blocked)
 *
 * Usage: node bench/lsp.js [--changes N] [--large-changes N] [--json]
 * Build first (npm run build): the benchmark runs the compiled dist/.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const ROOT = path.resolve(__dirname, '..');
const TYPICAL = path.join(ROOT, 'examples', 'unsafe', 'passrole-any-role.json');
const TIMEOUT_MS = 30_000;
const { flagsOf } = require('./flags');

const USAGE = `Usage: node bench/lsp.js [--changes N] [--large-changes N] [--json]
  --changes N        one-character edits to the typical policy (default 200)
  --large-changes N  edits to the 1,000-statement policy (default 10)
  --json             print the result as JSON
Build first (npm run build): the benchmark runs the compiled dist/.
`;
const FLAGS = { '--changes': 'whole', '--large-changes': 'whole', '--json': 'switch' };

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x) => Math.round(x * 100) / 100;
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted[sorted.length - 1]) };
}

function largePolicy(statements) {
  const body = [];
  for (let i = 0; i < statements; i++) {
    body.push(`    {\n      "Effect": "Allow",\n      "Action": ["oss:GetObject", "oss:PutObject", "ecs:Describe*"],\n      "Resource": ["acs:oss:*:123456789012:bucket-${i}/*", "acs:ecs:cn-hangzhou:123456789012:instance/i-${i}"]\n    }`);
  }
  return `{\n  "Version": "1",\n  "Statement": [\n${body.join(',\n')}\n  ]\n}\n`;
}

async function main() {
  const { changes, largeChanges, json } = flagsOf('bench/lsp.js', USAGE, FLAGS, { changes: 200, largeChanges: 10, json: false });
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'ramlint.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}@${p.version}`;
    waiting.get(key)?.(p);
    waiting.delete(key);
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ debounceMs: 0 })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const diagnosticsOf = (uri, version) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version} after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      waiting.set(`${uri}@${version}`, (p) => {
        clearTimeout(timer);
        resolve(p);
      });
    });

  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});

  /** Alternately types and deletes a space inside the first string value: a keystroke that keeps the policy valid. */
  async function keystrokes(uri, text, count, alsoHover) {
    const opened = diagnosticsOf(uri, 1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const first = await opened;
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"Effect"'));
    const character = lines[line].indexOf('"Effect"');
    const times = [];
    const hovers = [];
    // The first edits warm the JIT up; they are timed but not counted.
    const warmup = Math.min(20, Math.floor(count / 5));
    for (let version = 2; version < count + warmup + 2; version++) {
      const typing = version % 2 === 0;
      const range = { start: { line, character }, end: { line, character: typing ? character : character + 1 } };
      const published = diagnosticsOf(uri, version);
      const start = process.hrtime.bigint();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: typing ? ' ' : '' }] });
      const hover = alsoHover ? connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: character + 2 } }).then(() => process.hrtime.bigint()) : undefined;
      await published;
      const counted = version >= warmup + 2;
      if (counted) times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (hover && counted) hovers.push(Number((await hover) - start) / 1e6);
      else if (hover) await hover;
    }
    return { findings: first.diagnostics.length, relint: stats(times), ...(alsoHover ? { hoverWhileLinting: stats(hovers) } : {}) };
  }

  const typical = await keystrokes('file:///bench/typical.json', fs.readFileSync(TYPICAL, 'utf8'), changes, false);
  const big = largePolicy(1000);
  const large = await keystrokes('file:///bench/large.json', big, largeChanges, true);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  const result = {
    typical: { file: path.relative(ROOT, TYPICAL), ...typical },
    large: { statements: 1000, chars: big.length, ...large },
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    process.stdout.write(`re-lint after a keystroke, warm server (ms):\n`);
    process.stdout.write(`  typical policy (${result.typical.file}): p50 ${typical.relint.p50}  p95 ${typical.relint.p95}  max ${typical.relint.max}  (${typical.relint.n} changes)\n`);
    process.stdout.write(`  1,000 statements (${big.length} chars): p50 ${large.relint.p50}  p95 ${large.relint.p95}  (${large.relint.n} changes)\n`);
    process.stdout.write(`  hover sent during that re-lint answered after: p50 ${large.hoverWhileLinting.p50}  p95 ${large.hoverWhileLinting.p95}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench/lsp.js: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
