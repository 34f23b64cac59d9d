#!/usr/bin/env node
'use strict';
/**
 * Where a cold run's time goes: the engine over a set of files four times in
 * one process. Pass 1 starts with no optimised code, as every CLI run does;
 * passes 2 and 4 lint the same texts again; pass 3, between them, lints a set
 * generated with another seed, so the JIT is warm but nothing the rules
 * remember per string (their bounded memos) has seen its values. Pass 1 over
 * pass 4 is what warming up costs; pass 3 over the mean of passes 2 and 4 is
 * what the memos save. The texts are read before the clock starts, so no pass
 * times the disk.
 *
 * Prints the first pass in chunks (ms per chunk and µs per file), then each
 * pass's total. The engine is `lintText` with the built-in rules, as the CLI
 * runs it for a bare .json file, without the file layer or the report.
 *
 * Usage: node bench/warmup.js [--files N] [--chunk N] [--seed S] [--json]
 * Build first (npm run build): it loads the compiled dist/.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generate } = require('./generate');
const { flagsOf } = require('./flags');

const DIST = path.resolve(__dirname, '..', 'dist', 'src');
const USAGE = `Usage: node bench/warmup.js [--files N] [--chunk N] [--seed S] [--json]
  --files N  policies per set (default 10000)
  --chunk N  files per row of the first pass (default 1000)
  --seed S   seed of the first set (default 20240601; the third pass uses S + 1)
  --json     print the result as JSON
Build first (npm run build): it loads the compiled dist/.
`;

/** The generated files of a set, read: the engine's input, before any clock starts. */
function readSet(dir, count, seed) {
  return generate({ dir, count, seed }).files.map((f) => ({ file: f.path, text: fs.readFileSync(f.path, 'utf8') }));
}

function main() {
  const opts = flagsOf('bench/warmup.js', USAGE, { '--files': 'whole', '--chunk': 'whole', '--seed': 'whole', '--json': 'switch' }, { files: 10000, chunk: 1000, seed: 20240601, json: false });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-warmup-'));
  try {
    const first = readSet(path.join(tmp, 'a'), opts.files, opts.seed);
    const other = readSet(path.join(tmp, 'b'), opts.files, opts.seed + 1);
    let lintText;
    let builtinRules;
    try {
      ({ lintText } = require(path.join(DIST, 'engine', 'linter')));
      ({ builtinRules } = require(path.join(DIST, 'rules')));
    } catch (error) {
      process.stderr.write(`bench/warmup.js: build first (npm run build): ${error.message}\n`);
      process.exit(2);
    }
    let findings = 0;
    const pass = (set, onChunk) => {
      const start = process.hrtime.bigint();
      let chunkStart = start;
      set.forEach(({ file, text }, i) => {
        findings += lintText(text, { rules: builtinRules, filePath: file }).messages.length;
        if (onChunk && ((i + 1) % opts.chunk === 0 || i === set.length - 1)) {
          const now = process.hrtime.bigint();
          onChunk(i + 1, Number(now - chunkStart) / 1e6);
          chunkStart = now;
        }
      });
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const chunks = [];
    let from = 0;
    const cold = pass(first, (to, ms) => {
      chunks.push({ files: `${from + 1}-${to}`, ms: round(ms), usPerFile: round((ms * 1000) / (to - from)) });
      from = to;
    });
    const again = pass(first);
    const otherSet = pass(other);
    const warm = pass(first);
    const result = {
      files: first.length,
      chunks,
      passes: { cold: round(cold), again: round(again), otherSet: round(otherSet), warm: round(warm) },
      coldOverWarm: round(cold / warm),
      otherOverSame: round(otherSet / ((again + warm) / 2)),
      findings,
    };
    process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : render(result));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const round = (x) => Math.round(x * 100) / 100;

function render(r) {
  const lines = [`engine lintText, built-in rules, ${r.files} generated files per set; first pass (cold JIT) by chunks:`];
  for (const c of r.chunks) lines.push(`  files ${c.files.padEnd(13)} ${c.ms.toFixed(0).padStart(6)} ms  ${c.usPerFile.toFixed(1).padStart(7)} µs/file`);
  lines.push(`pass 1, cold:                  ${r.passes.cold.toFixed(0).padStart(6)} ms`);
  lines.push(`pass 2, the same files again:  ${r.passes.again.toFixed(0).padStart(6)} ms`);
  lines.push(`pass 3, another seed's files:  ${r.passes.otherSet.toFixed(0).padStart(6)} ms   (over the mean of passes 2 and 4: ${r.otherOverSame.toFixed(2)}×, what the memos save)`);
  lines.push(`pass 4, the first files again: ${r.passes.warm.toFixed(0).padStart(6)} ms   (pass 1 over pass 4: ${r.coldOverWarm.toFixed(2)}×, what warming up costs)`);
  return `${lines.join('\n')}\n`;
}

if (require.main === module) main();
