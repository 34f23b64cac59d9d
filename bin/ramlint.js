#!/usr/bin/env node
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/**
 * Runs the bundled CLI (dist/ramlint.cjs) through a V8 code cache kept beside
 * it, or the unbundled dist/src when there is no bundle (RAMLINT_NO_BUNDLE=1
 * forces that, for debugging). The cache is ramlint's own file in its own
 * dist/; when it cannot be written the run is only slower. The bundle is
 * ASCII (scripts/bundle.js checks), so it is read as latin1, which skips
 * UTF-8 decoding.
 */
function runBundle(file) {
  const vm = require('node:vm');
  const Module = require('node:module');
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'latin1')), { filename: file, cachedData, importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  const bundle = { exports: {} };
  const localRequire = Module.createRequire(file);
  script.runInThisContext().call(bundle.exports, bundle.exports, localRequire, bundle, file, path.dirname(file));
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the run, so the cache holds the functions a lint really compiles.
    process.once('exit', () => {
      const temp = `${cacheFile}.${process.pid}`;
      try {
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, cacheFile);
      } catch {
        fs.rmSync(temp, { force: true });
      }
    });
  }
  return bundle.exports;
}

const bundle = process.env.RAMLINT_BUNDLE || path.join(__dirname, '..', 'dist', 'ramlint.cjs');
let cli;
try {
  cli = !process.env.RAMLINT_NO_BUNDLE && fs.existsSync(bundle) ? runBundle(bundle) : require('../dist/src/cli/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('dist/src/cli/main')) {
    process.stderr.write('ramlint: the compiled files are missing; run "npm install" (or "npm run build") in the ramlint directory first.\n');
    process.exit(2);
  }
  throw error;
}
cli.main();
