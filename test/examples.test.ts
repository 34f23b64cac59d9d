/**
 * examples/ is what a newcomer runs first; examples/README.md promises what
 * each file draws. This keeps the promise: the same findings, through the
 * built CLI, with the configuration in examples/team-config applied.
 */
import * as path from 'node:path';
import { ramlint, ROOT } from './helpers/cli';

const expected: Record<string, string[]> = {
  'dataworks/cross-account-trust-policy.json': ['info trust-external-principal'],
  'dataworks/dataworks-role-trust-policy.json': [],
  'dataworks/di-role-trust-policy.json': [],
  'dataworks/oss-one-bucket-read-write.json': [],
  'dataworks/passrole-one-role.json': ['warning passrole-missing-service-condition'],
  'dataworks/passrole-template-1-broad.json': ['warning passrole-wildcard-resource'],
  'dataworks/passrole-template-2-role-specific.json': [],
  'team-config/policies/di-operators.json': [],
  'team-config/policies/etl-role.jsonc': [],
  'team-config/policies/partner-trust-policy.json': ['warning trust-external-principal'],
  'unsafe/administrator-access.json': ['error admin-access'],
  'unsafe/hand-written-typos.json': ['error invalid-version', 'error invalid-effect', 'info duplicate-list-entry', 'error invalid-action-format'],
  'unsafe/oss-full-access-every-bucket.json': ['error oss-overbroad-grant'],
  'unsafe/passrole-any-role.json': ['warning passrole-missing-service-condition', 'error passrole-wildcard-resource'],
  'unsafe/public-bucket-policy.json': ['error trust-wildcard-principal'],
  'unsafe/role-anyone-can-assume.json': ['error trust-wildcard-principal'],
};

interface Report {
  filePath: string;
  messages: { ruleId: string; severity: string }[];
  suppressedMessages: { ruleId: string; suppressed: { kind: string } }[];
}

describe('examples/', () => {
  const run = ramlint(['--format', 'json', 'examples/'], { cwd: ROOT });
  const report = JSON.parse(run.stdout) as Report[];
  const byFile = new Map(report.map((r) => [path.relative(path.join(ROOT, 'examples'), r.filePath).split(path.sep).join('/'), r]));

  it('exits 1, because unsafe/ holds errors, and prints nothing on stderr', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  });

  it('lints exactly the files the README lists', () => {
    expect([...byFile.keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s draws %j', (file, findings) => {
    expect(byFile.get(file)?.messages.map((m) => `${m.severity} ${m.ruleId}`)).toEqual(findings);
  });

  it('shows the waived findings as suppressed, with their kind', () => {
    expect(byFile.get('team-config/policies/di-operators.json')?.suppressedMessages.map((m) => `${m.suppressed.kind} ${m.ruleId}`)).toEqual(['waiver passrole-wildcard-resource']);
    expect(byFile.get('team-config/policies/etl-role.jsonc')?.suppressedMessages.map((m) => `${m.suppressed.kind} ${m.ruleId}`)).toEqual(['directive passrole-missing-service-condition']);
  });
});
