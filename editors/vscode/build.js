// Bundles the extension and the server into out/, so the .vsix needs no node_modules.
const esbuild = require('esbuild');

// jsonc-parser's UMD build requires its parts at run time; its ES module build bundles cleanly.
const common = { mainFields: ['module', 'main'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, logLevel: 'warning' };
esbuild.buildSync({ ...common, entryPoints: ['src/extension.ts'], outfile: 'out/extension.js', external: ['vscode'] });
esbuild.buildSync({ ...common, entryPoints: ['src/server.ts'], outfile: 'out/server.js' });
// The server lints large documents in this worker, found beside server.js.
esbuild.buildSync({ ...common, entryPoints: ['../../src/lsp/lint-worker.ts'], outfile: 'out/lint-worker.js' });
// The config schema, so VS Code's JSON support completes and checks ramlint.config.jsonc.
require('node:fs').copyFileSync('../../schema/ramlint.schema.json', 'out/ramlint.schema.json');
