import { principalPhrase, scopePhrase } from '../engine/analysis/host-resources';
import { defineRule } from '../engine/rule';

/** `*` on `*`: the system policy that is full administrator access. */
const ADMINISTRATOR = 'administratoraccess';
/** `ram:*` on `*`: whoever holds it can give itself anything, AdministratorAccess included. */
const RAM_FULL_ACCESS = 'aliyunramfullaccess';
/** Full control of one service: `AliyunECSFullAccess`, `AliyunOSSFullAccess`, `AliyunBSSFullAccess` … */
const SERVICE_FULL_ACCESS = /^Aliyun([A-Za-z0-9]+)FullAccess$/i;

export default defineRule({
  meta: {
    id: 'admin-policy-attachment',
    category: 'security',
    defaultSeverity: 'error',
    description: 'Disallow attaching the system policies that grant full control (AdministratorAccess, AliyunRAMFullAccess, Aliyun…FullAccess) to a RAM user, group or role.',
    fixable: 'none',
    resources: ['policy-attachment'],
    messages: {
      administrator:
        'System policy "{{policy}}" is attached to {{target}}: it allows every action on every resource, which is full administrator access to {{scope}}; attach a custom policy that grants only the actions and resources needed instead.',
      ramFullAccess:
        'System policy "{{policy}}" is attached to {{target}}: it allows every RAM action, so the holder can attach any policy, AdministratorAccess included, to itself or create users and AccessKeys that hold it; attach a custom policy scoped to the RAM actions needed instead.',
      serviceFullAccess:
        'System policy "{{policy}}" is attached to {{target}}: it allows every {{service}} action on every {{service}} resource of {{scope}}; attach a custom policy scoped to the actions and resources needed instead.',
    },
    // Full control of one service is a broad grant, not the whole account.
    messageSeverityCap: { serviceFullAccess: 'warning' },
  },
  checkResources(context) {
    for (const attachment of context.resources) {
      if (attachment.type !== 'policy-attachment') continue;
      const policy = attachment.policyName.value;
      // A custom policy of the same name is linted as a policy where it is defined; an unknown
      // type or name (a variable, `!Ref`) is not guessed. The set of system policy names is
      // Alibaba's, so a name that differs only in case can be no other policy. Attached through a
      // resource group, AdministratorAccess makes the holder that group's administrator: still reported.
      if (policy === undefined || attachment.policyType?.value?.toLowerCase() !== 'system') continue;
      const name = policy.toLowerCase();
      const data = { policy, target: principalPhrase(attachment), scope: scopePhrase(attachment) };
      if (name === ADMINISTRATOR) context.report({ messageId: 'administrator', resource: attachment, value: attachment.policyName, data });
      else if (name === RAM_FULL_ACCESS) context.report({ messageId: 'ramFullAccess', resource: attachment, value: attachment.policyName, data });
      else {
        const service = SERVICE_FULL_ACCESS.exec(policy)?.[1];
        if (service !== undefined) context.report({ messageId: 'serviceFullAccess', resource: attachment, value: attachment.policyName, data: { ...data, service } });
      }
    }
  },
});
