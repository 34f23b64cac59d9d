/**
 * The language server: wires protocol messages to the file-level API. It is a
 * thin client (house style): documents in, API results out as diagnostics,
 * code actions, hover and completion. Every handler is guarded: a failure is
 * logged to the client and the server keeps serving.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  type ClientCapabilities,
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  CodeActionRequest,
  CodeActionResolveRequest,
  CompletionRequest,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ExecuteCommandRequest,
  HoverRequest,
  type InitializeResult,
  type PublishDiagnosticsParams,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { unreadable } from '../api/read';
import type { FileLintResult } from '../api/types';
import { CORE_DIAGNOSTICS } from '../engine/core-diagnostics';
import { MAX_FILE_BYTES, tooLargeMessage } from '../engine/decode';
import { looksLikePolicy } from '../engine/detect';
import { docsUrl, type Rule } from '../engine/rule';
import type { LintMessage } from '../engine/types';
import { CONFIG_FILE_NAMES } from '../config/types';
import { type ActionCatalogue, builtinCatalogue } from './catalogue';
import { describeFailure } from './failures';
import { findingActions, FIX_ALL_KIND, minimalEdit, REVEAL, SHOW_DOCUMENTATION } from './code-actions';
import { complete } from './completion';
import { defaultRuleUrl, failureDiagnostic, toDiagnostic } from './diagnostics';
import { hoverAt, type RuleInfo } from './hover';
import { whyItMatters } from './rule-docs';
import { LintScheduler } from './scheduler';
import { checkedDocumentSync } from './document-sync';
import * as check from './params';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';
import { waiveAction, type WaiveContext } from './waive-action';
import { UnusableUriError, Workspace } from './workspace';

export interface ServerOptions {
  catalogue?: ActionCatalogue;
  version?: string;
  /** The environment the server reads RAMLINT_NO_PLUGINS from. Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Told initialize's processId: the client whose going away ends the server (main.ts's exit guard). */
  onClientProcess?: (processId: number | null) => void;
}

/** Languages and extensions the server lints; which documents a file holds is the API's business. */
export const LANGUAGES: readonly string[] = ['json', 'jsonc', 'terraform', 'yaml'];
const EXTENSIONS = /\.(json|jsonc|tf|ya?ml)$/i;

/** Clients configured broadly (every file to every server) send other documents too: they are left alone. */
export function isLintable(document: TextDocument): boolean {
  return LANGUAGES.includes(document.languageId) || EXTENSIONS.test(document.uri);
}

const SETTINGS_TIMEOUT_MS = 3000;
const FIX_ALL_TITLE = 'Fix all safely fixable ramlint problems';

/** What an unresolved fix-all action carries: the document and the version its edit must fit. */
interface FixAllData {
  uri: string;
  version: number;
}

interface LintedDocument {
  version: number;
  messages: LintMessage[];
}

/**
 * The document's size in UTF-8 bytes when it is over the limit the CLI reads
 * policy files up to (4 MB), else undefined. Such a document is not parsed by
 * anything here: it gets the CLI's one \`unreadable-file\` finding, and hover,
 * completion and code actions have nothing to offer on it.
 */
export function oversizedBytes(text: string): number | undefined {
  // Every UTF-16 unit is at least one UTF-8 byte and at most three: most texts are decided by length alone.
  if (text.length * 3 <= MAX_FILE_BYTES) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > MAX_FILE_BYTES ? bytes : undefined;
}

function isBlank(text: string): boolean {
  return (text.startsWith('\uFEFF') ? text.slice(1) : text).trim() === '';
}

/** The walk linted the file as a bare policy: one document, the file itself (a processor's documents are labelled). */
function isBarePolicy(results: readonly FileLintResult[]): boolean {
  return results.length === 1 && results[0]?.documents?.length === 1 && results[0].documents[0]?.label === '';
}

