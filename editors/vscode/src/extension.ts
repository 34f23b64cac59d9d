/**
 * The ramlint extension: starts `ramlint lsp --stdio` for the workspace and
 * lets vscode-languageclient do the rest. It starts once the workspace has a
 * ramlint config or a policy is opened, so JSON work elsewhere pays nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ExtensionContext, type TextDocument, workspace } from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

const CONFIG_GLOB = '**/{ramlint.config.jsonc,ramlint.config.json,.ramlintrc.json,.ramlintrc}';
const LANGUAGES = ['json', 'jsonc', 'terraform', 'yaml'];

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  if (await workspaceHasConfig()) return start(context);
  const maybeStart = (document: TextDocument) => {
    if (!client && LANGUAGES.includes(document.languageId) && looksLikePolicy(document.getText())) void start(context);
  };
  workspace.textDocuments.forEach(maybeStart);
  context.subscriptions.push(workspace.onDidOpenTextDocument(maybeStart));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

async function workspaceHasConfig(): Promise<boolean> {
  return (await workspace.findFiles(CONFIG_GLOB, '**/node_modules/**', 1)).length > 0;
}

/** A policy has a top-level "Statement"; a Terraform or ROS file embeds one. Cheap, and only decides whether to start. */
function looksLikePolicy(text: string): boolean {
  return /"Statement"\s*:|\bStatement\s*[:=]|alicloud_ram_/.test(text);
}

/** The workspace's own ramlint first (its version is what CI runs), then a configured path, then the bundled server. */
function serverModule(context: ExtensionContext): { module: string; args: string[] } {
  const configured = workspace.getConfiguration('ramlint').get<string>('serverPath');
  if (configured) return { module: configured, args: ['lsp'] };
  for (const folder of workspace.workspaceFolders ?? []) {
    const local = path.join(folder.uri.fsPath, 'node_modules', 'ramlint', 'bin', 'ramlint.js');
    if (fs.existsSync(local)) return { module: local, args: ['lsp'] };
  }
  return { module: context.asAbsolutePath(path.join('out', 'server.js')), args: [] };
}

async function start(context: ExtensionContext): Promise<void> {
  if (client) return;
  const { module, args } = serverModule(context);
  const run = { module, args, transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...LANGUAGES.map((language) => ({ scheme: 'file', language })), { scheme: 'untitled', language: 'json' }],
    synchronize: { configurationSection: 'ramlint' },
  };
  client = new LanguageClient('ramlint', 'ramlint', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await client.start();
}
