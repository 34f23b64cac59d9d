/**
 * Which processors read host files: the API's `processors` option (ids of
 * built-in processors, or processor objects of the caller's own), else the
 * nearest config's "processors", else every built-in one.
 */
import { ConfigError, type ConfigFile } from '../config/types';
import { builtinProcessors } from '../processors';
import type { Processor } from '../processors/types';

export type ProcessorChoice = string | Processor;

/** The processors an id may name: the built-in ones and those given as objects. */
export function availableProcessors(choice: readonly ProcessorChoice[] | undefined): readonly Processor[] {
  const given = (choice ?? []).filter((c): c is Processor => typeof c !== 'string');
  return [...builtinProcessors, ...given];
}

/** Throws a TypeError for an unknown id (the ids come from the caller or argv). */
export function chooseProcessors(choice: readonly ProcessorChoice[] | undefined, available: readonly Processor[] = builtinProcessors): readonly Processor[] {
  if (choice === undefined) return builtinProcessors;
  const known = new Map(available.map((p) => [p.id, p]));
  return choice.map((c) => {
    if (typeof c !== 'string') return c;
    const p = known.get(c);
    if (!p) throw new TypeError(`RamLint option "processors": unknown processor "${c}"; the processors are ${names(available) || '(none built in)'}`);
    return p;
  });
}

/** A config's "processors" must name processors that exist. */
export function validateProcessorIds(config: ConfigFile, available: readonly Processor[]): void {
  for (const p of config.processors ?? []) {
    if (!available.some((b) => b.id === p.id)) throw new ConfigError(p.origin, `unknown processor "${p.id}"; the processors are ${names(available) || '(none built in)'}`);
  }
}

function names(processors: readonly Processor[]): string {
  return processors.map((p) => `"${p.id}"`).join(', ');
}
