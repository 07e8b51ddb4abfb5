import type { Api } from "grammy";
import type { Logger } from "../logger.js";
import { isNotModified, retryAfterSeconds } from "./describe-error.js";

/** A message that is edited as work progresses (streamed answer text, re-index progress). */
export interface LiveMessage {
  /** Sets the latest text; an edit follows when the interval allows. Never throws. */
  update(text: string): void;
  /** Stops edits, waits for an edit in flight, and returns the message id (undefined if none was sent). */
  finish(): Promise<number | undefined>;
}

export interface LiveMessageOptions {
  /** An Api without auto-retry: a 429 skips this edit instead of stalling the answer. */
  api: Api;
  chatId: number;
  logger: Logger;
  /** Minimum time between two sends/edits. Default 1000 ms. */
  intervalMs?: number;
  /** An existing message to edit; when absent, the first update sends a new one. */
  messageId?: number;
  /** Text currently shown in `messageId`, so an identical update is skipped. */
  shownText?: string;
  /** Default: none (plain text). */
  parseMode?: "HTML";
  /** Reply target for the first send (groups). */
  replyToMessageId?: number;
}

/**
 * Returns a throttled, best-effort message editor: at most one request in flight, at most one
 * per `intervalMs`, unchanged text never re-sent ("message is not modified" is treated as
 * success), and a 429 skips edits until its retry_after has passed instead of waiting.
 */
export function createLiveMessage(options: LiveMessageOptions): LiveMessage {
  const intervalMs = options.intervalMs ?? 1000;
  let messageId = options.messageId;
  let shownText = options.shownText;
  let latestText: string | undefined;
  let lastSentAt = 0;
  let cooldownUntil = 0;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  let finished = false;

  const send = async (text: string) => {
    const other = options.parseMode ? { parse_mode: options.parseMode } : {};
    try {
      if (messageId === undefined) {
        const message = await options.api.sendMessage(options.chatId, text, {
          ...other,
          ...(options.replyToMessageId ? { reply_parameters: { message_id: options.replyToMessageId, allow_sending_without_reply: true } } : {}),
        });
        messageId = message.message_id;
      } else {
        await options.api.editMessageText(options.chatId, messageId, text, other);
      }
      shownText = text;
    } catch (error) {
      if (isNotModified(error)) {
        shownText = text;
        return;
      }
      const retryAfter = retryAfterSeconds(error);
      if (retryAfter !== undefined) cooldownUntil = Date.now() + retryAfter * 1000;
      options.logger.debug({ chatId: options.chatId, retryAfter, error: error instanceof Error ? error.message : String(error) }, "live message edit skipped");
    }
  };

  const schedule = () => {
    if (finished || timer || inFlight || latestText === undefined || latestText === shownText) return;
    const wait = Math.max(lastSentAt + intervalMs, cooldownUntil) - Date.now();
    if (wait > 0) {
      timer = setTimeout(() => {
        timer = undefined;
        schedule();
      }, wait);
      return;
    }
    const text = latestText;
    lastSentAt = Date.now();
    inFlight = send(text).finally(() => {
      inFlight = undefined;
      schedule();
    });
  };

  return {
    update(text) {
      latestText = text;
      schedule();
    },
    async finish() {
      finished = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      while (inFlight) await inFlight;
      return messageId;
    },
  };
}
