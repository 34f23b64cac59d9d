/**
 * The pre-commit hooks (.pre-commit-hooks.yaml) end to end: scripts/pre-commit-e2e.sh
 * installs them with a real pre-commit from this checkout's HEAD commit into a
 * temporary repository and makes commits that must be refused or accepted.
 *
 * It needs pre-commit (or root + apt-get to install Debian's package), the npm
 * registry (pre-commit builds the hook with npm) and about a minute, so it
 * runs only when RAMLINT_PRE_COMMIT_E2E=1 is set; CI sets it.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'pre-commit-e2e.sh');
const TIMEOUT_MS = 10 * 60 * 1000;

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** Whether the script could have installed pre-commit: root (or password-less sudo) and apt-get. */
function canInstallWithApt(): boolean {
  if (!onPath('apt-get')) return false;
  if (process.getuid?.() === 0) return true;
  return onPath('sudo') && spawnSync('sudo', ['-n', 'true']).status === 0;
}

const run = process.env.RAMLINT_PRE_COMMIT_E2E === '1';

describe('pre-commit hooks', () => {
  it('.pre-commit-hooks.yaml declares ramlint and ramlint-fix as node hooks of the package bin', () => {
    const manifest = fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
    const hooks = [...manifest.matchAll(/^-\s+id:\s*(\S+)$/gm)].map((m) => m[1]);
    expect(hooks).toEqual(['ramlint', 'ramlint-fix']);
    expect([...manifest.matchAll(/^\s+entry:\s*(.+)$/gm)].map((m) => m[1])).toEqual(['ramlint --policies-only', 'ramlint --policies-only --fix']);
    expect([...manifest.matchAll(/^\s+language:\s*(\S+)$/gm)].map((m) => m[1])).toEqual(['node', 'node']);
    expect(pkg.bin).toHaveProperty('ramlint');
  });

  if (!run) {
    it.skip('pre-commit end-to-end (skipped: set RAMLINT_PRE_COMMIT_E2E=1 to run it; CI does)', () => {});
    return;
  }

  it(
    'pre-commit end-to-end: a bad policy is refused, a good one committed, an ignored one passed over, fixes applied',
    () => {
      const r = spawnSync('bash', [SCRIPT], {
        cwd: ROOT,
        env: { ...process.env },
        encoding: 'utf8',
        timeout: TIMEOUT_MS - 30_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
      if (r.status !== 0) {
        // The whole log: which commit went wrong, and pre-commit's own output.
        const how = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit code ${r.status}`;
        throw new Error(`scripts/pre-commit-e2e.sh failed (${how}):\n${output}`);
      }

      const skipped = /^SKIPPED: pre-commit not available: (.*)$/m.exec(output);
      if (skipped) {
        // A skip is only acceptable when pre-commit really could not be had.
        console.warn(`pre-commit end-to-end SKIPPED: ${skipped[1]}`);
        expect(onPath('pre-commit')).toBe(false);
        const aptFailed = /apt-get install pre-commit failed/.test(skipped[1] ?? '');
        expect({ canInstallWithApt: canInstallWithApt(), aptFailed, reason: skipped[1] }).toMatchObject(
          aptFailed ? { aptFailed: true } : { canInstallWithApt: false },
        );
        return;
      }
      expect(output).toMatch(/PASSED: the ramlint hooks/);
    },
    TIMEOUT_MS,
  );
});
