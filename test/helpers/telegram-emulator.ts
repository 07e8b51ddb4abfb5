/**
 * A Telegram Bot API emulator on 127.0.0.1 for end-to-end bot tests and the load bench.
 * It implements the methods the bot calls (including getFile, file downloads and sendChatAction,
 * which telegram-test-api lacks), behaves like Telegram where it matters (long-poll offsets,
 * "message is not modified", HTML entity parsing, 4096-character limit, 429 retry_after) and lets
 * tests inject failures.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** JSON value of an emulated Telegram object; the emulator keeps Telegram's snake_case fields. */
type TelegramObject = Record<string, unknown>;

/** One recorded API call, in arrival order. */
export interface EmulatorCall {
  method: string;
  payload: TelegramObject;
  ok: boolean;
  errorCode?: number;
  description?: string;
  time: number;
}

/** The final state of a bot message after all edits. */
export interface BotMessage {
  message_id: number;
  chat_id: number;
  text: string;
  parse_mode?: string;
  reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };
  reply_to_message_id?: number;
  /** Every text the message had, first to last (index 0 is the original). */
  history: string[];
  edits: number;
  deleted: boolean;
  document?: { file_name?: string };
  sentAt: number;
  editedAt?: number;
}

/** An injected API failure, returned as Telegram would. */
export interface InjectedFailure {
  error_code: number;
  description?: string;
  retry_after?: number;
}

interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  file_size: number;
  bytes: Uint8Array | undefined;
}

interface PollWaiter {
  offset: number;
  limit: number;
  resolve: (updates: TelegramObject[]) => void;
}

export interface TelegramEmulatorOptions {
  /** Bot token the emulator accepts. Default "123456:TEST-emulator-token-abcdefghijklmnop". */
  token?: string;
  /** Username returned by getMe. Default "report_helper_bot". */
  botUsername?: string;
  /** Record every call in `calls` (turn off for very long load runs). Default true. */
  recordCalls?: boolean;
  /**
   * Webhook deliveries go to these URLs in turn, like a load balancer in front of several
   * replicas, instead of the URL given to setWebhook. Deliveries then behave as Telegram's do:
   * one chat's updates are delivered one after the other (the next once the previous was
   * acknowledged), other chats in parallel, and a refused or failed delivery is retried until it
   * is acknowledged. Default: none (one fire-and-forget POST to the setWebhook URL).
   */
  webhookTargets?: string[];
  /**
   * With `webhookTargets`: after an update is acknowledged, deliver it once more to the next
   * target, as Telegram does when an acknowledgement is lost. Default false.
   */
  duplicateDeliveries?: boolean;
}

/** Counters of Telegram-like webhook deliveries (with `webhookTargets`). */
export interface WebhookDeliveryStats {
  /** POSTs made, duplicates and retries included. */
  attempts: number;
  /** POSTs refused (non-2xx) or failed (no connection). */
  refused: number;
  /** Updates acknowledged at least once. */
  acknowledged: number;
  /** Second deliveries of already acknowledged updates. */
  duplicates: number;
}

export interface SendTextOptions {
  chatId: number;
  userId: number;
  text: string;
  /** Default "private". */
  chatType?: "private" | "group";
  languageCode?: string;
  /** Makes the message a reply to this bot message id (or the last bot message in the chat if true). */
  replyToBotMessage?: number | true;
  entities?: TelegramObject[];
  firstName?: string;
}

export interface SendDocumentOptions {
  chatId: number;
  userId: number;
  fileName: string;
  /** File content; leave undefined with `fileSize` to announce a file that cannot be downloaded. */
  bytes?: Uint8Array;
  /** Announced size; defaults to bytes.length. */
  fileSize?: number;
  mimeType?: string;
  caption?: string;
  chatType?: "private" | "group";
  languageCode?: string;
}