function isJsonDocument(document: TextDocument): boolean {
  return document.languageId === 'json' || document.languageId === 'jsonc' || /\.jsonc?$/i.test(document.uri);
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const catalogue = options.catalogue ?? builtinCatalogue();
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace({
    ...(options.env ? { env: options.env } : {}),
    // What a plugin prints in the lint worker goes to the client's log, as it does on the server's thread (main.ts).
    workerOutput: (line, stream) => {
      try {
        if (stream === 'stderr') connection.console.error(line);
        else connection.console.log(line);
      } catch {
        // The connection is gone: nobody is left to tell.
      }
    },
  });
  const linted = new Map<string, LintedDocument>();
  const policies = new Set<string>();
  /** Documents whose URI names no local file, already said in the log. */
  const toldUnusable = new Set<string>();
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  let capabilities: ClientCapabilities = {};
  /** initialize has been answered: before it, requests get ServerNotInitialized and notifications are dropped (LSP). */
  let initialized = false;
  /** shutdown has been asked: after it, requests get InvalidRequest and nothing more is linted (LSP). */
  let shutDown = false;
  /** Config and plugin errors already in the log: each is said once until the configs are read again, not on every lint or hover. */
  const toldFailures = new Set<string>();
  /** Documents a didChange came for while they were not open, already said in the log. */
  const toldNotOpen = new Set<string>();
  let pushedSettings: ServerSettings = DEFAULT_SETTINGS;

  const log = (what: string, error: unknown) => {
    // A stack is for a bug; a URI that names no local file, or a config or plugin error, is the user's input, said in one line.
    const known = describeFailure(error);
    const detail = error instanceof UnusableUriError ? error.message : known.known ? known.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    // The message names the config file and the error in it: the same error is said again only once that file may have changed.
    if (known.known) {
      if (toldFailures.has(known.message)) return;
      toldFailures.add(known.message);
    }
    try {
      connection.console.error(`ramlint: ${what}: ${detail}`);
    } catch {
      // The connection is gone (the client left mid-request): nobody is left to tell.
    }
  };
  /** sendDiagnostics throws, not rejects, once the connection is disposed: both are caught here. */
  const publish = async (params: PublishDiagnosticsParams) => {
    try {
      await connection.sendDiagnostics(params);
    } catch (error) {
      log(`cannot publish diagnostics for ${params.uri}`, error);
    }
  };
  /** Runs a handler so that no failure escapes as an unhandled rejection. */
  const guarded =
    <A extends unknown[], R>(what: string, fallback: R, handler: (...args: A) => R | Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        log(what, error);
        return fallback;
      }
    };

  /** Configs are read again: an error in one is news again. */
  const reload = () => {
    toldFailures.clear();
    workspace.reload();
  };

  /**
   * A request handler: guarded; refused with ServerNotInitialized (-32002) before initialize and InvalidRequest
   * (-32600) after shutdown, as the protocol says; and given only params of the protocol's shape (`check`), others
   * answered with InvalidParams (-32602) saying what is wrong. Registered with connection.onRequest, which hands
   * the params over as they came (the library's onHover and the like read them first, and throw on null).
   */
  const request =
    <P, R>(what: string, fallback: R, checkParams: (params: unknown) => P, handler: (params: P) => R | Promise<R>) => {
      const safe = guarded(what, fallback, handler);
      return (params: unknown): Promise<R> => {
        if (!initialized) return Promise.reject(new ResponseError(ErrorCodes.ServerNotInitialized, `ramlint: ${what} before initialize; send initialize first`));
        if (shutDown) return Promise.reject(new ResponseError(ErrorCodes.InvalidRequest, `ramlint: ${what} after shutdown`));
        try {
          return safe(checkParams(params));
        } catch (error) {
          if (error instanceof check.InvalidParamsError) return Promise.reject(new ResponseError(ErrorCodes.InvalidParams, `ramlint: ${what}: ${error.message}`));
          throw error;
        }
      };
    };

  const settingsFor = (uri: string): Promise<ServerSettings> => {
    if (!capabilities.workspace?.configuration) return Promise.resolve(pushedSettings);
    let cached = settingsCache.get(uri);
    if (!cached) {
      // A client that never answers must not stop linting: after a while the defaults apply.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer to workspace/configuration within ${SETTINGS_TIMEOUT_MS} ms`)), SETTINGS_TIMEOUT_MS);
      });
      const asked = Promise.resolve().then(() => connection.workspace.getConfiguration({ scopeUri: uri, section: 'ramlint' }));
      cached = Promise.race([asked, timeout])
        .then(readSettings, (error: unknown) => {
          log('cannot read the editor settings, so the defaults apply', error);
          return DEFAULT_SETTINGS;
        })
        .finally(() => clearTimeout(timer));
      settingsCache.set(uri, cached);
    }
    return cached;
  };

  const sayUnusableFolders = (unusable: readonly { uri: string; why: string }[]) => {
    for (const { uri, why } of unusable) log(`workspace folder ${uri} is left out`, new UnusableUriError(why));
  };

  const filePathOf = (document: TextDocument) => workspace.filePath(document.uri, document.languageId);

  /**
   * The document's path, or undefined for a file: URI that names no local file: the lint has shown it on the
   * document and said it in the log once, so hover and code actions answer nothing without logging it again.
   */
  const usablePath = (document: TextDocument): string | undefined => {
    try {
      return filePathOf(document);
    } catch (error) {
      if (!(error instanceof UnusableUriError)) throw error;
      if (!toldUnusable.has(document.uri)) log(`cannot lint ${document.uri}`, error);
      toldUnusable.add(document.uri);
      return undefined;
    }
  };

  const rulesOf = async (filePath: string, settings: ServerSettings): Promise<ReadonlyMap<string, Rule>> => workspace.linterFor(filePath, settings).getRulesForFile(filePath);

  const scheduler = new LintScheduler(async (uri, ticket) => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const stale = () => !scheduler.isCurrent(uri, ticket) || documents.get(uri)?.version !== version;
    try {
      const settings = await settingsFor(uri);
      if (!settings.enable) {
        linted.delete(uri);
        if (!stale()) await publish({ uri, version, diagnostics: [] });
        return;
      }
      const text = document.getText();
      const filePath = filePathOf(document);
      const tooLarge = oversizedBytes(text);
      if (tooLarge !== undefined) {
        // What the CLI says of such a file, not a lint that would hold the server for many seconds.
        const messages = unreadable(filePath, tooLargeMessage(tooLarge)).messages;
        linted.set(uri, { version, messages });
        if (!stale()) await publish({ uri, version, diagnostics: messages.map((m) => toDiagnostic(document, m, defaultRuleUrl)) });
        return;
      }
      // Every document is judged as a directory walk judges its file (\`ramlint .\`): package.json, a GitHub
      // workflow or a Kubernetes manifest get nothing, a Terraform plan or ROS template in JSON its findings.
      // A JSON document once linted as a policy is then linted as a file named on the command line while it
      // is open, so half-typed edits keep their diagnostics (invalid-json) instead of being passed over.
      const latched = isJsonDocument(document) && policies.has(uri);
      // A new file is blank before it is anything: no finding for it, and not yet a policy (a blank .json
      // counts as one in a walk, so that an emptied policy is not passed). Once a policy, emptying it is reported.
      if (!latched && isBlank(text)) {
        linted.delete(uri);
        if (!stale()) await publish({ uri, version, diagnostics: [] });
        return;
      }
      const linter = workspace.linterFor(filePath, settings);
      const results = await linter.lintText(text, { filePath, explicit: latched });
      if (isJsonDocument(document) && !latched && isBarePolicy(results) && documents.get(uri)) policies.add(uri);
      const rules = await linter.getRulesForFile(filePath);
      if (stale()) return;
      const messages = results.flatMap((r) => r.messages);
      const ruleUrl = (id: string) => {
        const rule = rules.get(id);
        return rule ? docsUrl(rule.meta) : defaultRuleUrl(id);
      };
      linted.set(uri, { version, messages });
      await publish({ uri, version, diagnostics: messages.map((m) => toDiagnostic(document, m, ruleUrl)) });
    } catch (error) {
      // Once per document for a URI that stays unusable, not on every keystroke.
      if (!(error instanceof UnusableUriError) || !toldUnusable.has(uri)) log(`cannot lint ${uri}`, error);
      if (error instanceof UnusableUriError) toldUnusable.add(uri);
      linted.delete(uri);
      // Never a silent pass: an invalid config is shown on the file it stops, saying which config and where,
      // as the command line's error line does (paths relative to the folder the file is linted from).
      let cwd: string | undefined;
      try {
        cwd = workspace.runDirectory(filePathOf(document));
      } catch {
        cwd = undefined;
      }
      const failure = describeFailure(error, cwd);
      const at = failure.at && { ...failure.at, message: failure.reason };
      if (!stale()) await publish({ uri, version, diagnostics: [failureDiagnostic(failure.message, at)] });
    }
  });

  const lintSoon = async (document: TextDocument, trigger: 'open' | 'change' | 'save') => {
    // Before initialize the client's settings and folders are unknown, and the protocol drops such notifications; after shutdown nothing is linted.
    if (!initialized || shutDown || !isLintable(document)) return;
    const settings = await settingsFor(document.uri);
    if (trigger === 'change' && settings.run === 'onSave') return;
    scheduler.schedule(document.uri, trigger === 'change' ? settings.debounceMs : 0);
  };
  const relintAll = () => {
    for (const document of documents.all()) void guarded('cannot re-lint', undefined, lintSoon)(document, 'open');
  };

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    initialized = true;
    options.onClientProcess?.(params.processId);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    sayUnusableFolders(workspace.setFolders(folders));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        // Resolve: the lightbulb's fix-all gets its edit only when the user picks it (codeAction/resolve).
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':'] },
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION, REVEAL] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ramlint', ...(options.version ? { version: options.version } : {}) },
    };
  });

  connection.onInitialized(
    guarded('initialized', undefined, async () => {
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` }],
        });
      }
      if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'ramlint' });
      }
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          sayUnusableFolders(workspace.addFolders(event.added.map((f) => f.uri), event.removed.map((f) => f.uri)));
          relintAll();
        });
      }
    }),
  );

  connection.onDidChangeConfiguration(
    guarded('configuration change', undefined, (change) => {
      settingsCache.clear();
      const pushed = (change.settings as { ramlint?: unknown } | undefined)?.ramlint;
      if (pushed !== undefined) pushedSettings = readSettings(pushed);
      reload();
      relintAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guarded('watched files change', undefined, (change) => {
      const names = new Set<string>(CONFIG_FILE_NAMES);
      if (!change.changes.some((c) => names.has(path.basename(c.uri)))) return;
      reload();
      relintAll();
    }),
  );

  // onDidChangeContent fires on open as well as on change; the first event for a document is its opening.
  const open = new Set<string>();
  documents.onDidChangeContent(({ document }) => {
    const trigger = open.has(document.uri) ? 'change' : 'open';
    open.add(document.uri);
    toldNotOpen.delete(document.uri);
    void guarded(trigger, undefined, lintSoon)(document, trigger);
  });
  documents.onDidSave(({ document }) => void guarded('save', undefined, lintSoon)(document, 'save'));
  documents.onDidClose(({ document }) => {
    open.delete(document.uri);
    policies.delete(document.uri);
    toldUnusable.delete(document.uri);
    settingsCache.delete(document.uri);
    scheduler.cancel(document.uri);
    linted.delete(document.uri);
    void publish({ uri: document.uri, diagnostics: [] });
  });

  const ruleInfo = (rules: ReadonlyMap<string, Rule>) => (id: string): RuleInfo => {
    const rule = rules.get(id);
    if (rule) return { description: rule.meta.description, why: whyItMatters(id), url: docsUrl(rule.meta) };
    const core = CORE_DIAGNOSTICS.find((c) => c.id === id);
    return { description: core?.description, why: whyItMatters(id), url: defaultRuleUrl(id) };
  };

  connection.onRequest(
    HoverRequest.type,
    request('hover', null, check.textDocumentPosition, async ({ textDocument, position }) => {
      const document = documents.get(textDocument.uri);
      if (!document || oversizedBytes(document.getText()) !== undefined) return null;
      const current = linted.get(document.uri);
      const messages = current?.version === document.version ? current.messages : [];
      const filePath = usablePath(document);
      if (filePath === undefined) return null;
      const rules = await rulesOf(filePath, await settingsFor(document.uri));
      return hoverAt(document.getText(), document.offsetAt(position), messages, ruleInfo(rules), catalogue, isJsonDocument(document));
    }),
  );

  connection.onRequest(
    CompletionRequest.type,
    request('completion', [], check.textDocumentPosition, ({ textDocument, position }) => {
      const document = documents.get(textDocument.uri);
      if (!document || !isJsonDocument(document) || oversizedBytes(document.getText()) !== undefined) return [];
      // Elements and actions are completed in bare policies only: not in other JSON (tsconfig.json, package.json),
      // and not in a host file (Terraform, ROS), where the JSON reader would guess. A policy is a document linted
      // as one, or one that has just become one (a "Statement" typed since the last lint).
      const text = document.getText();
      const policy = policies.has(document.uri) || (!isBlank(text) && looksLikePolicy(text));
      return policy ? complete(document, document.offsetAt(position), catalogue) : [];
    }),
  );

  connection.onRequest(
    CodeActionRequest.type,
    request('code action', [] as CodeAction[], check.codeActionParams, async (params: CodeActionParams) => {
      const document = documents.get(params.textDocument.uri);
      if (!document || oversizedBytes(document.getText()) !== undefined || usablePath(document) === undefined) return [];
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        for (const diagnostic of params.context.diagnostics) {
          actions.push(...findingActions(document, diagnostic));
          try {
            const waive = waiveAction(document, diagnostic, await waiveContext(document));
            if (waive) actions.push(waive);
          } catch (error) {
            // An unreadable config costs the waive action only, not the fixes beside it.
            log('cannot offer a waiver', error);
          }
        }
      }
      if (only) {
        // Asked for by kind (fix on save, "Fix all"): the edit, computed now.
        if (wants(FIX_ALL_KIND)) {
          const fixAll = await fixAllAction(document);
          if (fixAll) actions.push(fixAll);
        }
        return actions;
      }
      // Beside the quick fixes (a request on every cursor move), as vscode-eslint does: only while a current
      // finding has a fix, and without its edit, which a full fixing lint computes when the action is picked
      // (codeAction/resolve). A client that cannot resolve an edit asks for source.fixAll instead.
      const current = linted.get(document.uri);
      const fixable = current?.version === document.version && current.messages.some((m) => m.fix?.length);
      if (fixable && resolvesEdits()) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data: { uri: document.uri, version: document.version } satisfies FixAllData });
      return actions;
    }),
  );

  /** The client takes a code action without its edit and asks for the edit when the action is picked. */
  const resolvesEdits = () => {
    const codeAction = capabilities.textDocument?.codeAction;
    return codeAction?.dataSupport === true && codeAction.resolveSupport?.properties.includes('edit') === true;
  };

  connection.onRequest(
    CodeActionResolveRequest.type,
    request('code action resolve', undefined as unknown as CodeAction, check.codeAction, async (action: CodeAction) => {
      const data = action.data as Partial<FixAllData> | undefined;
      if (action.kind !== FIX_ALL_KIND || typeof data?.uri !== 'string') return action;
      const document = documents.get(data.uri);
      // Picked after the text changed: the edit would be for another text, so none is given.
      if (!document || document.version !== data.version || oversizedBytes(document.getText()) !== undefined) return action;
      const fixAll = await fixAllAction(document);
      return fixAll ? { ...action, edit: fixAll.edit } : action;
    }),
  );

  const fixAllAction = async (document: TextDocument): Promise<CodeAction | undefined> => {
    const filePath = filePathOf(document);
    const text = document.getText();
    const fixer = workspace.linterFor(filePath, await settingsFor(document.uri), true);
    const output = (await fixer.lintText(text, { filePath })).find((r) => r.output !== undefined)?.output;
    const edit = output === undefined ? undefined : minimalEdit(document, text, output);
    if (!edit) return undefined;
    return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: [edit] } } };
  };

  const waiveContext = async (document: TextDocument): Promise<WaiveContext> => {
    const filePath = filePathOf(document);
    const settings = await settingsFor(document.uri);
    return {
      filePath,
      folder: workspace.folderOf(filePath) ?? path.dirname(filePath),
      ...(settings.configFile ? { configFile: settings.configFile } : {}),
      canCreateFiles: capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
      onDisk: document.uri.startsWith('file:'),
      readText: (uri, file) => documents.get(uri)?.getText() ?? fs.readFileSync(file, 'utf8'),
    };
  };

  /**
   * The commands. Each checks its arguments (the client's, or those of a code action it may have altered) and
   * gives back what it will do, so that bad arguments are answered with InvalidParams before anything is done.
   */
  const commands: Record<string, (args: readonly unknown[]) => () => Promise<void>> = {
    [SHOW_DOCUMENTATION]: (args) => {
      const url = check.documentationArguments(args);
      return async () => {
        if (capabilities.window?.showDocument?.support === true) await connection.window.showDocument({ uri: url, external: true });
        else connection.window.showInformationMessage(`ramlint: documentation at ${url}`);
      };
    },
    [REVEAL]: (args) => {
      const { uri, start, end } = check.revealArguments(args);
      return async () => {
        if (capabilities.window?.showDocument?.support === true) await connection.window.showDocument({ uri, takeFocus: true, selection: { start, end } });
      };
    },
  };

  connection.onRequest(
    ExecuteCommandRequest.type,
    request(
      'command',
      null,
      (params) => {
        const { command, arguments: args } = check.executeCommandParams(params);
        const prepare = Object.hasOwn(commands, command) ? commands[command] : undefined;
        if (!prepare) throw new check.InvalidParamsError(`unknown command ${JSON.stringify(command)}; the commands are ${Object.keys(commands).join(', ')}`);
        return prepare(args);
      },
      async (run) => {
        await run();
        return null;
      },
    ),
  );

  connection.onShutdown(async () => {
    shutDown = true;
    for (const document of documents.all()) scheduler.cancel(document.uri);
    await workspace.dispose();
  });

  const warn = (message: string) => {
    try {
      connection.console.warn(message);
    } catch {
      // The connection is gone: nobody is left to tell.
    }
  };
  documents.listen(
    checkedDocumentSync(connection, {
      isOpen: (uri) => documents.get(uri) !== undefined,
      dropped: (method, why) => warn(`ramlint: ignored ${method}: ${why}`),
      notOpen: (uri) => {
        // Said once per document, not on every keystroke of a client that never opened it.
        if (toldNotOpen.has(uri)) return;
        toldNotOpen.add(uri);
        warn(`ramlint: ignored textDocument/didChange for ${uri}: it is not open (no didOpen came for it)`);
      },
    }),
  );
  connection.listen();
}
