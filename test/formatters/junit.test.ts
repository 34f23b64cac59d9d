import { loadFormatter } from '../../src/formatters';
import { junit } from '../../src/formatters/junit';
import { RESULTS, ROOT, context, msg, result } from './sample';

describe('junit formatter', () => {
  it('is registered as "junit"', () => {
    expect(loadFormatter('junit')).toBe(junit);
  });

  it('writes a testsuite per file and a testcase per finding', () => {
    expect(junit(RESULTS, context())).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="ramlint" tests="8" failures="1" errors="1" skipped="2" time="0">',
        '  <testsuite name="policies/admin.json" tests="4" failures="1" errors="0" skipped="1" time="0">',
        '    <testcase name="admin-access @ 4:36" classname="policies/admin.json" file="policies/admin.json" time="0">',
        '      <failure message="Action &quot;*&quot; grants every action." type="error">line 4, col 36, Error - Action "*" grants every action. (admin-access)',
        'JSON path: Statement[0].Action</failure>',
        '    </testcase>',
        '    <testcase name="invalid-arn @ 4:53" classname="policies/admin.json" file="policies/admin.json" time="0">',
        '      <system-out>line 4, col 53, Warning - Resource "acs:ram::1:role/a&lt;b&gt;" &amp; 100% odd,&#10;see: docs (invalid-arn)',
        'JSON path: Statement[0].Resource</system-out>',
        '    </testcase>',
        '    <testcase name="prefer-list @ 4:36" classname="policies/admin.json" file="policies/admin.json" time="0">',
        '      <system-out>line 4, col 36, Info - Write the action as a list. (prefer-list)',
        'JSON path: Statement[0].Action</system-out>',
        '    </testcase>',
        '    <testcase name="acme/no-foo @ 2:3" classname="policies/admin.json" file="policies/admin.json" time="0">',
        '      <skipped message="Suppressed by a waiver: Legacy &lt;policy&gt; &amp; &quot;approved&quot;"/>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="policies/with space/trust policy.json" tests="2" failures="0" errors="0" skipped="1" time="0">',
        '    <testcase name="trust-wildcard-principal @ 3:5" classname="policies/with space/trust policy.json" file="policies/with space/trust policy.json" time="0">',
        '      <system-out>line 3, col 5, Warning - 任何账号都可以扮演此角色：Principal 为 “*”。 (trust-wildcard-principal)',
        'JSON path: Statement[0].Principal</system-out>',
        '    </testcase>',
        '    <testcase name="admin-access @ 7:1" classname="policies/with space/trust policy.json" file="policies/with space/trust policy.json" time="0">',
        '      <skipped message="Suppressed by an inline directive: break-glass role"/>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="policies/clean.json" tests="1" failures="0" errors="0" skipped="0" time="0">',
        '    <testcase name="policies/clean.json" classname="policies/clean.json" file="policies/clean.json" time="0"/>',
        '  </testsuite>',
        '  <testsuite name="broken.json" tests="1" failures="0" errors="1" skipped="0" time="0">',
        '    <testcase name="invalid-json @ 1:10" classname="broken.json" file="broken.json" time="0">',
        '      <error message="Expected a comma or closing brace." type="error">line 1, col 10, Error - Expected a comma or closing brace. (invalid-json)</error>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty testsuites element when there are no files', () => {
    expect(junit([], context())).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ramlint" tests="0" failures="0" errors="0" skipped="0" time="0">\n</testsuites>\n');
  });

  it('reports files that were not checked as errors, other errors as failures, warnings as passing cases', () => {
    const out = junit(
      [
        result(`${ROOT}/a.json`, [msg('unreadable-file', 'syntax', 'error', 'Cannot read the file: no such file.', [1, 1, 1, 1], '')]),
        result(`${ROOT}/b.json`, [msg('internal-error', 'correctness', 'error', 'Rule "x" failed: boom.', [1, 1, 1, 1], '')]),
        result(`${ROOT}/c.json`, [msg('invalid-waiver', 'correctness', 'warning', 'The waiver has no reason.', [1, 1, 1, 1], '')]),
      ],
      context(),
    );
    expect(out).toContain('<error message="Cannot read the file: no such file." type="error">');
    expect(out).toContain('<error message="Rule &quot;x&quot; failed: boom." type="error">');
    expect(out).toContain('<system-out>line 1, col 1, Warning - The waiver has no reason. (invalid-waiver)</system-out>');
    expect(out).toContain('<testsuites name="ramlint" tests="3" failures="0" errors="2" skipped="0" time="0">');
  });

  it('gives a report of warnings and infos only (an exit 0) no failure and no error', () => {
    const out = junit(
      [
        result(`${ROOT}/a.json`, [
          msg('undocumented-sid', 'correctness', 'warning', 'Sid is not documented.', [2, 3, 2, 8], 'Statement[0].Sid'),
          msg('prefer-list', 'suggestion', 'info', 'Write the action as a list.', [3, 3, 3, 9], 'Statement[0].Action'),
        ]),
      ],
      context(),
    );
    expect(out).toContain('<testsuites name="ramlint" tests="2" failures="0" errors="0" skipped="0" time="0">');
    expect(out).not.toMatch(/<failure|<error/);
    expect(out.match(/<system-out>/g)).toHaveLength(2);
  });

  it('keeps testcase names unique within a file', () => {
    const m = msg('admin-access', 'security', 'error', 'x', [4, 36, 4, 39], 'Statement[0].Action');
    const out = junit([result(`${ROOT}/a.json`, [m, { ...m, message: 'y' }, { ...m, message: 'z' }])], context());
    expect(out.match(/<testcase name="[^"]*"/g)).toEqual(['<testcase name="admin-access @ 4:36"', '<testcase name="admin-access @ 4:36 #2"', '<testcase name="admin-access @ 4:36 #3"']);
  });

  it('writes a line break from the policy as a reference, so no policy text starts a line of the report (a forged ::error annotation)', () => {
    const forged = 'Action "ecs:Foo\n::error file=p.json::FORGED\r\n::warning::x" is unknown';
    const out = junit([result(`${ROOT}/a.json`, [msg('unknown-action', 'correctness', 'error', forged, [1, 1, 1, 2], ''), msg('unknown-action', 'correctness', 'warning', forged, [2, 1, 2, 2], '')])], context());
    expect(out.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
    expect(out).toContain('ecs:Foo&#10;::error file=p.json::FORGED&#13;&#10;::warning::x');
  });

  it('replaces characters XML 1.0 cannot hold', () => {
    const out = junit([result(`${ROOT}/a.json`, [msg('admin-access', 'security', 'error', 'nul\u0000 esc\u001b ]]> done', [1, 1, 1, 2], '')])], context());
    expect(out).toContain('message="nul\ufffd esc\ufffd ]]&gt; done"');
    expect(out).toContain('Error - nul\ufffd esc\ufffd ]]&gt; done (admin-access)');
  });
});
