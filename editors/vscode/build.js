// Bundles the extension and the server into out/, so the .vsix needs no node_modules.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

// jsonc-parser's UMD build requires its parts at run time; its ES module build bundles cleanly.
const common = { mainFields: ['module', 'main'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, logLevel: 'warning', absWorkingDir: __dirname };

/**
 * The wasm files the Terraform processor reads (tree-sitter's runtime and its
 * HCL grammar): copied beside server.js and lint-worker.js, where the bundled
 * processor looks first (src/processors/terraform/index.ts), since the .vsix
 * has no node_modules to resolve them from. .vscodeignore lists each.
 */
const WASM = ['web-tree-sitter/web-tree-sitter.wasm', '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'];

/** The language server, its lint worker and what they read at run time, into `outDir`. */
function buildServer(outDir) {
  // The wasm files are read from beside the bundle; external, so esbuild leaves their require.resolve fallback alone.
  esbuild.buildSync({ ...common, entryPoints: [path.join(__dirname, 'src', 'server.ts')], outfile: path.join(outDir, 'server.js'), external: WASM });
  // The server lints large documents in this worker, found beside server.js.
  esbuild.buildSync({ ...common, entryPoints: [path.join(__dirname, '..', '..', 'src', 'lsp', 'lint-worker.ts')], outfile: path.join(outDir, 'lint-worker.js'), external: WASM });
  for (const specifier of WASM) {
    // Resolved from the repository's node_modules, where the server's own dependencies are.
    const file = require.resolve(specifier, { paths: [path.join(__dirname, '..', '..')] });
    fs.copyFileSync(file, path.join(outDir, path.basename(specifier)));
  }
}

if (require.main === module) {
  const out = path.join(__dirname, 'out');
  esbuild.buildSync({ ...common, entryPoints: [path.join(__dirname, 'src', 'extension.ts')], outfile: path.join(out, 'extension.js'), external: ['vscode'] });
  buildServer(out);
  // The config schema, so VS Code's JSON support completes and checks ramlint.config.jsonc.
  fs.copyFileSync(path.join(__dirname, '..', '..', 'schema', 'ramlint.schema.json'), path.join(out, 'ramlint.schema.json'));
}

module.exports = { buildServer, WASM };
