import { AppError, ConfigError } from "../errors.js";
import { scrubSecrets, secretsFromEnvironment } from "../secrets/scrub-secrets.js";

/**
 * Runs a command-line entry point and turns its outcome into an exit code: the returned code,
 * or 1 with a one-line message on stderr for a thrown error (the stack only with DEBUG=1). The
 * message is scrubbed of every secret in the environment, since servers echo keys and tokens
 * back in their error texts. A reader that closes stdout early (`… | head -1`) ends the command
 * quietly with exit 0.
 */
export function runCli(main: () => Promise<number | void>, env: Record<string, string | undefined> = process.env): void {
  endQuietlyWhenOutputCloses(process.stdout);
  endQuietlyWhenOutputCloses(process.stderr);
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      const secrets = secretsFromEnvironment(env);
      process.stderr.write(`${scrubSecrets(describeError(error), secrets)}\n`);
      if (env.DEBUG && error instanceof Error) process.stderr.write(`${scrubSecrets(String(error.stack), secrets)}\n`);
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

/**
 * A closed pipe is the reader saying it has seen enough, not a failure: exit at once with 0
 * instead of an unhandled EPIPE stack trace (there is no one left to print the rest to).
 */
function endQuietlyWhenOutputCloses(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") process.exit(0);
    throw error;
  });
}
