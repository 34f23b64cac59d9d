/** Configuration waivers that matched nothing in a run (reportUnusedWaivers). */
import type { ConfigResolver } from '../config/resolve';
import type { FileLintResult } from './types';

/**
 * For configuration waivers: one that covered linted
 * files but matched no finding there, and one whose files globs matched no
 * linted file at all (expected in a partial run such as a hook's).
 */
export function unusedConfigWaivers(resolver: ConfigResolver, covered: ReadonlySet<string>, matched: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const config of resolver.configs) {
    for (const w of config.waivers) {
      if (matched.has(w.id)) continue;
      const why = covered.has(w.id)
        ? 'matched no finding in the files it covers; check its rule, statement and path, or remove it if the risk is gone'
        : `covers no file linted in this run; check its files globs (relative to ${resolver.explicit ? 'the working directory, as the config came from --config' : "the config file's directory"})`;
      out.push(`warning: the waiver in ${w.id} (rule ${w.rule}) ${why}`);
    }
  }
  return out;
}

/** Adds the waivers a result matched to `matched`. */
export function noteMatchedWaivers(matched: Set<string>, result: FileLintResult): void {
  for (const id of result.waiversMatched ?? []) matched.add(id);
}
