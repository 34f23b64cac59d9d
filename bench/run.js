#!/usr/bin/env node
'use strict';
/**
 * ramlint's benchmark. Speed is a ratio against a baseline timed in the same
 * run, alternating, because the machine is shared and absolute times drift.
 *
 *   corpus:  node bin/ramlint.js --format json <dir>   vs  node bench/baseline.js <dir>
 *            (N generated policies; baseline = read + JSON.parse each file)
 *   cached:  the corpus again with --cache, unchanged   vs  the same baseline
 *   single:  node bin/ramlint.js <one typical file>      vs  node -e 0
 *   terraform: ramlint on 1,000 of those policies as heredocs in .tf files
 *            vs  ramlint on the same policies as bare .json files
 *   large:   ramlint on one 10,000-statement policy  vs  node bench/parse-baseline.js
 *            (read + JSON.parse + jsonc-parser's located tree)
 *   then bench/relint.js (warm re-lint in process, the editor case), bench/curves.js
 *   (files 1k–50k, statements 10–10k, peak RSS), bench/evaluation.js (can, diff)
 *   and bench/lsp.js (a warm language server)
 *
 * Usage: node bench/run.js [--files N] [--pairs N] [--single-pairs N] [--seed S] [--keep] [--quick] [--no-curves] [--write]
 *   --files N         policies to generate (default 10000)
 *   --pairs N         timed corpus pairs after one warm-up pair (default 5)
 *   --single-pairs N  timed single-file pairs (default 8 × pairs, so 40: a pair is ~0.2 s and its ratio swings most)
 *   --write           rewrite the results section of docs/performance.md
 *   --keep            keep the generated directory (its path is printed)
 *   --quick           skip the evaluation and language-server benchmarks; relint and
 *                     curves run at their --quick sizes (a few seconds)
 *   --no-curves       skip bench/curves.js (its full sizes take a few minutes)
 * Build first (npm run build); the benchmark runs the compiled dist/.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generate } = require('./generate');
const { largePolicy, terraformPair } = require('./cases');
const curves = require('./curves');
const relint = require('./relint');
const { flagsOf } = require('./flags');

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'ramlint.js');
const BASELINE = path.join(__dirname, 'baseline.js');
const DOC = path.join(ROOT, 'docs', 'performance.md');
const START_MARK = '<!-- bench:results:start -->';
const END_MARK = '<!-- bench:results:end -->';
/** Targets from issue #10 §5, as ratios against each case's same-run baseline. */
const TARGETS = { corpus: 3, cached: 1.5, single: 1.3, large: 3 };
/**
 * Issue #10 §4: 50k files in no more memory than 10k. Peak RSS of the same
 * work moves by a few percent from run to run, and a walk of 50k files holds
 * their paths, so "no more" is read as within 10%.
 */
const FLAT_RSS = 1.1;
const PARSE_BASELINE = path.join(__dirname, 'parse-baseline.js');
const USAGE = `Usage: node bench/run.js [--files N] [--pairs N] [--single-pairs N] [--seed S] [--keep] [--quick] [--no-curves] [--write]
  --files N         policies to generate (default 10000)
  --pairs N         timed corpus pairs after one warm-up pair (default 5)
  --single-pairs N  timed single-file pairs (default 8 x pairs, so 40)
  --seed S          generator seed (default 20240601)
  --write           rewrite the results section of docs/performance.md
  --keep            keep the generated directory (its path is printed)
  --quick           skip the evaluation and language-server benchmarks;
                    relint and curves run at their --quick sizes (a few seconds)
  --no-curves       skip bench/curves.js (its full sizes take a few minutes)
Build first (npm run build): the benchmark runs the compiled dist/.
`;

