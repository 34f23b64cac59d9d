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
  const source = fs.readFileSync(file, 'latin1');
  // V8 checks a code cache against the source's length only: a rebuilt bundle of
  // the same length would run the old bytecode. So the cache starts with a line
  // naming the bundle it was made from (size, mtime, inode), and any other is ignored.
  const stat = fs.statSync(file);
  const header = Buffer.from(`ramlint code cache 1 ${stat.size} ${stat.mtimeMs} ${stat.ino}\n`, 'latin1');
  let cachedData;
  try {
    const stored = fs.readFileSync(cacheFile);
    if (stored.length > header.length && stored.subarray(0, header.length).equals(header)) cachedData = stored.subarray(header.length);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData, importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  const bundle = { exports: {} };
  const localRequire = Module.createRequire(file);
  script.runInThisContext().call(bundle.exports, bundle.exports, localRequire, bundle, file, path.dirname(file));
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the run, so the cache holds the functions a lint really compiles.
    process.once('exit', () => {
      const temp = `${cacheFile}.${process.pid}`;
      try {
        fs.writeFileSync(temp, Buffer.concat([header, script.createCachedData()]));
        fs.renameSync(temp, cacheFile);
      } catch {
        fs.rmSync(temp, { force: true });
      }
    });
  }
  return bundle.exports;
}

/** True when dir exists but this user may not list or enter it. */
function unreadable(dir) {
  try {
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.X_OK);
    return false;
  } catch (error) {
    return error.code === 'EACCES' || error.code === 'EPERM';
  }
}

const bundle = process.env.RAMLINT_BUNDLE || path.join(__dirname, '..', 'dist', 'ramlint.cjs');
let cli;
try {
  cli = !process.env.RAMLINT_NO_BUNDLE && fs.existsSync(bundle) ? runBundle(bundle) : require('../dist/src/cli/main.js');
} catch (error) {
  const dist = path.join(__dirname, '..', 'dist');
  if (error && ['MODULE_NOT_FOUND', 'EACCES', 'EPERM'].includes(error.code) && unreadable(dist)) {
    // Node calls an unreadable module "not found"; the fix is access, not a build.
    process.stderr.write(`ramlint: cannot read the compiled files in ${JSON.stringify(dist)} (permission denied); give this user read access to the ramlint directory.\n`);
    process.exit(2);
  }
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('dist/src/cli/main')) {
    process.stderr.write('ramlint: the compiled files are missing; run "npm install" (or "npm run build") in the ramlint directory first.\n');
    process.exit(2);
  }
  throw error;
}
cli.main();
