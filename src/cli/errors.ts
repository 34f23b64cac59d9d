/** A problem that stops the run with exit 2 and a one-line message, no stack trace. */
export class UsageError extends Error {}
