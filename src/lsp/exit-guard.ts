/**
 * A plugin that calls process.exit (written for a script, or on an error of
 * its own) would stop the language server without a word, and the editor
 * would show a policy with no findings. While the server runs, process.exit
 * is refused: the caller is logged (its stack says which plugin), and the
 * call throws, so the plugin's code goes no further and the file gets the
 * internal-error finding any throwing rule gets. vscode-eslint guards
 * process.exit the same way (it logs the caller, then exits a second later);
 * this server keeps serving instead.
 *
 * The protocol's own ends still exit: `exit` notifications, the client
 * closing the input, and the client's process going away (what
 * vscode-languageserver's watchdog checks before it calls process.exit).
 */

/** The error a refused process.exit throws. */
export class RefusedExitError extends Error {}

export interface ExitGuard {
  /** From now on process.exit exits: the protocol has ended. */
  allow(): void;
  /** The client's process id (initialize's processId): once it is gone, process.exit exits. */
  watchClient(processId: number | null | undefined): void;
}

/** True while a process with that id exists (EPERM: it exists, but is another user's). */
function alive(processId: number): boolean {
  try {
    process.kill(processId, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `--clientProcessId <pid>` or `--clientProcessId=<pid>`, which vscode-languageclient passes. */
function clientProcessFromArgv(argv: readonly string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = arg === '--clientProcessId' ? argv[i + 1] : arg.startsWith('--clientProcessId=') ? arg.slice('--clientProcessId='.length) : undefined;
    const id = value === undefined ? NaN : Number.parseInt(value, 10);
    if (Number.isInteger(id)) return id;
  }
  return undefined;
}

/** Replaces process.exit; `log` gets one message naming the call and its caller's stack. */
export function guardProcessExit(log: (message: string) => void, options: { thread: string; mayExit?: () => boolean }): void {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    if (options.mayExit?.() === true) return exit(code);
    const error = new RefusedExitError(`process.exit(${code ?? ''}) was called in the ramlint language ${options.thread} and refused: a plugin must not end the server, which keeps serving`);
    // The frames below this function: the caller first, the plugin among them.
    const caller = (error.stack ?? '').split('\n').slice(2).join('\n');
    log(`ramlint: ${error.message}\n${caller}`);
    throw error;
  }) as typeof process.exit;
}

/** The guard for the server's thread: it lets the protocol's own ends exit. */
export function guardServerExit(log: (message: string) => void, argv: readonly string[] = process.argv): ExitGuard {
  let leaving = false;
  const clients = new Set<number>();
  const fromArgv = clientProcessFromArgv(argv);
  if (fromArgv !== undefined) clients.add(fromArgv);
  guardProcessExit(log, { thread: 'server', mayExit: () => leaving || [...clients].some((id) => !alive(id)) });
  return {
    allow: () => {
      leaving = true;
    },
    watchClient: (processId) => {
      if (typeof processId === 'number' && Number.isInteger(processId)) clients.add(processId);
    },
  };
}
