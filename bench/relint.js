#!/usr/bin/env node
'use strict';
/**
 * Warm re-lint of a typical policy, in process, as an editor does it (issue
 * #10 §5: "warm re-lint of a typical policy (the editor case) under 50 µs
 * median"). No child process and no protocol: bench/lsp.js measures the
 * language server end to end; this measures the lint itself.
 *
 *   api:      createLinter(options).lintText(text, { filePath }), the function
 *             the language server calls on every change (dist/src/lsp/linter-factory.js:
 *             the file-level RamLint API: config lookup, waivers, processors)
 *   engine:   lintText(text, { rules: builtinRules, filePath }) from
 *             dist/src/engine/linter.js: the engine alone, built-in rules
 *   baseline: JSON.parse(text) + jsonc-parser's parseTree(text) of the same text
 *             (a located parse: the least a linter that reports positions does)
 *
 * Each timed iteration lints a text one character away from the one before:
 * it alternates between the policy and the policy with one space typed before
 * its first "Effect" (what bench/lsp.js types and deletes), so no cache keyed
 * on the text could answer. After a warm-up (default 2,000 iterations of each
 * path) the three paths run in rounds, their order rotating each round, each
 * iteration timed with process.hrtime.bigint(). Reported: median, p95 and max
 * in µs, and median / baseline median, all from the same run.
 *
 * Usage: node bench/relint.js [--file F] [--warmup N] [--rounds N] [--iterations N] [--quick] [--json]
 *   --file F        the policy (default examples/unsafe/passrole-any-role.json, as bench/lsp.js)
 *   --warmup N      untimed iterations of each path first (default 2000)
 *   --rounds N      rounds (default 10); --iterations N  timed iterations per path per round (default 1000)
 *   --quick         2,000 warm-up, 4 rounds of 250 (a smoke run, about a second; the warm-up
 *                  is not cut, the point being a warm JIT)
 * Build first (npm run build): it loads the compiled dist/.
 * The verdict is printed, never asserted: a timed test on a shared machine is flaky.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { flagsOf } = require('./flags');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'src');
const DEFAULT_FILE = path.join(ROOT, 'examples', 'unsafe', 'passrole-any-role.json');
/** Issue #10 §5: median under 50 µs. */
const TARGET_US = 50;

const median = (sorted) => {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
};
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round2 = (x) => Math.round(x * 100) / 100;

function summary(samplesNs) {
  const us = Float64Array.from(samplesNs, (ns) => ns / 1000).sort();
  return { n: us.length, median: round2(median(us)), p95: round2(percentile(us, 95)), max: round2(us[us.length - 1]) };
}

const USAGE = `Usage: node bench/relint.js [--file F] [--warmup N] [--rounds N] [--iterations N] [--quick] [--json]
  --file F        the policy (default examples/unsafe/passrole-any-role.json)
  --warmup N      untimed iterations of each path first (default 2000)
  --rounds N      rounds (default 10)
  --iterations N  timed iterations per path per round (default 1000)
  --quick         4 rounds of 250 after the full warm-up (a smoke run)
  --json          print the result as JSON
Build first (npm run build): it loads the compiled dist/.
`;

function parseFlags() {
  return flagsOf('bench/relint.js', USAGE, {
    '--file': 'path',
    '--warmup': 'whole',
    '--rounds': 'whole',
    '--iterations': 'whole',
    '--json': 'switch',
    '--quick': (opts) => Object.assign(opts, { quick: true, rounds: 4, iterations: 250 }),
  }, { file: DEFAULT_FILE, warmup: 2000, rounds: 10, iterations: 1000, json: false, quick: false });
}

function fail(message) {
  process.stderr.write(`bench/relint.js: ${message}\n`);
  process.exit(2);
}

/** The policy and the same policy with one space typed before its first "Effect". */
function variants(text) {
  const at = text.indexOf('"Effect"');
  if (at < 0) fail('the policy has no "Effect" to type before');
  return [text, `${text.slice(0, at)} ${text.slice(at)}`];
}

