#!/usr/bin/env node
'use strict';
/**
 * How ramlint's time and memory grow (issue #10 §5: "the curves (files
 * 1k–50k, statements 10–10k, peak RSS)"; §4: "50k files in no more memory
 * than 10k"). Two curves, each point a ratio against a baseline timed in the
 * same run, alternating, plus the peak RSS of every process:
 *
 *   files:      node bin/ramlint.js --format json <dir>  vs  node bench/baseline.js <dir>
 *               for 1k, 5k, 10k, 20k, 50k policies from bench/generate.js (seeded;
 *               the first N files of a larger set are the same bytes, so the
 *               directory is grown from one size to the next, not rewritten)
 *   statements: node bin/ramlint.js --format json <file>  vs  node bench/parse-baseline.js <file>
 *               for one policy of 10, 100, 1k, 10k statements (bench/cases.js largePolicy)
 *
 * ramlint's stdout goes to a file in the temporary directory (truncated for
 * every run), as a CI job's `> report.json` does: /dev/null would hide what
 * writing the report costs, and a pipe would time the reader too. The report
 * of every run is checked to hold one result per file, so a fast run cannot
 * be one that skipped files. Peak RSS is getrusage's ru_maxrss of the process
 * itself, written at exit by bench/rss-preload.js (preloaded with `node -r`
 * into ramlint and the baselines alike), median over the runs of a point.
 *
 * Usage: node bench/curves.js [--files 1000,5000,…] [--statements 10,100,…] [--pairs N] [--seed S] [--quick] [--json] [--keep]
 *   --files LIST       file counts (default 1000,5000,10000,20000,50000)
 *   --statements LIST  statements per policy (default 10,100,1000,10000)
 *   --pairs N          timed alternating pairs per point after one warm-up pair (default 3)
 *   --quick            files 250,500,1000, statements 10,100,1000, 1 pair (a CI smoke run, a few seconds)
 *   --json             print the result as JSON instead of text tables
 *   --keep             keep the temporary directory (its path is printed)
 * Build first (npm run build): the benchmark runs the compiled dist/.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generate } = require('./generate');
const { largePolicy } = require('./cases');
const { flagsOf } = require('./flags');

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'ramlint.js');
const BASELINE = path.join(__dirname, 'baseline.js');
const PARSE_BASELINE = path.join(__dirname, 'parse-baseline.js');
const PRELOAD = path.join(__dirname, 'rss-preload.js');
const DEFAULTS = { files: [1000, 5000, 10000, 20000, 50000], statements: [10, 100, 1000, 10000], pairs: 3 };
const QUICK = { files: [250, 500, 1000], statements: [10, 100, 1000], pairs: 1 };

function fail(message) {
  process.stderr.write(`bench/curves.js: ${message}\n`);
  process.exit(2);
}

const USAGE = `Usage: node bench/curves.js [--files 1000,5000,…] [--statements 10,100,…] [--pairs N] [--seed S] [--quick] [--json] [--keep]
  --files LIST       file counts (default 1000,5000,10000,20000,50000)
  --statements LIST  statements per policy (default 10,100,1000,10000)
  --pairs N          timed alternating pairs per point after one warm-up pair (default 3)
  --quick            files 250,500,1000, statements 10,100,1000, 1 pair (a smoke run)
  --json             print the result as JSON instead of text tables
  --keep             keep the temporary directory (its path is printed)
Build first (npm run build): the benchmark runs the compiled dist/.
`;

function parseFlags() {
  const opts = flagsOf('bench/curves.js', USAGE, {
    '--files': 'wholes',
    '--statements': 'wholes',
    '--pairs': 'whole',
    '--seed': 'whole',
    '--quick': 'switch',
    '--json': 'switch',
    '--keep': 'switch',
  }, { seed: 20240601, json: false, keep: false, quick: false });
  const base = opts.quick ? QUICK : DEFAULTS;
  opts.files ??= base.files;
  opts.statements ??= base.statements;
  opts.pairs ??= base.pairs;
  return opts;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs `node -r rss-preload <args>` with stdout into `out`; returns wall ms
 * and the process's peak RSS in KiB. Exit codes outside `ok` abort.
 */
