import { splitArn } from '../engine/analysis/arn';
import { maskPlaceholders, PLACEHOLDER_FILL, withoutPlaceholders } from '../engine/analysis/placeholders';
import type { LocatedString } from '../engine/model';
import { defineRule, type RuleContext } from '../engine/rule';

type MessageId = 'trustForm' | 'nobody' | 'ram' | 'service' | 'federated' | 'bucketValue';

/**
 * An account id: digits, `*`, or digits with a run of `*`/`x` (documentation
 * masks such as `1234****` and `174649****602745`, and wildcards such as `12*`,
 * which trust-wildcard-principal judges).
 */
const ACCOUNT = String.raw`(?:\d+(?:[*xX]+\d*)?|\*)`;
/** A placeholder that opens the resource part (`${var.kind}/${var.name}`) may be the type itself: flatten() writes it as this. */
const TYPE = PLACEHOLDER_FILL;
const RAM_PRINCIPAL = new RegExp(String.raw`^acs:ram:\*?:${ACCOUNT}:(?:root|user/[^/\s]+|role/[^/\s]+|${TYPE}\S*)$`, 'i');
const SERVICE_PRINCIPAL = new RegExp(String.raw`^(?:${ACCOUNT}@)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.aliyuncs\.com$`, 'i');
const FEDERATED_PRINCIPAL = new RegExp(String.raw`^acs:ram:\*?:${ACCOUNT}:(?:(?:saml-provider|oidc-provider)/\S+|${TYPE}\S*)$`, 'i');
const BUCKET_PRINCIPAL = new RegExp(String.raw`^(?:${ACCOUNT}|arn:sts::${ACCOUNT}:assumed-role/[^/\s]+/\S+|acs:ram:\*?:${ACCOUNT}:\S+)$`, 'i');


/**
 * The value with each placeholder (`<account-id>`, `${var.uid}`) written as
 * `0`, so the form around it can be checked; with `typed`, a placeholder that
 * opens an ARN's resource part is written as TYPE instead: in
 * `acs:ram::${var.account}:${var.kind}/${var.name}` it stands for `role` or
 * `user`, which a `0` would not.
 */
function flatten(value: string, typed: boolean): string {
  // A value that already holds the fill character literally is read as written.
  const arn = typed && !value.includes(PLACEHOLDER_FILL) ? splitArn(value) : undefined;
  const mask = arn ? maskPlaceholders(arn.relative) : '';
  if (!arn || !mask.startsWith(PLACEHOLDER_FILL)) return withoutPlaceholders(value);
  let lead = 0;
  while (mask[lead] === PLACEHOLDER_FILL) lead++;
  const head = value.slice(0, value.length - arn.relative.length);
  return withoutPlaceholders(head) + TYPE + withoutPlaceholders(arn.relative.slice(lead));
}

function check(context: RuleContext<MessageId>, values: readonly LocatedString[], pattern: RegExp, messageId: MessageId, typed = false): void {
  for (const v of values) {
    if (v.value.trim() === '*' || v.placeholder) continue; // everyone is trust-wildcard-principal's finding
    // Placeholders stand for a value supplied later.
    if (!pattern.test(flatten(v.value.trim(), typed))) context.report({ messageId, node: v.node, data: { value: v.value } });
  }
}

export default defineRule<MessageId>({
  meta: {
    id: 'invalid-principal',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Require Principal values of the documented forms, and a trust policy Principal that names someone.',
    fixable: 'none',
    kinds: ['trust', 'bucket'],
    messages: {
      trustForm: 'In a trust policy, "Principal" is an object naming RAM identities, services or identity providers, for example {"Service": ["ecs.aliyuncs.com"]}.',
      nobody: 'This "Principal" names nobody, so nobody can assume the role; name the account, RAM identity or service that should.',
      ram: 'RAM principal "{{value}}" is not of the form acs:ram::<account-id>:root, acs:ram::<account-id>:user/<name> or acs:ram::<account-id>:role/<name>.',
      service: 'Service principal "{{value}}" is not of the form <service>.aliyuncs.com, or <account-id>@<service>.aliyuncs.com for a service of another account.',
      federated: 'Federated principal "{{value}}" is not of the form acs:ram::<account-id>:saml-provider/<name> or acs:ram::<account-id>:oidc-provider/<name>.',
      bucketValue: 'Principal "{{value}}" is not an account or RAM user UID, "*", or an STS role session (arn:sts::<account-id>:assumed-role/<role>/<session>), so the statement applies to nobody.',
    },
  },
  check(context) {
    const trust = context.policy.kind === 'trust';
    for (const statement of context.policy.statements) {
      const principal = statement.principal;
      if (!principal) continue;
      if (trust) {
        if (principal.list) {
          context.report({ messageId: 'trustForm', node: principal.valueNode });
          continue;
        }
        const named = principal.entries.reduce((n, e) => n + e.values.length + e.nonStrings.length, 0);
        if (principal.valueNode.type === 'object' && named === 0) {
          context.report({ messageId: 'nobody', node: principal.valueNode });
          continue;
        }
      } else {
        check(context, principal.list?.values ?? [], BUCKET_PRINCIPAL, 'bucketValue');
      }
      for (const entry of principal.entries) {
        if (entry.type === 'RAM') check(context, entry.values, RAM_PRINCIPAL, 'ram', true);
        else if (entry.type === 'Service') check(context, entry.values, SERVICE_PRINCIPAL, 'service');
        else if (entry.type === 'Federated') check(context, entry.values, FEDERATED_PRINCIPAL, 'federated', true);
      }
    }
  },
});
