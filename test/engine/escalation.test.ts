import { broadEscalationResource, ESCALATION_ACTIONS, escalationGrants, everyResourceEntry, fullServiceGrants, isAdminPolicy, namedPolicies, ramReach } from '../../src/engine/analysis/escalation';
import { buildPolicy, type Statement } from '../../src/engine/model';
import { parseJson } from '../../src/engine/parse';

function statementOf(statement: object): Statement {
  const text = JSON.stringify({ Version: '1', Statement: [statement] });
  const st = buildPolicy(parseJson(text, { allowComments: false }).root).statements[0];
  if (!st) throw new Error('no statement');
  return st;
}

describe('ramReach: what a resource reaches of one RAM resource type', () => {
  it.each([
    ['*', 'user', { kind: 'broad' }],
    ['acs:ram:*:*:*', 'policy', { kind: 'broad' }],
    ['acs:ram:*:*:user/*', 'user', { kind: 'broad' }],
    ['acs:ram:*:*:user/*', 'policy', { kind: 'none' }],
    ['acs:ram:*:*:domain/*', 'user', { kind: 'none' }],
    ['acs:ram:*:*:domain/*', 'policy', { kind: 'none' }],
    ['acs:ram:*:*:role/app-*', 'role', { kind: 'broad' }],
    ['acs:ram:*:*:ro*', 'role', { kind: 'broad' }],
    ['acs:ram:*:*:user/ci-bot', 'user', { kind: 'named', name: 'ci-bot' }],
    ['acs:ram:*:system:policy/AliyunOSSReadOnlyAccess', 'policy', { kind: 'named', name: 'AliyunOSSReadOnlyAccess' }],
    ['acs:oss:*:*:*', 'user', { kind: 'none' }],
    ['${var.arn}', 'user', { kind: 'none' }],
    // A `:` or `?` inside a placeholder is template syntax: the account is one value, the name one name.
    ['acs:ram::${ALIYUN::AccountId}:user/*', 'user', { kind: 'broad' }],
    ['acs:ram::${var.flag ? var.a : var.b}:policy/*', 'policy', { kind: 'broad' }],
    ['acs:ram:*:123456789012:user/${var.admin ? var.a : var.b}', 'user', { kind: 'named', name: '${var.admin ? var.a : var.b}' }],
    ['acs:ram:*:123456789012:user/${var.env}-*', 'user', { kind: 'broad' }],
    ['acs:${var.service}:*:*:user/*', 'user', { kind: 'none' }],
  ] as const)('%s as %s', (resource, type, expected) => {
    expect(ramReach(resource, type)).toEqual(expected);
  });
});

describe('escalation grants', () => {
  it('keep the credential and trust-changing actions', () => {
    const names = ESCALATION_ACTIONS.map((e) => e.action);
    for (const action of ['ram:CreateAccessKey', 'ram:UpdateRole', 'ram:CreatePolicyVersion', 'ram:SetDefaultPolicyVersion', 'ram:UpdateLoginProfile', 'ram:UpdateSAMLProvider']) {
      expect(names).toContain(action);
    }
  });

  it('come through Action wildcards and NotAction, judged per resource type', () => {
    const st = statementOf({ Effect: 'Allow', Action: 'ram:*', Resource: ['acs:ram:*:*:user/*', 'acs:ram:*:*:policy/Named'] });
    const grants = escalationGrants(st);
    expect(grants.length).toBe(ESCALATION_ACTIONS.length);
    const broad = grants.filter((g) => broadEscalationResource(st, g)).map((g) => g.action);
    expect(broad).toEqual(['ram:CreateAccessKey', 'ram:CreateLoginProfile', 'ram:UpdateLoginProfile']);
    expect(namedPolicies(st).map((p) => p.name)).toEqual(['Named']);
    expect(escalationGrants(statementOf({ Effect: 'Allow', NotAction: 'ram:*', Resource: '*' }))).toEqual([]);
  });

  it('know the administrator system policies', () => {
    expect(isAdminPolicy('administratoraccess')).toBe(true);
    expect(isAdminPolicy('AliyunOSSReadOnlyAccess')).toBe(false);
  });
});

describe('fullServiceGrants: every action of ims or resourcemanager', () => {
  const services = (statement: object) => fullServiceGrants(statementOf(statement)).map((g) => [g.service, g.entry?.value ?? 'NotAction']);

  it.each([
    [{ Effect: 'Allow', Action: 'ims:*', Resource: '*' }, [['ims', 'ims:*']]],
    [{ Effect: 'Allow', Action: ['oss:*', 'ResourceManager:*'], Resource: '*' }, [['resourcemanager', 'ResourceManager:*']]],
    [{ Effect: 'Allow', Action: 'i*', Resource: '*' }, [['ims', 'i*']]],
    [{ Effect: 'Allow', Action: '*', Resource: '*' }, [['ims', '*'], ['resourcemanager', '*']]],
    [{ Effect: 'Allow', Action: ['ims:Get*', 'ims:List*', 'resourcemanager:Attach*'], Resource: '*' }, []],
    [{ Effect: 'Allow', Action: ['ims:', 'ims', 'ims:*x'], Resource: '*' }, []],
    [{ Effect: 'Allow', NotAction: ['ram:*'], Resource: '*' }, [['ims', 'NotAction'], ['resourcemanager', 'NotAction']]],
    [{ Effect: 'Allow', NotAction: ['ram:*', 'ims:Create*', 'resourcemanager:*'], Resource: '*' }, []],
    [{ Effect: 'Allow', NotAction: ['i*:Get*'], Resource: '*' }, [['resourcemanager', 'NotAction']]],
  ] as const)('%j', (statement, expected) => {
    expect(services(statement)).toEqual(expected);
  });

  it('count only a Resource over everything', () => {
    expect(everyResourceEntry(statementOf({ Effect: 'Allow', Action: 'ims:*', Resource: ['acs:ram:*:*:user/*', 'acs:*:*:*:*'] }))?.value).toBe('acs:*:*:*:*');
    expect(everyResourceEntry(statementOf({ Effect: 'Allow', Action: 'ims:*', Resource: ['acs:ram:*:*:*'] }))).toBeUndefined();
  });
});