function run(label, args, ok, out) {
  const fd = fs.openSync(out, 'w');
  let r;
  let ms;
  try {
    const started = process.hrtime.bigint();
    r = spawnSync(process.execPath, ['-r', PRELOAD, ...args], {
      cwd: ROOT,
      stdio: ['ignore', fd, 'pipe', 'pipe'],
      env: { ...process.env, RAMLINT_BENCH_RSS_FD: '3' },
      maxBuffer: 1 << 24,
    });
    ms = Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    fs.closeSync(fd);
  }
  if (r.error) fail(`${label}: ${r.error.message}`);
  if (!ok.includes(r.status)) fail(`${label} exited ${r.status ?? r.signal}${r.stderr?.length ? `:\n${String(r.stderr).slice(0, 2000)}` : ''}`);
  const rssKiB = Number(String(r.output[3] ?? '').trim());
  if (!Number.isFinite(rssKiB) || rssKiB <= 0) fail(`${label}: no peak RSS came back on fd 3`);
  return { ms, rssKiB };
}

/**
 * Counts the results in a JSON report without parsing it (a 50k-file report
 * is ~70 MB): one `"filePath":` per result, and the array must be closed.
 */
function reportedFiles(file) {
  const needle = Buffer.from('"filePath":');
  const fd = fs.openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 20);
  let count = 0;
  let carry = Buffer.alloc(0);
  let last = '';
  try {
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const buf = Buffer.concat([carry, chunk.subarray(0, n)]);
      for (let at = buf.indexOf(needle); at >= 0; at = buf.indexOf(needle, at + needle.length)) count++;
      carry = Buffer.from(buf.subarray(Math.max(0, buf.length - needle.length + 1)));
      // A match cannot lie wholly inside the carried tail (it is shorter than the needle), so none is counted twice.
      last = buf.subarray(Math.max(0, buf.length - 16)).toString('utf8');
    }
  } finally {
    fs.closeSync(fd);
  }
  return { count, closed: last.trimEnd().endsWith(']') };
}

/**
 * One point: a warm-up pair (ramlint's report checked), then `pairs` timed
 * pairs in alternating order (AB, BA, …) so drift on a shared machine hits both.
 */
function point(a, b, pairs, out, expectedFiles) {
  const check = () => {
    const { count, closed } = reportedFiles(out);
    if (!closed || count !== expectedFiles) fail(`${a.label}: the report holds ${count} results${closed ? '' : ' and is not a closed JSON array'}, expected ${expectedFiles}`);
  };
  run(a.label, a.args, a.ok, out);
  check();
  const reportBytes = fs.statSync(out).size;
  run(b.label, b.args, b.ok, out);
  const ra = [];
  const rb = [];
  const ratios = [];
  for (let i = 0; i < pairs; i++) {
    let x;
    let y;
    if (i % 2 === 0) {
      x = run(a.label, a.args, a.ok, out);
      check();
      y = run(b.label, b.args, b.ok, out);
    } else {
      y = run(b.label, b.args, b.ok, out);
      x = run(a.label, a.args, a.ok, out);
      check();
    }
    ra.push(x);
    rb.push(y);
    ratios.push(x.ms / y.ms);
  }
  const side = (rs) => ({ ms: median(rs.map((r) => r.ms)), rssKiB: median(rs.map((r) => r.rssKiB)), runs: rs });
  return { ramlint: side(ra), baseline: side(rb), ratio: median(ratios), ratios, reportBytes };
}

