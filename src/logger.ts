import { writeSync } from "node:fs";
import { createRequire } from "node:module";
import pino, { type Logger } from "pino";
import { scrubSecrets } from "./secrets/scrub-secrets.js";

export type { Logger };

/** Paths pino replaces with "[redacted]" wherever they appear in a log object. */
const REDACT_PATHS = [
  "token",
  "botToken",
  "apiKey",
  "openaiApiKey",
  "authorization",
  "*.token",
  "*.botToken",
  "*.apiKey",
  "*.openaiApiKey",
  "*.authorization",
  "*.headers.authorization",
  "config.telegramBotToken",
  "config.openaiApiKey",
  "config.webhookSecret",
];

/**
 * Returns a pino logger that never prints secrets: known fields are redacted by path, and every
 * line is scrubbed of each literal secret passed in `secrets` (e.g. a token inside a URL in an
 * error message) and of anything shaped like a token or key (see scrubSecrets). Lines are
 * pino-pretty's readable ones for a person at a terminal (stderr is a TTY), JSON otherwise (for
 * log collectors, files and pipes).
 */
export function createLogger(options: {
  level?: string;
  secrets?: Array<string | undefined>;
  destination?: pino.DestinationStream;
  /** Human-readable lines instead of JSON. Default: when no destination is given and stderr is a TTY. */
  pretty?: boolean;
}): Logger {
  const secrets = options.secrets ?? [];
  const pretty = options.pretty ?? (options.destination === undefined && process.stderr.isTTY === true);
  const destination = pretty ? prettyStream(options.destination) : (options.destination ?? pino.destination(2));
  return pino(
    {
      level: options.level ?? "info",
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      // Scrubbed before pino-pretty sees the line, so pretty output is as secret-free as JSON.
      hooks: { streamWrite: (line: string) => scrubSecrets(line, secrets) },
    },
    destination,
  );
}

/** Returns a stream formatting each JSON line with pino-pretty, written synchronously to `destination` (default stderr). */
function prettyStream(destination: pino.DestinationStream | undefined): pino.DestinationStream {
  // Loaded only for a terminal: services writing JSON never pay for it.
  const { prettyFactory } = createRequire(import.meta.url)("pino-pretty") as typeof import("pino-pretty");
  const format = prettyFactory({
    colorize: destination === undefined && process.stderr.hasColors?.() === true,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname",
  });
  // Synchronous, as pino.destination(2) is: the line before a crash is never lost.
  const write = destination ? (text: string) => destination.write(text) : (text: string) => writeSync(2, text);
  return { write: (line: string) => write(format(line)) };
}

/** A logger that discards everything; for tests and library callers that pass none. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
