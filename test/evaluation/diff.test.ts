import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { runDiff } from '../../src/cli/commands/diff';
import { runCan } from '../../src/cli/commands/can';
import { contextFrom } from '../../src/evaluation/conditions';
import { findLiftedDenies, findNewAccess, type NewAccess } from '../../src/evaluation/diff';
import type { EvalStatement } from '../../src/evaluation/model';
import { caseFolded } from '../../src/evaluation/glob';
import { evaluateRequest } from '../../src/evaluation/request';
import { policy, runIn, statementsOf, tempTree } from './helpers';

/** A witness must really be new: the new policies allow it (maybe on a condition), the old ones do not. */
function expectRealWitness(oldS: EvalStatement[], newS: EvalStatement[], f: NewAccess): void {
  // Every witness can be asked with `ramlint can`, which takes no empty value.
  expect(f.action).not.toBe('');
  expect(f.resource).not.toBe('');
  const request = { action: f.action, resource: f.resource, principal: f.principal, context: contextFrom([]) };
  const now = evaluateRequest(newS, request).decision;
  expect(f.conditional ? ['allow', 'conditional'] : ['allow']).toContain(now);
  expect(evaluateRequest(oldS, request).decision).not.toBe('allow');
}

function diff(oldP: object[], newP: object[]) {
  const oldS = statementsOf(...oldP);
  const newS = statementsOf(...newP);
  const found = findNewAccess(oldS, newS);
  for (const f of found) expectRealWitness(oldS, newS, f);
  return found;
}

const allow = (Action: string | string[], Resource: string | string[], extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const deny = (Action: string | string[], Resource: string | string[], extra: object = {}) => ({ Effect: 'Deny', Action, Resource, ...extra });

const ACTIONS = ['oss:GetObject', 'oss:Get', 'oss:G', 'oss:PutObject', 'oss:', 'ecs:DescribeInstances', 'ecs:DescribeXnstances', 'ecs:Run', 'kms:Decrypt', 'x'];
const RESOURCES = ['x', 'acs:oss:x:1:b/x', 'acs:oss:x:1:b/xx', 'acs:oss:x:1:b/a', 'acs:oss:x:1:b/ax', 'acs:oss:x:1:b/', 'acs:oss:x:1:c', 'acs:ecs:x:x:instance/i', 'acs:oss:*:1:b/*'];

/** Small Allow and Deny statements over patterns that overlap in every way, for the properties. */
const stmt = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Action: fc.array(fc.constantFrom('oss:*', 'oss:Get*', 'oss:GetObject', 'ecs:*', 'ecs:Describe?nstances', '*', 'oss:?*'), { minLength: 1, maxLength: 2 }),
  Resource: fc.array(fc.constantFrom('*', 'acs:oss:*:1:b/*', 'acs:oss:*:1:b/?', 'acs:oss:*:1:*', 'acs:ecs:*:*:instance/*', 'acs:oss:*:1:b/a*'), { minLength: 1, maxLength: 2 }),
});

