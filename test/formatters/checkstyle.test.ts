import { checkstyle } from '../../src/formatters/checkstyle';
import { loadFormatter } from '../../src/formatters';
import { RESULTS, ROOT, context, msg, result } from './sample';

describe('checkstyle formatter', () => {
  it('is registered as "checkstyle"', () => {
    expect(loadFormatter('checkstyle')).toBe(checkstyle);
  });

  it('lists every file with its unsuppressed findings, XML-escaped', () => {
    expect(checkstyle(RESULTS, context())).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<checkstyle version="4.3">',
        '  <file name="policies/admin.json">',
        '    <error line="4" column="36" severity="error" message="Action &quot;*&quot; grants every action. (admin-access)" source="ramlint.rules.admin-access"/>',
        '    <error line="4" column="53" severity="warning" message="Resource &quot;acs:ram::1:role/a&lt;b&gt;&quot; &amp; 100% odd,&#10;see: docs (invalid-arn)" source="ramlint.rules.invalid-arn"/>',
        '    <error line="4" column="36" severity="info" message="Write the action as a list. (prefer-list)" source="ramlint.rules.prefer-list"/>',
        '  </file>',
        '  <file name="policies/with space/trust policy.json">',
        '    <error line="3" column="5" severity="warning" message="任何账号都可以扮演此角色：Principal 为 “*”。 (trust-wildcard-principal)" source="ramlint.rules.trust-wildcard-principal"/>',
        '  </file>',
        '  <file name="policies/clean.json"></file>',
        '  <file name="broken.json">',
        '    <error line="1" column="10" severity="error" message="Expected a comma or closing brace. (invalid-json)" source="ramlint.rules.invalid-json"/>',
        '  </file>',
        '</checkstyle>',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty report when there are no files', () => {
    expect(checkstyle([], context())).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n</checkstyle>\n');
  });

  it('escapes file names and rule ids, and replaces characters XML cannot hold', () => {
    const out = checkstyle([result(`${ROOT}/a&'b".json`, [msg('acme/no-foo', 'correctness', 'warning', 'tab\there \u0001 \ud800 ok', [1, 1, 1, 2], '')])], context());
    expect(out).toContain(`<file name="a&amp;&apos;b&quot;.json">`);
    expect(out).toContain('message="tab&#9;here \ufffd \ufffd ok (acme/no-foo)" source="ramlint.rules.acme/no-foo"');
  });
});
