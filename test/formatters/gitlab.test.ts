import { createHash } from 'node:crypto';
import { loadFormatter } from '../../src/formatters';
import { gitlab } from '../../src/formatters/gitlab';
import { ADMIN, RESULTS, ROOT, context, msg, result } from './sample';

const md5 = (...parts: string[]) => createHash('md5').update(parts.join('\0')).digest('hex');

describe('gitlab formatter', () => {
  it('is registered as "gitlab"', () => {
    expect(loadFormatter('gitlab')).toBe(gitlab);
  });

  it('writes a Code Quality array of unsuppressed findings', () => {
    const out = gitlab(RESULTS, context());
    expect(out.endsWith(']\n')).toBe(true);
    expect(out.charCodeAt(0)).not.toBe(0xfeff);
    expect(JSON.parse(out)).toEqual([
      {
        type: 'issue',
        description: 'Action "*" grants every action.',
        check_name: 'admin-access',
        fingerprint: md5('admin-access', 'policies/admin.json', 'Statement[0].Action', '*', '1'),
        severity: 'critical',
        categories: ['Security'],
        location: { path: 'policies/admin.json', lines: { begin: 4, end: 4 } },
      },
      {
        type: 'issue',
        description: 'Resource "acs:ram::1:role/a<b>" & 100% odd,\nsee: docs',
        check_name: 'invalid-arn',
        fingerprint: md5('invalid-arn', 'policies/admin.json', 'Statement[0].Resource', 'acs:ram::1:role/a<b>', '1'),
        severity: 'minor',
        categories: ['Bug Risk'],
        location: { path: 'policies/admin.json', lines: { begin: 4, end: 4 } },
      },
      {
        type: 'issue',
        description: 'Write the action as a list.',
        check_name: 'prefer-list',
        fingerprint: md5('prefer-list', 'policies/admin.json', 'Statement[0].Action', 'Write the action as a list.', '1'),
        severity: 'info',
        categories: ['Style'],
        location: { path: 'policies/admin.json', lines: { begin: 4, end: 4 } },
      },
      {
        type: 'issue',
        description: '任何账号都可以扮演此角色：Principal 为 “*”。',
        check_name: 'trust-wildcard-principal',
        fingerprint: md5('trust-wildcard-principal', 'policies/with space/trust policy.json', 'Statement[0].Principal', '*', '1'),
        severity: 'minor',
        categories: ['Security'],
        location: { path: 'policies/with space/trust policy.json', lines: { begin: 3, end: 5 } },
      },
      {
        type: 'issue',
        description: 'Expected a comma or closing brace.',
        check_name: 'invalid-json',
        fingerprint: md5('invalid-json', 'broken.json', '', 'Expected a comma or closing brace.', '1'),
        severity: 'major',
        categories: ['Bug Risk'],
        location: { path: 'broken.json', lines: { begin: 1, end: 1 } },
      },
    ]);
  });

  it('writes an empty array when there is nothing to report', () => {
    expect(gitlab([], context())).toBe('[]\n');
    expect(gitlab([result(`${ROOT}/clean.json`, [])], context())).toBe('[]\n');
  });

  it('never gives two findings the same fingerprint, even identical ones', () => {
    const same = msg('admin-access', 'security', 'error', 'Action "*" grants every action.', [4, 36, 4, 39], 'Statement[0].Action', { fingerprintValue: '*' });
    const issues = JSON.parse(gitlab([result(ADMIN, [same, { ...same }, { ...same }])], context()));
    const prints = issues.map((i: { fingerprint: string }) => i.fingerprint);
    expect(new Set(prints).size).toBe(3);
    expect(prints[1]).toBe(md5('admin-access', 'policies/admin.json', 'Statement[0].Action', '*', '2'));
  });

  it('keeps fingerprints when a finding moves to another line', () => {
    const at = (line: number) => msg('admin-access', 'security', 'error', 'x', [line, 1, line, 2], 'Statement[0].Action', { fingerprintValue: '*' });
    const a = JSON.parse(gitlab([result(ADMIN, [at(4)])], context()));
    const b = JSON.parse(gitlab([result(ADMIN, [at(9)])], context()));
    expect(a[0].fingerprint).toBe(b[0].fingerprint);
  });

  it('tells apart two policies of one host file, so fixing one does not hand its fingerprints to the other', () => {
    const at = (document: string, line: number) => msg('passrole-wildcard-resource', 'security', 'error', 'x', [line, 1, line, 2], 'Statement[0].Resource', { fingerprintValue: '*', document });
    const both = JSON.parse(gitlab([result(ADMIN, [at('alicloud_ram_policy.a.policy_document', 3), at('alicloud_ram_policy.b.policy_document', 10)])], context()));
    const onlyB = JSON.parse(gitlab([result(ADMIN, [at('alicloud_ram_policy.b.policy_document', 10)])], context()));
    expect(both[1].fingerprint).toBe(md5('passrole-wildcard-resource', 'policies/admin.json', 'alicloud_ram_policy.b.policy_document', 'Statement[0].Resource', '*', '1'));
    expect(onlyB[0].fingerprint).toBe(both[1].fingerprint);
  });

  it('maps error severity to critical for security rules and major otherwise', () => {
    const issues = JSON.parse(
      gitlab(
        [
          result(ADMIN, [
            msg('admin-access', 'security', 'error', 'a', [1, 1, 1, 2], ''),
            msg('acme/no-foo', 'correctness', 'error', 'b', [1, 1, 1, 2], ''),
            msg('trust-wildcard-principal', 'security', 'warning', 'c', [1, 1, 1, 2], ''),
            msg('trust-wildcard-principal', 'security', 'info', 'd', [1, 1, 1, 2], ''),
          ]),
        ],
        context(),
      ),
    );
    expect(issues.map((i: { severity: string }) => i.severity)).toEqual(['critical', 'major', 'minor', 'info']);
  });

  it('makes paths relative to repoRoot', () => {
    const r = [result(ADMIN, [msg('admin-access', 'security', 'error', 'x', [1, 1, 1, 2], '')])];
    expect(JSON.parse(gitlab(r, context({ cwd: `${ROOT}/policies`, repoRoot: ROOT })))[0].location.path).toBe('policies/admin.json');
  });
});
