import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Io } from '../../src/cli/io';
import { loadDocuments } from '../../src/evaluation/documents';
import type { EvalStatement } from '../../src/evaluation/model';

export interface RunOutput {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runIn(cwd: string, fn: (argv: string[], io: Io) => Promise<number>, argv: string[]): Promise<RunOutput> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd,
    env: {},
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: false,
    readStdin: async () => new Uint8Array(),
  };
  const code = await fn(argv, io);
  return { code, stdout, stderr };
}

/** A temporary folder with these files (name → JSON value or text). */
export function tempTree(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-eval-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

export function policy(...statements: object[]): { Version: string; Statement: object[] } {
  return { Version: '1', Statement: statements };
}

export function statementsOf(...policies: object[]): EvalStatement[] {
  const loaded = loadDocuments(policies.map((p, i) => ({ filePath: `p${i}.json`, text: JSON.stringify(p, null, 2) })));
  if (loaded.problems.length > 0) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  return loaded.policies.flatMap((p) => p.statements);
}
