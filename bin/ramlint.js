#!/usr/bin/env node
'use strict';
let cli;
try {
  cli = require('../dist/src/cli/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('dist/src/cli/main')) {
    process.stderr.write('ramlint: the compiled files are missing; run "npm install" (or "npm run build") in the ramlint directory first.\n');
    process.exit(2);
  }
  throw error;
}
cli.main();