function parseFlags() {
  const opts = flagsOf('bench', USAGE, {
    '--files': 'whole',
    '--pairs': 'whole',
    '--single-pairs': 'whole',
    '--seed': 'whole',
    '--write': 'switch',
    '--keep': 'switch',
    '--quick': 'switch',
    '--no-curves': 'switch',
  }, { files: 10000, pairs: 5, singlePairs: undefined, seed: 20240601, write: false, keep: false });
  opts.singlePairs ??= opts.pairs * 8;
  return opts;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

/** Runs one command, stdout discarded; returns wall milliseconds. Exit codes outside `ok` abort the benchmark. */
function timed(label, args, ok) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.error) fail(`${label}: ${r.error.message}`);
  if (!ok.includes(r.status)) fail(`${label} exited ${r.status ?? r.signal}${r.stderr ? `:\n${r.stderr.slice(0, 2000)}` : ''}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ min: Math.min(...xs), median: median(xs), max: Math.max(...xs) });

/**
 * Alternating pairs: one untimed warm-up pair, then `pairs` timed pairs whose
 * order flips each time (AB, BA, …) so drift on a shared machine hits both.
 */
function comparePairs(a, b, pairs) {
  timed(a.label, a.args, a.ok);
  timed(b.label, b.args, b.ok);
  const ta = [];
  const tb = [];
  const ratios = [];
  for (let i = 0; i < pairs; i++) {
    let x;
    let y;
    if (i % 2 === 0) {
      x = timed(a.label, a.args, a.ok);
      y = timed(b.label, b.args, b.ok);
    } else {
      y = timed(b.label, b.args, b.ok);
      x = timed(a.label, a.args, a.ok);
    }
    ta.push(x);
    tb.push(y);
    ratios.push(x / y);
  }
  return { a: stats(ta), b: stats(tb), ratio: median(ratios), ratios };
}

/** One untimed run whose output is read, to prove every file was linted. */
function checkLintOutput(dir, expected) {
  const r = spawnSync(process.execPath, [BIN, '--format', 'json', dir], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) fail(`ramlint exited ${r.status ?? r.signal}:\n${(r.stderr || '').slice(0, 2000)}`);
  let results;
  try {
    results = JSON.parse(r.stdout);
  } catch (error) {
    fail(`ramlint --format json printed no JSON: ${error.message}`);
  }
  if (results.length !== expected) fail(`ramlint reported ${results.length} files, expected ${expected}`);
  let findings = 0;
  let withErrors = 0;
  for (const f of results) {
    findings += f.messages.length;
    if (f.errorCount > 0) withErrors++;
  }
  return { findings, withErrors, outputBytes: Buffer.byteLength(r.stdout) };
}

/** The permission policy whose size is closest to the median size: a typical file. */
function typicalFile(files) {
  const sizes = files.map((f) => f.size);
  const mid = median(sizes);
  let best = files[0];
  for (const f of files) if (f.kind === 'permission' && Math.abs(f.size - mid) < Math.abs(best.size - mid)) best = f;
  return { file: best, medianSize: mid };
}

/** The commit being measured, and whether the compiled sources differ from it (read-only git queries). */
function revision() {
  const git = (args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const head = git(['rev-parse', '--short', 'HEAD']);
  if (head.status !== 0) return 'unknown revision';
  const dirty = git(['status', '--porcelain', '--', 'src', 'bin', 'package.json']);
  return `${head.stdout.trim()}${dirty.status === 0 && dirty.stdout.trim() ? ' + uncommitted changes in src/' : ''}`;
}

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: (cpus[0]?.model ?? 'unknown').trim(),
    cores: cpus.length,
    platform: `${os.platform()} ${os.release()}`,
    load: os.loadavg().map((l) => l.toFixed(2)).join(' '),
    revision: revision(),
  };
}

/** The evaluation and language-server benchmarks run in their own processes; their output goes into the report. */
function subBenchmark(script, args) {
  process.stderr.write(`bench: ${script} …\n`);
  // Its progress and errors go straight to this process's stderr.
  const r = spawnSync(process.execPath, [path.join(__dirname, script), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) fail(`${script} exited ${r.status ?? r.signal} (its message is above)`);
  return r.stdout.trim();
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const verdict = (ratio, target) => (target === undefined ? '—' : ratio <= target ? 'met' : 'missed');
const targetText = (target) => (target === undefined ? '—' : `≤ ${target}×`);

function report(r) {
  const rows = [
    ['corpus', `ramlint --format json (${r.files} files)`, r.corpus.a],
    ['corpus', 'baseline: read + JSON.parse', r.corpus.b],
    ['cached', `ramlint --cache --format json (${r.files} files, unchanged since the last run)`, r.cached.a],
    ['cached', 'baseline: read + JSON.parse', r.cached.b],
    ['no rules', `ramlint -c <every rule off> --format json (${r.files} files)`, r.noRules.a],
    ['no rules', 'baseline: read + JSON.parse', r.noRules.b],
    ['single', `ramlint ${r.single.name} (${r.single.size} B)`, r.single.a],
    ['single', 'baseline: node -e 0', r.single.b],
    ['terraform', `ramlint --format json (${r.terraform.tfFiles} .tf files, ${r.terraform.policies} heredoc policies)`, r.terraform.a],
    ['terraform', 'baseline: ramlint on the same policies as bare .json files', r.terraform.b],
    ['large', `ramlint --format json (one policy, ${r.large.statements} statements, ${(r.large.bytes / 1024).toFixed(0)} KiB)`, r.large.a],
    ['large', 'baseline: read + JSON.parse + jsonc-parser parseTree', r.large.b],
  ];
  const lines = [];
  lines.push(`| case | command | min ms | median ms | max ms |`);
  lines.push(`| --- | --- | ---: | ---: | ---: |`);
  for (const [c, label, s] of rows) lines.push(`| ${c} | ${label} | ${fmt(s.min)} | ${fmt(s.median)} | ${fmt(s.max)} |`);
  lines.push('');
  lines.push(`| ratio (median of per-pair ratios) | measured | target | verdict |`);
  lines.push(`| --- | ---: | ---: | --- |`);
  const row = (label, c, target) => `| ${label} | ${c.ratio.toFixed(2)}× | ${targetText(target)} | ${verdict(c.ratio, target)} |`;
  lines.push(row(`corpus lint / bare read + parse (${r.pairs} pairs)`, r.corpus, TARGETS.corpus));
  lines.push(row(`corpus lint with --cache, second run / bare read + parse (${r.pairs} pairs)`, r.cached, TARGETS.cached));
  lines.push(row(`corpus with every rule off / bare read + parse (${r.pairs} pairs): the walk, reading, parsing, the model and the report, without the rules`, r.noRules));
  lines.push(row(`single-file lint / node -e 0 (${r.singlePairs} pairs)`, r.single, TARGETS.single));
  lines.push(row(`Terraform lint / the same policies bare (${r.pairs} pairs)`, r.terraform));
  lines.push(row(`10,000-statement file / its own parse (${r.pairs} pairs)`, r.large, TARGETS.large));
  if (r.relint !== undefined) {
    const x = r.relint;
    const us = (s) => `${s.median.toFixed(1)} µs (${s.ratio.toFixed(1)}× parse)`;
    lines.push(`| warm re-lint of a typical policy, median, RamLint API as the language server calls it (\`bench/relint.js\`, ${x.rounds} × ${x.iterations} edits) | ${us(x.api)} | < ${x.targetUs} µs | ${x.verdict} |`);
    lines.push(`| the same, engine \`lintText\` alone (built-in rules) | ${us(x.engine)} | — | — |`);
  }
  const flat = r.curves !== undefined ? curves.flatness(r.curves.files) : undefined;
  if (flat !== undefined) {
    const judged = flat.largest === 50000 && flat.ref === 10000;
    lines.push(
      `| peak RSS, ${flat.largest.toLocaleString('en-US')} files / ${flat.ref.toLocaleString('en-US')} files (\`bench/curves.js\`) | ${flat.ratio.toFixed(2)}× | ${judged ? `≤ ${FLAT_RSS}× (flat)` : '— (not the 50k / 10k sizes)'} | ${judged ? (flat.ratio <= FLAT_RSS ? 'met' : 'missed') : '—'} |`,
    );
  }
  lines.push('');
  lines.push(
    `Generated ${r.files} files, ${(r.bytes / 1024).toFixed(0)} KiB (median file ${r.medianSize} B, seed ${r.seed}) in ${r.genMs.toFixed(0)} ms; ` +
      `ramlint found ${r.check.findings} findings, ${r.check.withErrors} files with errors (JSON report ${(r.check.outputBytes / 1024).toFixed(0)} KiB).`,
  );
  lines.push(`Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.platform}; Node ${r.machine.node}; load average at start ${r.machine.load}. ramlint at ${r.machine.revision}.`);
  const ratios = (c) => c.ratios.map((x) => x.toFixed(2)).join(', ');
  lines.push(`Per-pair ratios: corpus ${ratios(r.corpus)}; cached ${ratios(r.cached)}; every rule off ${ratios(r.noRules)}; single ${ratios(r.single)}; Terraform ${ratios(r.terraform)}; large ${ratios(r.large)}.`);
  if (r.relint !== undefined) {
    lines.push('', `\`node bench/relint.js${r.quick ? ' --quick' : ''}\` (in process, µs per re-lint after a one-character edit; the target is on the API's median):`, '', '```text', relint.renderText(r.relint).trimEnd(), '```');
  }
  if (r.curves !== undefined) {
    lines.push('', '### Curves', '', `\`node bench/curves.js${r.curves.quick ? ' --quick' : ''}\`${r.curves.quick ? ' (quick sizes: a smoke run, not the 1k–50k / 10–10k curves)' : ''}:`, '', curves.renderMarkdown(r.curves));
  }
  if (r.evaluation !== undefined) lines.push('', '`node bench/evaluation.js` (in process, median of 5 rounds):', '', '```text', r.evaluation, '```');
  if (r.lsp !== undefined) lines.push('', '`node bench/lsp.js --json` (a warm `ramlint lsp --stdio`, milliseconds from didChange to the diagnostics of that version):', '', '```json', r.lsp, '```');
  return lines.join('\n');
}