async function main() {
  const opts = parseFlags();
  let createLinter, lintText, builtinRules, parseTree;
  try {
    ({ createLinter } = require(path.join(DIST, 'lsp', 'linter-factory')));
    ({ lintText } = require(path.join(DIST, 'engine', 'linter')));
    ({ builtinRules } = require(path.join(DIST, 'rules')));
    ({ parseTree } = require('jsonc-parser'));
  } catch (error) {
    fail(`build first (npm run build): ${error.message}`);
  }
  let source;
  try {
    source = fs.readFileSync(opts.file, 'utf8');
  } catch (error) {
    fail(`cannot read --file: ${error.message}`);
  }
  const texts = variants(source);
  // An empty folder as the workspace, so no configuration file of this checkout (or above /tmp) applies.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-relint-'));
  try {
    const filePath = path.join(workspace, path.basename(opts.file));
    // The options the language server gives it (src/lsp/workspace.ts), with no settings from the client.
    const linter = createLinter({ cwd: workspace, fix: false, allowPlugins: true });
    const engineOptions = { rules: builtinRules, filePath };

    // Each path returns its findings count, so the work is used and the paths can be checked against each other.
    const paths = {
      api: async (text) => (await linter.lintText(text, { filePath }))[0].messages.length,
      engine: (text) => lintText(text, engineOptions).messages.length,
      baseline: (text) => {
        const value = JSON.parse(text);
        const tree = parseTree(text);
        return (Array.isArray(value.Statement) ? value.Statement.length : 0) + (tree ? 0 : 1);
      },
    };
    const findings = { api: await paths.api(texts[0]), engine: paths.engine(texts[0]) };
    for (const t of texts) {
      if ((await paths.api(t)) !== findings.api || paths.engine(t) !== findings.engine) fail('the one-character edit changed the findings');
    }

    let sink = 0;
    const names = Object.keys(paths);
    for (const name of names) {
      const run = paths[name];
      for (let i = 0; i < opts.warmup; i++) sink += await run(texts[i & 1]);
    }
    const samples = { api: [], engine: [], baseline: [] };
    for (let r = 0; r < opts.rounds; r++) {
      // Rotate the order (api, engine, baseline; engine, baseline, api; …) so drift hits all three alike.
      for (let k = 0; k < names.length; k++) {
        const name = names[(r + k) % names.length];
        const run = paths[name];
        const out = samples[name];
        if (name === 'api') {
          for (let i = 0; i < opts.iterations; i++) {
            const start = process.hrtime.bigint();
            sink += await run(texts[i & 1]);
            out.push(Number(process.hrtime.bigint() - start));
          }
        } else {
          for (let i = 0; i < opts.iterations; i++) {
            const start = process.hrtime.bigint();
            sink += run(texts[i & 1]);
            out.push(Number(process.hrtime.bigint() - start));
          }
        }
      }
    }
    const api = summary(samples.api);
    const engine = summary(samples.engine);
    const baseline = summary(samples.baseline);
    const result = {
      file: path.relative(ROOT, opts.file),
      chars: source.length,
      findings: findings.api,
      warmup: opts.warmup,
      rounds: opts.rounds,
      iterations: opts.iterations,
      api: { ...api, ratio: round2(api.median / baseline.median) },
      engine: { ...engine, ratio: round2(engine.median / baseline.median) },
      baseline,
      targetUs: TARGET_US,
      verdict: api.median < TARGET_US ? 'met' : 'missed',
      sink: sink > 0,
    };
    if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else process.stdout.write(renderText(result));
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

function renderText(r) {
  const line = (label, s) => `  ${label.padEnd(46)} median ${String(s.median).padStart(7)} µs  p95 ${String(s.p95).padStart(7)} µs  max ${String(s.max).padStart(8)} µs${s.ratio !== undefined ? `  ${s.ratio.toFixed(2)}× baseline` : ''}\n`;
  return (
    `warm re-lint of ${r.file} (${r.chars} chars, ${r.findings} findings), one-character edits; ${r.warmup} warm-up, ${r.rounds} × ${r.iterations} timed iterations per path:\n` +
    line('RamLint API (createLinter().lintText, as LSP)', r.api) +
    line('engine lintText, built-in rules', r.engine) +
    line('baseline: JSON.parse + jsonc-parser parseTree', r.baseline) +
    `target: median < ${r.targetUs} µs for the editor's path (the API): ${r.verdict} (${r.api.median} µs)\n`
  );
}

module.exports = { renderText };

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`bench/relint.js: ${error.stack ?? error}\n`);
    process.exit(1);
  });
}
