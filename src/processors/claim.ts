/**
 * Which processor reads a file: the first whose file name ending fits and
 * that recognises the text. A JSON object with a top-level "Statement" is a
 * RAM policy whatever else it holds or is named: no processor may claim it
 * (a claimed file is linted only through the documents its processor finds,
 * so a policy claimed by mistake would never be checked at all).
 */
import { isJsonPolicy } from './json-shape';
import type { Processor } from './types';

/** The processor that reads the file; 'policy' when one would, but the file is a policy itself; undefined when none claims it. */
export function claimFile(processors: readonly Processor[], text: string, filePath: string): Processor | 'policy' | undefined {
  const lower = filePath.toLowerCase();
  for (const p of processors) {
    if (!p.extensions.some((e) => lower.endsWith(e))) continue;
    let claims = false;
    try {
      claims = p.recognizes(text, filePath);
    } catch {
      // A processor that cannot tell is taken as not recognising the file.
    }
    if (claims) return isJsonPolicy(text) ? 'policy' : p;
  }
  return undefined;
}
