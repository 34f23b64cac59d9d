#!/usr/bin/env node
'use strict';
/**
 * The baseline for the large-file benchmark: read one file, JSON.parse it and
 * build jsonc-parser's located tree of it (the positions every finding needs).
 * A linter cannot do less than that. Prints one line so the work is used.
 *
 * Usage: node bench/parse-baseline.js <file>
 */
const fs = require('node:fs');
const { parseTree } = require('jsonc-parser');

const text = fs.readFileSync(process.argv[2], 'utf8');
const value = JSON.parse(text);
const tree = parseTree(text);
process.stdout.write(`${Array.isArray(value.Statement) ? value.Statement.length : 0} statements, ${tree ? tree.children.length : 0} top-level keys\n`);
