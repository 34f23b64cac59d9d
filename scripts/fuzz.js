#!/usr/bin/env node
'use strict';
/**
 * ramlint's fuzz harness: character mutations of fixtures/ and examples/,
 * grammar-generated policies (fast-check), and --fix properties (parses
 * after, idempotent, never widens access by the policy evaluator), each input
 * checked by scripts/fuzz/check.js. Seeded and reproducible: the same seed
 * and count give the same inputs. A failing input is printed and saved (with
 * its problems) under the output directory, outside the repository.
 *
 * Usage: node scripts/fuzz.js [--count N] [--seed S] [--time-budget SECONDS] [--per-input-ms MS] [--out DIR] [--no-fix]
 *   --count N           inputs to try (default 5000); split between mutations and grammar
 *   --seed S            seed (default 1)
 *   --time-budget S     stop after S seconds even if fewer inputs were tried (default: none)
 *   --per-input-ms MS   a lint slower than this is a failure (default 2000; fixes get 4×)
 *   --out DIR           where failing inputs go (default: <tmp>/ramlint-fuzz-<seed>)
 *   --no-fix            skip the --fix properties
 *   --progress N        print a progress line every N inputs (default 10000; 0: never)
 * Runs the compiled dist/ (npm run fuzz builds first). Exit 1 when an input failed.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { checkInput } = require('./fuzz/check');
const { generatePolicies } = require('./fuzz/grammar');
const { mutate } = require('./fuzz/mutate');
const { prng } = require('./fuzz/random');

const ROOT = path.resolve(__dirname, '..');

function parseOptions(argv) {
  const o = { count: 5000, seed: 1, timeBudget: Infinity, perInputMs: 2000, out: undefined, fix: true, progress: 10000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--count') o.count = Number(value());
    else if (a === '--seed') o.seed = Number(value());
    else if (a === '--time-budget') o.timeBudget = Number(value());
    else if (a === '--per-input-ms') o.perInputMs = Number(value());
    else if (a === '--out') o.out = value();
    else if (a === '--no-fix') o.fix = false;
    else if (a === '--progress') o.progress = Number(value());
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of ['count', 'seed', 'timeBudget', 'perInputMs', 'progress']) if (!(o[k] >= 0)) throw new Error(`--${k} must be a number ≥ 0`);
  o.out ??= path.join(os.tmpdir(), `ramlint-fuzz-${o.seed}`);
  return o;
}

function seedTexts() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.jsonc?$/.test(e.name)) out.push({ name: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  for (const dir of ['fixtures', 'examples']) walk(path.join(ROOT, dir));
  return out;
}

/** The inputs for a seed, in order: mutations and generated policies interleaved. */
function* inputs(seed, count) {
  const seeds = seedTexts();
  const r = prng(seed);
  // Generated in batches with seeds derived from the seed: memory stays flat for a million inputs.
  const BATCH = 500;
  let batch = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 1) {
      const g = (i - 1) / 2;
      if (g % BATCH === 0) batch = generatePolicies(seed * 7919 + g / BATCH, Math.min(BATCH, Math.ceil((count - i) / 2)));
      const text = batch[g % BATCH];
      if (text !== undefined) {
        yield { source: 'grammar', label: `grammar #${g} (seed ${seed * 7919 + Math.floor(g / BATCH)}, sample ${g % BATCH})`, text, filePath: r.int(4) === 0 ? 'p.jsonc' : 'p.json' };
        continue;
      }
    }
    const base = r.pick(seeds);
    const { text, steps } = mutate(base.text, r);
    yield { source: 'mutation', label: `${base.name} + ${steps.join(', ')}`, text, filePath: base.name.endsWith('.jsonc') || r.int(4) === 0 ? 'p.jsonc' : 'p.json' };
  }
}

