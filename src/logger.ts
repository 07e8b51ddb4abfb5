import pino, { type Logger } from "pino";

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
 * Returns a pino logger that never prints secrets: known fields are redacted by path, and any
 * literal secret passed in `secrets` is scrubbed from every message (e.g. a token inside a URL
 * in an error message).
 */
export function createLogger(options: {
  level?: string;
  secrets?: Array<string | undefined>;
  destination?: pino.DestinationStream;
}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => !!s && s.length >= 6);
  const scrub = (text: string) => secrets.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
  return pino(
    {
      level: options.level ?? "info",
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      // pino reads hooks.logMethod when `hooks` is present, so leave the key out entirely.
      ...(secrets.length > 0 ? { hooks: { streamWrite: (line: string) => scrub(line) } } : {}),
    },
    options.destination ?? pino.destination(2),
  );
}

/** A logger that discards everything; for tests and library callers that pass none. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
