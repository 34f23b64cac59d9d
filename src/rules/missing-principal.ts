import { hasCaseVariant } from '../engine/model';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'missing-principal',
    category: 'syntax',
    defaultSeverity: 'error',
    description: 'Require a Principal in every statement of a trust policy or resource policy.',
    fixable: 'none',
    kinds: ['trust', 'bucket', 'resource'],
    messages: {
      missing: 'The statement has no "Principal"; in a {{kind}} policy every statement names whom it applies to.',
      missingGivenKind:
        'The statement has no "Principal", and no statement here has one: this file is linted as a {{kind}} policy because --kind or the configuration says so. If it is a permission policy, correct that setting.',
      missingHostKind:
        'The statement has no "Principal", and no statement here has one: this document is linted as a {{kind}} policy because the host attribute it is written in holds one, and in a {{kind}} policy every statement names whom it applies to.',
    },
  },
  check(context) {
    const { kind } = context.policy;
    // A kind given by configuration on a file without any Principal is the likelier mistake; a kind the
    // host attribute states (a bucket policy resource's `policy`) is not a setting the user can correct.
    const given = context.policy.kindSource === 'given' && !context.policy.statements.some((s) => s.principal);
    const messageId = !given ? 'missing' : context.policy.kindGivenBy === 'host' ? 'missingHostKind' : 'missingGivenKind';
    for (const statement of context.policy.statements) {
      if (!statement.principal && !hasCaseVariant(statement.members, 'Principal')) {
        context.report({ messageId, node: { offset: statement.node.offset, length: 1 }, path: statement.path, data: { kind } });
      }
    }
  },
});
