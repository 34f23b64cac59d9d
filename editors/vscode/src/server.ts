/** The bundled server: the same `ramlint lsp` as the CLI, for workspaces without ramlint installed. */
import { runLanguageServer } from '../../../src/lsp/main';

void runLanguageServer(['--stdio', ...process.argv.slice(2)]);
