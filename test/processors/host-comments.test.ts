/**
 * The comments a host processor reports for inline waivers, per host
 * language: HCL `#`, `//` and `/* *\/` wherever HCL allows a comment (not in a
 * string nor in a heredoc's text); YAML `#` (not in a quoted, plain or block
 * scalar); none in JSON hosts. Then the shared directive grammar reads them
 * with their host lines.
 */
import { directivesInComments, type Comment } from '../../src/engine/directives';
import { SourceText } from '../../src/engine/source';
import { rosProcessor } from '../../src/processors/ros';
import { terraformProcessor } from '../../src/processors/terraform';
import { yamlComments } from '../../src/processors/yaml-comments';

/** Each comment as `line:column text`, the text being the comment's own range of the host. */
const shown = (text: string, comments: readonly Comment[] | undefined) => {
  const source = new SourceText(text);
  return (comments ?? []).map((c) => {
    const at = source.position(c.offset);
    return `${at.line}:${at.column} ${JSON.stringify(text.slice(c.offset, c.offset + c.length))} ${JSON.stringify(c.body)}`;
  });
};

describe('Terraform (HCL) comments', () => {
  const TF = [
    '# ramlint-disable-next-line a -- hash', // 1
    'resource "alicloud_ram_policy" "p" { // ramlint-disable-line a -- slashes', // 2
    '  policy_name = "p"', // 3
    '  /* ramlint-disable-next-line a', // 4
    '     -- block */ policy_document = jsonencode({', // 5
    '    # ramlint-disable-next-line a -- inside the object', // 6
    '    Statement = [{ Effect = "Allow", Action = "ecs:*", Resource = "*" }] /* ramlint-disable-line a -- in line */', // 7
    '  })', // 8
    '  description = "# ramlint-disable-line a -- a string"', // 9
    '}', // 10
    'resource "alicloud_ram_policy" "q" {', // 11
    '  policy_document = <<EOF', // 12
    '  # ramlint-disable-line a -- heredoc text', // 13
    '  EOF', // 14
    '}', // 15
    '# a plain comment', // 16
    '',
  ].join('\n');

  it('are reported with their exact ranges and bodies; strings and heredoc text are not comments', async () => {
    const out = await terraformProcessor.preprocess(TF, 'main.tf');
    expect(shown(TF, out.comments)).toEqual([
      '1:1 "# ramlint-disable-next-line a -- hash" " ramlint-disable-next-line a -- hash"',
      '2:38 "// ramlint-disable-line a -- slashes" " ramlint-disable-line a -- slashes"',
      '4:3 "/* ramlint-disable-next-line a\\n     -- block */" " ramlint-disable-next-line a\\n     -- block "',
      '6:5 "# ramlint-disable-next-line a -- inside the object" " ramlint-disable-next-line a -- inside the object"',
      '7:74 "/* ramlint-disable-line a -- in line */" " ramlint-disable-line a -- in line "',
    ]);
  });

  it('target host lines through the shared grammar (a block comment waives the line after its end)', async () => {
    const out = await terraformProcessor.preprocess(TF, 'main.tf');
    const { directives, problems } = directivesInComments(out.comments ?? [], new SourceText(TF), ['a']);
    expect(problems).toEqual([]);
    expect(directives.map((d) => `${d.kind} line ${d.line} → ${d.targetLine}: ${d.reason}`)).toEqual([
      'next-line line 1 → 2: hash',
      'line line 2 → 2: slashes',
      'next-line line 4 → 6: block',
      'next-line line 6 → 7: inside the object',
      'line line 7 → 7: in line',
    ]);
  });

  it('are not reported for a file without a directive, nor for .tf.json', async () => {
    expect((await terraformProcessor.preprocess('# just a note\nlocals {}\n', 'main.tf')).comments).toBeUndefined();
    const json = '{"resource": {"alicloud_ram_policy": {"p": {"policy_document": "{}", "//": "ramlint-disable-line a -- x"}}}}';
    expect((await terraformProcessor.preprocess(json, 'main.tf.json')).comments).toBeUndefined();
  });

  it('are found in a file tree-sitter cannot fully parse', async () => {
    const broken = '# ramlint-disable-next-line a -- x\nresource "a" "b" {\n  x = \n';
    expect(shown(broken, (await terraformProcessor.preprocess(broken, 'main.tf')).comments)).toEqual(['1:1 "# ramlint-disable-next-line a -- x" " ramlint-disable-next-line a -- x"']);
  });
});

describe('ROS YAML comments', () => {
  const YAML = [
    "ROSTemplateFormatVersion: '2015-09-01' # ramlint-disable-line a -- after a value", // 1
    'Resources:', // 2
    '  # ramlint-disable-next-line a -- own line', // 3
    '  P:', // 4
    '    Type: ALIYUN::RAM::ManagedPolicy', // 5
    '    Properties:', // 6
    '      PolicyName: "# ramlint-disable-line a -- quoted"', // 7
    '      Description: a#ramlint-disable-line a -- plain', // 8
    '      PolicyDocument: |', // 9
    '        # ramlint-disable-line a -- block scalar text', // 10
    '        {}', // 11
    '      Tags: [x, # ramlint-disable-line a -- in a flow sequence', // 12
    '        y]', // 13
    '',
  ].join('\n');

  it('are reported with their exact ranges; scalars of every style are not comments', () => {
    expect(shown(YAML, yamlComments(YAML))).toEqual([
      '1:40 "# ramlint-disable-line a -- after a value" " ramlint-disable-line a -- after a value"',
      '3:3 "# ramlint-disable-next-line a -- own line" " ramlint-disable-next-line a -- own line"',
      '12:17 "# ramlint-disable-line a -- in a flow sequence" " ramlint-disable-line a -- in a flow sequence"',
    ]);
  });

  it('come out of the ROS processor for .yaml and .yml, counted after a byte-order mark as the host is, and not for a .json template', async () => {
    expect(shown(YAML, (await rosProcessor.preprocess(YAML, 't.yml')).comments)).toHaveLength(3);
    const bom = `\uFEFF${YAML}`;
    const [first] = (await rosProcessor.preprocess(bom, 't.yaml')).comments ?? [];
    expect(first && bom.slice(first.offset, first.offset + first.length)).toBe('# ramlint-disable-line a -- after a value');
    const json = '{"ROSTemplateFormatVersion": "2015-09-01", "Resources": {}}\n# ramlint-disable-line a -- x\n';
    expect((await rosProcessor.preprocess(json, 't.json')).comments).toBeUndefined();
  });

  it('are not reported for a file without a directive', () => {
    expect(yamlComments('a: 1 # note\n')).toBeUndefined();
  });
});