function main() {
  const opts = parseFlags();
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js'))) fail('dist/ is missing: run "npm run build" first');
  const log = (s) => process.stderr.write(`${s}\n`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-curves-'));
  const out = path.join(tmp, 'report.json');
  try {
    const files = [];
    const corpus = path.join(tmp, 'corpus');
    let written = 0;
    let bytes = 0;
    for (const count of opts.files) {
      const g = generate({ dir: corpus, count, seed: opts.seed, from: written });
      written = count;
      bytes = g.bytes;
      log(`bench/curves.js: ${count} files (${(bytes / 1024).toFixed(0)} KiB), 1 warm-up + ${opts.pairs} pairs …`);
      const p = point(
        { label: `ramlint (${count} files)`, args: [BIN, '--format', 'json', corpus], ok: [0, 1] },
        { label: `baseline (${count} files)`, args: [BASELINE, corpus], ok: [0] },
        opts.pairs,
        out,
        count,
      );
      files.push({ files: count, bytes, ...p, msPer1k: p.ramlint.ms / (count / 1000) });
    }
    fs.rmSync(corpus, { recursive: true, force: true });

    const statements = [];
    for (const n of opts.statements) {
      const dir = path.join(tmp, `statements-${n}`);
      fs.mkdirSync(dir);
      const big = largePolicy(dir, n);
      log(`bench/curves.js: one policy of ${n} statements (${(big.bytes / 1024).toFixed(0)} KiB), 1 warm-up + ${opts.pairs} pairs …`);
      const p = point(
        { label: `ramlint (${n} statements)`, args: [BIN, '--format', 'json', big.file], ok: [0, 1] },
        { label: `read + JSON.parse + parseTree (${n} statements)`, args: [PARSE_BASELINE, big.file], ok: [0] },
        opts.pairs,
        out,
        1,
      );
      statements.push({ statements: n, bytes: big.bytes, ...p });
    }
    const result = { seed: opts.seed, pairs: opts.pairs, quick: opts.quick, stdout: 'a file in the temporary directory', files, statements };
    process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${renderMarkdown(result)}\n`);
  } finally {
    if (opts.keep) log(`bench/curves.js: kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const mib = (kib) => (kib / 1024).toFixed(0);
const kib = (b) => (b >= 10 * 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(0)} MiB` : `${(b / 1024).toFixed(0)} KiB`);

/** The peak RSS of the largest file count over that of 10k (or of the smallest, when 10k was not run). */
function flatness(files) {
  if (files.length < 2) return undefined;
  const largest = files[files.length - 1];
  const ref = files.find((f) => f.files === 10000 && f !== largest) ?? files[0];
  return { largest: largest.files, ref: ref.files, ratio: largest.ramlint.rssKiB / ref.ramlint.rssKiB };
}

/** Both curves as markdown tables (bench/run.js puts them in docs/performance.md). */
function renderMarkdown(r) {
  const lines = [];
  lines.push('| files | size | ramlint median ms | baseline median ms | ratio | ramlint ms per 1k files | ramlint peak RSS MiB | baseline peak RSS MiB | JSON report |');
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const f of r.files) {
    lines.push(`| ${f.files.toLocaleString('en-US')} | ${kib(f.bytes)} | ${ms(f.ramlint.ms)} | ${ms(f.baseline.ms)} | ${f.ratio.toFixed(2)}× | ${ms(f.msPer1k)} | ${mib(f.ramlint.rssKiB)} | ${mib(f.baseline.rssKiB)} | ${kib(f.reportBytes)} |`);
  }
  lines.push('');
  lines.push('| statements in one policy | size | ramlint median ms | baseline median ms | ratio | ramlint peak RSS MiB | baseline peak RSS MiB |');
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of r.statements) {
    lines.push(`| ${s.statements.toLocaleString('en-US')} | ${kib(s.bytes)} | ${ms(s.ramlint.ms)} | ${ms(s.baseline.ms)} | ${s.ratio.toFixed(2)}× | ${mib(s.ramlint.rssKiB)} | ${mib(s.baseline.rssKiB)} |`);
  }
  lines.push('');
  const flat = flatness(r.files);
  const ratios = (xs) => xs.map((x) => x.ratio.toFixed(2)).join(' / ');
  lines.push(
    `Files: ramlint --format json <dir> (stdout to a file) vs bench/baseline.js (read + JSON.parse), seed ${r.seed}; ` +
      `statements: ramlint --format json <file> vs bench/parse-baseline.js (read + JSON.parse + jsonc-parser parseTree). ` +
      `Each point 1 warm-up + ${r.pairs} alternating pair${r.pairs === 1 ? '' : 's'}; times are medians, the ratio the median of per-pair ratios, peak RSS the median of the runs' ru_maxrss. ` +
      `Ratios per point: files ${ratios(r.files)}; statements ${ratios(r.statements)}.` +
      (flat ? ` Peak RSS, ${flat.largest.toLocaleString('en-US')} files / ${flat.ref.toLocaleString('en-US')} files: ${flat.ratio.toFixed(2)}×.` : ''),
  );
  return lines.join('\n');
}

module.exports = { renderMarkdown, flatness };

if (require.main === module) main();
