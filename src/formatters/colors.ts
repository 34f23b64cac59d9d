/** Minimal ANSI styling; callers decide whether colour is on. */
export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
  green(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const identity = (s: string) => s;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { red: identity, yellow: identity, cyan: identity, dim: identity, bold: identity, underline: identity, green: identity };
  return { red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24), green: wrap(32, 39) };
}
