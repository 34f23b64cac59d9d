import * as fs from 'node:fs';
import * as path from 'node:path';
import { runEscalation } from '../../src/cli/commands/escalation';
import { lint } from '../../src/index';
import { ESCALATION_ACTIONS, FULL_CONTROL_SERVICES } from '../../src/engine/analysis/escalation';
import { findEscalationPaths } from '../../src/evaluation/escalation';
import { CODE_RUNNING_ACTIONS, ROLE_TO_RUNNING_CODE } from '../../src/evaluation/known-actions';
import rule from '../../src/rules/ram-privilege-escalation';
import { runRule } from '../helpers/rule-tester';
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

  it('a Deny on every ARN (acs:*:*:*:*) is a Deny on every resource, as the rules read it; a Deny on one service\'s ARNs is not', () => {
    const grants = allow(['ram:PassRole', 'ecs:RunInstances'], '*');
    const kinds = (...statements: object[]) => findEscalationPaths(statementsOf(policy(...statements))).map((p) => p.actions.join(' + '));
    expect(kinds(grants, { Effect: 'Deny', Action: 'ram:PassRole', Resource: 'acs:*:*:*:*' })).toEqual([]);
    expect(kinds(grants, { Effect: 'Deny', Action: 'ram:PassRole', Resource: ['acs:ram:*:*:*', 'acs:ecs:*:*:*'] })).toEqual(['ram:PassRole + ecs:RunInstances']);
    expect(kinds(allow('ims:*', '*'), { Effect: 'Deny', Action: 'ims:*', Resource: 'acs:*:*:*:*' })).toEqual([]);
    // Resources compare case-sensitively (semantics.ts), so a Deny on ACS:… is not taken to cover acs:… ARNs: the path stays.
    expect(kinds(allow('ims:*', '*'), { Effect: 'Deny', Action: 'ims:*', Resource: 'ACS:*:*:*:*' })).toEqual(['ims:*']);
    expect(kinds(allow('ims:*', '*'), { Effect: 'Deny', Action: 'ims:*', NotResource: 'acs:ims:*:*:user/admin' })).toEqual(['ims:*']);
  });

  it('a path is conditional only when a step needs a condition: an unconditional grant beside a conditional one makes it unconditional', () => {
    const ip = { Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } };
    const updateRole = (...statements: object[]) => findEscalationPaths(statementsOf(policy(...statements))).find((p) => p.actions[0] === 'ram:UpdateRole');
    expect(updateRole(allow('ram:UpdateRole', '*', ip), allow('ram:UpdateRole', '*'))?.conditional).toBe(false);
    expect(updateRole(allow('ram:UpdateRole', '*', ip), allow('ram:UpdateRole', 'acs:ram:*:*:role/*', ip))?.conditional).toBe(true);
    const passRole = (...statements: object[]) => findEscalationPaths(statementsOf(policy(...statements)))[0]?.conditional;
    // Both PassRole grants conditional, the runner not: the PassRole step needs a condition.
    expect(passRole(allow('ram:PassRole', '*', ip), allow('ram:PassRole', 'acs:ram:*:*:role/*', ip), allow('ecs:RunInstances', '*'))).toBe(true);
    // One PassRole without a condition, and a runner without one: nothing needs a condition.
    expect(passRole(allow('ram:PassRole', '*', ip), allow('ram:PassRole', '*'), allow('ecs:RunInstances', '*'))).toBe(false);
    expect(passRole(allow('ram:PassRole', '*'), allow('ecs:RunInstances', '*', ip))).toBe(true);
  });
});

