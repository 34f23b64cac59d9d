#!/usr/bin/env node
'use strict';
/**
 * What a streamed run keeps, as opposed to what the process's peak RSS shows
 * (V8 lets garbage pile up before a full collection, and its limit grows with
 * the allocation rate, so RSS rises with the file count even when nothing is
 * kept). Lints a generated tree through RamLint.lintFilesStream, as the CLI
 * does, and after every `--every` files forces a full collection and prints
 * the heap in use. Flat numbers mean nothing per file is retained.
 *
 * Usage: node --expose-gc bench/retained.js [--files 50000] [--every 10000] [--seed S]
 * Build first (npm run build): it runs the compiled dist/.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generate } = require('./generate');
const { flagsOf } = require('./flags');

const USAGE = `Usage: node --expose-gc bench/retained.js [--files 50000] [--every 10000] [--seed S]
Build first (npm run build): it runs the compiled dist/.
`;

async function main() {
  if (typeof global.gc !== 'function') {
    process.stderr.write('bench/retained.js: run it as node --expose-gc bench/retained.js\n');
    process.exit(2);
  }
  const { files, every, seed } = flagsOf('bench/retained.js', USAGE, { '--files': 'whole', '--every': 'whole', '--seed': 'whole' }, { files: 50000, every: 10000, seed: 20240601 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-retained-'));
  try {
    generate({ dir, count: files, seed });
    const { RamLint } = require('../dist/src');
    const api = new RamLint({ cwd: dir });
    const mib = () => (process.memoryUsage().heapUsed / 1048576).toFixed(1);
    let count = 0;
    const rows = [];
    await api.lintFilesStream(['.'], () => {
      count++;
      if (count % every === 0) {
        global.gc();
        rows.push(`${count.toLocaleString('en-US')} files: ${mib()} MiB heap in use after a full collection`);
      }
    });
    global.gc();
    rows.push(`end (${count.toLocaleString('en-US')} results): ${mib()} MiB`);
    process.stdout.write(`${rows.join('\n')}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