describe('findNewAccess', () => {
  it('narrowing gives no new access; widening gives a witness with a real action name', () => {
    expect(diff([policy(allow('oss:*', 'acs:oss:*:1:sales/*'))], [policy(allow('oss:Get*', 'acs:oss:*:1:sales/2024/*'))])).toEqual([]);
    const [f] = diff([policy(allow('oss:Get*', 'acs:oss:*:1:sales/*'))], [policy(allow('oss:*', 'acs:oss:*:1:sales/*'))]);
    expect(f).toMatchObject({ conditional: false });
    expect(f?.action).toMatch(/^oss:(?!Get)/);
  });

  it('finds new access for actions no catalogue knows', () => {
    const [f] = diff([policy(allow('foo:Read*', '*'))], [policy(allow('foo:*', '*'))]);
    expect(f?.action.toLowerCase().startsWith('foo:')).toBe(true);
    expect(f?.action.toLowerCase().startsWith('foo:read')).toBe(false);
  });

  it('reformatted and reordered policies, split across files, give no new access', () => {
    const old = [policy(allow(['oss:GetObject', 'oss:PutObject'], ['acs:oss:*:1:a/*', 'acs:oss:*:1:b/*']), deny('oss:PutObject', 'acs:oss:*:1:a/locked/*'))];
    const reordered = [policy(deny('oss:PutObject', ['acs:oss:*:1:a/locked/*'])), policy(allow('OSS:PUTOBJECT', ['acs:oss:*:1:b/*', 'acs:oss:*:1:a/*'])), policy(allow(['oss:getobject'], 'acs:oss:*:1:a/*'), allow('oss:GetObject', 'acs:oss:*:1:b/*'))];
    expect(diff(old, reordered)).toEqual([]);
  });

  it('old Allows that cover the new one only together are enough', () => {
    expect(diff([policy(allow('oss:*', 'acs:oss:*:1:b/?'), allow('oss:*', 'acs:oss:*:1:b/??*'))], [policy(allow('oss:GetObject', 'acs:oss:*:1:b/?*'))])).toEqual([]);
    const [f] = diff([policy(allow('oss:*', 'acs:oss:*:1:b/??*'))], [policy(allow('oss:GetObject', 'acs:oss:*:1:b/?*'))]);
    expect(f?.resource).toMatch(/^acs:oss:[^:]*:1:b\/.$/);
  });

  it('? under *: a new b/* is not inside an old b/?, the reverse is', () => {
    expect(diff([policy(allow('oss:*', 'acs:oss:*:1:b/*'))], [policy(allow('oss:*', 'acs:oss:*:1:b/?'))])).toEqual([]);
    expect(diff([policy(allow('oss:*', 'acs:oss:*:1:b/?'))], [policy(allow('oss:*', 'acs:oss:*:1:b/*'))])).toHaveLength(1);
  });

  it('removing a Deny is new access inside the old Deny; adding one is not', () => {
    const old = policy(allow('ecs:*', '*'), deny('ecs:Delete*', '*'));
    const [f] = diff([old], [policy(allow('ecs:*', '*'))]);
    expect(f?.action.toLowerCase().startsWith('ecs:delete')).toBe(true);
    expect(diff([policy(allow('ecs:*', '*'))], [old])).toEqual([]);
  });

  it('a new Deny covers new access only without a condition; with one the access is new and conditional', () => {
    expect(diff([policy(allow('ecs:Describe*', '*'))], [policy(allow('ecs:*', '*'), deny('*', '*'))])).toEqual([]);
    const found = diff([policy(allow('ecs:Describe*', '*'))], [policy(allow('ecs:*', '*'), deny('*', '*', { Condition: { Bool: { 'acs:MFAPresent': 'false' } } }))]);
    expect(found).toHaveLength(1);
    expect(found[0]?.conditional).toBe(true);
  });

  it('NotAction and NotResource are compared exactly', () => {
    expect(diff([policy({ Effect: 'Allow', NotAction: 'ram:*', Resource: '*' })], [policy(allow(['ecs:*', 'oss:*'], '*'))])).toEqual([]);
    const [f] = diff([policy({ Effect: 'Allow', NotAction: ['ram:*', 'ims:*'], Resource: '*' })], [policy({ Effect: 'Allow', NotAction: 'ram:*', Resource: '*' })]);
    expect(f?.action.toLowerCase().startsWith('ims:')).toBe(true);
    expect(diff([policy(allow('*', '*'))], [policy({ Effect: 'Allow', Action: '*', NotResource: 'acs:ram:*' })])).toEqual([]);
  });

  it('conditions: a new Allow with a condition is new (conditional) unless an old Allow with an implied condition covers it', () => {
    const ip = (cidr: string) => ({ Condition: { IpAddress: { 'acs:SourceIp': cidr } } });
    expect(diff([policy(allow('ecs:*', '*', ip('10.0.0.0/8')))], [policy(allow('ecs:*', '*', ip('10.1.0.0/16')))])).toEqual([]);
    const [wider] = diff([policy(allow('ecs:*', '*', ip('10.1.0.0/16')))], [policy(allow('ecs:*', '*', ip('10.0.0.0/8')))]);
    expect(wider?.conditional).toBe(true);
    const [dropped] = diff([policy(allow('ecs:*', '*', ip('10.0.0.0/8')))], [policy(allow('ecs:*', '*'))]);
    expect(dropped?.conditional).toBe(false);
    expect(diff([policy(allow('ecs:*', '*'))], [policy(allow('ecs:*', '*', ip('10.0.0.0/8')))])).toEqual([]);
  });

  it('an unchanged conditional Deny is not new access: the new one applies whenever the old one did', () => {
    const p = policy(allow('ecs:*', '*'), deny('ecs:Delete*', '*', { Condition: { Bool: { 'acs:MFAPresent': 'false' } } }));
    expect(diff([p], [p])).toEqual([]);
  });

  it('an old Deny counts even with a condition (assumed to apply)', () => {
    const old = policy(allow('ecs:*', '*'), deny('ecs:Delete*', '*', { Condition: { Bool: { 'acs:MFAPresent': 'false' } } }));
    const found = findNewAccess(statementsOf(old), statementsOf(policy(allow('ecs:*', '*'))));
    expect(found).toHaveLength(1);
    expect(found[0]?.action.toLowerCase().startsWith('ecs:delete')).toBe(true);
  });

  it('trust policies: a wider principal is new access for a principal the old policy does not name', () => {
    const trust = (who: string[]) => policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { RAM: who } });
    expect(diff([trust(['acs:ram::1:root', 'acs:ram::2:root'])], [trust(['acs:ram::2:root'])])).toEqual([]);
    const [f] = diff([trust(['acs:ram::1:root'])], [trust(['acs:ram::1:root', 'acs:ram::3:root'])]);
    // A user of account 3, which can accepts: the account itself cannot assume a role.
    expect(f?.principal).toBe('acs:ram::3:user/x');
    // root covers the account's users and roles, so naming one of them is nothing new.
    expect(diff([trust(['acs:ram::1:root'])], [trust(['acs:ram::1:user/alice', 'acs:ram::1:role/ci'])])).toEqual([]);
  });

  it('a search that runs out of budget reports the grant as new (sound) instead of hanging', () => {
    const hard = (n: number) => `acs:oss:*:1:*a${'?'.repeat(n)}`;
    // The literal keeps the readable candidate from settling it: only the automaton can, and it may not.
    const oldS = statementsOf(policy(allow('oss:GetObject', [hard(14), 'acs:oss:*:1:*b*', `acs:oss:x:1:xa${'x'.repeat(13)}`])));
    const newS = statementsOf(policy(allow('oss:GetObject', hard(13))));
    const start = Date.now();
    const found = findNewAccess(oldS, newS, { budget: 500 });
    expect(Date.now() - start).toBeLessThan(5000);
    expect(found).toHaveLength(1);
    expect(found[0]?.unproven).toBe(true);
  });

  it('property: a policy never grants new access over itself, and every witness is real', () => {
    fc.assert(
      fc.property(fc.array(stmt, { minLength: 1, maxLength: 4 }), fc.array(stmt, { minLength: 1, maxLength: 4 }), (a, b) => {
        expect(diff([policy(...a)], [policy(...a)])).toEqual([]);
        const found = diff([policy(...a)], [policy(...b)]); // checks every witness
        if (found.length > 0) return;
        // Nothing found: then no request from a sample universe is allowed by b and not by a.
        const oldS = statementsOf(policy(...a));
        const newS = statementsOf(policy(...b));
        for (const act of ACTIONS) for (const res of RESOURCES) {
          const q = { action: act, resource: res, context: contextFrom([]) };
          if (evaluateRequest(newS, q).decision === 'allow') expect([act, res, evaluateRequest(oldS, q).decision]).toEqual([act, res, 'allow']);
        }
      }),
      { seed: 20261202, numRuns: 150 },
    );
  });
});

