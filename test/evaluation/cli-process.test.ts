/**
 * What only a process shows: the subcommands are reached through bin/ramlint.js,
 * and their exit codes and streams are what a shell sees.
 */
import { ramlint, ramlintProcess } from '../helpers/cli';
import { policy, tempTree } from './helpers';

const dir = tempTree({
  'p.json': policy(
    { Effect: 'Allow', Action: 'oss:*', Resource: 'acs:oss:*:1:b/*' },
    { Effect: 'Deny', Action: 'oss:DeleteObject', Resource: 'acs:oss:*:1:b/locked/*' },
    { Effect: 'Allow', Action: 'ecs:*', Resource: '*', Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } },
  ),
  'wider.json': policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
  'escalate.json': policy({ Effect: 'Allow', Action: ['ram:PassRole', 'ecs:RunInstances'], Resource: '*' }),
  'ims.json': policy({ Effect: 'Allow', Action: 'ims:*', Resource: '*' }),
  'until-2024.json': policy({ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*', Condition: { DateLessThan: { 'acs:CurrentTime': '2024-01-01T00:00:00' } } }),
  'year.json': policy({ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*', Condition: { DateLessThan: { 'acs:CurrentTime': '2024' } } }),
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

  it('escalation: every ims action on every resource is a path (1), in each format', () => {
    const text = run('escalation', 'ims.json');
    expect(text).toMatchObject({ code: 1, stderr: '' });
    expect(text.stdout).toMatch(/^ims:\*: can use every ims action \(IMS, .*\n {2}ims\.json:4:5 {2}Statement\[0\]\n$/);
    const json = run('escalation', '-f', 'json', 'ims.json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).paths.map((p: { kind: string; actions: string[] }) => [p.kind, p.actions])).toEqual([['full-service', ['ims:*']]]);
    const sarif = run('escalation', '-f', 'sarif', 'ims.json');
    expect(sarif.code).toBe(1);
    expect(JSON.parse(sarif.stdout).runs[0].results.map((r: { properties: { kind: string } }) => r.properties.kind)).toEqual(['full-service']);
  });

  it('can: a date without a zone is UTC in every time zone (0); a bare year is no date it can compare (3)', () => {
    const at = ['can', '-a', 'oss:GetObject', '-r', 'x', '--context', 'acs:CurrentTime=2023-12-31T20:00:00Z'];
    for (const TZ of ['UTC', 'Asia/Shanghai']) {
      expect(ramlintProcess([...at, 'until-2024.json'], { cwd: dir, env: { TZ } })).toMatchObject({ code: 0, stdout: 'oss:GetObject on x: allowed\n  Allow  until-2024.json:4:5  Statement[0]\n', stderr: '' });
    }
    expect(ramlintProcess([...at, 'year.json'], { cwd: dir, env: { TZ: 'Asia/Shanghai' } })).toMatchObject({ code: 3, stdout: 'oss:GetObject on x: conditional: the answer depends on acs:CurrentTime\n  Allow  year.json:4:5  Statement[0]\n' });
  });
});