describe('findEscalationPaths: every action of a full-control service (full-service)', () => {
  const IMS = 'use every ims action (IMS, the RAM API for users, their AccessKey pairs and logon passwords, user groups and identity providers) and so create an AccessKey pair or a logon password for any user and act as that user';
  const RM = 'use every resourcemanager action (Resource Management, whose API also creates RAM policies and roles and attaches policies to users, groups and roles) and so attach any policy, AdministratorAccess included, to themselves';
  /** Each path as kind, actions, description, conditional and its statements as file:path. */
  const summary = (...policies: object[]) =>
    findEscalationPaths(statementsOf(...policies)).map((p) => ({ kind: p.kind, actions: p.actions, description: p.description, conditional: p.conditional, statements: p.statements.map((s) => `${s.origin.filePath}:${s.origin.path}`) }));
  const fullService = (service: 'ims' | 'resourcemanager', statements: string[], conditional = false) => ({
    kind: 'full-service',
    actions: [`${service}:*`],
    description: service === 'ims' ? IMS : RM,
    conditional,
    statements,
  });
  // Excludes RAM's own actions, so only the full-service kind can appear.
  const noRam = (...rest: string[]) => ({ Effect: 'Allow', NotAction: ['ram:*', ...rest], Resource: '*' });

  it('ims:* or resourcemanager:* on "*": one path each, from the rule\'s list', () => {
    expect(summary(policy(allow('ims:*', '*')))).toEqual([fullService('ims', ['p0.json:Statement[0]'])]);
    expect(summary(policy(allow('resourcemanager:*', '*')))).toEqual([fullService('resourcemanager', ['p0.json:Statement[0]'])]);
  });

  it('any case and any wildcard that covers the service (IMS:*, i*, ims*), and "acs:*:*:*:*" as every resource', () => {
    for (const action of ['IMS:*', 'i*', 'ims*']) expect(summary(policy(allow(action, '*')))).toEqual([fullService('ims', ['p0.json:Statement[0]'])]);
    expect(summary(policy(allow('resourcemanager:*', 'acs:*:*:*:*')))).toEqual([fullService('resourcemanager', ['p0.json:Statement[0]'])]);
  });

  it('some of the actions (ims:Get*, ims:?*), or narrower resources, are no path', () => {
    expect(summary(policy(allow(['ims:Get*', 'ims:List*', 'ims:?*'], '*')))).toEqual([]);
    expect(summary(policy(allow('ims:*', ['acs:ims:*:*:user/*', 'acs:ram:*:*:*'])))).toEqual([]);
  });

  it('a statement with a Principal grants to others, not to the holder', () => {
    expect(summary(policy(allow('ims:*', '*', { Principal: { RAM: ['acs:ram::123456789012:root'] } })))).toEqual([]);
  });

  it('NotResource "*" or acs:*:*:*:* leaves out every resource: no path of any kind, as the rule reads it', () => {
    expect(summary(policy({ Effect: 'Allow', Action: ['ims:*', 'ram:CreateAccessKey'], NotResource: '*' }))).toEqual([]);
    expect(summary(policy({ Effect: 'Allow', Action: 'resourcemanager:*', NotResource: ['acs:ram:*:*:user/x', 'acs:*:*:*:*'] }))).toEqual([]);
    expect(summary(policy({ Effect: 'Allow', Action: 'ram:CreateAccessKey', NotResource: 'acs:ram:*:*:user/x' }))).toHaveLength(1);
  });

  it('NotResource counts as every resource, as the rule counts it (fullServiceNotResource)', () => {
    expect(summary(policy({ Effect: 'Allow', Action: 'ims:*', NotResource: 'acs:ims:*:*:user/admin' }))).toEqual([fullService('ims', ['p0.json:Statement[0]'])]);
  });

  it('NotAction: a path for each service it excludes none of; PowerUserAccess\'s NotAction gives none', () => {
    expect(summary(policy(noRam('ims:Get*')))).toEqual([fullService('resourcemanager', ['p0.json:Statement[0]'])]);
    expect(summary(policy(noRam('ims:*', 'resourcemanager:*', 'resourcesharing:*', 'cloudsso:*', 'bss:Modify*')))).toEqual([]);
  });

  it('statements that together grant every action (ims:Get* in one file, NotAction ims:Get* in another): one path with both', () => {
    expect(summary(policy(allow('ims:Get*', '*')), policy(noRam('ims:Get*', 'resourcemanager:*')))).toEqual([fullService('ims', ['p0.json:Statement[0]', 'p1.json:Statement[0]'])]);
    // A grant on a narrower resource takes no part.
    expect(summary(policy(allow('ims:Get*', 'acs:ims:*:*:user/*'), noRam('ims:Get*', 'resourcemanager:*')))).toEqual([]);
  });

  it('"*" on "*": every path of the other kinds as before, then one path per service after them', () => {
    const paths = summary(policy(allow('*', '*')));
    expect(paths).toHaveLength(CODE_RUNNING_ACTIONS.length + ROLE_TO_RUNNING_CODE.length + ESCALATION_ACTIONS.length + FULL_CONTROL_SERVICES.length);
    expect(paths.slice(0, -2).map((p) => p.kind)).not.toContain('full-service');
    expect(paths.slice(-2)).toEqual([fullService('ims', ['p0.json:Statement[0]']), fullService('resourcemanager', ['p0.json:Statement[0]'])]);
  });

  it('several statements granting its actions: still one path, listing each of them and no other', () => {
    const paths = summary(policy(allow('ims:*', '*'), allow('oss:*', '*'), allow('ims:CreateUser', '*')));
    expect(paths.map((p) => p.statements)).toEqual([['p0.json:Statement[0]', 'p0.json:Statement[2]']]);
  });

  it('ram:* is judged action by action, not as a whole service', () => {
    expect(summary(policy(allow('ram:*', '*'))).map((p) => p.kind)).not.toContain('full-service');
  });

  it('an unconditional Deny of every action of the service on every resource removes the path, alone or with other Denies', () => {
    expect(summary(policy(allow('*', '*'), { Effect: 'Deny', Action: ['ram:*', 'ecs:*', 'fc:*', 'cs:*', 'ros:*', 'dataworks:*', 'eci:*', 'emr:*', 'oos:*', 'IMS:*'], Resource: '*' }))).toEqual([
      fullService('resourcemanager', ['p0.json:Statement[0]']),
    ]);
    const getDenied = { Effect: 'Deny', Action: 'ims:Get*', Resource: '*' };
    const allButGetDenied = { Effect: 'Deny', NotAction: 'ims:Get*', Resource: '*' };
    expect(summary(policy(allow('ims:*', '*'), getDenied, allButGetDenied))).toEqual([]);
  });

  it('a Deny of only some of its actions leaves the path (what is left is not known not to escalate), and names only the grants', () => {
    expect(summary(policy(allow('ims:*', '*'), { Effect: 'Deny', Action: ['ims:CreateAccessKey', 'ims:Get*'], Resource: '*' }))).toEqual([fullService('ims', ['p0.json:Statement[0]'])]);
    expect(summary(policy(allow('ims:*', '*'), { Effect: 'Deny', NotAction: 'ims:Get*', Resource: '*' }))).toEqual([fullService('ims', ['p0.json:Statement[0]'])]);
  });

  it('a Deny with a condition, or on some resources only, leaves the path', () => {
    const cond = { Condition: { Bool: { 'acs:MFAPresent': 'false' } } };
    expect(summary(policy(allow('ims:*', '*'), { Effect: 'Deny', Action: 'ims:*', Resource: '*', ...cond }))).toEqual([fullService('ims', ['p0.json:Statement[0]'])]);
    expect(summary(policy(allow('ims:*', '*'), { Effect: 'Deny', Action: 'ims:*', Resource: 'acs:ims:*:*:user/admin' }))).toEqual([fullService('ims', ['p0.json:Statement[0]'])]);
  });

  it('a condition on a grant makes the path conditional', () => {
    const cond = { Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } } };
    expect(summary(policy(allow('ims:*', '*', cond)))).toEqual([fullService('ims', ['p0.json:Statement[0]'], true)]);
    expect(summary(policy(allow('ims:Get*', '*'), { ...noRam('ims:Get*', 'resourcemanager:*'), ...cond }))).toEqual([fullService('ims', ['p0.json:Statement[0]', 'p0.json:Statement[1]'], true)]);
    // ims:* without a condition gives every action alone: the conditional grant beside it does not make the path conditional.
    expect(summary(policy(allow('ims:*', '*'), allow('ims:Get*', '*', cond)))).toEqual([fullService('ims', ['p0.json:Statement[0]', 'p0.json:Statement[1]'], false)]);
  });
});