/** A lifted Deny must really be lifted: the old policy denies the witness (maybe on a condition), the new one does not deny it outright. */
function lifted(oldP: object[], newP: object[]) {
  const oldS = statementsOf(...oldP);
  const newS = statementsOf(...newP);
  const found = findLiftedDenies(oldS, newS);
  for (const f of found) {
    expect(f.action).not.toBe('');
    expect(f.resource).not.toBe('');
    expect(f.statement.effect).toBe('Allow'); // the old Deny, read as what it took away
    const request = { action: f.action, resource: f.resource, principal: f.principal, context: contextFrom([]) };
    // Inside an old Deny: with the old Denies read as grants, the witness is granted (on their condition, if conditional).
    const oldDenials = oldS.filter((x) => x.effect === 'Deny').map((x) => ({ ...x, effect: 'Allow' as const }));
    expect(f.conditional ? ['allow', 'conditional'] : ['allow']).toContain(evaluateRequest(oldDenials, request).decision);
    expect(evaluateRequest([...newS, ...statementsOf(policy(allow('*', '*')))], request).decision).not.toBe('explicit-deny');
  }
  return found;
}

describe('every witness diff prints is one can confirms', () => {
  // Letters in both cases, wildcards and the stand-ins the automaton picks for "any other character":
  // actions fold case, resources do not, and a witness must survive both readings.
  const word = fc.array(fc.constantFrom('x', 'X', 'y', 'Y', 'a', 'q', 'Q', '0', '?', '*'), { minLength: 1, maxLength: 3 }).map((cs) => cs.join(''));
  const caseStmt = fc.record({
    Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
    Action: fc.array(word.map((w) => `a:${w}`), { minLength: 1, maxLength: 8 }),
    Resource: fc.array(word.map((w) => `r/${w}`), { minLength: 1, maxLength: 3 }),
  });

  it('the fresh character is one case folding leaves alone: a:? over a:x … a:v is new only for a:0, which can confirms', () => {
    const old = policy(allow(['a:x', 'a:y', 'a:z', 'a:q', 'a:j', 'a:k', 'a:w', 'a:v'], '*'));
    const [f, ...rest] = diff([old], [policy(allow('a:?', '*'))]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ action: 'a:0', resource: 'x', conditional: false });
  });

  it('ramlint diff prints a:0, and ramlint can denies it on the old side (exit 1) and allows it on the new (exit 0)', async () => {
    const dir = tempTree({
      'old.json': policy(allow(['a:x', 'a:y', 'a:z', 'a:q', 'a:j', 'a:k', 'a:w', 'a:v'], '*')),
      'new.json': policy(allow('a:?', '*')),
    });
    const out = await runIn(dir, runDiff, ['old.json', 'new.json', '--format', 'json']);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toEqual({ newAccess: [{ action: 'a:0', resource: 'x', conditional: false, statement: { filePath: 'new.json', line: 4, column: 5, path: 'Statement[0]' } }] });
    expect((await runIn(dir, runCan, ['-a', 'a:0', '-r', 'x', 'old.json'])).code).toBe(1);
    expect((await runIn(dir, runCan, ['-a', 'a:0', '-r', 'x', 'new.json'])).code).toBe(0);
  });

  it('property: can allows every witness on the new side and does not on the old (actions and resources in both cases)', () => {
    // Naming every readable stand-in forces the automaton past them, where an upper-case one would be folded away.
    const standIns = allow(['a:x', 'a:y', 'a:z', 'a:q', 'a:j', 'a:k', 'a:w', 'a:v'], 'r/*');
    fc.assert(
      fc.property(fc.array(caseStmt, { minLength: 1, maxLength: 3 }), fc.array(caseStmt, { minLength: 1, maxLength: 3 }), fc.boolean(), (a, b, both) => {
        const oldP = [policy(standIns, ...a)];
        const newP = [policy(...(both ? [standIns] : []), ...b)];
        if (diff(oldP, newP).length > 0) return; // expectRealWitness on every witness
        // Nothing new: then nothing new whichever way RAM compares resources, as read with case folded too.
        const folded = (p: object[]) => statementsOf(...p).map((s) => ({ ...s, resources: caseFolded(s.resources) }));
        const [oldS, newS] = [folded(oldP), folded(newP)];
        for (const act of ['a:x', 'a:X', 'a:0', 'a:q', 'a:xy', 'a:Yq']) for (const res of ['r/x', 'r/X', 'r/xX', 'r/Xx', 'r/y', 'r/Y', 'r/0', 'r/xa', 'r/Qx']) {
          const q = { action: act, resource: res, context: contextFrom([]) };
          if (evaluateRequest(newS, q).decision === 'allow') expect([act, res, evaluateRequest(oldS, q).decision]).toEqual([act, res, 'allow']);
        }
      }),
      { seed: 20260611, numRuns: 300 },
    );
  });
});

