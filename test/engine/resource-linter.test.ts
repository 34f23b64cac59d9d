/**
 * The engine's contract for rules over host resources (resource-linter.ts):
 * they run once per file on the resources of the types they declare, their
 * metadata is enforced, configuration and waivers apply, findings sit on the
 * value they name with its host path, a failing rule is an internal-error
 * finding, and the document engine never runs them.
 */
import { lintText } from '../../src/engine/linter';
import { lintResources, type ResourceLintOptions } from '../../src/engine/resource-linter';
import { defineRule, type ResourceContext, type Rule } from '../../src/engine/rule';
import type { BucketAcl, HostResource, HostValue, PolicyAttachment } from '../../src/engine/types';

const host = `resource "alicloud_oss_bucket" "site" {
  bucket = "site"
  acl    = "public-read"
}
resource "alicloud_ram_role_policy_attachment" "admin" {
  role_name   = var.role
  policy_name = "AdministratorAccess"
  policy_type = "System"
}
`;

/** A value at the first occurrence of `text` in the host. */
function at(text: string, path: string, known = true): HostValue {
  const offset = host.indexOf(text);
  if (offset < 0) throw new Error(`${text} is not in the host`);
  return { value: known ? (JSON.parse(text) as string) : undefined, source: text, path, offset, length: text.length };
}

const bucket: BucketAcl = { type: 'bucket-acl', label: 'alicloud_oss_bucket.site', resourceType: 'alicloud_oss_bucket', acl: at('"public-read"', 'acl'), bucket: at('"site"', 'bucket') };
const attachment: PolicyAttachment = {
  type: 'policy-attachment',
  label: 'alicloud_ram_role_policy_attachment.admin',
  resourceType: 'alicloud_ram_role_policy_attachment',
  policyName: at('"AdministratorAccess"', 'policy_name'),
  policyType: at('"System"', 'policy_type'),
  principalType: 'role',
  principalName: at('var.role', 'role_name', false),
};
const resources: HostResource[] = [attachment, bucket];

/** A rule over ACLs that reports each one's ACL value; `extra` overrides the check. */
function aclRule(id = 'test/acl', check?: (context: ResourceContext) => void): Rule {
  return defineRule({
    meta: { id, category: 'security', defaultSeverity: 'error', description: 'Test rule.', fixable: 'none', resources: ['bucket-acl'], messages: { acl: 'ACL {{acl}}.', other: 'Other.' }, messageSeverityCap: { other: 'warning' } },
    checkResources:
      check ??
      ((context) => {
        for (const r of context.resources) if (r.type === 'bucket-acl') context.report({ messageId: 'acl', resource: r, value: r.acl, data: { acl: r.acl.value ?? '?' } });
      }),
  }) as Rule;
}

function run(rules: Rule[], options: Partial<ResourceLintOptions> = {}, given: readonly HostResource[] = resources) {
  return lintResources(host, given, { ...options, rules: new Map(rules.map((r) => [r.meta.id, r])) });
}

