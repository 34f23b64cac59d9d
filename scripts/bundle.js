#!/usr/bin/env node
'use strict';
/**
 * Bundles the compiled CLI (dist/src) into one file, dist/ramlint.cjs, which
 * bin/ramlint.js loads with a V8 code cache. One file compiled from a cache
 * starts in about half the time of ~100 CommonJS modules compiled one by one.
 * The library entry (dist/src/index.js) stays unbundled.
 *
 * Usage: node scripts/bundle.js [outDir]   (default dist; the tsc output dir)
 */
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const outDir = path.resolve(root, process.argv[2] ?? 'dist');

// Loaded on demand by features that most runs never touch (host formats, the
// language server); kept out of the bundle so a plain lint does not parse them.
const external = ['web-tree-sitter', '@tree-sitter-grammars/*', 'yaml', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument', 'fast-check'];

require('esbuild').buildSync({
  entryPoints: [path.join(outDir, 'src', 'cli', 'main.js')],
  outfile: path.join(outDir, 'ramlint.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // jsonc-parser's "main" is a UMD build whose dynamic requires esbuild cannot follow.
  mainFields: ['module', 'main'],
  external,
  logLevel: 'warning',
});

// Prime the code cache with a typical run, so the first real run is already fast.
try {
  execFileSync(process.execPath, [path.join(root, 'bin', 'ramlint.js'), '--no-config', path.join(root, 'examples', 'dataworks', 'passrole-one-role.json')], {
    env: { ...process.env, RAMLINT_BUNDLE: path.join(outDir, 'ramlint.cjs') },
    stdio: 'ignore',
  });
} catch {
  // Exit 1 (lint findings) is expected; a missing cache only costs speed.
}