describe('findLiftedDenies', () => {
  it('a removed Deny is lifted: its witness lies inside the old Deny', () => {
    const [f, ...rest] = lifted([policy(deny('ecs:Delete*', '*'), allow('oss:Get*', '*'))], [policy(allow('oss:Get*', '*'))]);
    expect(rest).toEqual([]);
    expect(f?.action.toLowerCase().startsWith('ecs:delete')).toBe(true);
    expect(f?.statement.origin.path).toBe('Statement[0]');
    expect(f?.conditional).toBe(false);
  });

  it('a narrowed Deny is lifted for what it no longer covers; an unchanged, reordered or widened one is not', () => {
    const [f] = lifted([policy(deny('ecs:*', '*'))], [policy(deny('ecs:Delete*', '*'))]);
    expect(f?.action.toLowerCase()).toMatch(/^ecs:(?!delete)/);
    expect(lifted([policy(deny('ecs:Delete*', '*'), deny('oss:Put*', '*'))], [policy(deny('OSS:PUT*', ['*']), deny('ecs:Delete*', '*'))])).toEqual([]);
    expect(lifted([policy(deny('ecs:Delete*', 'acs:ecs:*:*:instance/*'))], [policy(deny('ecs:*', '*'))])).toEqual([]);
  });

  it('an Allow removed lifts nothing; a policy deleted lifts every Deny it had', () => {
    expect(lifted([policy(allow('*', '*'))], [])).toEqual([]);
    expect(lifted([policy(deny('ecs:Delete*', '*'), deny('ram:*', '*'), allow('*', '*'))], []).map((f) => f.statement.origin.path)).toEqual(['Statement[0]', 'Statement[1]']);
  });

  it('conditions err toward reporting: a Deny made conditional is lifted, a condition dropped from it is not', () => {
    const mfa = { Condition: { Bool: { 'acs:MFAPresent': 'false' } } };
    const [f] = lifted([policy(deny('ecs:Delete*', '*'))], [policy(deny('ecs:Delete*', '*', mfa))]);
    expect(f).toMatchObject({ conditional: false });
    expect(lifted([policy(deny('ecs:Delete*', '*', mfa))], [policy(deny('ecs:Delete*', '*'))])).toEqual([]);
    expect(lifted([policy(deny('ecs:Delete*', '*', mfa))], [policy(deny('ecs:Delete*', '*', mfa))])).toEqual([]);
    const [g] = lifted([policy(deny('ecs:Delete*', '*', mfa))], []);
    expect(g).toMatchObject({ conditional: true });
  });

  it('property: a policy lifts none of its own Denies, and a request the old Denies block that the new ones do not is always found', () => {
    fc.assert(
      fc.property(fc.array(stmt, { minLength: 1, maxLength: 4 }), fc.array(stmt, { minLength: 0, maxLength: 4 }), (a, b) => {
        expect(lifted([policy(...a)], [policy(...a)])).toEqual([]);
        const found = lifted([policy(...a)], b.length > 0 ? [policy(...b)] : []);
        if (found.length > 0) return;
        const everything = statementsOf(policy(allow('*', '*')));
        const oldS = [...statementsOf(policy(...a)), ...everything];
        const newS = [...(b.length > 0 ? statementsOf(policy(...b)) : []), ...everything];
        for (const act of ACTIONS) for (const res of RESOURCES) {
          const q = { action: act, resource: res, context: contextFrom([]) };
          // Beside a grant of everything (the identity's other policies at their widest), nothing the old set denied is allowed now.
          if (evaluateRequest(oldS, q).decision === 'explicit-deny') expect([act, res, evaluateRequest(newS, q).decision]).toEqual([act, res, 'explicit-deny']);
        }
      }),
      { seed: 20261203, numRuns: 150 },
    );
  });
});

