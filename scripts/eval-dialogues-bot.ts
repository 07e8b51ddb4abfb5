// The dialogue eval's bot driver: each dialogue in its own private chat of the real bot (grammY,
// long polling) behind the Telegram Bot API emulator; a reply to an earlier answer is sent as a
// Telegram reply to that answer's message, and the rendered reply is read back.
import type { KnowledgeServices } from "../src/app/services.js";
import { createAuditLog } from "../src/audit/index.js";
import { createBot } from "../src/bot/create-bot.js";
import { runBot } from "../src/bot/run-bot.js";
import type { Config } from "../src/config.js";
import type { DialogueDriver, DialogueReply } from "../src/eval/dialogues/run-dialogues.js";
import { silentLogger } from "../src/logger.js";
import { startTelegramEmulator } from "../test/helpers/telegram-emulator.js";

const READING = /^(?:（按“(.+?)”理解）|\(Read as: “(.+?)”\))\n/su;
const NOT_FOUND = /资料中没有找到这个问题的答案|I could not find the answer/u;

/** Returns the reply as the eval scores it: reading line, status, and the answer text without its sources block. */
function readReply(html: string, typed: string): DialogueReply {
  const text = html.replace(/<[^>]+>/gu, "").replace(/&lt;/gu, "<").replace(/&gt;/gu, ">").replace(/&quot;/gu, '"').replace(/&amp;/gu, "&");
  const reading = READING.exec(text);
  const body = (reading ? text.slice(reading[0].length) : text).split(/\n(?:依据|Sources)\n/u)[0]!;
  const status = NOT_FOUND.test(body) ? "not_found" : /^⚠️/u.test(body) ? "failed" : "answered";
  const question = reading ? (reading[1] ?? reading[2]!.replace(/\?$/u, "?")) : typed;
  return { status, text: body, question, ...(reading ? { typedQuestion: typed } : {}) };
}

/** Starts the emulator and the bot over `services`; returns the driver. */
export async function createBotDriver(services: KnowledgeServices, config: Config): Promise<DialogueDriver & { close(): Promise<void> }> {
  const emulator = await startTelegramEmulator();
  const botConfig = { ...config, telegramBotToken: emulator.token, telegramApiRoot: emulator.apiRoot, webhook: undefined };
  const logger = silentLogger();
  const bot = createBot({ token: emulator.token, config: botConfig, services, audit: createAuditLog({ dataDir: config.dataDir }), logger, rateLimit: { timeFrameMs: 60_000, limit: 10_000 } });
  const running = await runBot({ bot, config: botConfig, logger });
  const chats = new Map<string, number>();
  const answers = new Map<string, number>();
  let nextChat = 900_000;
  return {
    async reset(key) {
      chats.set(key, nextChat++);
    },
    async ask(request) {
      const chatId = chats.get(request.key) ?? nextChat++;
      chats.set(request.key, chatId);
      const before = emulator.messages(chatId).length;
      const replyTo = request.afterTurn !== undefined ? answers.get(`${request.key}#${request.afterTurn}`) : undefined;
      emulator.sendText({ chatId, userId: chatId, text: request.message, ...(replyTo !== undefined ? { replyToBotMessage: replyTo } : {}) });
      const messages = await emulator.waitForMessages(chatId, before + 1, 120_000);
      const reply = messages[before]!;
      answers.set(`${request.key}#${request.turnId}`, reply.message_id);
      return readReply(reply.text, request.message);
    },
    async close() {
      await running.stop();
      await emulator.close();
    },
  };
}
