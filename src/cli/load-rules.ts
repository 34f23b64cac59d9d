/** Built-in rules plus the plugins named on the command line and in the configs. */
import type { ConfigResolver } from '../config/resolve';
import { ConfigError } from '../config/types';
import type { Rule } from '../engine/rule';
import { builtinRules } from '../rules';
import { loadPlugin, PluginError } from './plugins';

export async function loadRules(cliPlugins: readonly string[], resolver: ConfigResolver, cwd: string): Promise<Map<string, Rule>> {
  const rules = new Map<string, Rule>(builtinRules);
  const specs: { spec: string; base: string; where?: ConfigError['origin'] }[] = cliPlugins.map((spec) => ({ spec, base: cwd }));
  for (const config of resolver.configs) for (const p of config.plugins) specs.push({ spec: p.spec, base: config.dir, where: p.origin });
  const loadedFiles = new Set<string>();
  for (const { spec, base, where } of specs) {
    try {
      const plugin = await loadPlugin(spec, base);
      if (loadedFiles.has(plugin.file)) continue;
      loadedFiles.add(plugin.file);
      for (const [id, rule] of plugin.rules) rules.set(id, rule);
    } catch (error) {
      const message = error instanceof PluginError ? error.message : `cannot load plugin "${spec}": ${(error as Error).message}`;
      if (where) throw new ConfigError(where, message);
      throw new PluginError(message);
    }
  }
  return rules;
}