function writeDoc(table, r) {
  if (!fs.existsSync(DOC)) fail(`${path.relative(ROOT, DOC)} does not exist`);
  const doc = fs.readFileSync(DOC, 'utf8');
  const start = doc.indexOf(START_MARK);
  const end = doc.indexOf(END_MARK);
  if (start < 0 || end < start) fail(`${path.relative(ROOT, DOC)} has no ${START_MARK} … ${END_MARK} section`);
  const date = new Date().toISOString().slice(0, 10);
  const defaults = r.files === 10000 && r.pairs === 5 && r.singlePairs === 40 && !r.quick && r.curves !== undefined;
  const flags = `--files ${r.files} --pairs ${r.pairs} --single-pairs ${r.singlePairs}${r.quick ? ' --quick' : ''}${r.curves === undefined ? ' --no-curves' : ''}`;
  const command = defaults ? '`npm run bench -- --write`' : `\`node bench/run.js ${flags} --write\` (not the defaults)`;
  const body = `${START_MARK}\n_Last run ${date} with ${command}._\n\n${table}\n${END_MARK}`;
  fs.writeFileSync(DOC, doc.slice(0, start) + body + doc.slice(end + END_MARK.length));
}

function main() {
  const opts = parseFlags();
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js'))) fail('dist/ is missing: run "npm run build" first');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-bench-'));
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-bench-config-'));
  try {
    const log = (s) => process.stderr.write(`${s}\n`);
    const m = machine();
    log(`bench: Node ${m.node}, ${m.cpu}, ${m.cores} cores, load ${m.load}`);
    const genStart = process.hrtime.bigint();
    const { files, bytes } = generate({ dir, count: opts.files, seed: opts.seed });
    const genMs = Number(process.hrtime.bigint() - genStart) / 1e6;
    log(`bench: generated ${files.length} files (${(bytes / 1024).toFixed(0)} KiB) in ${genMs.toFixed(0)} ms into ${dir}`);

    const check = checkLintOutput(dir, files.length);
    const { file, medianSize } = typicalFile(files);

    log(`bench: corpus, 1 warm-up + ${opts.pairs} alternating pairs …`);
    const corpus = comparePairs(
      { label: 'ramlint (corpus)', args: [BIN, '--format', 'json', dir], ok: [0, 1] },
      { label: 'baseline', args: [BASELINE, dir], ok: [0] },
      opts.pairs,
    );
    log(`bench: corpus with --cache (the warm-up fills it), 1 warm-up + ${opts.pairs} alternating pairs …`);
    const cacheFile = path.join(dir, 'bench.ramlintcache');
    const cached = comparePairs(
      { label: 'ramlint --cache (corpus, second run)', args: [BIN, '--cache', '--cache-location', cacheFile, '--format', 'json', dir], ok: [0, 1] },
      { label: 'baseline', args: [BASELINE, dir], ok: [0] },
      opts.pairs,
    );
    log(`bench: corpus with every rule off, 1 warm-up + ${opts.pairs} alternating pairs …`);
    // What is left without the rules (the walk, reading, parse, model, report): the floor a faster rule set could reach.
    // The config lies outside the corpus, so no other case finds it.
    const rulesOff = path.join(configDir, 'rules-off.json');
    fs.writeFileSync(rulesOff, JSON.stringify({ rules: Object.fromEntries([...require(path.join(ROOT, 'dist', 'src', 'rules')).builtinRules.keys()].map((id) => [id, 'off'])) }));
    const noRules = comparePairs(
      { label: 'ramlint, every rule off (corpus)', args: [BIN, '-c', rulesOff, '--format', 'json', dir], ok: [0] },
      { label: 'baseline', args: [BASELINE, dir], ok: [0] },
      opts.pairs,
    );
    log(`bench: Terraform, 1 warm-up + ${opts.pairs} alternating pairs …`);
    const tf = terraformPair(files, dir);
    const terraform = comparePairs(
      { label: 'ramlint (Terraform)', args: [BIN, '--format', 'json', tf.tfDir], ok: [0, 1] },
      { label: 'ramlint (the same policies as .json)', args: [BIN, '--format', 'json', tf.jsonDir], ok: [0, 1] },
      opts.pairs,
    );
    log(`bench: one 10,000-statement policy, 1 warm-up + ${opts.pairs} alternating pairs …`);
    const big = largePolicy(dir);
    const large = comparePairs(
      { label: 'ramlint (large file)', args: [BIN, '--format', 'json', big.file], ok: [0, 1] },
      { label: 'read + JSON.parse + located parse', args: [PARSE_BASELINE, big.file], ok: [0] },
      opts.pairs,
    );
    log(`bench: single file, 1 warm-up + ${opts.singlePairs} alternating pairs …`);
    const single = comparePairs(
      { label: 'ramlint (single file)', args: [BIN, file.path], ok: [0, 1] },
      { label: 'node -e 0', args: ['-e', '0'], ok: [0] },
      opts.singlePairs,
    );
    const result = {
      files: files.length,
      bytes,
      medianSize,
      seed: opts.seed,
      genMs,
      check,
      pairs: opts.pairs,
      singlePairs: opts.singlePairs,
      corpus,
      cached,
      noRules,
      single: { ...single, name: path.relative(dir, file.path), size: file.size },
      terraform: { ...terraform, policies: tf.policies, tfFiles: tf.tfFiles },
      large: { ...large, statements: big.statements, bytes: big.bytes },
      quick: opts.quick === true,
      relint: JSON.parse(subBenchmark('relint.js', ['--json', ...(opts.quick ? ['--quick'] : [])])),
      curves: opts.noCurves ? undefined : JSON.parse(subBenchmark('curves.js', ['--json', ...(opts.quick ? ['--quick'] : ['--pairs', String(Math.min(opts.pairs, 3))])])),
      evaluation: opts.quick ? undefined : subBenchmark('evaluation.js', []),
      lsp: opts.quick ? undefined : subBenchmark('lsp.js', ['--json']),
      machine: m,
    };
    const table = report(result);
    process.stdout.write(`\n${table}\n`);
    if (opts.write) {
      writeDoc(table, result);
      log(`bench: wrote ${path.relative(process.cwd(), DOC) || DOC}`);
    }
  } finally {
    if (opts.keep) process.stderr.write(`bench: kept ${dir}\n`);
    else fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(configDir, { recursive: true, force: true });
  }
}

main();
