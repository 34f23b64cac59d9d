/**
 * OSS RAM actions and their access level: the curated OSS part of the action
 * catalogue (data/catalogue/curated.jsonc, from OSS "Authorization syntax and
 * elements"), seen as a map. Alibaba marks APIs only create/list/get/update/
 * delete; the permissions-management class is curated (actions that change
 * who can access a bucket or object).
 *
 * The maps read the catalogue on first use, not when this module loads.
 */
import { type AccessLevel, catalogue } from './catalogue';

export type { AccessLevel } from './catalogue';

/** A read-only map filled on first access. */
class LazyMap<K, V> implements ReadonlyMap<K, V> {
  private loaded: ReadonlyMap<K, V> | undefined;
  constructor(private readonly load: () => ReadonlyMap<K, V>) {}
  private get map(): ReadonlyMap<K, V> {
    return (this.loaded ??= this.load());
  }
  get size(): number {
    return this.map.size;
  }
  get(key: K): V | undefined {
    return this.map.get(key);
  }
  has(key: K): boolean {
    return this.map.has(key);
  }
  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    this.map.forEach((v, k) => callback.call(thisArg, v, k, this));
  }
  entries(): MapIterator<[K, V]> {
    return this.map.entries();
  }
  keys(): MapIterator<K> {
    return this.map.keys();
  }
  values(): MapIterator<V> {
    return this.map.values();
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.map.entries();
  }
}

/** Keyed by the lower-cased action name: actions compare case-insensitively. */
export const OSS_ACTIONS: ReadonlyMap<string, AccessLevel> = new LazyMap(
  () => new Map((catalogue().services.get('oss')?.actions ?? []).map((a) => [a.action.toLowerCase(), a.level] as const)),
);

/** Account-level actions that are harmless on `*` (they cannot be scoped to a bucket); lower-cased. */
export const OSS_ACCOUNT_LEVEL_READS: ReadonlySet<string> = {
  has: (action: string) => catalogue().accountLevelActions.has(action.toLowerCase()) && action.toLowerCase().startsWith('oss:'),
  get size() {
    return [...catalogue().accountLevelActions].filter((a) => a.startsWith('oss:')).length;
  },
  forEach(callback, thisArg) {
    for (const a of catalogue().accountLevelActions) if (a.startsWith('oss:')) callback.call(thisArg, a, a, this);
  },
  *entries() {
    for (const a of catalogue().accountLevelActions) if (a.startsWith('oss:')) yield [a, a] as [string, string];
  },
  *keys() {
    for (const a of catalogue().accountLevelActions) if (a.startsWith('oss:')) yield a;
  },
  *values() {
    for (const a of catalogue().accountLevelActions) if (a.startsWith('oss:')) yield a;
  },
  *[Symbol.iterator]() {
    for (const a of catalogue().accountLevelActions) if (a.startsWith('oss:')) yield a;
  },
} as ReadonlySet<string>;

const RANK: Record<AccessLevel, number> = { list: 0, read: 1, write: 2, permissions: 3 };

export function higherLevel(a: AccessLevel, b: AccessLevel): AccessLevel {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * Level of an OSS action the catalogue does not list, guessed from its verb,
 * so that a new write API is not mistaken for a read.
 */
export function guessLevel(action: string): AccessLevel {
  const name = action.slice(action.indexOf(':') + 1);
  if (/^(List)/i.test(name)) return 'list';
  if (/^(Get|Head|Select|Describe)/i.test(name)) return 'read';
  if (/(Acl|Policy|PublicAccessBlock)$/i.test(name)) return 'permissions';
  return 'write';
}
