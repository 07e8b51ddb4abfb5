import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { describeError } from "./describe-error.js";

const MAX_BODY_BYTES = 1024 * 1024;
const REMEMBERED_UPDATES = 10_000;

/** The secret Telegram sends in X-Telegram-Bot-Api-Secret-Token: WEBHOOK_SECRET, or one derived from the token. */
export function webhookSecret(secret: string | undefined, token: string): string {
  return secret ?? createHash("sha256").update(`webhook:${token}`).digest("hex").slice(0, 48);
}

export interface WebhookServer {
  readonly port: number;
  /** Stops accepting updates and waits for those in flight. */
  close(): Promise<void>;
}

/**
 * Starts the webhook receiver: POST on the URL's path with the right secret → 200 at once, then
 * the update is handled (Telegram's retry after a slow answer would otherwise duplicate it);
 * update ids already seen are acknowledged and dropped. Wrong secret → 401.
 *
 * With `receive` instead of `bot` (fleet mode), the update is acknowledged only once `receive`
 * has stored it (200), and refused with 503 when it could not, so Telegram delivers it again;
 * deduplication is then the store's job.
 */
export async function startWebhookServer(options: {
  bot?: Bot<BotContext>;
  receive?: (update: Update) => Promise<void>;
  path: string;
  port: number;
  host?: string;
  secret: string;
  logger: Logger;
}): Promise<WebhookServer> {
  const { bot, receive, logger } = options;
  if (!bot && !receive) throw new Error("startWebhookServer needs a bot or a receive function");
  const seen = new Set<number>();
  const inFlight = new Set<Promise<void>>();

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (request.method !== "POST" || url.pathname !== options.path) {
      response.writeHead(404).end();
      request.resume();
      return;
    }
    if (request.headers["x-telegram-bot-api-secret-token"] !== options.secret) {
      logger.warn({ remote: request.socket.remoteAddress }, "webhook call with a wrong secret token refused");
      response.writeHead(401).end();
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        response.writeHead(413).end();
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (response.headersSent) return;
      let update: Update;
      try {
        update = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Update;
        if (typeof update.update_id !== "number") throw new Error("no update_id");
      } catch {
        response.writeHead(400).end();
        return;
      }
      if (receive) {
        const receiving = receive(update)
          .then(
            () => {
              response.writeHead(200, { "content-type": "application/json" }).end("{}");
            },
            (error: unknown) => {
              logger.warn({ updateId: update.update_id, err: error instanceof Error ? error.message : String(error) }, "update not stored; refused so Telegram resends it");
              response.writeHead(503).end();
            },
          )
          .finally(() => inFlight.delete(receiving));
        inFlight.add(receiving);
        return;
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
      if (seen.has(update.update_id)) {
        logger.info({ updateId: update.update_id }, "duplicate webhook delivery ignored");
        return;
      }
      seen.add(update.update_id);
      if (seen.size > REMEMBERED_UPDATES) seen.delete(seen.values().next().value!);
      const handling = bot!
        .handleUpdate(update)
        .catch((error: unknown) => logger.error({ err: describeError(error, [bot!.token]) }, "webhook update failed"))
        .finally(() => inFlight.delete(handling));
      inFlight.add(handling);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    port,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
