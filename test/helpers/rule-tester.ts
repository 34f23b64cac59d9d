/**
 * Table-driven rule tests in the manner of ESLint's RuleTester: each invalid
 * case lists every finding of the rule with its message id and exact range,
 * and the text the range covers, so a rule that points at the wrong token
 * fails. Suggestions are asserted with the text each produces, in at least
 * one case of every rule that offers them. Every message id of the rule must
 * be exercised.
 */
import { applyEdits } from '../../src/engine/edits';
import { type HostDocument, lintText } from '../../src/engine/linter';
import type { KindGiver } from '../../src/engine/model';
import type { Rule } from '../../src/engine/rule';
import type { LintMessage, PolicyKind, Severity } from '../../src/engine/types';

export interface CaseBase {
  name: string;
  /** Policy text, or an object that is pretty-printed with two-space indentation. */
  code: string | object;
  kind?: PolicyKind;
  /** Who gave `kind`: a host file's processor, or --kind/configuration (the default). */
  kindGivenBy?: KindGiver;
  filePath?: string;
  options?: Record<string, unknown>;
  /**
   * Lint the code as a document a processor found in a host file
   * (GENERATED_HOST: JSON generated from a `jsonencode` value). The
   * unresolved-value notes the engine then writes are not this rule's
   * findings and are left out; test/api/host-values.test.ts asserts them.
   */
  host?: HostDocument;
}

/** A host whose document is all generated tokens, as `jsonencode({...})` is: each `"${...}"` string is a host value. */
export const GENERATED_HOST: HostDocument = {
  lineAt: (offset) => offset,
  generatedAt: () => true,
  computedBy: { known: 'a value Terraform knows only when it plans' },
};

export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The exact source text the range covers, e.g. '"*"'. */
  text: string;
  path?: string;
  severity?: Severity;
  /** The whole message, asserted when given. */
  message?: string;
  /**
   * The suggestions the finding offers, each as its description and the text
   * after applying it alone; `[]` states that it has none. Asserted exactly
   * when given, and a rule that declares suggestions must assert them in at
   * least one case.
   */
  suggestions?: { desc: string; output: string }[];
}

export interface InvalidCase extends CaseBase {
  errors: ExpectedFinding[];
  /** Text after applying the safe fixes once; omit when the rule offers none for this case. */
  output?: string;
}

export function source(code: string | object): string {
  return typeof code === 'string' ? code : JSON.stringify(code, null, 2);
}

export function runRule(rule: Rule, c: CaseBase): { text: string; messages: LintMessage[] } {
  const text = source(c.code);
  const settings = { [rule.meta.id]: { severity: rule.meta.defaultSeverity, options: c.options } };
  const result = lintText(text, { rules: new Map([[rule.meta.id, rule]]), settings, kind: c.kind, kindGivenBy: c.kindGivenBy, filePath: c.filePath, host: c.host });
  const messages = c.host ? result.messages.filter((m) => m.ruleId !== 'unresolved-value') : result.messages;
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, messages };
}

export function testRule(rule: Rule, cases: { valid: CaseBase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const duplicateName = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicateName) throw new Error(`duplicate test case name "${duplicateName}"`);

  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          const { messages } = runRule(rule, c);
          expect(messages.map(describe1)).toEqual([]);
        });
      }
    });

    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          if (c.errors.length === 0) throw new Error('an invalid case must expect at least one finding');
          const { text, messages } = runRule(rule, c);
          const own = messages.filter((m) => m.ruleId === rule.meta.id);
          expect(messages.filter((m) => m.ruleId !== rule.meta.id)).toEqual([]);
          const actual = own.map((m, i) => {
            const want = c.errors[i];
            const got: Record<string, unknown> = {
              messageId: m.messageId,
              line: m.line,
              column: m.column,
              endLine: m.endLine,
              endColumn: m.endColumn,
              text: text.slice(m.offset, m.endOffset),
            };
            if (want?.path !== undefined) got.path = m.path;
            if (want?.severity !== undefined) got.severity = m.severity;
            if (want?.message !== undefined) got.message = m.message;
            // Suggestions change access, so what each one writes is asserted, never assumed.
            if (want?.suggestions !== undefined) {
              got.suggestions = (m.suggestions ?? []).map((sg) => ({ desc: sg.desc, output: applyEdits(text, sg.edits) }));
            }
            return got;
          });
          expect(actual).toEqual(c.errors);
          for (const m of own) expect(m.message).not.toMatch(/\{\{/);
          const fixes = own.flatMap((m) => m.fix ?? []);
          if (c.output !== undefined) expect(applyEdits(text, fixes)).toBe(c.output);
          else expect(fixes).toEqual([]);
        });
      }
    });

    it('asserts the suggestions of at least one finding, if the rule offers them', () => {
      const asserted = cases.invalid.some((c) => c.errors.some((e) => (e.suggestions?.length ?? 0) > 0));
      expect({ hasSuggestions: rule.meta.hasSuggestions === true, asserted }).toEqual({ hasSuggestions: rule.meta.hasSuggestions === true, asserted: rule.meta.hasSuggestions === true });
    });

    it('exercises every message id', () => {
      const used = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      expect(Object.keys(rule.meta.messages).filter((id) => !used.has(id))).toEqual([]);
    });
  });
}

function describe1(m: LintMessage): string {
  return `${m.line}:${m.column} ${m.ruleId}/${m.messageId}: ${m.message}`;
}
