/**
 * Checks the options given to `new RamLint()`. A script may pass anything
 * (a Buffer, null, a typo), so each problem is a TypeError that names the
 * option, thrown before any file is touched, never a crash further in.
 */
import { POLICY_KINDS, type PolicyKind } from '../engine/types';
import type { FileSystem, RamLintOptions } from './types';

const FS_METHODS: readonly (keyof FileSystem)[] = ['readFile', 'lstat', 'stat', 'readdir', 'realpath', 'writeFile'];

type Check = (value: unknown) => string | undefined;

const isBoolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');
const isStringArray: Check = (v) => (Array.isArray(v) && v.every((e) => typeof e === 'string') ? undefined : 'must be an array of strings');
const isPlainObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

const CHECKS: Record<keyof RamLintOptions, Check> = {
  cwd: (v) => (typeof v === 'string' && v !== '' ? undefined : 'must be a non-empty string (a directory)'),
  configFile: (v) => (v === false || (typeof v === 'string' && v !== '') ? undefined : 'must be a file name, or false for no config'),
  overrideConfig: (v) => (isPlainObject(v) ? undefined : 'must be a plain object in the shape of a config file'),
  fix: (v) => (typeof v === 'boolean' || typeof v === 'function' ? undefined : 'must be true, false or a function of a message'),
  plugins: isStringArray,
  allowPlugins: isBoolean,
  kind: (v) => (POLICY_KINDS.includes(v as PolicyKind) ? undefined : `must be one of ${POLICY_KINDS.join(', ')}`),
  ignore: isBoolean,
  processors: (v) =>
    Array.isArray(v) && v.every((e) => typeof e === 'string' || isProcessor(e)) ? undefined : 'must be an array of processor ids or processors ({ id, extensions, recognizes, preprocess })',
  reportUnusedWaivers: isBoolean,
  allowInlineConfig: isBoolean,
  keepSources: isBoolean,
  errorOnUnmatchedPattern: isBoolean,
  policiesOnly: isBoolean,
  cache: isBoolean,
  cacheLocation: (v) => (typeof v === 'string' && v !== '' ? undefined : 'must be a non-empty string (a file or a directory)'),
  fs: (v) =>
    typeof v === 'object' && v !== null && FS_METHODS.every((m) => typeof (v as Record<string, unknown>)[m] === 'function')
      ? undefined
      : `must implement ${FS_METHODS.join(', ')}`,
};

function isProcessor(v: unknown): boolean {
  const p = v as Record<string, unknown> | null;
  return (
    typeof p === 'object' && p !== null && typeof p.id === 'string' && Array.isArray(p.extensions) && p.extensions.every((e) => typeof e === 'string') &&
    typeof p.recognizes === 'function' && typeof p.preprocess === 'function'
  );
}

/** Throws a TypeError naming the first option that is wrong. */
export function validateOptions(options: unknown): RamLintOptions {
  if (options === undefined) return {};
  if (!isPlainObject(options)) throw new TypeError(`RamLint options must be a plain object, not ${describe(options)}`);
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(CHECKS, key)) throw new TypeError(`RamLint: unknown option "${key}"; the options are ${Object.keys(CHECKS).join(', ')}`);
    const value = given[key];
    if (value === undefined) continue;
    const problem = CHECKS[key as keyof RamLintOptions](value);
    if (problem) throw new TypeError(`RamLint option "${key}" ${problem}, not ${describe(value)}`);
  }
  return given as RamLintOptions;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null && typeof (value as { constructor?: { name?: unknown } }).constructor?.name === 'string') {
    const name = (value as { constructor: { name: string } }).constructor.name;
    return name === 'Object' ? 'an object' : `a ${name}`;
  }
  return typeof value === 'string' ? `the string ${JSON.stringify(value.slice(0, 40))}` : `${typeof value} ${String(value)}`;
}
