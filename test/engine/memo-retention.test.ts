/**
 * The engine's memos (verdicts per action, compiled wildcards, OSS coverage)
 * outlive a file. A value cut from a policy text is, in V8, a view into that
 * text, so a memo keyed by it kept the whole file alive: 200 one-megabyte
 * policies held ~860 MB at the end of a run. The keys are copies now; this
 * lints large texts with distinct values and checks the heap after a full
 * collection. A child process, so that --expose-gc and nothing else in the
 * Jest worker decides the heap.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const DIST = path.resolve(__dirname, '../../dist/src');

const SCRIPT = `
const { lintText } = require(${JSON.stringify(path.join(DIST, 'engine', 'linter.js'))});
const { builtinRules } = require(${JSON.stringify(path.join(DIST, 'rules', 'index.js'))});
const pad = ' '.repeat(2 * 1024 * 1024);
for (let i = 0; i < 20; i++) {
  // Values of 13+ characters (V8 slices those), each new to every memo: an unknown action, an OSS and an ECS wildcard.
  const text = '{"Version":"1","Statement":[{"Effect":"Allow","Action":["ecs:DescribeInstancesNumber' + i + '","oss:GetObjectVariant' + i + '*","ecs:Describe' + i + 'Things*"],' + pad + '"Resource":"acs:oss:*:*:bucket' + i + '/*"}]}';
  lintText(text, { rules: builtinRules, filePath: 'p' + i + '.json' });
}
global.gc();
process.stdout.write(String(process.memoryUsage().heapUsed));
`;

describe('memos that outlive a file', () => {
  it('do not keep the policy texts alive (20 texts of 2 MB: well below the 40 MB they would hold)', () => {
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', SCRIPT], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const heapUsed = Number(r.stdout);
    expect(heapUsed).toBeGreaterThan(0);
    expect(heapUsed).toBeLessThan(24 * 1024 * 1024);
  });
});