describe('ramlint diff', () => {
  const dir = tempTree({
    'old/p.json': policy(allow('oss:Get*', 'acs:oss:*:1:sales/*')),
    'new/p.json': policy(allow('oss:Get*', 'acs:oss:*:1:sales/*'), allow('oss:DeleteObject', 'acs:oss:*:1:sales/*')),
    'same/p.json': policy(allow('oss:GetObject', 'acs:oss:*:1:sales/*')),
  });

  it('prints the documented JSON, exits 1, and `can` confirms the witness', async () => {
    const out = await runIn(dir, runDiff, ['old', 'new', '--format', 'json']);
    expect(out.code).toBe(1);
    const body = JSON.parse(out.stdout);
    expect(body).toEqual({ newAccess: [{ action: 'oss:DeleteObject', resource: 'acs:oss:x:1:sales/x', conditional: false, statement: { filePath: 'new/p.json', line: 9, column: 5, path: 'Statement[1]' } }] });
    const [w] = body.newAccess;
    expect((await runIn(dir, runCan, ['-a', w.action, '-r', w.resource, 'new'])).code).toBe(0);
    expect((await runIn(dir, runCan, ['-a', w.action, '-r', w.resource, 'old'])).code).toBe(1);
  });

  it('exit 0 and says so when nothing is new', async () => {
    const out = await runIn(dir, runDiff, ['old', 'same']);
    expect(out).toMatchObject({ code: 0, stdout: 'No new access.\n' });
  });

  it('stylish, github and sarif show findings at the granting statement', async () => {
    expect((await runIn(dir, runDiff, ['old', 'new'])).stdout).toContain('9:5  error  New access: oss:DeleteObject on acs:oss:x:1:sales/x');
    expect((await runIn(dir, runDiff, ['old', 'new', '-f', 'github'])).stdout).toMatch(/::error file=.*new\/p\.json,line=9,/);
    const sarif = JSON.parse((await runIn(dir, runDiff, ['old', 'new', '-f', 'sarif'])).stdout);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'new-access', locations: [{ physicalLocation: { region: { startLine: 9, startColumn: 5 } } }] });
  });

  it.each([
    [['old'], /give the old and the new/],
    [['old', 'nope'], /no such file or directory: nope/],
    [['old', 'new', '-f', 'xml'], /Invalid values|Choices/],
    [['--base', '', 'old'], /--base needs a git ref/],
  ])('usage error %j exits 2', async (argv, pattern) => {
    const out = await runIn(dir, runDiff, argv);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(pattern);
  });

  it('--base compares each changed file with its version at the ref', async () => {
    const repo = tempTree({ 'policies/a.json': policy(allow('oss:GetObject', 'acs:oss:*:1:b/*')), 'policies/b.json': policy(allow('ecs:*', '*')) });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'base');
    // a.json widened; b.json reformatted only; c.json new.
    fs.writeFileSync(path.join(repo, 'policies/a.json'), JSON.stringify(policy(allow('oss:*', 'acs:oss:*:1:b/*'))));
    fs.writeFileSync(path.join(repo, 'policies/b.json'), JSON.stringify(policy(allow(['ECS:*'], ['*']))));
    fs.writeFileSync(path.join(repo, 'policies/c.json'), JSON.stringify(policy(allow('kms:Decrypt', '*'))));
    const out = await runIn(repo, runDiff, ['--base', 'HEAD', '--format', 'json']);
    expect(out.code).toBe(1);
    const files = JSON.parse(out.stdout).newAccess.map((f: NewAccess & { statement: { filePath: string } }) => f.statement.filePath).sort();
    expect(files).toEqual(['policies/a.json', 'policies/c.json']);
    const bad = await runIn(repo, runDiff, ['--base', 'no-such-ref']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/git rev-parse failed/);
  });

  it('--base reports the Denies a file no longer has, deleted files included: the identity\'s other policies may allow them', async () => {
    const repo = tempTree({
      'policies/guard.json': policy(deny('ecs:*', '*')),
      'policies/gone-guard.json': policy(deny('ram:*', '*')),
      'policies/gone-grant.json': policy(allow('oss:GetObject', '*')),
      'policies/kept.json': policy(deny('kms:*', '*'), allow('oss:Get*', '*')),
      'elsewhere/other.json': policy(deny('vpc:*', '*')),
    });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'base');
    // guard.json narrowed to deletes; gone-*.json deleted; kept.json reformatted; elsewhere/ deleted but not under the path.
    fs.writeFileSync(path.join(repo, 'policies/guard.json'), JSON.stringify(policy(deny('ecs:Delete*', '*'))));
    fs.rmSync(path.join(repo, 'policies/gone-guard.json'));
    fs.rmSync(path.join(repo, 'policies/gone-grant.json'));
    fs.writeFileSync(path.join(repo, 'policies/kept.json'), JSON.stringify(policy(allow('OSS:Get*', ['*']), deny(['kms:*'], '*'))));
    fs.rmSync(path.join(repo, 'elsewhere'), { recursive: true });
    const out = await runIn(repo, runDiff, ['--base', 'HEAD', '--format', 'json', 'policies']);
    expect(out.code).toBe(1);
    const body = JSON.parse(out.stdout);
    expect(body.newAccess).toEqual([]);
    expect(body.liftedDenies).toHaveLength(2);
    const [narrowed, gone] = body.liftedDenies;
    expect(narrowed).toMatchObject({ conditional: false, deleted: false, deniedAt: { ref: 'HEAD', filePath: 'policies/guard.json', line: 4, column: 5, path: 'Statement[0]' } });
    expect(narrowed.action.toLowerCase()).toMatch(/^ecs:(?!delete)/);
    expect(gone).toMatchObject({ deleted: true, deniedAt: { ref: 'HEAD', filePath: 'policies/gone-guard.json', path: 'Statement[0]' } });
    expect(gone.action.toLowerCase()).toMatch(/^ram:/);
    const stylish = await runIn(repo, runDiff, ['--base', 'HEAD', 'policies']);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain('was denied by Statement[0] (line 4) at HEAD, and this policy is gone now');
    expect(stylish.stdout).toContain('no Deny of this policy covers it now');
    expect(stylish.stdout).toContain('lifted-deny');
    const github = await runIn(repo, runDiff, ['--base', 'HEAD', '-f', 'github', 'policies']);
    expect(github.stdout).toMatch(/::error file=.*policies\/gone-guard\.json,line=4,/);
    // Restored, nothing is lifted: the same gate passes.
    git('checkout', '-q', '--', '.');
    expect(await runIn(repo, runDiff, ['--base', 'HEAD', 'policies'])).toMatchObject({ code: 0, stdout: 'No new access.\n' });
  });
});