describe('full-service paths and ram-privilege-escalation agree', () => {
  // Statements without RAM actions, so the rule reports them through fullService or fullServiceNotResource, or not at all.
  const statements: [string, object][] = [
    ['ims:* on *', allow('ims:*', '*')],
    ['IMS:* on acs:*:*:*:*', allow('IMS:*', 'acs:*:*:*:*')],
    ['i* on *', allow('i*', '*')],
    ['resourcemanager:* on *', allow('resourcemanager:*', '*')],
    ['NotAction ram:* on *', { Effect: 'Allow', NotAction: 'ram:*', Resource: '*' }],
    ['NotAction ram:*, ims:* on *', { Effect: 'Allow', NotAction: ['ram:*', 'ims:*'], Resource: '*' }],
    ['ims:* with NotResource', { Effect: 'Allow', Action: 'ims:*', NotResource: 'acs:ims:*:*:user/admin' }],
    ['ims:Get* on *', allow('ims:Get*', '*')],
    ['ims:* on user resources', allow('ims:*', 'acs:ims:*:*:user/*')],
    ['oss:* on *', allow('oss:*', '*')],
  ];

  it.each(statements)('%s', (_, statement) => {
    const messages = runRule(rule, { name: 'x', code: JSON.stringify(policy(statement), null, 2) }).messages;
    const services = findEscalationPaths(statementsOf(policy(statement))).filter((p) => p.kind === 'full-service').map((p) => p.actions[0]?.replace(':*', ''));
    // The rule names the first service a statement grants; the command lists each.
    expect(messages.map((m) => /every (\w+) action/.exec(m.message)?.[1])).toEqual(services.slice(0, 1));
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

describe('ramlint escalation: full-service paths', () => {
  const IMS_LINE = 'ims:*: can use every ims action (IMS, the RAM API for users, their AccessKey pairs and logon passwords, user groups and identity providers) and so create an AccessKey pair or a logon password for any user and act as that user';
  const FORGED = 'i\n::error::FORGED\u001b[31m.json';
  const dir = tempTree({
    'ims.json': policy(allow('ims:*', '*')),
    'rm.json': policy({ Effect: 'Allow', NotAction: ['ram:*', 'ims:*'], Resource: '*', Condition: { Bool: { 'acs:MFAPresent': 'true' } } }),
    'denied.json': policy(allow('ims:*', '*'), { Effect: 'Deny', Action: 'ims:*', Resource: '*' }),
    [FORGED]: policy(allow('ims:*', '*')),
  });

  it('text: the path and its statement, exit 1; with ims:* denied on every resource, no path and exit 0', async () => {
    expect(await runIn(dir, runEscalation, ['ims.json'])).toEqual({ code: 1, stdout: `${IMS_LINE}\n  ims.json:4:5  Statement[0]\n`, stderr: '' });
    expect(await runIn(dir, runEscalation, ['denied.json'])).toMatchObject({ code: 0, stdout: 'No privilege-escalation path.\n' });
  });

  it('text: a conditional grant says so', async () => {
    const out = await runIn(dir, runEscalation, ['rm.json']);
    expect(out.code).toBe(1);
    expect(out.stdout.split('\n')[0]).toMatch(/^resourcemanager:\*: can use every resourcemanager action .* to themselves \(when the conditions hold\)$/);
  });

  it('JSON: kind full-service, the service wildcard as its action', async () => {
    const out = await runIn(dir, runEscalation, ['-f', 'json', 'ims.json']);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout).paths).toEqual([
      { kind: 'full-service', actions: ['ims:*'], description: IMS_LINE.slice('ims:*: can '.length), conditional: false, statements: [{ filePath: 'ims.json', line: 4, column: 5, path: 'Statement[0]' }] },
    ]);
  });

  it('SARIF: one result with the kind in its properties', async () => {
    const out = await runIn(dir, runEscalation, ['-f', 'sarif', 'ims.json']);
    expect(out.code).toBe(1);
    const results = JSON.parse(out.stdout).runs[0].results;
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      ruleId: 'privilege-escalation-path',
      level: 'error',
      message: { text: IMS_LINE.replace(': can ', ': the holder can ') },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'ims.json' }, region: { startLine: 4, startColumn: 5 } } }],
      properties: { kind: 'full-service' },
    });
    expect(results[0].relatedLocations).toHaveLength(1);
  });

  it('text: a file name is escaped as on the other paths', async () => {
    const out = await runIn(dir, runEscalation, [FORGED]);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe(`${IMS_LINE}\n  i\\n::error::FORGED\\u001b[31m.json:4:5  Statement[0]\n`);
  });

  it('--help names the full-control services from the rule\'s list', async () => {
    const out = await runIn(dir, runEscalation, ['--help']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/identity provider that roles trust, or use every action of a service that is\s+full control \(ims:\*, resourcemanager:\* on every resource\)/);
  });
});