function runFuzz(o, log = () => undefined) {
  const started = Date.now();
  const stats = { tried: 0, mutation: 0, grammar: 0, failed: 0, maxMs: 0, totalMs: 0, withFindings: 0, stoppedByBudget: false, fixed: 0, wideningJudged: 0, wideningNotJudged: {}, wideningMs: 0, wideningMaxMs: 0 };
  const failures = [];
  let n = 0;
  for (const input of inputs(o.seed, o.count)) {
    if ((Date.now() - started) / 1000 > o.timeBudget) {
      stats.stoppedByBudget = true;
      break;
    }
    const { problems, ms, widening, wideningMs } = checkInput(input.text, input.filePath, { perInputMs: o.perInputMs, fix: o.fix });
    stats.tried++;
    if (widening !== undefined) {
      stats.fixed++;
      stats.wideningMs += wideningMs;
      stats.wideningMaxMs = Math.max(stats.wideningMaxMs, wideningMs);
      if (widening === 'judged') stats.wideningJudged++;
      else stats.wideningNotJudged[widening] = (stats.wideningNotJudged[widening] ?? 0) + 1;
    }
    stats[input.source]++;
    stats.totalMs += ms;
    stats.maxMs = Math.max(stats.maxMs, ms);
    if (problems.length > 0) {
      stats.failed++;
      failures.push(save(o, n, input, problems, log));
    }
    n++;
    if (o.progress > 0 && n % o.progress === 0) log(`fuzz: ${n} inputs, ${stats.failed} failed, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  stats.seconds = (Date.now() - started) / 1000;
  return { stats, failures };
}

function save(o, n, input, problems, log) {
  fs.mkdirSync(o.out, { recursive: true });
  const file = path.join(o.out, `input-${n}${path.extname(input.filePath)}`);
  fs.writeFileSync(file, input.text);
  fs.writeFileSync(`${file}.problems.txt`, `${input.label}\nas ${input.filePath}\n${problems.join('\n')}\n`);
  const shown = JSON.stringify(input.text.length > 300 ? `${input.text.slice(0, 300)}…` : input.text);
  log(`FAIL input ${n} (${input.label}, as ${input.filePath}): ${problems.join('; ')}\n  text: ${shown}\n  saved: ${file}\n`);
  return { n, file, problems };
}

/** `fuzz: --fix changed 714 inputs; never-widens property judged 698, not judged 16 (original not a policy …: 16); 0.41 ms mean, 12 ms max` */
function wideningSummary(stats) {
  const reasons = Object.entries(stats.wideningNotJudged).sort((a, b) => b[1] - a[1]);
  const notJudged = reasons.reduce((n, [, k]) => n + k, 0);
  const why = reasons.length > 0 ? ` (${reasons.map(([r, k]) => `${r}: ${k}`).join(', ')})` : '';
  const time = stats.fixed > 0 ? `; ${(stats.wideningMs / stats.fixed).toFixed(2)} ms mean, ${stats.wideningMaxMs.toFixed(0)} ms max` : '';
  return `fuzz: --fix changed ${stats.fixed} inputs; never-widens property judged ${stats.wideningJudged}, not judged ${notJudged}${why}${time}`;
}

function main() {
  let o;
  try {
    o = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`fuzz: ${error.message}\n`);
    process.exit(2);
  }
  process.stdout.write(`fuzz: seed ${o.seed}, up to ${o.count} inputs${Number.isFinite(o.timeBudget) ? `, ${o.timeBudget} s budget` : ''}, ${o.perInputMs} ms per input, fix ${o.fix ? 'on' : 'off'}\n`);
  const { stats } = runFuzz(o, (s) => process.stdout.write(s));
  process.stdout.write(
    `fuzz: ${stats.tried} inputs (${stats.mutation} mutations, ${stats.grammar} generated) in ${stats.seconds.toFixed(1)} s${stats.stoppedByBudget ? ' (time budget reached)' : ''}; ` +
      `lint ${(stats.totalMs / Math.max(1, stats.tried)).toFixed(2)} ms mean, ${stats.maxMs.toFixed(0)} ms max; ${stats.failed} failed${stats.failed ? ` (saved under ${o.out})` : ''}\n`,
  );
  if (o.fix) process.stdout.write(`${wideningSummary(stats)}\n`);
  process.exit(stats.failed > 0 ? 1 : 0);
}

if (require.main === module) main();

module.exports = { runFuzz, parseOptions, inputs, wideningSummary };
