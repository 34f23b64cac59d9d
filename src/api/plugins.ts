/**
 * Third-party rules. A plugin is a module exporting `{ name?, rules }`, where
 * `rules` maps rule names to rule objects (`{ meta, check }` over policy
 * documents, or `{ meta, checkResources }` over host resources). Its rules get
 * the ids `<plugin-name>/<rule-name>`. Plugins load only when the user names
 * them; nothing is discovered on its own.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../engine/rule';
import { CATEGORIES, HOST_RESOURCE_TYPES, SEVERITIES } from '../engine/types';

export interface LoadedPlugin {
  name: string;
  file: string;
  rules: Map<string, Rule>;
}

export class PluginError extends Error {}

function looksLikePath(spec: string): boolean {
  return spec.startsWith('.') || path.isAbsolute(spec) || /\.(c|m)?js$/.test(spec) || spec.includes(path.sep);
}

export function resolvePlugin(spec: string, cwd: string): string {
  if (looksLikePath(spec)) return path.resolve(cwd, spec);
  const candidates = spec.startsWith('ramlint-plugin-') || spec.startsWith('@') ? [spec] : [`ramlint-plugin-${spec}`, spec];
  for (const candidate of candidates) {
    try {
      return require.resolve(candidate, { paths: [cwd] });
    } catch {
      // try the next spelling
    }
  }
  throw new PluginError(`cannot find plugin "${spec}" (looked for ${candidates.map((c) => `"${c}"`).join(' and ')} from ${cwd}); install it or give a path`);
}

async function importModule(file: string): Promise<unknown> {
  try {
    return require(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_REQUIRE_ESM') return import(pathToFileURL(file).href);
    throw error;
  }
}

function validateRule(pluginName: string, key: string, rule: unknown): Rule {
  const where = `plugin "${pluginName}" rule "${key}"`;
  const r = rule as { meta?: Rule['meta']; check?: unknown; checkResources?: unknown } | undefined;
  if (!r || typeof r !== 'object' || (typeof r.check === 'function') === (typeof r.checkResources === 'function') || !r.meta || typeof r.meta !== 'object') {
    throw new PluginError(`${where} must be an object with "meta" and either a "check" function (over policies) or a "checkResources" function (over host resources)`);
  }
  const meta = r.meta;
  const resources: unknown = meta.resources;
  if (typeof r.checkResources === 'function') {
    if (!Array.isArray(resources) || resources.length === 0 || !resources.every((t) => HOST_RESOURCE_TYPES.includes(t))) {
      throw new PluginError(`${where}: a rule with "checkResources" must list the host resources it judges in meta.resources (${HOST_RESOURCE_TYPES.join(', ')})`);
    }
  } else if (resources !== undefined) {
    throw new PluginError(`${where}: meta.resources is for a rule with "checkResources"; a rule with "check" judges policies`);
  }
  if (!CATEGORIES.includes(meta.category)) throw new PluginError(`${where}: meta.category must be one of ${CATEGORIES.join(', ')}`);
  if (!SEVERITIES.includes(meta.defaultSeverity)) throw new PluginError(`${where}: meta.defaultSeverity must be one of ${SEVERITIES.join(', ')}`);
  if (typeof meta.description !== 'string' || meta.description === '') throw new PluginError(`${where}: meta.description must be a sentence`);
  if (!meta.messages || typeof meta.messages !== 'object') throw new PluginError(`${where}: meta.messages must map message ids to texts`);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(key)) throw new PluginError(`${where}: rule names are kebab-case`);
  return { ...r, meta: { ...meta, id: `${pluginName}/${key}`, fixable: meta.fixable ?? 'none' } } as Rule;
}

export async function loadPlugin(spec: string, cwd: string): Promise<LoadedPlugin> {
  const file = resolvePlugin(spec, cwd);
  let mod: unknown;
  try {
    mod = await importModule(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(file) ? 'the file does not exist' : (error as Error).message;
    throw new PluginError(`cannot load plugin "${spec}" from ${file}: ${why}`);
  }
  const exported = (mod as { default?: unknown }).default ?? mod;
  const plugin = exported as { name?: unknown; rules?: unknown };
  if (!plugin || typeof plugin !== 'object' || !plugin.rules || typeof plugin.rules !== 'object') {
    throw new PluginError(`plugin "${spec}" (${file}) must export an object with "rules"`);
  }
  const derived = path.basename(spec).replace(/\.(c|m)?js$/, '').replace(/^ramlint-plugin-/, '');
  const name = typeof plugin.name === 'string' && plugin.name !== '' ? plugin.name : derived;
  if (!/^[a-z0-9@][a-z0-9@/._-]*$/i.test(name)) throw new PluginError(`plugin "${spec}" has an unusable name "${name}"`);
  const rules = new Map<string, Rule>();
  for (const [key, rule] of Object.entries(plugin.rules as Record<string, unknown>)) {
    const valid = validateRule(name, key, rule);
    rules.set(valid.meta.id, valid);
  }
  return { name, file, rules };
}
