/**
 * GitLab Code Quality (`artifacts:reports:codequality`): one JSON array, an
 * object per unsuppressed finding with description, check_name (the rule id),
 * fingerprint, severity and a repo-relative location.
 *
 * Severity: error → `critical` for security rules, `major` otherwise;
 * warning → `minor`; info → `info`.
 *
 * Fingerprint: MD5 hex (the CodeClimate/GitLab convention) of the rule id,
 * repo-relative path, the document's label in a host file (a Terraform
 * address), JSON path, fingerprintValue (the message when there is
 * none) and an occurrence counter (1, 2, … among findings with the same
 * other parts, in report order), so no two findings ever share one and each
 * keeps its own from one run to the next.
 */
import type { Category, LintMessage } from '../engine/types';
import { repoPath } from '../paths';
import { collected, JsonArrayWriter } from './streaming';
import type { StreamingFormat } from './types';

/** node:crypto is required on first use: a plain lint does not load it. */
const createHash = (algorithm: string) => (require('node:crypto') as typeof import('node:crypto')).createHash(algorithm);

type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export function gitlabSeverity(m: Pick<LintMessage, 'severity' | 'category'>): CodeQualitySeverity {
  if (m.severity === 'error') return m.category === 'security' ? 'critical' : 'major';
  return m.severity === 'warning' ? 'minor' : 'info';
}

/** CodeClimate categories (ignored by GitLab, used by other CodeClimate consumers). */
const CODECLIMATE_CATEGORY: Readonly<Record<Category, string>> = { security: 'Security', syntax: 'Bug Risk', correctness: 'Bug Risk', suggestion: 'Style' };

export function gitlabFingerprint(parts: readonly string[], occurrence: number): string {
  return createHash('md5').update([...parts, String(occurrence)].join('\0'), 'utf8').digest('hex');
}

export const gitlabStream: StreamingFormat = (context) => {
  const root = context.repoRoot ?? context.cwd;
  const array = new JsonArrayWriter();
  return {
    file: (result) => {
      const file = repoPath(result.filePath, root).path;
      // The file is part of every fingerprint, so occurrences are counted per file: nothing is kept between files.
      const seen = new Map<string, number>();
      const issues: Record<string, unknown>[] = [];
      for (const m of result.messages) {
        // Two policies in one host file may have a finding at the same path; the document tells them apart (as in SARIF's).
        const where = m.document === undefined ? [m.path] : [m.document, m.path];
        const parts = [m.ruleId, file, ...where, m.fingerprintValue ?? m.message];
        const key = JSON.stringify(parts);
        const occurrence = (seen.get(key) ?? 0) + 1;
        seen.set(key, occurrence);
        const begin = Math.max(1, m.line);
        issues.push({
          type: 'issue',
          description: m.message,
          check_name: m.ruleId,
          fingerprint: gitlabFingerprint(parts, occurrence),
          severity: gitlabSeverity(m),
          categories: [CODECLIMATE_CATEGORY[m.category]],
          location: { path: file, lines: { begin, end: Math.max(begin, m.endLine) } },
        });
      }
      return array.elements(issues);
    },
    end: () => array.end(),
  };
};

export const gitlab = collected(gitlabStream);
