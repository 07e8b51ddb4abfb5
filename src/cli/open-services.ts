import { createKnowledgeServices, type AppServices } from "../app/create-services.js";
import { loadConfig, type Config } from "../config.js";
import { createLogger, type Logger } from "../logger.js";
import { createIndexProgressBar } from "./progress-bar.js";

/**
 * The shared start of every command that answers or searches: validate the environment, make a
 * logger (warnings only unless LOG_LEVEL is set, so stdout and the terminal stay readable), and
 * build the services, drawing a progress bar on stderr if the index has to be built first.
 * @throws ConfigError for a malformed environment.
 */
export async function openServicesForCli(
  env: Record<string, string | undefined>,
  options: { quiet?: boolean } = {},
): Promise<{ config: Config; logger: Logger; services: AppServices }> {
  const config = loadConfig(env);
  const level = options.quiet === false || env.LOG_LEVEL ? config.logLevel : "warn";
  const logger = createLogger({ level, secrets: [config.telegramBotToken, config.llm.apiKey, config.webhook?.secret] });
  const bar = createIndexProgressBar();
  try {
    const services = await createKnowledgeServices({ config, logger, onFirstBuildProgress: bar.onProgress });
    return { config, logger, services };
  } finally {
    bar.stop();
  }
}
