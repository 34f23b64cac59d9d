/**
 * A small, hand-built report shared by the formatter tests: a file with
 * findings of every severity (one suppressed, one needing escaping), a file
 * under a path with spaces with a non-ASCII message and a multi-line range,
 * a clean file, and a file that is not valid JSON.
 */
import type { Rule, RuleMeta } from '../../src/engine/rule';
import type { Category, LintMessage, LintResult, Severity } from '../../src/engine/types';
import type { FormatContext } from '../../src/formatters';

export const ROOT = '/repo';

function rule(meta: Partial<RuleMeta> & Pick<RuleMeta, 'id' | 'category' | 'defaultSeverity' | 'description'>): Rule {
  return { meta: { fixable: 'none', messages: { m: 'x' }, ...meta }, check: () => undefined };
}

export const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['admin-access', rule({ id: 'admin-access', category: 'security', defaultSeverity: 'error', description: 'Disallow statements that grant full administrative access.' })],
  ['invalid-arn', rule({ id: 'invalid-arn', category: 'syntax', defaultSeverity: 'warning', description: 'Require resource ARNs to be well formed.' })],
  ['prefer-list', rule({ id: 'prefer-list', category: 'suggestion', defaultSeverity: 'info', description: 'Prefer a list for a single action.', fixable: 'safe' })],
  ['trust-wildcard-principal', rule({ id: 'trust-wildcard-principal', category: 'security', defaultSeverity: 'warning', description: 'Disallow "*" as the principal of a trust policy.', kinds: ['trust'] })],
  ['acme/no-foo', rule({ id: 'acme/no-foo', category: 'correctness', defaultSeverity: 'warning', description: 'Disallow foo.' })],
]);

export function msg(
  ruleId: string,
  category: Category,
  severity: Severity,
  message: string,
  [line, column, endLine, endColumn]: [number, number, number, number],
  path: string,
  extra: Partial<LintMessage> = {},
): LintMessage {
  return { ruleId, category, severity, message, line, column, endLine, endColumn, path, offset: 0, endOffset: 0, ...extra };
}

export function result(filePath: string, messages: LintMessage[], suppressedMessages: LintMessage[] = [], kind: LintResult['kind'] = 'permission'): LintResult {
  return {
    filePath,
    kind,
    messages,
    suppressedMessages,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
    infoCount: messages.filter((m) => m.severity === 'info').length,
    fixableCount: messages.filter((m) => m.fix).length,
  };
}

/** Text of policies/admin.json; offsets below point into it. */
export const ADMIN_TEXT =
  '{\n  "Version": "1",\n  "Statement": [\n    { "Effect": "Allow", "Action": "*", "Resource": "acs:ram::1:role/a<b>" }\n  ]\n}\n';

const actionOffset = ADMIN_TEXT.indexOf('"*"');

export const ADMIN = `${ROOT}/policies/admin.json`;
export const TRUST = `${ROOT}/policies/with space/trust policy.json`;
export const CLEAN = `${ROOT}/policies/clean.json`;
export const BROKEN = `${ROOT}/broken.json`;

export const SPECIAL = 'Resource "acs:ram::1:role/a<b>" & 100% odd,\nsee: docs';

export const RESULTS: LintResult[] = [
  result(
    ADMIN,
    [
      msg('admin-access', 'security', 'error', 'Action "*" grants every action.', [4, 36, 4, 39], 'Statement[0].Action', {
        offset: actionOffset,
        endOffset: actionOffset + 3,
        fingerprintValue: '*',
      }),
      msg('invalid-arn', 'syntax', 'warning', SPECIAL, [4, 53, 4, 75], 'Statement[0].Resource', { fingerprintValue: 'acs:ram::1:role/a<b>' }),
      msg('prefer-list', 'suggestion', 'info', 'Write the action as a list.', [4, 36, 4, 39], 'Statement[0].Action', {
        fix: [
          { offset: actionOffset, length: 0, text: '[' },
          { offset: actionOffset + 3, length: 0, text: ']' },
        ],
      }),
    ],
    [
      msg('acme/no-foo', 'correctness', 'warning', 'Foo is not allowed.', [2, 3, 2, 17], 'Version', {
        suppressed: { kind: 'waiver', reason: 'Legacy <policy> & "approved"', source: '.ramlintrc.json' },
      }),
    ],
  ),
  result(
    TRUST,
    [
      msg('trust-wildcard-principal', 'security', 'warning', '任何账号都可以扮演此角色：Principal 为 “*”。', [3, 5, 5, 6], 'Statement[0].Principal', { fingerprintValue: '*' }),
    ],
    [msg('admin-access', 'security', 'error', 'Action "*" grants every action.', [7, 1, 7, 4], 'Statement[1].Action', { suppressed: { kind: 'directive', reason: 'break-glass role' } })],
    'trust',
  ),
  result(CLEAN, []),
  { ...result(BROKEN, [msg('invalid-json', 'syntax', 'error', 'Expected a comma or closing brace.', [1, 10, 1, 11], '')]), kind: undefined },
];

export function context(extra: Partial<FormatContext> = {}): FormatContext {
  return { cwd: ROOT, color: false, rules: RULES, version: '1.2.3', ...extra };
}
