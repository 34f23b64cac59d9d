/**
 * One pending lint per document: a new change restarts the debounce timer,
 * and a run learns it is stale (a newer change, or the document closed) by
 * its ticket, so old results are never published over new ones.
 */
export class LintScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly tickets = new Map<string, number>();

  constructor(private readonly run: (uri: string, ticket: number) => Promise<void>) {}

  /** Lint after `delayMs` of quiet; 0 lints on the next turn of the event loop. */
  schedule(uri: string, delayMs: number): void {
    this.clearTimer(uri);
    const ticket = this.nextTicket(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        // The run handles its own failures; this catch only keeps a bug there from becoming an unhandled rejection.
        this.run(uri, ticket).catch(() => undefined);
      }, delayMs),
    );
  }

  /** True while no newer run was scheduled for the document and it was not closed. */
  isCurrent(uri: string, ticket: number): boolean {
    return this.tickets.get(uri) === ticket;
  }

  cancel(uri: string): void {
    this.clearTimer(uri);
    this.tickets.delete(uri);
  }

  /** One counter for all documents, so a document closed and reopened never meets an old ticket. */
  private lastTicket = 0;

  private nextTicket(uri: string): number {
    const ticket = ++this.lastTicket;
    this.tickets.set(uri, ticket);
    return ticket;
  }

  private clearTimer(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