describe("ram:AttachPolicy, Resource Management's AttachPolicy", () => {
  const dir = tempTree({ 'e12.json': policy({ Effect: 'Allow', Action: ['ram:AttachPolicy'], Resource: '*' }) });

  it('is a path (exit 1), and the linter reports it as escalation, not as an unknown action', async () => {
    expect(await runIn(dir, runEscalation, ['e12.json'])).toEqual({
      code: 1,
      stdout: 'ram:AttachPolicy: can attach any policy, AdministratorAccess included, to a user, group or role (Resource Management AttachPolicy)\n  e12.json:4:5  Statement[0]\n',
      stderr: '',
    });
    expect(lint(JSON.stringify(policy({ Effect: 'Allow', Action: ['ram:AttachPolicy'], Resource: '*' }))).messages.map((m) => `${m.ruleId} ${m.messageId}`)).toEqual(['ram-privilege-escalation escalation']);
  });
});

describe('ram:PassRole, ecs:AttachInstanceRamRole and a way to run code on the instance', () => {
  const dir = tempTree({
    'e1.json': policy(allow(['ram:PassRole', 'ecs:AttachInstanceRamRole', 'ecs:InvokeCommand'], '*')),
    'split/pass.json': policy(allow('ram:PassRole', 'acs:ram::1:role/app', { Condition: { StringEquals: { 'acs:Service': 'ecs.aliyuncs.com' } } })),
    'split/attach.json': policy(allow('ecs:AttachInstanceRamRole', '*'), allow('ecs:RunCommand', '*', { Condition: { Bool: { 'acs:MFAPresent': 'true' } } })),
  });

  it('is a path (exit 1), with the three grants', async () => {
    expect(await runIn(dir, runEscalation, ['e1.json'])).toEqual({
      code: 1,
      stdout:
        'ram:PassRole + ecs:AttachInstanceRamRole + ecs:InvokeCommand: can pass any role to ecs.aliyuncs.com, attach it to a running instance with ecs:AttachInstanceRamRole and run code there with its permissions through ecs:InvokeCommand\n  e1.json:4:5  Statement[0]\n',
      stderr: '',
    });
  });

  it('across files, narrowed by a scoped PassRole and conditional when every way to run code is', () => {
    const [p, ...rest] = findEscalationPaths(statementsOf(...['split/pass.json', 'split/attach.json'].map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ kind: 'pass-role-to-code', actions: ['ram:PassRole', 'ecs:AttachInstanceRamRole', 'ecs:RunCommand'], conditional: true, narrowedTo: { roles: ['acs:ram::1:role/app'], services: ['ecs.aliyuncs.com'] } });
    expect(p?.statements.map((s) => s.origin.path)).toEqual(['Statement[0]', 'Statement[0]', 'Statement[1]']);
  });

  it('without a way to run code on the instance, or without the attach, is no path', () => {
    expect(findEscalationPaths(statementsOf(policy(allow(['ram:PassRole', 'ecs:AttachInstanceRamRole'], '*'))))).toEqual([]);
    expect(findEscalationPaths(statementsOf(policy(allow(['ram:PassRole', 'ecs:InvokeCommand'], '*'))))).toEqual([]);
  });
});

