/** --print-config: the configuration that applies to one file, as JSON. */
import type { ConfigResolver } from '../config/resolve';
import type { Rule } from '../engine/rule';
import type { PolicyKind } from '../engine/types';

export function printConfig(resolver: ConfigResolver, file: string, rules: ReadonlyMap<string, Rule>, cliKind: PolicyKind | undefined): string {
  const resolved = resolver.resolve(file);
  const effective: Record<string, unknown> = {};
  for (const [id, rule] of [...rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const setting = resolved.settings[id];
    const severity = setting?.severity ?? rule.meta.defaultSeverity;
    effective[id] = setting?.options ? [severity, setting.options] : severity;
  }
  const out = {
    file: resolver.display(file),
    configFiles: resolved.files.map((f) => resolver.display(f)),
    kind: cliKind ?? resolved.kind ?? 'detected from the content',
    ignored: resolved.ignoredBy ?? false,
    rules: effective,
    waivers: resolved.waivers,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
