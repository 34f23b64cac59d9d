/**
 * What only a process shows: the subcommands are reached through bin/ramlint.js,
 * and their exit codes and streams are what a shell sees.
 */
import { ramlint } from '../helpers/cli';
import { policy, tempTree } from './helpers';

const dir = tempTree({
  'p.json': policy(
    { Effect: 'Allow', Action: 'oss:*', Resource: 'acs:oss:*:1:b/*' },
    { Effect: 'Deny', Action: 'oss:DeleteObject', Resource: 'acs:oss:*:1:b/locked/*' },
    { Effect: 'Allow', Action: 'ecs:*', Resource: '*', Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } },
  ),
  'wider.json': policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
  'escalate.json': policy({ Effect: 'Allow', Action: ['ram:PassRole', 'ecs:RunInstances'], Resource: '*' }),
});
const run = (...args: string[]) => ramlint(args, { cwd: dir });

describe('the evaluation subcommands as processes', () => {
  it('can: 0 allow, 1 deny, 3 conditional, 2 usage with one line and no stack trace', () => {
    expect(run('can', '-a', 'oss:GetObject', '-r', 'acs:oss:*:1:b/k', 'p.json').code).toBe(0);
    expect(run('can', '-a', 'oss:DeleteObject', '-r', 'acs:oss:*:1:b/locked/k', 'p.json').code).toBe(1);
    expect(run('can', '-a', 'ecs:StopInstance', '-r', 'x', 'p.json').code).toBe(3);
    const usage = run('can', '-a', 'oss:GetObject', 'p.json');
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  });

  it('diff: 0 nothing new, 1 new access', () => {
    expect(run('diff', 'wider.json', 'p.json')).toMatchObject({ code: 0, stdout: 'No new access.\n' });
    const wider = run('diff', 'p.json', 'wider.json', '--format', 'json');
    expect(wider.code).toBe(1);
    expect(JSON.parse(wider.stdout).newAccess).toHaveLength(1);
  });

  it('escalation: 1 with a path', () => {
    expect(run('escalation', 'escalate.json').code).toBe(1);
    expect(run('escalation', 'p.json').code).toBe(0);
  });
});