describe('witness actions from the catalogue', () => {
  it('names a real action of the service when the short list has none', () => {
    const found = findNewAccess(statementsOf(policy(allow('vpc:Describe*', '*'))), statementsOf(policy(allow('vpc:*', '*'))));
    expect(found).toHaveLength(1);
    expect(found[0]?.action).toMatch(/^vpc:(?!Describe)[A-Z][A-Za-z]+$/);
  });
});

describe('ramlint diff: an operator or key written twice in a new Condition implies nothing', () => {
  const statement = (condition: string) => `{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:b/*",\n "Condition":${condition}}]}\n`;
  const dir = tempTree({
    'old.json': statement('{"IpAddress":{"acs:SourceIp":"10.1.0.0/16"}}'),
    'ops.json': statement('{"IpAddress":{"acs:SourceIp":"10.1.0.0/16"},"IpAddress":{"acs:SourceIp":"0.0.0.0/0"}}'),
    'keys.json': statement('{"IpAddress":{"acs:SourceIp":"10.1.0.0/16","acs:SourceIp":"0.0.0.0/0"}}'),
  });

  it.each(['ops.json', 'keys.json'])('old.json → %s: new access, conditional (exit 1); the reverse: none (exit 0)', async (file) => {
    const out = await runIn(dir, runDiff, ['old.json', file, '--format', 'json']);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toEqual({ newAccess: [{ action: 'oss:GetObject', resource: 'acs:oss:x:x:b/x', conditional: true, statement: { filePath: file, line: 1, column: 29, path: 'Statement[0]' } }] });
    expect(await runIn(dir, runDiff, [file, 'old.json'])).toEqual({ code: 0, stdout: 'No new access.\n', stderr: '' });
    // can agrees: from outside 10.1.0.0/16 the new policy may allow it, the old one does not.
    const can = await runIn(dir, runCan, ['-a', 'oss:GetObject', '-r', 'acs:oss:x:x:b/x', '--context', 'acs:SourceIp=8.8.8.8', file]);
    expect(can.code).toBe(3);
    expect((await runIn(dir, runCan, ['-a', 'oss:GetObject', '-r', 'acs:oss:x:x:b/x', '--context', 'acs:SourceIp=8.8.8.8', 'old.json'])).code).toBe(1);
  });
});

