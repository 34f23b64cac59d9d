import type { PolicyKind, Severity } from '../engine/types';

/** Where something was written in a config file, for error messages. */
export interface Origin {
  file: string;
  line: number;
  column: number;
}

export type SeverityName = Severity | 'off';

export interface RuleEntry {
  severity: SeverityName;
  options?: Record<string, unknown>;
  origin: Origin;
  /** Position of the options object, for option errors. */
  optionsOrigin?: Origin;
}

export interface OverrideBlock {
  files: string[];
  excludedFiles: string[];
  rules: Map<string, RuleEntry>;
  kind?: PolicyKind;
}

export interface WaiverDecl {
  rule: string;
  files: string[];
  statement?: string | number;
  path?: string;
  reason: string;
  expires?: string;
  owner?: string;
  origin: Origin;
  /** `ramlint.config.jsonc: waivers[2]`, relative to the working directory. */
  id: string;
}

export interface PluginDecl {
  spec: string;
  origin: Origin;
}

/** The top-level "catalogue" block: what the action catalogue lacks, and services it should not check. */
export interface CatalogueConfig {
  /** Actions to accept besides the catalogue's: "mysvc:DoThing", or "mysvc:*" for a whole service. */
  actions: string[];
  /** RAM codes the catalogue rules leave alone. */
  ignoreServices: string[];
}

export interface ConfigFile {
  /** Absolute path. */
  file: string;
  /** The file's directory: plugins resolve from here, and globs are relative to it unless the file came from --config. */
  dir: string;
  root: boolean;
  kind?: PolicyKind;
  rules: Map<string, RuleEntry>;
  overrides: OverrideBlock[];
  ignores: string[];
  plugins: PluginDecl[];
  /** The processors that read host files here (the nearest config that names them wins); absent: every processor. */
  processors?: { id: string; origin: Origin }[];
  waivers: WaiverDecl[];
  catalogue?: CatalogueConfig;
}

export class ConfigError extends Error {
  constructor(
    readonly origin: Origin,
    message: string,
  ) {
    super(message);
  }

  /** `path/to/ramlint.config.jsonc:4:5: unknown rule "x"` */
  format(relative: (file: string) => string): string {
    return `${relative(this.origin.file)}:${this.origin.line}:${this.origin.column}: ${this.message}`;
  }
}

export const CONFIG_FILE_NAMES = ['ramlint.config.jsonc', 'ramlint.config.json', '.ramlintrc.json', '.ramlintrc'] as const;
