/**
 * Table-driven tests for rules over host resources, as rule-tester.ts is for
 * rules over policies: each case is a host file (its name picks the
 * processor: `.tf`, `.tf.json`, a plan `.json`, a ROS `.yaml` or `.json`)
 * linted through the file layer with the rule alone, and each invalid case
 * lists every finding with its message id, exact range, the host text the
 * range covers and, where given, its path, severity and message. Every
 * message id of the rule must be exercised.
 */
import { lintFileText } from '../../src/api/lint-file';
import type { ResourceRule, Rule } from '../../src/engine/rule';
import type { LintMessage, Severity } from '../../src/engine/types';
import { builtinProcessors } from '../../src/processors';

export interface ResourceCase {
  name: string;
  /** The host file's name; its ending picks the processor. */
  file: string;
  code: string;
  options?: Record<string, unknown>;
}

export interface ExpectedResourceFinding {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The exact host text the range covers, e.g. '"AdministratorAccess"'. */
  text: string;
  path?: string;
  document?: string;
  severity?: Severity;
  message?: string;
}

export interface InvalidResourceCase extends ResourceCase {
  errors: ExpectedResourceFinding[];
}

export async function runResourceRule(rule: ResourceRule, c: ResourceCase): Promise<LintMessage[]> {
  const rules = new Map<string, Rule>([[rule.meta.id, rule]]);
  const settings = { [rule.meta.id]: { severity: rule.meta.defaultSeverity, options: c.options } };
  const result = await lintFileText(`/project/${c.file}`, c.code, { rules, settings, processors: builtinProcessors, fix: false, explicit: true, policiesOnly: false });
  if (!result) throw new Error(`${c.file} was not linted at all`);
  return result.messages;
}

export function testResourceRule(rule: ResourceRule, cases: { valid: ResourceCase[]; invalid: InvalidResourceCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const duplicateName = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicateName) throw new Error(`duplicate test case name "${duplicateName}"`);

  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, async () => {
          const messages = await runResourceRule(rule, c);
          expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}/${m.messageId}: ${m.message}`)).toEqual([]);
        });
      }
    });

    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, async () => {
          if (c.errors.length === 0) throw new Error('an invalid case must expect at least one finding');
          const messages = await runResourceRule(rule, c);
          expect(messages.filter((m) => m.ruleId !== rule.meta.id)).toEqual([]);
          const actual = messages.map((m, i) => {
            const want = c.errors[i];
            const got: Record<string, unknown> = { messageId: m.messageId, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, text: c.code.slice(m.offset, m.endOffset) };
            if (want?.path !== undefined) got.path = m.path;
            if (want?.document !== undefined) got.document = m.document;
            if (want?.severity !== undefined) got.severity = m.severity;
            if (want?.message !== undefined) got.message = m.message;
            return got;
          });
          expect(actual).toEqual(c.errors);
          for (const m of messages) {
            expect(m.message).not.toMatch(/\{\{/);
            expect([m.fix, m.suggestions]).toEqual([undefined, undefined]);
          }
        });
      }
    });

    it('exercises every message id', () => {
      const used = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      expect(Object.keys(rule.meta.messages).filter((id) => !used.has(id))).toEqual([]);
    });
  });
}
