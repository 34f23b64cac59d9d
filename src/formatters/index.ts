import { compact } from './compact';
import { json } from './json';
import { stylish } from './stylish';
import type { Formatter } from './types';

export type { FormatContext, Formatter } from './types';

/** Every report format, by the name --format takes. */
export const formatters: ReadonlyMap<string, Formatter> = new Map<string, Formatter>([
  ['stylish', stylish],
  ['json', json],
  ['compact', compact],
]);

export const FORMAT_NAMES: readonly string[] = [...formatters.keys()];