/** A running emulator; close it in afterEach/afterAll. */
export interface TelegramEmulator {
  /** Pass as grammY `client: { apiRoot }`. */
  readonly apiRoot: string;
  readonly token: string;
  readonly botId: number;
  readonly botUsername: string;
  /** Every API call in arrival order (empty when recordCalls is false). */
  readonly calls: EmulatorCall[];
  /** Current webhook settings from setWebhook, if any. */
  readonly webhook: { url: string; secret_token?: string } | undefined;
  sendText(options: SendTextOptions): TelegramObject;
  sendSticker(options: { chatId: number; userId: number; chatType?: "private" | "group"; languageCode?: string }): TelegramObject;
  sendPhoto(options: { chatId: number; userId: number; chatType?: "private" | "group" }): TelegramObject;
  sendDocument(options: SendDocumentOptions): TelegramObject;
  /** Presses an inline button of a bot message; returns the callback query id. */
  clickButton(options: { chatId: number; messageId: number; data: string; userId?: number; languageCode?: string }): string;
  /** Queues a raw update (update_id assigned when absent); returns it. */
  pushUpdate(update: TelegramObject): TelegramObject;
  /** Posts an update to the webhook as Telegram would (optionally with another secret); returns the HTTP status. */
  deliverWebhook(update: TelegramObject, options?: { secret?: string | null }): Promise<number>;
  /** Replaces the load-balanced webhook targets (see TelegramEmulatorOptions.webhookTargets). */
  setWebhookTargets(urls: string[]): void;
  /** Counters of load-balanced deliveries. */
  readonly webhookDeliveries: WebhookDeliveryStats;
  /** Resolves once every load-balanced delivery so far has been acknowledged (duplicates included). */
  webhookSettled(timeoutMs?: number): Promise<void>;
  /** Bot messages of a chat in order, in their final state after edits (deleted ones left out). */
  messages(chatId: number): BotMessage[];
  /** Resolves with the chat's bot messages once there are at least `count`; rejects after the timeout. */
  waitForMessages(chatId: number, count: number, timeoutMs?: number): Promise<BotMessage[]>;
  /**
   * Resolves once `predicate` holds (checked after every API call and every `pollMs`, default 25);
   * rejects after the timeout. Load runs with hundreds of waiters pass a larger `pollMs`.
   */
  waitFor<T>(predicate: () => T | undefined | false, timeoutMs?: number, label?: string, options?: { pollMs?: number }): Promise<T>;
  /** Fails the next `times` calls of `method` with the given error. */
  failNext(method: string, failure: InjectedFailure, times?: number): void;
  /** Delays every call of `method` by `ms`. */
  delay(method: string, ms: number): void;
  /** Fails downloads of every file with this HTTP status. */
  failDownloads(status: number | undefined): void;
  /** Calls of one method (shorthand over `calls`). */
  callsOf(method: string): EmulatorCall[];
  /** Downloads served, by file path. */
  readonly downloads: string[];
  close(): Promise<void>;
}

const DEFAULT_TOKEN = "123456:TEST-emulator-token-abcdefghijklmnop";
const MAX_TEXT_CHARS = 4096;
const ALLOWED_TAGS = new Set([
  "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote", "tg-spoiler", "span", "tg-emoji",
]);
const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup of the message are exactly the same as a current content and reply markup of the message";

/**
 * Parses Telegram HTML like the Bot API does; returns the visible text or an error description
 * ("Bad Request: can't parse entities: ...") when tags are unbalanced, unknown or entities malformed.
 */