describe('diff and the bucket owner: a Principal "*" statement without a Condition spares the owner', () => {
  const bucket = (effect: string, principal: unknown, extra: object = {}) => ({ Effect: effect, Principal: principal, Action: 'oss:GetObject', Resource: 'acs:oss:*:1:b/*', ...extra });

  it('does not block a grant to the owner that does not spare it, nor cover one', () => {
    // New: the owner's UID is granted, and a Deny for everyone without a Condition spares the owner: new access for 1.
    const [f] = diff([policy(bucket('Allow', ['2']))], [policy(bucket('Allow', ['1']), bucket('Deny', ['*']))]);
    expect(f).toMatchObject({ action: 'oss:GetObject', principal: '1', conditional: false });
    // Old public read spared the owner; a new grant to everyone under a Condition does not.
    const when = { Condition: { Bool: { 'acs:SecureTransport': 'true' } } };
    expect(diff([policy(bucket('Allow', ['*']))], [policy(bucket('Allow', ['*'], when))])).toHaveLength(1);
  });

  it('an unchanged public read, or one made conditional, is nothing new', () => {
    const p = policy(bucket('Allow', ['*']));
    expect(diff([p], [p])).toEqual([]);
    expect(diff([policy(bucket('Allow', ['*']), bucket('Deny', ['*']))], [policy(bucket('Allow', ['*']), bucket('Deny', ['*']))])).toEqual([]);
  });
});

