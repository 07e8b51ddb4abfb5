import { createKnowledgeServices, type AppServices } from "../app/create-services.js";
import { loadConfig, type Config } from "../config.js";
import { createLogger, type Logger } from "../logger.js";
import { secretsFromEnvironment } from "../secrets/scrub-secrets.js";
import type { BuildStatus } from "../store/build-status.js";
import type { IndexProgress } from "../store/types.js";
import { createIndexProgressBar } from "./progress-bar.js";

/**
 * The shared start of every command that answers or searches: validate the environment, make a
 * logger (warnings only unless LOG_LEVEL is set, so stdout and the terminal stay readable), and
 * build the services, drawing a progress bar on stderr if the index has to be built first. When
 * another process is building the first index, says so on stderr, shows that build's progress,
 * and waits for it.
 * @throws ConfigError for a malformed environment.
 */
export async function openServicesForCli(
  env: Record<string, string | undefined>,
  options: { quiet?: boolean; stderr?: NodeJS.WriteStream } = {},
): Promise<{ config: Config; logger: Logger; services: AppServices }> {
  const config = loadConfig(env);
  const stderr = options.stderr ?? process.stderr;
  const level = options.quiet === false || env.LOG_LEVEL ? config.logLevel : "warn";
  const logger = createLogger({
    level,
    secrets: [config.telegramBotToken, config.llm.apiKey, config.webhook?.secret, ...secretsFromEnvironment(env)],
  });
  const bar = createIndexProgressBar(stderr);
  let waiting = false;
  let lastPhase = "";
  const onProgress = (progress: IndexProgress): void => {
    bar.onProgress(progress);
    // Without a terminal there is no bar; a waiting process still says how far the build is.
    if (!waiting || stderr.isTTY || !("total" in progress) || progress.phase === lastPhase) return;
    lastPhase = progress.phase;
    stderr.write(`  … ${progress.phase} ${progress.done}/${progress.total}\n`);
  };
  try {
    const services = await createKnowledgeServices({
      config,
      logger,
      onFirstBuildProgress: onProgress,
      warmWordKnowledge: true,
      onWaitForBuild: (builder) => {
        waiting = true;
        stderr.write(`${describeWait(builder)}\n`);
      },
    });
    return { config, logger, services };
  } finally {
    bar.stop();
  }
}

function describeWait(builder: BuildStatus | undefined): string {
  const who = builder ? `process ${builder.pid}, started ${builder.startedAt}` : "another process";
  return `Waiting for the index build already running (${who}); answering as soon as it is done.`;
}
