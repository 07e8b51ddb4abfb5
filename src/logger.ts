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
 * error message) and of anything shaped like a token or key (see scrubSecrets).
 */
export function createLogger(options: {
  level?: string;
  secrets?: Array<string | undefined>;
  destination?: pino.DestinationStream;
}): Logger {
  const secrets = options.secrets ?? [];
  return pino(
    {
      level: options.level ?? "info",
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      hooks: { streamWrite: (line: string) => scrubSecrets(line, secrets) },
    },
    options.destination ?? pino.destination(2),
  );
}

/** A logger that discards everything; for tests and library callers that pass none. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
