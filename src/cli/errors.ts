/**
 * Errors the CLI reports on one line of standard error, `vethlab: MESSAGE`,
 * with the exit status they stand for: 1 for input it cannot use (a file, a
 * link), 2 for a command given wrongly (main.ts prints the usage after it).
 */
export class CliError extends Error {
  readonly status: 1 | 2;

  constructor(message: string, status: 1 | 2 = 1) {
    super(message);
    this.status = status;
  }
}

/** A command given wrongly: exit status 2, the usage printed after the message. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}
