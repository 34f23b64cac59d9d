/**
 * JUnit XML in the Ant/Surefire shape (Jenkins, GitLab `reports:junit`,
 * Azure DevOps): a `<testsuite>` per file; a `<testcase>` per finding with a
 * `<failure>` for an error (an `<error>` for internal-error, invalid-json and
 * unreadable-file, which mean the file was not checked); a passing case with
 * the details in `<system-out>` for a warning or info, so that a run that exits
 * 0 is a green test report; a `<skipped>` case per suppressed finding; one
 * passing case for a file with no findings.
 *
 * Cases are named `<ruleId> @ <line>:<column>` (suffixed ` #2`, ` #3`… when a
 * file repeats one) with the repo-relative file path as classname, so that
 * GitLab, which keys cases on classname + name, keeps every one.
 */
import type { LintMessage, Severity, Suppression } from '../engine/types';
import { repoPath } from '../paths';
import { meansNotChecked } from './rule-info';
import type { Formatter } from './types';
import { XML_DECLARATION, xmlAttr, xmlLine } from './xml';

const SEVERITY_WORD: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Info' };
const SUPPRESSED_BY: Readonly<Record<Suppression['kind'], string>> = { directive: 'an inline directive', waiver: 'a waiver', baseline: 'the baseline' };

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function counts(c: Counts): string {
  return `tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="0"`;
}

/** Escaped element content: one line per fact, and no line break from the finding's own text. */
function details(m: LintMessage): string {
  const lines = [`line ${m.line}, col ${m.column}, ${SEVERITY_WORD[m.severity]} - ${m.message} (${m.ruleId})`];
  if (m.path !== '') lines.push(`JSON path: ${m.path}`);
  return lines.map(xmlLine).join('\n');
}

export const junit: Formatter = (results, context) => {
  const root = context.repoRoot ?? context.cwd;
  const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const suites: string[] = [];
  for (const result of results) {
    const file = repoPath(result.filePath, root).path;
    const fileAttr = xmlAttr(file);
    const c: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const cases: string[] = [];
    const names = new Map<string, number>();
    const caseOpen = (m: LintMessage) => {
      const base = `${m.ruleId} @ ${m.line}:${m.column}`;
      const n = (names.get(base) ?? 0) + 1;
      names.set(base, n);
      const name = n === 1 ? base : `${base} #${n}`;
      return `    <testcase name="${xmlAttr(name)}" classname="${fileAttr}" file="${fileAttr}" time="0">`;
    };
    for (const m of result.messages) {
      if (m.severity !== 'error' && !meansNotChecked(m.ruleId)) {
        cases.push(`${caseOpen(m)}\n      <system-out>${details(m)}</system-out>\n    </testcase>`);
        continue;
      }
      const element = meansNotChecked(m.ruleId) ? 'error' : 'failure';
      if (element === 'error') c.errors++;
      else c.failures++;
      cases.push(
        `${caseOpen(m)}\n      <${element} message="${xmlAttr(m.message)}" type="${m.severity}">${details(m)}</${element}>\n    </testcase>`,
      );
    }
    for (const m of result.suppressedMessages) {
      c.skipped++;
      const reason = m.suppressed ? `Suppressed by ${SUPPRESSED_BY[m.suppressed.kind]}: ${m.suppressed.reason}` : 'Suppressed.';
      cases.push(`${caseOpen(m)}\n      <skipped message="${xmlAttr(reason)}"/>\n    </testcase>`);
    }
    if (result.messages.length === 0) cases.push(`    <testcase name="${fileAttr}" classname="${fileAttr}" file="${fileAttr}" time="0"/>`);
    c.tests = cases.length;
    total.tests += c.tests;
    total.failures += c.failures;
    total.errors += c.errors;
    total.skipped += c.skipped;
    suites.push(`  <testsuite name="${fileAttr}" ${counts(c)}>\n${cases.join('\n')}\n  </testsuite>`);
  }
  const body = suites.length > 0 ? `\n${suites.join('\n')}\n` : '\n';
  return `${XML_DECLARATION}\n<testsuites name="ramlint" ${counts(total)}>${body}</testsuites>\n`;
};
