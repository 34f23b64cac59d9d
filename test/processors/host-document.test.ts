/**
 * documentInHost: what the engine is told about a document a processor found
 * (map-back.ts). generatedAt is true only for a range that is exactly one
 * piece the processor generated, never for text copied from the host.
 */
import { SegmentMap, verbatimMap } from '../../src/processors/offset-map';
import { documentInHost } from '../../src/processors/map-back';
import { terraformProcessor } from '../../src/processors/terraform';
import type { EmbeddedDocument } from '../../src/processors/types';

async function documentOf(tf: string): Promise<EmbeddedDocument> {
  const out = await terraformProcessor.preprocess(tf, 'main.tf');
  const doc = out.documents[0];
  if (!doc) throw new Error('no document');
  return doc;
}

/** generatedAt for the first occurrence of `token` in the document text. */
function generated(doc: EmbeddedDocument, token: string): boolean {
  const at = doc.text.indexOf(token);
  if (at < 0) throw new Error(`${token} is not in ${doc.text}`);
  return documentInHost('', doc).generatedAt(at, token.length);
}

describe('documentInHost', () => {
  it('tells a heredoc interpolation that stands for a whole value from one written in quotes', async () => {
    const tf = 'resource "alicloud_ram_policy" "p" {\n  policy_document = <<EOF\n{"Version": "1", "Statement": ${jsonencode(var.s)}, "Sid": "${var.sid}"}\nEOF\n}\n';
    const doc = await documentOf(tf);
    expect(doc.text).toBe('{"Version": "1", "Statement": "${jsonencode(var.s)}", "Sid": "${var.sid}"}\n');
    expect(generated(doc, '"${jsonencode(var.s)}"')).toBe(true);
    expect(generated(doc, '"${var.sid}"')).toBe(false);
    expect(generated(doc, '"1"')).toBe(false);
    // A part of a generated piece, or more than one, is not one piece.
    expect(generated(doc, '"${jsonencode')).toBe(false);
    expect(generated(doc, '"${jsonencode(var.s)}", ')).toBe(false);
  });

  it('counts every token of JSON generated from a jsonencode value', async () => {
    const tf = 'resource "alicloud_ram_policy" "p" {\n  policy_document = jsonencode({\n    Version   = "1"\n    Statement = concat(local.a, local.b)\n  })\n}\n';
    const doc = await documentOf(tf);
    expect(generated(doc, '"${concat(local.a, local.b)}"')).toBe(true);
    expect(generated(doc, '"1"')).toBe(true);
  });

  it('has no generated piece in a verbatim map, or in a map that is not built from segments', () => {
    const text = '{"Statement": "${x}"}';
    const at = text.indexOf('"${x}"');
    expect(documentInHost(text, { text, label: 'v', map: verbatimMap(0, text.length) }).generatedAt(at, 6)).toBe(false);
    const custom = { toHost: (o: number) => o, isExact: () => false };
    expect(documentInHost(text, { text, label: 'c', map: custom }).generatedAt(at, 6)).toBe(false);
    // An empty map has nothing to find.
    expect(documentInHost(text, { text, label: 'e', map: new SegmentMap([], 0) }).generatedAt(at, 6)).toBe(false);
  });

  it('counts lines in the host, through the map', async () => {
    const tf = '\n\nresource "alicloud_ram_policy" "p" {\n  policy_document = <<EOF\n{\n"Version": "1"}\nEOF\n}\n';
    const doc = await documentOf(tf);
    const host = documentInHost(tf, doc);
    expect([host.lineAt(0), host.lineAt(doc.text.indexOf('"Version"'))]).toEqual([5, 6]);
  });

  it('words how the host computes its values, by processor', async () => {
    const doc = await documentOf('resource "alicloud_ram_policy" "p" {\n  policy_document = "{}"\n}\n');
    expect(documentInHost('', doc, 'terraform').computedBy).toEqual({ known: 'a value Terraform knows only when it plans', check: 'lint the plan (terraform show -json) to check it' });
    expect(documentInHost('', doc, 'ros').computedBy).toEqual({ known: 'which ROS computes when it creates the stack' });
    expect(documentInHost('', doc).computedBy).toEqual({ known: 'which the host file computes' });
  });
});
