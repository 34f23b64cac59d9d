/**
 * The policies of Alibaba's own documents, with the verdicts the issue fixes:
 * the safe forms are clean, Template 1 is a warning and not an error, and a
 * role-specific PassRole without a condition draws exactly the
 * missing-condition warning.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../src';

const dir = path.join(__dirname, '..', 'fixtures', 'seeds');

const verdicts: Record<string, { kind: string; findings: string[] }> = {
  '000-dataworks-trust-policy.json': { kind: 'trust', findings: [] },
  '000-passrole-one-role.json': { kind: 'permission', findings: ['warning passrole-missing-service-condition 13:17-13:31 Statement[1].Action'] },
  // The document lists "oss:GetObjectMetadata", which is no OSS action (oss:GetObjectMeta, listed beside it, is).
  '001-oss-bucket-scoped.json': { kind: 'permission', findings: ['error unknown-action 9:1-9:24 Statement[0].Action[2]'] },
  '001-di-trust-policy.json': { kind: 'trust', findings: [] },
  '001-passrole-template-1-broad.json': { kind: 'permission', findings: ['warning passrole-wildcard-resource 6:13-6:16 Statement[0].Resource'] },
  '001-passrole-template-2-role-specific.json': { kind: 'permission', findings: [] },
  '004-cross-account-trust-policy.json': { kind: 'trust', findings: [] },
};

describe('seed policies from the Alibaba Cloud documents', () => {
  it('are all covered by a verdict', () => {
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()).toEqual(Object.keys(verdicts).sort());
  });

  for (const [file, verdict] of Object.entries(verdicts)) {
    it(`${file}: ${verdict.findings.length === 0 ? 'clean' : verdict.findings.join('; ')}`, () => {
      const result = lint(fs.readFileSync(path.join(dir, file), 'utf8'), { filePath: file });
      expect(result.kind).toBe(verdict.kind);
      expect(result.messages.map((m) => `${m.severity} ${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.path}`)).toEqual(verdict.findings);
      // No errors but the listed ones: only the seed's real mistake (an action that does not exist) is one.
      expect(result.errorCount).toBe(verdict.findings.filter((f) => f.startsWith('error ')).length);
    });
  }
});