describe('ramlint diff: resources whose case RAM may ignore', () => {
  const dir = tempTree({
    'rc-old.json': policy(allow('ram:PassRole', 'acs:ram:*:123:role/Admin'), deny('ram:PassRole', 'acs:ram:*:123:role/admin')),
    'rc-new.json': policy(allow('ram:PassRole', 'acs:ram:*:123:role/Admin')),
  });

  it('a Deny removed that covered the grant only ignoring case is new access, conditional (exit 1); can agrees on both sides', async () => {
    const out = await runIn(dir, runDiff, ['rc-old.json', 'rc-new.json', '--format', 'json']);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toEqual({ newAccess: [{ action: 'ram:PassRole', resource: 'acs:ram:x:123:role/Admin', conditional: true, statement: { filePath: 'rc-new.json', line: 4, column: 5, path: 'Statement[0]' } }] });
    expect((await runIn(dir, runDiff, ['rc-old.json', 'rc-new.json'])).stdout).toContain(
      '4:5  error  New access: ram:PassRole on acs:ram:x:123:role/Admin (depending on whether RAM compares resources ignoring case), which the old policies do not allow; re-check with ramlint can  new-access',
    );
    // The new policy allows it; whether the old one did turns on the case rule (it used to say 'allowed').
    const old = await runIn(dir, runCan, ['-a', 'ram:PassRole', '-r', 'acs:ram:x:123:role/Admin', 'rc-old.json']);
    expect(old).toEqual({ code: 3, stdout: 'ram:PassRole on acs:ram:x:123:role/Admin: conditional: the answer depends on (whether RAM compares this resource ignoring case)\n  Allow  rc-old.json:4:5  Statement[0]\n  Deny   rc-old.json:9:5  Statement[1]\n', stderr: '' });
    expect((await runIn(dir, runCan, ['-a', 'ram:PassRole', '-r', 'acs:ram:x:123:role/Admin', 'rc-new.json'])).code).toBe(0);
    // The reverse, and the same policy twice, are nothing new.
    expect(await runIn(dir, runDiff, ['rc-new.json', 'rc-old.json'])).toMatchObject({ code: 0, stdout: 'No new access.\n' });
    expect(await runIn(dir, runDiff, ['rc-old.json', 'rc-old.json'])).toMatchObject({ code: 0, stdout: 'No new access.\n' });
  });

  it('an unchanged Deny written in another case than the grant stays quiet', () => {
    const p = policy(allow('*', '*'), deny('ram:PassRole', 'acs:ram:*:123:role/Admin'));
    expect(diff([p], [p])).toEqual([]);
    expect(diff([p], [policy(allow('*', '*'), deny('ram:PassRole', 'acs:ram:*:123:role/admin'), deny('ram:PassRole', 'acs:ram:*:123:role/Admin'))])).toEqual([]);
  });
});

describe('a statement key written twice with different values is unknown: readers disagree on which one counts', () => {
  const text = (statement: string) => `{"Version":"1","Statement":[${statement}]}\n`;
  const dir = tempTree({
    'old.json': text('{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:a/*"}'),
    // JSON.parse keeps the last Resource (a/*, nothing new); a reader that keeps the first sees "*".
    'twice.json': text('{"Effect":"Allow","Action":"oss:GetObject","Resource":"*","Resource":"acs:oss:*:*:a/*"}'),
    'same-twice.json': text('{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:a/*","Resource":"acs:oss:*:*:a/*"}'),
    'effect.json': text('{"Effect":"Deny","Effect":"Allow","Action":"oss:*","Resource":"*"},{"Effect":"Allow","Action":"oss:*","Resource":"*"}'),
    'statements.json': '{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"}],"Statement":[]}\n',
  });

  it('diff: possible new access, unproven (exit 1); the same text on both sides, or the same value twice, is nothing new (exit 0)', async () => {
    const out = await runIn(dir, runDiff, ['old.json', 'twice.json', '--format', 'json']);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toEqual({ newAccess: [{ action: '*', resource: '*', conditional: true, unproven: true, statement: { filePath: 'twice.json', line: 1, column: 29, path: 'Statement[0]' } }] });
    expect(out.stderr).toBe('ramlint diff: twice.json: Statement[0] writes "Resource" twice with different values; JSON readers disagree on which one counts, and which one RAM keeps is not documented, so it is read as unknown: it may allow or deny anything, so an answer it could change is conditional (in diff: not proven), never a guess\n');
    expect((await runIn(dir, runDiff, ['old.json', 'twice.json'])).stdout).toContain('Possible new access, not proven either way: Statement[0], which writes "Resource" twice, may grant anything the old policies do not; keep one of the keys (duplicate-key) to compare it');
    expect((await runIn(dir, runDiff, ['twice.json', 'twice.json'])).code).toBe(0);
    expect(await runIn(dir, runDiff, ['old.json', 'same-twice.json'])).toEqual({ code: 0, stdout: 'No new access.\n', stderr: '' });
    expect((await runIn(dir, runDiff, ['old.json', 'statements.json'])).code).toBe(1);
  });

  it('can: conditional where the readings could differ (exit 3)', async () => {
    const out = await runIn(dir, runCan, ['-a', 'oss:GetObject', '-r', 'acs:oss:*:*:b/k', '--format', 'json', 'twice.json']);
    expect(out.code).toBe(3);
    expect(JSON.parse(out.stdout).conditions).toEqual(['(Statement[0], which writes "Resource" twice)']);
    // Effect written as Deny and as Allow: the Deny may hold, beside an Allow of everything.
    const effect = await runIn(dir, runCan, ['-a', 'oss:GetObject', '-r', 'x', '--format', 'json', 'effect.json']);
    expect([effect.code, JSON.parse(effect.stdout).conditions]).toEqual([3, ['(Statement[0], which writes "Effect" twice)']]);
  });
});
