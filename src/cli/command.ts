/**
 * The shape of one `bin/smartmoney` command. Each command lives in its own file under commands/ and is
 * listed once in main.ts. `run` returns the process exit code: 0 ok, 1 failure, 2 bad input/usage.
 */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full `--help` text: usage line, options with defaults, an example. */
  readonly help: string;
  run(argv: string[], io: CommandIo): Promise<number>;
}

/** Where a command writes: stdout for the result (JSON), stderr for progress, counts and errors. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Bad command-line usage: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