describe('lintResources', () => {
  it('places a finding on the value it names, with the host path and the resource label', () => {
    const { messages, suppressedMessages } = run([aclRule()]);
    expect(suppressedMessages).toEqual([]);
    expect(messages).toEqual([
      {
        ruleId: 'test/acl',
        category: 'security',
        severity: 'error',
        message: 'ACL public-read.',
        messageId: 'acl',
        line: 3,
        column: 12,
        endLine: 3,
        endColumn: 25,
        offset: host.indexOf('"public-read"'),
        endOffset: host.indexOf('"public-read"') + '"public-read"'.length,
        path: 'alicloud_oss_bucket.site.acl',
        document: 'alicloud_oss_bucket.site',
        fingerprintValue: 'public-read',
      },
    ]);
  });

  it('gives a rule only the resources of the types it declares, and runs it not at all on a file without them', () => {
    const seen: string[][] = [];
    const rule = aclRule('test/types', (context) => void seen.push(context.resources.map((r) => r.label)));
    run([rule]);
    run([rule], {}, [attachment]);
    expect(seen).toEqual([['alicloud_oss_bucket.site']]);
  });

  it('applies the configured severity, "off", and messageSeverityCap', () => {
    expect(run([aclRule()], { settings: { 'test/acl': { severity: 'info' } } }).messages.map((m) => m.severity)).toEqual(['info']);
    expect(run([aclRule()], { settings: { 'test/acl': { severity: 'off' } } }).messages).toEqual([]);
    const capped = aclRule('test/cap', (context) => context.report({ messageId: 'other', resource: bucket, value: bucket.acl }));
    expect(run([capped]).messages.map((m) => m.severity)).toEqual(['warning']);
  });

  it('turns a throwing rule, an undeclared message id, a fix, a finding without a value and a promise into one internal-error each', () => {
    const failures: Array<[string, (context: ResourceContext) => unknown, string]> = [
      ['test/throws', () => { throw new Error('boom'); }, 'boom'],
      ['test/undeclared', (c) => c.report({ messageId: 'nope' as 'acl', resource: bucket, value: bucket.acl }), 'rule reported undeclared message id "nope"'],
      ['test/fix', (c) => c.report({ messageId: 'acl', resource: bucket, value: bucket.acl, fix: [] } as never), 'a rule over host resources cannot report a fix or suggestions'],
      ['test/no-value', (c) => c.report({ messageId: 'acl', resource: bucket } as never), 'rule reported a finding without the resource and the value it is about'],
      ['test/async', async () => undefined, 'its checkResources() returned a promise; rules must be synchronous'],
    ];
    for (const [id, check, why] of failures) {
      const { messages } = run([aclRule(id, check as (context: ResourceContext) => void)]);
      expect(messages.map((m) => [m.ruleId, m.line, m.column, m.path, m.message])).toEqual([['internal-error', 1, 1, '', expect.stringContaining(`Rule "${id}" failed on this file, so the file was not fully checked: ${why}`)]]);
    }
  });

  it('ignores a report made after the rule returned', () => {
    let later: ResourceContext | undefined;
    run([aclRule('test/later', (c) => void (later = c))]);
    expect(() => later?.report({ messageId: 'acl', resource: bucket, value: bucket.acl })).not.toThrow();
  });

  it('caps the findings of one rule and says how many were left out', () => {
    const many = aclRule('test/many', (c) => {
      for (let i = 0; i < 5; i++) c.report({ messageId: 'acl', resource: bucket, value: { ...bucket.acl, offset: bucket.acl.offset + i, length: 1 }, data: { acl: String(i) } });
    });
    const { messages } = run([many], { maxFindingsPerRule: 2 });
    expect(messages.map((m) => m.messageId)).toEqual(['findingsCapped', 'acl', 'acl']);
    expect(messages[0]?.message).toMatch(/^3 more findings of test\/many in this file not shown/);
  });

  it('de-duplicates the same finding and sorts by position', () => {
    const twice = aclRule('test/twice', (c) => {
      c.report({ messageId: 'acl', resource: bucket, value: bucket.acl, data: { acl: 'x' } });
      c.report({ messageId: 'other', resource: attachment, value: attachment.policyName });
      c.report({ messageId: 'acl', resource: bucket, value: bucket.acl, data: { acl: 'x' } });
    });
    expect(run([twice]).messages.map((m) => m.path)).toEqual(['alicloud_oss_bucket.site.acl', 'alicloud_ram_role_policy_attachment.admin.policy_name']);
  });

  describe('configuration waivers', () => {
    const waiver = { id: 'ramlint.config.jsonc: waivers[0]', rule: 'test/acl', reason: 'a public website' };

    it('waive by rule, and by a host path that covers the finding', () => {
      for (const extra of [{}, { path: 'alicloud_oss_bucket.site' }, { path: 'alicloud_oss_bucket.site.acl' }]) {
        const result = run([aclRule()], { waivers: [{ ...waiver, ...extra }] });
        expect(result.messages).toEqual([]);
        expect(result.suppressedMessages.map((m) => m.suppressed)).toEqual([{ kind: 'waiver', reason: 'a public website', source: waiver.id }]);
        expect(result.waiversMatched).toEqual([waiver.id]);
      }
    });

    it('do not waive by another path, another rule or a statement', () => {
      for (const extra of [{ path: 'alicloud_oss_bucket.other' }, { path: 'alicloud_oss_bucket.site.bucket' }, { rule: 'test/other' }, { statement: 0 }]) {
        const result = run([aclRule()], { waivers: [{ ...waiver, ...extra }] });
        expect(result.messages.map((m) => m.ruleId)).toEqual(['test/acl']);
        expect(result.waiversMatched).toEqual([]);
      }
    });

    it('stop waiving after they expire, and say so', () => {
      const result = run([aclRule()], { waivers: [{ ...waiver, expires: '2024-01-31' }], today: '2024-02-01' });
      expect(result.messages.map((m) => m.message)).toEqual([`ACL public-read. (The waiver in ${waiver.id} expired on 2024-01-31: a public website)`]);
      expect(result.waiversMatched).toEqual([waiver.id]);
    });

    it('never waive an internal error', () => {
      const throwing = aclRule('test/acl', () => {
        throw new Error('boom');
      });
      expect(run([throwing], { waivers: [waiver] }).messages.map((m) => m.ruleId)).toEqual(['internal-error']);
    });
  });

  it('returns nothing for a file without resources', () => {
    expect(run([aclRule()], {}, [])).toEqual({ messages: [], suppressedMessages: [], waiversMatched: [] });
  });
});

describe('the document engine', () => {
  it('never runs a rule over host resources on a policy', () => {
    const called: string[] = [];
    const rule = aclRule('test/acl', () => void called.push('called'));
    const result = lintText('{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', { rules: new Map([['test/acl', rule]]) });
    expect(result.messages).toEqual([]);
    expect(called).toEqual([]);
  });
});