export function parseTelegramHtml(html: string): { text: string } | { error: string } {
  const stack: string[] = [];
  let text = "";
  let index = 0;
  while (index < html.length) {
    const char = html[index]!;
    if (char === "<") {
      const close = html.indexOf(">", index);
      if (close < 0) return { error: `Bad Request: can't parse entities: Unclosed start tag at byte offset ${index}` };
      const raw = html.slice(index + 1, close).trim();
      const closing = raw.startsWith("/");
      const name = (closing ? raw.slice(1) : raw).split(/\s/)[0]!.toLowerCase();
      if (!ALLOWED_TAGS.has(name)) return { error: `Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${index}` };
      if (closing) {
        const open = stack.pop();
        if (open !== name) return { error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${open ?? name}"` };
      } else {
        stack.push(name);
      }
      index = close + 1;
    } else if (char === ">") {
      return { error: `Bad Request: can't parse entities: Unexpected end tag at byte offset ${index}` };
    } else if (char === "&") {
      const match = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(html.slice(index, index + 12));
      if (!match) return { error: `Bad Request: can't parse entities: Character '&' is reserved at byte offset ${index}` };
      const entity = match[1]!.toLowerCase();
      text += entity === "lt" ? "<" : entity === "gt" ? ">" : entity === "amp" ? "&" : entity === "quot" ? '"'
        : String.fromCodePoint(entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
      index += match[0].length;
    } else {
      text += char;
      index += 1;
    }
  }
  if (stack.length > 0) return { error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"` };
  return { text };
}

class ApiFailure extends Error {
  constructor(readonly failure: InjectedFailure) {
    super(failure.description ?? `Error ${failure.error_code}`);
  }
}

/** Starts an emulator on 127.0.0.1 with a random port. */
export async function startTelegramEmulator(options: TelegramEmulatorOptions = {}): Promise<TelegramEmulator> {
  const token = options.token ?? DEFAULT_TOKEN;
  const botId = Number(token.split(":")[0]) || 123456;
  const botUsername = options.botUsername ?? "report_helper_bot";
  const recordCalls = options.recordCalls ?? true;

  const calls: EmulatorCall[] = [];
  const downloads: string[] = [];
  const updates: TelegramObject[] = [];
  let nextUpdateId = 1;
  let nextMessageId = 1;
  let nextFileId = 1;
  let nextCallbackId = 1;
  const botMessages = new Map<number, Map<number, BotMessage>>();
  const allMessages = new Map<string, TelegramObject>();
  const files = new Map<string, StoredFile>();
  const failures = new Map<string, Array<InjectedFailure>>();
  const delays = new Map<string, number>();
  let downloadFailure: number | undefined;
  const waiters = new Set<PollWaiter>();
  const watchers = new Set<() => void>();
  let webhook: { url: string; secret_token?: string } | undefined;
  const sockets = new Set<import("node:net").Socket>();

  // Many API calls in a row (a load run) trigger one pass over the watchers, not one each.
  let notifyScheduled = false;
  const notifyWatchers = () => {
    if (notifyScheduled) return;
    notifyScheduled = true;
    setImmediate(() => {
      notifyScheduled = false;
      for (const watcher of [...watchers]) watcher();
    });
  };

  const chatOf = (chatId: number, chatType: "private" | "group", user: TelegramObject) =>
    chatType === "private"
      ? { id: chatId, type: "private", first_name: user.first_name }
      : { id: chatId, type: "group", title: `Group ${chatId}` };

  const userOf = (userId: number, languageCode?: string, firstName?: string): TelegramObject => ({
    id: userId,
    is_bot: false,
    first_name: firstName ?? `User${userId}`,
    ...(languageCode ? { language_code: languageCode } : {}),
  });

  const botUser = { id: botId, is_bot: true, first_name: "Report Helper", username: botUsername };

  const pendingFor = (offset: number, limit: number) => updates.filter((update) => (update.update_id as number) >= offset).slice(0, limit);

  let webhookTargets = options.webhookTargets ?? [];
  let nextTarget = 0;
  const deliveryStats: WebhookDeliveryStats = { attempts: 0, refused: 0, acknowledged: 0, duplicates: 0 };
  const chatChains = new Map<string, Promise<void>>();
  const outstanding = new Set<Promise<void>>();
  let closed = false;

  /** POSTs until a target acknowledges (2xx); returns the index of the target that did. */
  const deliverUntilAcknowledged = async (update: TelegramObject, avoidTarget?: number): Promise<number> => {
    let backoff = 50;
    for (;;) {
      if (closed) return -1;
      let index = nextTarget++ % webhookTargets.length;
      if (index === avoidTarget && webhookTargets.length > 1) index = nextTarget++ % webhookTargets.length;
      deliveryStats.attempts += 1;
      try {
        const status = await postTo(webhookTargets[index]!, update, webhook?.secret_token);
        if (status >= 200 && status < 300) return index;
      } catch {
        // connection refused or reset: the replica is down; try the next one
      }
      deliveryStats.refused += 1;
      await new Promise((resolve) => setTimeout(resolve, backoff));
      backoff = Math.min(backoff * 2, 1000);
    }
  };

  const chatKeyOf = (update: TelegramObject): string => {
    const message = update.message as { chat?: { id?: number } } | undefined;
    const callback = update.callback_query as { message?: { chat?: { id?: number } }; from?: { id?: number } } | undefined;
    return String(message?.chat?.id ?? callback?.message?.chat?.id ?? callback?.from?.id ?? "none");
  };

  const deliverLikeTelegram = (update: TelegramObject) => {
    const key = chatKeyOf(update);
    const chain = (chatChains.get(key) ?? Promise.resolve()).then(async () => {
      const first = await deliverUntilAcknowledged(update);
      if (first < 0) return;
      deliveryStats.acknowledged += 1;
      if (options.duplicateDeliveries) {
        const duplicate = deliverUntilAcknowledged(update, first).then(() => {
          deliveryStats.duplicates += 1;
        });
        outstanding.add(duplicate);
        void duplicate.finally(() => outstanding.delete(duplicate));
      }
    });
    chatChains.set(key, chain);
    outstanding.add(chain);
    void chain.finally(() => {
      outstanding.delete(chain);
      if (chatChains.get(key) === chain) chatChains.delete(key);
    });
  };

  const pushUpdate = (update: TelegramObject): TelegramObject => {
    const full = { update_id: nextUpdateId++, ...update };
    nextUpdateId = Math.max(nextUpdateId, (full.update_id as number) + 1);
    if (webhook && webhookTargets.length > 0) {
      deliverLikeTelegram(full);
      return full;
    }
    if (webhook) {
      void postToWebhook(full, webhook.secret_token).catch(() => undefined);
      return full;
    }
    updates.push(full);
    for (const waiter of [...waiters]) {
      const batch = pendingFor(waiter.offset, waiter.limit);
      if (batch.length > 0) {
        waiters.delete(waiter);
        waiter.resolve(batch);
      }
    }
    return full;
  };

  const postTo = async (url: string, update: TelegramObject, secret: string | null | undefined): Promise<number> => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (secret) headers["x-telegram-bot-api-secret-token"] = secret;
    const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(update), signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    return response.status;
  };

  const postToWebhook = async (update: TelegramObject, secret: string | null | undefined): Promise<number> => {
    if (!webhook) throw new Error("no webhook set");
    return postTo(webhook.url, update, secret);
  };

  const newUserMessage = (chatId: number, chatType: "private" | "group", user: TelegramObject, fields: TelegramObject) => {
    const message = {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: chatOf(chatId, chatType, user),
      from: user,
      ...fields,
    };
    allMessages.set(`${chatId}:${message.message_id}`, message);
    return message;
  };

  const chatBotMessages = (chatId: number) => {
    let map = botMessages.get(chatId);
    if (!map) {
      map = new Map();
      botMessages.set(chatId, map);
    }
    return map;
  };

  const asTelegramMessage = (message: BotMessage): TelegramObject => ({
    message_id: message.message_id,
    date: Math.floor(message.sentAt / 1000),
    chat: { id: message.chat_id, type: message.chat_id > 0 ? "private" : "group" },
    from: botUser,
    text: message.text,
    ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
  });

  const requireChat = (payload: TelegramObject): number => {
    const chatId = Number(payload.chat_id);
    if (!Number.isFinite(chatId)) throw new ApiFailure({ error_code: 400, description: "Bad Request: chat not found" });
    return chatId;
  };

  const checkText = (text: unknown, parseMode: unknown): string => {
    if (typeof text !== "string" || text.trim() === "") throw new ApiFailure({ error_code: 400, description: "Bad Request: message text is empty" });
    let visible = text;
    if (parseMode === "HTML") {
      const parsed = parseTelegramHtml(text);
      if ("error" in parsed) throw new ApiFailure({ error_code: 400, description: parsed.error });
      visible = parsed.text;
    }
    if ([...visible].length > MAX_TEXT_CHARS) throw new ApiFailure({ error_code: 400, description: "Bad Request: message is too long" });
    return text;
  };

  const methods: Record<string, (payload: TelegramObject) => unknown> = {
    getMe: () => botUser,
    logOut: () => true,
    close: () => true,
    deleteWebhook: () => {
      webhook = undefined;
      return true;
    },
    setWebhook: (payload) => {
      webhook = { url: String(payload.url), ...(payload.secret_token ? { secret_token: String(payload.secret_token) } : {}) };
      return true;
    },
    getWebhookInfo: () => ({ url: webhook?.url ?? "", has_custom_certificate: false, pending_update_count: 0 }),
    setMyCommands: () => true,
    deleteMyCommands: () => true,
    sendChatAction: (payload) => {
      requireChat(payload);
      return true;
    },
    setMessageReaction: () => true,
    answerCallbackQuery: () => true,
    sendMessage: (payload) => {
      const chatId = requireChat(payload);
      const text = checkText(payload.text, payload.parse_mode);
      const message: BotMessage = {
        message_id: nextMessageId++,
        chat_id: chatId,
        text,
        ...(payload.parse_mode ? { parse_mode: String(payload.parse_mode) } : {}),
        ...(payload.reply_markup ? { reply_markup: payload.reply_markup as BotMessage["reply_markup"] } : {}),
        ...replyTarget(payload),
        history: [text],
        edits: 0,
        deleted: false,
        sentAt: Date.now(),
      };
      chatBotMessages(chatId).set(message.message_id, message);
      return asTelegramMessage(message);
    },
    sendDocument: (payload) => {
      const chatId = requireChat(payload);
      const caption = typeof payload.caption === "string" ? payload.caption : "";
      const message: BotMessage = {
        message_id: nextMessageId++,
        chat_id: chatId,
        text: caption,
        history: [caption],
        edits: 0,
        deleted: false,
        document: { file_name: "document" },
        sentAt: Date.now(),
      };
      chatBotMessages(chatId).set(message.message_id, message);
      return asTelegramMessage(message);
    },
    editMessageText: (payload) => {
      const chatId = requireChat(payload);
      const message = botMessages.get(chatId)?.get(Number(payload.message_id));
      if (!message || message.deleted) throw new ApiFailure({ error_code: 400, description: "Bad Request: message to edit not found" });
      const text = checkText(payload.text, payload.parse_mode);
      const parseMode = payload.parse_mode ? String(payload.parse_mode) : undefined;
      const markup = payload.reply_markup as BotMessage["reply_markup"] | undefined;
      if (text === message.text && parseMode === message.parse_mode && JSON.stringify(markup) === JSON.stringify(message.reply_markup)) {
        throw new ApiFailure({ error_code: 400, description: NOT_MODIFIED });
      }
      message.text = text;
      message.parse_mode = parseMode;
      message.reply_markup = markup;
      message.history.push(text);
      message.edits += 1;
      message.editedAt = Date.now();
      return asTelegramMessage(message);
    },
    editMessageReplyMarkup: (payload) => {
      const chatId = requireChat(payload);
      const message = botMessages.get(chatId)?.get(Number(payload.message_id));
      if (!message || message.deleted) throw new ApiFailure({ error_code: 400, description: "Bad Request: message to edit not found" });
      const markup = payload.reply_markup as BotMessage["reply_markup"] | undefined;
      if (JSON.stringify(markup) === JSON.stringify(message.reply_markup)) throw new ApiFailure({ error_code: 400, description: NOT_MODIFIED });
      message.reply_markup = markup;
      message.editedAt = Date.now();
      return asTelegramMessage(message);
    },
    deleteMessage: (payload) => {
      const chatId = requireChat(payload);
      const message = botMessages.get(chatId)?.get(Number(payload.message_id));
      if (!message) throw new ApiFailure({ error_code: 400, description: "Bad Request: message to delete not found" });
      message.deleted = true;
      return true;
    },
    getFile: (payload) => {
      const file = files.get(String(payload.file_id));
      if (!file) throw new ApiFailure({ error_code: 400, description: "Bad Request: invalid file_id" });
      if (file.file_size > 20 * 1024 * 1024) throw new ApiFailure({ error_code: 400, description: "Bad Request: file is too big" });
      return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_path: file.file_path };
    },
  };

  function replyTarget(payload: TelegramObject): { reply_to_message_id?: number } {
    const parameters = payload.reply_parameters as { message_id?: number } | undefined;
    const id = parameters?.message_id ?? (payload.reply_to_message_id as number | undefined);
    return id === undefined ? {} : { reply_to_message_id: Number(id) };
  }

  const handleGetUpdates = (payload: TelegramObject, request: IncomingMessage): Promise<TelegramObject[]> => {
    if (webhook) throw new ApiFailure({ error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" });
    const offset = Number(payload.offset ?? 0);
    const limit = Math.min(Number(payload.limit ?? 100), 100);
    const timeoutSeconds = Math.min(Number(payload.timeout ?? 0), 50);
    // Confirm (drop) every update below the offset, as Telegram does.
    while (updates.length > 0 && (updates[0]!.update_id as number) < offset) updates.shift();
    const ready = pendingFor(offset, limit);
    if (ready.length > 0 || timeoutSeconds <= 0) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const waiter: PollWaiter = { offset, limit, resolve: (batch) => { clearTimeout(timer); resolve(batch); } };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        resolve([]);
      }, timeoutSeconds * 1000);
      waiters.add(waiter);
      request.on("close", () => {
        if (waiters.delete(waiter)) {
          clearTimeout(timer);
          resolve([]);
        }
      });
    });
  };

  const readBody = async (request: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  const parsePayload = async (request: IncomingMessage, url: URL): Promise<TelegramObject> => {
    const body = await readBody(request);
    const contentType = request.headers["content-type"] ?? "";
    const payload: TelegramObject = Object.fromEntries(url.searchParams.entries());
    if (body.length === 0) return payload;
    if (contentType.includes("application/json")) return { ...payload, ...(JSON.parse(body.toString("utf8")) as TelegramObject) };
    const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    for (const [key, value] of form.entries()) {
      if (typeof value !== "string") {
        payload[key] = { upload: true };
      } else if (key === "text" || key === "caption") {
        payload[key] = value;
      } else {
        try {
          payload[key] = JSON.parse(value);
        } catch {
          payload[key] = value;
        }
      }
    }
    return payload;
  };

  const respond = (response: ServerResponse, status: number, body: unknown) => {
    if (response.destroyed) return;
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };

  const handleFileDownload = (response: ServerResponse, filePath: string) => {
    downloads.push(filePath);
    const file = [...files.values()].find((candidate) => candidate.file_path === filePath);
    if (downloadFailure !== undefined) return respond(response, downloadFailure, { ok: false, error_code: downloadFailure, description: "Internal Server Error" });
    if (!file || !file.bytes) return respond(response, 404, { ok: false, error_code: 404, description: "Not Found" });
    response.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length });
    response.end(Buffer.from(file.bytes));
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
      if (fileMatch) {
        if (fileMatch[1] !== token) return respond(response, 401, { ok: false, error_code: 401, description: "Unauthorized" });
        return handleFileDownload(response, decodeURIComponent(fileMatch[2]!));
      }
      const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!match) return respond(response, 404, { ok: false, error_code: 404, description: "Not Found" });
      if (match[1] !== token) return respond(response, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      const method = match[2]!;
      let payload: TelegramObject = {};
      const record = (ok: boolean, failure?: InjectedFailure) => {
        if (recordCalls) calls.push({ method, payload, ok, errorCode: failure?.error_code, description: failure?.description, time: Date.now() });
        notifyWatchers();
      };
      try {
        payload = await parsePayload(request, url);
        const delayMs = delays.get(method);
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        const queued = failures.get(method);
        if (queued && queued.length > 0) throw new ApiFailure(queued.shift()!);
        let result: unknown;
        if (method === "getUpdates") {
          result = await handleGetUpdates(payload, request);
        } else {
          const handler = methods[method];
          if (!handler) throw new ApiFailure({ error_code: 404, description: "Not Found: method not found" });
          result = handler(payload);
        }
        if (method !== "getUpdates" || (result as unknown[]).length > 0) record(true);
        respond(response, 200, { ok: true, result });
      } catch (error) {
        const failure = error instanceof ApiFailure ? error.failure : { error_code: 500, description: `Internal Server Error: ${String(error)}` };
        const description = failure.description ?? (failure.error_code === 429 ? `Too Many Requests: retry after ${failure.retry_after ?? 1}` : `Error ${failure.error_code}`);
        record(false, { ...failure, description });
        respond(response, failure.error_code, {
          ok: false,
          error_code: failure.error_code,
          description,
          ...(failure.retry_after !== undefined ? { parameters: { retry_after: failure.retry_after } } : {}),
        });
      }
    })();
  });
  server.keepAliveTimeout = 60_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const lastBotMessageId = (chatId: number) => [...chatBotMessages(chatId).keys()].at(-1);

  const emulator: TelegramEmulator = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botId,
    botUsername,
    calls,
    downloads,
    get webhook() {
      return webhook;
    },
    sendText(options) {
      const user = userOf(options.userId, options.languageCode, options.firstName);
      const replyId = options.replyToBotMessage === true ? lastBotMessageId(options.chatId) : options.replyToBotMessage;
      const replied = replyId === undefined ? undefined : chatBotMessages(options.chatId).get(replyId);
      const entities = options.entities ?? autoEntities(options.text);
      const message = newUserMessage(options.chatId, options.chatType ?? "private", user, {
        text: options.text,
        ...(entities.length > 0 ? { entities } : {}),
        ...(replied ? { reply_to_message: asTelegramMessage(replied) } : {}),
      });
      return pushUpdate({ message });
    },
    sendSticker(options) {
      const user = userOf(options.userId, options.languageCode);
      const message = newUserMessage(options.chatId, options.chatType ?? "private", user, {
        sticker: { file_id: `sticker-${nextFileId++}`, file_unique_id: "s", type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "😀" },
      });
      return pushUpdate({ message });
    },
    sendPhoto(options) {
      const user = userOf(options.userId);
      const message = newUserMessage(options.chatId, options.chatType ?? "private", user, {
        photo: [{ file_id: `photo-${nextFileId++}`, file_unique_id: "p", width: 90, height: 90, file_size: 1000 }],
      });
      return pushUpdate({ message });
    },
    sendDocument(options) {
      const fileId = `doc-${nextFileId++}`;
      const fileSize = options.fileSize ?? options.bytes?.length ?? 0;
      files.set(fileId, { file_id: fileId, file_unique_id: `u${fileId}`, file_path: `documents/${fileId}-${options.fileName}`, file_size: fileSize, bytes: options.bytes });
      const user = userOf(options.userId, options.languageCode);
      const message = newUserMessage(options.chatId, options.chatType ?? "private", user, {
        document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: options.fileName, mime_type: options.mimeType ?? "application/octet-stream", file_size: fileSize },
        ...(options.caption ? { caption: options.caption } : {}),
      });
      return pushUpdate({ message });
    },
    clickButton(options) {
      const message = chatBotMessages(options.chatId).get(options.messageId);
      if (!message) throw new Error(`no bot message ${options.messageId} in chat ${options.chatId}`);
      const id = `cb-${nextCallbackId++}`;
      const userId = options.userId ?? options.chatId;
      pushUpdate({
        callback_query: {
          id,
          from: userOf(userId, options.languageCode),
          message: asTelegramMessage(message),
          chat_instance: `ci-${options.chatId}`,
          data: options.data,
        },
      });
      return id;
    },
    pushUpdate,
    deliverWebhook(update, deliveryOptions) {
      const secret = deliveryOptions?.secret === undefined ? webhook?.secret_token : deliveryOptions.secret;
      return postToWebhook(update, secret);
    },
    setWebhookTargets(urls) {
      webhookTargets = [...urls];
    },
    webhookDeliveries: deliveryStats,
    async webhookSettled(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (outstanding.size > 0) {
        if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${outstanding.size} webhook deliveries`);
        await Promise.race([Promise.all([...outstanding]), new Promise((resolve) => setTimeout(resolve, 100))]);
      }
    },
    messages(chatId) {
      return [...chatBotMessages(chatId).values()].filter((message) => !message.deleted);
    },
    waitForMessages(chatId, count, timeoutMs = 10_000) {
      return emulator.waitFor(() => {
        const list = emulator.messages(chatId);
        return list.length >= count ? list : undefined;
      }, timeoutMs, `${count} bot message(s) in chat ${chatId}`);
    },
    waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 10_000, label = "condition", waitOptions: { pollMs?: number } = {}) {
      return new Promise<T>((resolve, reject) => {
        const check = () => {
          const value = predicate();
          if (value !== undefined && value !== false) {
            watchers.delete(check);
            clearTimeout(timer);
            clearInterval(poll);
            resolve(value as T);
          }
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          clearInterval(poll);
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${label}`));
        }, timeoutMs);
        // Also poll, for conditions that change without an API call (logs, services state).
        const poll = setInterval(check, waitOptions.pollMs ?? 25);
        watchers.add(check);
        check();
      });
    },
    failNext(method, failure, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(failure);
      failures.set(method, queue);
    },
    delay(method, ms) {
      delays.set(method, ms);
    },
    failDownloads(status) {
      downloadFailure = status;
    },
    callsOf(method) {
      return calls.filter((call) => call.method === method);
    },
    async close() {
      closed = true;
      for (const waiter of [...waiters]) waiter.resolve([]);
      waiters.clear();
      watchers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };

  function autoEntities(text: string): TelegramObject[] {
    const entities: TelegramObject[] = [];
    const command = /^\/[A-Za-z_]+(@[A-Za-z0-9_]+)?/.exec(text);
    if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
    const mention = /@[A-Za-z0-9_]{5,32}/g;
    for (const found of text.matchAll(mention)) {
      if (command && found.index! < command[0].length) continue;
      entities.push({ type: "mention", offset: found.index!, length: found[0].length });
    }
    return entities;
  }

  return emulator;
}
