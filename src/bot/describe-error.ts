import { GrammyError, HttpError } from "grammy";
import { scrubSecrets } from "../secrets/scrub-secrets.js";

/** A log-safe summary of an error with every secret (bot token, API keys) replaced. */
export interface ErrorSummary {
  name: string;
  message: string;
  where: "telegram_api" | "network" | "handler";
  method?: string;
  errorCode?: number;
  stack?: string;
  cause?: string;
}

/** Returns `text` with each secret (and any token- or key-shaped string) replaced by "[redacted]". */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
  return scrubSecrets(text, secrets);
}

/**
 * Returns a summary of `error` safe to log: where it happened (Telegram refused, network failed,
 * our handler threw) and its message and stack with secrets removed — a grammY HttpError or a
 * fetch failure can carry the request URL, which contains the bot token.
 */
export function describeError(error: unknown, secrets: Array<string | undefined>): ErrorSummary {
  const clean = (text: string | undefined) => (text === undefined ? undefined : redactSecrets(text, secrets));
  if (error instanceof GrammyError) {
    return { name: error.name, message: clean(error.message)!, where: "telegram_api", method: error.method, errorCode: error.error_code };
  }
  if (error instanceof HttpError) {
    return { name: error.name, message: clean(error.message)!, where: "network", cause: clean(String(error.error)) };
  }
  if (error instanceof Error) {
    return {
      name: error.name,
      message: clean(error.message)!,
      where: "handler",
      stack: clean(error.stack),
      ...(error.cause !== undefined ? { cause: clean(error.cause instanceof Error ? error.cause.message : String(error.cause)) } : {}),
    };
  }
  return { name: "NonError", message: clean(String(error))!, where: "handler" };
}

/** True for Telegram's "message is not modified" refusal, which means the edit is already shown. */
export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 400 && error.description.includes("message is not modified");
}

/** Seconds Telegram asked us to wait, when the error is a 429. */
export function retryAfterSeconds(error: unknown): number | undefined {
  return error instanceof GrammyError && error.error_code === 429 ? (error.parameters.retry_after ?? 1) : undefined;
}
