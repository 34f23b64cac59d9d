import { checkstyle } from './checkstyle';
import { compact } from './compact';
import { github } from './github';
import { gitlab } from './gitlab';
import { json } from './json';
import { junit } from './junit';
import { sarif } from './sarif';
import { stylish } from './stylish';
import type { Formatter } from './types';

export type { FormatContext, Formatter } from './types';

/** Every report format, by the name --format takes. */
export const formatters: ReadonlyMap<string, Formatter> = new Map<string, Formatter>([
  ['stylish', stylish],
  ['json', json],
  ['compact', compact],
  ['sarif', sarif],
  ['github', github],
  ['junit', junit],
  ['checkstyle', checkstyle],
  ['gitlab', gitlab],
]);

export const FORMAT_NAMES: readonly string[] = [...formatters.keys()];
