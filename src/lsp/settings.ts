/**
 * Editor-side settings (the `ramlint` section of workspace/configuration).
 * Whatever the client sends is read defensively: a wrong type falls back to
 * the default instead of failing every lint.
 */
export type RunMode = 'onType' | 'onSave';

export interface ServerSettings {
  enable: boolean;
  /** Lint as you type (debounced) or only when the file is opened and saved. */
  run: RunMode;
  debounceMs: number;
  /** Rule settings in the config file's shape, applied over the project's config. */
  rules: Record<string, unknown>;
  /** A config file to use instead of looking one up, relative to the workspace folder. */
  configFile?: string;
  /** Load the plugins a config names (they are code; VS Code asks for workspace trust first). */
  allowPlugins: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = { enable: true, run: 'onType', debounceMs: 150, rules: {}, allowPlugins: true };

export function readSettings(raw: unknown): ServerSettings {
  const s = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const settings: ServerSettings = {
    enable: typeof s.enable === 'boolean' ? s.enable : DEFAULT_SETTINGS.enable,
    run: s.run === 'onSave' ? 'onSave' : 'onType',
    debounceMs: typeof s.debounceMs === 'number' && s.debounceMs >= 0 && s.debounceMs <= 10_000 ? s.debounceMs : DEFAULT_SETTINGS.debounceMs,
    rules: s.rules && typeof s.rules === 'object' && !Array.isArray(s.rules) ? (s.rules as Record<string, unknown>) : {},
    allowPlugins: typeof s.allowPlugins === 'boolean' ? s.allowPlugins : DEFAULT_SETTINGS.allowPlugins,
  };
  if (typeof s.configFile === 'string' && s.configFile.trim() !== '') settings.configFile = s.configFile;
  return settings;
}
