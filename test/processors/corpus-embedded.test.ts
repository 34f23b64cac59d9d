/**
 * Real host files (../shared/corpus/embedded: Terraform, ROS templates, raw
 * policies) through the processors and the engine: no throw, no
 * internal-error, every range inside the host text, and no parse error on a
 * real Terraform file or template. Skipped, with a note, where the corpus is absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinProcessors } from '../../src/processors';
import { runHost } from './helpers';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/embedded');
const present = fs.existsSync(CORPUS);
if (!present) console.log(`Note: ${CORPUS} not found, so the embedded-corpus test is skipped.`);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const files = present ? filesUnder(CORPUS).sort() : [];

(present ? describe : describe.skip)('embedded corpus', () => {
  it('has host files for the processors', () => {
    const claimed = files.filter((f) => builtinProcessors.some((p) => p.extensions.some((e) => f.toLowerCase().endsWith(e)) && p.recognizes(fs.readFileSync(f, 'utf8'), f)));
    expect(claimed.length).toBeGreaterThan(50);
  });

  it.each(files.map((f) => [path.relative(CORPUS, f), f]))('%s', async (_name, file) => {
    const text = fs.readFileSync(file, 'utf8');
    const processor = builtinProcessors.find((p) => p.extensions.some((e) => file.toLowerCase().endsWith(e)) && p.recognizes(text, file));
    if (!processor) return;
    const r = await runHost(processor, text, file);
    const problems = r.messages.filter((m) => m.ruleId === 'internal-error' || m.ruleId === 'invalid-host-file').map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`);
    expect(problems).toEqual([]);
    for (const m of r.messages) {
      expect(m.offset).toBeGreaterThanOrEqual(0);
      expect(m.endOffset).toBeGreaterThanOrEqual(m.offset);
      expect(m.endOffset).toBeLessThanOrEqual(text.length);
      for (const e of [...(m.fix ?? []), ...(m.suggestions ?? []).flatMap((s) => s.edits)]) expect(e.offset + e.length).toBeLessThanOrEqual(text.length);
    }
  });
});
