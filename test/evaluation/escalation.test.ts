import { runEscalation } from '../../src/cli/commands/escalation';
import { findEscalationPaths } from '../../src/evaluation/escalation';
import { policy, runIn, statementsOf, tempTree } from './helpers';

const allow = (Action: string | string[], Resource: string | string[], extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });

describe('findEscalationPaths', () => {
  it('joins ram:PassRole and a code-running action granted in different files, listing both statements once', () => {
    const paths = findEscalationPaths(statementsOf(policy(allow('ram:PassRole', '*')), policy(allow('fc:CreateFunction', '*'))));
    expect(paths).toHaveLength(1);
    expect(paths[0]).toMatchObject({ kind: 'pass-role-to-code', actions: ['ram:PassRole', 'fc:CreateFunction'], conditional: false });
    expect(paths[0]?.statements.map((s) => s.origin.filePath)).toEqual(['p0.json', 'p1.json']);
    expect(paths[0]?.narrowedTo).toBeUndefined();
  });

  it('PassRole alone, or a code-running action alone, is no path', () => {
    expect(findEscalationPaths(statementsOf(policy(allow('ram:PassRole', '*'))))).toEqual([]);
    expect(findEscalationPaths(statementsOf(policy(allow('ecs:RunInstances', '*'))))).toEqual([]);
  });

  it('a scoped PassRole (one role, acs:Service pinned) narrows the path to that role and service, and other services drop out', () => {
    const scoped = allow('ram:PassRole', 'acs:ram::1:role/ecs-worker', { Condition: { StringEquals: { 'acs:Service': 'ecs.aliyuncs.com' } } });
    const paths = findEscalationPaths(statementsOf(policy(scoped, allow(['ecs:RunInstances', 'fc:CreateFunction'], '*'))));
    expect(paths.map((p) => p.actions[1])).toEqual(['ecs:RunInstances']);
    expect(paths[0]?.narrowedTo).toEqual({ roles: ['acs:ram::1:role/ecs-worker'], services: ['ecs.aliyuncs.com'] });
    expect(paths[0]?.description).toMatch(/pass only acs:ram::1:role\/ecs-worker to ecs.aliyuncs.com/);
  });

  it('finds credential, policy and trust-policy escalation, through wildcards and NotAction', () => {
    const kinds = findEscalationPaths(statementsOf(policy(allow('ram:Create*', '*'), allow('ram:UpdateRole', '*')))).map((p) => [p.kind, p.actions[0]]);
    expect(kinds).toEqual(expect.arrayContaining([['credentials-or-policies', 'ram:CreateAccessKey'], ['credentials-or-policies', 'ram:CreatePolicyVersion'], ['trust-policy', 'ram:UpdateRole']]));
    const notAction = findEscalationPaths(statementsOf(policy({ Effect: 'Allow', NotAction: 'ecs:*', Resource: '*' })));
    expect(notAction.some((p) => p.actions[0] === 'ram:AttachPolicyToUser')).toBe(true);
  });

  it('lists the identity-provider actions the lint rule reports, from the same list', () => {
    const paths = findEscalationPaths(statementsOf(policy(allow(['ram:UpdateSAMLProvider', 'ram:AddClientIdToOIDCProvider'], '*'))));
    expect(paths.map((p) => [p.kind, p.actions[0], p.description])).toEqual([
      ['identity-provider', 'ram:UpdateSAMLProvider', "replace a SAML provider's metadata and assume every role that trusts it"],
      ['identity-provider', 'ram:AddClientIdToOIDCProvider', 'add a client of their own to an OIDC provider and assume the roles that trust it'],
    ]);
  });

  it('an unconditional Deny on every resource removes the path; a conditional Allow makes it conditional', () => {
    const denied = { Effect: 'Deny', Action: 'ram:PassRole', Resource: '*' };
    expect(findEscalationPaths(statementsOf(policy(allow(['ram:PassRole', 'ecs:RunInstances'], '*'), denied)))).toEqual([]);
    const cond = allow('ram:PassRole', '*', { Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } });
    expect(findEscalationPaths(statementsOf(policy(cond, allow('ecs:RunInstances', '*'))))[0]?.conditional).toBe(true);
  });
});

describe('ramlint escalation', () => {
  const dir = tempTree({ 'a.json': policy(allow('ram:PassRole', '*')), 'b.json': policy(allow('ros:CreateStack', '*')), 'safe.json': policy(allow('oss:GetObject', '*')) });

  it('prints each path with its statements and exits 1', async () => {
    const out = await runIn(dir, runEscalation, ['a.json', 'b.json', '--format', 'json']);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout).paths).toEqual([
      {
        kind: 'pass-role-to-code',
        actions: ['ram:PassRole', 'ros:CreateStack'],
        description: 'pass any role to ros.aliyuncs.com and run code with its permissions through ros:CreateStack',
        conditional: false,
        statements: [
          { filePath: 'a.json', line: 4, column: 5, path: 'Statement[0]' },
          { filePath: 'b.json', line: 4, column: 5, path: 'Statement[0]' },
        ],
      },
    ]);
  });

  it('SARIF: one result per path, every statement a related location', async () => {
    const out = await runIn(dir, runEscalation, ['a.json', 'b.json', '--format', 'sarif']);
    const [result] = JSON.parse(out.stdout).runs[0].results;
    expect(result).toMatchObject({ ruleId: 'privilege-escalation-path', locations: [{ physicalLocation: { artifactLocation: { uri: 'a.json' }, region: { startLine: 4, startColumn: 5 } } }] });
    expect(result.relatedLocations.map((l: { physicalLocation: { artifactLocation: { uri: string } } }) => l.physicalLocation.artifactLocation.uri)).toEqual(['a.json', 'b.json']);
  });

  it('exit 0 when there is none; exit 2 without paths', async () => {
    expect(await runIn(dir, runEscalation, ['safe.json'])).toMatchObject({ code: 0, stdout: 'No privilege-escalation path.\n' });
    expect((await runIn(dir, runEscalation, [])).code).toBe(2);
  });
});
