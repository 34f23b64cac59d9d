/**
 * The one place the language server gets its linter. The server only knows the
 * `RamLintApi` contract; this file is a temporary adapter over the engine and
 * the config resolver (plain .json/.jsonc only) until the file-level API
 * lands, when its body becomes `return new RamLint(options)`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileLintResult, LintTextOptions, RamLintApi, RamLintOptions } from '../api/types';
import { loadRules } from '../cli/load-rules';
import { parseConfig } from '../config/parse';
import { ConfigResolver, configMode, type FileConfig } from '../config/resolve';
import { validateConfig } from '../config/validate';
import { fixText } from '../engine/fix';
import { BOM, lintText, type LintOptions } from '../engine/linter';
import type { Rule } from '../engine/rule';
import { builtinRules } from '../rules';

export function createLinter(options: RamLintOptions): RamLintApi {
  return new EngineAdapter(options);
}

const POLICY_FILE = /\.jsonc?$/i;

class EngineAdapter implements RamLintApi {
  private readonly cwd: string;
  private readonly resolver: ConfigResolver;
  private rules: Promise<ReadonlyMap<string, Rule>> | undefined;

  constructor(private readonly options: RamLintOptions) {
    this.cwd = options.cwd ?? process.cwd();
    this.resolver = new ConfigResolver(configMode(options.configFile), this.cwd);
  }

  async lintFiles(patterns: string | readonly string[]): Promise<FileLintResult[]> {
    const files = typeof patterns === 'string' ? [patterns] : patterns;
    const results: FileLintResult[] = [];
    for (const file of files) {
      const filePath = path.resolve(this.cwd, file);
      results.push(...(await this.lintText(await fs.promises.readFile(filePath, 'utf8'), { filePath })));
    }
    return results;
  }

  async lintText(text: string, textOptions: LintTextOptions = {}): Promise<FileLintResult[]> {
    const filePath = path.resolve(this.cwd, textOptions.filePath ?? '<text>.json');
    if (!POLICY_FILE.test(filePath)) return [];
    const rules = await this.rulesFor(filePath);
    const config = this.configFor(filePath);
    if (config.ignoredBy && this.options.ignore !== false) return [];
    const lintOptions: LintOptions = {
      rules,
      settings: { ...config.settings, ...this.overrideSettings(rules) },
      filePath,
      kind: this.options.kind ?? config.kind,
      waivers: config.waivers,
      reportUnusedWaivers: this.options.reportUnusedWaivers,
    };
    const fix = this.options.fix === true;
    const result: FileLintResult = fix ? fixText(text, lintOptions).result : lintText(text, lintOptions);
    return [text.startsWith(BOM) ? shiftPastBom(result) : result];
  }

  getRulesForFile(filePath: string): Promise<ReadonlyMap<string, Rule>> {
    return this.rulesFor(path.resolve(this.cwd, filePath));
  }

  async calculateConfigForFile(filePath: string): Promise<unknown> {
    const absolute = path.resolve(this.cwd, filePath);
    await this.rulesFor(absolute);
    return this.configFor(absolute);
  }

  async isPathIgnored(filePath: string): Promise<boolean> {
    return this.configFor(path.resolve(this.cwd, filePath)).ignoredBy !== undefined;
  }

  private configFor(filePath: string): FileConfig {
    return this.resolver.resolve(filePath);
  }

  /** Loads plugins and validates every config once, as the CLI does before linting. */
  private rulesFor(filePath: string): Promise<ReadonlyMap<string, Rule>> {
    this.resolver.chainFor(path.dirname(filePath));
    const load = async () => {
      const rules = this.options.allowPlugins === false ? new Map(builtinRules) : await loadRules(this.options.plugins ?? [], this.resolver, this.cwd);
      return rules;
    };
    this.rules ??= load();
    return this.rules.then((rules) => {
      for (const config of this.resolver.configs) validateConfig(config, rules);
      return rules;
    });
  }

  /** `overrideConfig.rules`, read with the config file's own parser so it accepts the same shapes. */
  private overrideSettings(rules: ReadonlyMap<string, Rule>): LintOptions['settings'] {
    const overrideRules = this.options.overrideConfig?.rules;
    if (!overrideRules) return {};
    const config = parseConfig(path.join(this.cwd, '<editor settings>'), JSON.stringify({ rules: overrideRules }), 'editor settings');
    validateConfig(config, rules);
    return Object.fromEntries([...config.rules].map(([id, entry]) => [id, { severity: entry.severity, options: entry.options }]));
  }
}

/** The engine counts offsets after a byte-order mark; the host text still has it. */
function shiftPastBom(result: FileLintResult): FileLintResult {
  const shift = <T extends { offset: number; endOffset: number; line: number; column: number; endLine: number; endColumn: number; fix?: { offset: number }[]; suggestions?: { edits: { offset: number }[] }[] }>(m: T): T => ({
    ...m,
    offset: m.offset + 1,
    endOffset: m.endOffset + 1,
    column: m.line === 1 ? m.column + 1 : m.column,
    endColumn: m.endLine === 1 ? m.endColumn + 1 : m.endColumn,
    fix: m.fix?.map((e) => ({ ...e, offset: e.offset + 1 })),
    suggestions: m.suggestions?.map((s) => ({ ...s, edits: s.edits.map((e) => ({ ...e, offset: e.offset + 1 })) })),
  });
  return { ...result, messages: result.messages.map(shift), suppressedMessages: result.suppressedMessages.map(shift) };
}
