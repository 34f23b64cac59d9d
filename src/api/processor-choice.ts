/** Which processors read host files: the API's option, a config's "processors", or every built-in one. */
import { ConfigError, type ConfigFile } from '../config/types';
import { builtinProcessors } from '../processors';
import type { Processor } from '../processors/types';

/** Throws a TypeError for an unknown id (the ids come from the caller or argv). */
export function chooseProcessors(ids: readonly string[] | undefined): readonly Processor[] {
  if (ids === undefined) return builtinProcessors;
  const known = new Map(builtinProcessors.map((p) => [p.id, p]));
  return ids.map((id) => {
    const p = known.get(id);
    if (!p) throw new TypeError(`RamLint option "processors": unknown processor "${id}"; the processors are ${[...known.keys()].join(', ') || '(none built in)'}`);
    return p;
  });
}

/** A config's "processors" must name processors that exist. */
export function validateProcessorIds(config: ConfigFile): void {
  for (const p of config.processors ?? []) {
    if (!builtinProcessors.some((b) => b.id === p.id)) throw new ConfigError(p.origin, `unknown processor "${p.id}"; the processors are ${builtinProcessors.map((b) => `"${b.id}"`).join(', ') || '(none built in)'}`);
  }
}
