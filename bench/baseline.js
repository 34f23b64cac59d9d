#!/usr/bin/env node
'use strict';
/**
 * The bare baseline for the corpus benchmark: walk a directory (recursively),
 * read every .json file and JSON.parse it. Nothing else: no validation, no
 * output per file. Prints one summary line so the work cannot be skipped.
 *
 * Usage: node bench/baseline.js <dir>
 */
const fs = require('node:fs');
const path = require('node:path');

function main(root) {
  let files = 0;
  let bytes = 0;
  let keys = 0;
  let failed = 0;
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile() && entry.name.endsWith('.json')) {
        const text = fs.readFileSync(full, 'utf8');
        bytes += text.length;
        files++;
        try {
          const doc = JSON.parse(text);
          // Touch the result so the parse is observably used.
          if (doc && typeof doc === 'object') keys += Object.keys(doc).length;
        } catch {
          failed++;
        }
      }
    }
  }
  process.stdout.write(`${JSON.stringify({ files, bytes, keys, failed })}\n`);
}

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node bench/baseline.js <dir>\n');
  process.exit(2);
}
main(root);
