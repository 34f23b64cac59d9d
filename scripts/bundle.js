#!/usr/bin/env node
'use strict';
/**
 * Bundles the compiled CLI (dist/src) into one file, dist/ramlint.cjs, which
 * bin/ramlint.js loads with a V8 code cache. One file compiled from a cache
 * starts in about half the time of ~100 CommonJS modules compiled one by one.
 * The library entry (dist/src/index.js) stays unbundled.
 *
 * Usage: node scripts/bundle.js [outDir] [--no-prime]   (outDir: the tsc output dir, default dist)
 *   --no-prime  skip priming the code cache (for a build in a temporary folder
 *               that is moved afterwards: V8 keeps the script's path in the cache)
 */
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');

// Loaded on demand by features that most runs never touch (host formats, the
// language server); kept out of the bundle so a plain lint does not parse them.
const EXTERNAL = ['web-tree-sitter', '@tree-sitter-grammars/*', 'yaml', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument', 'fast-check'];

/**
 * The action catalogue (~400 KB of JSON) is read from dist/src at run time
 * instead of being inlined: JSON.parse of a file is cheaper than compiling the
 * same data as a JavaScript literal at every start.
 */
const catalogueFromDisk = {
  name: 'catalogue-from-disk',
  setup(build) {
    build.onResolve({ filter: /[\\/]catalogue\.json$/ }, () => ({ path: './src/engine/catalog/catalogue.json', external: true }));
  },
};

/** Resolves when dist/ramlint.cjs is written (esbuild runs plugins only in its asynchronous API). */
function bundle(outDir) {
  return require('esbuild').build({
    entryPoints: [path.join(outDir, 'src', 'cli', 'main.js')],
    outfile: path.join(outDir, 'ramlint.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // jsonc-parser's "main" is a UMD build whose dynamic requires esbuild cannot follow.
    mainFields: ['module', 'main'],
    external: EXTERNAL,
    plugins: [catalogueFromDisk],
    logLevel: 'warning',
  });
}

/** Runs a typical lint once, so the code cache holds what a real run compiles. */
function prime(bundleFile) {
  try {
    execFileSync(process.execPath, [path.join(root, 'bin', 'ramlint.js'), '--no-config', path.join(root, 'examples', 'dataworks', 'passrole-one-role.json')], {
      env: { ...process.env, RAMLINT_BUNDLE: bundleFile },
      stdio: 'ignore',
    });
  } catch {
    // Exit 1 (lint findings) is expected; a missing cache only costs speed.
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const outDir = path.resolve(root, args.find((a) => !a.startsWith('--')) ?? 'dist');
  bundle(outDir).then(
    () => {
      if (!args.includes('--no-prime')) prime(path.join(outDir, 'ramlint.cjs'));
    },
    () => {
      process.exitCode = 1; // esbuild has printed the error
    },
  );
}

module.exports = { bundle, prime };
