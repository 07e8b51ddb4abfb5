import { isOpenToEveryone } from "../access/allow-list.js";
import { loadGrantSource } from "../access/grant-source.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";

/**
 * Start-up checks of access, run once per process that serves Telegram (the embedded bot, a
 * fleet replica's main thread): the grant file must load, and a bot open to everyone says so
 * in one warning.
 * @throws ConfigError naming KNOWLEDGE_ACCESS, the file and the problem.
 */
export function checkAccessAtStartup(config: Config, logger: Logger): void {
  if (config.access.grantFile) loadGrantSource({ filePath: config.access.grantFile, logger });
  if (config.telegramBotToken && isOpenToEveryone({ ...config.access, adminUserIds: config.adminUserIds })) {
    logger.warn(
      "the bot is open to everyone: neither ALLOWED_USER_IDS nor ALLOWED_CHAT_IDS is set, so anyone who finds it on Telegram can ask it about every document it may see",
    );
  }
}
