/**
 * The rules that apply to a file: the built-in rules, the plugins given to
 * the API (--plugin), and the plugins named by the configs that cover the
 * file — never those of a config elsewhere in the run, so that a file gets
 * the same verdict whatever else is linted with it.
 *
 * Plugins are code, so a config may load them only when the user chose it:
 * the config named with --config, or the config at the project root. A
 * nested config found in the tree may configure the rules of plugins loaded
 * there, never load new ones; a root config's plugin must lie inside the
 * project root. With plugins off, none load at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chainKey } from '../config/resolve';
import { ConfigError, type ConfigFile } from '../config/types';
import type { Rule } from '../engine/rule';
import { relativeInside } from '../paths';
import { builtinRules } from '../rules';
import { loadPlugin, PluginError, resolvePlugin, type LoadedPlugin } from './plugins';

export interface PluginTrust {
  /** false: load no plugin at all (--no-plugins, RAMLINT_NO_PLUGINS=1). */
  allow: boolean;
  /** The project root (nearest .git or "root": true above the working directory); asked when first needed. */
  projectRoot: () => string;
  /** Configs the user chose (--config, the API's overrideConfig), whose plugins load wherever they are. */
  trustedConfigs: readonly string[];
}

export class RuleSets {
  private readonly plugins = new Map<string, Promise<LoadedPlugin>>();
  private readonly sets = new Map<string, Promise<Map<string, Rule>>>();
  /** The files of the plugins each rule set (by the same chain key) loaded, for the results cache. */
  private readonly files = new Map<string, string[]>();

  constructor(
    private readonly cliPlugins: readonly string[],
    private readonly cwd: string,
    private readonly trust: PluginTrust,
  ) {}

  /** Every rule loaded so far, for formats that describe rules (SARIF) and the rules list. */
  readonly all = new Map<string, Rule>(builtinRules);

  /** The rules for the files a config chain (outermost first) covers. Throws ConfigError or PluginError. */
  forChain(chain: readonly ConfigFile[]): Promise<Map<string, Rule>> {
    const key = chainKey(chain);
    let set = this.sets.get(key);
    if (!set) {
      const files: string[] = [];
      set = this.build(chain, files);
      this.sets.set(key, set);
      this.files.set(key, files);
    }
    return set;
  }

  /** The files of the plugins whose rules apply to a chain's files (after forChain resolved). */
  pluginFiles(chain: readonly ConfigFile[]): readonly string[] {
    return this.files.get(chainKey(chain)) ?? [];
  }

  private async build(chain: readonly ConfigFile[], files: string[]): Promise<Map<string, Rule>> {
    const rules = new Map<string, Rule>(builtinRules);
    if (!this.trust.allow) return rules;
    const add = (plugin: LoadedPlugin) => {
      files.push(plugin.file);
      for (const [id, rule] of plugin.rules) {
        rules.set(id, rule);
        this.all.set(id, rule);
      }
    };
    for (const spec of this.cliPlugins) add(await this.load(spec, this.cwd));
    const loadedFiles = new Set<string>();
    for (const config of chain) {
      const trusted = this.mayLoadPlugins(config);
      for (const decl of config.plugins) {
        try {
          if (!trusted) {
            // Naming a plugin the root config already loads is harmless; a new one is refused.
            if (loadedFiles.has(resolvePlugin(decl.spec, config.dir))) continue;
            throw new PluginError(
              `plugin "${decl.spec}" is not loaded: plugins load only from --plugin, a config named with --config, or the config at the project root (${this.trust.projectRoot()}); a nested config may configure their rules`,
            );
          }
          const file = resolvePlugin(decl.spec, config.dir);
          if (!this.trust.trustedConfigs.includes(config.file)) this.checkInsideProject(decl.spec, file);
          const plugin = await this.load(decl.spec, config.dir);
          loadedFiles.add(plugin.file);
          add(plugin);
        } catch (error) {
          const message = error instanceof PluginError ? error.message : `cannot load plugin "${decl.spec}": ${(error as Error).message}`;
          throw new ConfigError(decl.origin, message);
        }
      }
    }
    return rules;
  }

  /** A plugin found by lookup lies inside the project, and a package is one the project depends on. */
  private checkInsideProject(spec: string, file: string): void {
    const root = this.trust.projectRoot();
    if (relativeInside(root, file) === undefined) {
      throw new PluginError(`plugin "${spec}" resolves to ${file}, outside the project root ${root}; plugins found by lookup must lie inside the project`);
    }
    const pkg = packageNameOf(file);
    if (pkg !== undefined && !projectDependencies(root).has(pkg)) {
      throw new PluginError(`plugin "${spec}" is the package "${pkg}", which ${path.join(root, 'package.json')} does not list as a dependency; a package found by lookup must be one of the project's own dependencies`);
    }
  }

  private mayLoadPlugins(config: ConfigFile): boolean {
    return this.trust.trustedConfigs.includes(config.file) || path.resolve(config.dir) === path.resolve(this.trust.projectRoot());
  }

  private load(spec: string, base: string): Promise<LoadedPlugin> {
    const key = `${base}\0${spec}`;
    let loaded = this.plugins.get(key);
    if (!loaded) {
      loaded = loadPlugin(spec, base).catch((error: unknown) => {
        throw error instanceof PluginError ? error : new PluginError(`cannot load plugin "${spec}": ${(error as Error).message}`);
      });
      this.plugins.set(key, loaded);
    }
    return loaded;
  }
}

/** `…/node_modules/@acme/ramlint-plugin/index.js` → `@acme/ramlint-plugin`; undefined for a file outside node_modules. */
function packageNameOf(file: string): string | undefined {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const first = parts[at + 1];
  if (first === undefined) return undefined;
  return first.startsWith('@') ? `${first}/${parts[at + 2] ?? ''}` : first;
}

function projectDependencies(root: string): Set<string> {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return new Set();
  }
  const names = new Set<string>();
  for (const key of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
    const deps = manifest[key];
    if (deps && typeof deps === 'object' && !Array.isArray(deps)) for (const name of Object.keys(deps)) names.add(name);
  }
  return names;
}
