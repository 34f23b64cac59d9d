/**
 * A headless LSP client for tests: drives the server over real JSON-RPC,
 * either in this process (two pipes, fast) or as `ramlint lsp --stdio` in a
 * child process (what an editor runs). Every wait is bounded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  type ClientCapabilities,
  ConfigurationRequest,
  createProtocolConnection,
  type InitializeResult,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  RegistrationRequest,
  ShowDocumentRequest,
  type ShowDocumentParams,
  StreamMessageReader,
  StreamMessageWriter,
  type LogMessageParams,
} from 'vscode-languageserver-protocol/node';
import { createConnection as createServerConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { type ServerOptions, startServer } from '../../src/lsp/server';

export const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures');
export const WAIT_MS = 5000;

/** A policy with an "allow" Effect, a duplicate action and PassRole on "*"; shared by the diagnostics and code-action tests. */
export const BAD_POLICY = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "allow",
      "Action": ["ram:PassRole", "ram:PassRole"],
      "Resource": "*"
    }
  ]
}
`;

export type ClientName = 'vscode' | 'neovim';

export function recordedClient(name: ClientName): { clientInfo: { name: string; version: string }; capabilities: ClientCapabilities } {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}-capabilities.json`), 'utf8'));
}

export interface TestClient {
  connection: ProtocolConnection;
  initializeResult: InitializeResult;
  /** Settings answered to workspace/configuration, per call; change and send didChangeConfiguration. */
  settings: Record<string, unknown>;
  shown: ShowDocumentParams[];
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  logs: LogMessageParams[];
  /** The next diagnostics for `uri` that satisfy `accept` (or a recorded one that already does). */
  diagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, languageId?: string): Promise<void>;
  close(): Promise<void>;
}

interface Start {
  client?: ClientName;
  /** Never answer workspace/configuration, as a broken client might. */
  silentConfiguration?: boolean;
  /** Instead of the recorded client's capabilities. */
  capabilities?: ClientCapabilities;
  folders?: string[];
  settings?: Record<string, unknown>;
  processId?: number | null;
  /** For the server in this process: options beside its version. */
  server?: ServerOptions;
  /** For a spawned server: variables over this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** For a spawned server: the arguments to node instead of bin/ramlint.js lsp --stdio, and its working directory. */
  command?: string[];
  cwd?: string;
}

function withTimeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function connect(connection: ProtocolConnection, start: Start, dispose: () => Promise<void>): Promise<TestClient> {
  const recorded = recordedClient(start.client ?? 'vscode');
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const client: Partial<TestClient> = { settings: start.settings ?? {}, shown: [], logs: [], published };
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const w of [...waiters]) {
      if (w.uri === params.uri && w.accept(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  connection.onNotification('window/logMessage', (params: LogMessageParams) => {
    client.logs?.push(params);
  });
  connection.onRequest(ConfigurationRequest.type, (params) => (start.silentConfiguration ? new Promise<never>(() => undefined) : params.items.map(() => client.settings)));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(ShowDocumentRequest.type, (params) => {
    client.shown?.push(params);
    return { success: true };
  });
  connection.listen();
  const folders = start.folders ?? [];
  const initializeResult = await withTimeout(
    connection.sendRequest('initialize', {
      processId: start.processId ?? null,
      clientInfo: recorded.clientInfo,
      rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
      workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
      capabilities: start.capabilities ?? recorded.capabilities,
    }) as Promise<InitializeResult>,
    'initialize',
  );
  await connection.sendNotification('initialized', {});
  return Object.assign(client, {
    connection,
    initializeResult,
    diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true) {
      return withTimeout(
        new Promise<PublishDiagnosticsParams>((resolve) => waiters.push({ uri, accept, resolve })),
        `diagnostics for ${uri}`,
      );
    },
    async open(uri: string, text: string, languageId = uri.endsWith('.jsonc') ? 'jsonc' : 'json') {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    close: dispose,
  }) as TestClient;
}

/** The server in this process, over two in-memory pipes. Never sends `exit` (that ends the process). */
export async function inProcessClient(start: Start = {}): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createServerConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(server, { version: 'test', ...start.server });
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  // Leaving as a client does: stop reading, close the server's input. Pending server work then meets a closed connection.
  return connect(connection, start, async () => {
    connection.dispose();
    toServer.end();
    server.dispose();
  });
}

/** The server in this process and a connection to it, before anything is sent: for what a client does before initialize. */
export function uninitializedServer(): { connection: ProtocolConnection; published: PublishDiagnosticsParams[]; initialize(folders: string[]): Promise<InitializeResult>; close(): void } {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createServerConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(server, { version: 'test' });
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => void published.push(params));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.listen();
  return {
    connection,
    published,
    initialize: async (folders) => {
      const result = (await withTimeout(
        connection.sendRequest('initialize', { processId: null, rootUri: null, workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })), capabilities: {} }) as Promise<InitializeResult>,
        'initialize',
      )) as InitializeResult;
      await connection.sendNotification('initialized', {});
      return result;
    },
    close: () => {
      connection.dispose();
      toServer.end();
      server.dispose();
    },
  };
}

/** `node bin/ramlint.js lsp --stdio`, as an editor starts it. */
export async function spawnedClient(start: Start = {}): Promise<TestClient & { child: ChildProcess; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, start.command ?? [path.join(ROOT, 'bin', 'ramlint.js'), 'lsp', '--stdio'], { cwd: start.cwd ?? start.folders?.[0] ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...start.env } });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const client = await connect(connection, { processId: process.pid, ...start }, async () => {
    connection.dispose();
    if (child.exitCode === null) child.kill();
    await exited;
  });
  return Object.assign(client, { child, exited });
}

/** Resolves once `done()` holds; rejects after WAIT_MS (a bound, not a timing assertion). */
export async function until(done: () => boolean, what = 'a condition'): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

const temporary: string[] = [];
// Registered from here so that every test file that makes workspaces also removes them.
afterAll(() => {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary workspace folder with a .git marker, so config lookup stops there. */
export function tempWorkspace(files: Record<string, string> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ramlint-lsp-')));
  temporary.push(dir);
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
