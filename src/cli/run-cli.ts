import { AppError, ConfigError } from "../errors.js";

/**
 * Runs a command-line entry point and turns its outcome into an exit code: the returned code,
 * or 1 with a one-line message on stderr for a thrown error (the stack only with DEBUG=1).
 */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      process.stderr.write(`${describeError(error)}\n`);
      if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 1;
    },
  );
}

/** Returns the one-line (or, for config, one-line-per-problem) message for an error. */
export function describeError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof AppError) return `Error (${error.reason}): ${error.message}`;
  if (error instanceof Error) return `Error: ${error.message}`;
  return `Error: ${String(error)}`;
}
