/**
 * Policies whose content the host file computes (Terraform `var.…`, ROS functions): what is known is
 * evaluated, the rest as unknown, never as granting nothing (docs/semantics.md, "values the host computes").
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCan } from '../../src/cli/commands/can';
import { runDiff } from '../../src/cli/commands/diff';
import { runEscalation } from '../../src/cli/commands/escalation';
import { runIn, tempTree } from './helpers';

const tf = (name: string, attribute: string, value: string, type = 'alicloud_ram_policy') => `resource "${type}" "${name}" {\n  ${attribute} = ${value}\n}\n`;
const doc = (statements: string) => `jsonencode({ Version = "1", Statement = ${statements} })`;
const NOTE_PART = (what: string) =>
  `${what} is computed by the host file (a Terraform expression or a ROS function), so it is read as unknown: it may allow or deny anything, so an answer it could change is conditional (in diff: not proven), never a guess; evaluate the planned policy (terraform show -json) for a definite answer`;
const NOTE_WHOLE = (label: string, expression: string) =>
  `${label} is ${expression}, a value Terraform knows only when it plans, so it was not checked; lint the plan (terraform show -json) to check the policy Terraform will apply. Evaluated here, it is read as unknown: it may allow or deny anything, so an answer it could change is conditional (in diff: not proven), never a guess.`;

const dir = tempTree({
  'allow.json': { Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:*', Resource: '*' }] },
  'guard/main.tf': `variable "cond" { type = any }\n${tf('guard', 'policy_document', doc('[{ Effect = "Deny", Action = ["oss:*"], Resource = ["*"], Condition = var.cond }]'))}`,
  'statements/main.tf': `variable "statements" { type = any }\n${tf('p', 'policy_document', doc('var.statements'))}`,
  'one/main.tf': `variable "s" { type = any }\n${tf('p', 'policy_document', doc('[{ Effect = "Allow", Action = ["oss:GetObject"], Resource = ["acs:oss:*:*:b/*"] }, var.s]'))}`,
  'whole/main.tf': `variable "doc" { type = string }\n${tf('p', 'policy_document', 'var.doc')}`,
  'old/main.tf': tf('p', 'policy_document', doc('[{ Effect = "Allow", Action = ["oss:GetObject"], Resource = ["acs:oss:*:*:b/*"] }]')),
  'new-condition/main.tf': `variable "cond" { type = any }\n${tf('p', 'policy_document', doc('[{ Effect = "Allow", Action = ["oss:*"], Resource = ["*"], Condition = var.cond }]'))}`,
  'esc/main.tf': `variable "cond" { type = any }\n${tf('p', 'policy_document', doc('[{ Effect = "Allow", Action = ["ram:AttachPolicyToUser"], Resource = ["*"], Condition = var.cond }]'))}`,
  'trust/main.tf': `variable "trusted" { type = any }\n${tf('r', 'assume_role_policy_document', doc('[{ Effect = "Allow", Action = "sts:AssumeRole", Principal = var.trusted }]'), 'alicloud_ram_role')}`,
  'trust-whole/main.tf': `variable "trust" { type = string }\n${tf('r', 'assume_role_policy_document', 'var.trust', 'alicloud_ram_role')}`,
  'endpoint/main.tf': `variable "p" { type = string }\n${tf('e', 'policy_document', 'var.p', 'alicloud_vpc_gateway_endpoint')}`,
});
const label = (name: string, attribute = 'policy_document', type = 'alicloud_ram_policy') => `${type}.${name}.${attribute}`;

describe('ramlint can', () => {
  const ask = (...paths: string[]) => runIn(dir, runCan, ['-a', 'oss:DeleteBucket', '-r', 'acs:oss:*:1:b', '--format', 'json', ...paths]);

  it('a Deny whose Condition the host computes may apply: allowed becomes conditional (exit 3), naming it', async () => {
    const out = await ask('allow.json', 'guard');
    expect(out.code).toBe(3);
    expect(JSON.parse(out.stdout)).toEqual({
      decision: 'conditional',
      statements: [
        { filePath: 'allow.json', line: 4, column: 5, path: 'Statement[0]', effect: 'Allow' },
        { filePath: 'guard/main.tf', line: 3, column: 62, path: 'Statement[0]', effect: 'Deny' },
      ],
      conditions: ['(the Condition, computed by the host file)'],
    });
    expect(out.stderr).toBe(`ramlint can: guard/main.tf (${label('guard')}): ${NOTE_PART('its Condition')}\n`);
  });

  it('a computed Statement, statement or whole policy may allow or deny anything: allowed and implicitly denied become conditional (exit 3)', async () => {
    for (const [where, what] of [['statements', '(the Statement, computed by the host file)'], ['one', '(Statement[1], computed by the host file)'], ['whole', '(the whole policy, computed by the host file)']]) {
      const allowed = await ask('allow.json', where as string);
      expect([where, allowed.code, JSON.parse(allowed.stdout).conditions]).toEqual([where, 3, [what]]);
      const denied = await ask(where as string);
      expect([where, denied.code, JSON.parse(denied.stdout).decision]).toEqual([where, 3, 'conditional']);
    }
    const whole = await runIn(dir, runCan, ['-a', 'oss:DeleteBucket', '-r', 'acs:oss:*:1:b', 'whole']);
    expect(whole).toEqual({
      code: 3,
      stdout: `oss:DeleteBucket on acs:oss:*:1:b: conditional: the answer depends on (the whole policy, computed by the host file)\n  Allow  whole/main.tf:3:21  (${label('p')})\n  Deny   whole/main.tf:3:21  (${label('p')})\n`,
      stderr: `ramlint can: whole/main.tf (${label('p')}): ${NOTE_WHOLE(label('p'), 'var.doc')}\n`,
    });
  });

  it('what is known still decides: the known statement of a partly computed policy allows, a known Deny still denies', async () => {
    const get = await runIn(dir, runCan, ['-a', 'oss:GetObject', '-r', 'acs:oss:*:*:b/k', '--format', 'json', 'one']);
    // Statement[0] allows it; the computed Statement[1] may deny it.
    expect(JSON.parse(get.stdout)).toMatchObject({ decision: 'conditional', conditions: ['(Statement[1], computed by the host file)'] });
    const denyDir = tempTree({ 'deny.json': { Version: '1', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }, 'whole/main.tf': fs.readFileSync(path.join(dir, 'whole/main.tf'), 'utf8') });
    expect((await runIn(denyDir, runCan, ['-a', 'oss:GetObject', '-r', 'x', 'deny.json', 'whole'])).code).toBe(1);
  });

  it('a trust policy whose Principal the host computes may name anyone: conditional for any principal (exit 3)', async () => {
    const out = await runIn(dir, runCan, ['-a', 'sts:AssumeRole', '-r', '*', '--principal', 'acs:ram::1:user/alice', '--format', 'json', 'trust']);
    expect(out.code).toBe(3);
    expect(JSON.parse(out.stdout).conditions).toEqual(['(the Principal, computed by the host file)']);
  });

  it('a computed endpoint policy is still left out: it grants nothing whatever it holds', async () => {
    const out = await runIn(dir, runCan, ['-a', 'oss:GetObject', '-r', 'x', 'allow.json', 'endpoint']);
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(/^ramlint can: endpoint\/main\.tf \(alicloud_vpc_gateway_endpoint\.e\.policy_document\): .*; an endpoint policy, left out: /);
  });
});

describe('ramlint diff', () => {
  const diff = (oldPath: string, newPath: string) => runIn(dir, runDiff, [oldPath, newPath, '--format', 'json']);

  it('a new Allow whose Condition the host computes is new access, conditional (exit 1)', async () => {
    const out = await diff('old', 'new-condition');
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toEqual({ newAccess: [{ action: 'oss:GetObject', resource: 'x', conditional: true, statement: { filePath: 'new-condition/main.tf', line: 3, column: 62, path: 'Statement[0]' } }] });
  });

  it('a new policy whose Statement or whole document the host computes is possible new access, unproven, at the computed value (exit 1)', async () => {
    const statements = await diff('old', 'statements');
    expect(statements.code).toBe(1);
    expect(JSON.parse(statements.stdout)).toEqual({ newAccess: [{ action: '*', resource: '*', conditional: true, unproven: true, statement: { filePath: 'statements/main.tf', line: 3, column: 61, path: 'Statement' } }] });
    const whole = await runIn(dir, runDiff, ['old', 'whole']);
    expect(whole.code).toBe(1);
    expect(whole.stdout).toContain(
      '3:21  error  Possible new access, not proven either way: the whole policy, computed by the host file, may grant anything the old policies do not; evaluate the planned policy (terraform show -json) to compare it (in alicloud_ram_policy.p.policy_document)  new-access',
    );
    expect(whole.stderr).toBe(`ramlint diff: whole/main.tf (${label('p')}): ${NOTE_WHOLE(label('p'), 'var.doc')}\n`);
  });

  it('the same computed value on both sides is no change (exit 0)', async () => {
    expect(await runIn(dir, runDiff, ['statements', 'statements'])).toMatchObject({ code: 0, stdout: 'No new access.\n' });
    expect(await runIn(dir, runDiff, ['whole', 'whole'])).toMatchObject({ code: 0, stdout: 'No new access.\n' });
  });

  it('an old policy the host computes may have denied anything: every new grant is reported, and stderr says why (exit 1)', async () => {
    const out = await diff('whole', 'old');
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout).newAccess).toEqual([{ action: 'oss:GetObject', resource: 'acs:oss:x:x:b/x', conditional: false, statement: { filePath: 'old/main.tf', line: 2, column: 62, path: 'Statement[0]' } }]);
    expect(out.stderr).toContain(
      `ramlint diff: whole/main.tf (${label('p')}): the old policy is unknown there (the whole policy, computed by the host file) and may have denied anything, so it is read as denying everything: every grant of the new policies is reported (this can only over-report)\n`,
    );
  });

  it('--base: a policy that became computed is possible new access; one that was computed may have denied anything; an unchanged one is nothing', async () => {
    const repo = tempTree({ 'infra/main.tf': fs.readFileSync(path.join(dir, 'old/main.tf'), 'utf8'), 'infra/same.tf': fs.readFileSync(path.join(dir, 'statements/main.tf'), 'utf8') });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'base');
    fs.writeFileSync(path.join(repo, 'infra/main.tf'), fs.readFileSync(path.join(dir, 'whole/main.tf'), 'utf8'));
    const out = await runIn(repo, runDiff, ['--base', 'HEAD', '--format', 'json', 'infra']);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toEqual({
      newAccess: [{ action: '*', resource: '*', conditional: true, unproven: true, statement: { filePath: 'infra/main.tf', line: 3, column: 21, path: '' } }],
      liftedDenies: [],
    });
    git('checkout', '-q', '--', '.');
    expect(await runIn(repo, runDiff, ['--base', 'HEAD', 'infra'])).toMatchObject({ code: 0, stdout: 'No new access.\n' });
    // Computed at the ref, written out now: what it denied is unknown, so a Deny may have been lifted.
    fs.writeFileSync(path.join(repo, 'infra/main.tf'), fs.readFileSync(path.join(dir, 'whole/main.tf'), 'utf8'));
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qam', 'computed');
    fs.writeFileSync(path.join(repo, 'infra/main.tf'), fs.readFileSync(path.join(dir, 'old/main.tf'), 'utf8'));
    const lifted = await runIn(repo, runDiff, ['--base', 'HEAD', '--format', 'json', 'infra']);
    expect(lifted.code).toBe(1);
    expect(JSON.parse(lifted.stdout)).toEqual({
      newAccess: [{ action: 'oss:GetObject', resource: 'acs:oss:x:x:b/x', conditional: false, statement: { filePath: 'infra/main.tf', line: 2, column: 62, path: 'Statement[0]' } }],
      liftedDenies: [{ action: '*', resource: '*', conditional: true, unproven: true, deniedAt: { ref: 'HEAD', filePath: 'infra/main.tf', line: 3, column: 21, path: '' }, deleted: false }],
    });
    const stylish = await runIn(repo, runDiff, ['--base', 'HEAD', 'infra']);
    expect(stylish.stdout).toContain('Possible Deny lifted, not proven either way: at HEAD, the whole policy, computed by the host file (line 3), may have denied anything, and no Deny of this policy is known to cover it now');
  });
});

describe('ramlint escalation', () => {
  it('a grant under a Condition the host computes is a conditional path (exit 1)', async () => {
    const out = await runIn(dir, runEscalation, ['esc']);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('ram:AttachPolicyToUser: can attach any policy, AdministratorAccess included, to a user (when the conditions hold)\n  esc/main.tf:3:62  Statement[0]\n');
  });

  it('a permission policy the host computes whole is an unproven path (exit 1); a computed trust policy grants the identity nothing (exit 0)', async () => {
    const out = await runIn(dir, runEscalation, ['-f', 'json', 'whole']);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toEqual({
      paths: [
        {
          kind: 'unknown-policy',
          actions: ['*'],
          description: 'do whatever the whole policy, computed by the host file, grants: no path can be ruled out (not proven either way)',
          conditional: true,
          statements: [{ filePath: 'whole/main.tf', line: 3, column: 21, path: '' }],
        },
      ],
    });
    expect((await runIn(dir, runEscalation, ['trust-whole'])).code).toBe(0);
    expect((await runIn(dir, runEscalation, ['trust'])).code).toBe(0);
  });
});
