import type { JsonNode } from '../engine/parse';
import type { ListMember } from '../engine/model';
import { describeType, intrinsicName } from '../engine/model';
import { defineRule, type RuleContext } from '../engine/rule';

type MessageId = 'root' | 'listValue' | 'listEntry' | 'sid' | 'condition' | 'operator' | 'conditionValue' | 'principal' | 'principalEntry' | 'intrinsic';


function reportValue(context: RuleContext<MessageId>, node: JsonNode, messageId: MessageId, data: Record<string, string>): void {
  const fn = intrinsicName(node);
  if (fn) context.report({ messageId: 'intrinsic', node, data: { fn } });
  else context.report({ messageId, node, data: { ...data, type: describeType(node.type) } });
}

function checkList(context: RuleContext<MessageId>, member: ListMember | undefined): void {
  if (!member) return;
  for (const node of member.nonStrings) {
    const whole = node === member.valueNode;
    reportValue(context, node, whole ? 'listValue' : 'listEntry', { key: member.key });
  }
}

export default defineRule<MessageId>({
  meta: {
    id: 'invalid-element-type',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Require each policy element to have the JSON type RAM expects (rejected otherwise as "Data type mismatch").',
    fixable: 'none',
    messages: {
      root: 'A policy must be a JSON object with "Version" and "Statement", not {{type}}.',
      listValue: '"{{key}}" must be a string or an array of strings, not {{type}}.',
      listEntry: 'Entries of "{{key}}" must be strings, not {{type}}.',
      sid: '"Sid" must be a string, not {{type}}.',
      condition: '"Condition" must be an object that maps operators to keys, not {{type}}.',
      operator: 'The value of condition operator "{{operator}}" must be an object that maps condition keys to values, not {{type}}.',
      conditionValue: 'Condition values must be strings, numbers or booleans, not {{type}}.',
      principal: '"Principal" must be "*", an object such as {"RAM": […]}, or a list of account UIDs, not {{type}}.',
      principalEntry: 'Principal values must be strings, not {{type}}.',
      intrinsic: 'This value is a ROS template function ({{fn}}), which is resolved only at deployment; ramlint cannot check it.',
    },
    messageSeverityCap: { intrinsic: 'info' },
  },
  check(context) {
    const { policy } = context;
    if (!policy.root) return;
    if (!policy.isObject) {
      context.report({ messageId: 'root', node: policy.root, data: { type: describeType(policy.root.type) } });
      return;
    }
    if (policy.version && intrinsicName(policy.version.valueNode)) reportValue(context, policy.version.valueNode, 'intrinsic', {});
    const statementValue = policy.statementMember?.valueNode;
    if (statementValue && policy.statementMember) {
      const items = statementValue.type === 'array' ? (statementValue.children ?? []) : [statementValue];
      for (const item of items) {
        if (intrinsicName(item)) reportValue(context, item, 'intrinsic', {});
      }
    }
    for (const statement of policy.statements) {
      if (statement.effect && intrinsicName(statement.effect.valueNode)) reportValue(context, statement.effect.valueNode, 'intrinsic', {});
      if (statement.sid && statement.sid.valueNode.type !== 'string') reportValue(context, statement.sid.valueNode, 'sid', {});
      for (const member of [statement.action, statement.notAction, statement.resource, statement.notResource]) checkList(context, member);

      const condition = statement.condition;
      if (condition) {
        // A Condition the host file computes may be any object: unresolved-value notes it.
        if (condition.valueNode.type !== 'object' && !condition.unknown) reportValue(context, condition.valueNode, 'condition', {});
        for (const op of condition.malformedOperators) reportValue(context, op.valueNode, 'operator', { operator: op.key });
        for (const clause of condition.clauses) {
          for (const node of clause.nonScalars) reportValue(context, node, 'conditionValue', {});
        }
      }

      const principal = statement.principal;
      if (principal) {
        const t = principal.valueNode.type;
        if (t !== 'string' && t !== 'array' && t !== 'object') reportValue(context, principal.valueNode, 'principal', {});
        for (const node of principal.list?.nonStrings ?? []) reportValue(context, node, 'principalEntry', {});
        for (const entry of principal.entries) for (const node of entry.nonStrings) reportValue(context, node, 'principalEntry', {});
      }
    }
  },
});
