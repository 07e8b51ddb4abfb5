import "dotenv/config";
import { openServicesForCli } from "./cli/open-services.js";
import { runCli } from "./cli/run-cli.js";
import { runTerminalChat } from "./cli/terminal-chat.js";

/**
 * Composition root: load config once, build the services, then run the Telegram bot when
 * TELEGRAM_BOT_TOKEN is set, or the terminal chat otherwise. Shuts down cleanly on SIGINT/SIGTERM.
 */
async function main(): Promise<number> {
  // The terminal chat shares the screen with the logs, so it only shows warnings unless asked.
  const telegram = Boolean(process.env.TELEGRAM_BOT_TOKEN?.trim());
  // Fleet mode: this process is one replica on shared Redis and PostgreSQL (src/fleet).
  if (telegram && (process.env.REDIS_URL?.trim() || process.env.DATABASE_URL?.trim())) {
    const { runFleetReplica } = await import("./fleet/fleet-main.js");
    return runFleetReplica(process.env);
  }
  const { config, logger, services } = await openServicesForCli(process.env, { quiet: !telegram });
  const mismatch = services.embedderMismatch();
  if (mismatch) process.stderr.write(`${mismatch} Until then answers use keyword search only.\n`);

  if (!telegram) {
    const documents = services.listDocuments();
    process.stderr.write(
      `Telegram bot not started: set TELEGRAM_BOT_TOKEN to run it. Terminal chat over ${config.knowledgeDir} ` +
        `(${documents.length} document${documents.length === 1 ? "" : "s"}, ${services.answerer.mode} answers, embeddings ${services.embedder.id}).\n`,
    );
    await runTerminalChat({ services, input: process.stdin, output: process.stdout, maxQuestionChars: config.maxQuestionChars });
    await services.close();
    return 0;
  }

  const { startTelegram } = await import("./app/start-telegram.js");
  const running = await startTelegram({ config, logger, services });
  await new Promise<void>((resolveShutdown) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, "shutting down: finishing answers in flight");
      void running
        .stop()
        .then(() => services.close())
        .finally(resolveShutdown);
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  });
  return 0;
}

runCli(main);
