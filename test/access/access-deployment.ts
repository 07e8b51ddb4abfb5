/**
 * The bot as it is deployed, for the outside checks of access: a knowledge folder with the
 * shipped report at the top level (collection `main`) and a confidential memo in `finance/`,
 * a grant file, allow-lists, and the Bot API emulator. Embedded: `startTelegram` in this process,
 * as `npm start` runs it. Fleet: replica processes (`node --import tsx src/main.ts`) on a real
 * redis-server and PostgreSQL, behind the emulator as Telegram and load balancer.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createKnowledgeServices } from "../../src/app/create-services.js";
import { startTelegram } from "../../src/app/start-telegram.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { REPORT_PATH } from "../helpers/fake-services.js";
import { createReplicaProcess, type ReplicaProcess } from "../helpers/fleet-replica.js";
import { startFleetServers, type FleetServers } from "../helpers/fleet-servers.js";
import { startTelegramEmulator, type BotMessage, type TelegramEmulator } from "../helpers/telegram-emulator.js";

export const MEMO_PATH = fileURLToPath(new URL("../fixtures/access/finance/confidential-memo.txt", import.meta.url));

export const ADMIN = 1001;
/** Served (ALLOWED_USER_IDS), no finance grant. */
export const ALICE = 2001;
/** Served, granted finance in her private chat only. */
export const BOB = 2002;
/** On no list. */
export const STRANGER = 3003;
/** Listed in ALLOWED_CHAT_IDS and granted finance. */
export const FINANCE_GROUP = -7001;
/** Listed in ALLOWED_CHAT_IDS, no grant of its own (the default). */
export const PLAIN_GROUP = -7002;

/** Words of the memo that appear nowhere in the shipped report: any of them in a reply is a leak. */
export const FINANCE_MARKERS = ["17.3", "结算中心", "4.6亿", "备忘录", "偿还", "董事会", "confidential-memo", "finance/"];

export const GRANTS = {
  default: ["main"],
  chats: { [String(FINANCE_GROUP)]: ["main", "finance"] },
  users: { [String(BOB)]: ["finance"] },
};

/** The finance text found in `texts`, if any. */
export function financeLeaks(texts: string[]): string[] {
  return FINANCE_MARKERS.filter((marker) => texts.some((text) => text.includes(marker)));
}

export interface AccessDeployment {
  emulator: TelegramEmulator;
  grantFile: string;
  /** Rewrites the grant file (with a later modification time, as an editor's save would have). */
  writeGrants(text: string): void;
  /** Text of every bot message in a chat, final state (placeholders included until edited). */
  texts(chatId: number): string[];
  /** Waits for the next finished reply in a chat (after `after` messages), ignoring fleet placeholders. */
  nextReply(chatId: number, after: number, timeoutMs?: number): Promise<BotMessage>;
  stop(): Promise<void>;
}

const PLACEHOLDER = "正在查找…";

function prepareFolder(root: string): { knowledgeDir: string; grantFile: string } {
  const knowledgeDir = path.join(root, "knowledge");
  mkdirSync(path.join(knowledgeDir, "finance"), { recursive: true });
  copyFileSync(REPORT_PATH, path.join(knowledgeDir, path.basename(REPORT_PATH)));
  copyFileSync(MEMO_PATH, path.join(knowledgeDir, "finance", "confidential-memo.txt"));
  const grantFile = path.join(root, "grants.json");
  writeFileSync(grantFile, JSON.stringify(GRANTS));
  return { knowledgeDir, grantFile };
}

function accessEnv(emulator: TelegramEmulator, knowledgeDir: string, grantFile: string): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    ADMIN_USER_IDS: String(ADMIN),
    ALLOWED_USER_IDS: `${ALICE},${BOB}`,
    ALLOWED_CHAT_IDS: `${FINANCE_GROUP},${PLAIN_GROUP}`,
    KNOWLEDGE_ACCESS: grantFile,
    KNOWLEDGE_DIR: knowledgeDir,
    EMBEDDINGS: "lexical",
    ANSWERER: "extractive",
  };
}

function deployment(emulator: TelegramEmulator, grantFile: string, stop: () => Promise<void>): AccessDeployment {
  let saves = 0;
  const finished = (chatId: number) => emulator.messages(chatId).filter((message) => message.text !== PLACEHOLDER);
  return {
    emulator,
    grantFile,
    writeGrants(text) {
      writeFileSync(grantFile, text);
      saves += 1;
      const time = new Date(Date.now() + saves * 2000);
      utimesSync(grantFile, time, time);
    },
    texts: (chatId) => emulator.messages(chatId).map((message) => message.text),
    nextReply: (chatId, after, timeoutMs = 60_000) =>
      emulator.waitFor(() => finished(chatId)[after], timeoutMs, `reply ${after + 1} in chat ${chatId}`),
    stop,
  };
}

/** Starts the embedded bot (`startTelegram`, long polling) with access configured. */
export async function startEmbeddedDeployment(extraEnv: Record<string, string> = {}): Promise<AccessDeployment> {
  const emulator = await startTelegramEmulator();
  const root = mkdtempSync(path.join(tmpdir(), "access-embedded-"));
  const { knowledgeDir, grantFile } = prepareFolder(root);
  const config = loadConfig({ ...accessEnv(emulator, knowledgeDir, grantFile), DATA_DIR: path.join(root, "data"), LOG_LEVEL: "warn", ...extraEnv });
  const logger = createLogger({ level: "warn", secrets: [emulator.token], destination: { write: () => undefined } });
  const services = await createKnowledgeServices({ config, logger });
  const running = await startTelegram({ config, logger, services });
  return deployment(emulator, grantFile, async () => {
    await running.stop();
    await services.close();
    await emulator.close();
    rmSync(root, { recursive: true, force: true });
  });
}

/** Starts `replicas` fleet replica processes (webhook mode, one answer worker each) with access configured. */
export async function startFleetDeployment(options: { replicas: number; extraEnv?: Record<string, string> }): Promise<AccessDeployment & { servers: FleetServers; replicas: ReplicaProcess[] }> {
  const servers = await startFleetServers();
  const emulator = await startTelegramEmulator({ webhookTargets: [] });
  const root = mkdtempSync(path.join(tmpdir(), "access-fleet-"));
  const { knowledgeDir, grantFile } = prepareFolder(root);
  const env = {
    ...accessEnv(emulator, knowledgeDir, grantFile),
    REDIS_URL: servers.redis.url,
    DATABASE_URL: servers.postgres.url,
    WORKERS: "1",
    WEBHOOK_URL: "http://127.0.0.1:9/telegram",
    LOG_LEVEL: "warn",
    ...options.extraEnv,
  };
  const replicas: ReplicaProcess[] = [];
  for (let number = 1; number <= options.replicas; number += 1) replicas.push(await createReplicaProcess({ name: `r${number}`, root, env }));
  // One after the other: the first builds and publishes the generation, the others install it.
  for (const replica of replicas) await replica.start({ readyTimeoutMs: 180_000 });
  emulator.setWebhookTargets(replicas.map((replica) => replica.webhookUrl));
  const base = deployment(emulator, grantFile, async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await emulator.close();
    await servers.close();
    rmSync(root, { recursive: true, force: true });
  });
  return { ...base, servers, replicas };
}
