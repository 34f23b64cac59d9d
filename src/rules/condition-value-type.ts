import { parseCidr } from '../engine/analysis/conditions';
import { CONDITION_OPERATORS, type ConditionValueType } from '../engine/catalog/condition-operators';
import type { ConditionScalar } from '../engine/model';
import { defineRule } from '../engine/rule';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const EXPECTED: Record<ConditionValueType, string> = {
  string: 'a string',
  number: 'a number',
  date: 'an ISO 8601 date such as "2026-12-31T23:59:59Z"',
  boolean: '"true" or "false"',
  ip: 'an IP address or CIDR block such as "203.0.113.0/24"',
};

/** Date.parse rolls 2026-02-30 over to March; check the calendar day exists. */
function isRealDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && !Number.isNaN(Date.parse(value));
}

function fits(type: ConditionValueType, value: ConditionScalar): boolean {
  switch (type) {
    case 'string':
      return true;
    case 'number':
      return typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()));
    case 'date':
      return typeof value === 'string' && ISO_8601.test(value.trim()) && isRealDate(value.trim());
    case 'boolean':
      return typeof value === 'boolean' || (typeof value === 'string' && /^(true|false)$/i.test(value.trim()));
    case 'ip':
      return typeof value === 'string' && parseCidr(value) !== undefined;
  }
}

export default defineRule({
  meta: {
    id: 'condition-value-type',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Require condition values that match their operator: numbers, ISO 8601 dates, "true"/"false", IP addresses (RAM: "Data type mismatch").',
    fixable: 'none',
    messages: {
      mismatch: '{{operator}} expects {{expected}}, but {{value}} is not one.',
    },
  },
  check(context) {
    for (const statement of context.policy.statements) {
      for (const clause of statement.condition?.clauses ?? []) {
        const type = CONDITION_OPERATORS.get(clause.operator);
        if (!type) continue;
        for (const v of clause.values) {
          // A placeholder (`${var.ip}`, `42.120.XX.X/24`) is a value supplied later, not a mismatch.
          if (v.placeholder) continue;
          if (fits(type, v.value)) continue;
          context.report({
            messageId: 'mismatch',
            node: v.node,
            data: { operator: clause.operator, expected: EXPECTED[type], value: JSON.stringify(v.value) },
          });
        }
      }
    }
  },
});
