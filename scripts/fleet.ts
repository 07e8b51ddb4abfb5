/**
 * `npm run fleet -- --replicas 3 [--workers N]`: starts a local fleet for trying fleet mode out.
 * Uses REDIS_URL and DATABASE_URL when set; otherwise starts a temporary redis-server and
 * PostgreSQL (Debian packages) on free ports. With TELEGRAM_BOT_TOKEN the replicas serve that bot
 * (long polling: one replica polls under a Redis lease); without one, they serve the local Bot API
 * emulator and each line you type is asked as a Telegram user, answered by whichever replica
 * takes it. Ctrl-C stops every replica gracefully, then the temporary servers.
 */
import "dotenv/config";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { parseArgs, positiveIntFlag } from "../src/cli/parse-args.js";
import { runCli } from "../src/cli/run-cli.js";
import { createReplicaProcess, type ReplicaProcess } from "../test/helpers/fleet-replica.js";
import { fleetServersUnavailableReason, startFleetServers, type FleetServers } from "../test/helpers/fleet-servers.js";
import { startTelegramEmulator, type TelegramEmulator } from "../test/helpers/telegram-emulator.js";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ["replicas", "workers"]);
  const count = positiveIntFlag(args, "replicas", 3);
  const workers = positiveIntFlag(args, "workers", 1);
  const root = mkdtempSync(path.join(tmpdir(), "fleet-"));
  let servers: FleetServers | undefined;
  let emulator: TelegramEmulator | undefined;
  const replicas: ReplicaProcess[] = [];
  try {
    let redisUrl = process.env.REDIS_URL;
    let databaseUrl = process.env.DATABASE_URL;
    if (!redisUrl || !databaseUrl) {
      const unavailable = fleetServersUnavailableReason();
      if (unavailable) throw new Error(`set REDIS_URL and DATABASE_URL, or install the servers: ${unavailable}`);
      servers = await startFleetServers();
      redisUrl = servers.redis.url;
      databaseUrl = servers.postgres.url;
      process.stderr.write(`temporary servers: REDIS_URL=${redisUrl} DATABASE_URL=${databaseUrl}\n`);
    }
    const token = process.env.TELEGRAM_BOT_TOKEN?.trim();
    if (!token) emulator = await startTelegramEmulator({ recordCalls: false });
    const env: Record<string, string> = {
      REDIS_URL: redisUrl,
      DATABASE_URL: databaseUrl,
      WORKERS: String(workers),
      KNOWLEDGE_DIR: path.resolve(process.env.KNOWLEDGE_DIR ?? "knowledge"),
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      WEBHOOK_URL: "",
      ...(emulator ? { TELEGRAM_BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, EMBEDDINGS: process.env.EMBEDDINGS ?? "lexical" } : {}),
    };
    mkdirSync(path.join(root, "replicas"), { recursive: true });
    for (let index = 1; index <= count; index += 1) {
      replicas.push(await createReplicaProcess({ name: `replica-${index}`, root: path.join(root, "replicas"), env }));
    }
    // The first replica seeds the documents and publishes the first index; the others install it.
    await replicas[0]!.start();
    await Promise.all(replicas.slice(1).map((replica) => replica.start()));
    for (const replica of replicas) process.stderr.write(`${replica.name}: health http://127.0.0.1:${replica.healthPort}/readyz, DATA_DIR ${replica.dataDir}\n`);

    const stop = new Promise<void>((resolve) => {
      process.once("SIGINT", () => resolve());
      process.once("SIGTERM", () => resolve());
    });
    const local = emulator;
    if (local) {
      process.stderr.write(`${count} replicas serve the local Bot API emulator. Type a question (Ctrl-C to stop).\n`);
      const database = new pg.Pool({ connectionString: databaseUrl, max: 1 });
      const lines = createInterface({ input: process.stdin, terminal: false });
      let chatId = 1;
      void (async () => {
        for await (const line of lines) {
          if (line.trim() === "") continue;
          const chat = chatId++;
          local.sendText({ chatId: chat, userId: chat, text: line.trim() });
          const message = await local
            .waitFor(() => local.messages(chat).find((candidate) => candidate.reply_markup !== undefined || candidate.parse_mode === "HTML"), 60_000, "the answer")
            .catch(() => undefined);
          const who = await database.query<{ replica: string; generation_id: string }>("SELECT replica, generation_id FROM audit_answers WHERE chat_id = $1", [chat]);
          process.stdout.write(`${(message?.text ?? "(no answer)").replace(/<[^>]+>/g, "")}\n(answered by ${who.rows[0]?.replica ?? "?"}, generation ${who.rows[0]?.generation_id ?? "?"})\n\n`);
        }
      })().catch((error: unknown) => process.stderr.write(`${String(error)}\n`));
      await stop;
      lines.close();
      await database.end();
    } else {
      process.stderr.write(`${count} replicas serve the bot by long polling (one polls at a time). Ctrl-C to stop.\n`);
      await stop;
    }
    return 0;
  } finally {
    process.stderr.write("stopping the replicas…\n");
    await Promise.all(replicas.map((replica) => replica.stop()));
    await emulator?.close();
    await servers?.close();
    rmSync(root, { recursive: true, force: true });
  }
});
