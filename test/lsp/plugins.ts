/**
 * Plugins for the language server tests, written into a workspace (a plugin
 * loads only from inside the project, docs/security.md). Each has one rule
 * that reports once per policy, on its first statement, after doing the
 * thing the test is about.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A rule that runs `body` (JavaScript, with `context` and `isMainThread` in scope), then reports `{{thread}}`. */
function pluginSource(name: string, body: string): string {
  return `'use strict';
const { isMainThread } = require('node:worker_threads');
module.exports = {
  name: ${JSON.stringify(name)},
  rules: {
    probe: {
      meta: { category: 'suggestion', defaultSeverity: 'info', description: 'A probe for tests.', messages: { ran: 'linted on the {{thread}} thread' } },
      check(context) {
        ${body}
        const statement = context.policy.statements[0];
        if (statement) context.report({ messageId: 'ran', node: statement.node, path: statement.path, data: { thread: isMainThread ? 'main' : 'worker' } });
      },
    },
  },
};
`;
}

export const PLUGINS = {
  /** Only says which thread linted the file. */
  thread: '',
  /** Prints on stdout and stderr, as a plugin left with debugging output does. */
  noisy: `console.log('noisy plugin: console.log'); process.stdout.write('noisy plugin: stdout.write\\n'); console.error('noisy plugin: console.error');`,
  /** Ends the process, as a plugin written for a script might. */
  exit: 'process.exit(3);',
} as const;

/** The config and the plugin, in `dir`; the plugin's rule id is `<name>/probe`. */
export function writePlugin(dir: string, name: keyof typeof PLUGINS): void {
  fs.writeFileSync(path.join(dir, `${name}.js`), pluginSource(name, PLUGINS[name]));
  fs.writeFileSync(path.join(dir, 'ramlint.config.jsonc'), JSON.stringify({ plugins: [`./${name}.js`] }));
}

/** A policy of `statements` statements, large enough for the worker when that is over 64K characters. */
export function policyOf(statements: number): string {
  const list = Array.from({ length: statements }, (_, i) => `{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:123456789012:bucket-${i}/*"}`);
  return `{"Version": "1", "Statement": [\n${list.join(',\n')}\n]}\n`;
}
