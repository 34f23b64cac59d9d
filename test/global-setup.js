// End-to-end tests spawn bin/ramlint.js, which runs the compiled dist/. Build it
// once per test run, and only when src/ is newer than the last build. The build
// goes to a temporary folder that is then swapped in, so a CLI spawned by a
// parallel test run never loads a half-written dist/.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { bundle, prime } = require('../scripts/bundle');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

module.exports = async function globalSetup() {
  // Jest prints nothing for a test file whose tests are all skipped; say it here.
  const corpus = path.resolve(root, '..', 'shared', 'corpus', 'policies');
  if (!fs.existsSync(corpus)) process.stdout.write(`\nNote: ${corpus} not found, so the corpus tests are skipped (test/corpus.test.ts).\n`);
  const sources = Math.max(newestSource(path.join(root, 'src')), ...['tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/bundle.js'].map((f) => fs.statSync(path.join(root, f)).mtimeMs));
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= sources) return;
  const temp = fs.mkdtempSync(path.join(root, '.dist-build-'));
  // mkdtemp makes the folder 0700; dist/ must stay readable by the users a plain build would let run it.
  fs.chmodSync(temp, 0o755);
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json'), '--outDir', temp], { cwd: root, stdio: 'inherit' });
    await bundle(temp);
    fs.writeFileSync(path.join(temp, '.build-stamp'), new Date().toISOString());
    const old = `${dist}.old-${process.pid}`;
    if (fs.existsSync(dist)) fs.renameSync(dist, old);
    fs.renameSync(temp, dist);
    fs.rmSync(old, { recursive: true, force: true });
    prime(path.join(dist, 'ramlint.cjs'));
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
};
