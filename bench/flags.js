'use strict';
/**
 * The command-line flags of the bench scripts, read one way for all of them:
 * `--name value` for a whole number, a comma-separated list of them or a path,
 * `--name` alone for a switch. An unknown flag, a missing value or a value that
 * is not a whole number of 1 or more is an error (`FlagError`); `run()` turns it
 * into one line on stderr and exit 2, and `-h`/`--help` into the usage and exit 0.
 */

class FlagError extends Error {}

/**
 * `spec` maps each flag to its kind: 'whole', 'wholes' (a list, sorted, each
 * value once), 'path' (resolved against the working directory), 'switch' (true
 * when given), or a function that changes the options itself (a switch that sets
 * several). The option's name is the flag's, camel-cased (`--single-pairs` →
 * `singlePairs`). `defaults` gives the options that were not given.
 */
function parseFlags(argv, spec, defaults = {}) {
  const opts = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!Object.hasOwn(spec, flag)) throw new FlagError(`unknown argument "${flag}"`);
    const kind = spec[flag];
    const key = flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (typeof kind === 'function') {
      kind(opts);
      continue;
    }
    if (kind === 'switch') {
      opts[key] = true;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new FlagError(`${flag} takes a value`);
    if (kind === 'path') opts[key] = require('node:path').resolve(value);
    else if (kind === 'whole') opts[key] = whole(flag, value);
    else if (kind === 'wholes') opts[key] = [...new Set(value.split(',').map((v) => whole(flag, v)))].sort((a, b) => a - b);
    else throw new Error(`bench/flags.js: unknown kind "${kind}" for ${flag}`);
  }
  return opts;
}

function whole(flag, text) {
  const v = Number(text);
  if (text.trim() === '' || !Number.isInteger(v) || v < 1) throw new FlagError(`${flag} takes whole numbers of 1 or more, not "${text}"`);
  return v;
}

/** parseFlags on process.argv for a script: help and errors end the process, as a command line expects. */
function flagsOf(script, usage, spec, defaults) {
  const argv = process.argv.slice(2);
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(usage);
    process.exit(0);
  }
  try {
    return parseFlags(argv, spec, defaults);
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    process.stderr.write(`${script}: ${error.message}\n${usage}`);
    process.exit(2);
  }
}

module.exports = { parseFlags, flagsOf, FlagError };