describe('escalation reads resources as ram-privilege-escalation does: the two never disagree', () => {
  const cases: [string, object[]][] = [
    ['attach on *', [allow('ram:AttachPolicyToUser', '*')]],
    ['attach limited to a named policy', [allow('ram:AttachPolicyToUser', ['acs:ram:*:*:user/me', 'acs:ram:*:*:policy/ReadOnlyNotes'])]],
    ['attach naming AdministratorAccess', [allow('ram:AttachPolicyToRole', 'acs:ram:*:system:policy/AdministratorAccess')]],
    ['attach limited to a name pattern', [allow('ram:AttachPolicyToGroup', 'acs:ram:*:*:policy/k8s-*')]],
    ['attach limited to a name pattern, and CreatePolicy', [allow('ram:AttachPolicyToGroup', 'acs:ram:*:*:policy/k8s-*'), allow('ram:CreatePolicy', 'acs:ram:*:*:policy/*')]],
    ['access keys for a named user', [allow('ram:CreateAccessKey', 'acs:ram:*:123:user/deploy-bot')]],
    ['access keys for every user', [allow('ram:CreateAccessKey', 'acs:ram:*:123:user/*')]],
    ['ram:* on a domain', [allow('ram:*', 'acs:ram:*:*:domain/*')]],
    ['NotResource', [{ Effect: 'Allow', Action: 'ram:UpdateRole', NotResource: 'acs:ram:*:*:role/x' }]],
  ];
  /** The rule's verdict: an error is a full path, a warning a narrowed one, nothing no path. */
  const ruleSays = (statements: object[]) => {
    const m = lint(JSON.stringify(policy(...statements))).messages.filter((x) => x.ruleId === 'ram-privilege-escalation');
    return m.length === 0 ? 'none' : m.every((x) => x.severity === 'warning') ? 'narrowed' : 'full';
  };
  const commandSays = (statements: object[]) => {
    const paths = findEscalationPaths(statementsOf(policy(...statements))).filter((p) => p.kind !== 'pass-role-to-code');
    return paths.length === 0 ? 'none' : paths.every((p) => p.narrowedTo) ? 'narrowed' : 'full';
  };

  it.each(cases)('%s', (_name, statements) => {
    expect(commandSays(statements)).toBe(ruleSays(statements));
  });

  it('ramlint escalation: an attach limited to named policies is a narrowed path, not "any policy" (exit 1)', async () => {
    const dir = tempTree({ 'e5.json': '{"Version":"1","Statement":[{"Effect":"Allow","Action":["ram:AttachPolicyToUser"],"Resource":["acs:ram:*:*:user/me","acs:ram:*:*:policy/ReadOnlyNotes"]}]}\n' });
    expect(await runIn(dir, runEscalation, ['e5.json'])).toEqual({
      code: 1,
      stdout: 'ram:AttachPolicyToUser: can attach only ReadOnlyNotes to a user; check that they grant no more than the holder may have (narrowed to the policies its Resource names)\n  e5.json:1:29  Statement[0]\n',
      stderr: '',
    });
    const json = JSON.parse((await runIn(dir, runEscalation, ['-f', 'json', 'e5.json'])).stdout);
    expect(json.paths).toEqual([
      {
        kind: 'credentials-or-policies',
        actions: ['ram:AttachPolicyToUser'],
        description: 'attach only ReadOnlyNotes to a user; check that they grant no more than the holder may have',
        conditional: false,
        narrowedTo: { policies: ['ReadOnlyNotes'] },
        statements: [{ filePath: 'e5.json', line: 1, column: 29, path: 'Statement[0]' }],
      },
    ]);
  });

  it('access keys for the holder\'s own user (a policy variable) are no path; a Resource the host computes may be anything (conditional)', () => {
    expect(findEscalationPaths(statementsOf(policy(allow('ram:CreateAccessKey', 'acs:ram:*:*:user/${ram:UserName}'))))).toEqual([]);
    const [p, ...rest] = findEscalationPaths(statementsOf(policy(allow('ram:CreateAccessKey', '${var.user_arn}'))));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ actions: ['ram:CreateAccessKey'], conditional: true });
  });
});
