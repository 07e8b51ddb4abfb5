import type { Transformer } from "grammy";
import { scrubSecrets } from "../secrets/scrub-secrets.js";

/** Payload fields of Bot API methods that carry text a user reads. */
const TEXT_FIELDS = ["text", "caption", "message"] as const;

/**
 * Returns an API transformer that scrubs every secret (the given ones and any token- or
 * key-shaped string) from the text of every outgoing message, edit and callback answer: the one
 * place all bot replies pass, so an error message that echoes a key can never reach a chat.
 */
export function scrubOutgoingText(secrets: ReadonlyArray<string | undefined>): Transformer {
  return (previous, method, payload, signal) => {
    if (payload === undefined || payload === null || typeof payload !== "object") return previous(method, payload, signal);
    let scrubbed: Record<string, unknown> | undefined;
    for (const field of TEXT_FIELDS) {
      const value = (payload as Record<string, unknown>)[field];
      if (typeof value !== "string") continue;
      const clean = scrubSecrets(value, secrets);
      if (clean === value) continue;
      scrubbed ??= { ...(payload as Record<string, unknown>) };
      scrubbed[field] = clean;
    }
    return previous(method, (scrubbed ?? payload) as typeof payload, signal);
  };
}
